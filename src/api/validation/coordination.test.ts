import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldPath } from '../../apimachinery/field.ts';
import { validateCoordinatedLeaseStrategy, validateLease } from './coordination.ts';
import { type Obj, messages, mutate, runCases, storedMeta } from './testing.ts';

const spec = (o: Obj) => o.spec as Obj;

describe('Lease', () => {
  const lease: Obj = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
    spec: { holderIdentity: 'node-1_abc', leaseDurationSeconds: 15, leaseTransitions: 0, acquireTime: '2025-01-01T00:00:00.000000Z', renewTime: '2025-01-01T00:00:10.000000Z' },
  };
  const stored = mutate(lease, (o) => (o.metadata = storedMeta('kube-scheduler', 'kube-system')));
  runCases(validateLease, [
    { name: 'valid', object: lease, want: [] },
    { name: 'leaseDurationSeconds must be positive', object: mutate(lease, (o) => (spec(o).leaseDurationSeconds = 0)), want: ['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0'] },
    { name: 'negative leaseTransitions', object: mutate(lease, (o) => (spec(o).leaseTransitions = -1)), want: ['spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0'] },
    {
      name: 'Leases do not apply the core finalizer-name rule',
      object: mutate(lease, (o) => ((o.metadata as Obj).finalizers = ['custom'])),
      want: [],
    },
    { name: 'update: renewals', object: mutate(stored, (o) => (spec(o).renewTime = '2025-01-01T00:00:20.000000Z')), old: stored, want: [] },
    { name: 'update: namespace immutable', object: mutate(stored, (o) => ((o.metadata as Obj).namespace = 'default')), old: stored, want: ['metadata.namespace: Invalid value: "default": field is immutable'] },
  ]);

  it('coordinated lease strategies (behind CoordinatedLeaderElection)', () => {
    const p = FieldPath.root('spec', 'strategy');
    assert.deepEqual(messages(validateCoordinatedLeaseStrategy('OldestEmulationVersion', p)), []);
    assert.deepEqual(messages(validateCoordinatedLeaseStrategy('Newest', p)), ['spec.strategy.strategy: Unsupported value: "Newest": supported values: "OldestEmulationVersion"']);
    assert.deepEqual(messages(validateCoordinatedLeaseStrategy('example.com/custom', p)), []);
  });
});
