import { parseArgs, type ParseArgsConfig } from 'node:util';
import { durationFlagMs } from '../apimachinery/duration.ts';
import { gitVersion, kubernetesVersion, kubetsVersion } from '../version.ts';
import type { ServerOptions } from './up.ts';

// Command modules load on use, so `kubets version` does not load the server.
const runServer = async (options: ServerOptions) => (await import('./up.ts')).runServer(options);

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(values: Values, positionals: string[]): Promise<number>;
}

const serverOptions = {
  'data-dir': { type: 'string' },
  'datastore-endpoint': { type: 'string' },
  'bind-address': { type: 'string' },
  'secure-port': { type: 'string' },
  'token-auth-file': { type: 'string' },
  'tls-san': { type: 'string', multiple: true },
  'node-monitor-grace-period': { type: 'string' },
  'node-monitor-period': { type: 'string' },
  'default-not-ready-toleration-seconds': { type: 'string' },
  'default-unreachable-toleration-seconds': { type: 'string' },
  'disable-scheduler': { type: 'boolean' },
  'disable-controller-manager': { type: 'boolean' },
} as const;

const serverUsage =
  '[--data-dir DIR] [--datastore-endpoint etcd://HOST:PORT,...|sqlite:///PATH] [--bind-address 127.0.0.1] [--secure-port 6443] [--token-auth-file FILE] [--tls-san NAME...] [--node-monitor-grace-period 40s] [--node-monitor-period 5s] [--default-not-ready-toleration-seconds 300] [--default-unreachable-toleration-seconds 300] [--disable-scheduler] [--disable-controller-manager]';

type Values = Record<string, string | boolean | string[] | undefined>;

function serverOptionsFrom(values: Values): ServerOptions {
  const port = values['secure-port'] === undefined ? undefined : Number(values['secure-port']);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(`--secure-port must be a port number, got "${String(values['secure-port'])}"`);
  return {
    dataDir: values['data-dir'] as string | undefined,
    endpoint: values['datastore-endpoint'] as string | undefined,
    bindAddress: values['bind-address'] as string | undefined,
    securePort: port,
    tokenAuthFile: values['token-auth-file'] as string | undefined,
    tlsSan: values['tls-san'] as string[] | undefined,
    nodeMonitorGracePeriodMs: durationFlag(values, 'node-monitor-grace-period'),
    nodeMonitorPeriodMs: durationFlag(values, 'node-monitor-period'),
    defaultNotReadyTolerationSeconds: secondsFlag(values, 'default-not-ready-toleration-seconds'),
    defaultUnreachableTolerationSeconds: secondsFlag(values, 'default-unreachable-toleration-seconds'),
    disableScheduler: values['disable-scheduler'] === true,
    disableControllerManager: values['disable-controller-manager'] === true,
  };
}

/** A Go duration flag (40s, 1m30s) in milliseconds. */
function durationFlag(values: Values, flag: string): number | undefined {
  const text = values[flag];
  return typeof text === 'string' ? durationFlagMs(flag, text) : undefined;
}

function secondsFlag(values: Values, flag: string): number | undefined {
  const text = values[flag];
  if (typeof text !== 'string') return undefined;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`--${flag} must be a whole number of seconds, got "${text}"`);
  return seconds;
}

const commands: Record<string, Command> = {
  up: {
    summary: 'Start a one-node cluster (control plane and node agent) in this process',
    usage: `kubets up ${serverUsage}`,
    options: serverOptions,
    run: (values) => runServer(serverOptionsFrom(values)),
  },
  server: {
    summary: 'Start the control plane only',
    usage: `kubets server ${serverUsage}`,
    options: serverOptions,
    run: (values) => runServer(serverOptionsFrom(values)),
  },
  kubeconfig: {
    summary: "Print the admin kubeconfig, or merge it into ~/.kube/config with --merge",
    usage: 'kubets kubeconfig [--data-dir DIR] [--merge] [--server https://HOST:PORT]',
    options: { 'data-dir': { type: 'string' }, merge: { type: 'boolean' }, server: { type: 'string' } },
    run: async (values) => {
      const [{ runKubeconfig }, { defaultDataDir }] = await Promise.all([import('./kubeconfig.ts'), import('./up.ts')]);
      return runKubeconfig({
        dataDir: (values['data-dir'] as string | undefined) ?? defaultDataDir(),
        merge: values.merge === true,
        ...(typeof values.server === 'string' ? { server: values.server } : {}),
      });
    },
  },
  sim: {
    summary: 'Run hollow nodes (kwok-style): fake nodes and pods with real API traffic, for scale and failure tests',
    usage: 'kubets sim --nodes N [--kubeconfig FILE] [--cpu 8] [--memory 32Gi] [--max-pods 110] [--labels k=v,...] [--name-prefix hollow-node-] [--heartbeat-interval 10s] [--stopped NAME,...] [--crash-loop-backoff 10s]',
    options: Object.fromEntries(['nodes', 'kubeconfig', 'cpu', 'memory', 'max-pods', 'labels', 'name-prefix', 'heartbeat-interval', 'stopped', 'crash-loop-backoff'].map((name) => [name, { type: 'string' }])),
    run: async (values) => (await import('./sim.ts')).runSim(values),
  },
  scheduler: {
    summary: 'Run the scheduler alone against a cluster (leader-elected on the kube-scheduler Lease)',
    usage: 'kubets scheduler [--kubeconfig FILE]',
    options: { kubeconfig: { type: 'string' } },
    run: async (values) => (await import('./control-plane.ts')).runComponent('kube-scheduler', values.kubeconfig as string | undefined),
  },
  'controller-manager': {
    summary: 'Run the controllers alone against a cluster (leader-elected on the kube-controller-manager Lease)',
    usage: 'kubets controller-manager [--kubeconfig FILE]',
    options: { kubeconfig: { type: 'string' } },
    run: async (values) => (await import('./control-plane.ts')).runComponent('kube-controller-manager', values.kubeconfig as string | undefined),
  },
  version: {
    summary: 'Print the kubets version and the Kubernetes version it implements',
    usage: 'kubets version [-o json]',
    options: { output: { type: 'string', short: 'o' } },
    async run(values) {
      const info = { kubetsVersion, gitVersion, kubernetes: `${kubernetesVersion.major}.${kubernetesVersion.minor}`, nodeVersion: process.version };
      if (values.output === 'json') console.log(JSON.stringify(info, null, 2));
      else if (values.output === undefined) console.log(`kubets ${kubetsVersion} (Kubernetes ${gitVersion}, Node.js ${process.version})`);
      else return fail(`unknown output format "${String(values.output)}": use json`);
      return 0;
    },
  },
};

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'kubets: a Kubernetes-compatible container orchestrator',
    '',
    'Usage: kubets <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run "kubets <command> --help" for a command\'s options.',
  ].join('\n');
}

function fail(message: string): number {
  console.error(`kubets: ${message}`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') return commands.version!.run({}, []);
  const command = commands[name];
  if (!command) return fail(`unknown command "${name}"\n\n${helpText()}`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true });
  } catch (error) {
    return fail(`${(error as Error).message}\nUsage: ${command.usage}`);
  }
  if (parsed.values.help) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(parsed.values, parsed.positionals);
  } catch (error) {
    return fail((error as Error).message);
  }
}

process.exitCode = await main(process.argv.slice(2));
