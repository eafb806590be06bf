import { parseArgs, type ParseArgsConfig } from 'node:util';
import { gitVersion, kubernetesVersion, kubetsVersion } from '../version.ts';
import { runUp } from './up.ts';

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const dataOptions = {
  'data-dir': { type: 'string' },
  'datastore-endpoint': { type: 'string' },
} as const;

const commands: Record<string, Command> = {
  up: {
    summary: 'Start a one-node cluster (control plane and node agent) in this process',
    usage: 'kubets up [--data-dir DIR] [--datastore-endpoint etcd://HOST:PORT,...|sqlite:///PATH]',
    options: dataOptions,
    run: (values) => runUp({ dataDir: values['data-dir'] as string | undefined, endpoint: values['datastore-endpoint'] as string | undefined }),
  },
  server: {
    summary: 'Start the control plane only',
    usage: 'kubets server [--data-dir DIR] [--datastore-endpoint etcd://HOST:PORT,...|sqlite:///PATH]',
    options: dataOptions,
    run: (values) => runUp({ dataDir: values['data-dir'] as string | undefined, endpoint: values['datastore-endpoint'] as string | undefined }),
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
  return command.run(parsed.values, parsed.positionals);
}

process.exitCode = await main(process.argv.slice(2));
