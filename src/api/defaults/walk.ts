/**
 * The generic part of defaulting, driven by the schema registry: it walks an object by
 * its TypeDef as upstream's generated `SetObjectDefaults_*` functions do, and at every
 * struct it meets
 * - calls the hand-written hook registered for that type (upstream's `SetDefaults_<Type>`,
 *   which defaulter-gen calls wherever the type occurs, top-level kinds included),
 * - fills the fields that carry a `+default` marker (`FieldOptions.default`),
 * - rounds core/v1 resource lists up to milli precision (`SetDefaults_ResourceList`).
 * A struct's hook runs before its fields are visited, as in the generated code.
 *
 * Go never has a "missing" non-pointer struct: when such a field is absent and its type
 * has hooks or markers somewhere below, it is created (`{}`) and defaulted, which is what
 * the Go struct would print anyway. Pointer structs, lists and maps are only visited when
 * present.
 */
import { Quantity } from '../../apimachinery/quantity.ts';
import { findType } from '../schema/registry.ts';
import { wellKnownTypes, type FieldDef, type ResolvedType, type TypeDef } from '../schema/types.ts';
import { clone, isNil, isObject, type Obj } from './util.ts';

/** A hand-written defaulter for one type (fully-qualified name), mutating in place. */
export type Hook = (object: Obj) => void;
export type HookTable = Readonly<Record<string, Hook>>;

const corePackage = 'io.k8s.api.core.v1.';
const milliScale = -3;

/** What a type's subtree needs: `visit` any work at all, `create` hooks or markers (worth materializing). */
interface Needs {
  readonly visit: boolean;
  readonly create: boolean;
}

export class Defaulter {
  private readonly hooks: HookTable;
  private readonly needs = new Map<string, Needs>();

  constructor(hooks: HookTable) {
    this.hooks = hooks;
  }

  /** Defaults `object`, whose type is `type`. */
  apply(type: TypeDef, object: Obj): void {
    if (this.needsOf(type.name).visit) this.walk(type, object);
  }

  private walk(type: TypeDef, o: Obj): void {
    this.hooks[type.name]?.(o);
    const plan = this.planOf(type);
    for (const field of plan.fields) {
      if (field.default !== undefined) applyMarker(field, o);
      this.visitField(field, o, plan.resourceLists);
    }
  }

  private readonly plans = new Map<string, { fields: FieldDef[]; resourceLists: boolean }>();

  /** The fields of a type that a walk can change: those with a marker or work below (most have neither). */
  private planOf(type: TypeDef): { fields: FieldDef[]; resourceLists: boolean } {
    let plan = this.plans.get(type.name);
    if (!plan) {
      const resourceLists = type.name.startsWith(corePackage);
      const fields = [...type.fieldsByName.values()].filter(
        (f) => (f.default !== undefined && !isZeroDefault(f)) || this.typeNeeds(f.type, resourceLists).visit,
      );
      plan = { fields, resourceLists };
      this.plans.set(type.name, plan);
    }
    return plan;
  }

  private visitField(field: FieldDef, o: Obj, resourceLists: boolean): void {
    const t = field.type;
    const value = o[field.name];
    switch (t.kind) {
      case 'message': {
        const sub = this.needsOf(t.name);
        if (!sub.visit) return;
        const def = findType(t.name);
        if (!def) return;
        if (isObject(value)) this.walk(def, value);
        else if (isNil(value) && !field.pointer && sub.create) {
          const created: Obj = {};
          o[field.name] = created;
          this.walk(def, created);
        }
        return;
      }
      case 'list':
        if (Array.isArray(value)) this.visitItems(t.items, value);
        return;
      case 'map':
        if (!isObject(value)) return;
        if (resourceLists && isQuantity(t.values)) roundResourceList(value);
        else this.visitItems(t.values, Object.values(value));
        return;
      default:
        return;
    }
  }

  private visitItems(t: ResolvedType, items: unknown[]): void {
    if (t.kind !== 'message' || !this.needsOf(t.name).visit) return;
    const def = findType(t.name);
    if (!def) return;
    for (const item of items) if (isObject(item)) this.walk(def, item);
  }

  /** Memoized; a type on the current path (a cycle) counts as needing nothing. */
  private needsOf(name: string): Needs {
    const known = this.needs.get(name);
    if (known) return known;
    const none: Needs = { visit: false, create: false };
    this.needs.set(name, none);
    const def = findType(name);
    if (!def) return none;
    let create = Object.hasOwn(this.hooks, name);
    let visit = create;
    for (const field of def.fieldsByName.values()) {
      if (field.default !== undefined && !isZeroDefault(field)) visit = create = true;
      const sub = this.typeNeeds(field.type, name.startsWith(corePackage));
      visit ||= sub.visit;
      create ||= sub.create;
    }
    const result: Needs = { visit, create };
    this.needs.set(name, result);
    return result;
  }

  private typeNeeds(t: ResolvedType, resourceLists: boolean): Needs {
    switch (t.kind) {
      case 'message':
        return this.needsOf(t.name);
      case 'list':
        return this.typeNeeds(t.items, resourceLists);
      case 'map':
        return resourceLists && isQuantity(t.values) ? { visit: true, create: false } : this.typeNeeds(t.values, resourceLists);
      default:
        return { visit: false, create: false };
    }
  }
}

const isQuantity = (t: ResolvedType) => t.kind === 'wellKnown' && t.name === wellKnownTypes.quantity;

/** Whether a `+default` equals the Go zero value of a non-pointer field (a no-op). */
function isZeroDefault(field: FieldDef): boolean {
  return !field.pointer && (field.default === '' || field.default === 0 || field.default === false);
}

/** Applies one `+default` marker: pointers when nil, values when they hold Go's zero value. */
function applyMarker(field: FieldDef, o: Obj): void {
  if (isZeroDefault(field)) return;
  const value = o[field.name];
  if (isNil(value) || (!field.pointer && isGoZero(field.type, value))) o[field.name] = clone(field.default);
}

function isGoZero(t: ResolvedType, value: unknown): boolean {
  if (t.kind !== 'scalar') return false;
  switch (t.scalar) {
    case 'string':
    case 'bytes':
      return value === '';
    case 'bool':
      return value === false;
    default:
      return value === 0;
  }
}

/**
 * Rounds every quantity of a resource list up to milli precision (upstream rounds
 * `0.0001` to `1m`). Quantities already at milli precision or coarser keep their
 * spelling; unparsable values are left for decoding to reject.
 */
export function roundResourceList(list: Obj): void {
  for (const [key, value] of Object.entries(list)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    let q: Quantity;
    try {
      q = Quantity.fromJSON(value);
    } catch {
      continue;
    }
    const rounded = q.roundUp(milliScale).quantity;
    if (rounded !== q) list[key] = rounded.toString();
  }
}
