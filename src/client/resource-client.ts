// Typed access to one resource (pods, apps/deployments...): the verbs kubectl uses,
// with paths built from the served resource table.
import type { ListMeta, ObjectMeta } from 'kubernetes-types/meta/v1.d.ts';
import { findResource, groupVersion, resources, type ResourceDef } from '../api/resources.ts';
import type { RestClient, WatchStream } from './rest-client.ts';

/** Any API object: what every resource has in common. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

export interface ObjectList<T> {
  apiVersion?: string;
  kind?: string;
  metadata: ListMeta;
  items: T[];
}

export interface ListOptions {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly limit?: number;
  readonly continue?: string;
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: string;
}

export interface WatchOptions extends ListOptions {
  readonly allowWatchBookmarks?: boolean;
  readonly timeoutSeconds?: number;
}

export interface WriteOptions {
  readonly dryRun?: 'All';
  readonly fieldManager?: string;
  readonly force?: boolean;
}

/** For a write whose answer the caller does not use: it resolves to undefined, not parsed (RequestOptions.discardResult). */
export interface DiscardResult {
  readonly discardResult: true;
}

export interface DeleteOptions {
  readonly gracePeriodSeconds?: number;
  readonly propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  readonly preconditions?: { uid?: string; resourceVersion?: string };
  readonly dryRun?: ['All'];
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const patchContentTypes: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

/** The served resource for a plural (and group), e.g. resourceDef('deployments', 'apps'). */
export function resourceDef(plural: string, group = ''): ResourceDef {
  const def = resources.find((r) => r.plural === plural && r.group === group);
  if (!def) throw new Error(`unknown resource ${plural}${group ? `.${group}` : ''}`);
  return def;
}

export class ResourceClient<T extends KubeObject> {
  readonly def: ResourceDef;
  readonly version: string;
  private readonly rest: RestClient;

  constructor(rest: RestClient, def: ResourceDef, version = def.versions[0]!) {
    if (!findResource(def.group, version, def.plural)) throw new Error(`${def.plural} is not served in ${groupVersion(def.group, version)}`);
    this.rest = rest;
    this.def = def;
    this.version = version;
  }

  /** The collection path, or the object's path with a name; namespace is ignored for cluster-scoped resources. */
  path(namespace?: string, name?: string, subresource?: string): string {
    const root = this.def.group ? `/apis/${this.def.group}/${this.version}` : `/api/${this.version}`;
    let path = this.def.namespaced && namespace ? `${root}/namespaces/${encodeURIComponent(namespace)}/${this.def.plural}` : `${root}/${this.def.plural}`;
    if (name !== undefined) path += `/${encodeURIComponent(name)}`;
    if (subresource) path += `/${subresource}`;
    return path;
  }

  get(namespace: string | undefined, name: string): Promise<T> {
    return this.rest.request<T>('GET', this.path(namespace, name));
  }

  /** Lists one namespace, or all when namespace is undefined. */
  list(namespace?: string, options: ListOptions = {}): Promise<ObjectList<T>> {
    return this.rest.request<ObjectList<T>>('GET', this.path(namespace), { query: { ...options } });
  }

  watch(namespace: string | undefined, options: WatchOptions = {}): WatchStream<T> {
    return this.rest.watch<T>(this.path(namespace), { query: { ...options, watch: 1 }, timeoutMs: 0 });
  }

  create(object: T, options: WriteOptions & DiscardResult): Promise<void>;
  create(object: T, options?: WriteOptions): Promise<T>;
  create(object: T, options: WriteOptions & Partial<DiscardResult> = {}): Promise<T | void> {
    const { discardResult, ...query } = options;
    return this.rest.request<T>('POST', this.path(object.metadata?.namespace), { body: object, query, discardResult });
  }

  update(object: T, options: WriteOptions = {}): Promise<T> {
    return this.rest.request<T>('PUT', this.path(object.metadata?.namespace, nameOf(object)), { body: object, query: { ...options } });
  }

  updateStatus(object: T, options: WriteOptions = {}): Promise<T> {
    return this.rest.request<T>('PUT', this.path(object.metadata?.namespace, nameOf(object), 'status'), { body: object, query: { ...options } });
  }

  patch(namespace: string | undefined, name: string, type: PatchType, patch: unknown, options: WriteOptions & { subresource?: string } & DiscardResult): Promise<void>;
  patch(namespace: string | undefined, name: string, type: PatchType, patch: unknown, options?: WriteOptions & { subresource?: string }): Promise<T>;
  patch(namespace: string | undefined, name: string, type: PatchType, patch: unknown, options: WriteOptions & { subresource?: string } & Partial<DiscardResult> = {}): Promise<T | void> {
    const { subresource, discardResult, ...query } = options;
    return this.rest.request<T>('PATCH', this.path(namespace, name, subresource), { body: patch, contentType: patchContentTypes[type], query, discardResult });
  }

  /** Deletes; resolves to what the server answered (the object while it finalizes, or a Status). */
  delete(namespace: string | undefined, name: string, options: DeleteOptions = {}): Promise<unknown> {
    const hasBody = Object.keys(options).length > 0;
    return this.rest.request('DELETE', this.path(namespace, name), hasBody ? { body: { kind: 'DeleteOptions', apiVersion: 'v1', ...options } } : {});
  }

  /** Deletes every object in the namespace (or cluster) that the list options select. */
  deleteCollection(namespace: string | undefined, options: DeleteOptions = {}, listOptions: ListOptions = {}): Promise<ObjectList<T>> {
    return this.rest.request<ObjectList<T>>('DELETE', this.path(namespace), { body: { kind: 'DeleteOptions', apiVersion: 'v1', ...options }, query: { ...listOptions } });
  }

  /** GETs a subresource such as deployments/scale. */
  getSubresource<R = unknown>(namespace: string | undefined, name: string, subresource: string): Promise<R> {
    return this.rest.request<R>('GET', this.path(namespace, name, subresource));
  }

  /** PUTs a subresource such as deployments/scale or namespaces/finalize. */
  replaceSubresource<R = unknown>(namespace: string | undefined, name: string, subresource: string, body: unknown): Promise<R> {
    return this.rest.request<R>('PUT', this.path(namespace, name, subresource), { body });
  }

  /** POSTs to a subresource such as pods/binding or pods/eviction. */
  createSubresource<R = unknown>(namespace: string | undefined, name: string, subresource: string, body: unknown): Promise<R> {
    return this.rest.request<R>('POST', this.path(namespace, name, subresource), { body });
  }
}

function nameOf(object: KubeObject): string {
  const name = object.metadata?.name;
  if (!name) throw new Error('the object has no metadata.name');
  return name;
}
