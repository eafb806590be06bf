import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Indexer, keyOf, splitKey } from './indexer.ts';
import type { KubeObject } from './resource-client.ts';

interface PodLike extends KubeObject {
  spec?: { nodeName?: string };
}

const pod = (namespace: string, name: string, nodeName = ''): PodLike => ({ metadata: { namespace, name }, spec: { nodeName } });

it('keys objects as namespace/name (name alone when cluster-scoped) and splits them back', () => {
  assert.equal(keyOf(pod('default', 'web')), 'default/web');
  assert.equal(keyOf({ metadata: { name: 'node-1' } }), 'node-1');
  assert.deepEqual(splitKey('default/web'), { namespace: 'default', name: 'web' });
  assert.deepEqual(splitKey('node-1'), { namespace: undefined, name: 'node-1' });
});

it('keeps indexes current through adds, replacements and deletes', () => {
  const store = new Indexer<PodLike>({ node: (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []) });
  store.set(pod('a', 'one', 'n1'));
  store.set(pod('a', 'two', 'n1'));
  store.set(pod('b', 'three'));
  assert.deepEqual(store.byIndex('namespace', 'a').map(keyOf).sort(), ['a/one', 'a/two']);
  assert.deepEqual(store.byIndex('node', 'n1').map(keyOf).sort(), ['a/one', 'a/two']);
  store.set(pod('a', 'two', 'n2'));
  assert.deepEqual(store.byIndex('node', 'n1').map(keyOf), ['a/one']);
  assert.deepEqual(store.byIndex('node', 'n2').map(keyOf), ['a/two']);
  store.delete('a/one');
  assert.deepEqual(store.byIndex('node', 'n1'), []);
  assert.equal(store.getByName('b', 'three')?.metadata?.name, 'three');
  assert.equal(store.size, 2);
  assert.throws(() => store.byIndex('missing', 'x'), /no index named missing/);
});

it('adds an index later, filing what is cached', () => {
  const store = new Indexer<PodLike>();
  store.set(pod('a', 'one', 'n1'));
  store.addIndex('node', (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []));
  store.set(pod('a', 'two', 'n1'));
  assert.deepEqual(store.byIndex('node', 'n1').map(keyOf).sort(), ['a/one', 'a/two']);
});
