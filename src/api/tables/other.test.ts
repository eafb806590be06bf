// Cases follow upstream's printers_test.go for the remaining groups.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  certificateSigningRequests,
  clusterRoleBindings,
  clusterTrustBundles,
  csiDrivers,
  csiNodes,
  csiStorageCapacities,
  deviceClasses,
  flowSchemas,
  leaseCandidates,
  leases,
  mutatingWebhookConfigurations,
  podDisruptionBudgets,
  priorityClasses,
  priorityLevelConfigurations,
  resourceClaims,
  resourceSlices,
  roleBindings,
  runtimeClasses,
  storageClasses,
  storageVersions,
  validatingAdmissionPolicies,
  validatingAdmissionPolicyBindings,
  volumeAttachments,
  volumeAttributesClasses,
} from './other.ts';
import type { ApiObject, TableDef } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const SOON = iso(NOW + 1000);
const FIVE_MIN = iso(NOW - 5 * 60_000);
const cells = (def: TableDef, o: ApiObject) => def.cells(o, NOW);
const named = (name: string, created = SOON, extra: object = {}) => ({ metadata: { name, creationTimestamp: created, ...extra } });

describe('leases', () => {
  it('holder and age', () => {
    assert.deepEqual(cells(leases, { ...named('lease1'), spec: { holderIdentity: 'holder1' } }), ['lease1', 'holder1', '0s']);
    assert.deepEqual(cells(leases, { ...named('lease2', FIVE_MIN), spec: { holderIdentity: 'holder2' } }), ['lease2', 'holder2', '5m']);
    assert.deepEqual(cells(leases, { ...named('free'), spec: {} }), ['free', '', '0s']);
  });
  it('lease candidates', () => {
    assert.deepEqual(
      cells(leaseCandidates, {
        ...named('test-lease', FIVE_MIN),
        spec: { binaryVersion: 'test-binary-version', emulationVersion: 'test-emulation-version', leaseName: 'test-lease-name' },
      }),
      ['test-lease', 'test-lease-name', 'test-binary-version', 'test-emulation-version', '5m'],
    );
  });
});

describe('pod disruption budgets', () => {
  it('min available or max unavailable, N/A for the other', () => {
    assert.deepEqual(cells(podDisruptionBudgets, { ...named('pdb1'), spec: { minAvailable: 22 }, status: { disruptionsAllowed: 5 } }), [
      'pdb1',
      '22',
      'N/A',
      5,
      '0s',
    ]);
    assert.deepEqual(cells(podDisruptionBudgets, { ...named('pdb2'), spec: { maxUnavailable: 11 }, status: { disruptionsAllowed: 5 } }), [
      'pdb2',
      'N/A',
      '11',
      5,
      '0s',
    ]);
    assert.deepEqual(cells(podDisruptionBudgets, { ...named('pct'), spec: { maxUnavailable: '25%' } }), ['pct', 'N/A', '25%', 0, '0s']);
  });
});

describe('priority classes', () => {
  it('value, global default, age, preemption policy', () => {
    assert.deepEqual(cells(priorityClasses, { ...named('pc1'), value: 1, preemptionPolicy: 'Never' }), ['pc1', 1, false, '0s', 'Never']);
    assert.deepEqual(cells(priorityClasses, { ...named('pc2', FIVE_MIN), value: 1000000000, globalDefault: true, preemptionPolicy: 'PreemptLowerPriority' }), [
      'pc2',
      1000000000,
      true,
      '5m',
      'PreemptLowerPriority',
    ]);
    assert.deepEqual(cells(priorityClasses, { ...named('pc3', FIVE_MIN), value: 7 }), ['pc3', 7, false, '5m', '']);
  });
});

describe('storage', () => {
  it('storage classes: defaults for reclaim policy and binding mode', () => {
    assert.deepEqual(cells(storageClasses, { ...named('sc1'), provisioner: 'kubernetes.io/glusterfs' }), [
      'sc1',
      'kubernetes.io/glusterfs',
      'Delete',
      'Immediate',
      false,
      '0s',
    ]);
    assert.deepEqual(
      cells(storageClasses, {
        ...named('sc6', FIVE_MIN),
        provisioner: 'kubernetes.io/nfs',
        reclaimPolicy: 'Retain',
        allowVolumeExpansion: true,
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
      ['sc6', 'kubernetes.io/nfs', 'Retain', 'WaitForFirstConsumer', true, '5m'],
    );
  });
  it('storage classes: the default class is marked', () => {
    const o = { ...named('standard', FIVE_MIN, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }), provisioner: 'rancher.io/local-path' };
    assert.equal(cells(storageClasses, o)[0], 'standard (default)');
    const beta = { ...named('old', FIVE_MIN, { annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } }), provisioner: 'x' };
    assert.equal(cells(storageClasses, beta)[0], 'old (default)');
  });
  it('volume attributes classes', () => {
    assert.deepEqual(cells(volumeAttributesClasses, { ...named('vac1'), driverName: 'fake' }), ['vac1', 'fake', '0s']);
    assert.deepEqual(cells(volumeAttributesClasses, { ...named('vac2', FIVE_MIN), driverName: 'fake', parameters: { iops: '500' } }), [
      'vac2',
      'fake',
      '5m',
    ]);
  });
  it('CSI drivers, nodes, capacities, attachments', () => {
    assert.deepEqual(cells(csiDrivers, { ...named('csi.example.com'), spec: {} }), ['csi.example.com', true, false, false, '<unset>', false, '<none>', '0s']);
    assert.deepEqual(
      cells(csiDrivers, {
        ...named('d'),
        spec: {
          attachRequired: false,
          podInfoOnMount: true,
          storageCapacity: true,
          tokenRequests: [{ audience: 'a' }, { audience: 'b' }],
          requiresRepublish: true,
          volumeLifecycleModes: ['Persistent', 'Ephemeral'],
        },
      }),
      ['d', false, true, true, 'a,b', true, 'Persistent,Ephemeral', '0s'],
    );
    assert.deepEqual(cells(csiNodes, { ...named('node1'), spec: { drivers: [{ name: 'a' }] } }), ['node1', 1, '0s']);
    assert.deepEqual(cells(csiStorageCapacities, { ...named('cap'), storageClassName: 'fast', capacity: '10Gi' }), ['cap', 'fast', '10Gi']);
    assert.deepEqual(cells(csiStorageCapacities, { ...named('cap'), storageClassName: 'fast' }), ['cap', 'fast', '<unset>']);
    assert.deepEqual(
      cells(volumeAttachments, { ...named('va'), spec: { attacher: 'csi.example.com', source: { persistentVolumeName: 'pv1' }, nodeName: 'n1' }, status: { attached: true } }),
      ['va', 'csi.example.com', 'pv1', 'n1', true, '0s'],
    );
  });
});

describe('rbac', () => {
  const binding = {
    ...named('binding2'),
    subjects: [
      { kind: 'User', name: 'user-name' },
      { kind: 'Group', name: 'group-name' },
      { kind: 'ServiceAccount', name: 'service-account-name', namespace: 'service-account-namespace' },
    ],
    roleRef: { kind: 'Role', name: 'role-name' },
  };
  it('role bindings', () => {
    assert.deepEqual(
      cells(roleBindings, {
        ...named('binding1'),
        subjects: [{ kind: 'User', name: 'system:kube-controller-manager' }],
        roleRef: { kind: 'Role', name: 'extension-apiserver-authentication-reader' },
      }),
      ['binding1', 'Role/extension-apiserver-authentication-reader', '0s', 'system:kube-controller-manager', '', ''],
    );
    assert.deepEqual(cells(roleBindings, binding), ['binding2', 'Role/role-name', '0s', 'user-name', 'group-name', 'service-account-namespace/service-account-name']);
  });
  it('cluster role bindings', () => {
    assert.deepEqual(cells(clusterRoleBindings, { ...binding, subjects: [...binding.subjects, { kind: 'User', name: 'u2' }] }), [
      'binding2',
      'Role/role-name',
      '0s',
      'user-name, u2',
      'group-name',
      'service-account-namespace/service-account-name',
    ]);
  });
});

describe('certificates', () => {
  const csr = (spec: object, status: object = {}) => ({ ...named('csr1'), spec, status });
  it('follows upstream cases', () => {
    assert.deepEqual(cells(certificateSigningRequests, csr({})), ['csr1', '0s', '<none>', '', '<none>', 'Pending']);
    assert.deepEqual(cells(certificateSigningRequests, csr({ username: 'CSR Requestor' }, { conditions: [{ type: 'Approved' }] })), [
      'csr1',
      '0s',
      '<none>',
      'CSR Requestor',
      '<none>',
      'Approved',
    ]);
    assert.deepEqual(
      cells(
        certificateSigningRequests,
        csr({ username: 'CSR Requestor', signerName: 'example.com/test-signer', expirationSeconds: 7 * 24 * 3600 + 3600 }, { conditions: [{ type: 'Approved' }] }),
      ),
      ['csr1', '0s', 'example.com/test-signer', 'CSR Requestor', '7d1h', 'Approved'],
    );
    assert.deepEqual(
      cells(certificateSigningRequests, csr({ username: 'CSR Requestor' }, { conditions: [{ type: 'Approved' }], certificate: 'Y2VydA==' })),
      ['csr1', '0s', '<none>', 'CSR Requestor', '<none>', 'Approved,Issued'],
    );
    assert.deepEqual(cells(certificateSigningRequests, csr({ username: 'CSR Requestor' }, { conditions: [{ type: 'Denied' }] })), [
      'csr1',
      '0s',
      '<none>',
      'CSR Requestor',
      '<none>',
      'Denied',
    ]);
    assert.equal(cells(certificateSigningRequests, csr({}, { conditions: [{ type: 'Approved' }, { type: 'Failed' }] }))[5], 'Approved,Failed');
  });
  it('cluster trust bundles', () => {
    assert.deepEqual(cells(clusterTrustBundles, { metadata: { name: 'test-cluster-trust-bundle' }, spec: { signerName: 'test-signer-name' } }), [
      'test-cluster-trust-bundle',
      'test-signer-name',
    ]);
  });
});

describe('node, admission, flow control, DRA, storage versions', () => {
  it('runtime classes', () => {
    assert.deepEqual(cells(runtimeClasses, { ...named('rc1'), handler: 'h1' }), ['rc1', 'h1', '0s']);
  });
  it('webhooks and admission policies', () => {
    assert.deepEqual(cells(mutatingWebhookConfigurations, { ...named('wh'), webhooks: [{}, {}] }), ['wh', 2, '0s']);
    assert.deepEqual(
      cells(validatingAdmissionPolicies, { ...named('vap'), spec: { validations: [{ expression: 'true' }], paramKind: { apiVersion: 'v1', kind: 'ConfigMap' } } }),
      ['vap', 1, 'v1/ConfigMap', '0s'],
    );
    assert.deepEqual(cells(validatingAdmissionPolicies, { ...named('vap'), spec: {} }), ['vap', 0, '<unset>', '0s']);
    assert.deepEqual(
      cells(validatingAdmissionPolicyBindings, {
        ...named('config', FIVE_MIN),
        spec: { policyName: 'test-scale.example.com', paramRef: { name: 'test-scale-setting.example.com', parameterNotFoundAction: 'Deny' } },
      }),
      ['config', 'test-scale.example.com', '*/test-scale-setting.example.com', '5m'],
    );
    assert.equal(
      cells(validatingAdmissionPolicyBindings, { ...named('b'), spec: { policyName: 'p', paramRef: { selector: { matchLabels: { a: 'b' } } } } })[2],
      '&LabelSelector{MatchLabels:map[string]string{a: b,},MatchExpressions:[]LabelSelectorRequirement{},}',
    );
  });
  it('flow schemas and priority levels', () => {
    assert.deepEqual(
      cells(flowSchemas, {
        ...named('all-matcher'),
        spec: { priorityLevelConfiguration: { name: 'allee' }, matchingPrecedence: 2147483647, distinguisherMethod: { type: 'ByUser' } },
      }),
      ['all-matcher', 'allee', 2147483647, 'ByUser', '0s', '?'],
    );
    assert.deepEqual(
      cells(flowSchemas, {
        ...named('some-matcher', FIVE_MIN),
        spec: { priorityLevelConfiguration: { name: 'allee' }, matchingPrecedence: 0, distinguisherMethod: { type: 'ByNamespace' } },
        status: { conditions: [{ type: 'Dangling', status: 'True' }] },
      }),
      ['some-matcher', 'allee', 0, 'ByNamespace', '5m', 'True'],
    );
    assert.deepEqual(cells(priorityLevelConfigurations, { ...named('unlimited'), spec: { type: 'Exempt' } }), [
      'unlimited',
      'Exempt',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
      '0s',
    ]);
    assert.deepEqual(
      cells(priorityLevelConfigurations, {
        ...named('queued'),
        spec: { type: 'Limited', limited: { nominalConcurrencyShares: 42, limitResponse: { type: 'Queue', queuing: { queues: 8, handSize: 3, queueLengthLimit: 4 } } } },
      }),
      ['queued', 'Limited', 42, 8, 3, 4, '0s'],
    );
  });
  it('device classes, resource claims, resource slices', () => {
    assert.deepEqual(cells(deviceClasses, { metadata: { name: 'test-deviceclass' } }), ['test-deviceclass', '<unknown>']);
    assert.deepEqual(cells(resourceClaims, { ...named('c', FIVE_MIN), spec: {} }), ['c', 'pending', '5m']);
    assert.deepEqual(cells(resourceClaims, { ...named('c', FIVE_MIN), status: { allocation: {}, reservedFor: [{ resource: 'pods', name: 'p', uid: 'u' }] } }), [
      'c',
      'allocated,reserved',
      '5m',
    ]);
    assert.deepEqual(cells(resourceClaims, { ...named('c', FIVE_MIN, { deletionTimestamp: SOON }) }), ['c', 'deleted', '5m']);
    assert.deepEqual(
      cells(resourceSlices, { ...named('test-resourceslice', FIVE_MIN), spec: { nodeName: 'nodeName', driver: 'driverName', pool: { name: 'poolName', resourceSliceCount: 1 } } }),
      ['test-resourceslice', 'nodeName', 'driverName', 'poolName', '5m'],
    );
  });
  it('storage versions', () => {
    assert.deepEqual(cells(storageVersions, { ...named('empty'), status: {} }), ['empty', '<unset>', '<unset>', '0s']);
    const sv = (ids: string[][], common?: string) => ({
      ...named('sv'),
      status: { commonEncodingVersion: common, storageVersions: ids.map(([apiServerID, encodingVersion]) => ({ apiServerID, encodingVersion })) },
    });
    assert.deepEqual(cells(storageVersions, sv([['1', 'v1'], ['2', 'v1']], 'v1')), ['sv', 'v1', '1=v1,2=v1', '0s']);
    assert.deepEqual(cells(storageVersions, sv([['1', 'v1'], ['2', 'v1'], ['3', 'v1'], ['4', 'v1']], 'v1')), ['sv', 'v1', '1=v1,2=v1,3=v1 + 1 more...', '0s']);
  });
});
