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
import { FieldSet, comparePathElements, fieldElement, goJson, keyElement, serializePathElement, valuesEqual, type PathElement } from './fieldpath.ts';

export type Shape =
  | { readonly k: 'leaf' }
  | StructShape
  | { readonly k: 'map'; readonly elem: () => Shape }
  | { readonly k: 'list'; readonly keys: readonly string[] | undefined; readonly elem: () => Shape }
  | { readonly k: 'deduced' }
  /** A kind without a schema: deduced, except `metadata`, which is ObjectMeta. */
  | { readonly k: 'object' };

type ListShape = Extract<Shape, { k: 'list' }>;

/** A struct, with the steps into its declared fields made so far (see FieldStep). */
interface StructShape {
  readonly k: 'struct';
  readonly def: TypeDef;
  readonly steps: Map<string, FieldStep>;
}

const leaf: Shape = { k: 'leaf' };
const deduced: Shape = { k: 'deduced' };
const objectShape: Shape = { k: 'object' };
const objectMeta = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape of a top-level kind (undefined: a kind without a schema). */
export function shapeOfKind(def: TypeDef | undefined): Shape {
  return def ? structShape(def) : objectShape;
}

/** One shape object per struct type, so per-shape tables can be keyed by it. */
const structShapes = new WeakMap<TypeDef, StructShape>();

function structShape(def: TypeDef): StructShape {
  let shape = structShapes.get(def);
  if (!shape) {
    shape = { k: 'struct', def, steps: new Map() };
    structShapes.set(def, shape);
  }
  return shape;
}

/** A function computing its value once: list and map shapes make their element shape on first use. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function typeShape(t: ResolvedType, field?: FieldDef): Shape {
  switch (t.kind) {
    case 'scalar':
      return leaf;
    case 'wellKnown':
      return t.name === wellKnownTypes.rawExtension || t.name === wellKnownTypes.fieldsV1 ? deduced : leaf;
    case 'map':
      if (field?.mapType === 'atomic') return leaf;
      return { k: 'map', elem: once(() => typeShape(t.values)) };
    case 'list': {
      const listType = field?.listType ?? derivedListType(field);
      if (listType === 'atomic') return leaf;
      const keys = listType === 'map' ? (field?.listMapKeys ?? (field?.patchMergeKey ? [field.patchMergeKey] : [])) : undefined;
      return { k: 'list', keys, elem: once(() => (t.items.kind === 'list' ? leaf : typeShape(t.items))) };
    }
    case 'message': {
      const def = getType(t.name);
      if (def.wraps) return leaf;
      if (field?.structType === 'atomic' || field?.mapType === 'atomic' || def.structType === 'atomic') return leaf;
      return structShape(def);
    }
  }
}

function derivedListType(field: FieldDef | undefined): 'atomic' | 'set' | 'map' {
  const strategies = (field?.patchStrategy ?? '').split(',');
  if (!strategies.includes('merge')) return 'atomic';
  return field?.patchMergeKey ? 'map' : 'set';
}

/**
 * One step of a walk into a struct's field: the field's shape, its path element and that
 * element's serialized key, made once per field, as every write walks the same fields.
 */
interface FieldStep {
  readonly shape: Shape;
  readonly pe: PathElement;
  readonly key: string;
}

function structStep(shape: StructShape, name: string): FieldStep | undefined {
  let step = shape.steps.get(name);
  if (step === undefined) {
    const f = shape.def.fieldsByName.get(name);
    if (!f) return undefined;
    // Only declared names are kept: the table stays as small as the schema.
    step = { shape: typeShape(f.type, f), ...fieldElement(name) };
    shape.steps.set(name, step);
  }
  return step;
}

/** The shape of a struct's or map's child; undefined for a field a struct does not declare. */
function childShape(shape: Shape, name: string): Shape | undefined {
  switch (shape.k) {
    case 'struct':
      return structStep(shape, name)?.shape;
    case 'map':
      return shape.elem();
    case 'object':
      return name === 'metadata' ? structShape(getType(objectMeta)) : deduced;
    default:
      return deduced;
  }
}

/** The step into a struct's or map's child: as childShape, with the child's path element. */
function childStep(shape: Shape, name: string): { readonly shape: Shape | undefined; readonly pe: PathElement; readonly key: string } {
  if (shape.k === 'struct') {
    const step = structStep(shape, name);
    if (step) return step;
    return { shape: undefined, ...fieldElement(name) };
  }
  const e = fieldElement(name);
  return { shape: childShape(shape, name), pe: e.pe, key: e.key };
}

/** Whether a shape acts as a granular map (struct, map or deduced object) for this value. */
function asMapShape(shape: Shape, value: unknown): boolean {
  if (shape.k === 'struct' || shape.k === 'map' || shape.k === 'object') return true;
  return shape.k === 'deduced' && isMap(value);
}

function isAssocList(shape: Shape): shape is ListShape {
  return shape.k === 'list';
}

/** The path element of a list item (listItemToPathElement). */
export function listItemElement(shape: ListShape, item: unknown, index: number): PathElement {
  if (shape.keys === undefined) {
    // A set: items are scalars (a set of non-scalars is keyed by value too).
    return { kind: 'value', value: item };
  }
  if (shape.keys.length === 0) return { kind: 'index', index };
  checkKeyFields(shape.keys, item);
  return keyElement(item as Record<string, unknown>, shape.keys);
}

/** Throws unless a map list's item is a map holding every key field. */
function checkKeyFields(keys: readonly string[], item: unknown): void {
  if (!isMap(item)) throw new ApplyTypeError(`associative list with keys may not have non-map elements`);
  for (const k of keys) {
    if (!Object.hasOwn(item, k)) {
      throw new ApplyTypeError(`associative list with keys has an element that omits key field ${JSON.stringify(k)} (and doesn't have default value)`);
    }
  }
}

/** A list item's path element with its serialized key (as serializePathElement writes it). */
function listItemStep(shape: ListShape, item: unknown, index: number): { readonly pe: PathElement; readonly key: string } {
  const pe = listItemElement(shape, item, index);
  return { pe, key: pe.kind === 'key' && pe.fields.length === 1 ? singleKeyText(pe.fields[0]!) : serializePathElement(pe) };
}

/** `k:{"name":"web"}` for a one-field key, the common case, with the field name's JSON made once. */
function singleKeyText([name, value]: readonly [string, unknown]): string {
  let prefix = keyPrefixes.get(name);
  if (prefix === undefined) {
    prefix = `k:{${goJson(name)}:`;
    keyPrefixes.set(name, prefix);
  }
  return `${prefix}${goJson(value)}}`;
}

/** Key field names come from the schema: a bounded set. */
const keyPrefixes = new Map<string, string>();

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
    for (const key in value) {
      const v = value[key];
      if (v === undefined) continue;
      const step = childStep(shape, key);
      const declared = shape.k === 'struct' ? step.shape !== undefined : shape.k === 'object' ? key === 'metadata' : false;
      const vs = step.shape ?? deduced;
      walkSet(vs, v, into.childAt(step.key, step.pe));
      const container = (asMapShape(vs, v) && isMap(v)) || (isAssocList(vs) && Array.isArray(v));
      if (!container || (isMap(v) && isEmptyMap(v)) || !declared) into.addMember(step.key, step.pe);
    }
    return;
  }
  if (isAssocList(shape)) {
    if (!Array.isArray(value)) return;
    const elem = shape.elem();
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const { pe, key } = listItemStep(shape, item, i);
      walkSet(elem, item, into.childAt(key, pe));
      into.addMember(key, pe);
    }
  }
  // Leaves are inserted by their parent; a top-level leaf has no path.
}

function isEmptyMap(v: Record<string, unknown>): boolean {
  for (const _ in v) return false;
  return true;
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

/**
 * Compare with added and modified gathered in one set, as every field manager step wants
 * them. `ignore`: top-level fields whose changes the caller drops (the strategy's reset
 * fields); they are not compared unless that could throw (see hasBadListItems), as the
 * full comparison would.
 */
export function changes(shape: Shape, lhs: unknown, rhs: unknown, ignore?: ReadonlySet<string>): Changes {
  const changed = new FieldSet();
  const removed = new FieldSet();
  const c = { added: changed, removed, modified: changed };
  if (ignore && ignore.size > 0 && isMap(lhs) && isMap(rhs) && (shape.k === 'struct' || shape.k === 'object') && !ignoredMayThrow(shape, lhs, rhs, ignore)) {
    for (const key in lhs) if (!ignore.has(key)) compareField(shape, key, lhs[key], rhs[key], undefined, c);
    for (const key in rhs) if (!ignore.has(key) && !Object.hasOwn(lhs, key)) compareField(shape, key, ABSENT, rhs[key], undefined, c);
  } else {
    compareInto(shape, lhs, rhs, undefined, c);
  }
  return { changed, removed };
}

/** Whether comparing an ignored top-level field could throw (a bad map list item on either side). */
function ignoredMayThrow(shape: Shape, lhs: Record<string, unknown>, rhs: Record<string, unknown>, ignore: ReadonlySet<string>): boolean {
  for (const key of ignore) {
    const s = childShape(shape, key) ?? deduced;
    if (hasBadListItems(s, lhs[key]) || hasBadListItems(s, rhs[key])) return true;
  }
  return false;
}

/**
 * Whether a value holds a map list item that listItemElement rejects, anywhere a
 * comparison could look. It checks more items than a comparison does (duplicates too):
 * a false alarm only costs the full comparison.
 */
function hasBadListItems(shape: Shape, v: unknown): boolean {
  if (!mayHoldKeyedLists(shape)) return false;
  if (isAssocList(shape)) {
    if (!Array.isArray(v)) return false;
    const keys = shape.keys;
    const elem = shape.elem();
    for (const item of v) {
      if (keys !== undefined && keys.length > 0) {
        if (!isMap(item)) return true;
        for (const k of keys) if (!Object.hasOwn(item, k)) return true;
      }
      if (hasBadListItems(elem, item)) return true;
    }
    return false;
  }
  if (!isMap(v)) return false;
  for (const key in v) if (hasBadListItems(childShape(shape, key) ?? deduced, v[key])) return true;
  return false;
}

/** Whether a shape has a map list with key fields at or below it (memoized per shape). */
function mayHoldKeyedLists(shape: Shape): boolean {
  if (shape.k === 'leaf' || shape.k === 'deduced') return false;
  const id = shape.k === 'struct' ? shape.def : shape;
  let known = keyedLists.get(id);
  if (known === undefined) {
    known = reachesKeyedList(shape, new Set());
    keyedLists.set(id, known);
  }
  return known;
}

/** A search of every type reachable from a shape; only its overall answer is exact (types seen are skipped). */
function reachesKeyedList(shape: Shape, seen: Set<TypeDef>): boolean {
  switch (shape.k) {
    case 'leaf':
    case 'deduced':
      return false;
    case 'object':
      return true; // metadata's ownerReferences and managedFields
    case 'list':
      return (shape.keys !== undefined && shape.keys.length > 0) || reachesKeyedList(shape.elem(), seen);
    case 'map':
      return reachesKeyedList(shape.elem(), seen);
    case 'struct': {
      const known = keyedLists.get(shape.def);
      if (known !== undefined) return known;
      if (seen.has(shape.def)) return false;
      seen.add(shape.def);
      for (const name of shape.def.fieldsByName.keys()) if (reachesKeyedList(childShape(shape, name)!, seen)) return true;
      return false;
    }
  }
}

/** Answers by struct type, and by shape object for the others (lists' and maps' shapes are made once per field). */
const keyedLists = new WeakMap<object, boolean>();

/**
 * The path compare is at: its last element, that element's key (serialized once), and
 * the path above. Nothing is allocated per field beyond this link. `node` remembers the
 * link's node in the set last inserted under it (most inserts go to one set).
 */
interface PathLink {
  readonly up: PathLink | undefined;
  readonly pe: PathElement;
  readonly key: string;
  node?: FieldSet;
  nodeIn?: FieldSet;
}

function insertAt(set: FieldSet, at: PathLink): void {
  (at.up ? nodeAt(set, at.up) : set).addMember(at.key, at.pe);
}

function nodeAt(set: FieldSet, at: PathLink): FieldSet {
  if (at.nodeIn === set) return at.node!;
  const node = (at.up ? nodeAt(set, at.up) : set).childAt(at.key, at.pe);
  at.node = node;
  at.nodeIn = set;
  return node;
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
    const l = new ListItems(shape, Array.isArray(lhs) ? lhs : []);
    const r = new ListItems(shape, Array.isArray(rhs) ? rhs : []);
    const elem = shape.elem();
    for (let i = 0; i < l.steps.length; i++) {
      if (!l.first(i)) continue;
      const step = l.steps[i]!;
      const j = r.indexOf(step.key);
      compareInto(elem, l.values[i], j < 0 ? ABSENT : r.values[j], { up: path, pe: step.pe, key: step.key }, c);
    }
    for (let j = 0; j < r.steps.length; j++) {
      const step = r.steps[j]!;
      if (r.first(j) && l.indexOf(step.key) < 0) addAll(elem, r.values[j], path ? nodeAt(c.added, path) : c.added, step.pe, step.key);
    }
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
  const step = childStep(shape, name);
  if (lv === ABSENT) addAll(step.shape ?? deduced, rv, path ? nodeAt(c.added, path) : c.added, step.pe, step.key);
  else compareInto(step.shape ?? deduced, lv, rv, { up: path, pe: step.pe, key: step.key }, c);
}

/**
 * compareInto for a value only rhs has (a create's whole object): the value and every
 * path in it are added, inserted straight into `parent` (the node above the value) in
 * the order compareInto visits them.
 */
function addAll(shape: Shape, rhs: unknown, parent: FieldSet, pe: PathElement, key: string): void {
  if (rhs === ABSENT) return;
  const isLeaf = !(shape.k === 'struct' || shape.k === 'map' || shape.k === 'object' || isAssocList(shape) || (shape.k === 'deduced' && isMap(rhs)));
  if (!isLeaf) {
    let node: FieldSet | undefined;
    if (isAssocList(shape)) {
      // Every item's element first (a bad item throws before any item is looked into), then the first of each.
      const items = new ListItems(shape, Array.isArray(rhs) ? rhs : []);
      const elem = shape.elem();
      for (let i = 0; i < items.steps.length; i++) {
        const step = items.steps[i]!;
        if (items.first(i) && items.values[i] !== ABSENT) addAll(elem, items.values[i], (node ??= parent.childAt(key, pe)), step.pe, step.key);
      }
    } else if (isMap(rhs)) {
      for (const name in rhs) {
        const v = rhs[name];
        if (v === ABSENT) continue;
        const step = childStep(shape, name);
        addAll(step.shape ?? deduced, v, (node ??= parent.childAt(key, pe)), step.pe, step.key);
      }
    }
  }
  parent.addMember(key, pe);
}

/**
 * A list's items with their path elements, all made first (a bad item throws before any
 * item is looked into); for each key the first item counts, as upstream's index keeps it.
 */
class ListItems {
  readonly values: readonly unknown[];
  readonly steps: readonly { readonly pe: PathElement; readonly key: string }[];
  /** Long lists: the first index of each key (short ones are scanned, which is faster). */
  private readonly byKey: Map<string, number> | undefined;

  constructor(shape: ListShape, values: readonly unknown[]) {
    this.values = values;
    this.steps = values.map((item, i) => listItemStep(shape, item, i));
    if (values.length > 16) {
      this.byKey = new Map();
      this.steps.forEach((step, i) => {
        if (!this.byKey!.has(step.key)) this.byKey!.set(step.key, i);
      });
    }
  }

  /** The first item with this key, or -1. */
  indexOf(key: string): number {
    if (this.byKey) return this.byKey.get(key) ?? -1;
    for (let i = 0; i < this.steps.length; i++) if (this.steps[i]!.key === key) return i;
    return -1;
  }

  /** Whether item i is the first with its key. */
  first(i: number): boolean {
    return this.indexOf(this.steps[i]!.key) === i;
  }
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
function mergeList(shape: ListShape, lhs: readonly unknown[], rhs: readonly unknown[]): unknown[] {
  const lPEs = lhs.map((v, i) => listItemStep(shape, v, i).key);
  const rPEs = rhs.map((v, i) => listItemStep(shape, v, i).key);
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
    for (const key in value) {
      const step = childStep(shape, key);
      if (set.members.has(step.key)) continue;
      const sub = set.children.get(step.key)?.set;
      out[key] = sub ? removeItems(step.shape ?? deduced, value[key], sub) : value[key];
    }
    return out;
  }
  if (isAssocList(shape) && Array.isArray(value)) {
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const { key } = listItemStep(shape, item, i);
      if (set.members.has(key)) return;
      const sub = set.children.get(key)?.set;
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
    for (const [k, pe] of src.members) dst.addMember(k, pe);
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
