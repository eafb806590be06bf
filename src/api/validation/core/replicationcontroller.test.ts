import { describe } from 'node:test';
import { type Obj, mutate, podTemplateSpec, runCoreCases, storedMeta } from './fixtures.ts';

const spec = (o: Obj) => o.spec as Obj;
const template = (o: Obj) => spec(o).template as Obj;

describe('ReplicationController', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 2, selector: { app: 'web' }, template: podTemplateSpec({ app: 'web', tier: 'front' }) },
  };
  const stored = mutate(base, (o) => (o.metadata = storedMeta('web', 'default')));
  runCoreCases('ReplicationController', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'selector does not match the template',
      object: mutate(base, (o) => (spec(o).selector = { app: 'db' })),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web", "tier":"front"}: `selector` does not match template `labels`'],
    },
    {
      name: 'template without labels',
      object: mutate(base, (o) => delete (template(o).metadata as Obj).labels),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    },
    {
      name: 'empty selector and negative replicas',
      object: mutate(base, (o) => {
        spec(o).selector = {};
        spec(o).replicas = -1;
        spec(o).minReadySeconds = -5;
      }),
      want: [
        'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
        'spec.selector: Required value',
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    { name: 'no template', object: mutate(base, (o) => delete spec(o).template), want: ['spec.template: Required value'] },
    {
      name: 'template must restart Always and have no deadline',
      object: mutate(base, (o) => {
        (template(o).spec as Obj).restartPolicy = 'OnFailure';
        (template(o).spec as Obj).activeDeadlineSeconds = 10;
      }),
      want: [
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
      ],
    },
    {
      name: 'template pod spec errors',
      object: mutate(base, (o) => delete ((template(o).spec as Obj).containers as Obj[])[0]!.image),
      want: ['spec.template.spec.containers[0].image: Required value'],
    },
    { name: 'update: scale', object: mutate(stored, (o) => (spec(o).replicas = 5)), old: stored, want: [] },
    {
      name: 'update: generation decremented',
      object: mutate(stored, (o) => ((o.metadata as Obj).generation = 1)),
      old: mutate(stored, (o) => ((o.metadata as Obj).generation = 2)),
      want: ['metadata.generation: Invalid value: 1: must not be decremented'],
    },
  ]);
});
