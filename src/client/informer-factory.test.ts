import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Namespace } from 'kubernetes-types/core/v1.d.ts';
import { startTestServer, type TestServer } from '../../test/support/test-server.ts';
import { Clientset } from './clientset.ts';
import { InformerFactory } from './informer-factory.ts';

let server: TestServer;
before(async () => (server = await startTestServer({ backend: 'sqlite' })));
after(() => server.close());

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(check());
};

test('scopes share one informer; a stopped scope loses its handlers; the last one stops the informers', async () => {
  const loopback = server.server.loopback();
  using clients = new Clientset({ server: server.url, token: loopback.token, transport: loopback.connect });
  const factory = new InformerFactory(clients);
  const a = factory.scope();
  const b = factory.scope();
  const seenA: string[] = [];
  const seenB: string[] = [];
  const informerA = a.informer<Namespace>('namespaces');
  informerA.addEventHandlers({ onAdd: (n) => seenA.push(n.metadata!.name!) });
  a.start();
  await a.waitForSync();
  // B asks later: the same cache, and its handlers first see everything cached.
  const informerB = b.informer<Namespace>('namespaces');
  assert.equal(informerB.store, informerA.store);
  informerB.addEventHandlers({ onAdd: (n) => seenB.push(n.metadata!.name!) });
  b.start();
  await b.waitForSync();
  assert.ok(informerB.hasSynced());
  assert.ok(seenB.includes('kube-system'));

  await a.stop();
  await clients.namespaces.create({ metadata: { name: 'after-a-stopped' } });
  await until(() => seenB.includes('after-a-stopped'));
  assert.ok(!seenA.includes('after-a-stopped'));

  await b.stop();
  // A new term lists afresh.
  const c = factory.scope();
  const informerC = c.informer<Namespace>('namespaces');
  assert.notEqual(informerC.store, informerA.store);
  c.start();
  await c.waitForSync();
  assert.ok(informerC.store.getByName(undefined, 'after-a-stopped'));
  await c.stop();
});
