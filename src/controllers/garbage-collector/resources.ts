// Which served resources the garbage collector and the namespace controller work on, found
// from the API's own resource table (the discovery the server serves): every resource
// that can be listed, watched and deleted, once per storage (extensions/v1beta1 and
// events.k8s.io share storage with apps, networking.k8s.io and core events).
import { resources, type ResourceDef } from '../../api/resources.ts';

/** Groups served again only for old manifests; their objects are the same as another group's. */
const legacyGroups = new Set(['extensions']);

function onePerStorage(defs: readonly ResourceDef[]): ResourceDef[] {
  const seen = new Set<string>();
  const out: ResourceDef[] = [];
  for (const def of defs) {
    if (legacyGroups.has(def.group) || seen.has(def.storagePrefix)) continue;
    seen.add(def.storagePrefix);
    out.push(def);
  }
  return out;
}

const has = (def: ResourceDef, ...verbs: string[]) => verbs.every((verb) => def.verbs.includes(verb));

/** Namespaced resources a namespace's deletion empties: those that can be listed and deleted. */
export function namespacedDeletableResources(): ResourceDef[] {
  return onePerStorage(resources.filter((def) => def.namespaced && has(def, 'list', 'delete')));
}

/** Resources the garbage collector watches: listable, watchable and deletable, events apart (as upstream). */
export function garbageCollectedResources(): ResourceDef[] {
  return onePerStorage(resources.filter((def) => has(def, 'list', 'watch', 'delete') && def.plural !== 'events'));
}

/** The group of an apiVersion: `apps/v1` -> `apps`, `v1` -> ''. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The resource of a kind in an apiVersion's group (legacy groups map to the group sharing their storage). */
export function resourceForKind(apiVersion: string, kind: string): ResourceDef | undefined {
  const group = groupOf(apiVersion);
  const def = resources.find((r) => r.group === group && r.kind === kind && has(r, 'get'));
  if (!def || !legacyGroups.has(group)) return def;
  return garbageCollectedResources().find((r) => r.storagePrefix === def.storagePrefix) ?? def;
}
