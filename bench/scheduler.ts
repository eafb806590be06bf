// Scheduler benchmark, end to end as upstream's scheduler_perf SchedulingBasic: a real
// `kubets server` (SQLite, scheduler disabled), `kubets sim` hollow nodes, pending pods
// created up front, then `kubets scheduler` started as its own process. Reports pods/s
// from the first bind to the last, and the scheduler's CPU seconds and peak RSS.
//   npm run bench -- scheduler            (1,000 nodes x 10,000 pods and 5,000 x 20,000)
//   BENCH_SCHEDULER_CASES=200x2000 npm run bench -- scheduler
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { Clientset } from '../src/client/clientset.ts';
import { loadKubeconfig } from '../src/client/config.ts';
import { Informer } from '../src/client/informer.ts';
import { printTable, rate, report, round } from './lib.ts';
import { freePort, startKubets as start, usage, type Child } from './processes.ts';

const cases = (process.env.BENCH_SCHEDULER_CASES ?? '1000x10000,5000x20000').split(',').map((c) => {
  const [nodes, pods] = c.split('x').map(Number);
  return { nodes: nodes!, pods: pods! };
});

async function runCase(nodes: number, pods: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kubets-bench-scheduler-'));
  const port = await freePort();
  const server = start(['server', '--data-dir', dataDir, '--secure-port', String(port), '--disable-scheduler', '--disable-controller-manager']);
  let sim: Child | undefined;
  let scheduler: Child | undefined;
  let clients: Clientset | undefined;
  let informer: Informer<Pod> | undefined;
  try {
    await server.waitFor('API server ready', 30_000);
    const kubeconfig = join(dataDir, 'kubeconfig.yaml');
    // Heartbeats every minute: node traffic stays in the picture without drowning it.
    sim = start(['sim', '--kubeconfig', kubeconfig, '--nodes', String(nodes), '--heartbeat-interval', '60s']);
    await sim.waitFor(`all ${nodes} nodes registered`, 300_000);
    clients = new Clientset(await loadKubeconfig(kubeconfig));
    const pending = clients.pods;
    const createRate = await rate(pods, 64, (i) =>
      pending.create({
        metadata: { name: `pod-${i}`, namespace: 'default' },
        spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      }),
    );
    let firstBind = 0;
    let lastBind = 0;
    let bound = 0;
    informer = new Informer(clients.pods, { namespace: 'default' });
    informer.addEventHandlers({
      onUpdate: (old, pod) => {
        if (old.spec?.nodeName || !pod.spec?.nodeName) return;
        lastBind = performance.now();
        if (bound++ === 0) firstBind = lastBind;
      },
    });
    informer.start();
    await informer.waitForSync();
    scheduler = start(['scheduler', '--kubeconfig', kubeconfig]);
    const deadline = Date.now() + 600_000;
    while (bound < pods) {
      if (Date.now() > deadline) throw new Error(`only ${bound} of ${pods} pods bound in 10 minutes:\n${scheduler.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { cpuSeconds, peakRssMiB } = usage(scheduler.process.pid!);
    const seconds = (lastBind - firstBind) / 1000;
    return { nodes, pods, createPerSecond: round(createRate, 0), podsPerSecond: round(pods / seconds, 0), seconds: round(seconds, 2), schedulerCpuSeconds: round(cpuSeconds, 1), schedulerPeakRssMiB: peakRssMiB };
  } finally {
    await informer?.stop();
    clients?.close();
    await scheduler?.stop();
    await sim?.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (const { nodes, pods } of cases) {
  console.log(`scheduling ${pods} pods on ${nodes} hollow nodes...`);
  results.push(await runCase(nodes, pods));
}
printTable(
  ['nodes x pods', 'pods/s', 'seconds', 'scheduler CPU s', 'scheduler peak RSS MiB', 'pod creates/s'],
  results.map((r) => [`${r.nodes} x ${r.pods}`, r.podsPerSecond, r.seconds, r.schedulerCpuSeconds, r.schedulerPeakRssMiB, r.createPerSecond]),
);
report('scheduler', { cases: results });
