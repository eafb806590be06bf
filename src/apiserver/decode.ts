// Request bodies in, as upstream accepts them: JSON, YAML, and Kubernetes protobuf
// (`k8s\0` + runtime.Unknown, sent by kubectl 1.32+ typed clients).
import { parse as parseYaml } from 'yaml';
import { errors } from './status.ts';
import type { ApiObject } from './watch-cache.ts';

/** Decodes a protobuf body into the JSON form of the kind it names. */
export type ProtobufDecoder = (body: Uint8Array) => Record<string, unknown>;

let protobufDecoder: ProtobufDecoder | undefined;

/** Installed at start-up by the server (keeps this module free of the schema registry). */
export function setProtobufDecoder(decoder: ProtobufDecoder): void {
  protobufDecoder = decoder;
}

export function decodeBody(body: Buffer, mediaType: string): unknown {
  switch (mediaType) {
    case '':
    case 'application/json':
    case 'application/merge-patch+json':
    case 'application/strategic-merge-patch+json':
    case 'application/json-patch+json':
      return parseJson(body);
    case 'application/yaml':
    case 'application/apply-patch+yaml':
    case 'text/yaml':
      return parseYamlBody(body);
    case 'application/vnd.kubernetes.protobuf':
      if (!protobufDecoder) throw errors.unsupportedMediaType(mediaType);
      try {
        return protobufDecoder(body);
      } catch (error) {
        throw errors.badRequest(`the body of the request could not be decoded as protobuf: ${(error as Error).message}`);
      }
    default:
      throw errors.unsupportedMediaType(mediaType);
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw errors.badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
  }
}

function parseYamlBody(body: Buffer): unknown {
  try {
    return parseYaml(body.toString('utf8'), { uniqueKeys: true, version: '1.1' });
  } catch (error) {
    throw errors.badRequest(`error converting YAML to JSON: yaml: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Checks that a decoded body is an object of the kind and version the URL addresses. */
export function expectObject(value: unknown, expected: { apiVersion: string; kind: string }): ApiObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw errors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(value)}'`);
  }
  const object = value as ApiObject;
  if (object.kind === undefined || object.kind === '') object.kind = expected.kind;
  if (object.apiVersion === undefined || object.apiVersion === '') object.apiVersion = expected.apiVersion;
  if (object.apiVersion !== expected.apiVersion) {
    throw errors.badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expected.apiVersion})`);
  }
  if (object.kind !== expected.kind) {
    throw errors.badRequest(`the kind in the data (${String(object.kind)}) does not match the expected kind (${expected.kind})`);
  }
  if (typeof object.metadata !== 'object' || object.metadata === null || Array.isArray(object.metadata)) object.metadata = {};
  return object;
}
