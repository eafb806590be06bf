// Lists and watches on the wire: resourceVersion semantics, pagination that stays
// consistent while writes happen, watch bookmarks, timeouts, 410 Expired, and
// single-object watches with the synthetic ADDED.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient } from '../support/api-client.ts';
import { e2eBackends, startTestServer, type TestServer } from '../support/test-server.ts';

interface List<Extra = object> {
  metadata: { resourceVersion: string; continue?: string };
  items: Array<{ metadata: { name: string; resourceVersion: string } } & Extra>;
}

const cm = (name: string, value = '1') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { set: 'paging' } }, data: { value } });

for (const backend of e2eBackends) describe(`lists and watches (${backend})`, { timeout: 120_000 }, () => {
  let cluster: TestServer;
  let api: ApiClient;
  const path = '/api/v1/namespaces/default/configmaps';

  before(async () => {
    cluster = await startTestServer({ backend, watchCacheCapacity: 20, bookmarkIntervalMs: 200 });
    api = new ApiClient(cluster);
  });
  after(async () => {
    await cluster?.close();
  });

  it('pages with limit and continue, consistently while writes happen', async () => {
    for (let i = 0; i < 7; i++) assert.equal((await api.send('POST', path, cm(`page-${i}`))).status, 201);
    const first = (await api.send<List>('GET', `${path}?limit=3&labelSelector=set%3Dpaging`)).body;
    assert.deepEqual(first.items.map((i) => i.metadata.name), ['page-0', 'page-1', 'page-2']);
    assert.ok(first.metadata.continue);
    // Writes between pages do not show in later pages of the same list.
    await api.send('DELETE', `${path}/page-5`);
    await api.send('POST', path, cm('page-3a'));
    const names = first.items.map((i) => i.metadata.name);
    let token: string | undefined = first.metadata.continue;
    while (token) {
      const page: List = (await api.send<List>("GET", `${path}?limit=3&labelSelector=set%3Dpaging&continue=${encodeURIComponent(token)}`)).body;
      assert.equal(page.metadata.resourceVersion, first.metadata.resourceVersion, 'every page is read at the first page\'s revision');
      names.push(...page.items.map((i) => i.metadata.name));
      token = page.metadata.continue;
    }
    assert.deepEqual(names, ['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
    const kubectl = await cluster.kubectl.ok(['get', 'cm', '-l', 'set=paging', '--chunk-size=2', '-o', 'name']);
    assert.equal(kubectl, ['page-0', 'page-1', 'page-2', 'page-3', 'page-3a', 'page-4', 'page-6'].map((n) => `configmap/${n}\n`).join(''));
    const bad = await api.send('GET', `${path}?limit=3&continue=garbage`);
    assert.equal(bad.status, 400);
  });

  it('reads at an exact older revision, and waits, then times out, for a future one', async () => {
    const created = (await api.send<{ metadata: { resourceVersion: string } }>('POST', path, cm('history', 'old'))).body;
    await api.send('PUT', `${path}/history`, cm('history', 'new'));
    const old = (await api.send<List<{ data: { value: string } }>>('GET', `${path}?resourceVersion=${created.metadata.resourceVersion}&resourceVersionMatch=Exact&fieldSelector=metadata.name%3Dhistory`)).body;
    assert.deepEqual(old.items.map((i) => i.data.value), ['old']);
    assert.equal(old.metadata.resourceVersion, created.metadata.resourceVersion);
    const fromCache = (await api.send<{ data: { value: string } }>('GET', `${path}/history?resourceVersion=0`)).body;
    assert.equal(fromCache.data.value, 'new');
    const future = await api.send('GET', `${path}?resourceVersion=99999999`);
    assert.equal(future.status, 504);
    assert.equal(future.body.reason, 'Timeout');
    assert.match(String(future.body.message), /^Too large resource version: 99999999, current: \d+$/);
  });

  it('watches from a revision, with bookmarks, and ends at timeoutSeconds', async () => {
    const rv = (await api.send<List>('GET', path)).body.metadata.resourceVersion;
    const watch = api.watch(`${path}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=2`);
    await api.send('POST', path, cm('watched'));
    await api.send('PATCH', `${path}/watched`, { data: { value: '2' } }, { 'content-type': 'application/merge-patch+json' });
    await api.send('DELETE', `${path}/watched`);
    await watch.ended;
    const changes = watch.events.filter((e) => e.type !== 'BOOKMARK');
    assert.deepEqual(changes.map((e) => [e.type, (e.object.metadata as { name: string }).name]), [
      ['ADDED', 'watched'],
      ['MODIFIED', 'watched'],
      ['DELETED', 'watched'],
    ]);
    const bookmark = watch.events.find((e) => e.type === 'BOOKMARK');
    assert.ok(bookmark, 'a bookmark arrived');
    assert.deepEqual(Object.keys(bookmark.object).sort(), ['apiVersion', 'kind', 'metadata']);
    assert.match((bookmark.object.metadata as { resourceVersion: string }).resourceVersion, /^\d+$/);
  });

  it('starts a single-object watch with a synthetic ADDED', async () => {
    await api.send('POST', path, cm('single'));
    const watch = api.watch(`${path}?watch=true&fieldSelector=metadata.name%3Dsingle&resourceVersion=0&timeoutSeconds=1`);
    await api.send('POST', path, cm('other'));
    await watch.ended;
    assert.deepEqual(watch.events.map((e) => [e.type, (e.object.metadata as { name: string }).name]), [['ADDED', 'single']]);
  });

  it('answers a watch from a revision no longer held with a 410 Expired event', async () => {
    const rv = (await api.send<List>('GET', path)).body.metadata.resourceVersion;
    for (let i = 0; i < 25; i++) await api.send('POST', path, cm(`churn-${i}`));
    const watch = api.watch(`${path}?watch=true&resourceVersion=${rv}`);
    await watch.ended;
    assert.equal(watch.events.length, 1);
    assert.equal(watch.events[0]!.type, 'ERROR');
    assert.equal(watch.events[0]!.object.code, 410);
    assert.equal(watch.events[0]!.object.reason, 'Expired');
  });

  it('drops a watched object that stops matching the selector', async () => {
    await api.send('POST', path, { ...cm('mover'), metadata: { name: 'mover', labels: { team: 'a' } } });
    const watch = api.watch(`${path}?watch=true&labelSelector=team%3Da&timeoutSeconds=1`);
    await watch.until(1);
    await api.send('PATCH', `${path}/mover`, { metadata: { labels: { team: 'b' } } }, { 'content-type': 'application/merge-patch+json' });
    await watch.ended;
    assert.deepEqual(watch.events.map((e) => e.type), ['ADDED', 'DELETED']);
  });
});
