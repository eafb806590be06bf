// Ties request bodies to the schema registry: protobuf bodies decode by their kind's
// schema, unknown fields are reported per fieldValidation, and every object is
// normalized to what upstream's Go round trip would store.
import { findStrictFieldErrors, findUnknownFields, normalize, strictDecodingErrorMessage, NormalizeError, type StrictFieldError } from '../api/normalize.ts';
import { parseApiVersion } from '../api/conversion/index.ts';
import { applyDefaults } from '../api/defaults/index.ts';
import { decodeObject } from '../api/protobuf.ts';
import { getType, kindType } from '../api/schema/registry.ts';
import { setProtobufDecoder } from './decode.ts';
import { markDefaulted } from './registry/generic-registry.ts';
import { errors } from './status.ts';
import type { ApiObject } from './watch-cache.ts';

/** Lets the body decoder read Kubernetes protobuf (kubectl 1.32+ typed clients send it). */
export function installProtobufDecoding(): void {
  const resolveKind = (apiVersion: string, kind: string) => {
    const { group, version } = parseApiVersion(apiVersion);
    return kindType(group, version, kind);
  };
  setProtobufDecoder((body) => decodeObject(body, resolveKind, getType).object);
}

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function fieldValidationOf(query: URLSearchParams): FieldValidation {
  const value = query.get('fieldValidation') ?? 'Warn';
  if (value !== 'Strict' && value !== 'Warn' && value !== 'Ignore') {
    throw errors.badRequest(`fieldValidation parameter unsupported: ${value}, must be one of Ignore, Warn, Strict`);
  }
  return value;
}

/**
 * Checks an object against its kind's schema and returns it normalized, with the
 * warnings to send. Strict validation turns unknown (and, given the JSON text,
 * duplicate) fields into a 400, as upstream.
 */
export function admitSchema(object: ApiObject, fieldValidation: FieldValidation, jsonText?: string): { object: ApiObject; warnings: string[] } {
  const apiVersion = String(object.apiVersion);
  const kind = String(object.kind);
  const { group, version } = parseApiVersion(apiVersion);
  const type = kindType(group, version, kind);
  if (!type) return { object, warnings: [] };
  let problems: StrictFieldError[] = [];
  if (fieldValidation !== 'Ignore') {
    problems = jsonText !== undefined ? findStrictFieldErrors(type, jsonText, getType) : findUnknownFields(type, object, getType).map((path) => ({ kind: 'unknown', path }));
  }
  if (problems.length > 0 && fieldValidation === 'Strict') {
    throw errors.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${strictDecodingErrorMessage(problems)}`);
  }
  try {
    const normalized = normalize(type, object, getType) as ApiObject;
    // Upstream defaults objects in the version they were sent in, as part of decoding.
    applyDefaults(group, version, kind, normalized);
    markDefaulted(normalized);
    return { object: normalized, warnings: problems.map((p) => `${p.kind} field "${p.path}"`) };
  } catch (error) {
    if (error instanceof NormalizeError) throw errors.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${error.message}`);
    throw error;
  }
}
