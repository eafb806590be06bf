// Write paths as kubectl users take them: client-side apply across changes, strategic
// merge, JSON and merge patches, set image, edit, replace, and immutable fields.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiClient } from '../support/api-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Container {
  name: string;
  image: string;
  ports?: Array<{ containerPort: number; name?: string }>;
  env?: Array<{ name: string; value: string }>;
}
interface Deployment {
  metadata: { generation: number; annotations?: Record<string, string> };
  spec: { replicas: number; selector: unknown; template: { spec: { containers: Container[]; volumes?: Array<{ name: string }> } } };
}

const deployment = (containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
${containers}`;

for (const version of ['1.33', '1.31', 'dispatcher'] as const) {
  describe(`patch and apply with kubectl ${version}`, { timeout: 180_000 }, () => {
    let cluster: TestServer;
    const dir = mkdtempSync(join(tmpdir(), 'kubets-apply-'));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const get = async (): Promise<Deployment> => JSON.parse(await cluster.kubectl.ok(['get', 'deployment', 'shop', '-o', 'json'])) as Deployment;

    before(async () => {
      cluster = await startTestServer({ kubectlVersion: version });
    });
    after(async () => {
      await cluster?.close();
    });

    it('applies three times: created, configured (add a container, change an image, drop a port), unchanged', async () => {
      const first = file(
        'v1.yaml',
        deployment(`      - name: web
        image: nginx:1.26
        ports:
        - {containerPort: 80, name: http}
        - {containerPort: 9090, name: metrics}
`),
      );
      assert.equal(await cluster.kubectl.ok(['apply', '-f', first]), 'deployment.apps/shop created\n');
      const created = await get();
      assert.ok(created.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']);
      const second = file(
        'v2.yaml',
        deployment(`      - name: web
        image: nginx:1.27
        ports:
        - {containerPort: 80, name: http}
      - name: sidecar
        image: busybox:1.36
`),
      );
      assert.equal(await cluster.kubectl.ok(['apply', '-f', second]), 'deployment.apps/shop configured\n');
      const updated = await get();
      assert.deepEqual(
        updated.spec.template.spec.containers.map((c) => [c.name, c.image, (c.ports ?? []).map((p) => p.containerPort)]),
        [
          ['web', 'nginx:1.27', [80]],
          ['sidecar', 'busybox:1.36', []],
        ],
      );
      assert.equal(updated.metadata.generation, 2);
      assert.equal(await cluster.kubectl.ok(['apply', '-f', second]), 'deployment.apps/shop unchanged\n');
      assert.equal((await get()).metadata.generation, 2);
    });

    it('merges a strategic patch by key, deletes one item with $patch: delete, and replaces lists with a merge patch', async () => {
      await cluster.kubectl.ok([
        'patch',
        'deployment',
        'shop',
        '--type=strategic',
        '-p',
        JSON.stringify({
          spec: {
            template: {
              spec: {
                containers: [{ name: 'web', env: [{ name: 'MODE', value: 'fast' }], ports: [{ containerPort: 8443, name: 'https' }] }],
                volumes: [{ name: 'cache', emptyDir: {} }],
              },
            },
          },
        }),
      ]);
      let web = (await get()).spec.template.spec.containers.find((c) => c.name === 'web')!;
      assert.deepEqual(web.env, [{ name: 'MODE', value: 'fast' }]);
      assert.deepEqual(web.ports!.map((p) => p.containerPort).sort(), [80, 8443]);
      assert.equal(web.image, 'nginx:1.27');
      await cluster.kubectl.ok(['patch', 'deployment', 'shop', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}']);
      assert.deepEqual((await get()).spec.template.spec.containers.map((c) => c.name), ['web']);
      await cluster.kubectl.ok(['patch', 'deployment', 'shop', '--type=merge', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"busybox:1.36"}]}}}}']);
      const containers = (await get()).spec.template.spec.containers;
      assert.deepEqual(containers.map((c) => [c.name, c.image]), [['only', 'busybox:1.36']]);
      web = containers[0]!;
      assert.equal(web.env, undefined);
    });

    it('patches with a JSON patch, and answers a failing one with 422', async () => {
      await cluster.kubectl.ok(['patch', 'deployment', 'shop', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]']);
      assert.equal((await get()).spec.replicas, 4);
      const failed = await cluster.kubectl.run(['patch', 'deployment', 'shop', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":9}]']);
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /the server rejected our request due to an error in our request/);
      assert.equal((await get()).spec.replicas, 4);
    });

    it('sets an image and edits with KUBE_EDITOR', async () => {
      assert.equal(await cluster.kubectl.ok(['set', 'image', 'deployment/shop', 'only=busybox:1.37']), 'deployment.apps/shop image updated\n');
      assert.equal((await get()).spec.template.spec.containers[0]!.image, 'busybox:1.37');
      const editor = file('editor.sh', '#!/bin/sh\nsed -i "s/replicas: 4/replicas: 6/" "$1"\n');
      chmodSync(editor, 0o755);
      assert.equal(await cluster.kubectl.ok(['edit', 'deployment', 'shop'], { env: { KUBE_EDITOR: editor } }), 'deployment.apps/shop edited\n');
      assert.equal((await get()).spec.replicas, 6);
    });

    it('replaces an object, and refuses to change an immutable selector', async () => {
      const json = await cluster.kubectl.ok(['get', 'deployment', 'shop', '-o', 'json']);
      const replaced = file('replace.json', json.replace('"replicas": 6', '"replicas": 2'));
      assert.equal(await cluster.kubectl.ok(['replace', '-f', replaced]), 'deployment.apps/shop replaced\n');
      assert.equal((await get()).spec.replicas, 2);
      const result = await cluster.kubectl.run(['patch', 'deployment', 'shop', '--type=merge', '-p', '{"spec":{"selector":{"matchLabels":{"app":"other"}}}}']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /The Deployment "shop" is invalid: \n\* spec\.template\.metadata\.labels: [^\n]*\n\* spec\.selector: Invalid value: [^\n]*: field is immutable\n/);
      assert.deepEqual((await get()).spec.selector, { matchLabels: { app: 'shop' } });
    });

    it('rejects a deployment whose selector does not match its template, changing nothing', async () => {
      const bad = file('bad.yaml', deployment('      - {name: x, image: busybox}\n').replace('name: shop', 'name: broken').replace('matchLabels: {app: shop}', 'matchLabels: {app: nope}'));
      const result = await cluster.kubectl.run(['create', '-f', bad]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /The Deployment "broken" is invalid: spec\.template\.metadata\.labels: Invalid value: .*`selector` does not match template `labels`/);
      assert.equal((await cluster.kubectl.run(['get', 'deployment', 'broken'])).code, 1);
    });
  });
}

describe('bad patches', { timeout: 60_000 }, () => {
  let cluster: TestServer;
  let api: ApiClient;
  const path = '/apis/apps/v1/namespaces/default/deployments/shop';
  const patch = (body: string, contentType: string) => api.send('PATCH', path, body, { 'content-type': contentType });

  before(async () => {
    cluster = await startTestServer();
    api = new ApiClient(cluster);
    await cluster.kubectl.ok(['create', 'deployment', 'shop', '--image=nginx:1.27']);
  });
  after(async () => {
    await cluster?.close();
  });

  it('answers each with an upstream-shaped error and changes nothing', async () => {
    const before = (await api.send<{ metadata: { resourceVersion: string } }>('GET', path)).body.metadata.resourceVersion;
    const wrongType = await patch('[{"op":"replace","path":"/spec/replicas","value":3}]', 'application/merge-patch+json');
    assert.deepEqual([wrongType.status, wrongType.body.message], [400, 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}']);
    const failedTest = await patch('[{"op":"test","path":"/spec/replicas","value":9}]', 'application/json-patch+json');
    assert.deepEqual([failedTest.status, failedTest.body.reason, failedTest.body.message], [422, 'Invalid', 'the server rejected our request due to an error in our request']);
    const missingKey = await patch('{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}', 'application/strategic-merge-patch+json');
    assert.equal(missingKey.status, 500);
    assert.match(String(missingKey.body.message), /does not contain declared merge key: name/);
    const unknown = await api.send('PATCH', `${path}?fieldValidation=Strict`, '{"spec":{"replicaz":3}}', { 'content-type': 'application/merge-patch+json' });
    assert.equal(unknown.status, 400);
    assert.match(String(unknown.body.message), /strict decoding error: unknown field "spec\.replicaz"/);
    const unsupported = await patch('{}', 'application/xml');
    assert.equal(unsupported.status, 415);
    assert.equal((await api.send<{ metadata: { resourceVersion: string } }>('GET', path)).body.metadata.resourceVersion, before);
  });
});
