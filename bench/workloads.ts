// Workloads benchmark (issue 6): one `kubets server` with its controllers and scheduler,
// `kubets sim` with 100 hollow nodes, a Deployment of 10,000 replicas from create to all
// pods available, then a rollout of it to a new image. Reports wall times, pods/s, the
// server's CPU seconds and peak RSS. Anchor: kwok's CI allows 120 s for 10,000 pods.
//   npm run bench -- workloads
//   BENCH_WORKLOADS_REPLICAS=2000 BENCH_WORKLOADS_NODES=20 npm run bench -- workloads
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Deployment } from 'kubernetes-types/apps/v1.d.ts';
import { Clientset } from '../src/client/clientset.ts';
import { loadKubeconfig } from '../src/client/config.ts';
import type { ResourceClient } from '../src/client/resource-client.ts';
import { printTable, report, round } from './lib.ts';
import { freePort, startKubets, usage, type Child } from './processes.ts';

const replicas = Number(process.env.BENCH_WORKLOADS_REPLICAS ?? 10_000);
const nodes = Number(process.env.BENCH_WORKLOADS_NODES ?? 100);
// Room for the rollout's surge (25%) on top of every replica.
const maxPods = Math.ceil((replicas * 1.3) / nodes);

/** Polls the Deployment until `done` holds; returns the seconds it took. */
async function until(deployments: ResourceClient<Deployment>, done: (d: Deployment) => boolean, what: string, timeoutMs = 600_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const d = await deployments.get('default', 'bench');
    if (done(d)) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(d.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const rolledOut = (d: Deployment) => {
  const s = d.status ?? {};
  return (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 1) && s.updatedReplicas === replicas && s.availableReplicas === replicas && s.replicas === replicas;
};

const dataDir = mkdtempSync(join(tmpdir(), 'kubets-bench-workloads-'));
const server = startKubets(['server', '--data-dir', dataDir, '--secure-port', String(await freePort())]);
let sim: Child | undefined;
let clients: Clientset | undefined;
try {
  await server.waitFor('scheduler started', 30_000);
  const kubeconfig = join(dataDir, 'kubeconfig.yaml');
  sim = startKubets(['sim', '--kubeconfig', kubeconfig, '--nodes', String(nodes), '--max-pods', String(maxPods)]);
  await sim.waitFor(`all ${nodes} nodes registered`, 120_000);
  clients = new Clientset(await loadKubeconfig(kubeconfig));
  const deployments = clients.resource<Deployment>('deployments', 'apps');
  const template = (image: string) => ({ metadata: { labels: { app: 'bench' } }, spec: { containers: [{ name: 'app', image }] } });
  console.log(`creating a Deployment of ${replicas} replicas on ${nodes} hollow nodes...`);
  const cpuBefore = usage(server.process.pid!).cpuSeconds;
  await deployments.create({ metadata: { name: 'bench', namespace: 'default' }, spec: { replicas, selector: { matchLabels: { app: 'bench' } }, template: template('registry.k8s.io/pause:3.9') } });
  const createSeconds = await until(deployments, rolledOut, 'every replica available');
  const cpuAfterCreate = usage(server.process.pid!).cpuSeconds;
  console.log(`all ${replicas} available after ${createSeconds.toFixed(1)} s; rolling out a new image...`);
  await deployments.patch('default', 'bench', 'strategic', { spec: { template: template('registry.k8s.io/pause:3.10') } });
  const rolloutSeconds = await until(deployments, rolledOut, 'the rollout');
  const { cpuSeconds, peakRssMiB } = usage(server.process.pid!);
  const figures = {
    replicas,
    nodes,
    createSeconds: round(createSeconds, 1),
    createPodsPerSecond: round(replicas / createSeconds, 0),
    rolloutSeconds: round(rolloutSeconds, 1),
    serverCpuSecondsCreate: round(cpuAfterCreate - cpuBefore, 1),
    serverCpuSecondsRollout: round(cpuSeconds - cpuAfterCreate, 1),
    serverPeakRssMiB: peakRssMiB,
  };
  printTable(
    ['replicas on nodes', 'create s', 'pods/s', 'rollout s', 'server CPU s (create / rollout)', 'server peak RSS MiB'],
    [[`${replicas} on ${nodes}`, figures.createSeconds, figures.createPodsPerSecond, figures.rolloutSeconds, `${figures.serverCpuSecondsCreate} / ${figures.serverCpuSecondsRollout}`, peakRssMiB]],
  );
  report('workloads', figures);
} finally {
  clients?.close();
  await sim?.stop();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
