// Discovery documents, per-version (APIResourceList, APIGroupList, APIVersions) and
// aggregated (apidiscovery.k8s.io/v2), built once from the resource definitions.
import { groupVersion, resources, servedGroups, type ResourceDef } from '../api/resources.ts';

export const aggregatedDiscoveryType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

function resourcesIn(group: string, version: string): ResourceDef[] {
  return resources.filter((r) => r.group === group && r.versions.includes(version)).sort((a, b) => a.plural.localeCompare(b.plural));
}

/** `/api/v1` or `/apis/{group}/{version}`: the APIResourceList. */
export function apiResourceList(group: string, version: string): object | undefined {
  const served = resourcesIn(group, version);
  if (served.length === 0) return undefined;
  const entries: object[] = [];
  for (const r of served) {
    entries.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
      ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    });
    for (const sub of r.subresources) {
      entries.push({
        name: `${r.plural}/${sub.name}`,
        singularName: r.singular,
        namespaced: r.namespaced,
        ...(sub.group !== undefined ? { group: sub.group, version: sub.version } : {}),
        kind: sub.kind,
        verbs: sub.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources: entries };
}

/** `/api`: the core group's versions. */
export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: string, versions: readonly string[]): object {
  const list = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

/** `/apis`: every named group. */
export function apiGroupList(): object {
  const groups = servedGroups().filter((g) => g.group !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(g.group, g.versions)) };
}

/** `/apis/{group}`: one group, or undefined when not served. */
export function apiGroupDocument(group: string): object | undefined {
  const served = servedGroups().find((g) => g.group === group && group !== '');
  return served ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(served.group, served.versions) } : undefined;
}

function discoveryResource(r: ResourceDef, version: string): object {
  return {
    resource: r.plural,
    responseKind: { group: r.group, version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    ...(r.subresources.length > 0
      ? {
          subresources: r.subresources.map((sub) => ({
            subresource: sub.name,
            responseKind: { group: sub.group ?? r.group, version: sub.version ?? version, kind: sub.kind },
            verbs: sub.verbs,
          })),
        }
      : {}),
  };
}

/** Aggregated discovery for `/api` (core only) or `/apis` (every named group). */
export function aggregatedDiscovery(prefix: 'api' | 'apis'): object {
  const groups = servedGroups().filter((g) => (prefix === 'api' ? g.group === '' : g.group !== ''));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        resources: resourcesIn(g.group, version).map((r) => discoveryResource(r, version)),
        freshness: 'Current',
      })),
    })),
  };
}

/** Whether the Accept header asks for aggregated discovery (kubectl decides by our Content-Type). */
export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && accept.includes('g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
}
