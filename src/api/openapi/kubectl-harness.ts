/**
 * A throwaway HTTP server for end-to-end checks of the OpenAPI documents with the real
 * kubectl: legacy discovery built from `resources.ts`, `/openapi/v3` (index and
 * documents) and `/openapi/v2` (JSON, and protobuf when given), POSTs answered 201 with
 * the request body echoed (and kept, so a GET finds it and a PATCH of it answers it
 * unchanged). Every request is recorded.
 * Plain http: kubectl sends no credentials.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { realpathSync } from 'node:fs';
import { resources, servedGroups, groupVersion } from '../resources.ts';
import type { ServedDocument } from './build.ts';
import { openapiV2ProtobufContentType, openapiV2ProtobufMediaType } from './v2-protobuf.ts';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly accept: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly status: number;
}

export interface HarnessDocs {
  readonly v3: (path: string) => ServedDocument | undefined;
  readonly v2: () => ServedDocument;
  /** Serves the protobuf v2 when given; else kubectl's protobuf Accept gets 406. */
  readonly v2Protobuf?: () => ServedDocument;
}

export interface KubectlRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  readonly requests: readonly RecordedRequest[];
}

export interface Harness extends AsyncDisposable {
  readonly port: number;
  readonly dir: string;
  /** Runs `kubectl.<version>` against the server with a fresh cache; files maps names to contents written in `dir`. */
  kubectl(version: string, args: readonly string[], files?: Readonly<Record<string, string>>): Promise<KubectlRun>;
}

/** The folder holding the versioned kubectl binaries, or undefined if kubectl is absent. */
export function kubectlDir(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      return dirname(realpathSync(join(dir, 'kubectl')));
    } catch {
      // not here
    }
  }
  return undefined;
}

function resourceList(group: string, version: string): unknown {
  const list: unknown[] = [];
  for (const r of resources) {
    if (r.group !== group || !r.versions.includes(version)) continue;
    list.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories.length ? { categories: r.categories } : {}),
    });
    for (const s of r.subresources) {
      list.push({
        name: `${r.plural}/${s.name}`,
        singularName: '',
        namespaced: r.namespaced,
        ...(s.group !== undefined ? { group: s.group, version: s.version } : {}),
        kind: s.kind,
        verbs: s.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources: list };
}

function discovery(path: string): unknown {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  if (path === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: servedGroups()
        .filter((g) => g.group !== '')
        .map((g) => ({
          name: g.group,
          versions: g.versions.map((v) => ({ groupVersion: `${g.group}/${v}`, version: v })),
          preferredVersion: { groupVersion: `${g.group}/${g.versions[0]}`, version: g.versions[0] },
        })),
    };
  }
  if (path === '/api/v1') return resourceList('', 'v1');
  const m = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (m && servedGroups().some((g) => g.group === m[1] && g.versions.includes(m[2]!))) return resourceList(m[1]!, m[2]!);
  return undefined;
}

export async function startHarness(docs: HarnessDocs): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'kubets-openapi-'));
  let requests: RecordedRequest[] = [];
  /** Objects created through the server, by path, as JSON; GET returns them. */
  const objects = new Map<string, string>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (status: number, payload: Buffer | string, contentType = 'application/json', headers: Record<string, string> = {}) => {
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          accept: req.headers.accept,
          contentType: req.headers['content-type'],
          body: body.toString('utf8'),
          status,
        });
        res.writeHead(status, { 'Content-Type': contentType, ...headers });
        res.end(payload);
      };
      const path = url.pathname.replace(/\/+$/, '') || '/';
      if (req.method === 'GET' && path === '/version') {
        send(200, JSON.stringify({ major: '1', minor: '33', gitVersion: 'v1.33.0', platform: 'linux/amd64' }));
        return;
      }
      if (req.method === 'GET' && (path === '/openapi/v3' || path.startsWith('/openapi/v3/'))) {
        const doc = docs.v3(path.slice('/openapi/v3'.length));
        if (!doc) return send(404, JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404, reason: 'NotFound' }));
        return send(200, doc.body, 'application/json', { ETag: doc.etag });
      }
      if (req.method === 'GET' && path === '/openapi/v2') {
        const accept = req.headers.accept ?? '';
        if ((accept.includes(openapiV2ProtobufMediaType) || accept.includes(openapiV2ProtobufContentType)) && docs.v2Protobuf) {
          const doc = docs.v2Protobuf();
          return send(200, doc.body, openapiV2ProtobufContentType, { ETag: doc.etag });
        }
        if (!accept.includes('json')) return send(406, JSON.stringify({ kind: 'Status', code: 406, reason: 'NotAcceptable' }));
        const doc = docs.v2();
        return send(200, doc.body, 'application/json', { ETag: doc.etag });
      }
      if (req.method === 'GET') {
        const d = discovery(path);
        if (d) return send(200, JSON.stringify(d));
        const stored = objects.get(path);
        if (stored) return send(200, stored);
      }
      if (req.method === 'POST') {
        let object: { metadata?: { name?: string } } = {};
        try {
          object = JSON.parse(body.toString('utf8')) as typeof object;
        } catch {
          // protobuf or garbage: answer a minimal object
        }
        const text = JSON.stringify(object);
        if (object.metadata?.name) objects.set(`${path}/${object.metadata.name}`, text);
        return send(201, text);
      }
      if (req.method === 'PATCH') {
        // The patch is recorded, not applied: the stored object comes back as is.
        const stored = objects.get(path);
        if (stored) return send(200, stored);
      }
      send(404, JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 404, reason: 'NotFound', message: 'not found' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const binDir = kubectlDir();
  let runs = 0;

  return {
    port,
    dir,
    async kubectl(version, args, files = {}) {
      if (!binDir) throw new Error('kubectl not found on PATH');
      for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
      const kubeconfig = join(dir, 'kubeconfig');
      await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
      requests = [];
      const cacheDir = join(dir, `cache-${runs++}`);
      return await new Promise<KubectlRun>((resolve) => {
        execFile(
          join(binDir, `kubectl.${version}`),
          ['--server', `http://127.0.0.1:${port}`, '--cache-dir', cacheDir, ...args],
          { cwd: dir, env: { ...process.env, HOME: dir, KUBECONFIG: kubeconfig }, timeout: 60_000 },
          (error, stdout, stderr) => {
            const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
            resolve({ stdout: String(stdout), stderr: String(stderr), exitCode, requests: [...requests] });
          },
        );
      });
    },
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
