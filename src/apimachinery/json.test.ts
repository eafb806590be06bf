import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deepCopyJson, jsonEqual } from './json.ts';

test('deepCopyJson copies every level, sharing nothing', () => {
  const value = { a: [1, { b: 'x' }], c: { d: null, e: true } };
  const copy = deepCopyJson(value);
  assert.deepEqual(copy, value);
  assert.notEqual(copy.a, value.a);
  assert.notEqual(copy.a[1], value.a[1]);
  assert.notEqual(copy.c, value.c);
  assert.equal(deepCopyJson('s'), 's');
  assert.equal(deepCopyJson(null), null);
});

test('jsonEqual compares as the JSON encodings would, member order aside', () => {
  assert.ok(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
  assert.ok(jsonEqual({ a: 1, gone: undefined }, { a: 1 }));
  assert.ok(jsonEqual({ a: 1 }, { a: 1, gone: undefined }));
  assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
  assert.ok(!jsonEqual({ a: 1, b: 2 }, { a: 1 }));
  assert.ok(!jsonEqual([1, 2], [2, 1]));
  assert.ok(!jsonEqual({ a: [] }, { a: {} }));
  assert.ok(!jsonEqual({ a: null }, { a: {} }));
  assert.ok(!jsonEqual({ a: '1' }, { a: 1 }));
  assert.ok(jsonEqual(null, null));
});
