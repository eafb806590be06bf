// The in-memory loopback transport of the server's own control loops: the whole request
// pipeline, a per-process token that only that path accepts, watches that stream and end
// from either side, timeouts, Status errors and large bodies as over the network.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ConfigMap, Pod } from 'kubernetes-types/core/v1.d.ts';
import { Clientset } from '../../src/client/clientset.ts';
import { ApiStatusError, isAlreadyExists, isNotFound } from '../../src/client/errors.ts';
import type { WatchEvent } from '../../src/client/rest-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { until } from '../support/until.ts';

let server: TestServer;
before(async () => (server = await startTestServer({ backend: 'sqlite' })));
after(() => server.close());

const loopbackClients = () => {
  const loopback = server.server.loopback();
  return new Clientset({ server: server.url, token: loopback.token, transport: loopback.connect });
};
/** Requests and watches the server is still answering on the loopback. */
const openOnServer = () => server.server.loopback().openExchanges;

const statusCode = (code: number, reason?: string) => (error: unknown) => {
  assert.ok(error instanceof ApiStatusError, `expected an ApiStatusError, got ${String(error)}`);
  assert.equal(error.code, code);
  assert.equal(error.status.kind, 'Status');
  if (reason) assert.equal(error.reason, reason);
  return true;
};

test('the loopback connection takes the request pipeline as the admin system:apiserver', async () => {
  using clients = loopbackClients();
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
  await assert.rejects(wrongToken.namespaces.list(), statusCode(401, 'Unauthorized'));
  using noToken = new Clientset({ server: server.url, transport: loopback.connect });
  await assert.rejects(noToken.namespaces.list(), statusCode(401));
  // A write with a bad token never reaches the registry.
  await assert.rejects(wrongToken.namespaces.create({ metadata: { name: 'not-created' } }), statusCode(401));
  using clients = loopbackClients();
  await assert.rejects(clients.namespaces.get(undefined, 'not-created'), (e) => isNotFound(e));
});

test('admission and validation run on the loopback: an invalid pod is refused with 422', async () => {
  using clients = loopbackClients();
  const invalid: Pod = { metadata: { name: 'no-containers', namespace: 'default' }, spec: { containers: [] } };
  await assert.rejects(clients.pods.create(invalid), statusCode(422, 'Invalid'));
  // Admission adds the default not-ready toleration to a valid one.
  const created = await clients.pods.create({ metadata: { name: 'valid', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  assert.ok(created.spec?.tolerations?.some((t) => t.key === 'node.kubernetes.io/not-ready'));
});

test('4xx answers come back as ApiStatusError with the server Status', async () => {
  using clients = loopbackClients();
  await assert.rejects(clients.pods.get('default', 'missing'), (e) => isNotFound(e) && statusCode(404, 'NotFound')(e));
  const configMaps = clients.resource<ConfigMap>('configmaps');
  await configMaps.create({ metadata: { name: 'twice', namespace: 'default' } });
  await assert.rejects(configMaps.create({ metadata: { name: 'twice', namespace: 'default' } }), (e) => isAlreadyExists(e));
  await assert.rejects(clients.rest.request('GET', '/no/such/path'), statusCode(404));
  await assert.rejects(clients.rest.request('POST', '/api/v1/namespaces/default/configmaps', { body: '{not json' }), statusCode(400));
});

test('large bodies go through whole both ways; past the request limit the answer is 413', async () => {
  using clients = loopbackClients();
  const configMaps = clients.resource<ConfigMap>('configmaps');
  // 768 KiB of multi-byte text (ConfigMaps hold at most 1 MiB), byte for byte.
  const big = 'ä€x'.repeat(1 << 17);
  const created = await configMaps.create({ metadata: { name: 'big', namespace: 'default' }, data: { big } });
  assert.equal(created.data?.big, big);
  assert.equal((await configMaps.get('default', 'big')).data?.big, big);
  const tooBig = 'x'.repeat(4 << 20);
  await assert.rejects(configMaps.create({ metadata: { name: 'too-big', namespace: 'default' }, data: { tooBig } }), statusCode(413));
  await until(() => openOnServer() === 0, 'the loopback exchanges to end');
});

test('a watch streams events as the server writes them; closing it ends the watch on the server', async () => {
  using clients = loopbackClients();
  const namespace = 'watched';
  await clients.namespaces.create({ metadata: { name: namespace } });
  const configMaps = clients.resource<ConfigMap>('configmaps');
  const list = await configMaps.list(namespace);
  const watch = configMaps.watch(namespace, { resourceVersion: list.metadata?.resourceVersion ?? '' });
  const seen: Array<WatchEvent<ConfigMap>> = [];
  const iterating = (async () => {
    for await (const event of watch) seen.push(event);
  })();
  await until(() => openOnServer() === 1, 'the watch to be open on the server');
  for (let i = 0; i < 3; i++) {
    await configMaps.create({ metadata: { name: `cm-${i}`, namespace } });
    // Each event comes in while the watch stays open.
    await until(() => seen.length === i + 1, `event ${i}`);
  }
  assert.deepEqual(
    seen.map((e) => [e.type, e.object.metadata?.name]),
    [0, 1, 2].map((i) => ['ADDED', `cm-${i}`]),
  );
  watch.close();
  await iterating;
  await until(() => openOnServer() === 0, 'the server to end the closed watch');
  // The server no longer writes to it.
  await configMaps.create({ metadata: { name: 'after-close', namespace } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(seen.length, 3);
});

test('watch events on the loopback carry the cached objects themselves, not copies', async () => {
  using clients = loopbackClients();
  const configmaps = clients.resource<ConfigMap>('configmaps');
  const watch = configmaps.watch('default', { resourceVersion: '0' });
  const seen = new Promise<WatchEvent<ConfigMap>>((resolve) => {
    void (async () => {
      for await (const event of watch) if (event.object.metadata?.name === 'shared') return resolve(event);
    })();
  });
  await configmaps.create({ metadata: { name: 'shared', namespace: 'default' }, data: { a: '1' } });
  const event = await seen;
  watch.close();
  assert.equal(event.type, 'ADDED');
  assert.deepEqual(event.object.data, { a: '1' });
  // The test command freezes every cached object (scripts/test.sh): the one handed over is such an object.
  if (process.env.KUBETS_FREEZE_CACHED_OBJECTS === '1') assert.ok(Object.isFrozen(event.object.data), 'the watch cache object itself');
});

test('a watch the server ends (timeout, 410 Expired) ends the client iteration', async () => {
  using clients = loopbackClients();
  const started = performance.now();
  const timedOut = clients.namespaces.watch(undefined, { timeoutSeconds: 1 });
  for await (const event of timedOut) assert.equal(event.type, 'ADDED');
  assert.ok(performance.now() - started >= 900);

  const expired = clients.namespaces.watch(undefined, { resourceVersion: (await clients.namespaces.list()).metadata?.resourceVersion ?? '' });
  const events: string[] = [];
  const iterating = (async () => {
    for await (const event of expired) events.push(`${event.type} ${(event.object as { code?: number }).code ?? ''}`);
  })();
  await until(() => openOnServer() === 1, 'the watch to be open on the server');
  server.server.expireWatches('', 'namespaces');
  await iterating;
  assert.deepEqual(events, ['ERROR 410']);
  assert.equal(openOnServer(), 0);
});

test('a request without an answer in time fails, and the server sees the client go away', async () => {
  using clients = loopbackClients();
  // A watch through request(): the headers come at once, then nothing for longer than the timeout.
  await assert.rejects(clients.rest.request('GET', '/api/v1/namespaces', { query: { watch: 1, resourceVersion: '' }, timeoutMs: 200 }), /no answer in 200 ms/);
  await until(() => openOnServer() === 0, 'the server to end the abandoned request');
});

test('closing the client ends its watches on both sides, and it takes no more requests', async () => {
  const clients = loopbackClients();
  const watches = [clients.namespaces.watch(undefined), clients.pods.watch(undefined)];
  const iterating = watches.map(async (watch) => {
    for await (const _event of watch);
  });
  await until(() => openOnServer() === 2, 'the watches to be open on the server');
  clients.close();
  await Promise.all(iterating);
  await until(() => openOnServer() === 0, 'the server to end the watches');
  await assert.rejects(clients.namespaces.list(), /the client is closed/);
});

test('a closed server ends loopback watches and refuses new loopback requests', async () => {
  const own = await startTestServer({ backend: 'sqlite' });
  const loopback = own.server.loopback();
  using clients = new Clientset({ server: own.url, token: loopback.token, transport: loopback.connect });
  const watch = clients.namespaces.watch(undefined);
  const iterating = (async () => {
    for await (const _event of watch);
  })();
  await until(() => loopback.openExchanges === 1, 'the watch to be open on the server');
  await own.close();
  await iterating;
  assert.equal(loopback.openExchanges, 0);
  await assert.rejects(clients.namespaces.list(), /closed/);
});
