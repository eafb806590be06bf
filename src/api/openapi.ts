/**
 * The OpenAPI documents kubets serves, shaped like kube-apiserver 1.33's, built from the
 * schema registry and the served resources (`resources.ts`):
 *
 * - `GET /openapi/v3` -> `openapiV3Index()`: `{"paths": {"api/v1": {"serverRelativeURL":
 *   "/openapi/v3/api/v1?hash=<SHA-512, upper-case hex>"}, ...}}`.
 * - `GET /openapi/v3/<path>` -> `openapiV3Document(path)`: one OpenAPI 3.0 document per
 *   group-version (`api/v1`, `apis/apps/v1`), plus `api`, `apis`, `apis/<group>` and
 *   `version`. kubectl (1.27+) reads these: `create`/`apply` look for a PATCH operation with
 *   the kind's `x-kubernetes-group-version-kind` and a `fieldValidation` parameter, then
 *   send `fieldValidation=Strict` and leave validation to the server; `explain` reads the
 *   schemas carrying `x-kubernetes-group-version-kind`.
 * - `GET /openapi/v2` -> `openapiV2()`: Swagger 2.0 with every path and definition, as
 *   JSON (client libraries, other tools) or, for `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
 *   (`openapiV2ProtobufMediaType`), as gnostic protobuf (`servedOpenAPIV2Protobuf()`): kubectl
 *   asks for v2 only that way, and kubectl 1.27 and 1.28 need it for `create -f`/`apply -f`
 *   validation and `explain` (1.29+ use v3).
 *
 * Each document is built once, on first use, and kept as bytes with its hash:
 * `servedOpenAPIV3(path)`, `servedOpenAPIV2()` and `servedOpenAPIV2Protobuf()` return those
 * for the HTTP layer (serve `body` with `ETag: etag`; upstream also marks `?hash=` URLs
 * `Cache-Control: public, immutable`). Returned objects are shared: never mutate them.
 */
import { resources } from './resources.ts';
import { findType, kindType } from './schema/registry.ts';
import { kubernetesVersion } from '../version.ts';
import { createOpenAPI, type OpenAPI, type OpenAPIStats, type ServedDocument } from './openapi/build.ts';

export { createOpenAPI } from './openapi/build.ts';
export { openapiV2ProtobufContentType, openapiV2ProtobufMediaType } from './openapi/v2-protobuf.ts';
export type { DocumentStats, OpenAPI, OpenAPIOptions, OpenAPIStats, ServedDocument, TypeSource } from './openapi/build.ts';

let instance: OpenAPI | undefined;

/** The documents for the built-in resources and the schema registry, built on first use. */
function openapi(): OpenAPI {
  instance ??= createOpenAPI({
    types: { findType, kindType },
    resources,
    version: `v${kubernetesVersion.major}.${kubernetesVersion.minor}.${kubernetesVersion.patch}`,
  });
  return instance;
}

/** The `/openapi/v3` index: `{"paths": {"<path>": {"serverRelativeURL": "/openapi/v3/<path>?hash=<HASH>"}}}`. */
export function openapiV3Index(): object {
  return openapi().v3Index().object;
}

/** The v3 document at `/openapi/v3/<path>` (`api/v1`, `apis/apps/v1`, ...), or undefined. */
export function openapiV3Document(path: string): object | undefined {
  return openapi().v3(path)?.object;
}

/** The Swagger 2.0 document at `/openapi/v2`. */
export function openapiV2(): object {
  return openapi().v2().object;
}

/** Serialized v3 documents for serving; `''` (or `/`) is the index. */
export function servedOpenAPIV3(path: string): ServedDocument | undefined {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? openapi().v3Index() : openapi().v3(trimmed);
}

/** The serialized `/openapi/v2` JSON document. */
export function servedOpenAPIV2(): ServedDocument {
  return openapi().v2();
}

/**
 * The `/openapi/v2` document as gnostic protobuf, for an Accept of
 * `application/com.github.proto-openapi.spec.v2@v1.0+protobuf` (kubectl's) or
 * `...spec.v2.v1.0+protobuf`; answer with Content-Type `openapiV2ProtobufContentType`
 * (the `@` form breaks Go's mime parser in kubectl).
 */
export function servedOpenAPIV2Protobuf(): ServedDocument {
  return openapi().v2Protobuf();
}

/** Build times, sizes, and what the registry lacked (builds v3 if not built yet). */
export function openapiStats(): OpenAPIStats {
  return openapi().stats();
}
