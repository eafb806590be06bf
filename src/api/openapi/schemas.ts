/**
 * OpenAPI schemas for API types, built from the schema registry the way kube-openapi
 * shapes them: one named schema per Go struct, `$ref`s between them, and the
 * `x-kubernetes-*` extensions that clients (kubectl explain, server-side apply clients,
 * client-side strategic merge patch) read.
 *
 * Two dialects share one walk:
 * - v3 (`/openapi/v3`): refs point at `#/components/schemas/`; a ref with siblings
 *   (description, default, extensions) is wrapped as `allOf: [{$ref}]` because a v3
 *   `$ref` may have no siblings; zero-value defaults are kept; Quantity and
 *   IntOrString are `oneOf` string/number and integer/string.
 * - v2 (`/openapi/v2`): refs point at `#/definitions/` with siblings beside them; no
 *   defaults (kube-apiserver prunes them from v2); Quantity and IntOrString are strings.
 */
import { wellKnownTypes, type FieldDef, type ResolvedType, type ScalarType, type TypeDef } from '../schema/types.ts';

export type JsonObject = { [key: string]: unknown };

export interface Dialect {
  readonly version: 2 | 3;
  /** `#/components/schemas/` or `#/definitions/`. */
  readonly refPrefix: string;
}

export const v3Dialect: Dialect = { version: 3, refPrefix: '#/components/schemas/' };
export const v2Dialect: Dialect = { version: 2, refPrefix: '#/definitions/' };

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** Looks types up by their fully-qualified name; the registry's `findType` fits. */
export type FindType = (name: string) => TypeDef | undefined;

const wellKnownNames: ReadonlySet<string> = new Set(Object.values(wellKnownTypes));

/** The schema of a well-known type (its JSON form differs from its Go struct), by name. */
function wellKnownSchema(name: string, dialect: Dialect): JsonObject | undefined {
  switch (name) {
    case wellKnownTypes.time:
      return { description: 'A point in time, serialized as an RFC 3339 string with seconds.', format: 'date-time', type: 'string' };
    case wellKnownTypes.microTime:
      return { description: 'A point in time with microseconds, serialized as an RFC 3339 string.', format: 'date-time', type: 'string' };
    case wellKnownTypes.duration:
      return { description: 'A length of time, serialized as a Go duration string such as "1m30s".', type: 'string' };
    case wellKnownTypes.quantity:
      return dialect.version === 3
        ? { description: quantityDescription, oneOf: [{ type: 'string' }, { type: 'number' }] }
        : { description: quantityDescription, type: 'string' };
    case wellKnownTypes.intOrString:
      return dialect.version === 3
        ? { description: intOrStringDescription, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] }
        : { description: intOrStringDescription, format: 'int-or-string', type: 'string' };
    case wellKnownTypes.rawExtension:
      return { description: 'An embedded object of any kind, carried as is.', type: 'object' };
    case wellKnownTypes.fieldsV1:
      return { description: 'A set of field paths in the structured-merge-diff FieldsV1 format.', type: 'object' };
    default:
      return undefined;
  }
}

const quantityDescription =
  'A fixed-point number with an optional SI or binary suffix, such as "100m", "1.5", "128Mi" or "2e3". Serialized in canonical form.';
const intOrStringDescription = 'Either an integer or a string, such as a port number or a port name, or "25%".';

function scalarSchema(scalar: ScalarType): JsonObject {
  switch (scalar) {
    case 'string':
      return { type: 'string' };
    case 'bool':
      return { type: 'boolean' };
    case 'int32':
      return { format: 'int32', type: 'integer' };
    case 'int64':
      return { format: 'int64', type: 'integer' };
    case 'double':
      return { format: 'double', type: 'number' };
    case 'bytes':
      return { format: 'byte', type: 'string' };
  }
}

/** Go's zero value of a scalar as kube-openapi writes it for non-omitempty fields; none for []byte. */
function scalarZero(scalar: ScalarType): unknown {
  switch (scalar) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int32':
    case 'int64':
    case 'double':
      return 0;
    case 'bytes':
      return undefined;
  }
}

/**
 * Builds the schemas of one document: `ref(name)` registers a type as used and returns
 * its reference; `schemas()` returns every used type's schema, following references
 * transitively, sorted by name.
 */
export class SchemaCollector {
  readonly #dialect: Dialect;
  readonly #findType: FindType;
  readonly #gvks: ReadonlyMap<string, readonly GroupVersionKind[]>;
  readonly #used = new Set<string>();
  readonly #pending: string[] = [];
  readonly #missing: Set<string>;

  constructor(dialect: Dialect, findType: FindType, gvks: ReadonlyMap<string, readonly GroupVersionKind[]>, missing: Set<string>) {
    this.#dialect = dialect;
    this.#findType = findType;
    this.#gvks = gvks;
    this.#missing = missing;
  }

  /** `{$ref}` to the named type, recording it for `schemas()`. */
  ref(name: string): JsonObject {
    this.#use(name);
    return { $ref: this.#dialect.refPrefix + name };
  }

  #use(name: string): void {
    if (this.#used.has(name)) return;
    this.#used.add(name);
    this.#pending.push(name);
  }

  /** Every used type's schema, references followed, sorted by name. */
  schemas(): JsonObject {
    const built = new Map<string, JsonObject>();
    while (this.#pending.length > 0) {
      const name = this.#pending.pop()!;
      built.set(name, this.#typeSchema(name));
    }
    const out: JsonObject = {};
    for (const name of [...built.keys()].sort()) out[name] = built.get(name);
    return out;
  }

  #typeSchema(name: string): JsonObject {
    const known = wellKnownSchema(name, this.#dialect);
    if (known) return known;
    const def = this.#findType(name);
    if (!def) {
      this.#missing.add(name);
      return { description: `${name} (not in the schema registry)`, type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    }
    if (def.wraps) return withDescription(this.#valueSchema(def.wraps.type, false), def.description);
    const schema: JsonObject = {};
    if (def.description) schema.description = def.description;
    // The JSON view: inline (embedded) structs' fields sit in this object, as kube-openapi flattens them.
    const jsonFields = [...def.fieldsByName.values()];
    const fields = [...jsonFields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (fields.length > 0) {
      const properties: JsonObject = {};
      for (const field of fields) properties[field.name] = this.#fieldSchema(field);
      schema.properties = properties;
    }
    const required = jsonFields.filter((f) => f.required).map((f) => f.name);
    if (required.length > 0) schema.required = required;
    schema.type = 'object';
    const gvks = this.#gvks.get(name);
    if (gvks && gvks.length > 0) schema['x-kubernetes-group-version-kind'] = gvks.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
    if (def.structType) schema['x-kubernetes-map-type'] = def.structType;
    return schema;
  }

  /** Whether a message type is a named non-struct (a wrapper): kube-openapi inlines those. */
  #wrapped(name: string): TypeDef | undefined {
    if (wellKnownNames.has(name)) return undefined;
    const def = this.#findType(name);
    return def?.wraps ? def : undefined;
  }

  /**
   * The schema of a value of `type`. Inside lists and maps (`element`), Go never omits
   * a value, so v3 gives struct elements `default: {}` and scalar elements their zero
   * value, as kube-openapi does.
   */
  #valueSchema(type: ResolvedType, element: boolean): JsonObject {
    switch (type.kind) {
      case 'scalar': {
        const schema = scalarSchema(type.scalar);
        const zero = element && this.#dialect.version === 3 ? scalarZero(type.scalar) : undefined;
        return zero === undefined ? schema : { default: zero, ...schema };
      }
      case 'wellKnown':
        return this.ref(type.name);
      case 'message': {
        const wrapper = this.#wrapped(type.name);
        if (wrapper) return this.#valueSchema(wrapper.wraps!.type, false);
        const ref = this.ref(type.name);
        return element && this.#dialect.version === 3 ? this.#finishRef({ ...ref, default: {} }) : ref;
      }
      case 'list':
        return { items: this.#valueSchema(type.items, true), type: 'array' };
      case 'map':
        return { additionalProperties: this.#valueSchema(type.values, true), type: 'object' };
    }
  }

  #fieldSchema(field: FieldDef): JsonObject {
    const schema: JsonObject = { ...this.#valueSchema(field.type, false) };
    if (this.#dialect.version === 3) {
      const value = field.default !== undefined ? field.default : this.#enforcedDefault(field);
      if (value !== undefined) schema.default = value;
    }
    if (field.description) schema.description = field.description;
    if (field.enum && field.enum.length > 0) {
      if (field.type.kind === 'list' && schema.items && typeof schema.items === 'object') {
        schema.items = { ...(schema.items as JsonObject), enum: [...field.enum] };
      } else {
        schema.enum = [...field.enum];
      }
    }
    if (field.listMapKeys && field.listMapKeys.length > 0) schema['x-kubernetes-list-map-keys'] = [...field.listMapKeys];
    if (field.listType) schema['x-kubernetes-list-type'] = field.listType;
    const mapType = field.mapType ?? field.structType;
    if (mapType) schema['x-kubernetes-map-type'] = mapType;
    if (field.patchMergeKey) schema['x-kubernetes-patch-merge-key'] = field.patchMergeKey;
    if (field.patchStrategy) schema['x-kubernetes-patch-strategy'] = field.patchStrategy;
    return this.#finishRef(sortKeys(schema));
  }

  /**
   * kube-openapi's `mustEnforceDefault`: a non-pointer struct field defaults to `{}`
   * (omitempty never omits a struct), a non-pointer scalar without omitempty to its
   * zero value; types with custom JSON (the well-known ones) and nil-able fields to nothing.
   */
  #enforcedDefault(field: FieldDef): unknown {
    if (field.pointer) return undefined;
    const type = field.type;
    if (type.kind === 'message') {
      if (this.#wrapped(type.name)) return undefined;
      return {};
    }
    if (type.kind === 'scalar' && field.always) return scalarZero(type.scalar);
    return undefined;
  }

  /** v3: a `$ref` with siblings becomes `allOf: [{$ref}]` plus the siblings. */
  #finishRef(schema: JsonObject): JsonObject {
    if (this.#dialect.version !== 3 || typeof schema.$ref !== 'string' || Object.keys(schema).length === 1) return schema;
    const { $ref, ...rest } = schema;
    return sortKeys({ allOf: [{ $ref }], ...rest });
  }
}

function withDescription(schema: JsonObject, description: string | undefined): JsonObject {
  return description ? sortKeys({ ...schema, description }) : schema;
}

/** The same object with its keys in code-point order, as Go's encoder writes maps. */
export function sortKeys<T extends JsonObject>(object: T): T {
  const out: JsonObject = {};
  for (const key of Object.keys(object).sort()) out[key] = object[key];
  return out as T;
}
