/**
 * JSON text in annotations, as upstream writes and reads it with encoding/json: the
 * conversions that carry fields through annotations (HorizontalPodAutoscaler) marshal Go
 * structs into annotation values and unmarshal them back. Both directions are driven by
 * the schema registry, so field order, omitempty and quantities come out as Go's would.
 */
import { normalizeValue, stringifyLikeGo, type JsonValue } from '../normalize.ts';
import { getType, resolveTypeExpr } from '../schema/registry.ts';
import type { ResolvedType } from '../schema/types.ts';
import { isObject } from './util.ts';

/** A type expression (`[]io.k8s.api.autoscaling.v1.MetricSpec`) resolved against the registry. */
export function typeOf(expr: string): ResolvedType {
  return resolveTypeExpr(expr, '');
}

/** json.Marshal of a value of type `t` (given as JSON in the type's own field names). */
export function marshal(t: ResolvedType, value: unknown): string {
  return stringifyLikeGo(normalizeValue(t, value, getType));
}

/**
 * json.Unmarshal into a value of type `t`: keys match fields exactly or, failing that,
 * ignoring case (as Go's decoder does); unknown keys are dropped. Returns the normalized
 * value, or undefined when the text is not valid JSON for the type (Go's error).
 */
export function unmarshal(t: ResolvedType, text: string): JsonValue | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  try {
    return normalizeValue(t, rekey(t, parsed), getType);
  } catch {
    return undefined;
  }
}

/** Renames keys to the schema's field names, matching case-insensitively like encoding/json. */
function rekey(t: ResolvedType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (t.kind) {
    case 'list':
      return Array.isArray(value) ? value.map((v) => rekey(t.items, v)) : value;
    case 'map':
      return isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rekey(t.values, v)])) : value;
    case 'message': {
      if (!isObject(value)) return value;
      const def = getType(t.name);
      if (def.wraps) return rekey(def.wraps.type, value);
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        let field = def.fieldsByName.get(key);
        if (!field) {
          const lower = key.toLowerCase();
          for (const f of def.fieldsByName.values()) {
            if (f.name.toLowerCase() === lower) {
              field = f;
              break;
            }
          }
        }
        if (field) out[field.name] = rekey(field.type, v);
      }
      return out;
    }
    default:
      return value;
  }
}
