// The in-memory loopback connection of the server's own control loops: the whole request
// pipeline, a per-process token that only that path accepts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Clientset } from '../../src/client/clientset.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
before(async () => (server = await startTestServer({ backend: 'sqlite' })));
after(() => server.close());

test('the loopback connection takes the request pipeline as the admin system:apiserver', async () => {
  const loopback = server.server.loopback();
  using clients = new Clientset({ server: server.url, token: loopback.token, transport: loopback.connect });
  const namespaces = await clients.namespaces.list();
  assert.ok(namespaces.items.some((n) => n.metadata?.name === 'kube-system'));
  // Validation still applies.
  await assert.rejects(clients.namespaces.create({ metadata: { name: 'Not_Valid' } }), /Invalid/);
  const created = await clients.namespaces.create({ metadata: { name: 'from-loopback' } });
  assert.equal(created.metadata?.name, 'from-loopback');
});

test('the loopback token is refused over the network, and a wrong token in memory', async () => {
  const loopback = server.server.loopback();
  using overNetwork = new Clientset({ server: server.url, caPem: server.certs.ca.certPem, token: loopback.token });
  await assert.rejects(overNetwork.namespaces.list(), (error: { code?: number }) => error.code === 401);
  using wrongToken = new Clientset({ server: server.url, token: 'not-the-token', transport: loopback.connect });
  await assert.rejects(wrongToken.namespaces.list(), (error: { code?: number }) => error.code === 401);
  using noToken = new Clientset({ server: server.url, transport: loopback.connect });
  await assert.rejects(noToken.namespaces.list(), (error: { code?: number }) => error.code === 401);
});
