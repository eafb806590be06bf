/**
 * How Go's fmt prints the decoded JSON values (`map[string]interface{}`, `[]interface{}`,
 * string, bool, int64, float64, nil) that upstream's patch code puts into its error
 * messages, so that ours read the same.
 *
 * The API server decodes patches with sigs.k8s.io/json's PreserveInts option, so a JSON
 * integer is an int64 and anything else a float64; a JavaScript number that is an integer
 * is taken to be an int64.
 */
import { goFormatFloat, sortGoStrings } from '../../apimachinery/go-format.ts';

export function isJsonMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : goFormatFloat(n);
}

/** Go's `%v` of a decoded JSON value, e.g. `map[image:nginx name:web]`, `[a b]`, `<nil>`. */
export function goV(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return `[${value.map(goV).join(' ')}]`;
  if (isJsonMap(value)) return `map[${sortGoStrings(Object.keys(value)).map((k) => `${k}:${goV(value[k])}`).join(' ')}]`;
  return String(value);
}

/** Go's `%s`: strings as they are, other scalars as `%!s(int64=1)`, containers element-wise. */
export function goS(value: unknown): string {
  if (value === null || value === undefined) return '%!s(<nil>)';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return `%!s(${goTypeName(value)}=${goV(value)})`;
  if (Array.isArray(value)) return `[${value.map(goS).join(' ')}]`;
  if (isJsonMap(value)) return `map[${sortGoStrings(Object.keys(value)).map((k) => `${k}:${goS(value[k])}`).join(' ')}]`;
  return String(value);
}

/** `reflect.TypeOf(value)` printed with `%s`, as upstream's ErrBadArgType does. */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '%!s(<nil>)';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** The JSON kind as Go's encoding/json names it in UnmarshalTypeError: object, array, ... */
export function jsonKindName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

/**
 * Go's `==` on two interface values holding decoded JSON scalars: equal type and value.
 * Maps and slices are never equal here (Go would panic comparing them).
 */
export function goScalarEqual(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (typeof a === 'object' && a !== null) return false;
  if (typeof b === 'object' && b !== null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a === b && Number.isInteger(a) === Number.isInteger(b);
  return a === b;
}

/** Structural equality of two JSON values (key order ignored), and deep copies. */
export { jsonEqual, deepCopyJson as cloneJson } from '../../apimachinery/json.ts';
