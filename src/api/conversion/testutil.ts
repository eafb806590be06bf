/**
 * Test helpers: objects as Go would print them (the schema registry's normalizer), so
 * round trips compare what clients would see on the wire.
 */
import { normalize, type JsonObject } from '../normalize.ts';
import { getType, kindType } from '../schema/registry.ts';
import { parseApiVersion } from './index.ts';

/** The object normalized by the schema of its own apiVersion and kind; throws if unknown. */
export function wire(object: Record<string, unknown>): JsonObject {
  const { group, version } = parseApiVersion(String(object.apiVersion));
  const kind = String(object.kind);
  const type = kindType(group, version, kind);
  if (!type) throw new Error(`no schema for ${String(object.apiVersion)} ${kind}`);
  return normalize(type, object, getType);
}

/** Freezes a JSON value deeply, so that any mutation of a conversion's input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
