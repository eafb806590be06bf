/**
 * Field paths and field errors, as upstream's k8s.io/apimachinery/pkg/util/validation/field
 * (Kubernetes 1.33): the same path rendering (`spec.containers[0].name`), the same error
 * types, and the same message text, which is what kube-apiserver puts in `metav1.Status`
 * and what kubectl prints.
 */
import { GoRepr, goFormatFloat, goQuote, goStringMap, goStringSlice } from './go-format.ts';

/**
 * The path from some root to a field. Immutable: `child`, `index` and `key` return new
 * paths sharing their parent.
 */
export class FieldPath {
  /** The field name, or '' when this element is a subscript. */
  readonly name: string;
  /** The subscript (index or map key) when `name` is ''. */
  readonly subscript: string;
  readonly parent: FieldPath | undefined;

  private constructor(name: string, subscript: string, parent: FieldPath | undefined) {
    this.name = name;
    this.subscript = subscript;
    this.parent = parent;
  }

  /** A root path: `FieldPath.root('metadata', 'labels')` is `metadata.labels`. */
  static root(name: string, ...more: string[]): FieldPath {
    let path = new FieldPath(name, '', undefined);
    for (const n of more) path = new FieldPath(n, '', path);
    return path;
  }

  /** A root that is itself a subscript, rendered `[key]` (upstream's `(*Path)(nil).Key(key)`). */
  static rootSubscript(subscript: string): FieldPath {
    return new FieldPath('', subscript, undefined);
  }

  /** `path.child('a', 'b')` is `path.a.b`. */
  child(name: string, ...more: string[]): FieldPath {
    let path = new FieldPath(name, '', this);
    for (const n of more) path = new FieldPath(n, '', path);
    return path;
  }

  /** `path.index(2)` is `path[2]`. */
  index(index: number): FieldPath {
    return new FieldPath('', String(index), this);
  }

  /** `path.key('app')` is `path[app]`. */
  key(key: string): FieldPath {
    return new FieldPath('', key, this);
  }

  /** The path's root element. */
  rootElement(): FieldPath {
    return this.parent ? this.parent.rootElement() : this;
  }

  toString(): string {
    const elems: FieldPath[] = [this];
    for (let p = this.parent; p; p = p.parent) elems.push(p);
    let out = '';
    for (let i = elems.length - 1; i >= 0; i--) {
      const p = elems[i]!;
      if (p.parent && p.name.length > 0) out += '.';
      out += p.name.length > 0 ? p.name : `[${p.subscript}]`;
    }
    return out;
  }
}

/** Upstream renders a missing (nil) path as `<nil>`. */
export function pathString(path: FieldPath | undefined): string {
  return path ? path.toString() : '<nil>';
}

/** A child of a path that may be missing; upstream's `(*Path)(nil).Child(x)` is just `x`. */
export function childPath(path: FieldPath | undefined, name: string, ...more: string[]): FieldPath {
  return path ? path.child(name, ...more) : FieldPath.root(name, ...more);
}

/** A subscript of a path that may be missing; upstream's `(*Path)(nil).Key(k)` is `[k]`. */
export function keyPath(path: FieldPath | undefined, key: string): FieldPath {
  return path ? path.key(key) : FieldPath.rootSubscript(key);
}

/** The machine-readable error types; also the `reason` of the matching `StatusCause`. */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

/** Marks a bad value that the message leaves out (upstream's omitValue). */
export const omitValue: unique symbol = Symbol('omitValue');

/**
 * One field-level validation error, upstream's field.Error.
 *
 * `badValue` is printed the way Go prints it: strings quoted (%q), numbers and booleans
 * plainly, `null`/`undefined` as `"null"`, string arrays as `[]string{"a", "b"}`, string
 * records as `map[string]string{...}`, a {@link GoRepr} as its text, and other objects
 * through their own `toString` when they have one.
 */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue: unknown;
  detail: string;
  /** Which check produced the error (upstream's Origin), for tests; not part of the message. */
  origin?: string;
}

export type FieldErrorList = FieldError[];

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** The human-readable name of an error type, e.g. `Invalid value`. */
export function errorTypeText(type: FieldErrorType): string {
  return typeText[type];
}

/** How Go's field error prints a bad value. */
export function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return goQuote('null');
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number':
      return Number.isInteger(value) ? String(value) : goFormatFloat(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'symbol':
      return String(value.description);
    case 'function':
      return '<func>';
  }
  if (value instanceof GoRepr) return value.text;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return goStringSlice(value as string[]).text;
    return JSON.stringify(value);
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && proto !== Object.prototype && typeof (value as { toString?: unknown }).toString === 'function') {
    const text = (value as { toString(): string }).toString();
    if (text !== '[object Object]') return text;
  }
  const entries = Object.values(value as object);
  if (entries.every((v) => typeof v === 'string')) return goStringMap(value as Record<string, string>).text;
  return JSON.stringify(value);
}

/** The message without the field name (upstream's ErrorBody): the StatusCause `message`. */
export function errorBody(err: FieldError): string {
  let s: string;
  switch (err.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'InternalError':
      s = typeText[err.type];
      break;
    default:
      s = err.badValue === omitValue ? typeText[err.type] : `${typeText[err.type]}: ${formatBadValue(err.badValue)}`;
  }
  if (err.detail.length > 0) s += `: ${err.detail}`;
  return s;
}

/** The full message, e.g. `metadata.name: Required value: name or generateName is required`. */
export function formatFieldError(err: FieldError): string {
  return `${err.field}: ${errorBody(err)}`;
}

/**
 * A list of errors as one message, as upstream's ErrorList.ToAggregate().Error(): repeated
 * messages once, a single message as is, several as `[a, b]`. '' for an empty list.
 */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const e of errs) {
    const m = formatFieldError(e);
    if (seen.has(m)) continue;
    seen.add(m);
    msgs.push(m);
  }
  if (msgs.length === 0) return '';
  if (msgs.length === 1) return msgs[0]!;
  return `[${msgs.join(', ')}]`;
}

/** The `StatusCause` upstream builds for a field error in an Invalid (422) status. */
export interface StatusCause {
  reason: FieldErrorType;
  message: string;
  field: string;
}

export function statusCause(err: FieldError): StatusCause {
  return { reason: err.type, message: errorBody(err), field: err.field };
}

/** The `reason` string of the StatusCause for an error type (it is the type itself). */
export function causeReason(type: FieldErrorType): FieldErrorType {
  return type;
}

/**
 * The message of upstream's NewInvalid status: `Pod "x" is invalid: <errors>`, or without
 * the colon part when there are no errors. The kind is printed as upstream's GroupKind
 * String(): `Kind` for the core group, else `Kind.group`.
 */
export function invalidMessage(groupKind: { group: string; kind: string }, name: string, errs: readonly FieldError[]): string {
  const gk = groupKind.group === '' ? groupKind.kind : `${groupKind.kind}.${groupKind.group}`;
  const agg = aggregateMessage(errs);
  return agg === '' ? `${gk} ${goQuote(name)} is invalid` : `${gk} ${goQuote(name)} is invalid: ${agg}`;
}

/** An Error carrying field errors; its message is the aggregate message. */
export class FieldErrorsError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[], message = aggregateMessage(errors)) {
    super(message);
    this.name = 'FieldErrorsError';
    this.errors = errors;
  }
}

// Constructors, one per upstream helper.

/** A required value is missing (empty string, null, empty list). */
export function required(path: FieldPath | undefined, detail: string): FieldError {
  return { type: 'FieldValueRequired', field: pathString(path), badValue: '', detail };
}

/** A malformed value. */
export function invalid(path: FieldPath | undefined, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: pathString(path), badValue: value, detail };
}

/** A value outside an enumeration; the detail lists the supported values, quoted. */
export function notSupported(path: FieldPath | undefined, value: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map((v) => goQuote(String(v))).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field: pathString(path), badValue: value, detail };
}

/** A well-formed value not permitted under the current conditions. */
export function forbidden(path: FieldPath | undefined, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field: pathString(path), badValue: '', detail };
}

/** A value that collides with another that must be unique. */
export function duplicate(path: FieldPath | undefined, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field: pathString(path), badValue: value, detail: '' };
}

/** A value that refers to something that could not be found. */
export function notFound(path: FieldPath | undefined, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field: pathString(path), badValue: value, detail: '' };
}

/** A value longer than `maxLength` bytes; the value itself is not shown. */
export function tooLong(path: FieldPath | undefined, _value: unknown, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long';
  return { type: 'FieldValueTooLong', field: pathString(path), badValue: '<value omitted>', detail };
}

/** A list with more than `maxQuantity` items; a negative `actualQuantity` is left out. */
export function tooMany(path: FieldPath | undefined, actualQuantity: number, maxQuantity: number): FieldError {
  const detail = maxQuantity >= 0 ? `must have at most ${maxQuantity} items` : 'has too many items';
  return {
    type: 'FieldValueTooMany',
    field: pathString(path),
    badValue: actualQuantity >= 0 ? actualQuantity : omitValue,
    detail,
  };
}

/** A value that does not match the schema's type. */
export function typeInvalid(path: FieldPath | undefined, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueTypeInvalid', field: pathString(path), badValue: value, detail };
}

/** An error not caused by the user's input. */
export function internalError(path: FieldPath | undefined, err: Error | string): FieldError {
  return { type: 'InternalError', field: pathString(path), badValue: null, detail: typeof err === 'string' ? err : err.message };
}

/** Sets `origin` on each error and returns the list. */
export function withOrigin(errs: FieldError[], origin: string): FieldError[] {
  for (const e of errs) e.origin = origin;
  return errs;
}
