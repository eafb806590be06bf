/**
 * Builds the OpenAPI documents kube-apiserver serves, from a type source (the schema
 * registry) and the served resources:
 * - `/openapi/v3`: an index of per-path documents, each with a content hash;
 * - `/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1`, ...: one OpenAPI 3.0 document per
 *   group-version (plus `api`, `apis`, `apis/<group>` and `version`), holding that
 *   version's operations and every schema they reach;
 * - `/openapi/v2`: one Swagger 2.0 document with everything.
 *
 * Everything is built once on first use and kept as serialized bytes plus a hash, so
 * serving is a lookup. Built objects are shared: never mutate them.
 */
import { createHash } from 'node:crypto';
import type { ResourceDef } from '../resources.ts';
import type { TypeDef } from '../schema/types.ts';
import {
  coreVersionsPath,
  groupListPath,
  groupPath,
  metaTypes,
  resourceListPath,
  resourcePaths,
  versionPath,
  type Param,
  type ParamType,
  type PathItem,
  type PathsContext,
} from './paths.ts';
import { pathsV2, pathsV3 } from './render.ts';
import { encodeOpenAPIV2 } from './v2-protobuf.ts';
import { SchemaCollector, v2Dialect, v3Dialect, type GroupVersionKind, type JsonObject } from './schemas.ts';

/** Where types come from; the schema registry module satisfies it. */
export interface TypeSource {
  /** The type with this fully-qualified name, or undefined. */
  readonly findType: (name: string) => TypeDef | undefined;
  /** The type of a kind at a group-version; when absent, names are guessed as upstream's `io.k8s.api.<group>.<version>.<Kind>`. */
  readonly kindType?: (group: string, version: string, kind: string) => TypeDef | undefined;
}

export interface OpenAPIOptions {
  readonly types: TypeSource;
  readonly resources: readonly ResourceDef[];
  /** `info.version`, e.g. `v1.33.0`. */
  readonly version: string;
}

/** A document ready to serve: the object, its compact JSON bytes, and its hash. */
export interface ServedDocument {
  /** Shared and read-only. */
  readonly object: JsonObject;
  readonly body: Buffer;
  /** Upper-case hex SHA-512 of `body`, as kube-apiserver computes it. */
  readonly hash: string;
  /** The `ETag` header value: the hash, quoted. */
  readonly etag: string;
}

export interface DocumentStats {
  readonly path: string;
  readonly bytes: number;
  readonly paths: number;
  readonly schemas: number;
}

export interface OpenAPIStats {
  readonly v3BuildMs: number;
  readonly v2BuildMs: number | undefined;
  readonly v3: readonly DocumentStats[];
  readonly v2: DocumentStats | undefined;
  readonly v2ProtobufMs: number | undefined;
  readonly v2ProtobufBytes: number | undefined;
  /** Schema names referenced but absent from the type source (served as open objects). */
  readonly missingTypes: readonly string[];
  /** Kinds of served resources (and their lists and subresources) with no type: their operations are left out. */
  readonly missingKinds: readonly string[];
}

export interface OpenAPI {
  /** The `/openapi/v3` index body. */
  v3Index(): ServedDocument;
  /** The document at `/openapi/v3/<path>` (`api/v1`, `apis/apps/v1`, `apis/apps`, `api`, `apis`, `version`). */
  v3(path: string): ServedDocument | undefined;
  /** The `/openapi/v2` document. */
  v2(): ServedDocument;
  /** The `/openapi/v2` document as gnostic protobuf (`object` is the JSON form it encodes). */
  v2Protobuf(): ServedDocument;
  stats(): OpenAPIStats;
}

const securityScheme = { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } };

const compareGvk = (a: GroupVersionKind, b: GroupVersionKind) =>
  a.group < b.group ? -1 : a.group > b.group ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;

/** Upstream's Go package for a group: `io.k8s.api.<pkg>.<version>`. */
function guessTypeName(gvk: GroupVersionKind): string {
  const pkg = gvk.group === '' ? 'core' : gvk.group.replace(/\.k8s\.io$/, '').split('.')[0]!;
  return `io.k8s.api.${pkg}.${gvk.version}.${gvk.kind}`;
}

function serve(object: JsonObject, body: Buffer = Buffer.from(JSON.stringify(object))): ServedDocument {
  const hash = createHash('sha512').update(body).digest('hex').toUpperCase();
  return { object, body, hash, etag: `"${hash}"` };
}

function statsOf(path: string, doc: ServedDocument, schemasKey: 'components' | 'definitions'): DocumentStats {
  const o = doc.object;
  const schemas = schemasKey === 'components' ? ((o.components as JsonObject | undefined)?.schemas as JsonObject | undefined) : (o.definitions as JsonObject | undefined);
  return { path, bytes: doc.body.length, paths: Object.keys((o.paths as JsonObject | undefined) ?? {}).length, schemas: Object.keys(schemas ?? {}).length };
}

const scalarParamType = (scalar: string): ParamType | undefined =>
  scalar === 'bool' ? 'boolean' : scalar === 'int32' || scalar === 'int64' ? 'integer' : scalar === 'string' ? 'string' : undefined;

/** Builds documents lazily, each set once. */
export function createOpenAPI(options: OpenAPIOptions): OpenAPI {
  const { types, resources, version } = options;
  const missingTypes = new Set<string>();
  const missingKinds = new Set<string>();

  const typeOf = (gvk: GroupVersionKind): string | undefined => {
    const def = types.kindType?.(gvk.group, gvk.version, gvk.kind) ?? types.findType(guessTypeName(gvk));
    return def?.name;
  };
  const requireType = (gvk: GroupVersionKind): string | undefined => {
    const name = typeOf(gvk);
    if (!name) missingKinds.add(`${gvk.group || 'core'}/${gvk.version}/${gvk.kind}`);
    return name;
  };
  const optionParams = (gvk: GroupVersionKind): Param[] => {
    const name = typeOf(gvk);
    const def = name ? types.findType(name) : undefined;
    if (!def) return [];
    const out: Param[] = [];
    for (const field of def.fields) {
      if (field.name === 'kind' || field.name === 'apiVersion') continue;
      const t = field.type.kind === 'list' ? field.type.items : field.type;
      const type = t.kind === 'scalar' ? scalarParamType(t.scalar) : undefined;
      if (!type) continue;
      out.push({ name: field.name, in: 'query', type, description: field.description ?? `The ${field.name} option.` });
    }
    return out;
  };
  const ctx: PathsContext = { typeOf: requireType, optionParams };

  /** Every served group-version, sorted, for DeleteOptions' and WatchEvent's kinds. */
  const servedGroupVersions = (): GroupVersionKind[] => {
    const seen = new Map<string, GroupVersionKind>();
    for (const r of resources) for (const v of r.versions) seen.set(`${r.group}/${v}`, { group: r.group, version: v, kind: '' });
    if (!seen.has('/v1')) seen.set('/v1', { group: '', version: 'v1', kind: '' });
    return [...seen.values()].sort(compareGvk);
  };

  /** `x-kubernetes-group-version-kind` of every type that is a kind somewhere. */
  const gvks = (() => {
    const map = new Map<string, GroupVersionKind[]>();
    const add = (name: string | undefined, gvk: GroupVersionKind) => {
      if (!name) return;
      const list = map.get(name) ?? [];
      if (!list.some((g) => compareGvk(g, gvk) === 0)) list.push(gvk);
      map.set(name, list);
    };
    for (const r of resources) {
      for (const v of r.versions) {
        add(typeOf({ group: r.group, version: v, kind: r.kind }), { group: r.group, version: v, kind: r.kind });
        add(typeOf({ group: r.group, version: v, kind: `${r.kind}List` }), { group: r.group, version: v, kind: `${r.kind}List` });
        for (const s of r.subresources) {
          const gvk = { group: s.group ?? r.group, version: s.version ?? v, kind: s.kind };
          add(typeOf(gvk), gvk);
        }
      }
    }
    for (const kind of ['Status', 'APIResourceList', 'APIGroup', 'APIGroupList', 'APIVersions']) {
      add(`io.k8s.apimachinery.pkg.apis.meta.v1.${kind}`, { group: '', version: 'v1', kind });
    }
    for (const gv of servedGroupVersions()) {
      add(metaTypes.deleteOptions, { ...gv, kind: 'DeleteOptions' });
      add(metaTypes.watchEvent, { ...gv, kind: 'WatchEvent' });
    }
    for (const list of map.values()) list.sort(compareGvk);
    return map;
  })();

  /** The v3 document paths and their operations. */
  const v3Items = (): Map<string, PathItem[]> => {
    const docs = new Map<string, PathItem[]>();
    docs.set('api', [coreVersionsPath()]);
    docs.set('apis', [groupListPath()]);
    for (const r of resources) {
      for (const v of r.versions) {
        const key = r.group === '' ? `api/${v}` : `apis/${r.group}/${v}`;
        if (!docs.has(key)) docs.set(key, [resourceListPath(r.group, v)]);
        if (r.group !== '' && !docs.has(`apis/${r.group}`)) docs.set(`apis/${r.group}`, [groupPath(r.group)]);
        // A kind without a type cannot be described; its operations are left out.
        if (!requireType({ group: r.group, version: v, kind: r.kind })) continue;
        docs.get(key)!.push(...resourcePaths(r, v, ctx));
      }
    }
    docs.set('version', [versionPath()]);
    return docs;
  };

  let v3Set: { index: ServedDocument; docs: Map<string, ServedDocument>; ms: number } | undefined;
  let v2Doc: { doc: ServedDocument; ms: number } | undefined;
  let v2Proto: { doc: ServedDocument; ms: number } | undefined;

  const buildV3 = () => {
    if (v3Set) return v3Set;
    const start = performance.now();
    const docs = new Map<string, ServedDocument>();
    for (const [path, items] of v3Items()) {
      const schemas = new SchemaCollector(v3Dialect, types.findType, gvks, missingTypes);
      const paths = pathsV3(items, schemas);
      const object: JsonObject = {
        components: { schemas: schemas.schemas(), securitySchemes: securityScheme },
        info: { title: 'Kubernetes', version },
        openapi: '3.0.0',
        paths,
      };
      docs.set(path, serve(object));
    }
    const indexPaths: JsonObject = {};
    for (const path of [...docs.keys()].sort()) indexPaths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${docs.get(path)!.hash}` };
    const index = serve({ paths: indexPaths });
    v3Set = { index, docs, ms: performance.now() - start };
    return v3Set;
  };

  const buildV2 = () => {
    if (v2Doc) return v2Doc;
    const start = performance.now();
    const items: PathItem[] = [];
    for (const list of v3Items().values()) items.push(...list);
    const schemas = new SchemaCollector(v2Dialect, types.findType, gvks, missingTypes);
    const paths = pathsV2(items, schemas);
    const object: JsonObject = {
      definitions: schemas.schemas(),
      info: { title: 'Kubernetes', version },
      paths,
      security: [{ BearerToken: [] }],
      securityDefinitions: securityScheme,
      swagger: '2.0',
    };
    v2Doc = { doc: serve(object), ms: performance.now() - start };
    return v2Doc;
  };

  return {
    v3Index: () => buildV3().index,
    v3: (path) => buildV3().docs.get(path.replace(/^\/+|\/+$/g, '')),
    v2: () => buildV2().doc,
    v2Protobuf: () => {
      if (!v2Proto) {
        const json = buildV2().doc;
        const start = performance.now();
        v2Proto = { doc: serve(json.object, encodeOpenAPIV2(json.object)), ms: performance.now() - start };
      }
      return v2Proto.doc;
    },
    stats: () => {
      const v3 = buildV3();
      return {
        v3BuildMs: v3.ms,
        v2BuildMs: v2Doc?.ms,
        v3: [...v3.docs].map(([path, doc]) => statsOf(path, doc, 'components')),
        v2: v2Doc ? statsOf('openapi/v2', v2Doc.doc, 'definitions') : undefined,
        v2ProtobufMs: v2Proto?.ms,
        v2ProtobufBytes: v2Proto?.doc.body.length,
        missingTypes: [...missingTypes].sort(),
        missingKinds: [...missingKinds].sort(),
      };
    },
  };
}
