// `kubets sim`: hollow nodes against a cluster, until SIGINT/SIGTERM. SIGUSR1 stops the
// heartbeats of the lowest-index node still beating; SIGUSR2 resumes every node.
import { durationFlagMs } from '../apimachinery/duration.ts';
import { Clientset } from '../client/clientset.ts';
import { defaultKubeconfigPath, loadKubeconfig } from '../client/config.ts';
import { HollowNodes } from '../sim/hollow-nodes.ts';
import { gitVersion, kubetsVersion } from '../version.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

function parseLabels(text: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of (text ?? '').split(',').filter((p) => p.length > 0)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--labels: "${pair}" is not key=value`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return labels;
}

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${flag} must be a whole number, got "${text}"`);
  return value;
}

export async function runSim(values: Values): Promise<number> {
  const startedAt = performance.now();
  const log = (message: string) => console.log(`[${((performance.now() - startedAt) / 1000).toFixed(3)}s] ${message}`);
  if (values.nodes === undefined) throw new Error('--nodes is required (see kubets sim --help)');
  const nodes = wholeNumber('nodes', values.nodes as string, 0);
  const backoffMs = values['crash-loop-backoff'] === undefined ? 10_000 : durationFlagMs('crash-loop-backoff', values['crash-loop-backoff'] as string);
  const kubeconfig = (values.kubeconfig as string | undefined) ?? defaultKubeconfigPath();
  const config = await loadKubeconfig(kubeconfig);
  const clientset = new Clientset({ ...config, userAgent: `kubets-sim/${kubetsVersion}` });
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // Timers are unref'd and the connection may be idle: hold the process open until a stop signal.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const sim = new HollowNodes({
    clientset,
    nodes,
    namePrefix: (values['name-prefix'] as string | undefined) ?? 'hollow-node-',
    cpu: (values.cpu as string | undefined) ?? '8',
    memory: (values.memory as string | undefined) ?? '32Gi',
    maxPods: wholeNumber('max-pods', values['max-pods'] as string | undefined, 110),
    labels: parseLabels(values.labels as string | undefined),
    heartbeatIntervalMs: values['heartbeat-interval'] === undefined ? 10_000 : durationFlagMs('heartbeat-interval', values['heartbeat-interval'] as string),
    podTiming: { backoffBaseMs: backoffMs, backoffMaxMs: Math.min(300_000, backoffMs * 30) },
    stopped: ((values.stopped as string | undefined) ?? '').split(',').filter((n) => n.length > 0),
    kubeletVersion: gitVersion,
    runtimeVersion: `sim://${kubetsVersion}`,
    log,
  });
  const onStop = () => {
    const name = sim.nodeNames.find((n) => !sim.stoppedNodes.includes(n));
    if (name === undefined) return log('SIGUSR1: every node is already stopped');
    sim.stopHeartbeat(name);
    log(`SIGUSR1: stopped the heartbeats of ${name}`);
  };
  const onResume = () => {
    const stopped = sim.stoppedNodes;
    for (const name of stopped) sim.resumeHeartbeat(name);
    log(`SIGUSR2: resumed ${stopped.length === 0 ? 'no nodes (none stopped)' : stopped.join(', ')}`);
  };
  process.on('SIGUSR1', onStop);
  process.on('SIGUSR2', onResume);
  try {
    log(`kubets sim ${gitVersion}: ${nodes} hollow nodes against ${config.server}`);
    const started = sim.start().then(() => {
      const { rss, heapUsed } = process.memoryUsage();
      log(`all ${nodes} nodes registered; heartbeats every ${values['heartbeat-interval'] ?? '10s'} (RSS ${Math.round(rss / 2 ** 20)} MiB, heap ${Math.round(heapUsed / 2 ** 20)} MiB)`);
    });
    started.catch(() => {});
    await Promise.race([started, stopSignal]);
    await stopSignal;
    log('stopping (the nodes stay registered)');
    return 0;
  } finally {
    process.off('SIGUSR1', onStop);
    process.off('SIGUSR2', onResume);
    await sim.stop();
    clientset.close();
    clearInterval(keepAlive);
  }
}
