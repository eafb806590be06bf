// Starts a throwaway single-member etcd on 127.0.0.1 for tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limits } from '../../src/storage/store.ts';

export const etcdBinary = '/usr/bin/etcd';

export interface EtcdServerOptions {
  /** Parent of the temporary data dir (default: the OS temp dir). A tmpfs such as /dev/shm makes fsync free. */
  readonly dataDirParent?: string;
  /** etcd's request limit; default a little above our own value limit, so ours triggers first. */
  readonly maxRequestBytes?: number;
  /** Further command-line flags, e.g. `--auto-compaction-retention=1`. */
  readonly extraArgs?: readonly string[];
  /** How long to wait for etcd to answer (default 20 s). */
  readonly startTimeoutMs?: number;
}

export interface EtcdServer {
  /** `http://127.0.0.1:<port>`, for `openEtcdStore({ endpoints: [endpoint] })`. */
  readonly endpoint: string;
  /** Kills etcd and removes its data dir; safe to call twice. */
  stop(): Promise<void>;
}

export async function startEtcd(options: EtcdServerOptions = {}): Promise<EtcdServer> {
  if (!existsSync(etcdBinary)) {
    throw new Error(`${etcdBinary} not found: install Debian's etcd-server package (apt-get install etcd-server) to run the etcd tests`);
  }
  // Free ports are picked before etcd binds them, so another process can win the race: retry with new ones.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof EtcdExitedError)) throw error;
    }
  }
}

class EtcdExitedError extends Error {}

// etcd runs on a leash: this shell kills it once our end of the shell's stdin closes, which
// happens however the test process ends (even on SIGKILL), then removes the data dir; and
// it exits when etcd does, with etcd's status.
// (A background job's stdin is /dev/null, hence the copy on fd 3; the shell's own stderr goes
// to /dev/null lest a message to our closed pipe kill it before the cleanup.)
const leash = `dir=$1; shift
exec 3<&0
"$@" 3<&- & pid=$!
exec 2>/dev/null
(read _ <&3; kill $pid) &
wait $pid; status=$?
rm -rf "$dir"
exit $status`;

async function startOnce(options: EtcdServerOptions): Promise<EtcdServer> {
  const dataDir = await mkdtemp(join(options.dataDirParent ?? tmpdir(), 'kubets-etcd-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const args = [
    '--name=test',
    `--data-dir=${dataDir}`,
    `--listen-client-urls=${endpoint}`,
    `--advertise-client-urls=${endpoint}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=test=${peer}`,
    '--initial-cluster-state=new',
    `--max-request-bytes=${options.maxRequestBytes ?? limits.maxValueBytes + 64 * 1024}`,
    '--logger=zap',
    '--log-level=error',
    ...(options.extraArgs ?? []),
  ];
  // In its own process group, so stop() can kill the leash and etcd together.
  const child = spawn('/bin/sh', ['-c', leash, 'etcd-leash', dataDir, etcdBinary, ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // A forgotten stop() must not keep the process alive; the leash cleans up when it exits.
  child.unref();
  (child.stdin as Socket).unref();
  (child.stderr as Socket).unref();

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await kill(child, exited);
      await rm(dataDir, { recursive: true, force: true });
    })());

  try {
    await waitUntilHealthy(endpoint, child, exited, options.startTimeoutMs ?? 20_000, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

async function waitUntilHealthy(endpoint: string, child: ChildProcess, exited: Promise<void>, timeoutMs: number, stderr: () => string) {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new EtcdExitedError(`etcd exited with code ${child.exitCode} before it answered:\n${stderr()}`);
    try {
      const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
      const body = (await response.json()) as { health?: string };
      if (body.health === 'true') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`etcd at ${endpoint} did not become healthy within ${timeoutMs} ms:\n${stderr()}`);
}

/** Closes the leash (etcd gets SIGTERM) and waits; kills the whole group if etcd takes over 5 s. */
async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  child.stdin!.end();
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
