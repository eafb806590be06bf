/**
 * Helpers shared by the conversions: plain-JSON objects, annotations, and the few Go
 * behaviours (omitempty, strconv.ParseInt) that upstream's conversion functions lean on.
 */

export type JsonObject = Record<string, unknown>;

/** A conversion that cannot be done: an unsupported pair, or a value upstream rejects. */
export class ConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConversionError';
  }
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of a JSON value. */
export { deepCopyJson as clone } from '../../apimachinery/json.ts';

/** `obj[key]` when it is an object, else undefined. */
export function objectAt(obj: JsonObject, key: string): JsonObject | undefined {
  const v = obj[key];
  return isObject(v) ? v : undefined;
}

/** `obj[key]`, created as `{}` when it is missing or not an object. */
export function ensureObject(obj: JsonObject, key: string): JsonObject {
  const v = obj[key];
  if (isObject(v)) return v;
  const created: JsonObject = {};
  obj[key] = created;
  return created;
}

/** `obj[key]` when it is an array, else undefined. */
export function arrayAt(obj: JsonObject | undefined, key: string): unknown[] | undefined {
  const v = obj?.[key];
  return Array.isArray(v) ? v : undefined;
}

/** `obj[key]` when it is a string, else undefined. */
export function stringAt(obj: JsonObject | undefined, key: string): string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' ? v : undefined;
}

/** Present and not JSON null (Go: a non-nil pointer). */
export const present = (v: unknown): boolean => v !== undefined && v !== null;

/** Sets `obj[key] = value` when the value is present (non-nil), deletes the key otherwise. */
export function setOrDelete(obj: JsonObject, key: string, value: unknown): void {
  if (present(value)) obj[key] = value;
  else delete obj[key];
}

/** Moves `from` to `to` in place (drops `from`; `to` is removed when `from` was absent). */
export function rename(obj: JsonObject, from: string, to: string): void {
  const v = obj[from];
  delete obj[from];
  setOrDelete(obj, to, v);
}

function annotationsOf(obj: JsonObject): JsonObject | undefined {
  const metadata = objectAt(obj, 'metadata');
  return metadata && objectAt(metadata, 'annotations');
}

/** The annotation's value, or undefined when absent (or not a string). */
export function getAnnotation(obj: JsonObject, key: string): string | undefined {
  return stringAt(annotationsOf(obj), key);
}

/** True when the annotation key exists (Go's `_, ok := m[key]`). */
export function hasAnnotation(obj: JsonObject, key: string): boolean {
  const annotations = annotationsOf(obj);
  return annotations !== undefined && Object.hasOwn(annotations, key);
}

export function setAnnotation(obj: JsonObject, key: string, value: string): void {
  const metadata = ensureObject(obj, 'metadata');
  ensureObject(metadata, 'annotations')[key] = value;
}

/** Deletes annotations; drops the map when it ends up empty (Go's omitempty would). */
export function deleteAnnotations(obj: JsonObject, ...keys: string[]): void {
  const metadata = objectAt(obj, 'metadata');
  const annotations = metadata && objectAt(metadata, 'annotations');
  if (!metadata || !annotations) return;
  let changed = false;
  for (const k of keys) {
    if (Object.hasOwn(annotations, k)) {
      delete annotations[k];
      changed = true;
    }
  }
  if (changed && Object.keys(annotations).length === 0) delete metadata.annotations;
}


const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/**
 * Go's strconv.ParseInt(s, 10, 64), as the annotation conversions use it; throws a
 * ConversionError with upstream's wording (`strconv.ParseInt: parsing "x": invalid syntax`).
 */
export function parseInt64(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new ConversionError(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n < int64Min || n > int64Max) throw new ConversionError(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(n);
}

/** strconv.FormatInt(n, 10) of a JSON number (absent or null is Go's zero). */
export function formatInt64(v: unknown): string {
  if (v === undefined || v === null) return '0';
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v).toString();
  if (typeof v === 'string' && /^[+-]?[0-9]+$/.test(v)) return BigInt(v).toString();
  throw new ConversionError(`expected an integer, got ${JSON.stringify(v)}`);
}
