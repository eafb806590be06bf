import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storedJson } from './json-bytes.ts';

// What the watch cache holds for a written object: resourceVersion last in its metadata.
const cachedForm = (object: { metadata: Record<string, unknown> }, revision: number) => {
  const { resourceVersion: _rv, ...metadata } = object.metadata;
  return { ...object, metadata: { ...metadata, resourceVersion: String(revision) } };
};

test('storedJson encodes the stored form without resourceVersion, and the cached form with the revision', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', resourceVersion: '7', labels: { 'metadata': '"metadata":{}' }, annotations: { note: 'é ✓ \u0000' } },
    spec: { containers: [{ name: 'c', image: 'busybox', env: [{ name: 'metadata', value: '{"metadata":1}' }] }] },
  };
  const encoded = storedJson(pod);
  const { resourceVersion: _rv, ...metadata } = pod.metadata;
  assert.equal(encoded.value.toString(), JSON.stringify({ ...pod, metadata }));
  assert.equal(encoded.withRevision(42).toString(), JSON.stringify(cachedForm(pod, 42)));
  assert.deepEqual(JSON.parse(encoded.withRevision(42).toString()).metadata.resourceVersion, '42');
});

test('storedJson handles metadata that is empty once the resourceVersion is gone, and metadata not first', () => {
  const object = { kind: 'ConfigMap', data: { a: 'b' }, metadata: { resourceVersion: '3' } };
  const encoded = storedJson(object);
  assert.equal(encoded.value.toString(), '{"kind":"ConfigMap","data":{"a":"b"},"metadata":{}}');
  assert.equal(encoded.withRevision(9).toString(), '{"kind":"ConfigMap","data":{"a":"b"},"metadata":{"resourceVersion":"9"}}');
  assert.equal(encoded.withRevision(9).toString(), JSON.stringify(cachedForm(object, 9)));
});
