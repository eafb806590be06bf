/**
 * Shared pieces for the API group validators: reading plain JSON objects the way Go's
 * decoder fills structs (a missing string is "", a missing number 0), printing bad values
 * the way Go's `%#v` prints upstream's internal types, upstream's int-or-percent checks,
 * and the core API's ObjectMeta wrappers (which add the Kubernetes finalizer-name rule).
 */
import { type FieldError, FieldPath, invalid } from '../../apimachinery/field.ts';
import { GoRepr, goQuote, goStringMap, goStringSlice } from '../../apimachinery/go-format.ts';
import { Quantity } from '../../apimachinery/quantity.ts';
import {
  type ObjectMetaLike,
  type ValidateNameFunc,
  isDNS1123Label,
  isQualifiedName,
  isValidPercent,
  validateFinalizerName,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from '../../apimachinery/validation.ts';

export type JSONObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------
// Reading JSON

/** The value as a plain object, or undefined (null, arrays and scalars are not objects). */
export function obj(v: unknown): JSONObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JSONObject) : undefined;
}

/** The value as an object, or an empty one (Go's zero struct). */
export function objOrEmpty(v: unknown): JSONObject {
  return obj(v) ?? {};
}

/** The string, or '' (Go's zero string). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The string when set (a Go *string), else undefined. */
export function optStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The number, or 0. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** The number when set (a Go *int32), else undefined. */
export function optNum(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** The boolean when set (a Go *bool), else undefined. */
export function optBool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** The array, or [] (Go's nil slice). */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The array of strings (non-strings read as ''). */
export function strArr(v: unknown): string[] {
  return arr(v).map(str);
}

/** A map[string]string, or undefined for a missing (nil) map. */
export function strMap(v: unknown): Record<string, string> | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) out[k] = str(val);
  return out;
}

/** True when the value is present (not undefined or null): a set Go pointer. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** The object's metadata as upstream's ObjectMeta reads it. */
export function metaOf(o: JSONObject): ObjectMetaLike {
  return objOrEmpty(o.metadata) as ObjectMetaLike;
}

/** A deep copy of a JSON value. */
export { deepCopyJson as clone } from '../../apimachinery/json.ts';

// ---------------------------------------------------------------------------------------
// Semantic equality (upstream's apiequality.Semantic.DeepEqual on decoded objects)

const isEmptyish = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === '' ||
  v === 0 ||
  v === false ||
  (Array.isArray(v) && v.length === 0) ||
  (obj(v) !== undefined && Object.values(obj(v)!).every(isEmptyish));

const quantityKeys = new Set(['requests', 'limits', 'capacity', 'allocatable']);

function quantityEqual(a: string, b: string): boolean {
  try {
    return Quantity.parse(a).cmp(Quantity.parse(b)) === 0;
  } catch {
    return a === b;
  }
}

/**
 * Equality of two decoded JSON values as Go would see them after decoding into typed
 * structs: a missing field equals its zero value (nil and empty slices and maps are equal
 * too, as in Semantic.DeepEqual), and resource quantities compare by value.
 */
export function semanticEqual(a: unknown, b: unknown, inQuantities = false): boolean {
  if (a === b) return true;
  if (isEmptyish(a) && isEmptyish(b)) return true;
  if (inQuantities && typeof a === 'string' && typeof b === 'string') return quantityEqual(a, b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i], inQuantities));
  }
  const oa = obj(a);
  const ob = obj(b);
  if (!oa || !ob) return false;
  const keys = new Set([...Object.keys(oa), ...Object.keys(ob)]);
  for (const k of keys) {
    if (!semanticEqual(oa[k], ob[k], inQuantities || quantityKeys.has(k))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Go %#v renderings of upstream types

/** The placeholder Go prints for a set pointer inside a struct (the address varies). */
export const goPointerAddress = '0xc000012345';

/** `(*T)(nil)` or `(*T)(0xc...)`. */
export function goPointer(type: string, set: boolean): string {
  return `(*${type})(${set ? goPointerAddress : 'nil'})`;
}

/** %#v of a map[string]string inside a struct: nil for a missing map. */
function goMapField(v: unknown): string {
  return goStringMap(strMap(v) ?? null).text;
}

/** %#v of a []string inside a struct: nil for a missing slice. */
function goSliceField(v: unknown): string {
  return goStringSlice(Array.isArray(v) ? strArr(v) : null).text;
}

/** %#v of a metav1.LabelSelector value, as field errors print a dereferenced *LabelSelector. */
export function goLabelSelector(sel: unknown): GoRepr {
  if (!isSet(sel)) return new GoRepr('"null"');
  const s = objOrEmpty(sel);
  const exprs = s.matchExpressions;
  let exprText: string;
  if (!Array.isArray(exprs)) {
    exprText = '[]v1.LabelSelectorRequirement(nil)';
  } else {
    const items = exprs.map((e) => {
      const r = objOrEmpty(e);
      return `v1.LabelSelectorRequirement{Key:${goQuote(str(r.key))}, Operator:${goQuote(str(r.operator))}, Values:${goSliceField(r.values)}}`;
    });
    exprText = `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
  }
  return new GoRepr(`v1.LabelSelector{MatchLabels:${goMapField(s.matchLabels)}, MatchExpressions:${exprText}}`);
}

/** %#v of template labels (a map[string]string value: nil prints as `map[string]string(nil)`). */
export function goLabels(v: unknown): GoRepr {
  return goStringMap(strMap(v) ?? null);
}

/** %#v of an intstr.IntOrString from its JSON form (a number or a string). */
export function goIntOrString(v: unknown): GoRepr {
  if (typeof v === 'string') return new GoRepr(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  return new GoRepr(`intstr.IntOrString{Type:0, IntVal:${num(v)}, StrVal:""}`);
}

/** A []byte as Go's %#v prints it. */
export function goBytes(bytes: Uint8Array | undefined): GoRepr {
  if (!bytes) return new GoRepr('[]byte(nil)');
  return new GoRepr(`[]byte{${Array.from(bytes, (b) => `0x${b.toString(16)}`).join(', ')}}`);
}

/**
 * %#v of a resource.Quantity decoded from `text` (as field errors print a dereferenced
 * *Quantity): the int64 amount, the empty inf.Dec, the cached string and the format.
 */
export function goQuantity(text: string): GoRepr {
  let q: Quantity;
  try {
    q = Quantity.parse(text.trim());
  } catch {
    return new GoRepr(goQuote(text));
  }
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(text.trim());
  let value = '0';
  let scale = 0;
  let cached = '';
  if (m) {
    const [, sign, whole = '', frac = '', suffix = ''] = m;
    const digits = (whole + frac).replace(/^0+(?=.)/, '');
    let exp = -frac.length;
    let mult = 1n;
    const si: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
    const bin: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
    if (suffix in bin) mult = 1n << BigInt(bin[suffix]!);
    else if (suffix in si) exp += si[suffix]!;
    else if (/^[eE][-+]?[0-9]+$/.test(suffix)) exp += Number(suffix.slice(1));
    let v = BigInt(digits || '0') * mult;
    if (sign === '-') v = -v;
    value = v.toString();
    scale = exp;
    // Upstream keeps the input as the cached string when it is already canonical.
    if (q.toString() === text) cached = text;
  }
  return new GoRepr(
    `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${scale}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${goQuote(cached)}, Format:${goQuote(q.format)}}`,
  );
}

// ---------------------------------------------------------------------------------------
// Core validation helpers shared by the groups

const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/**
 * Core's validateKubeFinalizerName for each finalizer, at `finalizers[i]`: the
 * qualified-name check again (upstream repeats it there) and, for a name without a
 * prefix, that it is one of the standard finalizers.
 */
function kubeFinalizerNames(finalizers: readonly string[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (finalizers ?? []).forEach((f, i) => {
    errs.push(...validateFinalizerName(f, path.index(i)));
    if (f.split('/').length === 1 && !standardFinalizers.has(f)) {
      errs.push(invalid(path.index(i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** The core API's ObjectMeta validation: apimachinery's, plus the finalizer-name rule. */
export function coreObjectMeta(o: JSONObject, requiresNamespace: boolean, nameFn: ValidateNameFunc, path = FieldPath.root('metadata')): FieldError[] {
  const meta = metaOf(o);
  return [...validateObjectMeta(meta, requiresNamespace, nameFn, path), ...kubeFinalizerNames(meta.finalizers, path.child('finalizers'))];
}

/** The core API's ObjectMeta update validation, with the finalizer-name rule. */
export function coreObjectMetaUpdate(o: JSONObject, old: JSONObject, path = FieldPath.root('metadata')): FieldError[] {
  const meta = metaOf(o);
  return [...validateObjectMetaUpdate(meta, metaOf(old), path), ...kubeFinalizerNames(meta.finalizers, path.child('finalizers'))];
}

/** Upstream's ValidateNonnegativeField for an optional (pointer) number. */
export function nonnegative(v: unknown, path: FieldPath): FieldError[] {
  return validateNonnegativeField(num(v), path);
}

/** Core's ValidateDNS1123Label. */
export function validateDNS1123Label(value: string, path: FieldPath): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalid(path, value, msg));
}

/** Core's ValidateQualifiedName. */
export function validateQualifiedName(value: string, path: FieldPath): FieldError[] {
  return isQualifiedName(value).map((msg) => invalid(path, value, msg));
}

/** Upstream's ValidatePositiveIntOrPercent (apps validation), on the JSON form. */
export function validatePositiveIntOrPercent(v: unknown, path: FieldPath): FieldError[] {
  // A missing value converts to the integer 0. (Upstream's third branch, for a value that
  // is neither, cannot be reached from JSON.)
  if (typeof v === 'string') return isValidPercent(v).map((msg) => invalid(path, goIntOrString(v), msg));
  return validateNonnegativeField(num(v), path);
}

/** The percentage of a valid percent string, else undefined. */
function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number(v.slice(0, -1));
}

/**
 * Upstream's getIntOrPercentValue: the percentage for a valid percent string, the integer
 * for a number, and for any other string what Go's IntValue gives (its Atoi, 0 on error).
 */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[+-]?[0-9]+$/.test(v)) return Number(v);
  return 0;
}

/** Upstream's IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(v: unknown, path: FieldPath): FieldError[] {
  const p = percentValue(v);
  if (p === undefined || p <= 100) return [];
  return [invalid(path, goIntOrString(v), 'must not be greater than 100%')];
}

/** Go's fmt %v of a string slice: `[a b c]`. */
export function goSliceV(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}
