/**
 * The schema registry's format: one description of every API type, the source of
 * truth for the protobuf codec, strategic merge patch, server-side apply, OpenAPI
 * v2/v3, and Go-style JSON normalization (DESIGN.md, API server).
 *
 * Data files (one per upstream Go package, e.g. `core-v1.ts`) hold a `SchemaPackage`:
 * compact on purpose so that they stay readable. `registry.ts` expands them into
 * `TypeDef`s with fully-qualified type names.
 *
 * Facts follow upstream's published API (k8s.io/api, k8s.io/apimachinery): field
 * names, protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and
 * map types. Descriptions, where present, are our own words.
 */

/**
 * A field's type, as written in data files:
 * - a scalar: `string`, `bool`, `int32`, `int64`, `double`, `bytes` (JSON: base64 string);
 * - a well-known type (see `wellKnownTypes`), by its full name;
 * - a message type: a short name (same package) or a full name (`io.k8s.api.core.v1.PodSpec`);
 * - `[]T` (a list; protobuf `repeated`) or `map[string]T` (protobuf map entries key=1, value=2).
 */
export type TypeExpr = string;

export interface FieldOptions {
  /**
   * An embedded Go struct (`json:",inline"`) that protobuf keeps as a nested message: in
   * JSON its type's fields sit directly in this object, in protobuf they travel inside a
   * message at this field's number. Keyed by its protobuf name (Volume's `volumeSource`,
   * Probe's `handler`). The inlined TypeMeta of top-level kinds is not one of these: it
   * becomes the JSON-only `kind` and `apiVersion` fields.
   */
  readonly inline?: true;
  /** Go field is a pointer (or a slice/map, which are nil-able): absent is nil, not a zero value. */
  readonly pointer?: true;
  /** The JSON tag lacks `omitempty`: Go always emits the field, zero or not. */
  readonly always?: true;
  /** `+required` marker, or a required field in upstream's OpenAPI. */
  readonly required?: true;
  /** `patchStrategy` struct tag, e.g. `merge`, `retainKeys`, `merge,retainKeys`, `replace`. */
  readonly patchStrategy?: string;
  /** `patchMergeKey` struct tag. */
  readonly patchMergeKey?: string;
  /** `+listType` marker. */
  readonly listType?: 'atomic' | 'set' | 'map';
  /** `+listMapKey` markers, in order. */
  readonly listMapKeys?: readonly string[];
  /** `+mapType` marker. */
  readonly mapType?: 'atomic' | 'granular';
  /** `+structType` marker. */
  readonly structType?: 'atomic' | 'granular';
  /** `+default` marker value, as JSON. */
  readonly default?: unknown;
  /** Allowed values, from `+enum` string types. */
  readonly enum?: readonly string[];
  readonly description?: string;
}

/**
 * A field in a data file: [protobuf number, type, options?]. Number 0 means JSON only
 * (e.g. the inlined `apiVersion` and `kind` of top-level kinds, carried by
 * runtime.Unknown in protobuf).
 */
export type FieldSpec = readonly [number, TypeExpr] | readonly [number, TypeExpr, FieldOptions];

export interface TypeSpec {
  /** Fields by JSON name, in Go declaration order. */
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** `+structType=atomic` on the type, `+listType` for named list types, and so on. */
  readonly options?: { readonly structType?: 'atomic' | 'granular' };
  readonly description?: string;
}

/**
 * A named non-struct type that protobuf wraps in a message, e.g. authentication's
 * `ExtraValue` ([]string) is `message ExtraValue { repeated string items = 1; }` but
 * plain JSON `["a", "b"]`.
 */
export interface WrapperSpec {
  /** The JSON type, a `TypeExpr`. */
  readonly wraps: TypeExpr;
  /** The protobuf field number of the wrapped value inside the message. */
  readonly field: number;
}

export interface SchemaPackage {
  /** The OpenAPI definition prefix, e.g. `io.k8s.api.core.v1`. */
  readonly package: string;
  readonly types: Readonly<Record<string, TypeSpec | WrapperSpec>>;
}

/** Types whose JSON and protobuf forms are special, with their upstream names. */
export const wellKnownTypes = {
  /** JSON: RFC 3339 string with seconds (or null); protobuf: { int64 seconds = 1; int32 nanos = 2; }. */
  time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  /** JSON: RFC 3339 string with microseconds; protobuf as Time. */
  microTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  /** JSON: Go duration string ("1m0s"); protobuf: { int64 duration = 1; } in nanoseconds. */
  duration: 'io.k8s.apimachinery.pkg.apis.meta.v1.Duration',
  /** JSON: canonical quantity string; protobuf: { string string = 1; }. */
  quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  /** JSON: number or string; protobuf: { int64 type = 1; int32 intVal = 2; string strVal = 3; }. */
  intOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  /** JSON: any object; protobuf: { bytes raw = 1; } holding JSON (or a nested k8s protobuf). */
  rawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  /** JSON: any object (managedFields' fieldsV1); protobuf: { bytes Raw = 1; } holding JSON. */
  fieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
} as const;

/** The expanded form `registry.ts` serves: every type name fully qualified. */
export interface FieldDef extends FieldOptions {
  /** JSON name. */
  readonly name: string;
  /** Protobuf field number; 0 when the field exists only in JSON. */
  readonly number: number;
  readonly type: ResolvedType;
}

export type ScalarType = 'string' | 'bool' | 'int32' | 'int64' | 'double' | 'bytes';

export type ResolvedType =
  | { readonly kind: 'scalar'; readonly scalar: ScalarType }
  | { readonly kind: 'wellKnown'; readonly name: string }
  | { readonly kind: 'message'; readonly name: string }
  | { readonly kind: 'list'; readonly items: ResolvedType }
  | { readonly kind: 'map'; readonly values: ResolvedType };

export interface TypeDef {
  /** Fully-qualified name, e.g. `io.k8s.api.core.v1.Pod`. */
  readonly name: string;
  /** Fields in declaration order; `inline` fields as declared (see FieldOptions.inline). */
  readonly fields: readonly FieldDef[];
  /**
   * The JSON view: fields by JSON name in Go's output order, `inline` fields replaced by
   * their type's fields (recursively).
   */
  readonly fieldsByName: ReadonlyMap<string, FieldDef>;
  /** The protobuf view: fields by number, `inline` ones included, JSON-only (0) ones absent. */
  readonly fieldsByNumber: ReadonlyMap<number, FieldDef>;
  /** Set for wrapper types (see WrapperSpec). */
  readonly wraps?: { readonly type: ResolvedType; readonly field: number };
  readonly structType?: 'atomic' | 'granular';
  readonly description?: string;
}
