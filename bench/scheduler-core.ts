// Scheduler core benchmark: SchedulerCore.schedule() alone (no API, no queue), each
// scheduled pod confirmed as bound the way the informer would.
//   npm run bench -- scheduler-core
import type { Node, Pod } from 'kubernetes-types/core/v1.d.ts';
import { realClock } from '../src/apimachinery/clock.ts';
import { SchedulerCore } from '../src/scheduler/scheduler-core.ts';
import { printTable, report, round } from './lib.ts';

function node(i: number): Node {
  const name = `node-${i}`;
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
    spec: {},
    status: { allocatable: { cpu: '32', memory: '128Gi', pods: '110' }, capacity: { cpu: '32', memory: '128Gi', pods: '110' } },
  };
}

function pod(i: number): Pod {
  return {
    metadata: { name: `pod-${i}`, namespace: 'default', uid: `uid-${i}`, labels: { app: `app-${i % 50}` } },
    spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  };
}

function run(nodes: number, pods: number): { podsPerSec: number; usPerPod: number } {
  const core = new SchedulerCore({ clock: realClock });
  for (let i = 0; i < nodes; i++) core.addNode(node(i));
  const started = performance.now();
  for (let i = 0; i < pods; i++) {
    const p = pod(i);
    const r = core.schedule(p);
    if (r.kind !== 'scheduled') throw new Error(`pod ${i}: ${JSON.stringify(r)}`);
    core.bound(p);
    core.addPod({ ...p, spec: { ...p.spec!, nodeName: r.nodeName } });
  }
  const ms = performance.now() - started;
  return { podsPerSec: round(pods / (ms / 1000), 0), usPerPod: round((ms * 1000) / pods, 1) };
}

// Warm up the JIT on a small cluster first.
run(200, 2_000);
const small = run(1_000, 10_000);
const large = run(5_000, 20_000);
printTable(['cluster', 'pods/s', 'us/pod'], [
  ['1,000 nodes x 10,000 pods', small.podsPerSec, small.usPerPod],
  ['5,000 nodes x 20,000 pods', large.podsPerSec, large.usPerPod],
]);
report('scheduler-core', { nodes1k: small, nodes5k: large });
