import { describe } from 'node:test';
import { validatePriorityClass } from './scheduling.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

describe('PriorityClass', () => {
  const pc: Obj = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' };
  const stored = mutate(pc, (o) => (o.metadata = storedMeta('high')));
  runCases(validatePriorityClass, [
    { name: 'valid', object: pc, want: [] },
    { name: 'value above the user maximum', object: mutate(pc, (o) => (o.value = 1000000001)), want: ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000'] },
    { name: 'negative values are fine', object: mutate(pc, (o) => (o.value = -10)), want: [] },
    {
      name: 'system- prefix is reserved',
      object: mutate(pc, (o) => ((o.metadata as Obj).name = 'system-high')),
      want: ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-high is not a known system priority class"],
    },
    {
      name: 'system class with the wrong value',
      object: mutate(pc, (o) => Object.assign(o, { metadata: { name: 'system-node-critical' }, value: 5 })),
      want: ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000"],
    },
    { name: 'the system class itself', object: mutate(pc, (o) => Object.assign(o, { metadata: { name: 'system-cluster-critical' }, value: 2000000000 })), want: [] },
    {
      name: 'preemptionPolicy',
      object: mutate(pc, (o) => (o.preemptionPolicy = 'Always')),
      want: ['preemptionPolicy: Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"'],
    },
    { name: 'namespace forbidden', object: mutate(pc, (o) => ((o.metadata as Obj).namespace = 'default')), want: ['metadata.namespace: Forbidden: not allowed on this type'] },
    { name: 'update: description may change', object: mutate(stored, (o) => (o.description = 'critical apps')), old: stored, want: [] },
    { name: 'update: value is immutable', object: mutate(stored, (o) => (o.value = 2000)), old: stored, want: ['value: Forbidden: may not be changed in an update.'] },
    {
      name: 'update: preemptionPolicy is immutable',
      object: mutate(stored, (o) => (o.preemptionPolicy = 'Never')),
      old: stored,
      want: ['preemptionPolicy: Invalid value: "Never": field is immutable'],
    },
  ]);
});
