// The API server driven by the real kubectl: what a user types and what they see.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { e2eBackends, startTestServer, type TestServer } from '../support/test-server.ts';

for (const backend of e2eBackends) {
  describe(`kubectl against kubets (${backend})`, { timeout: 300_000 }, () => {
    let cluster: TestServer;
    const files = mkdtempSync(join(tmpdir(), 'kubets-e2e-files-'));
    const file = (name: string, text: string) => {
      const path = join(files, name);
      writeFileSync(path, text);
      return path;
    };

    before(async () => {
      cluster = await startTestServer({ backend });
    });
    after(async () => {
      await cluster?.close();
    });

    it('reports Kubernetes 1.33, so the dispatcher runs kubectl 1.33', async () => {
      const version = JSON.parse(await cluster.kubectl.ok(['version', '-o', 'json'], { version: 'dispatcher' })) as {
        clientVersion: { minor: string };
        serverVersion: { minor: string; gitVersion: string };
      };
      assert.equal(version.serverVersion.minor, '33');
      assert.match(version.serverVersion.gitVersion, /^v1\.33\.0-kubets\./);
      assert.equal(version.clientVersion.minor, '33');
    });

    it('lists the initial namespaces', async () => {
      const out = await cluster.kubectl.ok(['get', 'namespaces']);
      const lines = out.trim().split('\n');
      assert.match(lines[0]!, /^NAME\s+STATUS\s+AGE$/);
      assert.deepEqual(
        lines.slice(1).map((line) => line.split(/\s+/).slice(0, 2)),
        [
          ['default', 'Active'],
          ['kube-node-lease', 'Active'],
          ['kube-public', 'Active'],
          ['kube-system', 'Active'],
        ],
      );
    });

    it('creates a namespace and a configmap with kubectl 1.33 (protobuf) and 1.31 (JSON)', async () => {
      assert.equal(await cluster.kubectl.ok(['create', 'namespace', 'demo']), 'namespace/demo created\n');
      assert.equal(await cluster.kubectl.ok(['-n', 'demo', 'create', 'configmap', 'cm1', '--from-literal=a=b']), 'configmap/cm1 created\n');
      assert.equal(await cluster.kubectl.ok(['-n', 'demo', 'create', 'configmap', 'cm2', '--from-literal=c=d'], { version: '1.31' }), 'configmap/cm2 created\n');
      const cm = JSON.parse(await cluster.kubectl.ok(["-n", "demo", "get", "configmap", "cm1", "-o", "json"])) as { data: unknown; metadata: { namespace: string; uid: string } };
      assert.deepEqual(cm.data, { a: 'b' });
      assert.equal(cm.metadata.namespace, 'demo');
      assert.match(cm.metadata.uid, /^[0-9a-f-]{36}$/);
      const out = await cluster.kubectl.ok(['-n', 'demo', 'get', 'configmaps']);
      assert.match(out, /^NAME\s+DATA\s+AGE\n/);
      assert.match(out, /\ncm1\s+1\s+\d+s\n/);
    });

    it('creates from YAML with several documents, validating without --validate=false', async () => {
      const manifest = file(
        'app.yaml',
        `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {app: web, tier: front}
data:
  mode: fast
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  labels: {app: web, tier: back}
stringData:
  password: hunter2
`,
      );
      const out = await cluster.kubectl.ok(['-n', 'demo', 'create', '-f', manifest]);
      assert.equal(out, 'configmap/settings created\nsecret/creds created\n');
      const secret = JSON.parse(await cluster.kubectl.ok(['-n', 'demo', 'get', 'secret', 'creds', '-o', 'json'])) as { data: Record<string, string> };
      assert.equal(Buffer.from(secret.data.password!, 'base64').toString(), 'hunter2');
    });

    it('selects by labels, set-based too, and shows them', async () => {
      const names = async (args: string[]) => (await cluster.kubectl.ok(['-n', 'demo', 'get', 'cm,secret', ...args, '-o', 'name'])).trim().split('\n').filter(Boolean);
      assert.deepEqual(await names(['-l', 'app=web']), ['configmap/settings', 'secret/creds']);
      assert.deepEqual(await names(['-l', 'tier in (front)']), ['configmap/settings']);
      assert.deepEqual(await names(['-l', 'tier notin (front),app']), ['secret/creds']);
      assert.deepEqual(await names(['-l', '!tier']), ['configmap/cm1', 'configmap/cm2']);
      const shown = await cluster.kubectl.ok(['-n', 'demo', 'get', 'cm', 'settings', '--show-labels']);
      assert.match(shown, /LABELS\n/);
      assert.match(shown, /app=web,tier=front/);
      const column = await cluster.kubectl.ok(['-n', 'demo', 'get', 'cm', '-L', 'tier']);
      assert.match(column, /settings\s+1\s+\S+\s+front/);
    });

    it('labels and annotates, refusing to overwrite without --overwrite', async () => {
      assert.equal(await cluster.kubectl.ok(['-n', 'demo', 'label', 'cm', 'cm1', 'color=blue']), 'configmap/cm1 labeled\n');
      const refused = await cluster.kubectl.run(['-n', 'demo', 'label', 'cm', 'cm1', 'color=red']);
      assert.notEqual(refused.code, 0);
      assert.match(refused.stderr, /already has a value \(blue\), and --overwrite is false/);
      await cluster.kubectl.ok(['-n', 'demo', 'label', 'cm', 'cm1', 'color=red', '--overwrite']);
      await cluster.kubectl.ok(['-n', 'demo', 'annotate', 'cm', 'cm1', 'note=hello']);
      const out = await cluster.kubectl.ok(['-n', 'demo', 'get', 'cm', 'cm1', '-o', 'jsonpath={.metadata.labels.color} {.metadata.annotations.note}']);
      assert.equal(out, 'red hello');
    });

    it('answers a missing object with the upstream NotFound message', async () => {
      const result = await cluster.kubectl.run(['-n', 'demo', 'get', 'configmap', 'nope']);
      assert.equal(result.code, 1);
      assert.equal(result.stderr.trim(), 'Error from server (NotFound): configmaps "nope" not found');
    });

    it('refuses a duplicate with AlreadyExists', async () => {
      const result = await cluster.kubectl.run(['-n', 'demo', 'create', 'configmap', 'cm1']);
      assert.equal(result.code, 1);
      assert.equal(result.stderr.trim(), 'error: failed to create configmap: configmaps "cm1" already exists');
      const manifest = file('dup.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm1\n');
      const fromFile = await cluster.kubectl.run(['-n', 'demo', 'create', '-f', manifest]);
      assert.equal(fromFile.stderr.trim(), `Error from server (AlreadyExists): error when creating "${manifest}": configmaps "cm1" already exists`);
    });

    it('filters by field selector and rejects unknown field labels', async () => {
      const out = await cluster.kubectl.ok(['get', 'cm', '-A', '--field-selector', 'metadata.name=cm2', '-o', 'name']);
      assert.equal(out, 'configmap/cm2\n');
      const bad = await cluster.kubectl.run(['get', 'cm', '-A', '--field-selector', 'spec.nope=x']);
      assert.notEqual(bad.code, 0);
      assert.equal(
        bad.stderr.trim(),
        'Error from server (BadRequest): Unable to find "/v1, Resource=configmaps" that match label selector "", field selector "spec.nope=x": "spec.nope" is not a known field selector: only "metadata.name", "metadata.namespace"',
      );
      const pods = await cluster.kubectl.run(['get', 'pods', '-A', '--field-selector', 'spec.nope=x']);
      assert.match(pods.stderr, /field selector "spec\.nope=x": field label not supported: spec\.nope\n$/);
      const none = await cluster.kubectl.run(['get', 'pods', '-A', '--field-selector', 'status.phase=Running']);
      assert.deepEqual([none.code, none.stdout, none.stderr], [0, '', 'No resources found\n']);
    });

    it('prints api-resources and api-versions from discovery', async () => {
      const resources = await cluster.kubectl.ok(['api-resources']);
      assert.match(resources, /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\n/);
      assert.match(resources, /\npods\s+po\s+v1\s+true\s+Pod\n/);
      assert.match(resources, /\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\n/);
      const versions = (await cluster.kubectl.ok(['api-versions'])).trim().split('\n');
      for (const v of ['v1', 'apps/v1', 'batch/v1', 'autoscaling/v2', 'autoscaling/v1', 'networking.k8s.io/v1', 'rbac.authorization.k8s.io/v1']) {
        assert.ok(versions.includes(v), `api-versions lists ${v}`);
      }
    });

    it('watches with -w until the timeout', async () => {
      const watching = cluster.kubectl.run(['-n', 'demo', 'get', 'cm', '-w', '--request-timeout=3s']);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await cluster.kubectl.ok(['-n', 'demo', 'create', 'configmap', 'watched']);
      const result = await watching;
      const lines = result.stdout.trim().split('\n');
      assert.match(lines[0]!, /^NAME\s+DATA\s+AGE$/);
      assert.equal(lines.filter((line) => line.startsWith('NAME')).length, 1, 'one header');
      assert.ok(lines.some((line) => /^watched\s+0\s/.test(line)), result.stdout);
    });

    it('deletes by name, by label and all, and a namespace with kubectl delete', async () => {
      assert.equal(await cluster.kubectl.ok(['-n', 'demo', 'delete', 'cm', 'watched']), 'configmap "watched" deleted\n');
      assert.equal(await cluster.kubectl.ok(['-n', 'demo', 'delete', 'cm', '-l', 'app=web']), 'configmap "settings" deleted\n');
      const all = await cluster.kubectl.ok(['-n', 'demo', 'delete', 'secret', '--all']);
      assert.equal(all, 'secret "creds" deleted\n');
      assert.equal(await cluster.kubectl.ok(['-n', 'demo', 'get', 'secret', '-o', 'name']), '');
    });
  });
}
