// Job and CronJob defaulting, after upstream's batch/v1 and batch/v1beta1 defaults_test.go
// (TestSetDefaultJob, TestSetDefaultCronJob).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from './index.ts';

type Obj = Record<string, unknown>;
const defaulted = (version: string, kind: string, object: Obj): Obj => {
  applyDefaults('batch', version, kind, object);
  return object;
};
const spec = (o: Obj) => o.spec as Obj;

const podTemplate = (): Obj => ({ metadata: { labels: { job: 'x' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } });
const podTemplateDefaults: Obj = {
  metadata: { labels: { job: 'x' } },
  spec: {
    restartPolicy: 'Never',
    containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  },
};

describe('Job', () => {
  it('defaults a non-parallel job', () => {
    const job = defaulted('v1', 'Job', { metadata: { name: 'j' }, spec: { template: podTemplate() } });
    assert.deepEqual(job, {
      metadata: { name: 'j', labels: { job: 'x' } },
      spec: {
        template: podTemplateDefaults,
        completions: 1,
        parallelism: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        manualSelector: false,
      },
    });
  });

  it('keeps completions unset when only parallelism is set', () => {
    const job = defaulted('v1', 'Job', { spec: { parallelism: 3, template: podTemplate() } });
    assert.equal(spec(job).completions, undefined);
    assert.equal(spec(job).parallelism, 3);
  });

  it('defaults parallelism to 1 when only completions is set', () => {
    const job = defaulted('v1', 'Job', { spec: { completions: 5, template: podTemplate() } });
    assert.equal(spec(job).completions, 5);
    assert.equal(spec(job).parallelism, 1);
  });

  it('keeps explicit zeros and set values', () => {
    const job = defaulted('v1', 'Job', {
      metadata: { labels: { own: 'y' } },
      spec: {
        completions: 0,
        parallelism: 0,
        backoffLimit: 0,
        completionMode: 'Indexed',
        suspend: true,
        podReplacementPolicy: 'Failed',
        manualSelector: true,
        selector: { matchLabels: { job: 'x' } },
        template: podTemplate(),
      },
    });
    assert.deepEqual(job.metadata, { labels: { own: 'y' } });
    const s = spec(job);
    assert.deepEqual(
      [s.completions, s.parallelism, s.backoffLimit, s.completionMode, s.suspend, s.podReplacementPolicy, s.manualSelector],
      [0, 0, 0, 'Indexed', true, 'Failed', true],
    );
  });

  it('uses MaxInt32 retries with a per-index backoff limit', () => {
    const job = defaulted('v1', 'Job', { spec: { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, template: podTemplate() } });
    assert.equal(spec(job).backoffLimit, 2147483647);
  });

  it('replaces pods only once failed under a pod failure policy, and defaults pattern status', () => {
    const job = defaulted('v1', 'Job', {
      spec: {
        template: podTemplate(),
        podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }, { type: 'Other', status: 'False' }] }] },
      },
    });
    assert.equal(spec(job).podReplacementPolicy, 'Failed');
    assert.deepEqual(spec(job).podFailurePolicy, {
      rules: [
        {
          action: 'Ignore',
          onPodConditions: [
            { type: 'DisruptionTarget', status: 'True' },
            { type: 'Other', status: 'False' },
          ],
        },
      ],
    });
  });

  it('does not copy labels from a template without labels', () => {
    const job = defaulted('v1', 'Job', { metadata: { name: 'j' }, spec: { template: { spec: { containers: [] } } } });
    assert.deepEqual(job.metadata, { name: 'j' });
  });
});

describe('CronJob', () => {
  for (const version of ['v1', 'v1beta1']) {
    it(`${version}: Allow, not suspended, keeps 3 successful and 1 failed job`, () => {
      const cj = defaulted(version, 'CronJob', {
        metadata: { name: 'c' },
        spec: { schedule: '* * * * *', jobTemplate: { spec: { template: podTemplate() } } },
      });
      assert.deepEqual(cj, {
        metadata: { name: 'c' },
        spec: {
          schedule: '* * * * *',
          // The job template is no Job: only its pod template is defaulted.
          jobTemplate: { spec: { template: podTemplateDefaults } },
          concurrencyPolicy: 'Allow',
          suspend: false,
          successfulJobsHistoryLimit: 3,
          failedJobsHistoryLimit: 1,
        },
      });
    });

    it(`${version}: keeps set values`, () => {
      const cj = defaulted(version, 'CronJob', {
        spec: { concurrencyPolicy: 'Forbid', suspend: true, successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0, jobTemplate: { spec: { template: podTemplate() } } },
      });
      const s = spec(cj);
      assert.deepEqual([s.concurrencyPolicy, s.suspend, s.successfulJobsHistoryLimit, s.failedJobsHistoryLimit], ['Forbid', true, 0, 0]);
    });
  }

  it('defaults pod failure policy patterns inside the job template', () => {
    const cj = defaulted('v1', 'CronJob', {
      spec: { jobTemplate: { spec: { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] }, template: podTemplate() } } },
    });
    const jobSpec = (spec(cj).jobTemplate as Obj).spec as Obj;
    assert.deepEqual(jobSpec.podFailurePolicy, { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] });
    assert.equal(jobSpec.parallelism, undefined);
  });
});
