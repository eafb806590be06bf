import { describe } from 'node:test';
import { type Obj, mutate, runCoreCases, storedMeta } from './fixtures.ts';

const spec = (o: Obj) => o.spec as Obj;
const q = (value: number, scale: number, s: string, format = 'DecimalSI') =>
  `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"${s}", Format:"${format}"}`;

describe('ResourceQuota', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'quota', namespace: 'default' },
    spec: { hard: { pods: '10', 'requests.cpu': '4', 'requests.memory': '8Gi', 'count/deployments.apps': '5' } },
  };
  const stored = mutate(base, (o) => {
    o.metadata = storedMeta('quota', 'default');
    spec(o).scopes = ['NotTerminating'];
    spec(o).hard = { pods: '10' };
  });
  runCoreCases('ResourceQuota', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'bad hard resources',
      object: mutate(base, (o) => (spec(o).hard = { cpu: '-1', foo: '1', pods: '1500m' })),
      want: [
        'spec.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0',
        'spec.hard[foo]: Invalid value: "foo": must be a standard resource type or fully qualified',
        'spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota',
        `spec.hard[pods]: Invalid value: ${q(1500, -3, '1500m')}: must be an integer`,
      ],
    },
    {
      name: 'scopes',
      object: mutate(base, (o) => {
        spec(o).hard = { pods: '1', 'requests.storage': '1Gi' };
        spec(o).scopes = ['BestEffort', 'NotBestEffort', 'Foo'];
      }),
      want: [
        'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Foo"}: unsupported scope applied to resource',
        'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Foo"}: unsupported scope applied to resource',
        'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Foo"}: unsupported scope',
        'spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Foo"}: conflicting scopes',
      ],
    },
    {
      name: 'scope selector',
      object: mutate(base, (o) => {
        spec(o).hard = { pods: '1' };
        spec(o).scopeSelector = {
          matchExpressions: [
            { scopeName: 'PriorityClass', operator: 'In' },
            { scopeName: 'Terminating', operator: 'In', values: ['x'] },
          ],
        };
      }),
      want: [
        "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
        "spec.scopeSelector.matchExpressions.operator: Invalid value: \"In\": must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
      ],
    },
    { name: 'update: hard changed', object: mutate(stored, (o) => (spec(o).hard = { pods: '20' })), old: stored, want: [] },
    {
      name: 'update: scopes changed',
      object: mutate(stored, (o) => (spec(o).scopes = ['Terminating'])),
      old: stored,
      want: ['spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating"}: field is immutable'],
    },
  ]);
});

describe('LimitRange', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits', namespace: 'default' },
    spec: {
      limits: [
        { type: 'Container', min: { cpu: '100m' }, max: { cpu: '2' }, default: { cpu: '1' }, defaultRequest: { cpu: '500m' }, maxLimitRequestRatio: { cpu: '4' } },
        { type: 'PersistentVolumeClaim', min: { storage: '1Gi' } },
      ],
    },
  };
  const limit = (o: Obj) => (spec(o).limits as Obj[])[0]!;
  runCoreCases('LimitRange', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'min above max',
      object: mutate(base, (o) => (limit(o).min = { cpu: '3' })),
      want: [
        `spec.limits[0].min[cpu]: Invalid value: ${q(3, 0, '3')}: min value 3 is greater than max value 2`,
        `spec.limits[0].defaultRequest[cpu]: Invalid value: ${q(500, -3, '500m')}: min value 3 is greater than default request value 500m`,
        `spec.limits[0].default[cpu]: Invalid value: ${q(3, 0, '3')}: min value 3 is greater than default value 1`,
        `spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: ${q(4, 0, '4')}: ratio 4 is greater than max/min = 0.666667`,
      ],
    },
    {
      name: 'default above max and ratio',
      object: mutate(base, (o) => {
        limit(o).default = { cpu: '3' };
        limit(o).maxLimitRequestRatio = { cpu: '500m' };
      }),
      want: [
        `spec.limits[0].default[cpu]: Invalid value: ${q(2, 0, '2')}: default value 3 is greater than max value 2`,
        `spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: ${q(500, -3, '500m')}: ratio 500m is less than 1`,
      ],
    },
    {
      name: 'ratio above max/min',
      object: mutate(base, (o) => (limit(o).maxLimitRequestRatio = { cpu: '30' })),
      want: [`spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: ${q(30, 0, '30')}: ratio 30 is greater than max/min = 20.000000`],
    },
    {
      name: 'type, duplicates and defaults for pods',
      object: mutate(base, (o) => {
        spec(o).limits = [{ type: 'Foo' }, { type: 'Pod', default: { cpu: '1' } }, { type: 'Pod' }, { type: 'PersistentVolumeClaim' }];
      }),
      want: [
        'spec.limits[0].type: Invalid value: "Foo": must be a standard limit type or fully qualified',
        "spec.limits[1].default: Forbidden: may not be specified when `type` is 'Pod'",
        'spec.limits[2].type: Duplicate value: "Pod"',
        'spec.limits[3].limits: Required value: either minimum or maximum storage value is required, but neither was provided',
      ],
    },
    {
      name: 'update is validated like a create',
      object: mutate(base, (o) => ((o.metadata = storedMeta('limits', 'default')), (limit(o).min = { memory: '-1' }))),
      old: mutate(base, (o) => (o.metadata = storedMeta('limits', 'default'))),
      want: [],
    },
  ]);
});
