import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { adminKubeconfigPath, writeAdminKubeconfig } from '../apiserver/certs/kubeconfig.ts';
import { certificatesDir, ensureCertificates } from '../apiserver/certs/pki.ts';
import { runKubeconfig, type CommandOutput } from './kubeconfig.ts';

const scratch = await mkdtemp(join(tmpdir(), 'kubets-cli-kubeconfig-'));
after(() => rm(scratch, { recursive: true, force: true }));

function capture(): CommandOutput & { stdout: string; stderr: string } {
  const output = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (output.stdout += text),
    err: (text: string) => void (output.stderr += text),
  };
  return output;
}

interface Kubeconfig {
  'current-context': string;
  clusters: { name: string; cluster: { server: string } }[];
  contexts: { name: string }[];
}

describe('kubets kubeconfig', () => {
  const dataDir = join(scratch, 'data');
  const savedKubeconfig = process.env.KUBECONFIG;

  before(async () => {
    const certs = await ensureCertificates({ dir: certificatesDir(dataDir) });
    await writeAdminKubeconfig(dataDir, certs);
  });
  after(() => {
    if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = savedKubeconfig;
  });

  it('explains what to do when the data dir has no kubeconfig yet', async () => {
    const output = capture();
    const empty = join(scratch, 'empty');
    assert.equal(await runKubeconfig({ dataDir: empty, merge: false }, output), 1);
    assert.equal(output.stdout, '');
    assert.equal(output.stderr, `kubets: ${empty} has no kubeconfig yet (${join(empty, 'kubeconfig.yaml')}): run kubets server or kubets up first\n`);
  });

  it('prints DATA/kubeconfig.yaml', async () => {
    const output = capture();
    assert.equal(await runKubeconfig({ dataDir, merge: false }, output), 0);
    assert.equal(output.stdout, await readFile(adminKubeconfigPath(dataDir), 'utf8'));
    assert.equal(output.stderr, '');
  });

  it('prints it for another server URL, warning when the serving certificate does not cover that host', async () => {
    const covered = capture();
    assert.equal(await runKubeconfig({ dataDir, merge: false, server: 'https://localhost:6443' }, covered), 0);
    assert.equal((parse(covered.stdout) as Kubeconfig).clusters[0]!.cluster.server, 'https://localhost:6443');
    assert.equal(covered.stderr, '');
    const uncovered = capture();
    assert.equal(await runKubeconfig({ dataDir, merge: false, server: 'https://[2001:db8::99]:6443' }, uncovered), 0);
    assert.equal((parse(uncovered.stdout) as Kubeconfig).clusters[0]!.cluster.server, 'https://[2001:db8::99]:6443');
    assert.match(uncovered.stderr, /^kubets: warning: the API server's certificate does not cover 2001:db8::99/);
    const invalid = capture();
    assert.equal(await runKubeconfig({ dataDir, merge: false, server: 'localhost:6443' }, invalid), 1);
    assert.match(invalid.stderr, /^kubets: invalid server URL "localhost:6443"/);
  });

  it('merges into $KUBECONFIG and says which file and context it changed', async () => {
    const target = join(scratch, 'home', '.kube', 'config');
    await mkdir(join(scratch, 'home', '.kube'), { recursive: true });
    await writeFile(target, 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts:\n- name: other\n  context: {cluster: x, user: y}\ncurrent-context: other\n');
    process.env.KUBECONFIG = target;
    const output = capture();
    assert.equal(await runKubeconfig({ dataDir, merge: true }, output), 0);
    assert.equal(output.stdout, `Added context "kubets" (cluster and user "kubets") in ${target}; current-context is now "kubets" (was "other")\n`);
    const config = parse(await readFile(target, 'utf8')) as Kubeconfig;
    assert.deepEqual(config.contexts.map((context) => context.name), ['other', 'kubets']);
    assert.equal(config['current-context'], 'kubets');

    const again = capture();
    assert.equal(await runKubeconfig({ dataDir, merge: true, server: 'https://127.0.0.1:7443' }, again), 0);
    assert.equal(again.stdout, `Updated context "kubets" (cluster and user "kubets") in ${target}; current-context is now "kubets"\n`);
    assert.equal((parse(await readFile(target, 'utf8')) as Kubeconfig).clusters[0]!.cluster.server, 'https://127.0.0.1:7443');
  });

  it('fails without touching a kubeconfig it cannot parse', async () => {
    const target = join(scratch, 'broken-config');
    await writeFile(target, 'contexts: [oops\n');
    process.env.KUBECONFIG = target;
    const output = capture();
    assert.equal(await runKubeconfig({ dataDir, merge: true }, output), 1);
    assert.match(output.stderr, /^kubets: .*broken-config is not valid YAML/);
    assert.equal(await readFile(target, 'utf8'), 'contexts: [oops\n');
  });
});
