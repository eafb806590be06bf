// Endpoints and EndpointSlices against a real server, its control plane and hollow nodes,
// driven by real kubectl: pods behind a Service listed by IP with the port resolved by
// name, a not-ready pod apart, pods leaving when deleted, the seed's selector-less
// Service keeping its hand-made Endpoints, and Endpoints going with their Service.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Endpoints, Pod } from 'kubernetes-types/core/v1.d.ts';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.d.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: web
spec:${extra}
  containers:
  - name: web
    image: nginx
    ports:
    - name: http
      containerPort: 8080
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    tier: front
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
`;

// The seed's "Manually configuring service endpoints".
const externalService = `apiVersion: v1
kind: Service
metadata:
  name: external-service
spec:
  ports:
  - port: 80
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external-service
subsets:
  - addresses:
    - ip: 11.11.11.11
    - ip: 22.22.22.22
    ports:
    - port: 80
`;

describe('endpoints and endpoint slices', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startTestCluster({ nodes: 2 });
  });
  after(async () => {
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);
  const apply = (yaml: string) => cluster.kubectl.ok(['apply', '-f', '-'], { input: yaml });
  const endpoints = async () => JSON.parse(await kubectl('get', 'endpoints', 'web', '-o', 'json')) as Endpoints;
  const slices = async () => (JSON.parse(await kubectl('get', 'endpointslices', '-l', 'kubernetes.io/service-name=web', '-o', 'json')) as { items: EndpointSlice[] }).items;
  const podIPs = async () => {
    const pods = (JSON.parse(await kubectl('get', 'pods', '-l', 'app=web', '-o', 'json')) as { items: Pod[] }).items;
    return pods.filter((p) => p.spec?.nodeName?.startsWith('hollow-')).map((p) => p.status?.podIP ?? '');
  };

  it('lists the ready pods behind a service, with the named target port resolved', async () => {
    await apply(pod('web-1') + '---\n' + pod('web-2') + '---\n' + service);
    await until(async () => (await podIPs()).filter(Boolean).length === 2, 'two pods with IPs', 20_000);
    const ips = (await podIPs()).sort();
    await until(async () => ((await endpoints()).subsets?.[0]?.addresses ?? []).length === 2, 'two ready addresses', 20_000);
    const ep = await endpoints();
    assert.deepEqual(
      ep.subsets![0]!.addresses!.map((a) => a.ip),
      ips,
    );
    assert.deepEqual(ep.subsets![0]!.ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const address = ep.subsets![0]!.addresses![0]!;
    assert.equal(address.targetRef?.kind, 'Pod');
    assert.match(address.nodeName ?? '', /^hollow-node-/);
    assert.equal(ep.metadata?.labels?.tier, 'front');
    assert.ok(ep.metadata?.annotations?.['endpoints.kubernetes.io/last-change-trigger-time'], 'the trigger time annotation');
    assert.match(await kubectl('get', 'endpoints', 'web'), new RegExp(`web\\s+${ips.map((ip) => `${ip.replaceAll('.', '\\.')}:8080`).join(',')}\\s`));
    // describe lists the slices' endpoints in their order.
    const line = /Endpoints:\s+(\S+)/.exec(await kubectl('describe', 'svc', 'web'))?.[1] ?? '';
    assert.deepEqual(line.split(',').sort(), ips.map((ip) => `${ip}:8080`));

    await until(async () => (await slices()).some((s) => s.endpoints.length === 2), 'a slice with two endpoints', 20_000);
    const [slice, ...rest] = await slices();
    assert.equal(rest.length, 0);
    assert.match(slice!.metadata!.name!, /^web-[a-z0-9]{5}$/);
    assert.equal(slice!.metadata!.labels!['endpointslice.kubernetes.io/managed-by'], 'endpointslice-controller.k8s.io');
    assert.equal(slice!.metadata!.labels!.tier, 'front');
    assert.equal(slice!.metadata!.ownerReferences?.[0]?.kind, 'Service');
    assert.equal(slice!.addressType, 'IPv4');
    assert.deepEqual(slice!.ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
    assert.deepEqual(slice!.endpoints.map((e) => e.addresses[0]).sort(), ips);
    for (const e of slice!.endpoints) assert.deepEqual(e.conditions, { ready: true, serving: true, terminating: false });
    assert.match(await kubectl('get', 'endpointslices'), new RegExp(`${slice!.metadata!.name}\\s+IPv4\\s+8080\\s+`));
  });

  it('keeps a pod that is not ready apart', async () => {
    // A pod on a node no kubelet plays: the test sets its status.
    await apply(pod('web-unready', '\n  nodeName: ghost'));
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    await cluster.clients.pods.patch(
      'default',
      'web-unready',
      'merge',
      { status: { phase: 'Running', podIP: '10.42.99.9', podIPs: [{ ip: '10.42.99.9' }], conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now }] } },
      { subresource: 'status' },
    );
    await until(async () => ((await endpoints()).subsets ?? []).some((s) => s.notReadyAddresses?.some((a) => a.ip === '10.42.99.9')), 'a not-ready address', 20_000);
    const ep = await endpoints();
    assert.equal(ep.subsets!.length, 1);
    assert.equal(ep.subsets![0]!.addresses!.length, 2);
    assert.ok(!ep.subsets![0]!.addresses!.some((a) => a.ip === '10.42.99.9'));
    await until(async () => (await slices())[0]?.endpoints.length === 3, 'three endpoints in the slice', 20_000);
    const unready = (await slices())[0]!.endpoints.find((e) => e.addresses[0] === '10.42.99.9');
    assert.deepEqual(unready?.conditions, { ready: false, serving: false, terminating: false });
    assert.equal(unready?.nodeName, 'ghost');
    await cluster.clients.pods.delete('default', 'web-unready', { gracePeriodSeconds: 0 });
  });

  it('drops a deleted pod', async () => {
    const [gone, stays] = await podIPs();
    await kubectl('delete', 'pod', 'web-1', '--wait=true');
    const remaining = (await podIPs())[0];
    assert.ok(remaining === stays || remaining === gone);
    await until(async () => {
      const subsets = (await endpoints()).subsets ?? [];
      return subsets.length === 1 && subsets[0]!.addresses?.length === 1 && !subsets[0]!.notReadyAddresses;
    }, 'one address left', 20_000);
    assert.equal((await endpoints()).subsets![0]!.addresses![0]!.ip, remaining);
    await until(async () => (await slices()).flatMap((s) => s.endpoints).length === 1, 'one endpoint left in the slices', 20_000);
  });

  it('keeps the Endpoints of a service without a selector (seed)', async () => {
    await apply(externalService);
    await until(async () => (await kubectl('get', 'endpointslices', '-l', 'kubernetes.io/service-name=external-service', '-o', 'name')) !== '', 'a mirrored slice', 20_000);
    assert.match(await kubectl('get', 'endpoints', 'external-service'), /external-service\s+11\.11\.11\.11:80,22\.22\.22\.22:80\s/);
    assert.match(await kubectl('describe', 'svc', 'external-service'), /Endpoints:\s+11\.11\.11\.11:80,22\.22\.22\.22:80/);
    // Mirrored into a slice for readers of slices, not managed by the endpointslice controller.
    const mirrored = JSON.parse(await kubectl('get', 'endpointslices', '-l', 'kubernetes.io/service-name=external-service', '-o', 'json')) as { items: EndpointSlice[] };
    assert.deepEqual(
      mirrored.items.map((s) => s.metadata?.labels?.['endpointslice.kubernetes.io/managed-by']),
      ['endpointslicemirroring-controller.k8s.io'],
    );
    assert.deepEqual(mirrored.items[0]!.endpoints.map((e) => e.addresses[0]).sort(), ['11.11.11.11', '22.22.22.22']);
  });

  it('removes the Endpoints and slices with their service', async () => {
    await kubectl('delete', 'svc', 'web');
    await until(async () => (await cluster.kubectl.run(['get', 'endpoints', 'web'])).code !== 0, 'the endpoints to go', 20_000);
    await until(async () => (await slices()).length === 0, 'the slices to go', 20_000);
  });
});
