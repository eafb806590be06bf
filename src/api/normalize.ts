/**
 * Go-style JSON normalization driven by the schema registry: `normalize` returns an
 * object exactly as upstream's round trip (decode into the Go struct, encode with
 * encoding/json) would print it, and `findUnknownFields` / `findStrictFieldErrors`
 * report what kube-apiserver's strict decoding (sigs.k8s.io/json) reports for
 * `fieldValidation=Strict|Warn`, with the same field paths.
 *
 * Contract of `normalize`:
 * - fields come out in Go's order (the TypeDef's `fieldsByName`: declaration order with
 *   inline structs' fields in their place); JSON keys the type does not declare are
 *   dropped (Go ignores them);
 * - absent (or JSON null) fields: nil-able ones (pointers, slices, maps, []byte) are
 *   omitted, or `null` when the JSON tag lacks omitempty (`always`); non-pointer structs
 *   are always printed (`{}` when empty: omitempty never omits a struct); non-pointer
 *   scalars are omitted with omitempty, else printed as their zero value;
 *   well-known structs print their zero value: Time and MicroTime `null`, Duration
 *   `"0s"`, Quantity `"0"`, IntOrString `0`, RawExtension and FieldsV1 `null`;
 * - present values with omitempty are omitted when Go considers them empty (false, 0,
 *   "", a zero-length slice, map or []byte); a present pointer is never empty;
 * - map keys are sorted as Go sorts them; list items and map values that are JSON null
 *   become the item type's zero value, as Go decodes them;
 * - Time is re-printed in UTC with seconds (`2006-01-02T15:04:05Z`), MicroTime with
 *   microseconds, Duration as Go's `time.Duration.String()`, []byte as canonical base64;
 *   Quantity in upstream's serialized form (src/apimachinery/quantity.ts: `0.5` -> `500m`);
 *   RawExtension and FieldsV1 contents are kept as they are (Go keeps their raw bytes);
 * - a value of the wrong JSON type, a bad time, duration or base64 string throws a
 *   `NormalizeError` naming the field, as Go's decoder fails the request.
 * The input is never modified; the result shares no objects with it except the
 * contents of RawExtension and FieldsV1 values.
 */
import { compareGoStrings, goQuote } from '../apimachinery/go-format.ts';
import { formatDuration, parseDuration } from '../apimachinery/duration.ts';
export { formatDuration, parseDuration };
import { Quantity } from '../apimachinery/quantity.ts';
import { wellKnownTypes, type FieldDef, type ResolvedType, type TypeDef } from './schema/types.ts';

/** Finds a type by its fully-qualified name; throws when it does not exist. */
export type TypeLookup = (name: string) => TypeDef;

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A value that Go's JSON decoder would reject; `path` is the JSON path, e.g. `spec.ports[0].port`. */
export class NormalizeError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(path === '' ? message : `${path}: ${message}`);
    this.name = 'NormalizeError';
    this.path = path;
  }
}

const OMIT = Symbol('omit');
type Out = JsonValue | typeof OMIT;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const joinPath = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** Normalizes a top-level object (see the module comment). */
export function normalize(type: TypeDef, json: unknown, lookup: TypeLookup): JsonObject {
  if (!isObject(json)) throw new NormalizeError('', `expected a JSON object for ${shortName(type.name)}, got ${jsonTypeOf(json)}`);
  return normalizeStruct(type, json, lookup, '');
}

/** Normalizes one value of the given type, e.g. a field's value; `null` stays `null` for nil-able types. */
export function normalizeValue(t: ResolvedType, value: unknown, lookup: TypeLookup, path = ''): JsonValue {
  if (value === null || value === undefined) {
    return isNilable(t, lookup) ? null : zeroValue(t, lookup);
  }
  return normValue(t, value, lookup, path);
}

function normalizeStruct(type: TypeDef, obj: Record<string, unknown>, lookup: TypeLookup, path: string): JsonObject {
  const plan = structPlan(type, lookup);
  // `{}` (a pod's securityContext, a container's lastState) prints as the type's zero value.
  if (isEmptyObject(obj)) return copyZero((plan.empty ??= normalizeFields(plan, obj, lookup, path)));
  return normalizeFields(plan, obj, lookup, path);
}

function normalizeFields(plan: StructPlan, obj: Record<string, unknown>, lookup: TypeLookup, path: string): JsonObject {
  const out: JsonObject = {};
  // The JSON view: Go's output order, inline (embedded) structs' fields in their place.
  for (const p of plan.fields) {
    const name = p.name;
    const raw = obj[name];
    // Most declared fields are absent: they need no path text and no own-property test.
    if (raw === null || raw === undefined || !has(obj, name)) {
      if (p.absent !== OMIT) out[name] = p.absent !== ZERO_STRUCT ? p.absent : copyZero(p.zero!);
      continue;
    }
    const fieldPath = joinPath(path, name);
    if (p.struct !== undefined) {
      // A struct field (the common container), as normValue would do it without looking its type up.
      if (!isObject(raw)) throw typeError(fieldPath, raw, 'object');
      out[name] = normalizeStruct(p.struct, raw, lookup, fieldPath);
      continue;
    }
    const result = normValue(p.field.type, raw, lookup, fieldPath);
    if (p.mayOmit && isEmpty(p.field.type, p.field.pointer === true, result, lookup)) continue;
    out[name] = result;
  }
  return out;
}

/** What an absent field prints as when that is a struct: a fresh copy of `FieldPlan.zero` each time. */
const ZERO_STRUCT = Symbol('zero struct');

/** How normalizeStruct treats one declared field, worked out once per type (and lookup). */
interface FieldPlan {
  readonly name: string;
  readonly field: FieldDef;
  /** What the field prints when absent or null (see absentField). */
  readonly absent: Out | typeof ZERO_STRUCT;
  readonly zero: JsonObject | undefined;
  /** Whether omitempty may drop a present value: not for structs and well-known types, which Go never finds empty. */
  readonly mayOmit: boolean;
  /** The field's struct type, when it is one (not a wrapper). */
  readonly struct: TypeDef | undefined;
}

/** A struct's field plans, and what `{}` prints as (made on first need). */
interface StructPlan {
  readonly fields: readonly FieldPlan[];
  empty?: JsonObject;
}

/** Plans by type, per lookup (tests use their own registries); the last lookup's table is kept at hand. */
const plansByLookup = new WeakMap<TypeLookup, WeakMap<TypeDef, StructPlan>>();
let lastLookup: TypeLookup | undefined;
let lastPlans = new WeakMap<TypeDef, StructPlan>();

function structPlan(type: TypeDef, lookup: TypeLookup): StructPlan {
  if (lookup !== lastLookup) {
    let plans = plansByLookup.get(lookup);
    if (!plans) {
      plans = new WeakMap();
      plansByLookup.set(lookup, plans);
    }
    lastLookup = lookup;
    lastPlans = plans;
  }
  let plan = lastPlans.get(type);
  if (!plan) {
    plan = { fields: [...type.fieldsByName].map(([name, field]) => fieldPlan(name, field, lookup)) };
    lastPlans.set(type, plan);
  }
  return plan;
}

function fieldPlan(name: string, field: FieldDef, lookup: TypeLookup): FieldPlan {
  const absent = absentField(field, lookup);
  const zero = isObject(absent) ? (absent as JsonObject) : undefined;
  const t = field.type;
  const struct = t.kind === 'message' && lookup(t.name).wraps === undefined ? lookup(t.name) : undefined;
  const neverEmpty = t.kind === 'wellKnown' || struct !== undefined;
  return { name, field, absent: zero ? ZERO_STRUCT : absent, zero, mayOmit: field.always !== true && !neverEmpty, struct };
}

function isEmptyObject(o: Record<string, unknown>): boolean {
  for (const _ in o) return false;
  return true;
}

/** A copy of a zero value (plain objects and scalars: Go's zero slices print as null). */
function copyZero(zero: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k in zero) {
    const v = zero[k]!;
    out[k] = isObject(v) ? copyZero(v as JsonObject) : Array.isArray(v) ? (structuredClone(v) as JsonValue) : v;
  }
  return out;
}

/** What an absent (or null) field prints as. */
function absentField(field: FieldDef, lookup: TypeLookup): Out {
  const t = field.type;
  const omitempty = field.always !== true;
  if (field.pointer === true || isNilable(t, lookup)) return omitempty ? OMIT : null;
  if (t.kind === 'scalar' && omitempty) return OMIT;
  return zeroValue(t, lookup);
}

/** Go's omitempty test on a value already normalized. */
function isEmpty(t: ResolvedType, pointer: boolean, v: JsonValue, lookup: TypeLookup): boolean {
  // Well-known types are structs (never empty), whatever they print: null, [], "".
  if (t.kind === 'wellKnown' || v === null) return false;
  if (Array.isArray(v)) return v.length === 0;
  if (t.kind === 'map') return isObject(v) && Object.keys(v).length === 0;
  if (t.kind === 'scalar') {
    if (t.scalar === 'bytes') return v === '';
    return !pointer && (v === '' || v === 0 || v === false);
  }
  if (t.kind === 'message') {
    const wraps = lookup(t.name).wraps;
    if (wraps !== undefined) return isEmpty(wraps.type, pointer, v, lookup);
  }
  return false; // structs and pointers are never empty
}

/** Whether Go's type for `t` is nil-able (a slice, a map, []byte, or a wrapper of one). */
function isNilable(t: ResolvedType, lookup: TypeLookup): boolean {
  switch (t.kind) {
    case 'list':
    case 'map':
      return true;
    case 'scalar':
      return t.scalar === 'bytes';
    case 'message': {
      const wraps = lookup(t.name).wraps;
      return wraps !== undefined && isNilable(wraps.type, lookup);
    }
    case 'wellKnown':
      return false;
  }
}

/** The JSON that Go prints for the zero value of a (non-pointer) `t`. */
function zeroValue(t: ResolvedType, lookup: TypeLookup): JsonValue {
  switch (t.kind) {
    case 'scalar':
      return t.scalar === 'string' ? '' : t.scalar === 'bool' ? false : t.scalar === 'bytes' ? null : 0;
    case 'list':
    case 'map':
      return null;
    case 'message': {
      const def = lookup(t.name);
      if (def.wraps !== undefined) return zeroValue(def.wraps.type, lookup);
      return normalizeStruct(def, {}, lookup, '');
    }
    case 'wellKnown':
      switch (t.name) {
        case wellKnownTypes.duration:
          return '0s';
        case wellKnownTypes.quantity:
          return '0';
        case wellKnownTypes.intOrString:
          return 0;
        default:
          return null; // Time, MicroTime, RawExtension, FieldsV1
      }
  }
}

function normValue(t: ResolvedType, v: unknown, lookup: TypeLookup, path: string): JsonValue {
  switch (t.kind) {
    case 'scalar':
      return normScalar(t.scalar, v, path);
    case 'list': {
      if (!Array.isArray(v)) throw typeError(path, v, 'array');
      return v.map((item, i) => normalizeValue(t.items, item, lookup, `${path}[${i}]`));
    }
    case 'map': {
      if (!isObject(v)) throw typeError(path, v, 'object');
      const out: JsonObject = {};
      for (const key of Object.keys(v).sort(compareGoStrings)) {
        out[wellFormed(key)] = normalizeValue(t.values, v[key], lookup, joinPath(path, key));
      }
      return out;
    }
    case 'message': {
      const def = lookup(t.name);
      if (def.wraps !== undefined) return normalizeValue(def.wraps.type, v, lookup, path);
      if (!isObject(v)) throw typeError(path, v, 'object');
      return normalizeStruct(def, v, lookup, path);
    }
    case 'wellKnown':
      return normWellKnown(t.name, v, path);
  }
}

function normScalar(scalar: string, v: unknown, path: string): JsonValue {
  switch (scalar) {
    case 'string':
      if (typeof v !== 'string') throw typeError(path, v, 'string');
      return wellFormed(v);
    case 'bool':
      if (typeof v !== 'boolean') throw typeError(path, v, 'bool');
      return v;
    case 'int32':
    case 'int64': {
      if (typeof v !== 'number') throw typeError(path, v, scalar);
      const max = scalar === 'int32' ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(v) || v < -max || v >= max) {
        throw new NormalizeError(path, `cannot unmarshal number ${v} into a value of type ${scalar}`);
      }
      return v;
    }
    case 'double':
      if (typeof v !== 'number') throw typeError(path, v, 'float64');
      return v;
    case 'bytes': {
      if (typeof v !== 'string') throw typeError(path, v, '[]byte');
      return canonicalBase64(v, path);
    }
    default:
      throw new NormalizeError(path, `unknown scalar type ${scalar}`);
  }
}

function normWellKnown(name: string, v: unknown, path: string): JsonValue {
  switch (name) {
    case wellKnownTypes.time:
    case wellKnownTypes.microTime: {
      if (typeof v !== 'string') throw typeError(path, v, 'string');
      const micro = name === wellKnownTypes.microTime;
      const known = (micro ? canonicalMicroTimes : canonicalTimes).get(v);
      if (known !== undefined) return known;
      const t = parseRFC3339(v);
      if (t === undefined) throw new NormalizeError(path, `parsing time ${goQuote(v)} as "2006-01-02T15:04:05Z07:00": cannot parse`);
      const text = micro ? formatMicroTime(t.seconds, t.nanos) : formatTime(t.seconds);
      remember(micro ? canonicalMicroTimes : canonicalTimes, v, text);
      return text;
    }
    case wellKnownTypes.duration: {
      if (typeof v !== 'string') throw typeError(path, v, 'string');
      try {
        return formatDuration(parseDuration(v));
      } catch (error) {
        throw new NormalizeError(path, (error as Error).message);
      }
    }
    case wellKnownTypes.quantity:
      // Go's Quantity.UnmarshalJSON accepts a string or a bare number; MarshalJSON prints
      // the canonical form (or the input, where upstream keeps it).
      if (typeof v !== 'string' && typeof v !== 'number') throw typeError(path, v, 'Quantity');
      return canonicalQuantity(v, path);
    case wellKnownTypes.intOrString:
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31) return v;
      throw typeError(path, v, 'IntOrString');
    case wellKnownTypes.rawExtension:
    case wellKnownTypes.fieldsV1:
      return v as JsonValue;
    default:
      throw new NormalizeError(path, `unknown well-known type ${name}`);
  }
}

/** Go decodes a lone surrogate escape (`"\ud800"`) as U+FFFD. */
const wellFormed = (s: string) => (s.isWellFormed() ? s : s.toWellFormed());

/**
 * JSON text as Go's encoding/json writes it (kube-apiserver's and client-go's JSON
 * serializer): like JSON.stringify, but `<`, `>`, `&`, U+2028 and U+2029 escaped as
 * `\u003c` and so on. Numbers need nothing: Go's float64 format matches JavaScript's.
 */
export function stringifyLikeGo(value: JsonValue): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Printed forms of recently seen Time and MicroTime strings: the same seconds recur across a burst of writes. */
const canonicalTimes = new Map<string, string | null>();
const canonicalMicroTimes = new Map<string, string | null>();

/** Adds to a bounded memo (emptied when full: values recur in bursts). */
function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= 1024) memo.clear();
  memo.set(key, value);
}

/** Canonical forms of recently seen quantity strings: a few values ("100m", "128Mi") recur in every object. */
const canonicalQuantities = new Map<string, string>();

/** A quantity (JSON string or number) in the form upstream prints it; throws NormalizeError. */
export function canonicalQuantity(v: string | number, path = ''): string {
  if (typeof v === 'string') {
    const known = canonicalQuantities.get(v);
    if (known !== undefined) return known;
  }
  let canonical: string;
  try {
    canonical = Quantity.fromJSON(v).toString();
  } catch (error) {
    throw new NormalizeError(path, (error as Error).message);
  }
  if (typeof v === 'string') remember(canonicalQuantities, v, canonical);
  return canonical;
}

function canonicalBase64(s: string, path: string): string {
  const compact = s.replace(/[\r\n]/g, ''); // Go's base64 decoder skips newlines
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new NormalizeError(path, `illegal base64 data in ${goQuote(s)}`);
  }
  return Buffer.from(compact, 'base64').toString('base64');
}

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

function typeError(path: string, v: unknown, goType: string): NormalizeError {
  return new NormalizeError(path, `cannot unmarshal ${jsonTypeOf(v)} into a value of type ${goType}`);
}

const shortName = (name: string) => name.slice(name.lastIndexOf('.') + 1);

// ---------------------------------------------------------------------------------------
// Time (RFC 3339) and Duration (Go's time.Duration) text forms.

/** A point in time as Go holds it: seconds since the epoch and non-negative nanoseconds. */
export interface Instant {
  readonly seconds: number;
  readonly nanos: number;
}

/** Go's zero time.Time, 0001-01-01T00:00:00Z, in Unix seconds; metav1.Time prints it as null. */
export const zeroTimeSeconds = -62135596800;

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 timestamp as Go's time.Parse(time.RFC3339, s) does; undefined when invalid. */
export function parseRFC3339(s: string): Instant | undefined {
  const m = rfc3339.exec(s);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (month! < 1 || month! > 12 || day! < 1 || hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!); // unlike Date.UTC, keeps years 0..99 as they are
  if (date.getUTCDate() !== day) return undefined; // day out of range for the month
  let offset = 0;
  if (m[8] === undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  const seconds = date.getTime() / 1000 + hour! * 3600 + minute! * 60 + second! - offset;
  const nanos = m[7] === undefined ? 0 : Number(m[7].slice(0, 9).padEnd(9, '0'));
  return { seconds, nanos };
}

function formatDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** metav1.Time's JSON: RFC 3339 in UTC with whole seconds, or null for Go's zero time. */
export function formatTime(seconds: number): string | null {
  if (seconds === zeroTimeSeconds) return null;
  return `${formatDate(seconds)}Z`;
}

/** metav1.MicroTime's JSON: RFC 3339 in UTC with microseconds, or null for Go's zero time. */
export function formatMicroTime(seconds: number, nanos: number): string | null {
  if (seconds === zeroTimeSeconds && nanos === 0) return null;
  return `${formatDate(seconds)}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

// ---------------------------------------------------------------------------------------
// Strict decoding: unknown and duplicate fields, with sigs.k8s.io/json's paths.

/** One strict decoding problem; `path` as upstream prints it, e.g. `spec.template.spec.containers[0].imagee`. */
export interface StrictFieldError {
  readonly kind: 'unknown' | 'duplicate';
  readonly path: string;
}

/** `unknown field "spec.replicass"` / `duplicate field "metadata.name"`, as upstream words one error. */
export function strictFieldErrorMessage(error: StrictFieldError): string {
  return `${error.kind} field ${goQuote(error.path)}`;
}

/** The whole message of a strict decoding failure: `strict decoding error: unknown field "a", duplicate field "b"`. */
export function strictDecodingErrorMessage(errors: readonly StrictFieldError[]): string {
  return `strict decoding error: ${errors.map(strictFieldErrorMessage).join(', ')}`;
}

/** Upstream keeps at most this many strict errors per decode. */
const maxStrictErrors = 100;

/** What a JSON value decodes into, for strict checking; 'opaque' values are not looked into. */
type Cursor =
  | StructCursor
  | { readonly kind: 'map'; readonly values: ResolvedType }
  | { readonly kind: 'list'; readonly items: ResolvedType }
  | { readonly kind: 'opaque' };

/** A struct, with the cursors of its fields found so far (only declared ones). */
interface StructCursor {
  readonly kind: 'struct';
  readonly type: TypeDef;
  readonly lookup: TypeLookup;
  readonly fields: Map<string, Cursor>;
}

const opaque: Cursor = { kind: 'opaque' };

/** Cursors by type, per lookup: every object of a kind walks the same ones. */
interface Cursors {
  readonly byType: WeakMap<ResolvedType, Cursor>;
  readonly structs: WeakMap<TypeDef, StructCursor>;
}

const cursorsByLookup = new WeakMap<TypeLookup, Cursors>();

function cursorsOf(lookup: TypeLookup): Cursors {
  let cursors = cursorsByLookup.get(lookup);
  if (!cursors) {
    cursors = { byType: new WeakMap(), structs: new WeakMap() };
    cursorsByLookup.set(lookup, cursors);
  }
  return cursors;
}

function cursorFor(t: ResolvedType, lookup: TypeLookup): Cursor {
  if (t.kind === 'scalar' || t.kind === 'wellKnown') return opaque; // with their own UnmarshalJSON
  const cursors = cursorsOf(lookup);
  let cursor = cursors.byType.get(t);
  if (!cursor) {
    cursor = makeCursor(t, lookup);
    cursors.byType.set(t, cursor);
  }
  return cursor;
}

function makeCursor(t: ResolvedType, lookup: TypeLookup): Cursor {
  switch (t.kind) {
    case 'list':
      return { kind: 'list', items: t.items };
    case 'map':
      return { kind: 'map', values: t.values };
    case 'message': {
      const def = lookup(t.name);
      return def.wraps !== undefined ? cursorFor(def.wraps.type, lookup) : structCursor(def, lookup);
    }
    default:
      return opaque;
  }
}

function structCursor(type: TypeDef, lookup: TypeLookup): StructCursor {
  const structs = cursorsOf(lookup).structs;
  let cursor = structs.get(type);
  if (!cursor) {
    cursor = { kind: 'struct', type, lookup, fields: new Map() };
    structs.set(type, cursor);
  }
  return cursor;
}

/** The cursor of a struct's field; undefined for a field the struct does not declare. */
function fieldCursor(cursor: StructCursor, key: string): Cursor | undefined {
  let child = cursor.fields.get(key);
  if (child === undefined) {
    const field = cursor.type.fieldsByName.get(key);
    if (field === undefined) return undefined;
    child = cursorFor(field.type, cursor.lookup);
    cursor.fields.set(key, child);
  }
  return child;
}

/**
 * Collects strict errors as sigs.k8s.io/json does: in document order, deduplicated, at
 * most 100. The path of an error is the stack of keys and indexes above it joined (keys
 * with ".", indexes as "[i]") plus "." and the key; at the top level just the key.
 */
class StrictCollector {
  readonly errors: StrictFieldError[] = [];
  private readonly seen = new Set<string>();
  add(kind: StrictFieldError['kind'], stack: string, key: string): void {
    if (this.errors.length >= maxStrictErrors) return;
    const path = stack === '' ? key : `${stack}.${key}`;
    const id = `${kind}\u0000${path}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.errors.push({ kind, path });
  }
}

/**
 * The unknown fields of a parsed JSON object, as upstream's strict decoding names them
 * (`spec.replicass`, `spec.template.spec.containers[0].imagee`, `metadata.foo`).
 * Duplicate keys cannot be seen in a parsed value: use `findStrictFieldErrors` on the text.
 */
export function findUnknownFields(type: TypeDef, json: unknown, lookup: TypeLookup): string[] {
  const collector = new StrictCollector();
  walkValue(structCursor(type, lookup), json, '', lookup, collector);
  return collector.errors.map((e) => e.path);
}

function walkValue(cursor: Cursor, v: unknown, stack: string, lookup: TypeLookup, c: StrictCollector): void {
  if (Array.isArray(v)) {
    if (cursor.kind !== 'list') return;
    const items = cursorFor(cursor.items, lookup);
    if (items.kind === 'opaque') return;
    for (let i = 0; i < v.length; i++) walkValue(items, v[i], `${stack}[${i}]`, lookup, c);
    return;
  }
  if (!isObject(v)) return;
  if (cursor.kind === 'struct') {
    for (const key of Object.keys(v)) {
      const child = fieldCursor(cursor, key);
      if (child === undefined) c.add('unknown', stack, key);
      // Scalars and well-known types hold nothing to report: no path text for them.
      else if (child.kind !== 'opaque') walkValue(child, v[key], joinPath(stack, key), lookup, c);
    }
  } else if (cursor.kind === 'map') {
    const values = cursorFor(cursor.values, lookup);
    if (values.kind === 'opaque') return;
    for (const key of Object.keys(v)) walkValue(values, v[key], joinPath(stack, key), lookup, c);
  }
}

/**
 * Unknown and duplicate fields in a JSON text, in upstream's order and wording (see
 * `strictFieldErrorMessage`). Scans the text once without building values; throws a
 * SyntaxError on malformed JSON (parse it first to report syntax errors upstream's way).
 */
export function findStrictFieldErrors(type: TypeDef, text: string, lookup: TypeLookup): StrictFieldError[] {
  const scanner = new StrictScanner(text, lookup);
  scanner.skipSpace();
  scanner.value(structCursor(type, lookup), '');
  scanner.skipSpace();
  if (scanner.pos !== text.length) throw new SyntaxError(`unexpected data after the JSON value at offset ${scanner.pos}`);
  return scanner.collector.errors;
}

class StrictScanner {
  pos = 0;
  readonly collector = new StrictCollector();
  private readonly text: string;
  private readonly lookup: TypeLookup;

  constructor(text: string, lookup: TypeLookup) {
    this.text = text;
    this.lookup = lookup;
  }

  // The loops below keep the position in a local: stepping `this.pos` costs a store per character.

  skipSpace(): void {
    const t = this.text;
    let pos = this.pos;
    while (pos < t.length) {
      const ch = t.charCodeAt(pos);
      if (ch !== 0x20 && ch !== 0x0a && ch !== 0x0d && ch !== 0x09) break;
      pos++;
    }
    this.pos = pos;
  }

  private fail(what: string): never {
    throw new SyntaxError(`invalid JSON: ${what} at offset ${this.pos}`);
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) !== ch.charCodeAt(0)) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    if (t.charCodeAt(start) !== 0x22) this.fail('expected a string');
    const end = this.stringEnd(start);
    return this.escaped ? (JSON.parse(t.slice(start, end)) as string) : t.slice(start + 1, end - 1);
  }

  /** As string(), for a value nobody reads: only an escaped one is decoded (for its errors). */
  private skipString(): void {
    const start = this.pos;
    const end = this.stringEnd(start);
    if (this.escaped) JSON.parse(this.text.slice(start, end));
  }

  /** Whether the string stringEnd last passed holds an escape. */
  private escaped = false;

  /** Moves past the string whose quote is at `start`; returns the position after its closing quote. */
  private stringEnd(start: number): number {
    const t = this.text;
    let pos = start + 1;
    let escaped = false;
    while (pos < t.length) {
      const ch = t.charCodeAt(pos++);
      if (ch === 0x22) {
        this.pos = pos;
        this.escaped = escaped;
        return pos;
      }
      if (ch === 0x5c) {
        escaped = true;
        pos++;
      }
    }
    this.pos = pos;
    return this.fail('unterminated string');
  }

  value(cursor: Cursor, stack: string): void {
    this.skipSpace();
    const ch = this.text.charCodeAt(this.pos);
    if (ch === 0x7b) return this.object(cursor, stack); // {
    if (ch === 0x5b) return this.array(cursor, stack); // [
    if (ch === 0x22) return this.skipString();
    const length = literalLength(this.text, this.pos);
    if (length === 0) this.fail('unexpected character');
    this.pos += length;
  }

  private object(cursor: Cursor, stack: string): void {
    this.pos++; // {
    const seen = cursor.kind === 'struct' || cursor.kind === 'map' ? new SeenKeys() : undefined;
    const values = cursor.kind === 'map' ? cursorFor(cursor.values, this.lookup) : opaque;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const key = this.string();
      this.expect(':');
      let child: Cursor = opaque;
      if (cursor.kind === 'struct') {
        const field = fieldCursor(cursor, key);
        if (field === undefined) {
          this.collector.add('unknown', stack, key);
        } else {
          if (seen!.add(key)) this.collector.add('duplicate', stack, key);
          child = field;
        }
      } else if (cursor.kind === 'map') {
        if (seen!.add(key)) this.collector.add('duplicate', stack, key);
        child = values;
      }
      // Only values that can hold problems need their path text.
      this.value(child, child.kind === 'opaque' ? stack : joinPath(stack, key));
      this.skipSpace();
      const next = this.text.charCodeAt(this.pos++);
      if (next === 0x7d) return; // }
      if (next !== 0x2c) this.fail("expected ',' or '}'");
    }
  }

  private array(cursor: Cursor, stack: string): void {
    this.pos++; // [
    const items = cursor.kind === 'list' ? cursorFor(cursor.items, this.lookup) : opaque;
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      this.value(items, items.kind === 'opaque' ? stack : `${stack}[${i}]`);
      this.skipSpace();
      const next = this.text.charCodeAt(this.pos++);
      if (next === 0x5d) return; // ]
      if (next !== 0x2c) this.fail("expected ',' or ']'");
    }
  }
}

/** The keys of one object so far, for duplicates: a list while short, then a set. */
class SeenKeys {
  private readonly list: string[] = [];
  private set: Set<string> | undefined;

  /** Adds a key; true when it was there already. */
  add(key: string): boolean {
    if (this.set) {
      if (this.set.has(key)) return true;
      this.set.add(key);
      return false;
    }
    if (this.list.includes(key)) return true;
    this.list.push(key);
    if (this.list.length > 16) this.set = new Set(this.list);
    return false;
  }
}

/**
 * The length of the `true`, `false`, `null` or number at `pos` (0: none), as the regex
 * /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/ matches it in the
 * next 400 characters.
 */
function literalLength(text: string, pos: number): number {
  const end = Math.min(text.length, pos + 400);
  if (text.startsWith('true', pos)) return 4;
  if (text.startsWith('false', pos)) return 5;
  if (text.startsWith('null', pos)) return 4;
  const digit = (i: number) => i < end && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39;
  let i = pos;
  if (i < end && text.charCodeAt(i) === 0x2d) i++; // -
  if (!digit(i)) return 0;
  if (text.charCodeAt(i) === 0x30) i++;
  else while (digit(i)) i++;
  if (i < end && text.charCodeAt(i) === 0x2e && digit(i + 1)) {
    i += 2;
    while (digit(i)) i++;
  }
  if (i < end && (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45)) {
    let j = i + 1;
    if (j < end && (text.charCodeAt(j) === 0x2b || text.charCodeAt(j) === 0x2d)) j++;
    if (digit(j)) {
      while (digit(j)) j++;
      i = j;
    }
  }
  return i - pos;
}
