// Every manifest in the seed tutorials applies with kubectl, in tutorial order, and
// reads back in its own API version.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { resources } from '../../src/api/resources.ts';
import { seedManifests } from '../support/seed-manifests.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Manifests without a name are fragments; `kind: pod` (a typo in one tutorial) is not a
// kind upstream serves either.
const manifests = seedManifests().filter(({ object }) => (object.metadata as { name?: string } | undefined)?.name && resources.some((r) => r.kind === object.kind));

describe('the seed tutorials\' manifests', { timeout: 300_000, skip: manifests.length === 0 ? 'shared/seeds is not here' : false }, () => {
  let cluster: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'kubets-seeds-'));

  before(async () => {
    cluster = await startTestServer();
  });
  after(async () => {
    await cluster?.close();
  });

  it('applies each one and reads it back in its own version', async () => {
    const failures: string[] = [];
    for (const [i, { name, object }] of manifests.entries()) {
      const path = join(dir, `${i}.yaml`);
      writeFileSync(path, stringify(object));
      const applied = await cluster.kubectl.run(['apply', '-f', path]);
      if (applied.code !== 0) {
        failures.push(`${name}: kubectl apply: ${applied.stderr.trim()}`);
        continue;
      }
      const [group, version] = String(object.apiVersion).includes('/') ? String(object.apiVersion).split('/') : ['', String(object.apiVersion)];
      const metadata = object.metadata as { name: string; namespace?: string };
      const plural = resources.find((r) => r.kind === object.kind && r.group === group)!.plural;
      const resource = group ? `${plural}.${version}.${group}` : plural;
      const read = await cluster.kubectl.run(['get', resource, metadata.name, ...(metadata.namespace ? ['-n', metadata.namespace] : []), '-o', 'jsonpath={.apiVersion} {.metadata.name}']);
      if (read.stdout !== `${String(object.apiVersion)} ${metadata.name}`) failures.push(`${name}: read back as "${read.stdout}" ${read.stderr.trim()}`);
    }
    assert.deepEqual(failures, []);
  });
});
