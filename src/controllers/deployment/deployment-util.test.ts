import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.d.ts';
import {
  calculateStatus,
  deploymentTimedOut,
  findActiveOrLatest,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  proportion,
  setCondition,
  setNewReplicaSetAnnotations,
} from './deployment-util.ts';

const deployment = (replicas: number, rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string }, extra: Deployment['spec'] = undefined): Deployment => ({
  metadata: { name: 'd', namespace: 'default', generation: 1 },
  spec: { replicas, selector: {}, template: {}, strategy: { type: 'RollingUpdate', ...(rollingUpdate ? { rollingUpdate } : {}) }, ...extra },
});

const rs = (name: string, replicas: number, annotations: Record<string, string> = {}, available = 0, created = '2026-01-01T00:00:00Z'): ReplicaSet => ({
  metadata: { name, annotations, creationTimestamp: created },
  spec: { replicas, selector: {} },
  status: { replicas, availableReplicas: available },
});

it('resolves maxSurge up and maxUnavailable down, never both zero', () => {
  assert.equal(maxSurge(deployment(10, { maxSurge: '25%', maxUnavailable: '25%' })), 3);
  assert.equal(maxUnavailable(deployment(10, { maxSurge: '25%', maxUnavailable: '25%' })), 2);
  assert.equal(maxUnavailable(deployment(1, { maxSurge: 0, maxUnavailable: '10%' })), 1);
  assert.equal(maxUnavailable(deployment(3, { maxUnavailable: 5 })), 3, 'capped at replicas');
  assert.equal(maxSurge({ ...deployment(3), spec: { ...deployment(3).spec!, strategy: { type: 'Recreate' } } }), 0);
});

it('grows the new ReplicaSet within the surge', () => {
  const d = deployment(10, { maxSurge: 3, maxUnavailable: 2 });
  assert.equal(newRSNewReplicas(d, [rs('old', 10)], 0), 3);
  assert.equal(newRSNewReplicas(d, [rs('old', 8), rs('new', 5)], 5), 5, 'at the surge limit');
  assert.equal(newRSNewReplicas(d, [rs('old', 0), rs('new', 8)], 8), 10, 'never beyond replicas');
});

it('shares a scale-up between ReplicaSets in proportion to their sizes', () => {
  const d = deployment(20, { maxSurge: 3, maxUnavailable: 2 });
  const sized = { 'deployment.kubernetes.io/max-replicas': '13' };
  const old = rs('old', 8, sized);
  const fresh = rs('new', 5, sized);
  const toAdd = 23 - 13;
  const first = proportion(old, d, toAdd, 0);
  assert.equal(first, 6);
  assert.equal(proportion(fresh, d, toAdd, first), 4);
});

it('records revisions, the revision history and the replica annotations on a new ReplicaSet', () => {
  const d = deployment(4, { maxSurge: 1, maxUnavailable: 0 });
  d.metadata!.annotations = { 'kubernetes.io/change-cause': 'why', 'deployment.kubernetes.io/revision': '9', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
  const fresh = rs('new', 0);
  assert.equal(setNewReplicaSetAnnotations(d, fresh, 1, false), true);
  assert.deepEqual(fresh.metadata!.annotations, {
    'kubernetes.io/change-cause': 'why',
    'deployment.kubernetes.io/revision': '1',
    'deployment.kubernetes.io/desired-replicas': '4',
    'deployment.kubernetes.io/max-replicas': '5',
  });
  assert.equal(setNewReplicaSetAnnotations(d, fresh, 1, true), false, 'nothing to change');
  setNewReplicaSetAnnotations(d, fresh, 3, true);
  setNewReplicaSetAnnotations(d, fresh, 5, true);
  assert.equal(fresh.metadata!.annotations!['deployment.kubernetes.io/revision'], '5');
  assert.equal((fresh.metadata!.annotations as Record<string, string>)['deployment.kubernetes.io/revision-history'], '1,3');
});

it('finds the one active ReplicaSet, or the newest when none is active', () => {
  const older = rs('older', 0, {}, 0, '2026-01-01T00:00:00Z');
  const newer = rs('newer', 0, {}, 0, '2026-01-02T00:00:00Z');
  assert.equal(findActiveOrLatest(undefined, [older, newer])?.metadata?.name, 'newer');
  assert.equal(findActiveOrLatest(undefined, [rs('a', 2), newer])?.metadata?.name, 'a');
  assert.equal(findActiveOrLatest(rs('n', 1), [rs('a', 2)]), undefined, 'two active: a rollout');
});

it('computes status with the Available condition from maxUnavailable', () => {
  const d = deployment(4, { maxSurge: 1, maxUnavailable: 1 });
  const now = '2026-01-01T00:00:00Z';
  const status = calculateStatus([rs('old', 1, {}, 1), rs('new', 3, {}, 2)], rs('new', 3, {}, 2), d, now);
  assert.deepEqual(
    { ...status, conditions: undefined },
    { observedGeneration: 1, replicas: 4, updatedReplicas: 3, readyReplicas: 0, availableReplicas: 3, unavailableReplicas: 1, conditions: undefined },
  );
  assert.deepEqual(status.conditions, [newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)]);
  const low = calculateStatus([rs('new', 4, {}, 2)], rs('new', 4, {}, 2), d, now);
  assert.equal(low.conditions![0]!.reason, 'MinimumReplicasUnavailable');
});

it('keeps a condition transition time while its status holds, and times out after the deadline', () => {
  const status = {};
  setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', 'a', '2026-01-01T00:00:00Z'));
  setCondition(status, newCondition('Progressing', 'True', 'ReplicaSetUpdated', 'b', '2026-01-01T00:00:05Z'));
  const [cond] = (status as { conditions: { lastTransitionTime: string; lastUpdateTime: string }[] }).conditions;
  assert.equal(cond!.lastTransitionTime, '2026-01-01T00:00:00Z');
  assert.equal(cond!.lastUpdateTime, '2026-01-01T00:00:05Z');
  const d = deployment(1, undefined, { selector: {}, template: {}, progressDeadlineSeconds: 10 });
  assert.equal(deploymentTimedOut(d, status, Date.parse('2026-01-01T00:00:14Z')), false);
  assert.equal(deploymentTimedOut(d, status, Date.parse('2026-01-01T00:00:16Z')), true);
});
