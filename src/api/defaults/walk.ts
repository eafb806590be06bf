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

/** A type's hook and the fields a walk visits. */
interface TypePlan {
  readonly hook: Hook | undefined;
  readonly steps: readonly FieldStep[];
}

/**
 * One field of a plan: `def` is the type to walk into (the field's struct, or its list
 * items' or map values' struct); undefined when there is none with work (only the
 * field's marker applies), null for a resource list, which is rounded instead.
 * `create`: a nil non-pointer struct is materialized first.
 */
interface FieldStep {
  readonly field: FieldDef;
  readonly kind: 'message' | 'list' | 'map' | 'resourceList';
  readonly def: TypeDef | null | undefined;
  readonly create: boolean;
}

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
    const plan = this.planOf(type);
    plan.hook?.(o);
    for (const step of plan.steps) {
      const field = step.field;
      if (field.default !== undefined) applyMarker(field, o);
      if (step.def !== undefined) this.visitField(step, o);
    }
  }

  private readonly plans = new Map<string, TypePlan>();

  /**
   * The fields of a type that a walk can change: those with a marker or work below (most
   * have neither), each with the type to walk into, looked up once.
   */
  private planOf(type: TypeDef): TypePlan {
    let plan = this.plans.get(type.name);
    if (!plan) {
      const resourceLists = type.name.startsWith(corePackage);
      const fields = [...type.fieldsByName.values()].filter(
        (f) => (f.default !== undefined && !isZeroDefault(f)) || this.typeNeeds(f.type, resourceLists).visit,
      );
      const hook = Object.hasOwn(this.hooks, type.name) ? this.hooks[type.name] : undefined;
      plan = { hook, steps: fields.map((f) => this.stepOf(f, resourceLists)) };
      this.plans.set(type.name, plan);
    }
    return plan;
  }

  /** What visiting a field does (see visitField); needs are final once a plan is made. */
  private stepOf(field: FieldDef, resourceLists: boolean): FieldStep {
    const t = field.type;
    const none: FieldStep = { field, kind: 'message', def: undefined, create: false };
    switch (t.kind) {
      case 'message': {
        const sub = this.needsOf(t.name);
        const def = sub.visit ? findType(t.name) : undefined;
        return { field, kind: 'message', def, create: sub.create && field.pointer !== true };
      }
      case 'list':
        return { field, kind: 'list', def: this.itemsDef(t.items), create: false };
      case 'map':
        if (resourceLists && isQuantity(t.values)) return { field, kind: 'resourceList', def: null, create: false };
        return { field, kind: 'map', def: this.itemsDef(t.values), create: false };
      default:
        return none;
    }
  }

  /** The type of list items or map values to walk, if they have work. */
  private itemsDef(t: ResolvedType): TypeDef | undefined {
    return t.kind === 'message' && this.needsOf(t.name).visit ? findType(t.name) : undefined;
  }

  private visitField(step: FieldStep, o: Obj): void {
    const name = step.field.name;
    const value = o[name];
    switch (step.kind) {
      case 'message':
        if (isObject(value)) this.walk(step.def!, value);
        else if (isNil(value) && step.create) {
          const created: Obj = {};
          o[name] = created;
          this.walk(step.def!, created);
        }
        return;
      case 'list':
        if (Array.isArray(value)) for (const item of value) if (isObject(item)) this.walk(step.def!, item);
        return;
      case 'map':
        if (isObject(value)) {
          for (const key in value) {
            const item = value[key];
            if (isObject(item)) this.walk(step.def!, item);
          }
        }
        return;
      case 'resourceList':
        if (isObject(value)) roundResourceList(value);
        return;
    }
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
  for (const key in list) {
    const value = list[key];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const rounded = typeof value === 'string' ? roundedQuantityText(value) : roundedQuantity(value);
    if (rounded !== undefined) list[key] = rounded;
  }
}

/** A quantity rounded up to milli precision, printed; undefined when it stays as it is (or does not parse). */
function roundedQuantity(value: string | number): string | undefined {
  let q: Quantity;
  try {
    q = Quantity.fromJSON(value);
  } catch {
    return undefined;
  }
  const rounded = q.roundUp(milliScale).quantity;
  return rounded !== q ? rounded.toString() : undefined;
}

/** roundedQuantity of recently seen strings: the same few ("100m", "128Mi") recur in every pod. */
function roundedQuantityText(value: string): string | undefined {
  const known = roundedTexts.get(value);
  if (known !== undefined) return known === unchanged ? undefined : known;
  const rounded = roundedQuantity(value);
  if (roundedTexts.size >= 1024) roundedTexts.clear();
  roundedTexts.set(value, rounded ?? unchanged);
  return rounded;
}

const unchanged = Symbol('unchanged');
const roundedTexts = new Map<string, string | typeof unchanged>();
