import { describe } from 'node:test';
import { type Obj, dns1123SubdomainMsg, mutate, qualifiedNameMsg, runCoreCases, storedMeta } from './fixtures.ts';

const spec = (o: Obj) => o.spec as Obj;

describe('Node', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node-1' },
    spec: { podCIDR: '10.42.0.0/24', podCIDRs: ['10.42.0.0/24'], taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } },
  };
  runCoreCases('Node', [
    { name: 'valid', object: base, want: [] },
    { name: 'bad name', object: mutate(base, (o) => ((o.metadata as Obj).name = 'Node_1')), want: [`metadata.name: Invalid value: "Node_1": ${dns1123SubdomainMsg}`] },
    {
      name: 'bad pod CIDRs',
      object: mutate(base, (o) => {
        spec(o).podCIDRs = ['10.42.0.0/24', 'foo'];
        delete spec(o).podCIDR;
      }),
      want: [
        'spec.podCIDRs[1]: Invalid value: "foo": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
        'spec.podCIDRs: Internal error: invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR[1]: <nil> (invalid CIDR address: foo)',
        'spec.podCIDRs: Invalid value: []string{"10.42.0.0/24", "foo"}: may specify no more than one CIDR for each IP family',
      ],
    },
    {
      name: 'two IPv4 pod CIDRs',
      object: mutate(base, (o) => (spec(o).podCIDRs = ['10.42.0.0/24', '10.43.0.0/24'])),
      want: ['spec.podCIDRs: Invalid value: []string{"10.42.0.0/24", "10.43.0.0/24"}: may specify no more than one CIDR for each IP family'],
    },
    { name: 'dual-stack pod CIDRs', object: mutate(base, (o) => (spec(o).podCIDRs = ['10.42.0.0/24', 'fd00:42::/64'])), want: [] },
    {
      name: 'taints',
      object: mutate(base, (o) => {
        spec(o).taints = [
          { key: 'a', value: 'x', effect: 'NoSchedule' },
          { key: 'a', value: 'y', effect: 'NoSchedule' },
          { key: 'bad key', effect: 'Sometimes' },
          { key: 'b' },
        ];
      }),
      want: [
        'metadata.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"y", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
        `metadata.taints[2].key: Invalid value: "bad key": ${qualifiedNameMsg}`,
        'metadata.taints[2].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
        'metadata.taints[3].effect: Required value',
      ],
    },
    {
      name: 'negative capacity',
      object: mutate(base, (o) => (o.status = { capacity: { cpu: '-1' }, allocatable: { pods: '1.5' } })),
      want: [
        'status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0',
        'status.allocatable.pods: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer',
      ],
    },
  ]);

  const stored = mutate(base, (o) => {
    o.metadata = storedMeta('node-1');
    spec(o).providerID = 'k3s://node-1';
  });
  runCoreCases('Node', [
    { name: 'update: taints and unschedulable', object: mutate(stored, (o) => ((spec(o).unschedulable = true), (spec(o).taints = []))), old: stored, want: [] },
    {
      name: 'update: podCIDR changed',
      object: mutate(stored, (o) => {
        spec(o).podCIDR = '10.42.1.0/24';
        spec(o).podCIDRs = ['10.42.1.0/24'];
      }),
      old: stored,
      want: ['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid'],
    },
    { name: 'update: podCIDR assigned', object: stored, old: mutate(stored, (o) => (delete spec(o).podCIDR, delete spec(o).podCIDRs)), want: [] },
    {
      name: 'update: providerID changed',
      object: mutate(stored, (o) => (spec(o).providerID = 'other://x')),
      old: stored,
      want: ['spec.providerID: Forbidden: node updates may not change providerID except from "" to valid'],
    },
    {
      name: 'update: duplicate addresses',
      object: mutate(stored, (o) => {
        o.status = {
          addresses: [
            { type: 'InternalIP', address: '10.0.0.5' },
            { type: 'InternalIP', address: '10.0.0.5' },
          ],
        };
      }),
      old: stored,
      want: ['status.addresses[1]: Duplicate value: core.NodeAddress{Type:"InternalIP", Address:"10.0.0.5"}'],
    },
  ]);
});

describe('Event', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'web.17f', namespace: 'default' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
    reason: 'Started',
    message: 'Started container',
    source: { component: 'kubelet' },
    count: 1,
    type: 'Normal',
  };
  const newStyle = mutate(base, (o) => {
    o.eventTime = '2025-01-01T00:00:00.000000Z';
    o.reportingComponent = 'kubelet';
    o.reportingInstance = 'node-1';
    o.action = 'Started';
  });
  runCoreCases('Event', [
    { name: 'valid', object: base, want: [] },
    { name: 'valid with eventTime', object: newStyle, want: [] },
    { name: 'cluster-scoped object in default', object: mutate(base, (o) => delete (o.involvedObject as Obj).namespace), want: [] },
    {
      name: 'involvedObject in another namespace',
      object: mutate(base, (o) => ((o.involvedObject as Obj).namespace = 'other')),
      want: ['involvedObject.namespace: Invalid value: "other": does not match event.namespace'],
    },
    {
      name: 'eventTime without reporting fields',
      object: mutate(newStyle, (o) => {
        delete o.reportingComponent;
        delete o.reportingInstance;
        delete o.action;
        o.reason = 'R'.repeat(129);
      }),
      want: [
        'reportingController: Required value',
        'reportingController: Invalid value: "": name part must be non-empty',
        `reportingController: Invalid value: "": ${qualifiedNameMsg}`,
        'reportingInstance: Required value',
        'action: Required value',
        'reason: Invalid value: "": can have at most 128 characters',
      ],
    },
    {
      name: 'update keeps legacy validation only',
      object: mutate(base, (o) => ((o.metadata = storedMeta('web.17f', 'default')), (o.count = 2))),
      old: mutate(base, (o) => (o.metadata = storedMeta('web.17f', 'default'))),
      want: [],
    },
  ]);
});
