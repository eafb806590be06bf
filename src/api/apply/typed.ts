/**
 * Schema-driven walks over JSON objects, as structured-merge-diff's typed package does
 * them: the field set an object sets (tofieldset.go), the comparison of two objects
 * (compare.go: added, removed, modified paths), the merge of an applied configuration
 * into a live object (merge.go), removing the paths of a set from an object
 * (remove.go) and EnsureNamedFieldsAreMembers.
 *
 * A `Shape` is what schemaconv derives from the OpenAPI schema: structs and maps are
 * granular unless marked atomic; lists take their `listType`, or, without one, upstream's
 * reading of the patch strategy (merge with a key: a map list; merge without: a set;
 * otherwise atomic); scalars and well-known types (Time, Quantity, IntOrString, ...) are
 * leaves; RawExtension, FieldsV1 and kinds without a schema are "deduced" (maps granular,
 * lists atomic).
 */
import { getType } from '../schema/registry.ts';
import { wellKnownTypes, type FieldDef, type ResolvedType, type TypeDef } from '../schema/types.ts';
import { FieldSet, comparePathElements, keyElement, serializePathElement, valuesEqual, type PathElement } from './fieldpath.ts';

export type Shape =
  | { readonly k: 'leaf' }
  | { readonly k: 'struct'; readonly def: TypeDef }
  | { readonly k: 'map'; readonly elem: () => Shape }
  | { readonly k: 'list'; readonly keys: readonly string[] | undefined; readonly elem: () => Shape }
  | { readonly k: 'deduced' }
  /** A kind without a schema: deduced, except `metadata`, which is ObjectMeta. */
  | { readonly k: 'object' };

const leaf: Shape = { k: 'leaf' };
const deduced: Shape = { k: 'deduced' };
const objectMeta = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape of a top-level kind (undefined: a kind without a schema). */
export function shapeOfKind(def: TypeDef | undefined): Shape {
  return def ? { k: 'struct', def } : { k: 'object' };
}

function typeShape(t: ResolvedType, field?: FieldDef): Shape {
  switch (t.kind) {
    case 'scalar':
      return leaf;
    case 'wellKnown':
      return t.name === wellKnownTypes.rawExtension || t.name === wellKnownTypes.fieldsV1 ? deduced : leaf;
    case 'map':
      if (field?.mapType === 'atomic') return leaf;
      return { k: 'map', elem: () => typeShape(t.values) };
    case 'list': {
      const listType = field?.listType ?? derivedListType(field);
      if (listType === 'atomic') return leaf;
      const keys = listType === 'map' ? (field?.listMapKeys ?? (field?.patchMergeKey ? [field.patchMergeKey] : [])) : undefined;
      return { k: 'list', keys, elem: () => (t.items.kind === 'list' ? leaf : typeShape(t.items)) };
    }
    case 'message': {
      const def = getType(t.name);
      if (def.wraps) return leaf;
      if (field?.structType === 'atomic' || field?.mapType === 'atomic' || def.structType === 'atomic') return leaf;
      return { k: 'struct', def };
    }
  }
}

function derivedListType(field: FieldDef | undefined): 'atomic' | 'set' | 'map' {
  const strategies = (field?.patchStrategy ?? '').split(',');
  if (!strategies.includes('merge')) return 'atomic';
  return field?.patchMergeKey ? 'map' : 'set';
}

/** The shape of a struct's or map's child; undefined for a field a struct does not declare. */
function childShape(shape: Shape, name: string): Shape | undefined {
  switch (shape.k) {
    case 'struct': {
      const f = shape.def.fieldsByName.get(name);
      return f ? typeShape(f.type, f) : undefined;
    }
    case 'map':
      return shape.elem();
    case 'object':
      return name === 'metadata' ? { k: 'struct', def: getType(objectMeta) } : deduced;
    default:
      return deduced;
  }
}

/** Whether a shape acts as a granular map (struct, map or deduced object) for this value. */
function asMapShape(shape: Shape, value: unknown): boolean {
  if (shape.k === 'struct' || shape.k === 'map' || shape.k === 'object') return true;
  return shape.k === 'deduced' && isMap(value);
}

function isAssocList(shape: Shape): shape is Extract<Shape, { k: 'list' }> {
  return shape.k === 'list';
}

/** The path element of a list item (listItemToPathElement). */
export function listItemElement(shape: Extract<Shape, { k: 'list' }>, item: unknown, index: number): PathElement {
  if (shape.keys === undefined) {
    // A set: items are scalars (a set of non-scalars is keyed by value too).
    return { kind: 'value', value: item };
  }
  if (shape.keys.length === 0) return { kind: 'index', index };
  if (!isMap(item)) throw new ApplyTypeError(`associative list with keys may not have non-map elements`);
  for (const k of shape.keys) {
    if (!Object.hasOwn(item, k)) {
      throw new ApplyTypeError(`associative list with keys has an element that omits key field ${JSON.stringify(k)} (and doesn't have default value)`);
    }
  }
  return keyElement(item, shape.keys);
}

/** A value that does not fit the schema (upstream: a 500/422 from typed conversion). */
export class ApplyTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyTypeError';
  }
}

/** ToFieldSet: the paths an object sets. */
export function toFieldSet(shape: Shape, value: unknown): FieldSet {
  const set = new FieldSet();
  walkSet(shape, value, set);
  return set;
}

function walkSet(shape: Shape, value: unknown, into: FieldSet): void {
  if (asMapShape(shape, value)) {
    if (!isMap(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const pe: PathElement = { kind: 'field', name: key };
      const cs = childShape(shape, key);
      const declared = shape.k === 'struct' ? cs !== undefined : shape.k === 'object' ? key === 'metadata' : false;
      const vs = cs ?? deduced;
      walkSet(vs, v, into.child(pe));
      const container = (asMapShape(vs, v) && isMap(v)) || (isAssocList(vs) && Array.isArray(v));
      if (!container || (isMap(v) && Object.keys(v).length === 0) || !declared) into.insert([pe]);
    }
    return;
  }
  if (isAssocList(shape)) {
    if (!Array.isArray(value)) return;
    value.forEach((item, i) => {
      const pe = listItemElement(shape, item, i);
      walkSet(shape.elem(), item, into.child(pe));
      into.insert([pe]);
    });
  }
  // Leaves are inserted by their parent; a top-level leaf has no path.
}

export interface Comparison {
  readonly added: FieldSet;
  readonly removed: FieldSet;
  readonly modified: FieldSet;
}

/** Compare: paths added, removed and modified from lhs to rhs. */
export function compare(shape: Shape, lhs: unknown, rhs: unknown): Comparison {
  const c: Comparison = { added: new FieldSet(), removed: new FieldSet(), modified: new FieldSet() };
  compareInto(shape, lhs, rhs, undefined, c);
  return c;
}

/** What a write changed: paths added or modified (one set) and paths removed. */
export interface Changes {
  readonly changed: FieldSet;
  readonly removed: FieldSet;
}

/** Compare with added and modified gathered in one set, as every field manager step wants them. */
export function changes(shape: Shape, lhs: unknown, rhs: unknown): Changes {
  const changed = new FieldSet();
  const removed = new FieldSet();
  compareInto(shape, lhs, rhs, undefined, { added: changed, removed, modified: changed });
  return { changed, removed };
}

/**
 * The path compare is at: its last element, that element's key (serialized once), and
 * the path above. Nothing is allocated per field beyond this link.
 */
interface PathLink {
  readonly up: PathLink | undefined;
  readonly pe: PathElement;
  readonly key: string;
}

function insertAt(set: FieldSet, at: PathLink): void {
  (at.up ? nodeAt(set, at.up) : set).members.set(at.key, at.pe);
}

function nodeAt(set: FieldSet, at: PathLink): FieldSet {
  return (at.up ? nodeAt(set, at.up) : set).childAt(at.key, at.pe);
}

const ABSENT = undefined;

/** `path` undefined: the top level, which is never a member itself. */
function compareInto(shape: Shape, lhs: unknown, rhs: unknown, path: PathLink | undefined, c: Comparison): void {
  if (lhs === ABSENT && rhs === ABSENT) return;
  const lMap = asMapShape(shape, lhs);
  const rMap = asMapShape(shape, rhs);
  const isLeaf = !(lMap || rMap || isAssocList(shape));
  if (isLeaf || (shape.k === 'deduced' && !isMap(lhs) && !isMap(rhs))) {
    if (!path) return;
    if (lhs === ABSENT) insertAt(c.added, path);
    else if (rhs === ABSENT) insertAt(c.removed, path);
    else if (!valuesEqual(lhs, rhs)) insertAt(c.modified, path);
    return;
  }
  if (shape.k === 'deduced' && isMap(lhs) !== isMap(rhs) && lhs !== ABSENT && rhs !== ABSENT) {
    // A deduced value changing between a map and a non-map: treat as a leaf change.
    if (path) insertAt(c.modified, path);
    return;
  }
  if (isAssocList(shape)) {
    const lItems = indexItems(shape, Array.isArray(lhs) ? lhs : []);
    const rItems = indexItems(shape, Array.isArray(rhs) ? rhs : []);
    const elem = shape.elem();
    for (const [key, l] of lItems) compareInto(elem, l.value, rItems.get(key)?.value, { up: path, pe: l.pe, key }, c);
    for (const [key, r] of rItems) if (!lItems.has(key)) compareInto(elem, ABSENT, r.value, { up: path, pe: r.pe, key }, c);
  } else {
    const l = isMap(lhs) ? lhs : {};
    const r = isMap(rhs) ? rhs : {};
    for (const key in l) compareField(shape, key, l[key], r[key], path, c);
    for (const key in r) if (!Object.hasOwn(l, key)) compareField(shape, key, ABSENT, r[key], path, c);
  }
  if (path) {
    if (lhs === ABSENT) insertAt(c.added, path);
    else if (rhs === ABSENT) insertAt(c.removed, path);
  }
}

function compareField(shape: Shape, name: string, lv: unknown, rv: unknown, path: PathLink | undefined, c: Comparison): void {
  if (lv === ABSENT && rv === ABSENT) return;
  compareInto(childShape(shape, name) ?? deduced, lv, rv, { up: path, pe: { kind: 'field', name }, key: `f:${name}` }, c);
}

function indexItems(shape: Extract<Shape, { k: 'list' }>, list: readonly unknown[]): Map<string, { pe: PathElement; value: unknown }> {
  const out = new Map<string, { pe: PathElement; value: unknown }>();
  list.forEach((item, i) => {
    const pe = listItemElement(shape, item, i);
    const k = serializePathElement(pe);
    if (!out.has(k)) out.set(k, { pe, value: item });
  });
  return out;
}

/** Merge: the applied configuration (rhs) merged into the live object (lhs). */
export function merge(shape: Shape, lhs: unknown, rhs: unknown): unknown {
  if (rhs === ABSENT) return lhs;
  if (lhs === ABSENT) return rhs;
  if (asMapShape(shape, lhs) && asMapShape(shape, rhs) && isMap(lhs) && isMap(rhs)) {
    const out: Record<string, unknown> = { ...lhs };
    for (const [key, rv] of Object.entries(rhs)) {
      if (rv === undefined) continue;
      out[key] = merge(childShape(shape, key) ?? deduced, lhs[key], rv);
    }
    return out;
  }
  if (isAssocList(shape) && Array.isArray(lhs) && Array.isArray(rhs)) return mergeList(shape, lhs, rhs);
  return rhs;
}

/** merge.go's visitListItems: lhs-only items keep their place, shared and new ones follow rhs order. */
function mergeList(shape: Extract<Shape, { k: 'list' }>, lhs: readonly unknown[], rhs: readonly unknown[]): unknown[] {
  const lPEs = lhs.map((v, i) => serializePathElement(listItemElement(shape, v, i)));
  const rPEs = rhs.map((v, i) => serializePathElement(listItemElement(shape, v, i)));
  const lObserved = new Map<string, unknown>();
  lPEs.forEach((k, i) => lObserved.set(k, lObserved.has(k) ? undefined : lhs[i]));
  const rObserved = new Map<string, unknown>();
  rPEs.forEach((k, i) => rObserved.set(k, rhs[i]));
  const shared = rPEs.filter((k) => lObserved.has(k));
  let sharedIdx = 0;
  const nextShared = () => shared[sharedIdx];
  const merged = new Set<string>();
  const out: unknown[] = [];
  const elem = shape.elem();
  let lI = 0;
  let rI = 0;
  while (lI < lPEs.length || rI < rPEs.length) {
    if (lI < lPEs.length && rI < rPEs.length) {
      const pe = lPEs[lI]!;
      if (pe === rPEs[rI]) {
        merged.add(pe);
        out.push(merge(elem, lObserved.get(pe), rObserved.get(pe)));
        lI++;
        rI++;
        if (nextShared() === pe) sharedIdx++;
        continue;
      }
      if (rObserved.has(pe) && nextShared() !== undefined && nextShared() !== pe) {
        lI++;
        continue;
      }
    }
    if (lI < lPEs.length) {
      const pe = lPEs[lI]!;
      if (!rObserved.has(pe)) {
        out.push(lhs[lI]);
        lI++;
        continue;
      } else if (merged.has(pe)) {
        lI++;
        continue;
      }
    }
    if (rI < rPEs.length) {
      const pe = rPEs[rI]!;
      merged.add(pe);
      out.push(merge(elem, lObserved.get(pe), rObserved.get(pe)));
      rI++;
      if (nextShared() === pe) sharedIdx++;
    }
  }
  return out;
}

/** RemoveItems: the object without the members of `set` (a removed container takes its subtree). */
export function removeItems(shape: Shape, value: unknown, set: FieldSet): unknown {
  if (asMapShape(shape, value) && isMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const pe: PathElement = { kind: 'field', name: key };
      if (set.hasMember(pe)) continue;
      const sub = set.childOf(pe);
      out[key] = sub ? removeItems(childShape(shape, key) ?? deduced, v, sub) : v;
    }
    return out;
  }
  if (isAssocList(shape) && Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const pe = listItemElement(shape, item, i);
      if (set.hasMember(pe)) return;
      const sub = set.childOf(pe);
      out.push(sub ? removeItems(shape.elem(), item, sub) : item);
    });
    return out;
  }
  return value;
}

/**
 * EnsureNamedFieldsAreMembers: the set with every struct field that has children made a
 * member too (map entries and list items are left as they are).
 */
export function ensureNamedFieldsAreMembers(shape: Shape, set: FieldSet): FieldSet {
  const out = new FieldSet();
  const walk = (s: Shape, src: FieldSet, dst: FieldSet) => {
    for (const [k, pe] of src.members) dst.members.set(k, pe);
    for (const { pe, set: sub } of src.children.values()) {
      let cs: Shape = deduced;
      if (pe.kind === 'field') {
        cs = childShape(s, pe.name) ?? deduced;
        if (s.k === 'struct' || (s.k === 'object' && pe.name === 'metadata')) dst.insert([pe]);
      } else if (isAssocList(s)) {
        cs = s.elem();
      }
      walk(cs, sub, dst.child(pe));
    }
  };
  walk(shape, set, out);
  return out;
}

export { comparePathElements };
