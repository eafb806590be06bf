/**
 * events.k8s.io/v1 Event <-> core v1 Event (storage: core v1), as upstream's
 * pkg/apis/events/v1/conversion.go: renamed fields only; eventTime, series, action, reason,
 * type, related and reportingInstance keep their names.
 */
import { clone, rename, type JsonObject } from './util.ts';

/** events.k8s.io/v1 name -> core v1 name. */
const renames: readonly (readonly [events: string, core: string])[] = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

/** events.k8s.io/v1 -> core v1. */
export function eventToCore(input: JsonObject): JsonObject {
  const out = clone(input);
  // A target name in the source is not a field of the source's version: Go drops it.
  for (const [, core] of renames) delete out[core];
  for (const [events, core] of renames) rename(out, events, core);
  return out;
}

/** core v1 -> events.k8s.io/v1. */
export function eventFromCore(input: JsonObject): JsonObject {
  const out = clone(input);
  // A target name in the source is not a field of the source's version: Go drops it.
  for (const [events] of renames) delete out[events];
  for (const [events, core] of renames) rename(out, core, events);
  return out;
}
