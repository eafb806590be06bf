// More of what kubectl users type: output forms, typed create commands, describe,
// explain, cluster-info, namespace deletion, and several kubectl versions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { e2eBackends, startTestServer, type TestServer } from '../support/test-server.ts';

for (const backend of e2eBackends) describe(`kubectl commands against kubets (${backend})`, { timeout: 300_000 }, () => {
  let cluster: TestServer;
  const files = mkdtempSync(join(tmpdir(), 'kubets-e2e-commands-'));
  const file = (name: string, text: string) => {
    const path = join(files, name);
    writeFileSync(path, text);
    return path;
  };

  before(async () => {
    // The controller manager's namespace controller empties and finalizes deleted namespaces.
    cluster = await startTestServer({ backend, controlPlane: { components: ['kube-controller-manager'] } });
    await cluster.kubectl.ok(['create', 'namespace', 'shop']);
  });
  after(async () => {
    await cluster?.close();
  });

  it('creates a deployment and prints it with --dry-run=client -o yaml', async () => {
    const yaml = await cluster.kubectl.ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--dry-run=client', '-o', 'yaml']);
    assert.match(yaml, /^apiVersion: apps\/v1\nkind: Deployment\n/);
    assert.match(yaml, /creationTimestamp: null/);
    assert.equal(await cluster.kubectl.ok(['-n', 'shop', 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']), 'deployment.apps/web created\n');
    const deployment = JSON.parse(await cluster.kubectl.ok(['-n', 'shop', 'get', 'deployment', 'web', '-o', 'json'])) as {
      spec: { replicas: number; selector: { matchLabels: Record<string, string> }; template: { spec: { containers: Array<{ image: string }> } } };
      metadata: { generation: number };
    };
    assert.equal(deployment.spec.replicas, 2);
    assert.deepEqual(deployment.spec.selector.matchLabels, { app: 'web' });
    assert.equal(deployment.spec.template.spec.containers[0]!.image, 'nginx:1.27');
    assert.equal(deployment.metadata.generation, 1);
    const table = await cluster.kubectl.ok(['-n', 'shop', 'get', 'deploy']);
    // The controller manager runs here (for namespace deletion): the deployment's pods may be counted up to date, never ready (no nodes).
    assert.match(table, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+0\/2\s+[02]\s+0\s+\d+s\n$/);
    const wide = await cluster.kubectl.ok(['-n', 'shop', 'get', 'deploy', '-o', 'wide']);
    assert.match(wide, /CONTAINERS\s+IMAGES\s+SELECTOR/);
    assert.match(wide, /web\s+0\/2\s+[02]\s+0\s+\d+s\s+nginx\s+nginx:1\.27\s+app=web/);
  });

  it('creates a service, a secret and a tls secret with the typed commands', async () => {
    assert.equal(await cluster.kubectl.ok(['-n', 'shop', 'create', 'service', 'clusterip', 'web', '--tcp=80:8080']), 'service/web created\n');
    assert.equal(await cluster.kubectl.ok(['-n', 'shop', 'create', 'secret', 'generic', 'token', '--from-literal=t=s3cret']), 'secret/token created\n');
    const key = join(files, 'tls.key');
    const crt = join(files, 'tls.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', crt, '-subj', '/CN=shop.local', '-days', '1'], { stdio: 'ignore' });
    assert.equal(await cluster.kubectl.ok(['-n', 'shop', 'create', 'secret', 'tls', 'site', `--cert=${crt}`, `--key=${key}`]), 'secret/site created\n');
    const secrets = await cluster.kubectl.ok(['-n', 'shop', 'get', 'secrets']);
    assert.match(secrets, /^NAME\s+TYPE\s+DATA\s+AGE\n/);
    assert.match(secrets, /\nsite\s+kubernetes\.io\/tls\s+2\s+/);
    assert.match(secrets, /\ntoken\s+Opaque\s+1\s+/);
  });

  it('prints every output form', async () => {
    const get = (...args: string[]) => cluster.kubectl.ok(['-n', 'shop', 'get', ...args]);
    assert.equal(await get('svc', 'web', '-o', 'name'), 'service/web\n');
    assert.equal(await get('svc', 'web', '-o', 'jsonpath={.spec.ports[0].targetPort}'), '8080');
    assert.equal(await get('svc', 'web', '-o', 'go-template={{.metadata.name}}:{{(index .spec.ports 0).port}}'), 'web:80');
    const columns = await get('deploy', '-o', 'custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas');
    assert.match(columns, /^NAME\s+REPLICAS\nweb\s+2\n$/);
    const yaml = await get('svc', 'web', '-o', 'yaml');
    assert.match(yaml, /^apiVersion: v1\nkind: Service\n/);
    assert.match(yaml, /\n {2}sessionAffinity: None\n/);
    const services = await get('svc');
    assert.match(services, /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\n/);
    const sorted = await cluster.kubectl.ok(['get', 'ns', '--sort-by=.metadata.name', '-o', 'name']);
    assert.equal(sorted, 'namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\nnamespace/shop\n');
    const everywhere = await cluster.kubectl.ok(['get', 'deploy', '-A']);
    assert.match(everywhere, /^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nshop\s+web\s+/);
  });

  it('explains fields from the OpenAPI documents', async () => {
    const out = await cluster.kubectl.ok(['explain', 'pods.spec.containers']);
    assert.match(out, /KIND:\s+Pod/);
    assert.match(out, /FIELD: containers <\[\]Container>/);
    for (const field of ['image', 'ports', 'env', 'resources', 'volumeMounts']) assert.match(out, new RegExp(`\\n {2}${field}\\t?\\s*<`));
  });

  it('describes an object with its events', async () => {
    const uid = await cluster.kubectl.ok(['-n', 'shop', 'get', 'service', 'web', '-o', 'jsonpath={.metadata.uid}']);
    const manifest = file(
      'event.yaml',
      `apiVersion: v1
kind: Event
metadata:
  name: web.1
  namespace: shop
involvedObject:
  apiVersion: v1
  kind: Service
  name: web
  namespace: shop
  uid: ${uid}
reason: Tested
message: described with events
type: Normal
source:
  component: e2e
count: 1
`,
    );
    await cluster.kubectl.ok(['create', '-f', manifest]);
    const out = await cluster.kubectl.ok(['-n', 'shop', 'describe', 'service', 'web']);
    assert.match(out, /^Name:\s+web\nNamespace:\s+shop\n/);
    assert.match(out, /Events:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n/);
    assert.match(out, /Normal\s+Tested\s+\S+\s+e2e\s+described with events/);
  });

  it('serves an HPA in autoscaling/v2 and v1, converting between them', async () => {
    assert.equal(
      await cluster.kubectl.ok(['-n', 'shop', 'autoscale', 'deployment', 'web', '--min=2', '--max=6', '--cpu-percent=80']),
      'horizontalpodautoscaler.autoscaling/web autoscaled\n',
    );
    const v1 = JSON.parse(await cluster.kubectl.ok(['-n', 'shop', 'get', 'horizontalpodautoscalers.v1.autoscaling', 'web', '-o', 'json'])) as { apiVersion: string; spec: Record<string, unknown> };
    assert.equal(v1.apiVersion, 'autoscaling/v1');
    assert.deepEqual([v1.spec.minReplicas, v1.spec.maxReplicas, v1.spec.targetCPUUtilizationPercentage], [2, 6, 80]);
    const v2 = JSON.parse(await cluster.kubectl.ok(['-n', 'shop', 'get', 'horizontalpodautoscalers.v2.autoscaling', 'web', '-o', 'json'])) as { spec: { metrics: unknown[] } };
    assert.deepEqual(v2.spec.metrics, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    const table = await cluster.kubectl.ok(['-n', 'shop', 'get', 'hpa']);
    assert.match(table, /^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\nweb\s+Deployment\/web\s+cpu: <unknown>\/80%\s+2\s+6\s+[02]\s+/);
  });

  it('serves core Events as events.k8s.io/v1 too', async () => {
    const events = JSON.parse(await cluster.kubectl.ok(['-n', 'shop', 'get', 'events.v1.events.k8s.io', '-o', 'json'])) as { items: Array<{ apiVersion: string; note: string; regarding: { name: string } }> };
    const tested = events.items.find((e) => e.note === 'described with events');
    assert.ok(tested, JSON.stringify(events.items));
    assert.equal(tested.regarding.name, 'web');
  });

  it('answers cluster-info and config view', async () => {
    const info = await cluster.kubectl.ok(['cluster-info']);
    assert.match(info, new RegExp(`Kubernetes control plane is running at ${cluster.url.replace(/[.]/g, '\\.')}`));
    const config = await cluster.kubectl.ok(['config', 'view', '-o', 'jsonpath={.clusters[0].cluster.server}']);
    assert.equal(config, cluster.url);
  });

  it('works with kubectl 1.27 (OpenAPI v2 protobuf) and 1.31 too', async () => {
    for (const version of ['1.27', '1.31'] as const) {
      const manifest = file(`cm-${version}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: made-by-${version.replace('.', '-')}\ndata:\n  k: v\n`);
      assert.equal(await cluster.kubectl.ok(['-n', 'shop', 'create', '-f', manifest], { version }), `configmap/made-by-${version.replace('.', '-')} created\n`);
      const table = await cluster.kubectl.ok(['-n', 'shop', 'get', 'cm', `made-by-${version.replace('.', '-')}`], { version });
      assert.match(table, /^NAME\s+DATA\s+AGE\n/);
    }
  });

  it('rejects unknown fields under strict validation, with the upstream message', async () => {
    const manifest = file('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: strict\ndata:\n  a: b\nbogus: 1\n');
    const result = await cluster.kubectl.run(['-n', 'shop', 'create', '-f', manifest]);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr.trim(),
      `Error from server (BadRequest): error when creating "${manifest}": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "bogus"`,
    );
    assert.equal((await cluster.kubectl.run(['-n', 'shop', 'get', 'cm', 'strict'])).code, 1, 'nothing was created');
  });

  it('deletes a namespace with everything in it', async () => {
    assert.equal(await cluster.kubectl.ok(['delete', 'namespace', 'shop', '--timeout=30s']), 'namespace "shop" deleted\n');
    assert.equal((await cluster.kubectl.run(['get', 'namespace', 'shop'])).code, 1);
    assert.equal(await cluster.kubectl.ok(['get', 'deploy,svc,secret,cm', '-n', 'shop', '-o', 'name']), '');
  });
});
