import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyJsonPatch,
  decodeJsonPatch,
  decodePointerToken,
  encodePointerToken,
  JsonPatchDecodeError,
  JsonPatchError,
  JsonPatchPanic,
  strictJsonPatchErrors,
} from './json-patch.ts';

/** Asserts that applying fails with exactly this (evanphx/json-patch) message. */
function assertFails(doc: unknown, patch: unknown, message: string): void {
  assert.throws(
    () => applyJsonPatch(doc, patch),
    (error: unknown) => error instanceof JsonPatchError && error.message === message,
    message,
  );
}

describe('RFC 6902 appendix A examples', () => {
  it('A.1 adds an object member', () => {
    assert.deepEqual(applyJsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }]), { baz: 'qux', foo: 'bar' });
  });
  it('A.2 adds an array element', () => {
    assert.deepEqual(applyJsonPatch({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }]), { foo: ['bar', 'qux', 'baz'] });
  });
  it('A.3 removes an object member', () => {
    assert.deepEqual(applyJsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }]), { foo: 'bar' });
  });
  it('A.4 removes an array element', () => {
    assert.deepEqual(applyJsonPatch({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }]), { foo: ['bar', 'baz'] });
  });
  it('A.5 replaces a value', () => {
    assert.deepEqual(applyJsonPatch({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }]), { baz: 'boo', foo: 'bar' });
  });
  it('A.6 moves a value', () => {
    const doc = { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } };
    assert.deepEqual(applyJsonPatch(doc, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }]), {
      foo: { bar: 'baz' },
      qux: { corge: 'grault', thud: 'fred' },
    });
  });
  it('A.7 moves an array element', () => {
    assert.deepEqual(applyJsonPatch({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }]), {
      foo: ['all', 'cows', 'eat', 'grass'],
    });
  });
  it('A.8 tests a value: success', () => {
    const doc = { baz: 'qux', foo: ['a', 2, 'c'] };
    const patch = [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ];
    assert.deepEqual(applyJsonPatch(doc, patch), doc);
  });
  it('A.9 tests a value: error', () => {
    assertFails({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }], 'testing value /baz failed: test failed');
  });
  it('A.10 adds a nested member object', () => {
    assert.deepEqual(applyJsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }]), {
      foo: 'bar',
      child: { grandchild: {} },
    });
  });
  it('A.11 ignores unrecognized elements', () => {
    assert.deepEqual(applyJsonPatch({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }]), { foo: 'bar', baz: 'qux' });
  });
  it('A.12 fails to add to a nonexistent target', () => {
    assertFails({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }], 'add operation does not apply: doc is missing path: "/baz/bat": missing value');
  });
  it('A.14 decodes ~01 as ~1, not /', () => {
    const doc = { '/': 9, '~1': 10 };
    assert.deepEqual(applyJsonPatch(doc, [{ op: 'test', path: '/~01', value: 10 }]), doc);
  });
  it('A.15 compares strings and numbers', () => {
    assertFails({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }], 'testing value /~01 failed: test failed');
  });
  it('A.16 adds an array value', () => {
    assert.deepEqual(applyJsonPatch({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }]), { foo: ['bar', ['abc', 'def']] });
  });
});

describe('JSON pointers (RFC 6901)', () => {
  const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };
  const cases: Array<[string, unknown]> = [
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ];
  for (const [path, value] of cases) {
    it(`resolves ${JSON.stringify(path)}`, () => {
      assert.deepEqual(applyJsonPatch(doc, [{ op: 'test', path, value }]), doc);
    });
  }

  it('decodes and encodes reference tokens', () => {
    assert.equal(decodePointerToken('a~1b~0c~01'), 'a/b~c~1');
    assert.equal(encodePointerToken('a/b~c'), 'a~1b~0c');
    assert.equal(decodePointerToken(encodePointerToken('~1/~0')), '~1/~0');
  });

  it('sets keys such as __proto__ as plain members', () => {
    const result = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]) as Record<string, unknown>;
    assert.deepEqual(Object.keys(result), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('evanphx/json-patch v4 behaviour kube-apiserver shows', () => {
  it('replaces a missing object member by adding it', () => {
    assert.deepEqual(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }]), { a: 1, b: 2 });
  });

  it('adds null when the value member is missing', () => {
    assert.deepEqual(applyJsonPatch({ a: 1 }, [{ op: 'add', path: '/b' }]), { a: 1, b: null });
    assert.deepEqual(applyJsonPatch({ a: [1] }, [{ op: 'replace', path: '/a/0' }]), { a: [null] });
  });

  it('accepts negative array indexes, counted from the end', () => {
    assert.deepEqual(applyJsonPatch({ a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-1' }]), { a: [1, 2] });
    assert.deepEqual(applyJsonPatch({ a: [1, 2] }, [{ op: 'add', path: '/a/-1', value: 9 }]), { a: [1, 2, 9] });
    assert.deepEqual(applyJsonPatch({ a: [1, 2] }, [{ op: 'replace', path: '/a/-2', value: 9 }]), { a: [9, 2] });
    assertFails({ a: [1, 2] }, [{ op: 'remove', path: '/a/-3' }], "error in remove for path: '/a/-3': Unable to access invalid index: -3: invalid index referenced");
  });

  it('passes a test of a missing or null member against null', () => {
    assert.deepEqual(applyJsonPatch({ a: null }, [{ op: 'test', path: '/a', value: null }, { op: 'test', path: '/b', value: null }]), { a: null });
    assertFails({ a: 1 }, [{ op: 'test', path: '/a', value: null }], 'testing value /a failed: test failed');
    assertFails({ a: 1 }, [{ op: 'test', path: '/a' }], 'testing value /a failed: test failed');
  });

  it('compares objects and arrays structurally in test', () => {
    const doc = { spec: { template: { metadata: { labels: { app: 'web', tier: 'fe' } } }, list: [1, { a: [true] }] } };
    assert.deepEqual(
      applyJsonPatch(doc, [
        { op: 'test', path: '/spec/template/metadata/labels', value: { tier: 'fe', app: 'web' } },
        { op: 'test', path: '/spec/list', value: [1, { a: [true] }] },
        { op: 'test', path: '', value: doc },
      ]),
      doc,
    );
    assertFails(doc, [{ op: 'test', path: '/spec/list', value: [1] }], 'testing value /spec/list failed: test failed');
    assertFails(doc, [{ op: 'test', path: '', value: {} }], 'testing value  failed: test failed');
  });

  it('replaces the whole document with an object or array, and ignores a scalar', () => {
    assert.deepEqual(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }]), { b: 2 });
    assert.deepEqual(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: [1] }]), [1]);
    assert.deepEqual(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: 'x' }]), { a: 1 });
  });

  it('ignores the first segment of a path without a leading slash', () => {
    assert.deepEqual(applyJsonPatch({ a: 1 }, [{ op: 'add', path: 'whatever/b', value: 2 }]), { a: 1, b: 2 });
    assertFails({ a: 1 }, [{ op: 'add', path: 'b', value: 2 }], 'add operation does not apply: doc is missing path: "b": missing value');
  });

  it('copies a missing object member as null', () => {
    assert.deepEqual(applyJsonPatch({ a: 1 }, [{ op: 'copy', from: '/x', path: '/b' }]), { a: 1, b: null });
  });

  it('copies deeply, so later changes do not alias', () => {
    const result = applyJsonPatch({ a: { x: [1] } }, [
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'add', path: '/b/x/-', value: 2 },
    ]);
    assert.deepEqual(result, { a: { x: [1] }, b: { x: [1, 2] } });
  });

  it('limits the bytes copied by one patch', () => {
    const big = 'x'.repeat(1000);
    const patch = [
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'copy', from: '/a', path: '/c' },
    ];
    assert.deepEqual(Object.keys(applyJsonPatch({ a: big }, patch, { accumulatedCopySizeLimit: 2004 }) as object), ['a', 'b', 'c']);
    assert.throws(
      () => applyJsonPatch({ a: big }, patch, { accumulatedCopySizeLimit: 2003 }),
      new JsonPatchError('Unable to complete the copy, the accumulated size increase of copy is 2004, exceeding the limit 2003'),
    );
  });

  it('moves within an array and out of objects', () => {
    assert.deepEqual(applyJsonPatch({ a: [1, 2, 3] }, [{ op: 'move', from: '/a/0', path: '/a/-' }]), { a: [2, 3, 1] });
    assert.deepEqual(applyJsonPatch({ a: { b: 1 }, c: {} }, [{ op: 'move', from: '/a/b', path: '/c/d' }]), { a: {}, c: { d: 1 } });
  });

  it('does not change its inputs', () => {
    const doc = { a: { b: [1, 2] } };
    const patch = [{ op: 'add', path: '/a/b/-', value: { c: 1 } }];
    const result = applyJsonPatch(doc, patch) as { a: { b: unknown[] } };
    assert.deepEqual(doc, { a: { b: [1, 2] } });
    (result.a.b[2] as Record<string, unknown>).c = 2;
    assert.deepEqual(patch[0]!.value, { c: 1 });
  });

  it('words failures as the library does', () => {
    const doc = { foo: ['a'], obj: { k: 'v' }, s: 'str' };
    const cases: Array<[unknown[], string]> = [
      [[{ op: 'remove', path: '/nope' }], "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value"],
      [[{ op: 'remove', path: '/x/y' }], 'remove operation does not apply: doc is missing path: "/x/y": missing value'],
      [[{ op: 'replace', path: '/x/y', value: 1 }], 'replace operation does not apply: doc is missing path: /x/y: missing value'],
      [[{ op: 'replace', path: '/foo/3', value: 1 }], 'replace operation does not apply: doc is missing key: /foo/3: missing value'],
      [[{ op: 'add', path: '/foo/5', value: 1 }], "error in add for path: '/foo/5': Unable to access invalid index: 5: invalid index referenced"],
      [
        [{ op: 'add', path: '/foo/x', value: 1 }],
        `error in add for path: '/foo/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
      ],
      [[{ op: 'remove', path: '/foo/x' }], `error in remove for path: '/foo/x': strconv.Atoi: parsing "x": invalid syntax`],
      [[{ op: 'add', path: '/s/x', value: 1 }], 'add operation does not apply: doc is missing path: "/s/x": missing value'],
      [[{ op: 'test', path: '/x/y', value: 1 }], 'test operation does not apply: is missing path: /x/y: missing value'],
      [[{ op: 'test', path: '/foo/7', value: 1 }], "error in test for path: '/foo/7': Unable to access invalid index: 7: invalid index referenced"],
      [[{ op: 'move', from: '/nope', path: '/b' }], "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value"],
      [[{ op: 'move', from: '/x/y', path: '/b' }], 'move operation does not apply: doc is missing from path: /x/y: missing value'],
      [[{ op: 'move', from: '/obj/k', path: '/x/y' }], 'move operation does not apply: doc is missing destination path: /x/y: missing value'],
      [[{ op: 'copy', from: '/x/y', path: '/b' }], 'copy operation does not apply: doc is missing from path: /x/y: missing value'],
      [[{ op: 'copy', from: '/obj', path: '/x/y' }], 'copy operation does not apply: doc is missing destination path: /x/y: missing value'],
      [[{ op: 'add', value: 1 }], 'add operation failed to decode path: missing value'],
      [[{ op: 'remove', path: null }], 'remove operation failed to decode path: missing value'],
      [[{ op: 'replace', value: 1 }], 'replace operation failed to decode path: operation missing path field: missing value'],
      [[{ op: 'replace', path: 1, value: 1 }], 'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string'],
      [[{ op: 'move', path: '/a' }], 'move operation failed to decode from: operation, missing from field: missing value'],
      [[{ op: 'copy', from: '/obj' }], 'copy operation failed to decode path: missing value'],
      [[{ op: 'frob', path: '/a' }], 'Unexpected kind: frob'],
      [[{ path: '/a' }], 'Unexpected kind: unknown'],
      [[null], 'Unexpected kind: unknown'],
    ];
    for (const [patch, message] of cases) assertFails(doc, patch, message);
  });

  it('panics (as upstream does) on a test or root replace without a value', () => {
    assert.throws(() => applyJsonPatch({}, [{ op: 'test', path: '/a' }]), JsonPatchPanic);
    assert.throws(() => applyJsonPatch({}, [{ op: 'replace', path: '' }]), JsonPatchPanic);
  });
});

describe('decoding', () => {
  it('accepts an array of objects, and null as an empty patch', () => {
    assert.deepEqual(decodeJsonPatch(null), []);
    assert.deepEqual(applyJsonPatch({ a: 1 }, null), { a: 1 });
    assert.deepEqual(applyJsonPatch({ a: 1 }, []), { a: 1 });
  });

  it("rejects other bodies with Go's decoding message", () => {
    assert.throws(() => decodeJsonPatch({ op: 'add' }), new JsonPatchDecodeError('json: cannot unmarshal object into Go value of type jsonpatch.Patch'));
    assert.throws(() => decodeJsonPatch('x'), new JsonPatchDecodeError('json: cannot unmarshal string into Go value of type jsonpatch.Patch'));
    assert.throws(() => decodeJsonPatch([1]), new JsonPatchDecodeError('json: cannot unmarshal number into Go value of type jsonpatch.Operation'));
    assert.throws(() => decodeJsonPatch([[]]), new JsonPatchDecodeError('json: cannot unmarshal array into Go value of type jsonpatch.Operation'));
  });

  it('decodes strictly as the API server does under fieldValidation Warn or Strict', () => {
    assert.deepEqual(strictJsonPatchErrors([{ op: 'add', path: '/a', value: 1 }, null]), []);
    assert.deepEqual(strictJsonPatchErrors([{ op: 'add', path: '/a', value: 1, xyz: 1, Op: 'x' }]), [
      'json patch unknown field "xyz"',
      'json patch unknown field "Op"',
    ]);
    assert.throws(
      () => strictJsonPatchErrors({}),
      new JsonPatchDecodeError('error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp'),
    );
    assert.throws(
      () => strictJsonPatchErrors([true]),
      new JsonPatchDecodeError('error decoding patch: json: cannot unmarshal bool into Go value of type handlers.jsonPatchOp'),
    );
    assert.throws(
      () => strictJsonPatchErrors([{ op: 'add', path: 1 }]),
      new JsonPatchDecodeError('error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string'),
    );
  });
});
