import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FieldErrorsError,
  FieldPath,
  aggregateMessage,
  causeReason,
  childPath,
  duplicate,
  errorBody,
  forbidden,
  formatBadValue,
  formatFieldError,
  internalError,
  invalid,
  invalidMessage,
  keyPath,
  notFound,
  notSupported,
  omitValue,
  pathString,
  required,
  statusCause,
  tooLong,
  tooMany,
  typeInvalid,
} from './field.ts';
import { GoRepr } from './go-format.ts';

describe('FieldPath', () => {
  it('renders children, indexes and keys like field.Path', () => {
    const root = FieldPath.root('spec');
    assert.equal(root.toString(), 'spec');
    assert.equal(FieldPath.root('a', 'b', 'c').toString(), 'a.b.c');
    assert.equal(root.child('containers').index(0).child('name').toString(), 'spec.containers[0].name');
    assert.equal(root.child('a', 'b').toString(), 'spec.a.b');
    assert.equal(FieldPath.root('metadata').child('labels').key('app').toString(), 'metadata.labels[app]');
    assert.equal(root.index(2).index(3).toString(), 'spec[2][3]');
    assert.equal(root.key('a.b').toString(), 'spec[a.b]');
  });

  it('renders an empty root name as a subscript, as upstream does', () => {
    assert.equal(FieldPath.root('').toString(), '[]');
    assert.equal(FieldPath.root('').child('x').toString(), '[].x');
  });

  it('treats a missing path as upstream treats a nil *Path', () => {
    assert.equal(pathString(undefined), '<nil>');
    assert.equal(childPath(undefined, 'values').toString(), 'values');
    assert.equal(childPath(FieldPath.root('a'), 'values').toString(), 'a.values');
    assert.equal(keyPath(undefined, 'k').toString(), '[k]');
    assert.equal(keyPath(FieldPath.root('a'), 'k').toString(), 'a[k]');
  });

  it('shares parents and finds the root', () => {
    const base = FieldPath.root('a');
    const x = base.child('x');
    const y = base.child('y');
    assert.equal(x.parent, base);
    assert.equal(y.parent, base);
    assert.equal(x.index(1).rootElement(), base);
  });
});

describe('field errors', () => {
  const p = FieldPath.root('metadata').child('name');

  it('formats each type as upstream', () => {
    assert.equal(formatFieldError(required(p, 'name or generateName is required')), 'metadata.name: Required value: name or generateName is required');
    assert.equal(formatFieldError(required(FieldPath.root('metadata').child('namespace'), '')), 'metadata.namespace: Required value');
    assert.equal(formatFieldError(invalid(p, 'Bad_Name', 'oops')), 'metadata.name: Invalid value: "Bad_Name": oops');
    assert.equal(formatFieldError(invalid(p, '', 'must be specified for an update')), 'metadata.name: Invalid value: "": must be specified for an update');
    assert.equal(
      formatFieldError(notSupported(FieldPath.root('spec', 'restartPolicy'), 'Sometimes', ['Always', 'OnFailure', 'Never'])),
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    assert.equal(formatFieldError(notSupported(p, 'x', [])), 'metadata.name: Unsupported value: "x"');
    assert.equal(formatFieldError(forbidden(FieldPath.root('metadata', 'namespace'), 'not allowed on this type')), 'metadata.namespace: Forbidden: not allowed on this type');
    assert.equal(formatFieldError(duplicate(FieldPath.root('spec', 'ports').index(1), 'http')), 'spec.ports[1]: Duplicate value: "http"');
    assert.equal(formatFieldError(notFound(p, 'missing')), 'metadata.name: Not found: "missing"');
    assert.equal(formatFieldError(tooLong(FieldPath.root('metadata', 'annotations'), '', 262144)), 'metadata.annotations: Too long: may not be more than 262144 bytes');
    assert.equal(formatFieldError(tooLong(p, '', -1)), 'metadata.name: Too long: value is too long');
    assert.equal(formatFieldError(tooMany(FieldPath.root('spec', 'items'), 5, 4)), 'spec.items: Too many: 5: must have at most 4 items');
    assert.equal(formatFieldError(tooMany(FieldPath.root('spec', 'items'), -1, 4)), 'spec.items: Too many: must have at most 4 items');
    assert.equal(formatFieldError(tooMany(FieldPath.root('spec', 'items'), 3, -1)), 'spec.items: Too many: 3: has too many items');
    assert.equal(formatFieldError(typeInvalid(p, 5, 'must be a string')), 'metadata.name: Invalid value: 5: must be a string');
    assert.equal(formatFieldError(internalError(p, new Error('boom'))), 'metadata.name: Internal error: boom');
  });

  it('prints bad values the way Go does', () => {
    assert.equal(formatBadValue('a"b'), '"a\\"b"');
    assert.equal(formatBadValue(42), '42');
    assert.equal(formatBadValue(-1), '-1');
    assert.equal(formatBadValue(0.5), '0.5');
    assert.equal(formatBadValue(10n), '10');
    assert.equal(formatBadValue(true), 'true');
    assert.equal(formatBadValue(null), '"null"');
    assert.equal(formatBadValue(undefined), '"null"');
    assert.equal(formatBadValue(['a', 'b']), '[]string{"a", "b"}');
    assert.equal(formatBadValue([]), '[]string{}');
    assert.equal(formatBadValue({ b: 'y', a: 'x' }), 'map[string]string{"a":"x", "b":"y"}');
    assert.equal(formatBadValue(new GoRepr('1970-01-01 00:16:40 +0000 UTC')), '1970-01-01 00:16:40 +0000 UTC');
    class Stringer {
      toString() {
        return '500m';
      }
    }
    assert.equal(formatBadValue(new Stringer()), '500m');
    assert.equal(errorBody({ type: 'FieldValueInvalid', field: 'x', badValue: omitValue, detail: 'd' }), 'Invalid value: d');
  });

  it('builds StatusCauses with the type as reason and the body as message', () => {
    const err = invalid(p, 'Bad_Name', 'detail here');
    assert.deepEqual(statusCause(err), { reason: 'FieldValueInvalid', message: 'Invalid value: "Bad_Name": detail here', field: 'metadata.name' });
    assert.equal(causeReason('FieldValueRequired'), 'FieldValueRequired');
    assert.deepEqual(statusCause(required(p, '')), { reason: 'FieldValueRequired', message: 'Required value', field: 'metadata.name' });
  });

  it('aggregates like ErrorList.ToAggregate().Error()', () => {
    const a = required(p, '');
    const b = invalid(FieldPath.root('metadata', 'namespace'), 'x_y', 'bad');
    assert.equal(aggregateMessage([]), '');
    assert.equal(aggregateMessage([a]), 'metadata.name: Required value');
    assert.equal(aggregateMessage([a, a]), 'metadata.name: Required value');
    assert.equal(aggregateMessage([a, b]), '[metadata.name: Required value, metadata.namespace: Invalid value: "x_y": bad]');
    assert.equal(aggregateMessage([a, b, a]), '[metadata.name: Required value, metadata.namespace: Invalid value: "x_y": bad]');
    assert.equal(new FieldErrorsError([a, b]).message, aggregateMessage([a, b]));
  });

  it("formats NewInvalid's status message", () => {
    const err = required(p, 'name or generateName is required');
    assert.equal(
      invalidMessage({ group: '', kind: 'Pod' }, '', [err]),
      'Pod "" is invalid: metadata.name: Required value: name or generateName is required',
    );
    assert.equal(
      invalidMessage({ group: 'apps', kind: 'Deployment' }, 'web', [err, invalid(FieldPath.root('spec', 'replicas'), -1, 'must be greater than or equal to 0')]),
      'Deployment.apps "web" is invalid: [metadata.name: Required value: name or generateName is required, spec.replicas: Invalid value: -1: must be greater than or equal to 0]',
    );
    assert.equal(invalidMessage({ group: '', kind: 'Pod' }, 'x', []), 'Pod "x" is invalid');
  });
});
