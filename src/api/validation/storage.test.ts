import { describe } from 'node:test';
import { validateStorageClass } from './storage.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

describe('StorageClass', () => {
  const sc: Obj = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'fast' },
    provisioner: 'ebs.csi.aws.com',
    parameters: { type: 'gp3' },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
  };
  const stored = mutate(sc, (o) => (o.metadata = storedMeta('fast')));
  runCases(validateStorageClass, [
    { name: 'valid', object: sc, want: [] },
    { name: 'provisioner required', object: mutate(sc, (o) => delete o.provisioner), want: ['provisioner: Required value'] },
    {
      name: 'provisioner must be a qualified name (checked lower-cased)',
      object: mutate(sc, (o) => (o.provisioner = 'Example.com/My Driver')),
      want: [
        "provisioner: Invalid value: \"example.com/my driver\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      name: 'reclaimPolicy',
      object: mutate(sc, (o) => (o.reclaimPolicy = 'Recycle')),
      want: ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"'],
    },
    { name: 'volumeBindingMode required', object: mutate(sc, (o) => delete o.volumeBindingMode), want: ['volumeBindingMode: Required value'] },
    {
      name: 'volumeBindingMode values',
      object: mutate(sc, (o) => (o.volumeBindingMode = 'Lazy')),
      want: ['volumeBindingMode: Unsupported value: "Lazy": supported values: "Immediate", "WaitForFirstConsumer"'],
    },
    { name: 'empty parameter key', object: mutate(sc, (o) => (o.parameters = { '': 'x' })), want: ['parameters: Invalid value: "": field can not be empty.'] },
    {
      name: 'allowedTopologies',
      object: mutate(sc, (o) => {
        o.allowedTopologies = [
          { matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['a', 'a'] }, { key: 'topology.kubernetes.io/zone', values: [] }] },
          { matchLabelExpressions: [{ key: 'bad key', values: ['x'] }] },
        ];
      }),
      want: [
        'allowedTopologies[0].matchLabelExpressions[0].values[1]: Duplicate value: "a"',
        'allowedTopologies[0].matchLabelExpressions[1].values: Required value',
        'allowedTopologies[0].matchLabelExpressions[1].key: Duplicate value: "topology.kubernetes.io/zone"',
        "allowedTopologies[1].matchLabelExpressions[0].key: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      name: 'duplicate topology terms',
      object: mutate(sc, (o) => {
        const term = { matchLabelExpressions: [{ key: 'zone', values: ['a'] }] };
        o.allowedTopologies = [term, term];
      }),
      want: ['allowedTopologies[1].matchLabelExpressions: Duplicate value: ""'],
    },
    { name: 'update: allowVolumeExpansion may change', object: mutate(stored, (o) => (o.allowVolumeExpansion = false)), old: stored, want: [] },
    {
      name: 'update: provisioner, parameters, reclaimPolicy and volumeBindingMode are immutable',
      object: mutate(stored, (o) => Object.assign(o, { provisioner: 'pd.csi.storage.gke.io', parameters: { type: 'pd-ssd' }, reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate' })),
      old: stored,
      want: [
        'parameters: Forbidden: updates to parameters are forbidden.',
        'provisioner: Forbidden: updates to provisioner are forbidden.',
        'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
        'volumeBindingMode: Invalid value: "Immediate": field is immutable',
      ],
    },
  ]);
});
