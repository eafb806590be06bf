// Jobs against a real server, its control plane and hollow nodes, driven by real
// kubectl: the seed's batch-job and multi-completion-batch-job (five completions, two
// at a time, never more; `kubectl scale job` raising parallelism), a failing Job
// reaching its backoffLimit, activeDeadlineSeconds, restartPolicy OnFailure counting
// restarts, suspend and resume, Indexed completion, ttlSecondsAfterFinished, the
// tracking finalizer, `kubectl wait --for=condition=complete`, and bad input rejected.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Job } from 'kubernetes-types/batch/v1.d.ts';
import type { Event, Pod } from 'kubernetes-types/core/v1.d.ts';
import type { ResourceClient } from '../../src/client/resource-client.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const job = (name: string, spec: string, podSpec = 'restartPolicy: OnFailure', annotations = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec
  .split('\n')
  .filter(Boolean)
  .map((l) => `  ${l}`)
  .join('\n')}
  template:
    metadata:
      labels:
        app: ${name}${annotations ? `\n      annotations:\n        ${annotations}` : ''}
    spec:
      ${podSpec}
      containers:
      - name: main
        image: luksa/batch-job
`;

describe('jobs', { timeout: 180_000 }, () => {
  let cluster: TestCluster;
  let jobs: ResourceClient<Job>;

  before(async () => {
    cluster = await startTestCluster({ nodes: 3, controlPlane: { controllers: { job: { podFailureBackoffMs: 200, maxPodFailureBackoffMs: 1000 } } } });
    jobs = cluster.clients.resource<Job>('jobs', 'batch');
  });
  after(async () => {
    await cluster?.close();
  });

  const getJob = (name: string) => jobs.get('default', name);
  const podsOf = async (name: string) => (await cluster.clients.pods.list('default', { labelSelector: `job-name=${name}` })).items;
  const eventsOf = async (name: string) =>
    (await cluster.clients.events.list('default', { fieldSelector: `involvedObject.name=${name}` })).items.map((e: Event) => `${e.type} ${e.reason} ${e.message}`);
  const condition = (j: Job, type: string) => j.status?.conditions?.find((c) => c.type === type && c.status === 'True');

  it("runs the seed's batch-job to completion: get jobs columns, events, kubectl wait", async () => {
    await cluster.kubectl.run(['create', '-f', '-'], { input: job('batch-job', '') }).then((r) => assert.equal(r.code, 0, r.stderr));
    const waited = await cluster.kubectlOk('wait', '--for=condition=complete', 'job/batch-job', '--timeout=30s');
    assert.match(waited, /job.batch\/batch-job condition met/);
    const j = await getJob('batch-job');
    assert.equal(j.status?.succeeded, 1);
    assert.ok(j.status?.startTime && j.status.completionTime);
    assert.deepEqual(j.status?.uncountedTerminatedPods, {});
    assert.equal(j.status?.ready, 0);
    assert.equal(j.status?.terminating, 0);
    assert.deepEqual(
      j.status?.conditions?.map((c) => [c.type, c.status, c.reason]),
      [
        ['SuccessCriteriaMet', 'True', 'CompletionsReached'],
        ['Complete', 'True', 'CompletionsReached'],
      ],
    );
    const table = await cluster.kubectlOk('get', 'jobs');
    assert.match(table, /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\n/);
    assert.match(table, /batch-job\s+Complete\s+1\/1\s+\d+s\s+\d+s/);
    const pods = await podsOf('batch-job');
    assert.equal(pods.length, 1);
    assert.equal(pods[0]!.status?.phase, 'Succeeded');
    assert.deepEqual(pods[0]!.metadata?.finalizers ?? [], [], 'the tracking finalizer is removed once counted');
    assert.match(pods[0]!.metadata!.name!, /^batch-job-[a-z0-9]{5}$/);
    await until(async () => (await eventsOf('batch-job')).includes('Normal Completed Job completed'), 'the Completed event');
    assert.ok((await eventsOf('batch-job')).includes(`Normal SuccessfulCreate Created pod: ${pods[0]!.metadata!.name!}`));
    const described = await cluster.kubectlOk('describe', 'job', 'batch-job');
    assert.match(described, /Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed/);
    assert.match(described, /Normal\s+Completed\s+\S+\s+job-controller\s+Job completed/);
    // The seed lists finished pods too (`-a` is gone from kubectl: they are always listed).
    assert.match(await cluster.kubectlOk('get', 'po'), /batch-job-\w+\s+0\/1\s+Completed/);
  });

  it('runs five completions two at a time, never more; kubectl scale job raises parallelism', async () => {
    const name = 'multi-completion-batch-job';
    await cluster.kubectl.run(['create', '-f', '-'], { input: job(name, 'completions: 5\nparallelism: 2', 'restartPolicy: OnFailure', 'sim.kubets.io/run-seconds: "2"') }).then((r) => assert.equal(r.code, 0, r.stderr));
    let maxActive = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const active = (await podsOf(name)).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await until(async () => (await getJob(name)).status?.active === 2, 'two active pods');
    assert.match(await cluster.kubectlOk('get', 'job', name), new RegExp(`${name}\\s+Running\\s+0/5`));
    await until(async () => (await getJob(name)).status?.succeeded === 2, 'two completions', 20_000);
    sampling = false;
    await sampler;
    assert.equal(maxActive, 2, 'never more than parallelism pods active');
    const scaled = await cluster.kubectl.run(['scale', 'job', name, '--replicas', '3']);
    assert.equal(scaled.code, 0, scaled.stderr);
    assert.equal((await getJob(name)).spec?.parallelism, 3);
    await until(async () => (await getJob(name)).status?.active === 3, 'three active pods after scaling', 20_000);
    await until(async () => !!condition(await getJob(name), 'Complete'), 'completion', 30_000);
    const j = await getJob(name);
    assert.equal(j.status?.succeeded, 5);
    assert.equal(j.status?.active ?? 0, 0);
    assert.equal((await podsOf(name)).length, 5);
    assert.match(await cluster.kubectlOk('get', 'job', name), new RegExp(`${name}\\s+Complete\\s+5/5`));
  });

  it('fails a Job past its backoffLimit (restartPolicy Never counts failed pods)', async () => {
    await cluster.kubectl
      .run(['create', '-f', '-'], { input: job('failing', 'backoffLimit: 2', 'restartPolicy: Never', 'sim.kubets.io/exit-code: "1"') })
      .then((r) => assert.equal(r.code, 0, r.stderr));
    await until(async () => !!condition(await getJob('failing'), 'Failed'), 'the Failed condition', 30_000);
    const j = await getJob('failing');
    assert.equal(j.status?.failed, 3);
    assert.equal(j.status?.succeeded ?? 0, 0);
    const failedCond = condition(j, 'Failed')!;
    assert.equal(failedCond.reason, 'BackoffLimitExceeded');
    assert.equal(failedCond.message, 'Job has reached the specified backoff limit');
    assert.equal(condition(j, 'FailureTarget')?.reason, 'BackoffLimitExceeded');
    assert.equal(j.status?.completionTime, undefined);
    assert.equal((await podsOf('failing')).length, 3);
    await until(async () => (await eventsOf('failing')).includes('Warning BackoffLimitExceeded Job has reached the specified backoff limit'), 'the BackoffLimitExceeded event');
    assert.match(await cluster.kubectlOk('get', 'job', 'failing'), /failing\s+Failed\s+0\/1/);
    const waited = await cluster.kubectl.run(['wait', '--for=condition=failed', 'job/failing', '--timeout=5s']);
    assert.equal(waited.code, 0, waited.stderr);
  });

  it('counts container restarts against backoffLimit with restartPolicy OnFailure', async () => {
    await cluster.kubectl
      .run(['create', '-f', '-'], { input: job('crashing', 'backoffLimit: 1', 'restartPolicy: OnFailure', 'sim.kubets.io/exit-code: "1"') })
      .then((r) => assert.equal(r.code, 0, r.stderr));
    await until(async () => !!condition(await getJob('crashing'), 'Failed'), 'the Failed condition', 30_000);
    assert.equal(condition(await getJob('crashing'), 'Failed')?.reason, 'BackoffLimitExceeded');
    await until(async () => (await podsOf('crashing')).length === 0, 'the running pod deleted');
  });

  it('stops a Job at its activeDeadlineSeconds', async () => {
    await cluster.kubectl
      .run(['create', '-f', '-'], { input: job('deadline', 'activeDeadlineSeconds: 2\nparallelism: 2\ncompletions: 4', 'restartPolicy: Never', 'sim.kubets.io/run-seconds: "60"') })
      .then((r) => assert.equal(r.code, 0, r.stderr));
    await until(async () => (await getJob('deadline')).status?.active === 2, 'two active pods');
    await until(async () => !!condition(await getJob('deadline'), 'Failed'), 'the Failed condition', 20_000);
    const j = await getJob('deadline');
    assert.equal(condition(j, 'Failed')?.reason, 'DeadlineExceeded');
    assert.equal(condition(j, 'Failed')?.message, 'Job was active longer than specified deadline');
    assert.equal(j.status?.active ?? 0, 0);
    assert.equal(j.status?.failed, 2, 'the pods it stopped count as failed');
    await until(async () => (await podsOf('deadline')).length === 0, 'the pods gone');
    await until(async () => (await eventsOf('deadline')).includes('Warning DeadlineExceeded Job was active longer than specified deadline'), 'the event');
  });

  it('suspends and resumes a Job', async () => {
    await cluster.kubectl
      .run(['create', '-f', '-'], { input: job('pausable', 'suspend: true\ncompletions: 2', 'restartPolicy: Never', 'sim.kubets.io/run-seconds: "1"') })
      .then((r) => assert.equal(r.code, 0, r.stderr));
    await until(async () => !!condition(await getJob('pausable'), 'Suspended'), 'the Suspended condition');
    assert.equal((await podsOf('pausable')).length, 0);
    assert.equal((await getJob('pausable')).status?.startTime, undefined);
    assert.match(await cluster.kubectlOk('get', 'job', 'pausable'), /pausable\s+Suspended\s+0\/2/);
    await cluster.kubectlOk('patch', 'job', 'pausable', '-p', '{"spec":{"suspend":false}}');
    await until(async () => !!condition(await getJob('pausable'), 'Complete'), 'completion after resuming', 20_000);
    const suspended = (await getJob('pausable')).status?.conditions?.find((c) => c.type === 'Suspended');
    assert.deepEqual([suspended?.status, suspended?.reason, suspended?.message], ['False', 'JobResumed', 'Job resumed']);
    const events = await eventsOf('pausable');
    assert.ok(events.includes('Normal Suspended Job suspended') && events.includes('Normal Resumed Job resumed'), events.join('\n'));
  });

  it('runs an Indexed Job: one pod per index, completedIndexes', async () => {
    await cluster.kubectl
      .run(['create', '-f', '-'], { input: job('indexed', 'completionMode: Indexed\ncompletions: 3\nparallelism: 3', 'restartPolicy: Never') })
      .then((r) => assert.equal(r.code, 0, r.stderr));
    await until(async () => !!condition(await getJob('indexed'), 'Complete'), 'completion', 20_000);
    const j = await getJob('indexed');
    assert.equal(j.status?.completedIndexes, '0-2');
    assert.equal(j.status?.succeeded, 3);
    const pods = await podsOf('indexed');
    assert.deepEqual(pods.map((p) => p.metadata?.annotations?.['batch.kubernetes.io/job-completion-index']).sort(), ['0', '1', '2']);
    const first = pods.find((p) => p.metadata?.labels?.['batch.kubernetes.io/job-completion-index'] === '0') as Pod;
    assert.match(first.metadata!.name!, /^indexed-0-[a-z0-9]{5}$/);
    assert.equal(first.spec?.hostname, 'indexed-0');
    assert.deepEqual(first.spec?.containers[0]?.env?.[0]?.name, 'JOB_COMPLETION_INDEX');
  });

  it('deletes a finished Job after ttlSecondsAfterFinished, and its pods', async () => {
    await cluster.kubectl.run(['create', '-f', '-'], { input: job('short-lived', 'ttlSecondsAfterFinished: 1', 'restartPolicy: Never') }).then((r) => assert.equal(r.code, 0, r.stderr));
    await until(async () => !!condition(await getJob('short-lived'), 'Complete'), 'completion');
    // Foreground deletion: the pods go first, then the Job.
    await until(
      async () => {
        try {
          await getJob('short-lived');
          return false;
        } catch {
          return true;
        }
      },
      'the Job deleted after its TTL',
      20_000,
    );
    assert.equal((await podsOf('short-lived')).length, 0);
  });

  it('frees the pods of a deleted Job from the tracking finalizer', async () => {
    await cluster.kubectl
      .run(['create', '-f', '-'], { input: job('deleted', 'parallelism: 2', 'restartPolicy: Never', 'sim.kubets.io/run-seconds: "60"') })
      .then((r) => assert.equal(r.code, 0, r.stderr));
    await until(async () => (await podsOf('deleted')).filter((p) => p.status?.phase === 'Running').length === 2, 'two running pods');
    assert.ok((await podsOf('deleted')).every((p) => p.metadata?.finalizers?.includes('batch.kubernetes.io/job-tracking')));
    // A Job with nothing to change is not written again and again.
    await until(async () => (await getJob('deleted')).status?.ready === 2, 'two ready pods');
    const version = (await getJob('deleted')).metadata?.resourceVersion;
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await getJob('deleted')).metadata?.resourceVersion, version, 'no status writes while nothing changes');
    await cluster.kubectlOk('delete', 'job', 'deleted', '--cascade=orphan');
    await until(async () => (await podsOf('deleted')).every((p) => !p.metadata?.finalizers?.length), 'finalizers removed from orphaned pods');
    await cluster.kubectlOk('delete', 'pods', '-l', 'job-name=deleted', '--wait=false');
    await until(async () => (await podsOf('deleted')).length === 0, 'the pods deleted');
    // Deleting a Job deletes its pods (the garbage collector), finalizers or not.
    const deleted = await cluster.kubectl.run(['delete', 'job', 'multi-completion-batch-job']);
    assert.equal(deleted.code, 0, deleted.stderr);
    await until(async () => (await podsOf('multi-completion-batch-job')).length === 0, "the deleted Job's pods gone", 20_000);
  });

  it('rejects bad input with upstream messages and changes nothing', async () => {
    const neg = await cluster.kubectl.run(['create', '-f', '-'], { input: job('bad-job', 'parallelism: -1') });
    assert.notEqual(neg.code, 0);
    assert.match(neg.stderr, /spec.parallelism: Invalid value: -1: must be greater than or equal to 0/);
    const always = await cluster.kubectl.run(['create', '-f', '-'], { input: job('bad-job', '', 'restartPolicy: Always') });
    assert.notEqual(always.code, 0);
    assert.match(always.stderr, /spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"/);
    await assert.rejects(getJob('bad-job'), /not found/);
    const immutable = await cluster.kubectl.run(['patch', 'job', 'batch-job', '-p', '{"spec":{"completions":3}}']);
    assert.notEqual(immutable.code, 0);
    assert.match(immutable.stderr, /field is immutable/);
  });
});
