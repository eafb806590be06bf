// RBAC, storage and scheduling defaulting (upstream's rbac/v1, storage/v1 and scheduling/v1
// defaults_test.go), the kinds upstream does not default, and applyDefaults' edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from './index.ts';

type Obj = Record<string, unknown>;
const defaulted = (group: string, version: string, kind: string, object: Obj): Obj => {
  applyDefaults(group, version, kind, object);
  return object;
};
const rbac = 'rbac.authorization.k8s.io';

describe('RBAC', () => {
  for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
    it(`${kind}: roleRef and subject API groups`, () => {
      const binding = defaulted(rbac, 'v1', kind, {
        roleRef: { kind: 'ClusterRole', name: 'view' },
        subjects: [
          { kind: 'User', name: 'alice' },
          { kind: 'Group', name: 'devs' },
          { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' },
          { kind: 'User', name: 'bob', apiGroup: 'example.com' },
        ],
      });
      assert.deepEqual(binding, {
        roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: rbac },
        subjects: [
          { kind: 'User', name: 'alice', apiGroup: rbac },
          { kind: 'Group', name: 'devs', apiGroup: rbac },
          { kind: 'ServiceAccount', name: 'sa', namespace: 'ns', apiGroup: '' },
          { kind: 'User', name: 'bob', apiGroup: 'example.com' },
        ],
      });
    });
  }

  it('roles have no defaults', () => {
    const role = defaulted(rbac, 'v1', 'ClusterRole', { rules: [{ verbs: ['get'], resources: ['pods'] }] });
    assert.deepEqual(role, { rules: [{ verbs: ['get'], resources: ['pods'] }] });
  });
});

describe('storage.k8s.io/v1', () => {
  it('StorageClass reclaim policy and binding mode', () => {
    assert.deepEqual(defaulted('storage.k8s.io', 'v1', 'StorageClass', { provisioner: 'p' }), {
      provisioner: 'p',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
    });
    const kept = defaulted('storage.k8s.io', 'v1', 'StorageClass', { provisioner: 'p', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' });
    assert.deepEqual([kept.reclaimPolicy, kept.volumeBindingMode], ['Retain', 'WaitForFirstConsumer']);
  });

  it('CSIDriver spec defaults', () => {
    assert.deepEqual(defaulted('storage.k8s.io', 'v1', 'CSIDriver', { metadata: { name: 'd' }, spec: {} }), {
      metadata: { name: 'd' },
      spec: {
        attachRequired: true,
        podInfoOnMount: false,
        storageCapacity: false,
        fsGroupPolicy: 'ReadWriteOnceWithFSType',
        volumeLifecycleModes: ['Persistent'],
        requiresRepublish: false,
        seLinuxMount: false,
      },
    });
    const kept = defaulted('storage.k8s.io', 'v1', 'CSIDriver', { spec: { attachRequired: false, volumeLifecycleModes: ['Ephemeral'], fsGroupPolicy: 'File' } });
    const spec = kept.spec as Obj;
    assert.deepEqual([spec.attachRequired, spec.volumeLifecycleModes, spec.fsGroupPolicy], [false, ['Ephemeral'], 'File']);
  });

  it('VolumeAttachment inline volume specs get volume source defaults only', () => {
    const va = defaulted('storage.k8s.io', 'v1', 'VolumeAttachment', {
      spec: { attacher: 'a', nodeName: 'n', source: { inlineVolumeSpec: { hostPath: { path: '/x' }, capacity: { storage: '0.0001' } } } },
    });
    assert.deepEqual((va.spec as Obj).source, { inlineVolumeSpec: { hostPath: { path: '/x', type: '' }, capacity: { storage: '1m' } } });
  });
});

describe('scheduling.k8s.io/v1', () => {
  it('PriorityClass preemption policy', () => {
    assert.equal(defaulted('scheduling.k8s.io', 'v1', 'PriorityClass', { value: 1 }).preemptionPolicy, 'PreemptLowerPriority');
    assert.equal(defaulted('scheduling.k8s.io', 'v1', 'PriorityClass', { value: 1, preemptionPolicy: 'Never' }).preemptionPolicy, 'Never');
  });
});

describe('kinds without upstream defaults', () => {
  const cases: [string, string, string, Obj][] = [
    ['policy', 'v1', 'PodDisruptionBudget', { spec: { minAvailable: 1, selector: { matchLabels: { a: 'b' } } } }],
    ['coordination.k8s.io', 'v1', 'Lease', { spec: { holderIdentity: 'h' } }],
    ['certificates.k8s.io', 'v1', 'CertificateSigningRequest', { spec: { request: 'eA==', signerName: 'example.com/s' }, status: { conditions: [{ type: 'Approved' }] } }],
    ['events.k8s.io', 'v1', 'Event', { reason: 'r', regarding: { kind: 'Pod' } }],
    ['storage.k8s.io', 'v1', 'CSINode', { spec: { drivers: [] } }],
    ['networking.k8s.io', 'v1', 'ServiceCIDR', { spec: { cidrs: ['10.0.0.0/24'] } }],
  ];
  for (const [group, version, kind, object] of cases) {
    it(`${group}/${version} ${kind}`, () => {
      assert.deepEqual(defaulted(group, version, kind, structuredClone(object)), object);
    });
  }
});

describe('applyDefaults', () => {
  it('is a no-op for unknown kinds and versions', () => {
    assert.deepEqual(defaulted('example.com', 'v1', 'Widget', { spec: {} }), { spec: {} });
    assert.deepEqual(defaulted('apps', 'v9', 'Deployment', { spec: {} }), { spec: {} });
  });

  it('defaults the items of List kinds', () => {
    const list = defaulted('scheduling.k8s.io', 'v1', 'PriorityClassList', { items: [{ value: 1 }, 'junk', { value: 2, preemptionPolicy: 'Never' }] });
    assert.deepEqual(list.items, [{ value: 1, preemptionPolicy: 'PreemptLowerPriority' }, 'junk', { value: 2, preemptionPolicy: 'Never' }]);
  });

  it('treats JSON null as unset', () => {
    const sc = defaulted('storage.k8s.io', 'v1', 'StorageClass', { provisioner: 'p', reclaimPolicy: null });
    assert.equal(sc.reclaimPolicy, 'Delete');
  });

  it('is idempotent', () => {
    const pod: Obj = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }], volumes: [{ name: 'v' }] } };
    applyDefaults('', 'v1', 'Pod', pod);
    const once = structuredClone(pod);
    applyDefaults('', 'v1', 'Pod', pod);
    assert.deepEqual(pod, once);
  });
});
