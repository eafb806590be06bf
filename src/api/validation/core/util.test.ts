import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldPath } from '../../../apimachinery/field.ts';
import { parseQuantity, semanticEqual, validateContainerResourceName } from './util.ts';

describe('semanticEqual', () => {
  it('treats absent, null and empty lists as equal, and compares every key of either side', () => {
    assert.equal(semanticEqual(undefined, []), true);
    assert.equal(semanticEqual({ a: null }, {}), true);
    assert.equal(semanticEqual({ a: [] }, { b: undefined }), true);
    assert.equal(semanticEqual({ a: 1 }, { a: 1, b: 2 }), false);
    assert.equal(semanticEqual({ a: 1, b: 2 }, { a: 1 }), false);
    assert.equal(semanticEqual({ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'x' }] } }), true);
    assert.equal(semanticEqual({ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }), false);
    assert.equal(semanticEqual([1, 2], [1]), false);
    assert.equal(semanticEqual({}, []), false);
    assert.equal(semanticEqual({ a: 1 }, [1]), false);
  });
});

describe('parseQuantity', () => {
  it('gives the same value for a string every time, and undefined for what does not parse', () => {
    for (let i = 0; i < 2; i++) {
      assert.equal(parseQuantity('100m')?.toString(), '100m');
      assert.equal(parseQuantity('0.5')?.toString(), '500m');
      assert.equal(parseQuantity('bad'), undefined);
      assert.equal(parseQuantity(2)?.toString(), '2');
      assert.equal(parseQuantity(undefined), undefined);
    }
  });
});

describe('validateContainerResourceName', () => {
  it('reports bad names every time and valid ones never', () => {
    const path = FieldPath.root('resources').child('limits');
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(validateContainerResourceName('cpu', path.key('cpu')), []);
      assert.deepEqual(validateContainerResourceName('example.com/gpu', path.key('example.com/gpu')), []);
      assert.deepEqual(
        validateContainerResourceName('pods', path.key('pods')).map((e) => e.detail),
        ['must be a standard resource for containers'],
      );
    }
  });
});
