/**
 * The schema registry: every API type's facts, expanded from the compact data packages in
 * `data/` (format: `types.ts`) into `TypeDef`s with fully-qualified names.
 *
 * Loading is lazy at two levels, so that importing this module costs about a millisecond:
 * - a data package (`data/core-v1.ts`, ...) is loaded, synchronously, the first time one
 *   of its types is asked for; `data/index.ts` alone says which group versions, packages
 *   and kinds exist;
 * - a type is expanded into its TypeDef the first time it is asked for, then cached.
 * TypeDefs are shared: treat them as read-only.
 *
 * Well-known types (`wellKnownTypes`: Time, Quantity, IntOrString, ...) have no TypeDef:
 * fields refer to them as `{ kind: 'wellKnown', name }` and their codecs are special.
 */
import { createRequire } from 'node:module';
import { groupVersions, type GroupVersionEntry } from './data/index.ts';
import {
  wellKnownTypes,
  type FieldDef,
  type FieldSpec,
  type ResolvedType,
  type ScalarType,
  type SchemaPackage,
  type TypeDef,
  type TypeSpec,
  type WrapperSpec,
} from './types.ts';

export type { GroupVersionEntry } from './data/index.ts';

const scalars: ReadonlySet<string> = new Set<ScalarType>(['string', 'bool', 'int32', 'int64', 'double', 'bytes']);
const wellKnownNames: ReadonlySet<string> = new Set(Object.values(wellKnownTypes));

const metaPackage = 'io.k8s.apimachinery.pkg.apis.meta.v1';
/** meta/v1 kinds that upstream's scheme registers in every group version (AddToGroupVersion). */
const everyGroupVersionKinds: ReadonlySet<string> = new Set([
  'WatchEvent',
  'ListOptions',
  'GetOptions',
  'DeleteOptions',
  'CreateOptions',
  'UpdateOptions',
  'PatchOptions',
]);
/** meta/v1 kinds that upstream registers unversioned as core `v1`: Status and discovery documents. */
const unversionedKinds: ReadonlySet<string> = new Set(['Status', 'APIVersions', 'APIGroupList', 'APIGroup', 'APIResourceList']);

const gvKey = (group: string, version: string) => `${group}/${version}`;
const byGroupVersion = new Map<string, GroupVersionEntry>();
const byPackage = new Map<string, GroupVersionEntry>();
for (const gv of groupVersions) {
  byGroupVersion.set(gvKey(gv.group, gv.version), gv);
  byPackage.set(gv.package, gv);
}

const requireData = createRequire(new URL('./data/', import.meta.url));
const loaded = new Map<string, SchemaPackage>();
const cache = new Map<string, TypeDef>();

/** The data package behind an index entry, loaded on first use. */
function schemaOf(gv: GroupVersionEntry): SchemaPackage {
  let pkg = loaded.get(gv.package);
  if (!pkg) {
    const mod = requireData(gv.module) as Record<string, SchemaPackage | undefined>;
    pkg = mod[gv.export];
    if (!pkg || pkg.package !== gv.package) throw new Error(`schema: ${gv.module} does not export package ${gv.package}`);
    loaded.set(gv.package, pkg);
  }
  return pkg;
}

/** The TypeDef of a fully-qualified type name; throws for unknown (and well-known) names. */
export function getType(name: string): TypeDef {
  const t = findType(name);
  if (!t) throw new Error(`schema: unknown type ${name}`);
  return t;
}

/** The TypeDef of a fully-qualified type name, or undefined. */
export function findType(name: string): TypeDef | undefined {
  const cached = cache.get(name);
  if (cached) return cached;
  const dot = name.lastIndexOf('.');
  const gv = byPackage.get(name.slice(0, dot));
  if (!gv) return undefined;
  const pkg = schemaOf(gv);
  const short = name.slice(dot + 1);
  if (!Object.hasOwn(pkg.types, short)) return undefined;
  const def = expand(name, pkg, pkg.types[short]!);
  cache.set(name, def);
  return def;
}

/** Whether a name is one of `wellKnownTypes` (no TypeDef; special JSON and protobuf forms). */
export function isWellKnown(name: string): boolean {
  return wellKnownNames.has(name);
}

/**
 * The type of a kind as a group version serves it (group '' is core), e.g.
 * ('', 'v1', 'Pod') -> io.k8s.api.core.v1.Pod. As in upstream's scheme, every group version
 * also knows meta/v1's WatchEvent and option kinds (DeleteOptions, ListOptions, ...), and
 * core v1 knows Status and the discovery documents.
 */
export function kindType(group: string, version: string, kind: string): TypeDef | undefined {
  // Every write asks a few times for the same kinds: answers are kept by group, version and kind.
  if (kindTypesSize >= kindTypesMax) {
    kindTypes.clear();
    kindTypesSize = 0;
  }
  let byVersion = kindTypes.get(group);
  if (!byVersion) {
    byVersion = new Map();
    kindTypes.set(group, byVersion);
  }
  let byKind = byVersion.get(version);
  if (!byKind) {
    byKind = new Map();
    byVersion.set(version, byKind);
  }
  const known = byKind.get(kind);
  if (known !== undefined) return known ?? undefined;
  const type = findKindType(group, version, kind);
  byKind.set(kind, type ?? null);
  kindTypesSize++;
  return type;
}

/** kindType's answers (null: none); bounded, as names may come from requests. */
const kindTypes = new Map<string, Map<string, Map<string, TypeDef | null>>>();
let kindTypesSize = 0;
const kindTypesMax = 4096;

function findKindType(group: string, version: string, kind: string): TypeDef | undefined {
  const gv = byGroupVersion.get(gvKey(group, version));
  if (gv?.kinds.includes(kind)) return getType(`${gv.package}.${kind}`);
  if (everyGroupVersionKinds.has(kind) || (group === '' && version === 'v1' && unversionedKinds.has(kind))) {
    return getType(`${metaPackage}.${kind}`);
  }
  return undefined;
}

/** The kinds a group version's own package defines (List kinds included); [] if unknown. */
export function kindsOf(group: string, version: string): readonly string[] {
  return byGroupVersion.get(gvKey(group, version))?.kinds ?? [];
}

/** Every group version the registry holds, with its package and kinds. */
export function allGroupVersions(): readonly GroupVersionEntry[] {
  return groupVersions;
}

/** Every TypeDef (loading and expanding everything). */
export function allTypes(): TypeDef[] {
  return groupVersions.flatMap((gv) => Object.keys(schemaOf(gv).types).map((short) => getType(`${gv.package}.${short}`)));
}

/** Resolves a data file's type expression, relative to its package. */
export function resolveTypeExpr(expr: string, pkg: string): ResolvedType {
  if (expr.startsWith('[]')) return { kind: 'list', items: resolveTypeExpr(expr.slice(2), pkg) };
  if (expr.startsWith('map[string]')) return { kind: 'map', values: resolveTypeExpr(expr.slice(11), pkg) };
  if (scalars.has(expr)) return { kind: 'scalar', scalar: expr as ScalarType };
  if (wellKnownNames.has(expr)) return { kind: 'wellKnown', name: expr };
  return { kind: 'message', name: expr.includes('.') ? expr : `${pkg}.${expr}` };
}

function expand(name: string, pkg: SchemaPackage, spec: TypeSpec | WrapperSpec): TypeDef {
  if ('wraps' in spec) {
    return {
      name,
      fields: [],
      fieldsByName: new Map(),
      fieldsByNumber: new Map(),
      wraps: { type: resolveTypeExpr(spec.wraps, pkg.package), field: spec.field },
    };
  }
  const fields: FieldDef[] = [];
  const fieldsByNumber = new Map<number, FieldDef>();
  for (const [fieldName, fieldSpec] of Object.entries(spec.fields)) {
    const field = fieldDef(fieldName, fieldSpec, pkg.package);
    fields.push(field);
    if (field.number !== 0) fieldsByNumber.set(field.number, field);
  }
  return {
    name,
    fields,
    fieldsByName: jsonFields(fields),
    fieldsByNumber,
    ...(spec.options?.structType ? { structType: spec.options.structType } : {}),
    ...(spec.description ? { description: spec.description } : {}),
  };
}

function fieldDef(name: string, [number, type, options]: FieldSpec, pkg: string): FieldDef {
  return { ...options, name, number, type: resolveTypeExpr(type, pkg) };
}

/** Flattens inline fields as Go's encoding/json does: an outer field wins a name clash. */
function jsonFields(fields: readonly FieldDef[]): Map<string, FieldDef> {
  const own = new Set(fields.filter((f) => !f.inline).map((f) => f.name));
  const out = new Map<string, FieldDef>();
  for (const f of fields) {
    if (!f.inline) {
      out.set(f.name, f);
      continue;
    }
    if (f.type.kind !== 'message') throw new Error(`schema: inline field ${f.name} is not a message`);
    for (const [n, inner] of getType(f.type.name).fieldsByName) {
      if (!own.has(n) && !out.has(n)) out.set(n, inner);
    }
  }
  return out;
}
