/**
 * Shared helpers for the core/v1 validators: typed reads of plain JSON objects, the name
 * checks upstream wraps in field errors, resource quantities and resource names
 * (pkg/apis/core/helper), Go renderings of bad values, and semantic equality.
 */
import { type FieldError, FieldPath, forbidden, invalid, required } from '../../../apimachinery/field.ts';
import { GoRepr, compareGoStrings, goQuote, goStringMap } from '../../../apimachinery/go-format.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import {
  type ValidateNameFunc,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1123SubdomainWithUnderscore,
  isQualifiedName,
} from '../../../apimachinery/validation.ts';

export type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------------------
// Reading JSON

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value when it is an object, else undefined (a nil pointer). */
export const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined);
/** The value when it is a string, else '' (Go's zero string). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
/** The value when it is a string, else undefined (a nil *string). */
export const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** The value when it is a number, else 0. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
/** The value when it is a number, else undefined (a nil pointer). */
export const optNum = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
export const bool = (v: unknown): boolean => v === true;
export const optBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const objList = (v: unknown): Obj[] => list(v).map((x) => (isObj(x) ? x : {}));
export const strList = (v: unknown): string[] => list(v).map((x) => (typeof x === 'string' ? x : ''));
/** True when the key holds a value (not absent, not null): a non-nil pointer, slice or map. */
export const present = (o: Obj | undefined, key: string): boolean => o !== undefined && o[key] !== undefined && o[key] !== null;

/** A map of strings, or undefined when absent. */
export function strMap(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) out[k] = typeof val === 'string' ? val : '';
  return out;
}

/** The keys of a map in Go's sort order (upstream iterates maps in random order; we sort). */
export function sortedKeys(v: unknown): string[] {
  return isObj(v) ? Object.keys(v).sort(compareGoStrings) : [];
}

/** A map's size (0 when absent). */
export const mapLen = (v: unknown): number => (isObj(v) ? Object.keys(v).length : 0);

// ---------------------------------------------------------------------------------------
// Name checks as field errors

export function validateDNS1123Label(value: string, path: FieldPath): FieldError[] {
  return isDNS1123Label(value).map((m) => ({ ...invalid(path, value, m), origin: 'format=dns-label' }));
}

export function validateDNS1123Subdomain(value: string, path: FieldPath): FieldError[] {
  return isDNS1123Subdomain(value).map((m) => invalid(path, value, m));
}

export function validateDNS1123SubdomainWithUnderscore(value: string, path: FieldPath): FieldError[] {
  return isDNS1123SubdomainWithUnderscore(value).map((m) => invalid(path, value, m));
}

export function validateQualifiedName(value: string, path: FieldPath): FieldError[] {
  return isQualifiedName(value).map((m) => ({ ...invalid(path, value, m), origin: 'format=qualified-name' }));
}

/** A name checked by a ValidateNameFunc, each message an Invalid error. */
export function validateName(fn: ValidateNameFunc, value: string, path: FieldPath, prefix = false): FieldError[] {
  return fn(value, prefix).map((m) => invalid(path, value, m));
}

/** Upstream's validateKubeFinalizerName: a name without '/' must be a standard finalizer. */
export function validateKubeFinalizerName(value: string, path: FieldPath): FieldError[] {
  if (value.split('/').length === 1 && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(value)) {
    return [invalid(path, value, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

// ---------------------------------------------------------------------------------------
// Quantities

/** A quantity from JSON, or undefined when it does not parse (the decoder rejects those first). */
export function parseQuantity(v: unknown): Quantity | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return parsedQuantity(v);
  // Quantities are immutable: the few strings every pod repeats ("100m", "128Mi") are parsed once.
  let q = recentQuantities.get(v);
  if (q === undefined) {
    q = parsedQuantity(v) ?? null;
    if (recentQuantities.size >= 1024) recentQuantities.clear();
    recentQuantities.set(v, q);
  }
  return q ?? undefined;
}

const recentQuantities = new Map<string, Quantity | null>();

function parsedQuantity(v: unknown): Quantity | undefined {
  try {
    return Quantity.fromJSON(v);
  } catch {
    return undefined;
  }
}

/** The entries of a ResourceList in Go's key order; entries that do not parse are left out. */
export function resourceEntries(v: unknown): Array<[string, Quantity]> {
  const out: Array<[string, Quantity]> = [];
  if (!isObj(v)) return out;
  for (const k of sortedKeys(v)) {
    const q = parseQuantity(v[k]);
    if (q) out.push([k, q]);
  }
  return out;
}

const zeroQuantity = Quantity.fromInt(0);

/** `q.Cmp(resource.Quantity{}) < 0`. */
export const isNegative = (q: Quantity): boolean => q.cmp(zeroQuantity) < 0;

const suffixExp: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binaryExp: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const maxInt64 = 0x7fffffffffffffffn;

/**
 * Go's %#v of a resource.Quantity, which upstream prints when it passes a Quantity value as
 * a bad value. Best effort: the int64 amount is derived from the canonical form.
 */
export function goQuantity(q: Quantity): GoRepr {
  const s = q.toString();
  let amount: { value: bigint; scale: number } | undefined;
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(.*)$/.exec(s);
  if (m) {
    const sign = m[1] === '-' ? -1n : 1n;
    const int = m[2]!;
    const frac = m[3] ?? '';
    const suffix = m[4]!;
    if (suffix in suffixExp) {
      amount = { value: sign * BigInt(int + frac), scale: suffixExp[suffix]! - frac.length };
    } else if (suffix in binaryExp && frac === '') {
      amount = { value: sign * (BigInt(int) << BigInt(binaryExp[suffix]!)), scale: 0 };
    } else if (/^[eE][+-]?\d+$/.test(suffix)) {
      amount = { value: sign * BigInt(int + frac), scale: Number(suffix.slice(1)) - frac.length };
    }
  }
  const fits = amount !== undefined && amount.value <= maxInt64 && amount.value >= -maxInt64 - 1n && amount.scale >= -9;
  const i = fits ? `resource.int64Amount{value:${amount!.value}, scale:${amount!.scale}}` : 'resource.int64Amount{value:0, scale:0}';
  const d = fits ? 'resource.infDecAmount{Dec:(*inf.Dec)(nil)}' : 'resource.infDecAmount{Dec:(*inf.Dec)(0xc000012345)}';
  return new GoRepr(`resource.Quantity{i:${i}, d:${d}, s:${goQuote(s)}, Format:${goQuote(q.format)}}`);
}

/** Go's %#v of a core.ResourceList. */
export function goResourceList(v: unknown): GoRepr {
  if (!isObj(v)) return new GoRepr('core.ResourceList(nil)');
  const parts = resourceEntries(v).map(([k, q]) => `${goQuote(k)}:${goQuantity(q).text}`);
  return new GoRepr(`core.ResourceList{${parts.join(', ')}}`);
}

/** Go's %#v of a map[string]string that may be nil. */
export const goLabels = (v: unknown): GoRepr => goStringMap(strMap(v) ?? null);

/** Go's %#v of a slice of a named string type, e.g. `[]core.ResourceQuotaScope{"A"}`. */
export function goTypedStrings(type: string, values: readonly string[] | undefined): GoRepr {
  if (values === undefined) return new GoRepr(`[]${type}(nil)`);
  return new GoRepr(`[]${type}{${values.map(goQuote).join(', ')}}`);
}

/** Go's %#v of an intstr.IntOrString as decoded from JSON. */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${num(v)}, StrVal:""}`;
}

/** Go's %#v of a pointer field: nil, or a placeholder address. */
export const goPtr = (type: string, v: unknown): string => (v === undefined || v === null ? `(*${type})(nil)` : `(*${type})(0xc000012345)`);

// ---------------------------------------------------------------------------------------
// Resource names (pkg/apis/core/helper)

export const hugePagesPrefix = 'hugepages-';
const requestsHugePagesPrefix = 'requests.hugepages-';
const defaultNamespacePrefix = 'kubernetes.io/';
const requestsPrefix = 'requests.';

export const isHugePageResourceName = (name: string): boolean => name.startsWith(hugePagesPrefix);
const isQuotaHugePageResourceName = (name: string) => name.startsWith(hugePagesPrefix) || name.startsWith(requestsHugePagesPrefix);

/** Unprefixed names and names in the kubernetes.io/ namespace. */
export const isNativeResource = (name: string): boolean => !name.includes('/') || name.includes(defaultNamespacePrefix);

/** A resource outside kubernetes.io/ whose quota name (`requests.<name>`) is a qualified name. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith(requestsPrefix)) return false;
  return isQualifiedName(requestsPrefix + name).length === 0;
}

/** Native resources other than hugepages may be overcommitted (request below limit). */
export const isOvercommitAllowed = (name: string): boolean => isNativeResource(name) && !isHugePageResourceName(name);

const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);
export const isStandardContainerResourceName = (name: string): boolean => standardContainerResources.has(name) || isHugePageResourceName(name);

const standardQuotaResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
]);
export const isStandardQuotaResourceName = (name: string): boolean => standardQuotaResources.has(name) || isQuotaHugePageResourceName(name);

const standardResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);
export const isStandardResourceName = (name: string): boolean => standardResources.has(name) || isQuotaHugePageResourceName(name);

const integerResources = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);
export const isIntegerResourceName = (name: string): boolean => integerResources.has(name) || isExtendedResourceName(name);

/** Upstream's validateResourceName: a qualified name, and a standard one when unprefixed. */
export function validateResourceName(value: string, path: FieldPath): FieldError[] {
  const errs = isQualifiedName(value).map((m) => invalid(path, value, m));
  if (errs.length !== 0) return errs;
  if (value.split('/').length === 1 && !isStandardResourceName(value)) {
    return [invalid(path, value, 'must be a standard resource type or fully qualified')];
  }
  return errs;
}

/** Upstream's validateContainerResourceName. */
export function validateContainerResourceName(value: string, path: FieldPath): FieldError[] {
  // The outcome depends on the name only: the few valid ones every container repeats ("cpu", "memory") are known.
  if (validContainerResourceNames.has(value)) return [];
  const errs = containerResourceNameErrors(value, path);
  if (errs.length === 0 && validContainerResourceNames.size < 256) validContainerResourceNames.add(value);
  return errs;
}

const validContainerResourceNames = new Set<string>();

function containerResourceNameErrors(value: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(value, path);
  if (value.split('/').length === 1) {
    if (!isStandardContainerResourceName(value)) return [...errs, invalid(path, value, 'must be a standard resource for containers')];
  } else if (!isNativeResource(value)) {
    if (!isExtendedResourceName(value)) return [...errs, invalid(path, value, "doesn't follow extended resource name standard")];
  }
  return errs;
}

/** Upstream's ValidateResourceQuantityValue: not negative, and whole for integer resources. */
export function validateResourceQuantityValue(resource: string, value: Quantity, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (isNegative(value)) errs.push(invalid(path, value.toString(), 'must be greater than or equal to 0'));
  if (isIntegerResourceName(resource) && value.scaledValueBig(-3) % 1000n !== 0n) {
    errs.push(invalid(path, goQuantity(value), 'must be an integer'));
  }
  return errs;
}

/** Upstream's validateBasicResource: `quantity.Value() >= 0`. */
export function validateBasicResource(q: Quantity, path: FieldPath): FieldError[] {
  const value = q.scaledValueBig(0);
  if (value < 0n) return [invalid(path, Number(value), 'must be a valid resource quantity')];
  return [];
}

/** Upstream's ValidatePositiveQuantityValue. */
export function validatePositiveQuantityValue(q: Quantity, path: FieldPath): FieldError[] {
  if (q.cmp(zeroQuantity) <= 0) return [invalid(path, q.toString(), 'must be greater than zero')];
  return [];
}

// ---------------------------------------------------------------------------------------
// Equality and small helpers

const isEmptyValue = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/**
 * apiequality.Semantic.DeepEqual on JSON: absent, null and empty lists are equal (Go's nil
 * and empty slices), objects compare key by key.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!semanticEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObj(a) && isObj(b)) {
    // Every key of either side, each once: a's, then those only b has.
    for (const k of Object.keys(a)) if (!semanticEqual(a[k], b[k])) return false;
    for (const k of Object.keys(b)) if (!Object.hasOwn(a, k) && !semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** A deep copy of a JSON value. */
/** A deep copy of a JSON value. */
export { deepCopyJson as clone } from '../../../apimachinery/json.ts';

export { FieldPath, forbidden, invalid, required };
