import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { podsToDelete } from './pod-ranking.ts';
import { slowStartBatch } from './replica-manager.ts';

const now = Date.UTC(2026, 0, 1, 12);
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

function pod(name: string, options: { node?: string; phase?: string; readySince?: number; created?: number; restarts?: number; cost?: string } = {}): Pod {
  const { node = 'n1', phase = 'Running', readySince, created = 3600, restarts = 0, cost } = options;
  return {
    metadata: { name, uid: name, creationTimestamp: ago(created), ...(cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': cost } } : {}) },
    spec: { containers: [], ...(node ? { nodeName: node } : {}) },
    status: {
      phase,
      conditions: readySince === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: ago(readySince) }],
      containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: readySince !== undefined, restartCount: restarts }],
    },
  };
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata!.name);

it('deletes unscheduled, then pending, then not-ready pods first', () => {
  const pods = [pod('ready', { readySince: 600 }), pod('not-ready'), pod('pending', { phase: 'Pending' }), pod('unscheduled', { node: '', phase: 'Pending' })];
  assert.deepEqual(names(podsToDelete(pods, pods, 3, now)), ['unscheduled', 'pending', 'not-ready']);
});

it('honours the pod-deletion-cost annotation before colocation', () => {
  const pods = [pod('cheap', { readySince: 600, cost: '-5', node: 'n2' }), pod('a', { readySince: 600 }), pod('b', { readySince: 600 })];
  assert.deepEqual(names(podsToDelete(pods, pods, 1, now)), ['cheap']);
});

it('prefers pods doubled up on a node with their siblings', () => {
  const pods = [pod('alone', { node: 'n2', readySince: 600 }), pod('crowded', { node: 'n1', readySince: 600 })];
  const related = [...pods, pod('sibling', { node: 'n1', readySince: 600 })];
  assert.deepEqual(names(podsToDelete(pods, related, 1, now)), ['crowded']);
});

it('deletes the more recently ready, then the more restarted, then the newer pod', () => {
  const fresh = [pod('old-ready', { readySince: 4000 }), pod('new-ready', { readySince: 10 })];
  assert.deepEqual(names(podsToDelete(fresh, fresh, 1, now)), ['new-ready']);
  const restarted = [pod('calm', { readySince: 600 }), pod('flappy', { readySince: 600, restarts: 4 })];
  assert.deepEqual(names(podsToDelete(restarted, restarted, 1, now)), ['flappy']);
  const created = [pod('older', { readySince: 600, created: 100_000 }), pod('newer', { readySince: 600, created: 60 })];
  assert.deepEqual(names(podsToDelete(created, created, 1, now)), ['newer']);
});

it('returns every pod when asked for as many or more', () => {
  const pods = [pod('a'), pod('b')];
  assert.equal(podsToDelete(pods, pods, 5, now).length, 2);
});

it('creates in slow-start batches of 1, 2, 4... and stops after a failing batch', async () => {
  const batches: number[] = [];
  let inFlight = 0;
  let calls = 0;
  const fn = async () => {
    calls++;
    inFlight++;
    await Promise.resolve();
    batches.push(inFlight);
    inFlight--;
  };
  assert.deepEqual(await slowStartBatch(10, 1, fn), { successes: 10 });
  assert.equal(calls, 10);
  assert.deepEqual(
    [...new Set(batches)].sort((a, b) => a - b),
    [1, 2, 3, 4],
  );

  let n = 0;
  const failing = () => (++n === 3 ? Promise.reject(new Error('quota exceeded')) : Promise.resolve());
  const result = await slowStartBatch(10, 1, failing);
  assert.equal(result.successes, 2, 'batch 1 (1 call) and batch 2 (2 calls, one failing)');
  assert.equal(result.error?.message, 'quota exceeded');
  assert.equal(n, 3);
});
