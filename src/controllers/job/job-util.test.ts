import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Job } from 'kubernetes-types/batch/v1.d.ts';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import {
  emptyBackoff,
  ensureConditionStatus,
  formatIndexes,
  isPodFailed,
  nextBackoffRecord,
  parseIndexes,
  pastBackoffLimitOnFailure,
  podsForRemoval,
  remainingBackoffMs,
} from './job-util.ts';

const t0 = Date.parse('2026-01-01T00:00:00Z');
const finished = (phase: 'Succeeded' | 'Failed', at: number): Pod => ({
  metadata: { name: `${phase}-${at}` },
  status: { phase, containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, finishedAt: new Date(at).toISOString() } } }] },
});

describe('job utilities', () => {
  it('backs off 10 s doubling per consecutive failure, up to the cap, reset by a success', () => {
    let record = nextBackoffRecord(emptyBackoff, [], [finished('Failed', t0)], t0);
    assert.deepEqual(record, { failuresAfterLastSuccess: 1, lastFailureTime: t0 });
    assert.equal(remainingBackoffMs(record, t0 + 4000, 10_000, 600_000), 6000);
    record = nextBackoffRecord(record, [], [finished('Failed', t0 + 1000), finished('Failed', t0 + 2000)], t0);
    assert.equal(record.failuresAfterLastSuccess, 3);
    assert.equal(remainingBackoffMs(record, t0 + 2000, 10_000, 600_000), 40_000);
    assert.equal(remainingBackoffMs({ failuresAfterLastSuccess: 20, lastFailureTime: t0 }, t0, 10_000, 600_000), 600_000);
    assert.equal(remainingBackoffMs(record, t0 + 60_000, 10_000, 600_000), 0);
    assert.deepEqual(nextBackoffRecord(record, [finished('Succeeded', t0 + 3000)], [], t0), emptyBackoff);
    assert.deepEqual(nextBackoffRecord(record, [finished('Succeeded', t0 + 3000)], [finished('Failed', t0 + 4000)], t0), { failuresAfterLastSuccess: 1, lastFailureTime: t0 + 4000 });
  });

  it('counts container restarts against backoffLimit for restartPolicy OnFailure', () => {
    const job = (limit: number): Job => ({ spec: { backoffLimit: limit, template: { spec: { restartPolicy: 'OnFailure', containers: [] } } } });
    const running = (restarts: number): Pod => ({ status: { phase: 'Running', containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: true, restartCount: restarts }] } });
    assert.equal(pastBackoffLimitOnFailure(job(2), [running(1)]), false);
    assert.equal(pastBackoffLimitOnFailure(job(2), [running(1), running(1)]), true);
    assert.equal(pastBackoffLimitOnFailure(job(0), [running(1)]), true);
    assert.equal(pastBackoffLimitOnFailure({ spec: { template: { spec: { restartPolicy: 'Never', containers: [] } } } }, [running(9)]), false);
  });

  it('counts a pod deleted before it succeeded as failed unless only failed pods are replaced', () => {
    const deleting: Pod = { metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' }, status: { phase: 'Running' } };
    assert.equal(isPodFailed(deleting, { spec: { template: {} } }), true);
    assert.equal(isPodFailed(deleting, { spec: { podReplacementPolicy: 'Failed', template: {} } }), false);
    assert.equal(isPodFailed({ ...deleting, status: { phase: 'Succeeded' } }, { spec: { template: {} } }), false);
  });

  it('adds a True condition, flips an existing one, never adds a False one', () => {
    const job: Job = {};
    assert.equal(ensureConditionStatus(job, 'Suspended', 'False', 'JobResumed', 'Job resumed', t0), false);
    assert.equal(ensureConditionStatus(job, 'Suspended', 'True', 'JobSuspended', 'Job suspended', t0), true);
    assert.equal(ensureConditionStatus(job, 'Suspended', 'True', 'JobSuspended', 'Job suspended', t0), false);
    assert.equal(ensureConditionStatus(job, 'Suspended', 'False', 'JobResumed', 'Job resumed', t0 + 1000), true);
    assert.deepEqual(job.status?.conditions, [
      { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed', lastProbeTime: '2026-01-01T00:00:01Z', lastTransitionTime: '2026-01-01T00:00:01Z' },
    ]);
  });

  it('removes unscheduled, pending and not-ready pods first', () => {
    const pod = (name: string, node: string, phase: string, ready: boolean): Pod => ({
      metadata: { name, creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { nodeName: node, containers: [] },
      status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    });
    const pods = [pod('ready', 'n', 'Running', true), pod('unready', 'n', 'Running', false), pod('pending', 'n', 'Pending', false), pod('unscheduled', '', 'Pending', false)];
    assert.deepEqual(podsForRemoval(pods, 3).map((p) => p.metadata?.name), ['unscheduled', 'pending', 'unready']);
  });

  it('reads and writes completed indexes as intervals', () => {
    assert.deepEqual([...parseIndexes('0,2-4,9', 5)].sort(), [0, 2, 3, 4]);
    assert.equal(formatIndexes(new Set([4, 0, 2, 3, 7])), '0,2-4,7');
    assert.equal(formatIndexes(new Set()), '');
  });
});
