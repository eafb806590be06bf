// API server benchmark, on each backend: start-up, idle memory, create throughput,
// latency at a fixed rate, large lists and watch fan-out, against a real
// `kubets server` process over HTTPS/HTTP2.
//   npm run bench -- api
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type ClientHttp2Session } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEtcd, type EtcdServer } from '../test/support/etcd-server.ts';
import { printTable, rate, report, round } from './lib.ts';
import { freePort, kubetsBin } from './processes.ts';

const podCount = 10_000;
const watcherCount = 1000;
const watchEvents = 100;

/** HTTP/2 requests with the admin client certificate, over a few shared sessions. */
class Client {
  private readonly sessions: ClientHttp2Session[];
  private next = 0;

  constructor(url: string, dataDir: string, sessions = 1) {
    const tls = {
      ca: readFileSync(join(dataDir, 'tls', 'ca.crt')),
      cert: readFileSync(join(dataDir, 'tls', 'admin.crt')),
      key: readFileSync(join(dataDir, 'tls', 'admin.key')),
    };
    this.sessions = Array.from({ length: sessions }, () => connect(url, tls));
  }

  request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; text: string }> {
    const session = this.sessions[this.next++ % this.sessions.length]!;
    return new Promise((resolve, reject) => {
      const stream = session.request({ ':method': method, ':path': path, 'content-type': contentType, accept: 'application/json' });
      let status = 0;
      const chunks: Buffer[] = [];
      stream.on('response', (headers) => (status = Number(headers[':status'])));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve({ status, text: Buffer.concat(chunks).toString() }));
      stream.on('error', reject);
      stream.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  /** Opens a watch and counts its events; resolves the returned promise after `expected`. */
  watch(path: string, expected: number): Promise<void> {
    const session = this.sessions[this.next++ % this.sessions.length]!;
    return new Promise((resolve, reject) => {
      const stream = session.request({ ':method': 'GET', ':path': path, accept: 'application/json' });
      let seen = 0;
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        let newline;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          buffered = buffered.slice(newline + 1);
          if (++seen === expected) {
            stream.close();
            resolve();
          }
        }
      });
      stream.on('error', reject);
    });
  }

  close(): void {
    for (const session of this.sessions) session.close();
  }
}

const deploymentYaml = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        ports: [{containerPort: 80}]
`;

const pod = (name: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** Sends `total` requests at `perSecond`, each on its own schedule; returns latencies in ms. */
async function atFixedRate(perSecond: number, total: number, send: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        await send(i);
        latencies.push(performance.now() - t0);
      })(),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function kubectl(kubeconfig: string, home: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('kubectl', ['--kubeconfig', kubeconfig, ...args], { env: { PATH: process.env.PATH ?? '', HOME: home } }, (error) => (error ? reject(error) : resolve()));
  });
}

async function measure(backend: 'sqlite' | 'etcd') {
  const dataDir = mkdtempSync(join(tmpdir(), `kubets-bench-api-${backend}-`));
  let etcd: EtcdServer | undefined;
  let server: ChildProcess | undefined;
  try {
    // The API server alone: with no nodes, a scheduler would churn through the bench's pods.
    const args = ['server', '--data-dir', dataDir, '--secure-port', String(await freePort()), '--disable-scheduler', '--disable-controller-manager'];
    if (backend === 'etcd') {
      etcd = await startEtcd({ dataDirParent: dataDir });
      args.push('--datastore-endpoint', etcd.endpoint.replace('http://', 'etcd://'));
    }
    // Certificates are made on the first start; measure a second start, as users see every day.
    await runOnce(args);
    const started = performance.now();
    server = spawn(process.execPath, [kubetsBin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /API server ready at (https:\/\/\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      server!.on('exit', (code) => reject(new Error(`kubets server exited with ${code}: ${out}`)));
    });
    const client = new Client(url, dataDir, 8);
    while ((await client.request('GET', '/readyz').catch(() => ({ status: 0 }))).status !== 200) await new Promise((r) => setTimeout(r, 5));
    const readyMs = performance.now() - started;
    const home = mkdtempSync(join(dataDir, 'home-'));
    await kubectl(join(dataDir, 'kubeconfig.yaml'), home, ['get', 'ns']);
    const firstKubectlMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idleRssMb = rssMb(server.pid!);

    await client.request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
    const cpuBefore = cpuSeconds(server.pid!);
    const createsPerSec = await rate(podCount, 64, async (i) => {
      const res = await client.request('POST', '/api/v1/namespaces/bench/pods', pod(`pod-${i}`, { app: i % 10 === 0 ? 'a' : 'b' }));
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    });
    const createCpuSeconds = cpuSeconds(server.pid!) - cpuBefore;

    const get = await atFixedRate(200, 1000, (i) => client.request('GET', `/api/v1/namespaces/bench/pods/pod-${i % podCount}`));
    const create = await atFixedRate(200, 1000, (i) => client.request('POST', '/api/v1/namespaces/bench/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` } }));

    const timeList = async (path: string, expected: number) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const res = await client.request('GET', path);
        times.push(performance.now() - t0);
        const items = (JSON.parse(res.text) as { items: unknown[] }).items.length;
        if (items !== expected) throw new Error(`listed ${items}, expected ${expected}`);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    const listAllMs = await timeList('/api/v1/namespaces/bench/pods', podCount);
    const listFilteredMs = await timeList('/api/v1/namespaces/bench/pods?labelSelector=app%3Da', podCount / 10);
    const listPagedMs = await (async () => {
      const t0 = performance.now();
      let token = '';
      do {
        const res = JSON.parse((await client.request('GET', `/api/v1/namespaces/bench/pods?limit=500${token ? `&continue=${token}` : ''}`)).text) as { metadata: { continue?: string } };
        token = res.metadata.continue ?? '';
      } while (token);
      return performance.now() - t0;
    })();

    const watchers = new Client(url, dataDir, 10);
    const rv = (JSON.parse((await client.request('GET', '/api/v1/namespaces/bench/secrets')).text) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    const watching = Array.from({ length: watcherCount }, () => watchers.watch(`/api/v1/namespaces/bench/secrets?watch=true&resourceVersion=${rv}`, watchEvents));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const watchStarted = performance.now();
    await rate(watchEvents, 16, (i) => client.request('POST', '/api/v1/namespaces/bench/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: `s-${i}` } }));
    await Promise.all(watching);
    const watchEventsPerSec = (watcherCount * watchEvents) / ((performance.now() - watchStarted) / 1000);
    // Write paths: client-side apply of 100 Deployments in one kubectl, and strategic
    // merge patches on one object from 64 clients (the server retries conflicts).
    const manifest = join(dataDir, 'apply.yaml');
    writeFileSync(manifest, Array.from({ length: 100 }, (_, i) => deploymentYaml(`app-${i}`)).join('---\n'));
    let t0 = performance.now();
    await kubectl(join(dataDir, 'kubeconfig.yaml'), home, ['apply', '-n', 'bench', '-f', manifest]);
    const apply100Ms = performance.now() - t0;
    t0 = performance.now();
    let conflicts = 0;
    const smpPerSec = await rate(2000, 64, async (i) => {
      for (;;) {
        const res = await client.request('PATCH', '/apis/apps/v1/namespaces/bench/deployments/app-0', { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'N', value: String(i) }] }] } } } }, 'application/strategic-merge-patch+json');
        if (res.status === 200) return;
        if (res.status !== 409) throw new Error(`patch failed: ${res.status} ${res.text}`);
        conflicts++;
      }
    });
    const ssaPerSec = await rate(2000, 64, async (i) => {
      const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `ssa-${i % 200}` }, data: { round: String(i) } };
      const res = await client.request('PATCH', `/api/v1/namespaces/bench/configmaps/ssa-${i % 200}?fieldManager=bench&force=true`, body, 'application/apply-patch+yaml');
      if (res.status !== 200 && res.status !== 201) throw new Error(`apply failed: ${res.status} ${res.text}`);
    });
    const peakRssMb = rssMb(server.pid!);
    watchers.close();
    client.close();

    return {
      readyMs,
      firstKubectlMs,
      idleRssMb,
      createsPerSec,
      createCpuSeconds,
      getP50Ms: get.p50,
      getP99Ms: get.p99,
      createP50Ms: create.p50,
      createP99Ms: create.p99,
      list10kMs: listAllMs,
      list10kFilteredMs: listFilteredMs,
      list10kPagedMs: listPagedMs,
      watchEventsPerSec,
      apply100Ms,
      smpPerSec,
      smpConflicts: conflicts,
      ssaPerSec,
      rssAfterMb: peakRssMb,
    };
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((resolve) => server!.once('exit', resolve));
    await etcd?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Starts the server once to create its certificates, then stops it. */
async function runOnce(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [kubetsBin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('API server ready') && !child.killed) child.kill('SIGTERM');
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`first start failed (${code}): ${out}`))));
  });
}

// BENCH_API_BACKENDS=sqlite measures one backend only (for quick before/after runs).
const backends = (process.env.BENCH_API_BACKENDS ?? 'sqlite,etcd').split(',') as Array<'sqlite' | 'etcd'>;
const results: Partial<Record<'sqlite' | 'etcd', Awaited<ReturnType<typeof measure>>>> = {};
for (const backend of backends) results[backend] = await measure(backend);
type Figure = keyof Awaited<ReturnType<typeof measure>>;
const row = (name: string, key: Figure, digits = 1) => [name, ...backends.map((b) => round(results[b]![key], digits))];
console.log('');
printTable(
  ['figure', ...backends],
  [
    row('start to /readyz (ms)', 'readyMs', 0),
    row('start to first kubectl get ns (ms)', 'firstKubectlMs', 0),
    row('idle RSS (MB)', 'idleRssMb'),
    row(`creates/s, 64 clients, HTTP/2 (${podCount} pods)`, 'createsPerSec', 0),
    row('server CPU s for those creates', 'createCpuSeconds'),
    row('GET p50 at 200/s (ms)', 'getP50Ms', 2),
    row('GET p99 at 200/s (ms)', 'getP99Ms', 2),
    row('create p50 at 200/s (ms)', 'createP50Ms', 2),
    row('create p99 at 200/s (ms)', 'createP99Ms', 2),
    row('LIST 10,000 pods (ms)', 'list10kMs'),
    row('LIST 10,000 pods, label-filtered (ms)', 'list10kFilteredMs'),
    row('LIST 10,000 pods in pages of 500 (ms)', 'list10kPagedMs'),
    row(`watch events/s to ${watcherCount} watchers`, 'watchEventsPerSec', 0),
    row('kubectl apply of 100 Deployments (ms)', 'apply100Ms', 0),
    row('strategic merge patches/s on one object, 64 clients', 'smpPerSec', 0),
    row('server-side applies/s, 64 clients', 'ssaPerSec', 0),
    row('RSS after the run (MB)', 'rssAfterMb'),
  ],
);
console.log('');
report('api', { ...results, goals: { sqliteReadyMs: 500, sqliteIdleRssMb: 100, sqliteCreatesPerSec: 2000, p99Ms: 25, list10kMs: 100 } });
