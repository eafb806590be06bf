// Namespaces end to end with real kubectl against a server running its control plane and
// hollow nodes: the seed's "create namespace, put a pod in it, delete the namespace", the
// conditions a Terminating namespace reports while content with finalizers remains, and
// the `default` ServiceAccount every namespace gets.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Namespace } from 'kubernetes-types/core/v1.d.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const files = mkdtempSync(join(tmpdir(), 'kubets-e2e-namespaces-'));
const file = (name: string, text: string) => {
  const path = join(files, name);
  writeFileSync(path, text);
  return path;
};

describe('namespaces', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);

  before(async () => {
    cluster = await startTestCluster({ nodes: 1 });
  });
  after(async () => {
    await cluster?.close();
  });

  it('gives every namespace a default ServiceAccount, and gives it back when deleted', async () => {
    assert.equal(await kubectl('create', 'namespace', 'accounts'), 'namespace/accounts created\n');
    await until(async () => (await kubectl('-n', 'accounts', 'get', 'sa', '-o', 'name')) === 'serviceaccount/default\n', 'the default ServiceAccount', 20_000);
    const out = await kubectl('-n', 'accounts', 'get', 'sa');
    assert.match(out, /^NAME\s+SECRETS\s+AGE\ndefault\s+0\s+\d+s\n$/);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      assert.equal(await kubectl('-n', ns, 'get', 'sa', 'default', '-o', 'name'), 'serviceaccount/default\n', ns);
    }
    const uid = await kubectl('-n', 'accounts', 'get', 'sa', 'default', '-o', 'jsonpath={.metadata.uid}');
    assert.equal(await kubectl('-n', 'accounts', 'delete', 'sa', 'default'), 'serviceaccount "default" deleted\n');
    await until(async () => {
      const again = await cluster.kubectl.run(['-n', 'accounts', 'get', 'sa', 'default', '-o', 'jsonpath={.metadata.uid}']);
      return again.code === 0 && again.stdout !== uid;
    }, 'a new default ServiceAccount', 20_000);
  });

  it('deletes a namespace with everything in it, as in the seed', async () => {
    const namespaceYaml = file('custom-namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: custom-namespace\n');
    const podYaml = file(
      'kubia-manual.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - image: luksa/kubia\n    name: kubia\n    ports:\n    - containerPort: 8080\n      protocol: TCP\n',
    );
    assert.equal(await kubectl('create', '-f', namespaceYaml), 'namespace/custom-namespace created\n');
    assert.equal(await kubectl('create', '-f', podYaml, '-n', 'custom-namespace'), 'pod/kubia-manual created\n');
    await kubectl('-n', 'custom-namespace', 'create', 'configmap', 'settings', '--from-literal=a=b');
    await kubectl('-n', 'custom-namespace', 'create', 'deployment', 'web', '--image=nginx');
    await kubectl('-n', 'custom-namespace', 'create', 'service', 'clusterip', 'web', '--tcp=80:80');
    await until(async () => (await kubectl('-n', 'custom-namespace', 'get', 'pod', 'kubia-manual', '-o', 'jsonpath={.status.phase}')) === 'Running', 'the pod running', 20_000);

    assert.equal(await kubectl('delete', 'ns', 'custom-namespace', '--timeout=40s'), 'namespace "custom-namespace" deleted\n');
    const gone = await cluster.kubectl.run(['get', 'ns', 'custom-namespace']);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /namespaces "custom-namespace" not found/);
    // Nothing of it is left behind.
    for (const plural of ['pods', 'configmaps', 'deployments.apps', 'services', 'serviceaccounts']) {
      const { items } = (await cluster.clients.resource(plural.split('.')[0]!, plural.split('.').slice(1).join('.')).list('custom-namespace')) as { items: unknown[] };
      assert.deepEqual(items, [], plural);
    }
  });

  it('stays Terminating with conditions while content with finalizers remains', async () => {
    await kubectl('create', 'namespace', 'held');
    const cm = file('held.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  namespace: held\n  finalizers:\n  - example.com/hold\n');
    await kubectl('create', '-f', cm);
    assert.equal(await kubectl('delete', 'namespace', 'held', '--wait=false'), 'namespace "held" deleted\n');
    const conditions = async () => {
      const ns = JSON.parse(await kubectl('get', 'namespace', 'held', '-o', 'json')) as Namespace;
      return new Map((ns.status?.conditions ?? []).map((c) => [c.type, c]));
    };
    await until(async () => (await conditions()).get('NamespaceFinalizersRemaining')?.status === 'True', 'the finalizers condition', 20_000);
    const byType = await conditions();
    assert.equal(byType.get('NamespaceFinalizersRemaining')!.message, 'Some finalizers are remaining: example.com/hold in 1 resource instances');
    assert.equal(byType.get('NamespaceContentRemaining')!.message, 'Some resources are remaining: configmaps. has 1 resource instances');
    assert.equal(byType.get('NamespaceContentRemaining')!.reason, 'SomeResourcesRemain');
    assert.equal(byType.get('NamespaceDeletionDiscoveryFailure')!.status, 'False');
    assert.equal(byType.get('NamespaceDeletionContentFailure')!.reason, 'ContentDeleted');
    assert.match(await kubectl('get', 'ns', 'held'), /^NAME\s+STATUS\s+AGE\nheld\s+Terminating\s/);
    // Nothing new goes into a namespace being deleted (upstream's NamespaceLifecycle admission).
    const refused = await cluster.kubectl.run(['-n', 'held', 'create', 'configmap', 'late', '--from-literal=a=b']);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr.trim(), 'error: failed to create configmap: configmaps "late" is forbidden: unable to create new content in namespace held because it is being terminated');

    // The finalizer's owner lets go: the configmap goes, then the namespace.
    await kubectl('-n', 'held', 'patch', 'configmap', 'held', '--type=merge', '-p', '{"metadata":{"finalizers":null}}');
    await until(async () => (await cluster.kubectl.run(['get', 'ns', 'held'])).code === 1, 'the namespace gone', 30_000);
  });
});
