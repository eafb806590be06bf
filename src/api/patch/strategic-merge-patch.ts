/**
 * Strategic merge patch, applied as kube-apiserver applies it
 * (k8s.io/apimachinery/pkg/util/strategicpatch StrategicMergeMapPatch, v0.33, with the
 * server's options: parallel lists merged, unmatched nulls ignored).
 *
 * The merge semantics come from the schema registry's `patchStrategy` and `patchMergeKey`
 * (upstream's struct tags), looked up field by field the way upstream's reflection does:
 *
 * - maps merge key by key; `null` deletes; a value of another JSON type replaces;
 * - lists whose field has strategy `merge` merge: maps by their merge key (a patch item
 *   matching none is added), scalars as a set; other lists are replaced;
 *   `patchStrategy: replace` replaces a map wholesale;
 * - directives: `$patch: replace|delete` in a map or a list item (`merge` in a list item is
 *   refused), `$setElementOrder/<list>`, `$retainKeys`, `$deleteFromPrimitiveList/<list>`;
 * - order: `$setElementOrder` first, then the patch list's order, then the live order;
 * - a value the original lacks is taken from the patch with its nulls and `$patch` maps
 *   removed (an item appended to an existing merge list is taken as it is, as upstream does).
 *
 * `listType`/`listMapKeys` (server-side apply's markers) play no part, as upstream.
 *
 * Types without struct fields (RawExtension, FieldsV1 and other well-known types, map
 * values, unknown fields) are merged as upstream merges them: key by key like a JSON merge
 * patch, but where both sides hold an object or a list for the same key upstream fails to
 * look up the field, and so does this code (a 500, `unable to find api field in struct
 * RawExtension for the json field "x"`). Kinds with no schema at all (custom resources)
 * are refused before this point (index.ts: 415).
 *
 * Errors are PatchErrors with upstream's status: 400 for the malformed directives that
 * upstream's interpretStrategicMergePatchError maps to BadRequest, 422 for lists of lists,
 * 500 (no reason, upstream's message) for everything else, since upstream passes those
 * plain errors through.
 */
import { goQuote } from '../../apimachinery/go-format.ts';
import { findType } from '../schema/registry.ts';
import type { FieldDef, ResolvedType, ScalarType, TypeDef } from '../schema/types.ts';
import { patchErrors } from './errors.ts';
import { cloneJson, goS, goScalarEqual, goTypeName, goV, isJsonMap, jsonKindName } from './go-value.ts';

export const directiveMarker = '$patch';
export const deleteDirective = 'delete';
export const replaceDirective = 'replace';
export const mergeDirective = 'merge';
export const retainKeysStrategy = 'retainKeys';
export const retainKeysDirective = '$retainKeys';
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
export const setElementOrderPrefix = '$setElementOrder';

/** Resolves a fully-qualified type name (default: the schema registry). */
export type TypeResolver = (name: string) => TypeDef | undefined;

type JsonMap = Record<string, unknown>;

/** upstream's mergepatch sentinel errors, by message. */
export const smpErrorMessages = {
  badJSONDoc: 'invalid JSON document',
  noListOfLists: 'lists of lists are not supported',
  badPatchFormatForPrimitiveList: 'invalid patch format of primitive list',
  badPatchFormatForRetainKeys: 'invalid patch format of retainKeys',
  badPatchFormatForSetElementOrderList: 'invalid patch format of setElementOrder list',
  patchContentNotMatchRetainKeys: "patch content doesn't match retainKeys list",
  unsupportedStrategicMergePatchFormat: 'strategic merge patch format is not supported',
} as const;

/**
 * Applies a strategic merge patch to `original`, an object of type `type`, and returns the
 * result; neither input is changed. A JSON null patch changes nothing.
 */
export function strategicMergePatch(original: unknown, patch: unknown, type: TypeDef, resolve: TypeResolver = findType): JsonMap {
  if (!isJsonMap(original)) throw patchErrors.internal(smpErrorMessages.badJSONDoc);
  if (patch === null) return cloneJson(original);
  if (!isJsonMap(patch)) throw patchErrors.badRequest(`json: cannot unmarshal ${jsonKindName(patch)} into Go value of type map[string]interface {}`);
  return mergeMap(cloneJson(original), cloneJson(patch), new Schema({ k: 'struct', def: type }, false, resolve));
}

// ---------------------------------------------------------------------------------------
// The Go type at a position of the document, as upstream's reflection sees it.

type GoType =
  | { readonly k: 'struct'; readonly def: TypeDef }
  /** A struct without JSON fields: well-known types, unresolvable messages. */
  | { readonly k: 'opaque'; readonly name: string }
  | { readonly k: 'slice'; readonly elem: GoType }
  | { readonly k: 'map'; readonly elem: GoType }
  | { readonly k: 'scalar'; readonly name: string };

const goScalarNames: Record<Exclude<ScalarType, 'bytes'>, string> = {
  string: 'string',
  bool: 'bool',
  int32: 'int32',
  int64: 'int64',
  double: 'float64',
};

const shortName = (name: string) => name.slice(name.lastIndexOf('.') + 1);

function goTypeOf(t: ResolvedType, resolve: TypeResolver): GoType {
  switch (t.kind) {
    case 'scalar':
      return t.scalar === 'bytes' ? { k: 'slice', elem: { k: 'scalar', name: 'uint8' } } : { k: 'scalar', name: goScalarNames[t.scalar] };
    case 'wellKnown':
      return { k: 'opaque', name: shortName(t.name) };
    case 'message': {
      const def = resolve(t.name);
      if (!def) return { k: 'opaque', name: shortName(t.name) };
      if (def.wraps) return goTypeOf(def.wraps.type, resolve);
      return { k: 'struct', def };
    }
    case 'list':
      return { k: 'slice', elem: goTypeOf(t.items, resolve) };
    case 'map':
      return { k: 'map', elem: goTypeOf(t.values, resolve) };
  }
}

interface PatchMeta {
  readonly strategies: readonly string[];
  readonly mergeKey: string;
}

/** upstream's PatchMetaFromStruct: a type (possibly a pointer) to look fields up in. */
class Schema {
  readonly t: GoType;
  readonly ptr: boolean;
  readonly resolve: TypeResolver;

  constructor(t: GoType, ptr: boolean, resolve: TypeResolver) {
    this.t = t;
    this.ptr = ptr;
    this.resolve = resolve;
  }

  /** reflect.Kind().String() of the type. */
  kindName(): string {
    return this.ptr ? 'ptr' : kindNameOf(this.t);
  }

  /** LookupPatchMetadataForStruct: the field's type and patch metadata. */
  lookupForStruct(key: string): { sub: Schema; meta: PatchMeta } {
    const t = this.t;
    if (t.k === 'opaque') throw patchErrors.internal(`unable to find api field in struct ${t.name} for the json field ${goQuote(key)}`);
    if (t.k !== 'struct') throw patchErrors.internal(`merging an object in json but data type is not struct, instead is: ${kindNameOf(t)}`);
    const field = findField(t.def, key);
    if (!field) throw patchErrors.internal(`unable to find api field in struct ${shortName(t.def.name)} for the json field ${goQuote(key)}`);
    const sub = goTypeOf(field.type, this.resolve);
    const ptr = field.pointer === true && sub.k !== 'slice' && sub.k !== 'map';
    return {
      sub: new Schema(sub, ptr, this.resolve),
      meta: { strategies: (field.patchStrategy ?? '').split(','), mergeKey: field.patchMergeKey ?? '' },
    };
  }

  /** LookupPatchMetadataForSlice: the list field's element type and patch metadata. */
  lookupForSlice(key: string): { sub: Schema; meta: PatchMeta } {
    const { sub, meta } = this.lookupForStruct(key);
    if (sub.t.k === 'slice') {
      if (sub.t.elem.k === 'slice') throw patchErrors.internal('unexpected slice of slice');
      return { sub: new Schema(sub.t.elem, false, this.resolve), meta };
    }
    // A pointer to a non-list type stands for its element (upstream's reflection does this).
    if (sub.ptr) return { sub: new Schema(sub.t, false, this.resolve), meta };
    throw patchErrors.internal(`expected slice or array type, but got: ${this.kindName()}`);
  }
}

function kindNameOf(t: GoType): string {
  switch (t.k) {
    case 'struct':
    case 'opaque':
      return 'struct';
    case 'slice':
      return 'slice';
    case 'map':
      return 'map';
    case 'scalar':
      return t.name;
  }
}

/** The field Go's encoding/json would use for a JSON key: exact name, else case-insensitive. */
function findField(def: TypeDef, key: string): FieldDef | undefined {
  const exact = def.fieldsByName.get(key);
  if (exact) return exact;
  const folded = key.toLowerCase();
  for (const [name, field] of def.fieldsByName) if (name.toLowerCase() === folded) return field;
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Errors, worded as upstream's.

const errBadArgType = (expected: 'map' | 'slice', actual: unknown) =>
  patchErrors.internal(`expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`);
const errNoMergeKey = (m: unknown, key: string) => patchErrors.internal(`map: ${goV(m)} does not contain declared merge key: ${key}`);
const errBadPatchType = (t: unknown, m: unknown) => patchErrors.internal(`unknown patch type: ${goS(t)} in map: ${goV(m)}`);
const errNilDereference = () => patchErrors.panic('runtime error: invalid memory address or nil pointer dereference');

// ---------------------------------------------------------------------------------------
// Merging maps.

function put(obj: JsonMap, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

type ValueKind = 'map' | 'slice' | 'null' | 'scalar';

function valueKind(v: unknown): ValueKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : 'scalar';
}

/** mergeMap: merges `patch` into `original` (both changed in place); returns the result. */
function mergeMap(original: JsonMap, patch: JsonMap, schema: Schema): JsonMap {
  if (Object.hasOwn(patch, directiveMarker)) return directiveInMergeMap(patch[directiveMarker], patch);

  applyRetainKeysDirective(original, patch);
  // Lists with a $setElementOrder directive are merged (and removed from the patch) here.
  mergeOrderedLists(original, patch, schema);

  for (const patchKey of Object.keys(patch)) {
    const patchValue = patch[patchKey];
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(deleteFromPrimitiveListPrefix)) {
      key = extractKey(patchKey, deleteFromPrimitiveListPrefix);
      isDeleteList = true;
    }

    if (patchValue === null) {
      delete original[key];
      continue;
    }
    if (!Object.hasOwn(original, key)) {
      if (!isDeleteList) takePatchValue(original, key, patchValue);
      continue;
    }
    const originalValue = original[key];
    const kind = valueKind(patchValue);
    if (valueKind(originalValue) !== kind) {
      if (!isDeleteList) takePatchValue(original, key, patchValue);
      continue;
    }
    if (kind === 'map') {
      const { sub, meta } = schema.lookupForStruct(key);
      const strategy = splitRetainKeys(meta.strategies).strategy;
      put(original, key, strategy === replaceDirective ? patchValue : mergeMap(originalValue as JsonMap, patchValue as JsonMap, sub));
    } else if (kind === 'slice') {
      const { sub, meta } = schema.lookupForSlice(key);
      const strategy = splitRetainKeys(meta.strategies).strategy;
      put(original, key, mergeSliceHandler(originalValue as unknown[], patchValue as unknown[], sub, strategy, meta.mergeKey, isDeleteList));
    } else {
      put(original, key, patchValue);
    }
  }
  return original;
}

/** A map carrying `$patch`: replace keeps the patch as it is (minus the marker), delete empties. */
function directiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === replaceDirective) {
    delete patch[directiveMarker];
    return patch;
  }
  if (directive === deleteDirective) return {};
  throw errBadPatchType(directive, patch);
}

/** A patch value for a key the original lacks (or holds with another type). */
function takePatchValue(original: JsonMap, key: string, value: unknown): void {
  discardNullValues(value);
  const [cleaned, keep] = removeDirectives(value);
  if (keep) put(original, key, cleaned);
  else delete original[key];
}

/** Removes null members of maps, at any depth (null list items stay). */
function discardNullValues(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) discardNullValues(item);
  } else if (isJsonMap(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === null) delete value[k];
      else discardNullValues(v);
    }
  }
}

/** Drops every map carrying `$patch` (and so list items and members holding one). */
function removeDirectives(value: unknown): [unknown, boolean] {
  if (isJsonMap(value)) {
    if (Object.hasOwn(value, directiveMarker)) return [undefined, false];
    for (const [k, v] of Object.entries(value)) {
      const [cleaned, keep] = removeDirectives(v);
      if (keep) put(value, k, cleaned);
      else delete value[k];
    }
    return [value, true];
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const [cleaned, keep] = removeDirectives(item);
      if (keep) out.push(cleaned);
    }
    return [out, true];
  }
  return [value, true];
}

/** The field name after a directive prefix (`$setElementOrder/containers` -> `containers`). */
function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw patchErrors.badRequest(
      prefix === deleteFromPrimitiveListPrefix ? smpErrorMessages.badPatchFormatForPrimitiveList : smpErrorMessages.badPatchFormatForSetElementOrderList,
    );
  }
  return key.slice(slash + 1);
}

/** extractRetainKeysPatchStrategy: `merge,retainKeys` -> retainKeys and merge. */
function splitRetainKeys(strategies: readonly string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  if (strategies.length === 1) {
    return strategies[0] === retainKeysStrategy ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: strategies[0]! };
  }
  if (strategies.length === 2) {
    if (strategies[0] === retainKeysStrategy) return { retainKeys: true, strategy: strategies[1]! };
    if (strategies[1] === retainKeysStrategy) return { retainKeys: true, strategy: strategies[0]! };
  }
  throw patchErrors.internal(`unexpected patch strategy: ${goV(strategies)}`);
}

/**
 * `$retainKeys`: every non-null patch member must be listed; original members not listed
 * are cleared. Applies whatever the field's strategy says, as upstream.
 */
function applyRetainKeysDirective(original: JsonMap, patch: JsonMap): void {
  if (!Object.hasOwn(patch, retainKeysDirective)) return;
  const list = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!Array.isArray(list)) throw patchErrors.badRequest(smpErrorMessages.badPatchFormatForRetainKeys);
  const retained = (key: string) => list.some((v) => goScalarEqual(v, key));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue;
    if (!retained(k)) throw patchErrors.badRequest(smpErrorMessages.badPatchFormatForRetainKeys);
  }
  for (const k of Object.keys(original)) if (!retained(k)) delete original[k];
}

// ---------------------------------------------------------------------------------------
// $setElementOrder.

/**
 * mergePatchIntoOriginal: for each `$setElementOrder/<list>`, merges the patch's list into
 * the original's and orders the result: the directive's order for the items it names, the
 * live order for the others, interleaved by live position.
 */
function mergeOrderedLists(original: JsonMap, patch: JsonMap, schema: Schema): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setElementOrderPrefix)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType('slice', order);
    const field = extractKey(key, setElementOrderPrefix);

    const foundOriginal = Object.hasOwn(original, field);
    const foundPatch = Object.hasOwn(patch, field);
    const originalList = original[field];
    const patchList = patch[field];
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType('slice', originalList);
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType('slice', patchList);
    const originalItems = foundOriginal ? (originalList as unknown[]) : [];
    const patchItemsIn = foundPatch ? (patchList as unknown[]) : [];

    const { sub, meta } = schema.lookupForSlice(field);
    const strategy = splitRetainKeys(meta.strategies).strategy;
    validatePatchWithSetOrderList(patchItemsIn, order, meta.mergeKey);

    // Upstream merges into the original list's own backing array; what that leaves there
    // is the live order used below (see GoSlice).
    const liveOrder = [...originalItems];
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalItems;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchItemsIn)[0] as unknown[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalItems, patchItemsIn, sub, strategy, meta.mergeKey, false, liveOrder);
    else continue;

    const [patchItems, serverOnlyItems] = partition(merged, order, meta.mergeKey);
    const kind = sliceElementKind([liveOrder, patchItemsIn]);
    put(original, field, normalizeElementOrder(patchItems, serverOnlyItems, order, liveOrder, meta.mergeKey, kind));
    delete patch[field];
  }
}

/**
 * The patch list's items (deletions and other directive items aside) must appear in the
 * `$setElementOrder` list, in the same relative order.
 */
function validatePatchWithSetOrderList(patchList: unknown[], setOrderList: unknown[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let patchIndex = 0;
  let orderIndex = 0;
  while (patchIndex < nonDelete.length && orderIndex < setOrderList.length) {
    if (isJsonMap(nonDelete[patchIndex]) && Object.hasOwn(nonDelete[patchIndex] as JsonMap, directiveMarker)) {
      patchIndex++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[patchIndex], setOrderList[orderIndex], mergeKey)) patchIndex++;
    orderIndex++;
  }
  if (patchIndex < nonDelete.length && orderIndex >= setOrderList.length) {
    throw patchErrors.internal(`The order in patch list:\n${goV(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goV(setOrderList)}\n`);
  }
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return goScalarEqual(left, right);
  if (!isJsonMap(left)) throw errBadArgType('map', left);
  if (!isJsonMap(right)) throw errBadArgType('map', right);
  if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return goScalarEqual(left[mergeKey], right[mergeKey]);
}

// ---------------------------------------------------------------------------------------
// Merging lists.

function mergeSliceHandler(
  original: unknown[],
  patch: unknown[],
  elem: Schema,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  liveOrder?: unknown[],
): unknown[] {
  // Deletion lists apply whatever the field's strategy.
  if (strategy === mergeDirective || isDeleteList) return mergeSlice(original, patch, elem, mergeKey, isDeleteList, liveOrder);
  return patch;
}

/**
 * A Go slice sharing its backing array with the caller's list (`view`, whose length is the
 * capacity, as runtime.DefaultUnstructuredConverter allocates it). Upstream deletes list
 * items with `append(s[:i], s[i+1:]...)`, which shifts the caller's items left, and
 * appends, which write over the freed tail until the capacity is reached; the
 * `$setElementOrder` step then orders by what the caller's list holds. Emulating this
 * gives upstream's order when one patch both deletes and adds items.
 */
class GoSlice {
  items: unknown[];
  private readonly view: unknown[] | undefined;
  private shared: boolean;

  constructor(items: unknown[], view: unknown[] | undefined) {
    this.items = [...items];
    this.view = view;
    this.shared = view !== undefined;
  }

  deleteAt(index: number): void {
    this.items.splice(index, 1);
    if (this.shared) for (let i = index; i < this.items.length; i++) this.view![i] = this.items[i];
  }

  set(index: number, value: unknown): void {
    this.items[index] = value;
    if (this.shared) this.view![index] = value;
  }

  append(value: unknown): void {
    if (this.shared && this.items.length < this.view!.length) this.view![this.items.length] = value;
    else this.shared = false; // reallocated: no longer the caller's array
    this.items.push(value);
  }

  /** The slice now refers to another array. */
  replace(items: unknown[]): void {
    this.items = [...items];
    this.shared = false;
  }
}

function mergeSlice(original: unknown[], patch: unknown[], elem: Schema, mergeKey: string, isDeleteList: boolean, liveOrder?: unknown[]): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind([original, patch]);

  let merged: unknown[];
  let serverOrder = original;
  let patchOrder = patch;
  if (kind !== 'map') {
    if (isDeleteList) return original.filter((v) => !patch.some((d) => goScalarEqual(d, v)));
    merged = dedupeScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw patchErrors.internal(`cannot merge lists without merge key for ${elem.kindName()}`);
    const slice = new GoSlice(original, liveOrder);
    patchOrder = mergeSliceWithSpecialElements(slice, patch, mergeKey);
    serverOrder = [...slice.items];
    mergeSliceWithoutSpecialElements(slice, patchOrder, mergeKey, elem);
    merged = slice.items;
  }
  const [patchItems, serverOnlyItems] = partition(merged, patchOrder, mergeKey);
  return normalizeElementOrder(patchItems, serverOnlyItems, patchOrder, serverOrder, mergeKey, kind);
}

/**
 * Items with `$patch`: delete removes every original item with that merge key, replace
 * makes the list the patch's other items. Returns the patch items left to merge.
 */
function mergeSliceWithSpecialElements(original: GoSlice, patch: unknown[], mergeKey: string): unknown[] {
  const plain: unknown[] = [];
  let replace = false;
  for (const item of patch) {
    const m = item as JsonMap;
    if (!Object.hasOwn(m, directiveMarker)) {
      plain.push(item);
      continue;
    }
    const directive = m[directiveMarker];
    if (directive === deleteDirective) {
      if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
      for (let i = indexByMergeKey(original.items, mergeKey, m[mergeKey]); i >= 0; i = indexByMergeKey(original.items, mergeKey, m[mergeKey])) {
        original.deleteAt(i);
      }
    } else if (directive === replaceDirective) {
      replace = true;
    } else if (directive === mergeDirective) {
      throw patchErrors.internal('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, m);
    }
  }
  if (!replace) return plain;
  original.replace(plain);
  return [];
}

/** Patch items merge into the first original item with the same merge key, or are appended. */
function mergeSliceWithoutSpecialElements(original: GoSlice, patch: unknown[], mergeKey: string, elem: Schema): void {
  for (const item of patch) {
    const m = item as JsonMap;
    if (!Object.hasOwn(m, mergeKey)) throw errNoMergeKey(m, mergeKey);
    const index = indexByMergeKey(original.items, mergeKey, m[mergeKey]);
    if (index >= 0) original.set(index, mergeMap(original.items[index] as JsonMap, m, elem));
    else original.append(item);
  }
}

/** findMapInSliceBasedOnKeyValue: the first map whose merge key holds `value`, or -1. */
function indexByMergeKey(list: unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    if (!isJsonMap(m)) throw patchErrors.internal(`value for key ${i} is not a map`);
    if (Object.hasOwn(m, mergeKey) && goScalarEqual(m[mergeKey], value)) return i;
  }
  return -1;
}

/** Duplicates removed, first occurrences kept (the order is normalized afterwards). */
function dedupeScalars(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of items) if (!out.some((o) => goScalarEqual(o, v))) out.push(v);
  return out;
}

type ElementKind = 'map' | 'string' | 'bool' | 'int64' | 'float64';

/** sliceElementType: the one Go type of all the lists' items. */
function sliceElementKind(lists: unknown[][]): ElementKind {
  let prev: string | undefined;
  for (const list of lists) {
    for (const item of list) {
      const t = item === null || item === undefined ? 'nil' : Array.isArray(item) ? 'slice' : isJsonMap(item) ? 'map' : goTypeName(item);
      if (prev === undefined) {
        if (t === 'nil') throw errNilDereference();
        if (t === 'slice') throw patchErrors.invalidGeneric(smpErrorMessages.noListOfLists);
        prev = t;
      } else if (prev !== t) {
        throw patchErrors.internal(`list element types are not identical: ${goV(lists)}`);
      }
    }
  }
  if (prev === undefined) throw patchErrors.internal('no elements in any of the given slices');
  return prev as ElementKind;
}

/** Splits `items` into those present in `by` (by merge key, or by value) and the others. */
function partition(items: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  for (const item of items) {
    let found: boolean;
    if (!mergeKey) {
      found = by.some((b) => goScalarEqual(b, item));
    } else {
      if (!isJsonMap(item)) throw errBadArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      found = indexByMergeKey(by, mergeKey, item[mergeKey]) >= 0;
    }
    (found ? present : absent).push(item);
  }
  return [present, absent];
}


/**
 * Orders patch items by `patchOrder` and server-only items by `serverOrder`, then
 * interleaves them: a server-only item goes before a patch item that comes after it in the
 * live list; patch items new to the live list come first.
 */
function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: ElementKind,
): unknown[] {
  const right = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
  const left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Sorts `toSort` by position in `order` (stable); `$patch: delete` items go last. */
function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: ElementKind): unknown[] {
  let items = toSort;
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    for (const list of [toSort, order]) {
      for (const item of list) {
        if (!isJsonMap(item)) throw errBadArgType('map', item);
        if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      }
    }
    [items, toDelete] = extractToDeleteItems(toSort);
  }
  const positions = new Map(items.map((item) => [item, indexIn(order, item, mergeKey, kind)]));
  const sorted = [...items].sort((a, b) => {
    const ia = positions.get(a)!;
    const ib = positions.get(b)!;
    return ia >= 0 && ib >= 0 ? ia - ib : 0;
  });
  return [...sorted, ...toDelete];
}

/** Splits off the `$patch: delete` items of a list of maps. */
function extractToDeleteItems(list: unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const remove: unknown[] = [];
  for (const item of list) {
    if (!isJsonMap(item)) throw errBadArgType('map', item);
    (item[directiveMarker] === deleteDirective ? remove : keep).push(item);
  }
  return [keep, remove];
}

/** The position of an item in a list: by merge key value for maps, by value otherwise. */
function indexIn(list: unknown[], item: unknown, mergeKey: string, kind: ElementKind): number {
  const keyOf = (v: unknown) => (kind === 'map' ? (isJsonMap(v) ? (v[mergeKey] ?? null) : null) : v);
  const wanted = keyOf(item);
  return list.findIndex((v) => goScalarEqual(keyOf(v), wanted));
}
