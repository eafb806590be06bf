import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, Pod } from 'kubernetes-types/core/v1.d.ts';
import { FakeClock } from '../../apimachinery/clock.ts';
import { CycleState } from '../framework/cycle-state.ts';
import { podInfoOf } from '../framework/pod-info.ts';
import { SchedulerCore } from '../scheduler-core.ts';
import { makeNode, makePod } from '../testing/objects.ts';
import { BalancedAllocation, NodeResourcesFit, defaultScoredResources } from './node-resources-fit.ts';

function core(nodes: Node[], pods: Pod[] = []): SchedulerCore {
  const c = new SchedulerCore({ clock: new FakeClock(), random: () => 0 });
  for (const n of nodes) c.addNode(n);
  for (const p of pods) c.addPod(p);
  return c;
}

function placeAll(c: SchedulerCore, pod: Pod, times = 10): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < times; i++) {
    const p = { ...pod, metadata: { ...pod.metadata, name: `${pod.metadata!.name}-${i}` } };
    const r = c.schedule(p);
    assert.equal(r.kind, 'scheduled', JSON.stringify(r));
    if (r.kind === 'scheduled') seen.add(r.nodeName);
  }
  return seen;
}

const unschedulable = (c: SchedulerCore, pod: Pod) => {
  const r = c.schedule(pod);
  assert.equal(r.kind, 'unschedulable', JSON.stringify(r));
  return r as Extract<typeof r, { kind: 'unschedulable' }>;
};

const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('failure messages', () => {
  it('counts and sorts reasons as upstream FitError, with the preemption outcome', () => {
    const c = core([makeNode('cp', { taints: [controlPlaneTaint] }), makeNode('a', { cpu: '1' }), makeNode('b', { cpu: '1' })]);
    const r = unschedulable(c, makePod('big', { cpu: '2' }));
    assert.equal(
      r.message,
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    assert.deepEqual(r.rejectorPlugins, ['NodeResourcesFit', 'TaintToleration']);
  });

  it('says when preemption finds no victims', () => {
    const c = core([makeNode('a', { cpu: '1' })], [makePod('x', { cpu: '800m', nodeName: 'a' })]);
    assert.equal(
      unschedulable(c, makePod('p', { cpu: '500m' })).message,
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('reports memory, pod count and several reasons per node', () => {
    const c = core([makeNode('a', { cpu: '1', memory: '1Gi', pods: '1' })], [makePod('x', { cpu: '500m', memory: '512Mi', nodeName: 'a' })]);
    assert.match(unschedulable(c, makePod('p', { cpu: '600m', memory: '600Mi' })).message, /^0\/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods\. preemption: /);
  });

  it('says when preemption is not allowed', () => {
    const c = core([makeNode('a', { cpu: '1' })], [makePod('x', { cpu: '800m', nodeName: 'a' })]);
    const r = unschedulable(c, makePod('p', { cpu: '500m', priority: 10, spec: { preemptionPolicy: 'Never' } }));
    assert.equal(r.message, '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });
});

describe('NodeResourcesFit', () => {
  it('places pods only where requests fit, including init containers and overhead', () => {
    const c = core([makeNode('small', { cpu: '1' }), makeNode('big', { cpu: '16' })]);
    assert.deepEqual(placeAll(c, makePod('p', { cpu: '2' }), 3), new Set(['big']));
    const init = makePod('init', { cpu: '100m' });
    init.spec!.initContainers = [{ name: 'i', image: 'x', resources: { requests: { cpu: '1500m' } } }];
    assert.deepEqual(placeAll(c, init, 2), new Set(['big']));
    const overhead = makePod('oh', { cpu: '900m', spec: { overhead: { cpu: '200m' } } });
    assert.deepEqual(placeAll(c, overhead, 2), new Set(['big']));
  });

  it('checks extended resources', () => {
    const c = core([makeNode('gpu', { extra: { 'example.com/gpu': '1' } }), makeNode('plain')]);
    assert.deepEqual(placeAll(c, makePod('g', { extra: { 'example.com/gpu': '1' } }), 1), new Set(['gpu']));
    assert.match(unschedulable(c, makePod('g2', { extra: { 'example.com/gpu': '1' } })).message, /^0\/2 nodes are available: 2 Insufficient example\.com\/gpu\./);
  });

  it('spreads plain pods to the least allocated nodes', () => {
    const c = core([makeNode('a'), makeNode('b')]);
    assert.deepEqual(placeAll(c, makePod('p', { cpu: '1' }), 4).size, 2);
  });

  it('scores cpu and memory by default as the general per-resource code does', () => {
    const nodes = [makeNode('a', { cpu: '3', memory: '7Gi' }), makeNode('b', { cpu: '0', memory: '1Gi' }), makeNode('c', { cpu: '2', memory: '0' }), makeNode('d', { cpu: '0', memory: '0' })];
    const c = core(nodes, [makePod('x', { cpu: '1300m', memory: '5Gi', nodeName: 'a' }), makePod('y', { cpu: '100m', nodeName: 'c' }), makePod('z', { nodeName: 'b' })]);
    // The same resources in another array take the general path.
    const sameResources = defaultScoredResources.map((r) => ({ ...r }));
    const plugins = [
      [new NodeResourcesFit(), new NodeResourcesFit({ resources: sameResources })],
      [new NodeResourcesFit({ scoringStrategy: 'MostAllocated' }), new NodeResourcesFit({ scoringStrategy: 'MostAllocated', resources: sameResources })],
      [new BalancedAllocation(), new BalancedAllocation(sameResources)],
    ] as const;
    const state = new CycleState();
    for (const pod of [makePod('p'), makePod('q', { cpu: '700m', memory: '3Gi' }), makePod('r', { cpu: '5', memory: '1Mi' })]) {
      const info = podInfoOf(pod);
      for (const [fast, general] of plugins) {
        for (const n of nodes) {
          const ni = c.cache.get(n.metadata!.name!)!;
          assert.equal(fast.score(state, info, ni), general.score(state, info, ni), `${fast.name} ${pod.metadata!.name} on ${ni.name}`);
        }
      }
    }
  });
});

describe('NodeAffinity', () => {
  const nodes = [makeNode('ssd', { labels: { disk: 'ssd', zone: 'z1' } }), makeNode('hdd', { labels: { disk: 'hdd', zone: 'z2' } })];

  it('honours nodeSelector', () => {
    assert.deepEqual(placeAll(core(nodes), makePod('p', { spec: { nodeSelector: { disk: 'ssd' } } })), new Set(['ssd']));
    assert.equal(
      unschedulable(core(nodes), makePod('p', { spec: { nodeSelector: { disk: 'nvme' } } })).message,
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it('honours required affinity and prefers preferred terms', () => {
    const required = makePod('r', {
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }] } } } },
    });
    assert.deepEqual(placeAll(core(nodes), required), new Set(['hdd']));
    const preferred = makePod('q', {
      spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z2'] }] } }] } } },
    });
    assert.deepEqual(placeAll(core(nodes), preferred, 3), new Set(['hdd']));
  });

  it('narrows to named nodes via matchFields', () => {
    const p = makePod('ds', {
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['hdd'] }] }] } } } },
    });
    const c = core(nodes);
    const r = c.schedule(p);
    assert.deepEqual(r, { kind: 'scheduled', nodeName: 'hdd', evaluatedNodes: 1, feasibleNodes: 1 });
  });
});

describe('TaintToleration and NodeUnschedulable', () => {
  it('keeps pods off tainted and cordoned nodes unless tolerated', () => {
    const nodes = [makeNode('cp', { taints: [controlPlaneTaint] }), makeNode('cordoned', { unschedulable: true }), makeNode('w')];
    assert.deepEqual(placeAll(core(nodes), makePod('p')), new Set(['w']));
    const tolerant = makePod('t', { spec: { tolerations: [{ operator: 'Exists' }], nodeSelector: { 'kubernetes.io/hostname': 'cp' } } });
    assert.deepEqual(placeAll(core(nodes), tolerant, 1), new Set(['cp']));
    const cordonedOnly = core([makeNode('cordoned', { unschedulable: true })]);
    assert.match(unschedulable(cordonedOnly, makePod('p')).message, /^0\/1 nodes are available: 1 node\(s\) were unschedulable\./);
  });

  it('prefers nodes without PreferNoSchedule taints', () => {
    const nodes = [makeNode('soft', { taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }] }), makeNode('clean')];
    assert.deepEqual(placeAll(core(nodes), makePod('p'), 5), new Set(['clean']));
  });
});

describe('NodePorts', () => {
  it('keeps pods with the same host port apart', () => {
    const c = core([makeNode('a'), makeNode('b')]);
    assert.equal(placeAll(c, makePod('p', { hostPort: 8080 }), 2).size, 2);
    assert.match(unschedulable(c, makePod('p3', { hostPort: 8080 })).message, /^0\/2 nodes are available: 2 node\(s\) didn't have free ports for the requested pod ports\./);
  });
});

describe('PodTopologySpread', () => {
  const zones = [makeNode('a1', { labels: { zone: 'a' } }), makeNode('a2', { labels: { zone: 'a' } }), makeNode('b1', { labels: { zone: 'b' } })];
  const spread = (name: string, when: 'DoNotSchedule' | 'ScheduleAnyway') =>
    makePod(name, { labels: { app: 'web' }, spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: when, labelSelector: { matchLabels: { app: 'web' } } }] } });

  it('filters nodes that would break maxSkew', () => {
    const c = core(zones, [makePod('w1', { labels: { app: 'web' }, nodeName: 'a1' })]);
    const r = c.schedule(spread('w2', 'DoNotSchedule'));
    assert.equal(r.kind === 'scheduled' && r.nodeName, 'b1');
    const c2 = core(zones, [makePod('x', { labels: { app: 'web' }, nodeName: 'a1' }), makePod('y', { labels: { app: 'web' }, nodeName: 'a2' })]);
    const onlyA = spread('w3', 'DoNotSchedule');
    onlyA.spec!.nodeSelector = { zone: 'a' };
    // Zone b is not eligible (node affinity honoured), so only zone a counts: skew stays 0+1-2... fits.
    assert.equal(c2.schedule(onlyA).kind, 'scheduled');
  });

  it('reports skew and missing labels', () => {
    const tainted = makeNode('b1', { labels: { zone: 'b' }, taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] });
    const c = core([makeNode('a1', { labels: { zone: 'a' } }), tainted, makeNode('nolabel')], [makePod('w1', { labels: { app: 'web' }, nodeName: 'a1' }), makePod('w2', { labels: { app: 'web' }, nodeName: 'a1' })]);
    const r = unschedulable(c, spread('w3', 'DoNotSchedule'));
    assert.equal(
      r.message,
      "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) didn't match pod topology spread constraints (missing required label), 1 node(s) had untolerated taint {k: v}. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
    const c2 = core([makeNode('nolabel')]);
    assert.match(unschedulable(c2, spread('w', 'DoNotSchedule')).message, /1 node\(s\) didn't match pod topology spread constraints \(missing required label\)\./);
  });

  it('scores toward the emptier zone with ScheduleAnyway', () => {
    const c = core(zones, [makePod('w1', { labels: { app: 'web' }, nodeName: 'a1' })]);
    const r = c.schedule(spread('w2', 'ScheduleAnyway'));
    assert.equal(r.kind === 'scheduled' && r.nodeName, 'b1');
  });
});

describe('InterPodAffinity', () => {
  const nodes = [makeNode('n1', { labels: { zone: 'a' } }), makeNode('n2', { labels: { zone: 'b' } })];
  const term = (app: string) => ({ topologyKey: 'zone', labelSelector: { matchLabels: { app } } });

  it('places a pod with required affinity next to its peer', () => {
    const c = core(nodes, [makePod('db', { labels: { app: 'db' }, nodeName: 'n2' })]);
    const p = makePod('web', { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } } } });
    assert.deepEqual(placeAll(c, p, 3), new Set(['n2']));
  });

  it('lets the first pod of a self-affine group in, and rejects unmatched affinity', () => {
    const self = makePod('s', { labels: { app: 'cache' }, spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache')] } } } });
    assert.equal(core(nodes).schedule(self).kind, 'scheduled');
    const other = makePod('o', { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('nothing')] } } } });
    assert.match(unschedulable(core(nodes), other).message, /^0\/2 nodes are available: 2 node\(s\) didn't match pod affinity rules\./);
  });

  it('keeps anti-affine pods apart, both ways', () => {
    const c = core(nodes, [makePod('w1', { labels: { app: 'web' }, nodeName: 'n1' })]);
    const anti = makePod('w2', { labels: { app: 'web' }, spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] } } } });
    assert.deepEqual(placeAll(c, anti, 1), new Set(['n2']));
    assert.match(unschedulable(c, { ...anti, metadata: { ...anti.metadata, name: 'w3' } }).message, /^0\/2 nodes are available: 2 node\(s\) didn't match pod anti-affinity rules\./);
    // An existing pod's anti-affinity rejects a newcomer it selects.
    const c2 = core(nodes, [{ ...anti, spec: { ...anti.spec!, nodeName: 'n1' } }]);
    assert.deepEqual(placeAll(c2, makePod('plain', { labels: { app: 'web' } }), 2), new Set(['n2']));
    const c3 = core([nodes[0]!], [{ ...anti, spec: { ...anti.spec!, nodeName: 'n1' } }]);
    assert.match(unschedulable(c3, makePod('plain', { labels: { app: 'web' } })).message, /1 node\(s\) didn't satisfy existing pods anti-affinity rules\./);
  });

  it('prefers nodes by preferred affinity', () => {
    const c = core(nodes, [makePod('db', { labels: { app: 'db' }, nodeName: 'n1' })]);
    const p = makePod('web', { spec: { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term('db') }] } } } });
    assert.deepEqual(placeAll(c, p, 3), new Set(['n1']));
  });
});

describe('DefaultPreemption', () => {
  it('picks the node whose victims have the lowest priority, and only as many as needed', () => {
    const c = core(
      [makeNode('a', { cpu: '2' }), makeNode('b', { cpu: '2' })],
      [
        makePod('a-low', { cpu: '1', priority: 1, nodeName: 'a' }),
        makePod('a-mid', { cpu: '1', priority: 5, nodeName: 'a' }),
        makePod('b-mid1', { cpu: '1', priority: 5, nodeName: 'b' }),
        makePod('b-mid2', { cpu: '1', priority: 5, nodeName: 'b' }),
      ],
    );
    const r = unschedulable(c, makePod('hi', { cpu: '1', priority: 100 }));
    assert.equal(r.nominatedNodeName, 'a');
    assert.deepEqual(r.victims?.map((v) => v.metadata?.name), ['a-low']);
    assert.match(r.message, /^0\/2 nodes are available: 2 Insufficient cpu\.$/);
  });

  it('never preempts pods of equal or higher priority', () => {
    const c = core([makeNode('a', { cpu: '1' })], [makePod('x', { cpu: '1', priority: 100, nodeName: 'a' })]);
    const r = unschedulable(c, makePod('p', { cpu: '1', priority: 100 }));
    assert.equal(r.nominatedNodeName, undefined);
  });
});
