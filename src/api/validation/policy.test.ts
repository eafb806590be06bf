import { describe } from 'node:test';
import { validatePodDisruptionBudget } from './policy.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

const spec = (o: Obj) => o.spec as Obj;

describe('PodDisruptionBudget', () => {
  const pdb: Obj = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web', namespace: 'default' },
    spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
  };
  runCases(validatePodDisruptionBudget, [
    { name: 'valid', object: pdb, want: [] },
    { name: 'percent', object: mutate(pdb, (o) => (spec(o).minAvailable = '50%')), want: [] },
    { name: 'maxUnavailable instead', object: mutate(pdb, (o) => Object.assign(spec(o), { minAvailable: undefined, maxUnavailable: 1 })), want: [] },
    {
      name: 'not both',
      object: mutate(pdb, (o) => (spec(o).maxUnavailable = '10%')),
      want: [
        'spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000012345), Selector:(*v1.LabelSelector)(0xc000012345), MaxUnavailable:(*intstr.IntOrString)(0xc000012345), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set',
      ],
    },
    { name: 'negative', object: mutate(pdb, (o) => (spec(o).minAvailable = -1)), want: ['spec.minAvailable: Invalid value: -1: must be greater than or equal to 0'] },
    {
      name: 'bad percent',
      object: mutate(pdb, (o) => (spec(o).minAvailable = 'half')),
      want: ['spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"half"}: a valid percent string must be a numeric string followed by an ending \'%\' (e.g. \'1%\',  or \'93%\', regex used for validation is \'[0-9]+%\')'],
    },
    {
      name: 'above 100%',
      object: mutate(pdb, (o) => Object.assign(spec(o), { minAvailable: undefined, maxUnavailable: '150%' })),
      want: ['spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%'],
    },
    {
      name: 'selector',
      object: mutate(pdb, (o) => (spec(o).selector = { matchExpressions: [{ key: 'app', operator: 'Near', values: ['web'] }] })),
      want: ['spec.selector.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator'],
    },
    {
      name: 'unhealthyPodEvictionPolicy',
      object: mutate(pdb, (o) => (spec(o).unhealthyPodEvictionPolicy = 'Never')),
      want: ['spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"'],
    },
    {
      name: 'update: spec may change, stored invalid selector values tolerated',
      object: mutate(pdb, (o) => {
        o.metadata = storedMeta('web', 'default');
        spec(o).selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['bad value!'] }] };
        spec(o).minAvailable = 1;
      }),
      old: mutate(pdb, (o) => {
        o.metadata = storedMeta('web', 'default');
        spec(o).selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['bad value!'] }] };
      }),
      want: [],
    },
  ]);
});
