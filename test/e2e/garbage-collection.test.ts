// The garbage collector end to end: ReplicationControllers and ReplicaSets with pods this
// test makes itself (plain owner references, not controller ones, and selectors matching
// none of them, so no workload controller acts on them), deleted with each kubectl cascade.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReplicaSet } from 'kubernetes-types/apps/v1.d.ts';
import type { Pod, ReplicationController } from 'kubernetes-types/core/v1.d.ts';
import type { OwnerReference } from 'kubernetes-types/meta/v1.d.ts';
import { isNotFound } from '../../src/client/errors.ts';
import type { KubeObject, ResourceClient } from '../../src/client/resource-client.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const ns = 'default';
const container = [{ name: 'app', image: 'luksa/kubia' }];

describe('garbage collection', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  let rcs: ResourceClient<ReplicationController>;
  let rss: ResourceClient<ReplicaSet>;
  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);

  before(async () => {
    cluster = await startTestCluster({ nodes: 1 });
    rcs = cluster.clients.resource<ReplicationController>('replicationcontrollers');
    rss = cluster.clients.resource<ReplicaSet>('replicasets', 'apps');
  });
  after(async () => {
    await cluster?.close();
  });

  const exists = async <T extends KubeObject>(client: ResourceClient<T>, name: string) => {
    try {
      await client.get(ns, name);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };

  const ownerRef = (owner: KubeObject, kind: string, apiVersion: string, extra: Partial<OwnerReference> = {}): OwnerReference => ({
    apiVersion,
    kind,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid!,
    ...extra,
  });

  async function makeRc(name: string): Promise<ReplicationController> {
    return rcs.create({
      metadata: { name, namespace: ns },
      spec: { replicas: 0, selector: { app: `${name}-none` }, template: { metadata: { labels: { app: `${name}-none` } }, spec: { containers: container } } },
    });
  }

  async function makeRs(name: string): Promise<ReplicaSet> {
    return rss.create({
      metadata: { name, namespace: ns },
      spec: { replicas: 0, selector: { matchLabels: { app: `${name}-none` } }, template: { metadata: { labels: { app: `${name}-none` } }, spec: { containers: container } } },
    });
  }

  async function makePods(prefix: string, count: number, owners: OwnerReference[], extra: Partial<Pod['metadata']> = {}): Promise<Pod[]> {
    const pods: Pod[] = [];
    for (let i = 0; i < count; i++) {
      pods.push(await cluster.clients.pods.create({ metadata: { name: `${prefix}-${i}`, namespace: ns, labels: { app: prefix }, ownerReferences: owners, ...extra }, spec: { containers: container } }));
    }
    return pods;
  }

  /**
   * Waits until the collector's pod informer has seen every pod made so far: a pod made now
   * with an absent owner is collected only after the events before it were. (Owners deleted
   * with Orphan or Foreground act on the dependents the collector has seen, as upstream.)
   */
  let sentinels = 0;
  async function collectorCaughtUp(): Promise<void> {
    const name = `sentinel-${sentinels++}`;
    await cluster.clients.pods.create({
      metadata: { name, namespace: ns, ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'absent', uid: '00000000-0000-0000-0000-000000000000' }] },
      spec: { containers: container },
    });
    await until(async () => !(await exists(cluster.clients.pods, name)), 'the collector caught up', 20_000);
  }

  const podNames = async (prefix: string) => (await cluster.clients.pods.list(ns, { labelSelector: `app=${prefix}` })).items.map((p) => p.metadata!.name!).sort();

  it('deletes the pods of a deleted rc (background, the default cascade)', async () => {
    const rc = await makeRc('bg');
    await makePods('bg', 3, [ownerRef(rc, 'ReplicationController', 'v1', { blockOwnerDeletion: true })]);
    assert.equal(await kubectl('delete', 'rc', 'bg'), 'replicationcontroller "bg" deleted\n');
    await until(async () => (await podNames('bg')).length === 0, 'the pods collected', 20_000);
  });

  it('keeps the pods with --cascade=orphan and the seed\'s --cascade=false, without their owner reference', async () => {
    for (const cascade of ['orphan', 'false']) {
      const name = `orphan-${cascade}`;
      const rc = await makeRc(name);
      await makePods(name, 2, [ownerRef(rc, 'ReplicationController', 'v1', { blockOwnerDeletion: true })]);
      await collectorCaughtUp();
      const result = await cluster.kubectl.run(['delete', 'rc', name, `--cascade=${cascade}`]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `replicationcontroller "${name}" deleted\n`);
      assert.equal(await exists(rcs, name), false);
      const pods = (await cluster.clients.pods.list(ns, { labelSelector: `app=${name}` })).items;
      assert.equal(pods.length, 2, cascade);
      for (const pod of pods) {
        assert.equal(pod.metadata!.deletionTimestamp, undefined);
        assert.deepEqual(pod.metadata!.ownerReferences ?? [], [], `${pod.metadata!.name} lost its owner reference`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(await podNames(name), [`${name}-0`, `${name}-1`], 'still there a moment later');
    }
  });

  it('waits for blocking dependents with --cascade=foreground', async () => {
    const rs = await makeRs('fg');
    const ref = ownerRef(rs, 'ReplicaSet', 'apps/v1', { blockOwnerDeletion: true, controller: false });
    await makePods('fg', 1, [ref], { finalizers: ['example.com/hold'] });
    await makePods('fg-free', 1, [ref]);
    await collectorCaughtUp();
    assert.equal(await kubectl('delete', 'rs', 'fg', '--cascade=foreground', '--wait=false'), 'replicaset.apps "fg" deleted\n');
    // The free pod goes; the held one is terminating and keeps the ReplicaSet waiting.
    await until(async () => (await podNames('fg-free')).length === 0, 'the unheld pod collected', 20_000);
    await until(async () => Boolean((await cluster.clients.pods.get(ns, 'fg-0')).metadata!.deletionTimestamp), 'the held pod deleting', 20_000);
    const waiting = await rss.get(ns, 'fg');
    assert.ok(waiting.metadata!.deletionTimestamp);
    assert.deepEqual(waiting.metadata!.finalizers, ['foregroundDeletion']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await exists(rss, 'fg'), true, 'still waiting');
    // Let the held pod go: the ReplicaSet follows.
    await kubectl('patch', 'pod', 'fg-0', '--type=merge', '-p', '{"metadata":{"finalizers":null}}');
    await until(async () => !(await exists(rss, 'fg')), 'the ReplicaSet gone', 20_000);
    assert.deepEqual(await podNames('fg'), []);
  });

  it('kubectl delete --cascade=foreground waits until the dependents are gone', async () => {
    const rc = await makeRc('fgw');
    await makePods('fgw', 2, [ownerRef(rc, 'ReplicationController', 'v1', { blockOwnerDeletion: true })]);
    await collectorCaughtUp();
    assert.equal(await kubectl('delete', 'rc', 'fgw', '--cascade=foreground', '--timeout=30s'), 'replicationcontroller "fgw" deleted\n');
    assert.deepEqual(await podNames('fgw'), []);
  });

  it('cascades through levels: a deployment, its replicaset, their pods (background and foreground)', async () => {
    const deployments = cluster.clients.resource<KubeObject>('deployments', 'apps');
    for (const cascade of ['background', 'foreground']) {
      const name = `levels-${cascade}`;
      const deployment = await deployments.create({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ns },
        spec: { replicas: 0, selector: { matchLabels: { app: `${name}-none` } }, template: { metadata: { labels: { app: `${name}-none` } }, spec: { containers: container } } },
      } as KubeObject);
      const rs = await rss.create({
        metadata: { name: `${name}-rs`, namespace: ns, ownerReferences: [ownerRef(deployment, 'Deployment', 'apps/v1', { blockOwnerDeletion: true })] },
        spec: { replicas: 0, selector: { matchLabels: { app: `${name}-rs-none` } }, template: { metadata: { labels: { app: `${name}-rs-none` } }, spec: { containers: container } } },
      });
      await makePods(name, 2, [ownerRef(rs, 'ReplicaSet', 'apps/v1', { blockOwnerDeletion: true })]);
      await collectorCaughtUp();
      assert.equal(await kubectl('delete', 'deployment', name, `--cascade=${cascade}`, '--timeout=30s'), `deployment.apps "${name}" deleted\n`);
      if (cascade === 'foreground') {
        // kubectl waited for the deployment, which waited for its replicaset, which waited for its pods.
        assert.equal(await exists(rss, `${name}-rs`), false);
        assert.deepEqual(await podNames(name), []);
      }
      await until(async () => !(await exists(rss, `${name}-rs`)) && (await podNames(name)).length === 0, 'every level collected', 20_000);
    }
  });

  it('deletes dependents whose owner does not exist or has another uid', async () => {
    const rs = await makeRs('real');
    await makePods('ghost', 1, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'never-was', uid: '11111111-2222-3333-4444-555555555555' }]);
    await makePods('stale', 1, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'real', uid: '66666666-7777-8888-9999-000000000000' }]);
    await makePods('owned', 1, [ownerRef(rs, 'ReplicaSet', 'apps/v1')]);
    await until(async () => (await podNames('ghost')).length === 0 && (await podNames('stale')).length === 0, 'the orphans of absent owners collected', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await podNames('owned'), ['owned-0'], 'a pod whose owner exists stays');
    await kubectl('delete', 'rs', 'real');
    await until(async () => (await podNames('owned')).length === 0, 'the owned pod collected', 20_000);
  });

  it('keeps a dependent that still has an owner, dropping the reference to the deleted one', async () => {
    const a = await makeRc('two-a');
    const b = await makeRc('two-b');
    await makePods('two', 1, [ownerRef(a, 'ReplicationController', 'v1'), ownerRef(b, 'ReplicationController', 'v1')]);
    await kubectl('delete', 'rc', 'two-a');
    await until(async () => {
      const pod = await cluster.clients.pods.get(ns, 'two-0');
      return (pod.metadata!.ownerReferences ?? []).length === 1;
    }, 'the dangling reference dropped', 20_000);
    const pod = await cluster.clients.pods.get(ns, 'two-0');
    assert.equal(pod.metadata!.ownerReferences![0]!.name, 'two-b');
    assert.equal(pod.metadata!.deletionTimestamp, undefined);
    await kubectl('delete', 'rc', 'two-b');
    await until(async () => (await podNames('two')).length === 0, 'collected with its last owner', 20_000);
  });
});
