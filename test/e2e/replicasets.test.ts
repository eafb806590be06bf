// ReplicationControllers and ReplicaSets against a real server, its control plane and
// hollow nodes, driven by real kubectl: the seed's nginx-www RC (a deleted pod comes
// back), `kubectl scale rc`, moving pods in and out of scope by relabelling them,
// set-based selectors, adoption of orphans, minReadySeconds, and the events upstream
// records.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const nginxWww = `apiVersion: v1
kind: ReplicationController
metadata:
  name: nginx-www
spec:
  replicas: 3
  selector:
    app: nginx
  template:
    metadata:
      name: nginx
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80
`;

const kubiaRs = `apiVersion: apps/v1beta2
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchExpressions:
      - key: app
        operator: In
        values:
          - kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
`;

describe('replicasets and replication controllers', { timeout: 120_000 }, () => {
  let cluster: TestCluster;

  before(async () => {
    cluster = await startTestCluster({ nodes: 3 });
  });
  after(async () => {
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);
  const pods = async (selector: string): Promise<Pod[]> => (await cluster.clients.pods.list('default', { labelSelector: selector })).items;
  const running = async (selector: string) => (await pods(selector)).filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp);
  const owned = (pod: Pod, uid: string) => pod.metadata?.ownerReferences?.some((r) => r.controller && r.uid === uid) ?? false;
  const createRs = (name: string, spec: Record<string, unknown>) =>
    cluster.kubectl.ok(['create', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name },
        spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }, ...spec },
      }),
    });

  it('runs the seed RC: three pods, `kubectl get rc` columns, a deleted pod replaced', async () => {
    await cluster.kubectl.ok(['create', '-f', '-'], { input: nginxWww });
    await until(async () => (await running('app=nginx')).length === 3, 'three nginx pods running', 20_000);
    await until(async () => /^nginx-www\s+3\s+3\s+3\s+\S+$/m.test(await kubectl('get', 'rc')), 'get rc: 3 3 3', 20_000);
    const before = await running('app=nginx');
    for (const pod of before) assert.match(pod.metadata!.name!, /^nginx-www-[a-z0-9]{5}$/);
    const victim = before[0]!.metadata!.name!;
    assert.match(await kubectl('delete', 'pod', victim), new RegExp(`pod "${victim}" deleted`));
    await until(async () => {
      const now = await running('app=nginx');
      return now.length === 3 && !now.some((p) => p.metadata!.name === victim);
    }, 'a replacement pod', 20_000);
    const events = await kubectl('get', 'events', '--field-selector', 'involvedObject.kind=ReplicationController,involvedObject.name=nginx-www');
    assert.match(events, /SuccessfulCreate\s+replicationcontroller\/nginx-www\s+Created pod: nginx-www-[a-z0-9]{5}/);
    const described = await kubectl('describe', 'rc', 'nginx-www');
    assert.match(described, /Replicas:\s+3 current \/ 3 desired/);
    assert.match(described, /Pods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed/);
  });

  it('scales an RC up and down with `kubectl scale rc`, deleting surplus pods', async () => {
    assert.match(await kubectl('scale', 'rc', 'nginx-www', '--replicas=5'), /replicationcontroller\/nginx-www scaled/);
    await until(async () => (await running('app=nginx')).length === 5, 'five pods', 20_000);
    await kubectl('scale', 'rc', 'nginx-www', '--replicas=2');
    await until(async () => (await pods('app=nginx')).length === 2, 'two pods', 20_000);
    await until(async () => /^nginx-www\s+2\s+2\s+2\s/m.test(await kubectl('get', 'rc')), 'get rc: 2 2 2', 20_000);
    const events = await kubectl('get', 'events', '--field-selector', 'involvedObject.name=nginx-www,reason=SuccessfulDelete');
    assert.match(events, /Deleted pod: nginx-www-[a-z0-9]{5}/);
    assert.equal(await kubectl('get', 'rc', 'nginx-www', '-o', 'jsonpath={.status.observedGeneration} {.status.fullyLabeledReplicas} {.status.availableReplicas}'), '3 2 2');
  });

  it('moves pods out of scope by relabelling and back in (release, replace, adopt, trim)', async () => {
    const uid = await kubectl('get', 'rc', 'nginx-www', '-o', 'jsonpath={.metadata.uid}');
    const [moved] = await running('app=nginx');
    const name = moved!.metadata!.name!;
    await kubectl('label', 'pod', name, 'type=special');
    await kubectl('label', 'pod', name, 'app=foo', '--overwrite');
    await until(async () => !owned(await cluster.clients.pods.get('default', name), uid), 'the relabelled pod released', 20_000);
    await until(async () => (await running('app=nginx')).length === 2, 'a replacement for the released pod', 20_000);
    assert.equal((await cluster.clients.pods.get('default', name)).metadata?.ownerReferences?.length ?? 0, 0);

    // Back in scope: adopted, then one of the three is too many.
    await kubectl('label', 'pod', name, 'app=nginx', '--overwrite');
    await until(async () => {
      const now = await pods('app=nginx');
      return now.length === 2 && now.every((p) => owned(p, uid));
    }, 'the pod adopted and a surplus one deleted', 20_000);
  });

  it('keeps the pods of an RC deleted with --cascade=false and lets a ReplicaSet adopt them (the seed)', async () => {
    await kubectl('create', 'namespace', 'seed');
    await cluster.kubectl.ok(['create', '-n', 'seed', '-f', '-'], { input: nginxWww.replaceAll('nginx-www', 'kubia').replaceAll('nginx', 'kubia') });
    const inSeed = async () => (await cluster.clients.pods.list('seed', { labelSelector: 'app=kubia' })).items.filter((p) => !p.metadata?.deletionTimestamp);
    await until(async () => (await inSeed()).filter((p) => p.status?.phase === 'Running').length === 3, 'three kubia pods', 20_000);
    const names = (await inSeed()).map((p) => p.metadata!.name).sort();
    const deleted = await cluster.kubectl.run(['delete', 'rc', 'kubia', '--cascade=false', '-n', 'seed']);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stdout, /replicationcontroller "kubia" deleted/);
    await until(async () => (await inSeed()).every((p) => (p.metadata?.ownerReferences ?? []).length === 0), 'the pods orphaned', 20_000);
    assert.deepEqual((await inSeed()).map((p) => p.metadata!.name).sort(), names);

    await cluster.kubectl.ok(['create', '-n', 'seed', '-f', '-'], { input: kubiaRs.replace(/selector:\n {4}matchExpressions:[^]*?kubia\n/, 'selector:\n    matchLabels:\n      app: kubia\n') });
    const uid = await kubectl('get', 'rs', 'kubia', '-n', 'seed', '-o', 'jsonpath={.metadata.uid}');
    await until(async () => (await inSeed()).every((p) => owned(p, uid)), 'the orphans adopted', 20_000);
    assert.deepEqual((await inSeed()).map((p) => p.metadata!.name).sort(), names, 'no pod created or deleted');
    assert.match(await kubectl('get', 'rs', '-n', 'seed'), /^kubia\s+3\s+3\s+3\s/m);
  });

  it('runs a ReplicaSet with a set-based selector, `kubectl get rs` and `describe rs`', async () => {
    await cluster.kubectl.ok(['create', '-f', '-'], { input: kubiaRs });
    await until(async () => (await running('app=kubia')).length === 3, 'three kubia pods', 20_000);
    await until(async () => /^kubia\s+3\s+3\s+3\s+\S+$/m.test(await kubectl('get', 'rs')), 'get rs: 3 3 3', 20_000);
    const described = await kubectl('describe', 'rs', 'kubia');
    assert.match(described, /Selector:\s+app in \(kubia\)/);
    assert.match(described, /Replicas:\s+3 current \/ 3 desired/);
    assert.match(described, /SuccessfulCreate\s+\S+\s+replicaset-controller\s+Created pod: kubia-/);
    // A pod whose label leaves the set is released; one that stays in it (via another label) is kept.
    const [pod] = await running('app=kubia');
    await kubectl('label', 'pod', pod!.metadata!.name!, 'app=other', '--overwrite');
    await until(async () => (await running('app=kubia')).length === 3, 'a replacement after leaving the set', 20_000);
    await kubectl('delete', 'rs', 'kubia');
    await kubectl('delete', 'pod', pod!.metadata!.name!);
  });

  it('adopts a matching orphan instead of creating a pod for it', async () => {
    await cluster.clients.pods.create({ metadata: { name: 'orphan', namespace: 'default', labels: { app: 'adopter' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    await createRs('adopter', { replicas: 2 });
    const uid = await kubectl('get', 'rs', 'adopter', '-o', 'jsonpath={.metadata.uid}');
    await until(async () => {
      const now = await pods('app=adopter');
      return now.length === 2 && now.every((p) => owned(p, uid));
    }, 'the orphan adopted and one pod created', 20_000);
    assert.ok((await pods('app=adopter')).some((p) => p.metadata!.name === 'orphan'));
    const ref = (await cluster.clients.pods.get('default', 'orphan')).metadata!.ownerReferences![0]!;
    assert.deepEqual(ref, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'adopter', uid, controller: true, blockOwnerDeletion: true });
  });

  it('counts pods available only after minReadySeconds', async () => {
    await createRs('slow', { replicas: 2, minReadySeconds: 3 });
    const status = () => kubectl('get', 'rs', 'slow', '-o', 'jsonpath={.status.readyReplicas}/{.status.availableReplicas}');
    await until(async () => (await status()).startsWith('2/'), 'two ready pods', 20_000);
    assert.equal(await status(), '2/', 'ready but not yet available');
    await until(async () => (await status()) === '2/2', 'both available after minReadySeconds', 20_000);
  });

  it('reports failed creations as FailedCreate events and the ReplicaFailure condition, cleared when pods fit', async () => {
    await kubectl('create', 'namespace', 'quota');
    await kubectl('create', 'quota', 'pods', '--hard=pods=1', '-n', 'quota');
    await until(async () => (await kubectl('get', 'quota', 'pods', '-n', 'quota', '-o', 'jsonpath={.status.hard.pods}')) === '1', 'the quota in force', 20_000);
    await kubectl('create', 'deployment', 'capped', '--image=busybox', '--replicas=3', '-n', 'quota');
    const condition = () => kubectl('get', 'rs', '-n', 'quota', '-o', 'jsonpath={.items[0].status.conditions[?(@.type=="ReplicaFailure")].reason}');
    await until(async () => (await condition()) === 'FailedCreate', 'the ReplicaFailure condition', 20_000);
    const message = await kubectl('get', 'rs', '-n', 'quota', '-o', 'jsonpath={.items[0].status.conditions[0].message}');
    assert.match(message, /^pods "capped-\w+-[a-z0-9]{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=1, limited: pods=1$/);
    const events = await kubectl('get', 'events', '-n', 'quota', '--field-selector', 'reason=FailedCreate', '-o', 'jsonpath={.items[0].message}');
    assert.match(events, /^Error creating: pods "capped-\w+-[a-z0-9]{5}" is forbidden: exceeded quota: pods/);
    await until(async () => /ReplicaFailure=True/.test(await kubectl('get', 'deployment', 'capped', '-n', 'quota', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.status};{end}')), 'the condition on the Deployment', 20_000);

    await kubectl('patch', 'quota', 'pods', '-n', 'quota', '-p', '{"spec":{"hard":{"pods":"3"}}}');
    await until(async () => (await condition()) === '' && /^capped\s+3\/3\s/m.test(await kubectl('get', 'deployment', '-n', 'quota')), 'three pods and no failure', 30_000);
  });

  it('creates a large ReplicaSet in slow-start batches and scales it to zero', async () => {
    await createRs('many', { replicas: 60 });
    await until(async () => /^many\s+60\s+60\s+60\s/m.test(await kubectl('get', 'rs', 'many')), 'sixty ready pods', 30_000);
    await kubectl('scale', 'rs', 'many', '--replicas=0');
    await until(async () => (await pods('app=many')).length === 0, 'no pods left', 30_000);
    assert.match(await kubectl('get', 'rs', 'many'), /^many\s+0\s+0\s+0\s/m);
  });
});
