import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, constants, lstat, mkdir, mkdtemp, readdir, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TLSSocket } from 'node:tls';
import { parse } from 'yaml';
import {
  adminKubeconfigPath,
  buildAdminKubeconfig,
  buildKubeconfig,
  defaultKubeconfigPath,
  mergeKubeconfig,
  setKubeconfigServer,
  writeAdminKubeconfig,
} from './kubeconfig.ts';
import { ensureCertificates, identityFromTLSSocket, type ClusterCertificates } from './pki.ts';

const scratch = await mkdtemp(join(tmpdir(), 'kubets-kubeconfig-'));
after(() => rm(scratch, { recursive: true, force: true }));
let files = 0;
const newPath = (name: string) => join(scratch, `${++files}`, name);

interface Kubeconfig {
  'current-context': string;
  clusters: { name: string; cluster: Record<string, string> }[];
  users: { name: string; user: Record<string, string> }[];
  contexts: { name: string; context: { cluster: string; user: string; namespace?: string } }[];
}
const decode = (data: string | undefined) => Buffer.from(data ?? '', 'base64').toString('utf8');

let certs: ClusterCertificates;
before(async () => {
  certs = await ensureCertificates({ dir: join(scratch, 'tls') });
});

describe('buildAdminKubeconfig', () => {
  it('has cluster kubets with the CA, user kubets-admin with the client certificate, and context kubets', () => {
    const config = parse(buildAdminKubeconfig(certs)) as Kubeconfig & { apiVersion: string; kind: string };
    assert.equal(config.apiVersion, 'v1');
    assert.equal(config.kind, 'Config');
    assert.equal(config['current-context'], 'kubets');
    assert.deepEqual(config.contexts, [{ name: 'kubets', context: { cluster: 'kubets', user: 'kubets-admin' } }]);
    assert.equal(config.clusters[0]!.name, 'kubets');
    assert.equal(config.clusters[0]!.cluster.server, 'https://127.0.0.1:6443');
    assert.equal(decode(config.clusters[0]!.cluster['certificate-authority-data']), certs.ca.certPem);
    assert.equal(config.users[0]!.name, 'kubets-admin');
    assert.equal(decode(config.users[0]!.user['client-certificate-data']), certs.admin.certPem);
    assert.equal(decode(config.users[0]!.user['client-key-data']), certs.admin.keyPem);
    assert.equal((parse(buildAdminKubeconfig(certs, 'https://10.0.0.5:7443')) as Kubeconfig).clusters[0]!.cluster.server, 'https://10.0.0.5:7443');
  });

  it('refuses server URLs that are not https', () => {
    assert.throws(() => buildAdminKubeconfig(certs, 'http://127.0.0.1:6443'), /served over https/);
    assert.throws(() => buildAdminKubeconfig(certs, '127.0.0.1:6443'), /invalid server URL/);
  });

  it('writes DATA/kubeconfig.yaml readable only by its owner', async () => {
    const dataDir = join(scratch, 'data');
    const path = await writeAdminKubeconfig(dataDir, certs, 'https://127.0.0.1:7000');
    assert.equal(path, adminKubeconfigPath(dataDir));
    assert.equal(path, join(dataDir, 'kubeconfig.yaml'));
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal(await readFile(path, 'utf8'), buildAdminKubeconfig(certs, 'https://127.0.0.1:7000'));
  });

  it('can point a kubeconfig at another server', () => {
    const moved = parse(setKubeconfigServer(buildAdminKubeconfig(certs), 'https://node-1.example:6443')) as Kubeconfig;
    assert.equal(moved.clusters[0]!.cluster.server, 'https://node-1.example:6443');
    assert.equal(decode(moved.clusters[0]!.cluster['certificate-authority-data']), certs.ca.certPem);
    assert.throws(() => setKubeconfigServer(buildAdminKubeconfig(certs), 'ftp://x'), /https/);
  });
});

describe('defaultKubeconfigPath', () => {
  it("honours $KUBECONFIG's first path, else ~/.kube/config", () => {
    assert.equal(defaultKubeconfigPath({ KUBECONFIG: ['/a/config', '/b/config'].join(delimiter) }), '/a/config');
    assert.equal(defaultKubeconfigPath({ KUBECONFIG: [' ', '/b/config'].join(delimiter) }), ' ');
    assert.equal(defaultKubeconfigPath({ KUBECONFIG: ['', '/b/config'].join(delimiter) }), '/b/config');
    assert.equal(defaultKubeconfigPath({ KUBECONFIG: '' }), join(homedir(), '.kube', 'config'));
    assert.equal(defaultKubeconfigPath({}), join(homedir(), '.kube', 'config'));
  });
});

const existing = `# my clusters
apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://prod.example:443
    certificate-authority-data: UFJPRA==
  name: prod
users:
- name: prod-user
  user:
    token: "secret-token"  # keep me quoted
contexts:
- context:
    cluster: prod
    user: prod-user
    namespace: shop
  name: prod
current-context: prod
preferences: {}
extensions:
- name: something-else
  extension:
    custom: true
`;

describe('mergeKubeconfig', () => {
  it('creates the file (and its folder) when absent', async () => {
    const target = newPath('config');
    const result = await mergeKubeconfig(buildAdminKubeconfig(certs), { target });
    assert.deepEqual(result, { path: target, context: 'kubets', created: true, replaced: [], previousContext: undefined });
    assert.equal((await stat(target)).mode & 0o777, 0o600);
    const config = parse(await readFile(target, 'utf8')) as Kubeconfig & { apiVersion: string; kind: string };
    assert.equal(config.apiVersion, 'v1');
    assert.equal(config.kind, 'Config');
    assert.equal(config['current-context'], 'kubets');
    assert.deepEqual(config.contexts, [{ name: 'kubets', context: { cluster: 'kubets', user: 'kubets' } }]);
    assert.equal(decode(config.users[0]!.user['client-key-data']), certs.admin.keyPem);
  });

  it('adds cluster, user and context kubets and keeps everything else, comments included', async () => {
    const target = newPath('config');
    await mkdir(dirname(target));
    await writeFile(target, existing, { mode: 0o640 });
    const result = await mergeKubeconfig(buildAdminKubeconfig(certs), { target });
    assert.deepEqual(result, { path: target, context: 'kubets', created: false, replaced: [], previousContext: 'prod' });
    const text = await readFile(target, 'utf8');
    assert.equal((await stat(target)).mode & 0o777, 0o640, 'keeps the mode');
    assert.ok(text.startsWith('# my clusters\n'));
    assert.match(text, /token: "secret-token" # keep me quoted/);
    const config = parse(text) as Kubeconfig & { extensions: unknown };
    const before = parse(existing) as Kubeconfig & { extensions: unknown };
    assert.deepEqual(config.clusters[0], before.clusters[0]);
    assert.deepEqual(config.users[0], before.users[0]);
    assert.deepEqual(config.contexts[0], before.contexts[0]);
    assert.deepEqual(config.extensions, before.extensions);
    assert.deepEqual(config.contexts.map((c) => c.name), ['prod', 'kubets']);
    assert.equal(config['current-context'], 'kubets');

    // Again (e.g. after the admin certificate was renewed): replaced in place, no duplicates.
    const server = 'https://127.0.0.1:7443';
    const second = await mergeKubeconfig(buildAdminKubeconfig(certs, server), { target });
    assert.deepEqual(second.replaced, ['cluster', 'user', 'context']);
    assert.equal(second.previousContext, 'kubets');
    const merged = parse(await readFile(target, 'utf8')) as Kubeconfig;
    assert.deepEqual(merged.clusters.map((c) => c.name), ['prod', 'kubets']);
    assert.deepEqual(merged.users.map((u) => u.name), ['prod-user', 'kubets']);
    assert.deepEqual(merged.contexts.map((c) => c.name), ['prod', 'kubets']);
    assert.equal(merged.clusters[1]!.cluster.server, server);
  });

  it('fills in lists that are missing or null', async () => {
    const target = newPath('config');
    await mkdir(dirname(target));
    await writeFile(target, 'apiVersion: v1\nkind: Config\nclusters: null\ncurrent-context: ""\n');
    const result = await mergeKubeconfig(buildAdminKubeconfig(certs), { target, name: 'lab' });
    assert.equal(result.previousContext, undefined);
    const config = parse(await readFile(target, 'utf8')) as Kubeconfig;
    assert.deepEqual([config.clusters.map((c) => c.name), config.users.map((u) => u.name), config.contexts], [['lab'], ['lab'], [{ name: 'lab', context: { cluster: 'lab', user: 'lab' } }]]);
  });

  it('writes through a symlink to the real file', async () => {
    const real = newPath('real-config');
    await mkdir(dirname(real));
    await writeFile(real, existing);
    const link = join(dirname(real), 'config');
    await symlink(real, link);
    const result = await mergeKubeconfig(buildAdminKubeconfig(certs), { target: link });
    assert.equal(result.path, await realpath(real));
    assert.ok((await lstat(link)).isSymbolicLink());
    assert.equal((parse(await readFile(link, 'utf8')) as Kubeconfig)['current-context'], 'kubets');
  });

  it('leaves a file it cannot understand untouched', async () => {
    for (const broken of ['clusters: [unclosed\n', '- just\n- a list\n', 'clusters: {}\n']) {
      const target = newPath('config');
      await mkdir(dirname(target));
      await writeFile(target, broken);
      await assert.rejects(mergeKubeconfig(buildAdminKubeconfig(certs), { target }), /not valid YAML|not a kubeconfig|is not a list/);
      assert.equal(await readFile(target, 'utf8'), broken);
      assert.deepEqual(await readdir(dirname(target)), ['config'], 'no temporary file left behind');
    }
  });

  it('uses $KUBECONFIG when no target is given', async () => {
    const target = newPath('config');
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = [target, newPath('other')].join(delimiter);
    try {
      assert.equal((await mergeKubeconfig(buildAdminKubeconfig(certs))).path, target);
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });
});

// ---- end to end with the real kubectl ----

/** kubectl on PATH (the version dispatcher here) and the versioned binaries beside its real path. */
async function findKubectls(): Promise<{ name: string; path: string }[]> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'kubectl');
    try {
      await access(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const home = dirname(await realpath(candidate));
    const versioned = (await readdir(home)).filter((name) => /^kubectl\.1\.\d+$/.test(name)).sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]));
    return [...versioned.map((name) => ({ name, path: join(home, name) })), { name: 'kubectl', path: candidate }];
  }
  return [];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    // Without credentials kubectl would wait for a user name on stdin.
    child.stdin?.end();
  });
}

describe('kubectl against a server using these certificates', async () => {
  const kubectls = await findKubectls();
  let server: Server;
  let url: string;
  const requests: string[] = [];
  const version = { major: '1', minor: '33', gitVersion: 'v1.33.0', platform: 'linux/amd64' };
  const home = join(scratch, 'home');
  // Own HOME: kubectl and its dispatcher keep caches under ~/.kube.
  const env = { PATH: process.env.PATH, HOME: home };

  before(async () => {
    await mkdir(home, { recursive: true });
    server = createServer({ key: certs.serving.keyPem, cert: certs.serving.certPem, ca: certs.ca.certPem, requestCert: true, rejectUnauthorized: false }, (request, response) => {
      const identity = identityFromTLSSocket(request.socket as TLSSocket);
      requests.push(`${request.method} ${request.url} ${identity ? `${identity.name}/${identity.groups.join('+')}` : 'anonymous'}`);
      const reply = (code: number, body: unknown) => {
        response.writeHead(code, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (!identity || identity.name !== 'kubets-admin' || identity.groups.join() !== 'system:masters') {
        reply(401, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
      } else if (request.method === 'GET' && request.url?.split('?')[0] === '/version') {
        reply(200, version);
      } else {
        reply(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  for (const kubectl of kubectls) {
    it(`${kubectl.name} version reaches the server with the admin kubeconfig`, async () => {
      const file = join(scratch, `${kubectl.name}.kubeconfig`);
      await writeFile(file, buildAdminKubeconfig(certs, url), { mode: 0o600 });
      const result = await run(kubectl.path, ['--kubeconfig', file, 'version', '-o', 'json'], env);
      assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
      const printed = JSON.parse(result.stdout) as { serverVersion?: Record<string, string> };
      assert.equal(printed.serverVersion?.gitVersion, 'v1.33.0');
      assert.equal(printed.serverVersion?.minor, '33');
    });
  }

  it('kubectl is refused without a client certificate, or with one from another CA', { skip: kubectls.length === 0 && 'no kubectl on PATH' }, async () => {
    const kubectl = kubectls[0]!;
    const other = await ensureCertificates({ dir: join(scratch, 'other-tls') });
    const anonymous = join(scratch, 'anonymous.kubeconfig');
    const config = parse(buildAdminKubeconfig(certs, url)) as Kubeconfig;
    // A token instead of the certificate (with no credentials at all kubectl would prompt for a user name).
    config.users[0]!.user = { token: 'not-a-certificate' };
    await writeFile(anonymous, JSON.stringify(config));
    const foreign = join(scratch, 'foreign.kubeconfig');
    await writeFile(foreign, buildKubeconfig({ server: url, caCertPem: certs.ca.certPem, clientCertPem: other.admin.certPem, clientKeyPem: other.admin.keyPem }));
    for (const file of [anonymous, foreign]) {
      requests.length = 0;
      const result = await run(kubectl.path, ['--kubeconfig', file, 'version', '-o', 'json'], env);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /Unauthorized|provide credentials/);
      assert.ok(requests.length > 0 && requests.every((line) => line.endsWith(' anonymous')), requests.join('\n'));
    }
  });

  it('kubectl reads a merged kubeconfig: the old contexts and kubets, which is current', { skip: kubectls.length === 0 && 'no kubectl on PATH' }, async () => {
    const kubectl = kubectls[0]!;
    const target = join(scratch, 'merged.kubeconfig');
    await writeFile(target, existing);
    await mergeKubeconfig(buildAdminKubeconfig(certs, url), { target });
    const contexts = await run(kubectl.path, ['--kubeconfig', target, 'config', 'get-contexts', '-o', 'name'], env);
    assert.equal(contexts.code, 0, contexts.stderr);
    assert.deepEqual(contexts.stdout.trim().split('\n').sort(), ['kubets', 'prod']);
    const current = await run(kubectl.path, ['--kubeconfig', target, 'config', 'current-context'], env);
    assert.equal(current.stdout.trim(), 'kubets');
    const version = await run(kubectl.path, ['--kubeconfig', target, 'version', '-o', 'json'], env);
    assert.equal(version.code, 0, version.stderr);
    assert.equal((JSON.parse(version.stdout) as { serverVersion: { gitVersion: string } }).serverVersion.gitVersion, 'v1.33.0');
  });
});
