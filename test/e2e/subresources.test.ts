// Subresources: scale (kubectl scale with --current-replicas, as in the seeds),
// status, binding, and dry runs that store nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient } from '../support/api-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('subresources and dry run', { timeout: 120_000 }, () => {
  let cluster: TestServer;
  let api: ApiClient;

  before(async () => {
    cluster = await startTestServer();
    api = new ApiClient(cluster);
    await cluster.kubectl.ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']);
  });
  after(async () => {
    await cluster?.close();
  });

  it('scales with kubectl scale, honouring --current-replicas', async () => {
    assert.equal(await cluster.kubectl.ok(['scale', 'deployment', 'web', '--replicas=3']), 'deployment.apps/web scaled\n');
    assert.equal(await cluster.kubectl.ok(['scale', 'deployment', 'web', '--current-replicas=3', '--replicas=5']), 'deployment.apps/web scaled\n');
    const refused = await cluster.kubectl.run(['scale', 'deployment', 'web', '--current-replicas=2', '--replicas=1']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Expected replicas to be 2, was 5/);
    const deployment = JSON.parse(await cluster.kubectl.ok(['get', 'deploy', 'web', '-o', 'json'])) as { spec: { replicas: number }; metadata: { generation: number } };
    assert.equal(deployment.spec.replicas, 5);
    assert.equal(deployment.metadata.generation, 3, 'each scale changes the spec, so the generation');
    const scale = (await api.send('GET', '/apis/apps/v1/namespaces/default/deployments/web/scale')).body;
    assert.deepEqual([scale.kind, scale.apiVersion, (scale.spec as { replicas: number }).replicas, (scale.status as { selector: string }).selector], ['Scale', 'autoscaling/v1', 5, 'app=web']);
    const negative = await api.send('PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', { spec: { replicas: -1 } }, { 'content-type': 'application/merge-patch+json' });
    assert.equal(negative.status, 422);
    assert.equal(negative.body.message, 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('changes status only through /status, and spec only through the main resource', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/web';
    const before = (await api.send<{ metadata: { generation: number } }>('GET', path)).body;
    await api.send('PATCH', `${path}/status`, { status: { replicas: 7 }, spec: { replicas: 9 } }, { 'content-type': 'application/merge-patch+json' });
    const afterStatus = (await api.send<{ spec: { replicas: number }; status: { replicas: number }; metadata: { generation: number } }>('GET', path)).body;
    assert.equal(afterStatus.status.replicas, 7);
    assert.equal(afterStatus.spec.replicas, 5, 'status endpoint ignores spec');
    assert.equal(afterStatus.metadata.generation, before.metadata.generation, 'status changes keep the generation');
    await api.send('PATCH', path, { status: { replicas: 1 }, metadata: { labels: { x: 'y' } } }, { 'content-type': 'application/merge-patch+json' });
    const afterMain = (await api.send<{ status: { replicas: number }; metadata: { generation: number } }>('GET', path)).body;
    assert.equal(afterMain.status.replicas, 7, 'main endpoint ignores status');
    assert.equal(afterMain.metadata.generation, before.metadata.generation, 'metadata changes keep the generation');
  });

  it('binds a pod to a node once', async () => {
    const pods = '/api/v1/namespaces/default/pods';
    await api.send('POST', pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    const bind = (node: string) => api.send('POST', `${pods}/p/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'p' }, target: { kind: 'Node', name: node } });
    assert.equal((await bind('node-1')).status, 201);
    const pod = (await api.send<{ spec: { nodeName: string }; status: { conditions: Array<{ type: string; status: string }> } }>('GET', `${pods}/p`)).body;
    assert.equal(pod.spec.nodeName, 'node-1');
    assert.deepEqual(pod.status.conditions.map((c) => [c.type, c.status]), [['PodScheduled', 'True']]);
    const again = await bind('node-2');
    assert.equal(again.status, 409);
    assert.match(String(again.body.message), /is already assigned to node "node-1"/);
  });

  it('runs create, update and delete with --dry-run=server without storing anything', async () => {
    const created = await cluster.kubectl.ok(['create', 'configmap', 'dry', '--from-literal=a=b', '--dry-run=server', '-o', 'json']);
    assert.deepEqual((JSON.parse(created) as { data: unknown }).data, { a: 'b' });
    assert.equal((await cluster.kubectl.run(['get', 'cm', 'dry'])).code, 1);
    assert.equal(await cluster.kubectl.ok(['delete', 'deployment', 'web', '--dry-run=server']), 'deployment.apps "web" deleted (server dry run)\n');
    assert.equal((await cluster.kubectl.run(['get', 'deployment', 'web'])).code, 0);
    await cluster.kubectl.ok(['label', 'deployment', 'web', 'dry=run', '--dry-run=server']);
    assert.equal(await cluster.kubectl.ok(['get', 'deployment', 'web', '-o', 'jsonpath={.metadata.labels.dry}']), '');
  });
});

describe('eviction', { timeout: 60_000 }, () => {
  let cluster: TestServer;
  let api: ApiClient;
  const pods = '/api/v1/namespaces/default/pods';
  const pod = (name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  const evict = (name: string) => api.send('POST', `${pods}/${name}/eviction`, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name } });

  before(async () => {
    cluster = await startTestServer();
    api = new ApiClient(cluster);
  });
  after(async () => {
    await cluster?.close();
  });

  it('evicts a pod no budget covers, and refuses one its budget protects with 429', async () => {
    await api.send('POST', pods, pod('free', { app: 'free' }));
    await api.send('POST', pods, pod('kept', { app: 'kept' }));
    assert.equal((await evict('free')).status, 201);
    assert.equal((await api.send('GET', `${pods}/free`)).status, 404);

    const pdbs = '/apis/policy/v1/namespaces/default/poddisruptionbudgets';
    await api.send('POST', pdbs, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'kept' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'kept' } } } });
    // What the disruption controller would report: one healthy pod, one needed.
    await api.send('PATCH', `${pdbs}/kept/status`, { status: { observedGeneration: 1, disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 } }, { 'content-type': 'application/merge-patch+json' });
    const refused = await evict('kept');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.message, "Cannot evict pod as it would violate the pod's disruption budget.");
    assert.deepEqual((refused.body.details as { causes: unknown[] }).causes, [{ reason: 'DisruptionBudget', message: 'The disruption budget kept needs 1 healthy pods and has 1 currently' }]);
    assert.equal((await api.send('GET', `${pods}/kept`)).status, 200);

    await api.send('PATCH', `${pdbs}/kept/status`, { status: { disruptionsAllowed: 1, currentHealthy: 2 } }, { 'content-type': 'application/merge-patch+json' });
    assert.equal((await evict('kept')).status, 201);
    const budget = (await api.send<{ status: { disruptionsAllowed: number; disruptedPods: Record<string, string> } }>('GET', `${pdbs}/kept`)).body;
    assert.equal(budget.status.disruptionsAllowed, 0);
    assert.ok(budget.status.disruptedPods.kept);
  });
});

describe('ephemeral containers', { timeout: 60_000 }, () => {
  let cluster: TestServer;

  before(async () => {
    cluster = await startTestServer();
  });
  after(async () => {
    await cluster?.close();
  });

  it('adds a debug container with kubectl debug, through the ephemeralcontainers subresource only', async () => {
    await cluster.kubectl.ok(['run', 'target', '--image=busybox:1.36', '--', 'sleep', '3600']);
    const out = await cluster.kubectl.run(['debug', 'target', '--image=busybox:1.36', '-c', 'dbg', '--profile=general']);
    assert.equal(out.code, 0, out.stderr);
    const pod = JSON.parse(await cluster.kubectl.ok(['get', 'pod', 'target', '-o', 'json'])) as { spec: { ephemeralContainers: Array<{ name: string; image: string }>; containers: Array<{ image: string }> } };
    assert.deepEqual(pod.spec.ephemeralContainers.map((c) => [c.name, c.image]), [['dbg', 'busybox:1.36']]);
    const api = new ApiClient(cluster);
    // Other spec changes sent to the subresource are ignored.
    await api.send('PATCH', '/api/v1/namespaces/default/pods/target/ephemeralcontainers', { spec: { containers: [{ name: 'target', image: 'changed' }] } }, { 'content-type': 'application/strategic-merge-patch+json' });
    const after = JSON.parse(await cluster.kubectl.ok(['get', 'pod', 'target', '-o', 'json'])) as typeof pod;
    assert.equal(after.spec.containers[0]!.image, 'busybox:1.36');
  });
});
