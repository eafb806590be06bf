import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldErrorsError, FieldPath } from './field.ts';
import {
  Requirement,
  SelectorParseError,
  conflicts,
  convertSelectorToLabelsMap,
  everything,
  formatLabelSelector,
  formatLabels,
  labelSelectorAsMap,
  labelSelectorAsSelector,
  labelsEqual,
  labelsToString,
  matchesNothing,
  merge,
  newRequirement,
  nothing,
  parse,
  parseSelector,
  parseToLabelSelector,
  parseToRequirements,
  selectorFromSet,
  selectorFromValidatedSet,
  selectorOf,
  setAsLabelSelector,
  validatedSelectorFromSet,
  type Labels,
} from './labels.ts';

const valueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const qualifiedMsg =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const operators = 'in, notin, =, ==, !=, gt, lt';

function parseError(selector: string): string {
  try {
    parse(selector);
  } catch (e) {
    assert.ok(e instanceof SelectorParseError, `expected a SelectorParseError for ${JSON.stringify(selector)}`);
    return e.message;
  }
  assert.fail(`expected ${JSON.stringify(selector)} not to parse`);
}

function requirementError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof FieldErrorsError);
    return e.message;
  }
  assert.fail('expected an error');
}

const matches = (selector: string, labels: Labels) => parse(selector).matches(labels);

describe('parse', () => {
  it('round-trips good selectors to the same string without spaces', () => {
    for (const s of ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5']) {
      assert.equal(parse(s).toString(), s.replaceAll(' ', ''));
    }
  });

  it('sorts requirements by key, so the string is deterministic', () => {
    assert.equal(parse('x=a,a=x').toString(), 'a=x,x=a');
    assert.equal(parse('a=x,x=a').toString(), 'a=x,x=a');
  });

  it('prints the canonical form', () => {
    assert.equal(parse('x in (abc,def),y notin (jkl),z').toString(), 'x in (abc,def),y notin (jkl),z');
    assert.equal(parse('x notin (def,abc),y!=jkl,!z').toString(), 'x notin (abc,def),y!=jkl,!z');
    assert.equal(parse('x notin (abc),y in (mno,jkl),z notin ()').toString(), 'x notin (abc),y in (jkl,mno),z notin ()');
    assert.equal(parse('x=abc,y==jkl,z!=a').toString(), 'x=abc,y==jkl,z!=a');
    assert.equal(parse('x>2,y<8,z').toString(), 'x>2,y<8,z');
    assert.equal(parse('  environment   in (production, qa), tier notin(frontend,backend),partition').toString(), 'environment in (production,qa),partition,tier notin (backend,frontend)');
  });

  it('parses the set-based forms as upstream', () => {
    const reqs = (s: string) => parseToRequirements(s).map((r) => [r.key, r.operator, [...r.values]]);
    assert.deepEqual(reqs('\rx'), [['x', 'exists', []]]);
    assert.deepEqual(reqs('this-is-a-dns.domain.com/key-with-dash'), [['this-is-a-dns.domain.com/key-with-dash', 'exists', []]]);
    assert.deepEqual(reqs('this-is-another-dns.domain.com/key-with-dash in (so,what)'), [['this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what']]]);
    assert.deepEqual(reqs('0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)'), [['0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock']]]);
    assert.deepEqual(reqs('foo  in\t (abc)'), [['foo', 'in', ['abc']]]);
    assert.deepEqual(reqs('x notin\n (abc)'), [['x', 'notin', ['abc']]]);
    assert.deepEqual(reqs('x  notin\t\t(abc,def)'), [['x', 'notin', ['abc', 'def']]]);
    assert.deepEqual(reqs('x in (abc,)'), [['x', 'in', ['', 'abc']]]);
    assert.deepEqual(reqs('x in ()'), [['x', 'in', ['']]]);
    assert.deepEqual(reqs('x notin (abc,,def),bar,z in (),w'), [
      ['bar', 'exists', []],
      ['w', 'exists', []],
      ['x', 'notin', ['', 'abc', 'def']],
      ['z', 'in', ['']],
    ]);
    assert.deepEqual(reqs('x notin ( )'), [['x', 'notin', ['']]]);
    assert.deepEqual(reqs('x notin (, a)'), [['x', 'notin', ['', 'a']]]);
    assert.deepEqual(reqs('a '), [['a', 'exists', []]]);
    assert.deepEqual(reqs('a in (x,y,notin, z,in)'), [['a', 'in', ['in', 'notin', 'x', 'y', 'z']]]);
    assert.deepEqual(reqs('notin=in'), [['notin', '=', ['in']]]);
    assert.deepEqual(reqs('x=a,y!=b,z in (h,i,j)'), [
      ['x', '=', ['a']],
      ['y', '!=', ['b']],
      ['z', 'in', ['h', 'i', 'j']],
    ]);
  });

  it("reports upstream's messages for malformed selectors", () => {
    assert.equal(parseError('x=a||y=b'), `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${valueMsg}`);
    assert.equal(parseError('x==a==b'), "found '==', expected: ',' or 'end of string'");
    assert.equal(parseError('!x=a'), "found '=', expected: ',' or 'end of string'");
    assert.equal(parseError('x<a'), `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`);
    assert.equal(parseError('x,,y'), "found ',', expected: identifier after ','");
    assert.equal(parseError(',x,y'), "found ',', expected: !, identifier, or 'end of string'");
    assert.equal(parseError('x nott in (y)'), `unable to parse requirement: found 'nott', expected: ${operators}`);
    assert.equal(parseError('a in (xyz),'), "found '', expected: identifier after ','");
    assert.equal(parseError('a in (xyz)b notin ()'), "found 'b', expected: ',' or 'end of string'");
    assert.equal(parseError('a in (xyz abc)'), "unable to parse requirement: found 'abc', expected: ',' or ')'");
    assert.equal(parseError('a notin('), "unable to parse requirement: found '', expected: ',', ')' or identifier");
    assert.equal(parseError('a ('), `unable to parse requirement: found '(', expected: ${operators}`);
    assert.equal(parseError('('), "found '(', expected: !, identifier, or 'end of string'");
    assert.equal(parseError('a b'), `unable to parse requirement: found 'b', expected: ${operators}`);
    assert.equal(parseError('x in a'), "unable to parse requirement: found 'a' expected: '('");
    assert.equal(parseError('x in (a'), "unable to parse requirement: found '', expected: ',' or ')'");
    assert.equal(parseError('x=('), "unable to parse requirement: found '(', expected: identifier");
    assert.equal(parseError('x>=1'), "unable to parse requirement: found '=', expected: identifier");
    assert.equal(parseError('!'), "unable to parse requirement: found '', expected: identifier");
    assert.equal(parseError('app=ngi nx'), "found 'nx', expected: ',' or 'end of string'");
  });

  it('reports invalid keys with the <nil> path upstream prints', () => {
    assert.equal(parseError('Bad_Key/x/y=z'), `unable to parse requirement: <nil>: Invalid value: "Bad_Key/x/y": ${qualifiedMsg}`);
    const long = 'a'.repeat(64);
    assert.equal(parseError(long), `unable to parse requirement: <nil>: Invalid value: "${long}": name part must be no more than 63 characters`);
    assert.equal(parseError(`x=${long}`), `unable to parse requirement: values[0][x]: Invalid value: "${long}": must be no more than 63 characters`);
    const e = (() => {
      try {
        parse('-bad=x');
      } catch (err) {
        return err as SelectorParseError;
      }
      throw new Error('expected an error');
    })();
    assert.equal(e.errors.length, 1);
    assert.equal(e.errors[0]!.type, 'FieldValueInvalid');
  });

  it('prefixes error fields with a given path', () => {
    const p = FieldPath.root('spec', 'selector');
    assert.equal(
      (() => {
        try {
          parse('x=a b!', p);
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      })(),
      "found 'b', expected: ',' or 'end of string'",
    );
    try {
      parse('x=-a', p);
      assert.fail('expected an error');
    } catch (e) {
      assert.equal((e as Error).message, `unable to parse requirement: spec.selector.values[0][x]: Invalid value: "-a": ${valueMsg}`);
    }
  });

  it('keeps 1.33 behaviour for consecutive commas in a value list', () => {
    assert.equal(parseError('x in (,,)'), "unable to parse requirement: found ')', expected: ',', or identifier");
    assert.equal(parseError('x in (a,,)'), "unable to parse requirement: found ')', expected: ',', or identifier");
    assert.deepEqual([...parseToRequirements('x in (a,,,b)')[0]!.values], ['', 'a', 'b']);
    assert.deepEqual([...parseToRequirements('x in (,)')[0]!.values], ['']);
  });

  it('is also exported as parseSelector', () => {
    assert.equal(parseSelector('b=1,a=2').toString(), 'a=2,b=1');
  });
});

describe('matching', () => {
  it('matches as upstream', () => {
    assert.ok(matches('', { x: 'y' }));
    assert.ok(matches('x=y', { x: 'y' }));
    assert.ok(matches('x=y,z=w', { x: 'y', z: 'w' }));
    assert.ok(matches('x!=y,z!=w', { x: 'z', z: 'a' }));
    assert.ok(matches('notin=in', { notin: 'in' }));
    assert.ok(matches('x', { x: 'z' }));
    assert.ok(matches('!x', { y: 'z' }));
    assert.ok(matches('x>1', { x: '2' }));
    assert.ok(matches('x<1', { x: '0' }));
    assert.ok(!matches('x=z', {}));
    assert.ok(!matches('x=y', { x: 'z' }));
    assert.ok(!matches('x=y,z=w', { x: 'w', z: 'w' }));
    assert.ok(!matches('x!=y,z!=w', { x: 'z', z: 'w' }));
    assert.ok(!matches('x', { y: 'z' }));
    assert.ok(!matches('!x', { x: 'z' }));
    assert.ok(!matches('x>1', { x: '0' }));
    assert.ok(!matches('x<1', { x: '2' }));
    const labels = { foo: 'bar', baz: 'blah' };
    assert.ok(matches('foo=bar', labels));
    assert.ok(matches('baz=blah', labels));
    assert.ok(matches('foo=bar,baz=blah', labels));
    assert.ok(!matches('foo=blah', labels));
    assert.ok(!matches('baz=bar', labels));
    assert.ok(!matches('foo=bar,foobar=bar,baz=blah', labels));
  });

  it('handles set-based requirements and empty values', () => {
    assert.ok(matches('x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }));
    assert.ok(!matches('x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }));
    assert.ok(matches('x notin (),y', { y: '' }));
    assert.ok(matches('!x,y', { y: '' }));
    assert.ok(!matches('x notin (),!y', { y: '' }));
    assert.ok(!matches('x in ()', { y: 'baz' }));
    assert.ok(matches('x in ()', { x: '' }));
    assert.ok(matches('x=', { x: '' }));
    assert.ok(!matches('x=', {}));
    assert.ok(matches('x!=', {}));
  });

  it('compares gt and lt as int64', () => {
    assert.ok(matches('z>1', { z: '2' }));
    assert.ok(!matches('z>1', { z: 'v2' }));
    assert.ok(matches('z<5', { z: '-4' }));
    assert.ok(matches('z>1', { z: '+2' }));
    // A negative bound is not a valid label value, so upstream rejects it.
    assert.match(parseError('z>-5'), /^unable to parse requirement: values\[0\]\[z\]: Invalid value: "-5": a valid label/);
    assert.ok(matches('z<10', { z: '9' }));
    assert.ok(!matches('z<10', { z: '10' }));
    assert.ok(matches('z>9007199254740992', { z: '9007199254740993' }));
    assert.ok(!matches('z>1', { z: '99999999999999999999' }));
    assert.ok(!matches('z>1', {}));
  });

  it('ignores inherited properties', () => {
    assert.ok(!matches('constructor', {}));
    assert.ok(matches('!toString', {}));
  });
});

describe('requirements', () => {
  it('validates as NewRequirement', () => {
    assert.equal(requirementError(() => newRequirement('x1', 'in', [])), "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
    assert.equal(requirementError(() => newRequirement('x1', 'in', null)), "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty");
    assert.equal(requirementError(() => newRequirement('x5', '=', ['bar', 'foo'])), 'values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value');
    assert.equal(requirementError(() => newRequirement('x8', 'exists', ['foo'])), 'values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist');
    assert.equal(requirementError(() => newRequirement('x13', 'gt', [])), "values: Invalid value: []string{}: for 'Gt', 'Lt' operators, exactly one value is required");
    assert.equal(requirementError(() => newRequirement('x14', 'gt', ['bar'])), "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer");
    assert.equal(requirementError(() => newRequirement('x15', 'lt', ['bar'])), "values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer");
    assert.equal(
      requirementError(() => newRequirement('a'.repeat(254), 'exists', [])),
      `key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters`,
    );
    assert.equal(requirementError(() => newRequirement('x17', '=', ['a b'])), `values[0][x17]: Invalid value: "a b": ${valueMsg}`);
    assert.equal(
      requirementError(() => newRequirement('x18', 'unsupportedOp', [])),
      'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    );
    assert.equal(
      requirementError(() => newRequirement('bad key', 'in', [])),
      `[key: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty]`,
    );
    for (const [k, op, v] of [
      ['x3', 'in', ['foo']],
      ['x4', 'notin', ['foo']],
      ['x6', 'exists', []],
      ['x7', '!', []],
      ['x11', 'gt', ['1']],
      ['x12', 'lt', ['6']],
    ] as const) {
      assert.doesNotThrow(() => newRequirement(k, op, [...v]));
    }
  });

  it('prints values sorted without changing them', () => {
    const r = new Requirement('x', 'in', ['b', 'a']);
    assert.equal(r.toString(), 'x in (a,b)');
    assert.deepEqual([...r.values], ['b', 'a']);
    assert.deepEqual(r.valueSet(), ['a', 'b']);
    assert.ok(r.equals(new Requirement('x', 'in', ['b', 'a'])));
    assert.ok(!r.equals(new Requirement('x', 'in', ['a', 'b'])));
    assert.ok(!r.equals(new Requirement('x', 'notin', ['b', 'a'])));
  });
});

describe('selectors', () => {
  it('everything and nothing', () => {
    assert.ok(everything().matches({ x: 'y' }));
    assert.ok(everything().empty());
    assert.equal(everything().toString(), '');
    assert.ok(!nothing().matches({}));
    assert.ok(!nothing().empty());
    assert.equal(nothing().toString(), '');
    assert.ok(matchesNothing(nothing()));
    assert.ok(!matchesNothing(everything()));
    assert.deepEqual(nothing().requirements(), { requirements: [], selectable: false });
    assert.equal(nothing().add(new Requirement('a', 'exists', [])), nothing());
    assert.ok(parse('').empty());
  });

  it('adds requirements in key order without changing the original', () => {
    const base = parse('b=1');
    const more = base.add(new Requirement('a', 'in', ['x']));
    assert.equal(base.toString(), 'b=1');
    assert.equal(more.toString(), 'a in (x),b=1');
    assert.equal(selectorOf([new Requirement('z', 'exists', []), new Requirement('a', '!', [])]).toString(), '!a,z');
  });

  it('finds exact matches', () => {
    assert.equal(parse('key in (value)').requiresExactMatch('key'), 'value');
    assert.equal(parse('key in (value,value2)').requiresExactMatch('key'), undefined);
    assert.equal(parse('key in (value,value1),key2 in (value2)').requiresExactMatch('key2'), 'value2');
    assert.equal(parse('key=value').requiresExactMatch('key'), 'value');
    assert.equal(parse('key==value').requiresExactMatch('key'), 'value');
    assert.equal(parse('key!=value').requiresExactMatch('key'), undefined);
    assert.equal(parse('key=value').requiresExactMatch('other'), undefined);
  });

  it('builds selectors from label sets', () => {
    const labels = { foo: 'bar', baz: 'blah' };
    assert.ok(selectorFromSet({}).matches(labels));
    assert.ok(selectorFromSet({ foo: 'bar' }).matches(labels));
    assert.ok(selectorFromSet({ foo: 'bar', baz: 'blah' }).matches(labels));
    assert.ok(!selectorFromSet({ foo: 'baz' }).matches(labels));
    assert.ok(selectorFromSet(null).empty());
    assert.ok(selectorFromSet({}).empty());
    assert.equal(selectorFromValidatedSet({ app: 'foo', a: 'b' }).toString(), 'a=b,app=foo');
    assert.equal(validatedSelectorFromSet({ key: 'val' }).toString(), 'key=val');
    const long = 'axahm2EJ8Phiephe2eixohbee9eGeiyees1thuozi1xoh0GiuH3diewi8iem7Nui';
    assert.equal(requirementError(() => validatedSelectorFromSet({ Key: long })), `values[0][Key]: Invalid value: "${long}": must be no more than 63 characters`);
  });

  it('has the label set helpers', () => {
    assert.equal(labelsToString({ b: '2', a: '1' }), 'a=1,b=2');
    assert.equal(formatLabels({}), '<none>');
    assert.equal(formatLabels({ app: 'web' }), 'app=web');
    assert.ok(conflicts({ a: '1' }, { a: '2' }));
    assert.ok(!conflicts({ a: '1' }, { b: '2' }));
    assert.deepEqual(merge({ a: '1', b: '1' }, { b: '2' }), { a: '1', b: '2' });
    assert.ok(labelsEqual({ a: '1' }, { a: '1' }));
    assert.ok(!labelsEqual({ a: '1' }, { a: '2' }));
    assert.ok(!labelsEqual({ a: '1' }, { a: '1', b: '' }));
    assert.deepEqual(convertSelectorToLabelsMap('a=1, b = 2'), { a: '1', b: '2' });
    assert.deepEqual(convertSelectorToLabelsMap(''), {});
    assert.throws(() => convertSelectorToLabelsMap('a=1=2'), { message: 'invalid selector: [a 1 2]' });
    assert.throws(() => convertSelectorToLabelsMap('a=-x'), { message: `[a]: Invalid value: "-x": ${valueMsg}` });
  });
});

describe('metav1.LabelSelector', () => {
  it('converts as LabelSelectorAsSelector', () => {
    assert.ok(matchesNothing(labelSelectorAsSelector(undefined)));
    assert.ok(matchesNothing(labelSelectorAsSelector(null)));
    assert.ok(labelSelectorAsSelector({}).empty());
    assert.ok(labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] }).empty());
    const s = labelSelectorAsSelector({
      matchLabels: { z: '1' },
      matchExpressions: [
        { key: 'c', operator: 'NotIn', values: ['y', 'x'] },
        { key: 'a', operator: 'DoesNotExist' },
        { key: 'b', operator: 'Exists' },
        { key: 'd', operator: 'In', values: ['v'] },
      ],
    });
    assert.equal(s.toString(), '!a,b,c notin (x,y),d in (v),z=1');
    assert.ok(s.matches({ b: '', z: '1', d: 'v' }));
    assert.ok(!s.matches({ a: '', b: '', z: '1', d: 'v' }));
  });

  it("reports upstream's conversion errors", () => {
    assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'c', operator: 'Foo' }] }), { message: '"Foo" is not a valid label selector operator' });
    assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'c', operator: 'In', values: [] }] }), {
      message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    });
    assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'c', operator: 'Exists', values: ['x'] }] }), {
      message: 'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    });
    assert.throws(() => labelSelectorAsSelector({ matchLabels: { app: 'a b' } }), { message: `values[0][app]: Invalid value: "a b": ${valueMsg}` });
    assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'c', operator: 'Foo' }] }), '<error>');
    assert.equal(formatLabelSelector({}), '<none>');
    assert.equal(formatLabelSelector(undefined), '<none>');
    assert.equal(formatLabelSelector({ matchLabels: { app: 'web' } }), 'app=web');
  });

  it('converts to and from maps and strings', () => {
    assert.deepEqual(labelSelectorAsMap({ matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'In', values: ['2'] }] }), { a: '1', b: '2' });
    assert.equal(labelSelectorAsMap(undefined), undefined);
    assert.throws(() => labelSelectorAsMap({ matchExpressions: [{ key: 'b', operator: 'In', values: ['2', '3'] }] }), {
      message: 'operator "In" without a single value cannot be converted into the old label selector format',
    });
    assert.throws(() => labelSelectorAsMap({ matchExpressions: [{ key: 'b', operator: 'Exists' }] }), {
      message: 'operator "Exists" cannot be converted into the old label selector format',
    });
    assert.throws(() => labelSelectorAsMap({ matchExpressions: [{ key: 'b', operator: 'Bogus' }] }), { message: '"Bogus" is not a valid selector operator' });
    assert.deepEqual(parseToLabelSelector('app=web,tier in (b,a),!gone,present'), {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'gone', operator: 'DoesNotExist', values: [] },
        { key: 'present', operator: 'Exists', values: [] },
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
      ],
    });
    assert.throws(() => parseToLabelSelector('x>1'), { message: '"gt" isn\'t supported in label selectors' });
    assert.throws(() => parseToLabelSelector('x,,y'), { message: 'couldn\'t parse the selector string "x,,y": found \',\', expected: identifier after \',\'' });
    assert.deepEqual(setAsLabelSelector({ a: 'b' }), { matchLabels: { a: 'b' } });
    assert.equal(setAsLabelSelector(undefined), undefined);
  });
});
