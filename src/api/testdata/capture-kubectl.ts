/**
 * A throwaway capture server for tests and for refreshing the fixtures beside this file:
 * it answers kubectl's legacy discovery minimally (JSON only), records every request
 * body, and answers writes with a small JSON object so kubectl exits cleanly.
 *
 * Refresh the committed captures (run from the repository root):
 *   node_modules/.bin/node src/api/testdata/capture-kubectl.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

export interface CaptureResult {
  readonly requests: readonly CapturedRequest[];
  /** The write requests (POST, PUT, PATCH) only. */
  readonly writes: readonly CapturedRequest[];
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const resources = [
  { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', shortNames: ['cm'] },
  { name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', shortNames: ['ns'] },
  { name: 'secrets', singularName: 'secret', namespaced: true, kind: 'Secret' },
  { name: 'services', singularName: 'service', namespaced: true, kind: 'Service', shortNames: ['svc'] },
];
const appsResources = [
  { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', shortNames: ['deploy'] },
];
const verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function discovery(path: string, port: number): unknown {
  switch (path) {
    case '/api':
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${port}` }],
      };
    case '/apis':
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [
          {
            name: 'apps',
            versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
            preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
          },
        ],
      };
    case '/api/v1':
      return { kind: 'APIResourceList', groupVersion: 'v1', resources: resources.map((r) => ({ ...r, verbs })) };
    case '/apis/apps/v1':
      return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1', resources: appsResources.map((r) => ({ ...r, verbs })) };
    default:
      return undefined;
  }
}

/** Runs `binary args...` against a fresh capture server; `name` is echoed in write answers. */
export async function captureKubectl(binary: string, args: readonly string[], name: string): Promise<CaptureResult> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      requests.push({ method: req.method ?? '', url, contentType: req.headers['content-type'], body: Buffer.concat(chunks) });
      const path = url.split('?')[0] ?? url;
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const found = req.method === 'GET' ? discovery(path, (server.address() as AddressInfo).port) : undefined;
      if (found !== undefined) return send(200, found);
      if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
        const m = /^\/apis?\/(?:([^/]+)\/)?(v1)\/(?:namespaces\/([^/]+)\/)?([^/]+)$/.exec(path);
        const resource = m?.[4] ?? '';
        const kind = [...resources, ...appsResources].find((r) => r.name === resource)?.kind ?? 'Unknown';
        const apiVersion = m?.[1] !== undefined && m[1] !== 'v1' ? `${m[1]}/v1` : 'v1';
        const metadata: Record<string, string> = { name };
        if (m?.[3] !== undefined) metadata['namespace'] = m[3];
        return send(201, { kind, apiVersion, metadata });
      }
      send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const home = await mkdtemp(join(tmpdir(), 'kubets-capture-'));
  try {
    const kubeconfig = join(home, 'kubeconfig');
    await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
    const env = { PATH: process.env['PATH'] ?? '', HOME: home, KUBECONFIG: kubeconfig };
    const fullArgs = ['--server', `http://127.0.0.1:${port}`, '--cache-dir', join(home, 'cache'), ...args];
    const { stdout, stderr, exitCode } = await new Promise<{ stdout: string; stderr: string; exitCode: number }>((resolve) => {
      execFile(binary, fullArgs, { env, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ stdout, stderr, exitCode: code });
      });
    });
    const writes = requests.filter((r) => r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH');
    return { requests, writes, stdout, stderr, exitCode };
  } finally {
    server.close();
    await rm(home, { recursive: true, force: true });
  }
}

/** The folder holding the versioned kubectl binaries, or undefined when kubectl is not installed. */
export async function kubectlDir(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', 'readlink -f "$(command -v kubectl)"'], (error, stdout) => {
      const path = stdout.trim();
      resolve(error === null && path !== '' ? dirname(path) : undefined);
    });
  });
}

/**
 * The captures committed beside this file: `kubectl-1.33-<name>.pb` (the protobuf body
 * kubectl 1.32+ sends) and `kubectl-1.31-<name>.json` (the JSON body 1.31 and older send
 * for the same command: Go's encoding/json of the same struct).
 */
export const captures = [
  { name: 'create-configmap', args: ['create', 'configmap', 'cm1', '--from-literal=a=b'], object: 'cm1' },
  { name: 'create-namespace', args: ['create', 'namespace', 'ns1'], object: 'ns1' },
  { name: 'create-secret', args: ['create', 'secret', 'generic', 's1', '--from-literal=k=v'], object: 's1' },
  { name: 'create-service', args: ['create', 'service', 'clusterip', 'svc1', '--tcp=80:8080'], object: 'svc1' },
  { name: 'create-deployment', args: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80'], object: 'web' },
] as const;

export const fixtureVersions = [
  { version: '1.33', ext: 'pb', contentType: 'application/vnd.kubernetes.protobuf' },
  { version: '1.31', ext: 'json', contentType: 'application/json' },
] as const;

async function main(): Promise<void> {
  const dir = await kubectlDir();
  if (dir === undefined) throw new Error('kubectl is not installed');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const c of captures) {
    for (const v of fixtureVersions) {
      const file = `kubectl-${v.version}-${c.name}.${v.ext}`;
      const result = await captureKubectl(join(dir, `kubectl.${v.version}`), c.args, c.object);
      const write = result.writes[0];
      if (result.exitCode !== 0 || write === undefined) throw new Error(`${file}: kubectl failed: ${result.stderr}`);
      if (write.contentType !== v.contentType) throw new Error(`${file}: kubectl sent ${write.contentType}`);
      await writeFile(join(here, file), write.body);
      console.log(`${file}: ${write.method} ${write.url} ${write.contentType} (${write.body.length} bytes)`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
