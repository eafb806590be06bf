// End to end: the real kubectl 1.33 prints our Tables. A throwaway HTTP server answers
// legacy discovery for pods and deployments and serves Tables built by buildTable;
// kubectl runs against it with --server (over plain http it sends no credentials).
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTable, tableFor } from './index.ts';
import type { ApiObject } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
const s = 1000;
const m = 60 * s;
const h = 60 * m;

/** kubectl.1.33 beside the real path of the `kubectl` dispatcher on PATH, if installed. */
function findKubectl133(): string | undefined {
  try {
    const real = execFileSync('sh', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim();
    const path = join(dirname(real), 'kubectl.1.33');
    return real !== '' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const podsList: ApiObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-0', namespace: 'default', creationTimestamp: ago(5 * m), labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], nodeName: 'node-1' },
    status: {
      phase: 'Running',
      podIP: '10.244.0.5',
      podIPs: [{ ip: '10.244.0.5' }],
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, started: true, state: { running: { startedAt: ago(5 * m) } } }],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'db-0', namespace: 'default', creationTimestamp: ago(51 * h), labels: { app: 'db', tier: 'data' } },
    spec: { containers: [{ name: 'postgres', image: 'postgres:16' }], nodeName: 'node-2', readinessGates: [{ conditionType: 'example.com/ready' }] },
    status: {
      phase: 'Running',
      podIPs: [{ ip: '10.244.1.9' }],
      nominatedNodeName: 'node-3',
      containerStatuses: [
        {
          name: 'postgres',
          ready: false,
          restartCount: 4,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * m + 30 * s) } },
        },
      ],
    },
  },
];

const deploymentsList: ApiObject[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: ago(3 * h + 7 * m) },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'sidecar', image: 'busybox' }] } },
    },
    status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
  },
];

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse, host: string): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const wantsTable = (req.headers.accept ?? '').includes('as=Table');
  const list = (group: string, resource: string, kind: string, apiVersion: string, items: ApiObject[]) => {
    if (!wantsTable) return send(res, 200, { kind: `${kind}List`, apiVersion, metadata: { resourceVersion: '10' }, items });
    return send(res, 200, buildTable(tableFor(group, resource), items, { now: NOW, includeObject: 'Metadata', resourceVersion: '10' }));
  };
  switch (url.pathname) {
    case '/version':
      return send(res, 200, { major: '1', minor: '33', gitVersion: 'v1.33.0', platform: 'linux/amd64' });
    case '/api':
      return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }] });
    case '/apis':
      return send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
      });
    case '/api/v1':
      return send(res, 200, {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [{ name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'] }],
      });
    case '/apis/apps/v1':
      return send(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'apps/v1',
        resources: [{ name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['get', 'list'], shortNames: ['deploy'] }],
      });
    case '/api/v1/namespaces/default/pods':
      return list('', 'pods', 'Pod', 'v1', podsList);
    case '/apis/apps/v1/namespaces/default/deployments':
      return list('apps', 'deployments', 'Deployment', 'apps/v1', deploymentsList);
    default:
      return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' });
  }
}

const kubectl = findKubectl133();

describe('kubectl 1.33 prints our tables', { skip: kubectl === undefined ? 'kubectl.1.33 is not installed' : false }, () => {
  let server: ReturnType<typeof createServer>;
  let base = '';
  let home = '';

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'kubets-tables-'));
    writeFileSync(join(home, 'config'), 'apiVersion: v1\nkind: Config\n');
    server = createServer((req, res) => handle(req, res, base.replace('http://', '')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(home, { recursive: true, force: true });
  });

  /** Runs kubectl (asynchronously: the server answers from this same process). */
  const run = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile(
        kubectl!,
        ['--server', base, '--cache-dir', join(home, 'cache'), ...args],
        { env: { ...process.env, HOME: home, KUBECONFIG: join(home, 'config') }, timeout: 60_000 },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      );
    });

  it('get pods', async () => {
    assert.equal(
      await run('get', 'pods'),
      [
        'NAME    READY   STATUS             RESTARTS        AGE',
        'web-0   1/1     Running            0               5m',
        'db-0    0/1     CrashLoopBackOff   4 (5m30s ago)   2d3h',
        '',
      ].join('\n'),
    );
  });

  it('get pods -o wide', async () => {
    assert.equal(
      await run('get', 'pods', '-o', 'wide'),
      [
        'NAME    READY   STATUS             RESTARTS        AGE    IP           NODE     NOMINATED NODE   READINESS GATES',
        'web-0   1/1     Running            0               5m     10.244.0.5   node-1   <none>           <none>',
        'db-0    0/1     CrashLoopBackOff   4 (5m30s ago)   2d3h   10.244.1.9   node-2   node-3           0/1',
        '',
      ].join('\n'),
    );
  });

  it('get pods --show-labels reads the labels from each row object', async () => {
    assert.equal(
      await run('get', 'pods', '--show-labels'),
      [
        'NAME    READY   STATUS             RESTARTS        AGE    LABELS',
        'web-0   1/1     Running            0               5m     app=web',
        'db-0    0/1     CrashLoopBackOff   4 (5m30s ago)   2d3h   app=db,tier=data',
        '',
      ].join('\n'),
    );
  });

  it('get deployments and -o wide', async () => {
    assert.equal(
      await run('get', 'deployments'),
      ['NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/3     3            2           3h7m', ''].join('\n'),
    );
    assert.equal(
      await run('get', 'deploy', '-o', 'wide'),
      [
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE    CONTAINERS      IMAGES               SELECTOR',
        'web    2/3     3            2           3h7m   nginx,sidecar   nginx:1.27,busybox   app=web',
        '',
      ].join('\n'),
    );
  });
});
