import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Obj, dns1123SubdomainMsg, messages, mutate, runCoreCases, storedMeta } from './fixtures.ts';
import { validateCore } from './index.ts';

const spec = (o: Obj) => o.spec as Obj;

describe('PersistentVolume', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-1' },
    spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' },
  };
  runCoreCases('PersistentVolume', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'nothing set',
      object: { metadata: { name: 'pv-1' }, spec: {} },
      want: [
        'spec.accessModes: Required value',
        'spec.capacity: Required value',
        'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"',
        'spec: Required value: must specify a volume type',
      ],
    },
    {
      name: 'bad access mode, zero capacity, two sources',
      object: mutate(base, (o) => {
        spec(o).accessModes = ['ReadWriteOncePod', 'Shared'];
        spec(o).capacity = { storage: '0' };
        spec(o).nfs = { server: 'nfs', path: '/export' };
      }),
      want: [
        'spec.accessModes: Unsupported value: "Shared": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
        'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
        'spec.nfs: Forbidden: may not specify more than 1 volume type',
      ],
    },
    {
      name: 'ReadWriteOncePod with other modes',
      object: mutate(base, (o) => (spec(o).accessModes = ['ReadWriteOncePod', 'ReadWriteOnce'])),
      want: ['spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes'],
    },
    {
      name: 'local volume needs node affinity',
      object: mutate(base, (o) => {
        delete spec(o).hostPath;
        spec(o).local = { path: '/mnt/disk' };
      }),
      want: ['spec.nodeAffinity: Required value: Local volume requires node affinity'],
    },
    {
      name: 'node affinity and class',
      object: mutate(base, (o) => {
        spec(o).nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' }] }] } };
        spec(o).storageClassName = 'Fast';
        spec(o).persistentVolumeReclaimPolicy = 'Keep';
      }),
      want: [
        'spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"',
        "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        `spec.storageClassName: Invalid value: "Fast": ${dns1123SubdomainMsg}`,
      ],
    },
    {
      name: 'csi source',
      object: mutate(base, (o) => {
        delete spec(o).hostPath;
        spec(o).csi = { driver: '', nodePublishSecretRef: { name: 's' } };
      }),
      want: [
        'spec.csi.driver: Required value',
        `spec.csi.driver: Invalid value: "": ${dns1123SubdomainMsg}`,
        'spec.csi.volumeHandle: Required value',
        'spec.csi.nodePublishSecretRef.namespace: Required value',
      ],
    },
  ]);

  const stored = mutate(base, (o) => (o.metadata = storedMeta('pv-1')));
  runCoreCases('PersistentVolume', [
    { name: 'update: capacity and reclaim policy', object: mutate(stored, (o) => ((spec(o).capacity = { storage: '20Gi' }), (spec(o).persistentVolumeReclaimPolicy = 'Delete'))), old: stored, want: [] },
    {
      name: 'update: volume mode',
      object: mutate(stored, (o) => (spec(o).volumeMode = 'Block')),
      old: stored,
      want: ['volumeMode: Invalid value: "Block": field is immutable'],
    },
  ]);

  it('update: the source is immutable', () => {
    const errs = messages(validateCore('PersistentVolume', mutate(stored, (o) => (spec(o).hostPath = { path: '/other', type: '' })), stored));
    assert.equal(errs.length, 1);
    assert.ok(errs[0]!.startsWith('spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation\n'), errs[0]);
  });
});

describe('PersistentVolumeClaim', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem', storageClassName: 'local-path' },
  };
  runCoreCases('PersistentVolumeClaim', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'no access modes and no storage request',
      object: mutate(base, (o) => {
        spec(o).accessModes = [];
        spec(o).resources = {};
      }),
      want: ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value'],
    },
    {
      name: 'zero and negative storage',
      object: mutate(base, (o) => (spec(o).resources = { requests: { storage: '0' } })),
      want: ['spec.resources[storage]: Invalid value: "0": must be greater than zero'],
    },
    {
      name: 'volume mode and data source',
      object: mutate(base, (o) => {
        spec(o).volumeMode = 'Raw';
        spec(o).dataSource = { kind: 'Snapshot', name: 'snap' };
      }),
      want: [
        'spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
        "spec.dataSource: Invalid value: \"Snapshot\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
      ],
    },
  ]);

  const stored = mutate(base, (o) => {
    o.metadata = storedMeta('data', 'default');
    spec(o).volumeName = 'pv-1';
    o.status = { phase: 'Bound', capacity: { storage: '1Gi' } };
  });
  runCoreCases('PersistentVolumeClaim', [
    { name: 'update: bound claim grows', object: mutate(stored, (o) => (spec(o).resources = { requests: { storage: '2Gi' } })), old: stored, want: [] },
    {
      name: 'update: bound claim shrinks below its capacity',
      object: mutate(stored, (o) => (spec(o).resources = { requests: { storage: '512Mi' } })),
      old: stored,
      want: ['spec.resources.requests.storage: Forbidden: field can not be less than status.capacity'],
    },
    { name: 'update: volume name set once', object: stored, old: mutate(stored, (o) => delete spec(o).volumeName), want: [] },
  ]);

  it('update: the rest of the spec is immutable', () => {
    const errs = messages(validateCore('PersistentVolumeClaim', mutate(stored, (o) => (spec(o).accessModes = ['ReadWriteMany'])), stored));
    assert.equal(errs.length, 1);
    assert.ok(errs[0]!.startsWith('spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n'), errs[0]);
  });
});
