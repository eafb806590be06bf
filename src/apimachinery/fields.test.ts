import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FieldSelectorError,
  andSelectors,
  defaultMetaV1FieldSelectorConversion,
  escapeValue,
  everything,
  fieldLabelConversion,
  fieldsToString,
  nothing,
  oneTermEqualSelector,
  oneTermNotEqualSelector,
  parseAndTransformSelector,
  parseFieldSelector,
  parseSelector,
  selectorFromSet,
  unescapeValue,
  unsupportedFieldMessage,
  type Fields,
} from './fields.ts';

function parseError(selector: string): string {
  try {
    parseSelector(selector);
  } catch (e) {
    assert.ok(e instanceof FieldSelectorError);
    return e.message;
  }
  assert.fail(`expected ${JSON.stringify(selector)} not to parse`);
}

const matches = (selector: string, fields: Fields) => parseSelector(selector).matches(fields);

describe('field selector parsing', () => {
  it('round-trips good selectors', () => {
    for (const s of ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=a||y\\=b', 'x=a\\=\\=b']) assert.equal(parseSelector(s).toString(), s);
  });

  it('sorts terms, so the string is deterministic', () => {
    assert.equal(parseSelector('x=a,a=x').toString(), 'a=x,x=a');
    assert.equal(parseSelector('a=x,x=a').toString(), 'a=x,x=a');
    assert.equal(parseSelector('b==1').toString(), 'b=1');
    assert.equal(parseSelector('spec.nodeName!=,metadata.name=a').toString(), 'metadata.name=a,spec.nodeName!=');
  });

  it("reports upstream's messages", () => {
    assert.equal(parseError('x=a||y=b'), 'invalid field selector: unescaped character in value: 61');
    assert.equal(parseError('x==a==b'), 'invalid field selector: unescaped character in value: 61');
    assert.equal(parseError('x=a,b'), "invalid selector: 'x=a,b'; can't understand 'b'");
    assert.equal(parseError('x in (a)'), "invalid selector: 'x in (a)'; can't understand 'x in (a)'");
    assert.equal(parseError('x in (a,b,c)'), "invalid selector: 'x in (a,b,c)'; can't understand 'b'");
    assert.equal(parseError('x'), "invalid selector: 'x'; can't understand 'x'");
    assert.equal(parseError('k=\\a'), 'invalid field selector: invalid escape sequence: \\a');
    assert.equal(parseError('k=\\'), 'invalid field selector: invalid escape sequence: \\');
    assert.equal(parseError('k=v\\😀'), 'invalid field selector: invalid escape sequence: \\😀');
  });

  it('skips empty terms and splits at unescaped commas only', () => {
    assert.equal(parseSelector('a=a,').toString(), 'a=a');
    assert.equal(parseSelector(',a=a').toString(), 'a=a');
    assert.equal(parseSelector(',').toString(), '');
    assert.equal(parseSelector('k=\\,,k2=v2').requiresExactMatch('k'), ',');
    assert.equal(parseSelector('k=\\\\,k2=v2').requiresExactMatch('k'), '\\');
    assert.equal(parseSelector('k=\\\\\\,,k2=v2').requiresExactMatch('k'), '\\,');
    assert.equal(parseSelector('함=수,목=록').requiresExactMatch('함'), '수');
  });

  it('splits each term at its first operator', () => {
    const req = (s: string) => parseSelector(s).requirements();
    assert.deepEqual(req('a=value'), [{ operator: '=', field: 'a', value: 'value' }]);
    assert.deepEqual(req('b==value'), [{ operator: '=', field: 'b', value: 'value' }]);
    assert.deepEqual(req('c!=value'), [{ operator: '!=', field: 'c', value: 'value' }]);
    assert.deepEqual(req('k=\\='), [{ operator: '=', field: 'k', value: '=' }]);
    assert.deepEqual(req('a!b=c'), [{ operator: '=', field: 'a!b', value: 'c' }]);
  });

  it('is also exported as parseFieldSelector', () => {
    assert.equal(parseFieldSelector('b=1,a=2').toString(), 'a=2,b=1');
  });
});

describe('escaping', () => {
  it('escapes and unescapes as upstream', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['a', 'a'],
      ['=', '\\='],
      [',', '\\,'],
      ['\\', '\\\\'],
      ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
    ];
    for (const [raw, escaped] of cases) {
      assert.equal(escapeValue(raw), escaped);
      assert.equal(unescapeValue(escaped), raw);
    }
    for (const bad of ['\\', '\\\\\\', '\\a']) assert.throws(() => unescapeValue(bad), /invalid escape sequence/);
    assert.throws(() => unescapeValue('a,b'), { message: 'invalid field selector: unescaped character in value: 44' });
  });
});

describe('field selector matching', () => {
  it('matches as upstream', () => {
    assert.ok(matches('', { x: 'y' }));
    assert.ok(matches('x=y', { x: 'y' }));
    assert.ok(matches('x=y,z=w', { x: 'y', z: 'w' }));
    assert.ok(matches('x!=y,z!=w', { x: 'z', z: 'a' }));
    assert.ok(matches('notin=in', { notin: 'in' }));
    assert.ok(!matches('x=y', { x: 'z' }));
    assert.ok(!matches('x=y,z=w', { x: 'w', z: 'w' }));
    assert.ok(!matches('x!=y,z!=w', { x: 'z', z: 'w' }));
    const set = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' };
    assert.ok(matches('foo=bar', set));
    assert.ok(matches('baz=blah', set));
    assert.ok(matches('foo=bar,baz=blah', set));
    assert.ok(matches('foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\', set));
    assert.ok(!matches('foo=blah', set));
    assert.ok(!matches('baz=bar', set));
    assert.ok(!matches('foo=bar,foobar=bar,baz=blah', set));
  });

  it('treats a missing field as empty', () => {
    assert.ok(matches('spec.nodeName=', {}));
    assert.ok(!matches('spec.nodeName!=', {}));
    assert.ok(matches('spec.nodeName!=n1', {}));
    assert.ok(!matches('constructor=x', {}));
  });

  it('builds selectors directly', () => {
    assert.ok(oneTermEqualSelector('x', 'y').matches({ x: 'y' }));
    assert.ok(!oneTermEqualSelector('x', 'y').matches({ x: 'z' }));
    assert.ok(oneTermNotEqualSelector('x', 'y').matches({ x: 'z' }));
    assert.equal(oneTermEqualSelector('x', 'a,b').toString(), 'x=a\\,b');
    const labels = { foo: 'bar', baz: 'blah' };
    assert.ok(selectorFromSet({}).matches(labels));
    assert.ok(selectorFromSet({ foo: 'bar' }).matches(labels));
    assert.ok(selectorFromSet({ foo: 'bar', baz: 'blah' }).matches(labels));
    assert.ok(!selectorFromSet({ foo: '=blah' }).matches(labels));
    assert.ok(!selectorFromSet({ foo: '=bar', foobar: 'bar', baz: 'blah' }).matches(labels));
    assert.ok(selectorFromSet(null).empty());
    assert.ok(selectorFromSet({}).empty());
    assert.equal(fieldsToString({ b: '2', a: '1' }), 'a=1,b=2');
    const and = andSelectors(oneTermEqualSelector('a', '1'), oneTermNotEqualSelector('b', '2'));
    assert.equal(and.toString(), 'a=1,b!=2');
    assert.deepEqual(and.fields(), ['a', 'b']);
  });

  it('knows emptiness and exact matches', () => {
    assert.ok(everything().matches({ x: 'y' }));
    assert.ok(everything().empty());
    assert.ok(!nothing().matches({}));
    assert.ok(!nothing().empty());
    assert.ok(andSelectors(andSelectors()).empty());
    assert.ok(!andSelectors(oneTermEqualSelector('a', 'b')).empty());
    assert.equal(selectorFromSet({}).requiresExactMatch('test'), undefined);
    assert.equal(oneTermEqualSelector('a', 'b').requiresExactMatch('test'), undefined);
    assert.equal(oneTermEqualSelector('test', 'b').requiresExactMatch('test'), 'b');
    assert.equal(oneTermEqualSelector('test', '').requiresExactMatch('test'), '');
    assert.equal(oneTermNotEqualSelector('test', 'b').requiresExactMatch('test'), undefined);
    assert.equal(andSelectors(andSelectors()).requiresExactMatch('test'), undefined);
    assert.equal(andSelectors(oneTermEqualSelector('', ''), oneTermEqualSelector('test', 'b')).requiresExactMatch('test'), 'b');
  });
});

describe('transforms and supported fields', () => {
  it('transforms as upstream', () => {
    const id = (f: string, v: string): [string, string] => [f, v];
    assert.equal(parseAndTransformSelector('', id).toString(), '');
    assert.ok(parseAndTransformSelector('', id).empty());
    assert.equal(parseAndTransformSelector('a=b,c=d', id).toString(), 'a=b,c=d');
    assert.equal(parseAndTransformSelector('a=b,c=d', (f, v) => (f === 'a' ? ['e', 'f'] : [f, v])).toString(), 'e=f,c=d');
    assert.equal(parseAndTransformSelector('a=b,c=d', (f, v) => (f === 'a' ? ['', ''] : [f, v])).toString(), 'c=d');
    const all = parseAndTransformSelector('a=b,c=d', () => ['', '']);
    assert.equal(all.toString(), '');
    assert.ok(all.empty());
    const single = parseSelector('a!=b').transform(() => ['', '']);
    assert.ok(single.empty());
  });

  it("rejects unknown fields with upstream's messages", () => {
    const podFields = fieldLabelConversion(['metadata.name', 'metadata.namespace', 'spec.nodeName', 'status.phase'], { 'spec.host': 'spec.nodeName' });
    assert.equal(parseAndTransformSelector('spec.host=n1', podFields).toString(), 'spec.nodeName=n1');
    assert.throws(() => parseAndTransformSelector('status.phase=Running,spec.bogus=1', podFields), {
      name: 'FieldSelectorError',
      message: 'field label not supported: spec.bogus',
    });
    assert.throws(() => parseSelector('spec.x=1').transform(defaultMetaV1FieldSelectorConversion), {
      message: '"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"',
    });
    assert.equal(parseSelector('metadata.name=a').transform(defaultMetaV1FieldSelectorConversion).toString(), 'metadata.name=a');
  });

  it('answers whether only supported fields are constrained', () => {
    const allowed = ['metadata.name', 'metadata.namespace', 'type'];
    assert.equal(unsupportedFieldMessage(parseSelector('type=Opaque,metadata.name=x'), allowed), undefined);
    assert.equal(unsupportedFieldMessage(parseSelector('zeta=1,beta=2,type=x'), allowed), 'field label not supported: beta');
    assert.equal(unsupportedFieldMessage(everything(), allowed), undefined);
  });
});
