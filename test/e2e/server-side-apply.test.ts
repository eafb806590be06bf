// Server-side apply: managedFields per manager, conflicts naming the other manager,
// --force-conflicts, and the move from client-side apply.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const deployment = (replicas: number, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ssa
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ssa}
  template:
    metadata:
      labels: {app: ssa}
    spec:
      containers:
      - name: web
        image: ${image}
`;

interface ManagedFields {
  manager: string;
  operation: string;
  apiVersion: string;
  fieldsType: string;
  fieldsV1: Record<string, unknown>;
}

for (const version of ['1.33', '1.31'] as const) {
  describe(`server-side apply with kubectl ${version}`, { timeout: 120_000 }, () => {
    let cluster: TestServer;
    const dir = mkdtempSync(join(tmpdir(), 'kubets-ssa-'));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const managed = async (kind: string, name: string): Promise<ManagedFields[]> =>
      (JSON.parse(await cluster.kubectl.ok(['get', kind, name, '-o', 'json', '--show-managed-fields'])) as { metadata: { managedFields: ManagedFields[] } }).metadata.managedFields;

    before(async () => {
      cluster = await startTestServer({ kubectlVersion: version });
    });
    after(async () => {
      await cluster?.close();
    });

    it('records managedFields as upstream for a small case', async () => {
      const cm = file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\ndata:\n  a: "1"\n');
      assert.equal(await cluster.kubectl.ok(['apply', '--server-side', '-f', cm]), 'configmap/small serverside-applied\n');
      const [entry, ...rest] = await managed('configmap', 'small');
      assert.deepEqual(rest, []);
      assert.deepEqual(
        { manager: entry!.manager, operation: entry!.operation, apiVersion: entry!.apiVersion, fieldsType: entry!.fieldsType, fieldsV1: entry!.fieldsV1 },
        { manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } },
      );
    });

    it('refuses a second manager\'s change with a conflict naming the first, until --force-conflicts', async () => {
      assert.equal(await cluster.kubectl.ok(['apply', '--server-side', '-f', file('d1.yaml', deployment(2))]), 'deployment.apps/ssa serverside-applied\n');
      const other = file('d2.yaml', deployment(5));
      const conflict = await cluster.kubectl.run(['apply', '--server-side', '--field-manager=ops', '-f', other]);
      assert.equal(conflict.code, 1);
      assert.match(conflict.stderr, /Apply failed with 1 conflict: conflict with "kubectl": \.spec\.replicas\n/);
      assert.equal(await cluster.kubectl.ok(['get', 'deploy', 'ssa', '-o', 'jsonpath={.spec.replicas}']), '2');
      assert.equal(await cluster.kubectl.ok(['apply', '--server-side', '--field-manager=ops', '--force-conflicts', '-f', other]), 'deployment.apps/ssa serverside-applied\n');
      assert.equal(await cluster.kubectl.ok(['get', 'deploy', 'ssa', '-o', 'jsonpath={.spec.replicas}']), '5');
      const owners = await managed('deployment', 'ssa');
      const ops = owners.find((e) => e.manager === 'ops')!;
      assert.deepEqual((ops.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas'], {});
      const kubectl = owners.find((e) => e.manager === 'kubectl')!;
      assert.equal((kubectl.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas'], undefined, 'forcing took the field over');
    });

    it('applies server-side over an object made by client-side apply', async () => {
      const path = file('csa.yaml', deployment(1).replace('name: ssa', 'name: migrated'));
      assert.equal(await cluster.kubectl.ok(['apply', '-f', path]), 'deployment.apps/migrated created\n');
      const updated = file('csa2.yaml', deployment(1, 'nginx:1.28').replace('name: ssa', 'name: migrated'));
      assert.equal(await cluster.kubectl.ok(['apply', '--server-side', '-f', updated]), 'deployment.apps/migrated serverside-applied\n');
      assert.equal(await cluster.kubectl.ok(['get', 'deploy', 'migrated', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']), 'nginx:1.28');
    });

    it('rejects an unknown field in an apply under Strict, changing nothing', async () => {
      const bad = file('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: small\ndata:\n  a: "2"\nbogus: true\n');
      const result = await cluster.kubectl.run(['apply', '--server-side', '-f', bad]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, /unknown field "bogus"/);
      assert.equal(await cluster.kubectl.ok(['get', 'cm', 'small', '-o', 'jsonpath={.data.a}']), '1');
    });
  });
}
