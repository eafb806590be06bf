/**
 * PATCH bodies applied as kube-apiserver applies them (k8s.io/apiserver
 * pkg/endpoints/handlers/patch.go, v0.33): the patch type chosen by Content-Type, the
 * patch applied to the current object's JSON, and failures answered with upstream's
 * status code, reason and message (PatchError; `toStatus()` is the body).
 *
 * What each failure answers (upstream's behaviour, reproduced):
 *
 * | patch | failure | status |
 * |---|---|---|
 * | json | body not an array of objects (default validation Warn/Strict) | 400 `error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp` |
 * | json | same, fieldValidation=Ignore | 400 `json: cannot unmarshal object into Go value of type jsonpatch.Patch` |
 * | json | more than 10000 operations | 413 `Request entity too large: The allowed maximum operations in a JSON patch is 10000, got N` |
 * | json | an operation fails (test, missing path, bad index, unknown op, copy limit) | 422 Invalid `the server rejected our request due to an error in our request`, details `{}`; the library's message (`testing value /x failed: test failed`) is only in `PatchError.detail` |
 * | json/merge | the result is not an object | 422 Invalid ` "" is invalid: patch: Invalid value: "...": couldn't get version/kind; json parse error: ...` |
 * | merge | body null, a string, number or bool | 400 `Invalid JSON Patch` (with validation Warn/Strict, non-null non-objects: 400 `error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}`) |
 * | strategic | kind without a schema (custom resources) | 415 `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml` |
 * | strategic | body not an object | 400 `json: cannot unmarshal array into Go value of type map[string]interface {}` |
 * | strategic | bad `$deleteFromPrimitiveList`/`$setElementOrder` key, `$retainKeys` not a list or missing a patched key | 400 `invalid patch format of primitive list` / `... of setElementOrder list` / `... of retainKeys` |
 * | strategic | a list of lists | 422 Invalid generic message |
 * | strategic | any other error (unknown `$patch`, missing merge key, `$setElementOrder` mismatch, unknown field in both sides, ...) | 500, no reason, upstream's message, e.g. `map: map[image:x] does not contain declared merge key: name` |
 *
 * A JSON null body is a no-op for json and strategic patches. Decoding the body (and, for
 * Strict/Warn, finding duplicate fields) and decoding the patched object (unknown fields,
 * wrong types: 422 Invalid `patch`) stay with the caller; `applyPatchDetailed` returns the
 * JSON patch's own strict errors to report alongside.
 */
import { applyMergePatch } from '../../apimachinery/patch/merge-patch.ts';
import { kindType } from '../schema/registry.ts';
import { PatchError, patchErrors } from './errors.ts';
import { isJsonMap, jsonKindName } from './go-value.ts';
import {
  JsonPatchDecodeError,
  JsonPatchError,
  JsonPatchPanic,
  applyJsonPatch,
  decodeJsonPatch,
  defaultCopySizeLimit,
  maxJsonPatchOperations,
  strictJsonPatchErrors,
} from './json-patch.ts';
import { strategicMergePatch } from './strategic-merge-patch.ts';

export { PatchError, genericInvalidMessage, patchErrors, type PatchStatus } from './errors.ts';
export { applyJsonPatch, decodePointerToken, encodePointerToken, JsonPatchError, maxJsonPatchOperations } from './json-patch.ts';
export { strategicMergePatch, type TypeResolver } from './strategic-merge-patch.ts';

export type PatchType = 'json' | 'merge' | 'strategic';

/** The media types of the patch types, as clients send them in Content-Type. */
export const patchMediaTypes: Readonly<Record<PatchType, string>> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/**
 * What upstream accepts for custom resources (no strategic merge patch), in the order its
 * 415 message lists them.
 */
export const customResourcePatchMediaTypes: readonly string[] = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];

/** The patch type a Content-Type names (parameters ignored), if one of these three. */
export function patchTypeOf(contentType: string): PatchType | undefined {
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon > 0 ? contentType.slice(0, semicolon) : contentType).trim();
  for (const [type, media] of Object.entries(patchMediaTypes) as Array<[PatchType, string]>) if (media === mediaType) return type;
  return undefined;
}

/** The group, version and kind of the object patched, as the request addresses it. */
export interface PatchKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

export interface ApplyPatchOptions {
  /** The request's fieldValidation; upstream's default is Warn. */
  readonly fieldValidation?: FieldValidation;
  /** --json-patch-max-copy-bytes; default 3 MiB. */
  readonly jsonPatchMaxCopyBytes?: number;
}

export interface PatchResult {
  readonly object: Record<string, unknown>;
  /**
   * Strict decoding errors of the patch itself (`json patch unknown field "x"`), to report
   * with the patched object's own: 422 under Strict, warnings under Warn. Empty under Ignore.
   */
  readonly strictErrors: string[];
}

/**
 * Applies a patch of the given type to `current` (the object's JSON as the request's
 * version shows it) and returns the patched object; throws PatchError.
 */
export function applyPatch(type: PatchType, current: object, patch: unknown, schema: PatchKind, options: ApplyPatchOptions = {}): Record<string, unknown> {
  return applyPatchDetailed(type, current, patch, schema, options).object;
}

/** applyPatch, also returning the patch's strict decoding errors. */
export function applyPatchDetailed(type: PatchType, current: object, patch: unknown, schema: PatchKind, options: ApplyPatchOptions = {}): PatchResult {
  const strict = (options.fieldValidation ?? 'Warn') !== 'Ignore';
  switch (type) {
    case 'json':
      return jsonPatch(current, patch, strict, options.jsonPatchMaxCopyBytes ?? defaultCopySizeLimit);
    case 'merge':
      return { object: mergePatch(current, patch, strict), strictErrors: [] };
    case 'strategic': {
      const def = kindType(schema.group, schema.version, schema.kind);
      // Upstream serves custom resources (which have no Go struct) without this patch type.
      if (!def) throw patchErrors.unsupportedMediaType(customResourcePatchMediaTypes);
      return { object: strategicMergePatch(current, patch, def), strictErrors: [] };
    }
    default:
      throw patchErrors.unsupportedMediaType(Object.values(patchMediaTypes));
  }
}

function jsonPatch(current: object, patch: unknown, strict: boolean, copyLimit: number): PatchResult {
  let strictErrors: string[] = [];
  try {
    if (strict) strictErrors = strictJsonPatchErrors(patch);
    const ops = decodeJsonPatch(patch);
    if (ops.length > maxJsonPatchOperations) {
      throw patchErrors.requestEntityTooLarge(`The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${ops.length}`);
    }
    const result = applyJsonPatch(current, ops, { accumulatedCopySizeLimit: copyLimit });
    return { object: requireObject(result), strictErrors };
  } catch (error) {
    if (error instanceof JsonPatchDecodeError) throw patchErrors.badRequest(error.message);
    if (error instanceof JsonPatchError) throw patchErrors.invalidGeneric(error.message);
    if (error instanceof JsonPatchPanic) throw patchErrors.panic(error.message);
    throw error;
  }
}

function mergePatch(current: object, patch: unknown, strict: boolean): Record<string, unknown> {
  if (strict && patch !== null && !isJsonMap(patch)) {
    throw patchErrors.badRequest(`error decoding patch: json: cannot unmarshal ${jsonKindName(patch)} into Go value of type map[string]interface {}`);
  }
  // evanphx/json-patch's MergePatch: null and scalars are not merge patches; an array
  // replaces the document (and fails to decode as an object below).
  if (patch === null || (typeof patch !== 'object' && !Array.isArray(patch))) throw patchErrors.badRequest('Invalid JSON Patch');
  return requireObject(applyMergePatch(current, patch));
}

/** The patched document must decode as an object; upstream's decoder says why not. */
function requireObject(result: unknown): Record<string, unknown> {
  if (isJsonMap(result)) return result;
  throw patchErrors.invalidPatchedObject(
    JSON.stringify(result),
    `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKindName(result)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
  );
}

/** True for the errors this module throws. */
export function isPatchError(error: unknown): error is PatchError {
  return error instanceof PatchError;
}
