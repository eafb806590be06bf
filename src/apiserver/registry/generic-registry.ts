// The generic registry (DESIGN.md, example 3): create, read, update, delete, list and
// watch for any resource, with the resource's Strategy deciding what is particular.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../../apimachinery/clock.ts';
import { applyDefaults } from '../../api/defaults/index.ts';
import { parseApiVersion } from '../../api/conversion/index.ts';
import type { ResourceDef } from '../../api/resources.ts';
import { isStoreError } from '../../storage/errors.ts';
import { guaranteedUpdate } from '../../storage/guaranteed-update.ts';
import type { Store } from '../../storage/store.ts';
import { deepCopyJson, jsonEqual } from '../../apimachinery/json.ts';
import { storedJson } from '../json-bytes.ts';
import { errors, toApiError, type GroupResource } from '../status.ts';
import { decodeStored, rememberEncoded, type ApiObject, type CacheEvent, type ResourceCache, type WatchCache } from '../watch-cache.ts';
import type { Strategy } from './strategy.ts';
import { validateObject } from '../../api/validation/index.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

/** A predicate over objects, built from label and field selectors. */
export type ObjectFilter = (object: ApiObject) => boolean;

export interface ListOptions {
  readonly filter?: ObjectFilter;
  readonly limit?: number;
  readonly continue?: string;
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: string;
}

export interface ListResult {
  readonly items: ApiObject[];
  readonly resourceVersion: string;
  readonly continue?: string;
}

export interface WriteOptions {
  readonly dryRun?: boolean;
}

export interface UpdateOptions extends WriteOptions {
  /** '' for the main resource, 'status' for the status subresource. */
  readonly subresource?: string;
}

export interface DeleteOptions extends WriteOptions {
  readonly gracePeriodSeconds?: number;
  readonly propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  readonly preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  readonly object: ApiObject;
  /** False when the object stays for now (finalizers, graceful deletion). */
  readonly deleted: boolean;
}

export interface WatchSink {
  send(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: ApiObject): void;
  close(error?: Error): void;
}

const generateNameChars = 'bcdfghjklmnpqrstvwxz2456789';
const metadataServerOwns = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const;

/** An update that emptied the finalizers of an object being deleted: delete it instead. */
class DeleteInstead extends Error {
  /** The version the update was made on: the delete happens only if it is still current. */
  readonly modRevision: number;
  constructor(modRevision: number) {
    super('delete instead of update');
    this.modRevision = modRevision;
  }
}

export class GenericRegistry {
  readonly def: ResourceDef;
  readonly strategy: Strategy;
  private readonly store: Store;
  private readonly watchCache: WatchCache;
  private readonly cache: ResourceCache;
  private readonly clock: Clock;
  readonly groupResource: GroupResource;

  constructor(def: ResourceDef, strategy: Strategy, store: Store, watchCache: WatchCache, clock: Clock) {
    this.def = def;
    this.strategy = strategy;
    this.store = store;
    this.watchCache = watchCache;
    this.cache = watchCache.resource(GenericRegistry.prefixOf(def));
    this.clock = clock;
    this.groupResource = { group: def.group, resource: def.plural };
  }

  static prefixOf(def: ResourceDef): string {
    return `/registry/${def.storagePrefix}/`;
  }

  key(namespace: string, name: string): string {
    return `${GenericRegistry.prefixOf(this.def)}${this.def.namespaced ? `${namespace}/` : ''}${name}`;
  }

  /** The key prefix of a namespace's objects, or of all of them. */
  private listPrefix(namespace: string): string {
    return this.def.namespaced && namespace ? `${GenericRegistry.prefixOf(this.def)}${namespace}/` : GenericRegistry.prefixOf(this.def);
  }

  // --- reads ---

  async get(namespace: string, name: string, resourceVersion?: string): Promise<ApiObject> {
    await this.waitForResourceVersion(resourceVersion);
    const object = this.cache.get(this.key(namespace, name));
    if (!object) throw errors.notFound(this.groupResource, name);
    return object;
  }

  async list(namespace: string, options: ListOptions): Promise<ListResult> {
    const filter = options.filter ?? (() => true);
    if (options.continue || (options.limit && options.limit > 0) || options.resourceVersionMatch === 'Exact') {
      return this.listFromStore(namespace, filter, options);
    }
    await this.waitForResourceVersion(options.resourceVersion);
    const revision = this.watchCache.revision;
    return { items: this.cache.list(this.listPrefix(namespace)).filter(filter), resourceVersion: String(revision) };
  }

  /** Pages read from the store at one revision, so every page belongs to the same snapshot. */
  private async listFromStore(namespace: string, filter: ObjectFilter, options: ListOptions): Promise<ListResult> {
    const prefix = this.listPrefix(namespace);
    let revision: number | undefined;
    let after: string | undefined;
    if (options.continue) {
      const token = decodeContinue(options.continue);
      revision = token.rv;
      after = `${prefix}${token.start}`;
      // The token's start is the first key still to read; the store wants the last one read.
      after = after.endsWith('\0') ? after.slice(0, -1) : after;
    } else if (options.resourceVersionMatch === 'Exact' && options.resourceVersion) {
      revision = parseResourceVersion(options.resourceVersion);
    }
    const limit = options.limit && options.limit > 0 ? options.limit : 0;
    const items: ApiObject[] = [];
    let more = false;
    let lastKey: string | undefined;
    try {
      // Selectors may skip keys, so keep reading pages until the limit is filled.
      pages: for (;;) {
        const page = await this.store.list(prefix, { ...(revision ? { revision } : {}), ...(after ? { after } : {}), limit });
        revision = page.revision;
        for (const kv of page.items) {
          if (limit && items.length >= limit) {
            more = true;
            break pages;
          }
          lastKey = kv.key;
          const object = decodeStored(kv.value, kv.modRevision);
          if (filter(object)) items.push(object);
        }
        if (!page.more) break;
        after = page.items.at(-1)!.key;
        if (limit && items.length >= limit) {
          more = true;
          break;
        }
      }
    } catch (error) {
      if (isStoreError(error, 'compacted') && options.continue) {
        throw errors.expired(
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
      }
      throw toApiError(error, this.groupResource);
    }
    const result: ListResult = { items, resourceVersion: String(revision) };
    if (more && lastKey) return { ...result, continue: encodeContinue(revision!, `${lastKey.slice(prefix.length)}\0`) };
    return result;
  }

  /** Follows changes from `resourceVersion` ('' or '0': current state as ADDED events first). */
  async watch(namespace: string, resourceVersion: string | undefined, filter: ObjectFilter, sink: WatchSink): Promise<() => void> {
    const prefix = this.listPrefix(namespace);
    const inScope = (object: ApiObject) => this.key(namespace || String(object.metadata.namespace ?? ''), String(object.metadata.name)).startsWith(prefix);
    const matches = (object: ApiObject | undefined) => object !== undefined && inScope(object) && filter(object);
    const onEvent = (event: CacheEvent) => {
      const now = matches(event.object);
      const before = event.type !== 'ADDED' && matches(event.previous);
      if (event.type === 'DELETED') {
        if (before) sink.send('DELETED', event.object);
      } else if (now && before) sink.send('MODIFIED', event.object);
      else if (now) sink.send('ADDED', event.object);
      // An object that stops matching the selector leaves the watcher's view.
      else if (before) sink.send('DELETED', event.object);
    };
    const watcher = { onEvent, onClose: (error?: Error) => sink.close(error) };
    if (!resourceVersion || resourceVersion === '0') {
      if (!resourceVersion) await this.watchCache.sync();
      // Snapshot and subscription happen in one synchronous step: nothing slips between.
      for (const object of this.cache.list(prefix)) if (filter(object)) sink.send('ADDED', object);
      return this.cache.watchFrom(this.watchCache.revision, watcher);
    }
    const revision = parseResourceVersion(resourceVersion);
    await this.watchCache.waitFor(revision);
    return this.cache.watchFrom(revision, watcher);
  }

  /** The revision the watch cache has reached, for bookmarks. */
  cacheRevision(): string {
    return String(this.watchCache.revision);
  }

  private async waitForResourceVersion(resourceVersion: string | undefined): Promise<void> {
    if (!resourceVersion) await this.watchCache.sync();
    else if (resourceVersion !== '0') await this.watchCache.waitFor(parseResourceVersion(resourceVersion));
  }

  // --- writes ---

  async create(namespace: string, object: ApiObject, options: WriteOptions = {}): Promise<ApiObject> {
    this.initializeForCreate(namespace, object);
    const name = String(object.metadata.name ?? '');
    await this.strategy.admitCreate?.(object, { dryRun: options.dryRun === true });
    if (options.dryRun) {
      this.validate(object);
      if (await this.store.get(this.key(namespace, name))) throw errors.alreadyExists(this.groupResource, name);
      return object;
    }
    // An existing object is reported as such, not as a clash of what it holds.
    if (this.strategy.allocate && (await this.store.get(this.key(namespace, name)))) throw errors.alreadyExists(this.groupResource, name);
    const rollback = this.strategy.allocate ? await this.strategy.allocate(object, undefined) : undefined;
    try {
      this.validate(object);
      const key = this.key(namespace, name);
      const kv = await this.store.create(key, encodeForStorage(object), this.writeOptions());
      return this.cachedAt(key, kv.modRevision) ?? withResourceVersion(object, kv.modRevision);
    } catch (error) {
      await rollback?.();
      throw toApiError(error, this.groupResource, name);
    }
  }

  /**
   * Replaces an object through `update(current)`, which returns the new object (or
   * throws). Retries on conflicts unless the new object names a resourceVersion.
   */
  update(
    namespace: string,
    name: string,
    update: (current: ApiObject | undefined) => ApiObject | Promise<ApiObject>,
    options: UpdateOptions = {},
  ): Promise<{ object: ApiObject; created: boolean }> {
    // Updates of one object from this server take turns: each then reads the latest
    // version and wins its compare-and-swap at once, instead of many recomputing after
    // conflicts. Other servers on the same etcd still meet conflicts, which are retried.
    const key = this.key(namespace, name);
    const previousTurn = this.turns.get(key) ?? Promise.resolve();
    const turn = previousTurn.then(() => this.updateNow(key, namespace, name, update, options));
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.turns.set(key, settled);
    void settled.then(() => {
      if (this.turns.get(key) === settled) this.turns.delete(key);
    });
    return turn;
  }

  private readonly turns = new Map<string, Promise<void>>();

  private async updateNow(
    key: string,
    namespace: string,
    name: string,
    update: (current: ApiObject | undefined) => ApiObject | Promise<ApiObject>,
    options: UpdateOptions,
    attempt = 1,
  ): Promise<{ object: ApiObject; created: boolean }> {
    let created = false;
    let dryRunResult: ApiObject | undefined;
    // Claims of an attempt that lost a conflict are given back before the next attempt.
    let rollback: (() => Promise<void>) | undefined;
    // The last attempt's current object and the object it wrote.
    let previous: ApiObject | undefined;
    let written: ApiObject | undefined;
    // The watch cache's copy is tried first: no store read, no parse. The store refuses it
    // when it is stale, and the update then runs again on what the store holds.
    const cached = this.cache.get(key);
    const suggestion = cached && { key, modRevision: Number(cached.metadata.resourceVersion), createRevision: 0 };
    try {
      const kv = await guaranteedUpdate(
        this.store,
        key,
        async (currentKv) => {
          const current = currentKv === suggestion ? cached : currentKv && decodeStored(currentKv.value!, currentKv.modRevision);
          // The current object is shared (the cache's): everyone who may change it gets a copy.
          const copyOfCurrent = () => deepCopyJson(current!);
          previous = current;
          written = undefined;
          const next = await update(current ? copyOfCurrent() : undefined);
          if (!current) {
            if (!this.strategy.allowCreateOnUpdate) throw errors.notFound(this.groupResource, name);
            created = true;
            const value = this.prepareCreateOnUpdate(namespace, next, options);
            written = next;
            return value;
          }
          this.prepareUpdate(next, current, options.subresource ?? '', copyOfCurrent);
          await rollback?.();
          rollback = undefined;
          if (this.strategy.allocate && !options.dryRun && !options.subresource) rollback = await this.strategy.allocate(next, current);
          // A binding is checked by its own handler: it may set what pod updates may not.
          if (options.subresource === 'ephemeralcontainers') this.validateEphemeralContainers(next, current);
          else if (options.subresource !== 'binding') this.validate(next, current);
          if (next.metadata.deletionTimestamp && isEmpty(next.metadata.finalizers) && !this.strategy.deletionPending?.(next)) {
            throw new DeleteInstead(currentKv!.modRevision);
          }
          if (options.dryRun) {
            dryRunResult = { ...next, metadata: { ...next.metadata, resourceVersion: current.metadata.resourceVersion } };
            return undefined;
          }
          // Nothing changed: nothing is written, and the resourceVersion stays.
          if (jsonEqual(next, current)) return undefined;
          written = next;
          return encodeForStorage(next);
        },
        { ignoreNotFound: true, ...(suggestion ? { suggestion } : {}), ...this.writeOptions() },
      );
      if (dryRunResult) return { object: dryRunResult, created };
      // What was written goes back as the caller's answer (read-only: it shares parts
      // with the cache's copy, as a create's answer does); else the unchanged object.
      const object = written ? (this.cachedAt(key, kv!.modRevision) ?? withResourceVersion(written, kv!.modRevision)) : previous!;
      if (previous && written && this.strategy.afterUpdate) await this.strategy.afterUpdate(object, previous);
      return { object, created };
    } catch (error) {
      await rollback?.();
      if (error instanceof DeleteInstead) {
        let deleted;
        try {
          deleted = await this.store.delete(key, error.modRevision);
        } catch (e) {
          // Written meanwhile (a kubelet's status, say): decide again on the newer object, as a lost compare-and-swap does.
          if (isStoreError(e, 'conflict') && attempt < 100) return this.updateNow(key, namespace, name, update, options, attempt + 1);
          throw toApiError(e, this.groupResource, name);
        }
        const object = decodeStored(deleted.previous.value, deleted.revision);
        await this.strategy.release?.(object);
        return { object, created: false };
      }
      throw toApiError(error, this.groupResource, name);
    }
  }

  /**
   * The watch cache's object for a write just made, once the cache has it (at once on
   * SQLite, whose events are delivered before writers hear back): answering with it lets
   * the response share the JSON that watchers of the change are sent.
   */
  private cachedAt(key: string, revision: number): ApiObject | undefined {
    const cached = this.cache.get(key);
    return cached?.metadata.resourceVersion === String(revision) ? cached : undefined;
  }

  private prepareCreateOnUpdate(namespace: string, object: ApiObject, options: UpdateOptions): Uint8Array | undefined {
    this.initializeForCreate(namespace, object);
    this.validate(object);
    return options.dryRun ? undefined : encodeForStorage(object);
  }

  /** What every new object gets: server-owned metadata, defaults, the strategy's initial state. */
  private initializeForCreate(namespace: string, object: ApiObject): void {
    const metadata = object.metadata;
    if (this.def.namespaced) metadata.namespace = namespace;
    else delete metadata.namespace;
    if (!metadata.name && typeof metadata.generateName === 'string' && metadata.generateName) {
      metadata.name = `${metadata.generateName}${randomSuffix()}`;
    }
    metadata.uid = randomUUID();
    metadata.creationTimestamp = this.timestamp();
    delete metadata.resourceVersion;
    delete metadata.deletionTimestamp;
    delete metadata.deletionGracePeriodSeconds;
    delete metadata.selfLink;
    if (this.strategy.tracksGeneration) metadata.generation = 1;
    else delete metadata.generation;
    this.defaults(object);
    this.strategy.prepareForCreate?.(object);
  }

  /** The generic half of an update: preconditions, server-owned metadata, status vs spec. */
  /** `copyOfCurrent` returns a new deep copy of `current` on each call. */
  private prepareUpdate(next: ApiObject, current: ApiObject, subresource: string, copyOfCurrent: () => ApiObject): void {
    const name = String(current.metadata.name);
    const wanted = next.metadata.resourceVersion;
    if (wanted && wanted !== current.metadata.resourceVersion) throw errors.modified(this.groupResource, name);
    if (!wanted && !this.strategy.allowUnconditionalUpdate) {
      throw errors.invalid(this.def.group, this.def.kind, name, [
        { reason: 'FieldValueRequired', message: 'metadata.resourceVersion: Invalid value: 0: must be specified for an update', field: 'metadata.resourceVersion' },
      ]);
    }
    if (next.metadata.name !== undefined && next.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${String(next.metadata.name)}) does not match the name on the URL (${name})`);
    }
    next.metadata.name = name;
    if (this.def.namespaced) next.metadata.namespace = current.metadata.namespace;
    // A uid in the new object is a precondition: the object was not deleted and recreated meanwhile.
    if (next.metadata.uid && next.metadata.uid !== current.metadata.uid) this.checkPreconditions(current, { uid: String(next.metadata.uid) });
    for (const field of metadataServerOwns) {
      if (current.metadata[field] === undefined) delete next.metadata[field];
      else next.metadata[field] = current.metadata[field];
    }
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    delete next.metadata.selfLink;
    this.defaults(next);
    if (subresource === 'finalize') {
      // The finalize subresource changes spec.finalizers and nothing else.
      const finalizers = (next.spec as { finalizers?: unknown } | undefined)?.finalizers;
      for (const field of Object.keys(next)) delete next[field];
      Object.assign(next, copyOfCurrent(), { spec: { ...(current.spec as object | undefined), finalizers } });
      next.metadata.resourceVersion = current.metadata.resourceVersion;
    } else if (subresource === 'ephemeralcontainers') {
      // Only a pod's ephemeral containers change here (kubectl debug), as upstream.
      const ephemeral = (next.spec as { ephemeralContainers?: unknown } | undefined)?.ephemeralContainers;
      const { metadata } = next;
      for (const field of Object.keys(next)) delete next[field];
      Object.assign(next, copyOfCurrent(), { metadata });
      const spec = next.spec as Record<string, unknown>;
      if (ephemeral === undefined) delete spec.ephemeralContainers;
      else spec.ephemeralContainers = ephemeral;
    } else if (subresource === 'status') {
      // The status endpoint changes status only (and metadata such as labels, as upstream allows);
      // the rest is the stored object, in its order.
      const { metadata, status } = next;
      for (const field of Object.keys(next)) delete next[field];
      Object.assign(next, copyOfCurrent(), { metadata });
      if (status === undefined) delete next.status;
      else next.status = status;
    } else if (subresource !== 'binding') {
      if (this.strategy.hasStatus) {
        if (current.status === undefined) delete next.status;
        else next.status = current.status;
      }
      this.strategy.prepareForUpdate?.(next, current);
    }
    if (this.strategy.tracksGeneration && !isDeepStrictEqual(withoutMetaAndStatus(next), withoutMetaAndStatus(current))) {
      next.metadata.generation = Number(current.metadata.generation ?? 0) + 1;
    }
  }

  async delete(namespace: string, name: string, options: DeleteOptions = {}): Promise<DeleteResult> {
    const key = this.key(namespace, name);
    // The watch cache's copy is tried first, as in update(); a conflict, or preconditions
    // it fails, send the next attempt to the store.
    let cached = this.cache.get(key);
    for (;;) {
      let current: ApiObject;
      let modRevision: number;
      const fromCache = cached !== undefined;
      if (cached) {
        current = cached;
        modRevision = Number(cached.metadata.resourceVersion);
        cached = undefined;
      } else {
        const kv = await this.store.get(key).catch((e: unknown) => {
          throw toApiError(e, this.groupResource, name);
        });
        if (!kv) throw errors.notFound(this.groupResource, name);
        current = decodeStored(kv.value, kv.modRevision);
        modRevision = kv.modRevision;
      }
      try {
        this.checkPreconditions(current, options.preconditions);
      } catch (error) {
        if (fromCache) continue;
        throw error;
      }
      const pending = this.pendingDeletion(current, options);
      try {
        if (pending) {
          if (options.dryRun) return { object: pending, deleted: false };
          if (pending === current) return { object: current, deleted: false };
          const updated = await this.store.update(key, encodeForStorage(pending), modRevision, this.writeOptions());
          return { object: this.cachedAt(key, updated.modRevision) ?? withResourceVersion(pending, updated.modRevision), deleted: false };
        }
        if (options.dryRun) return { object: current, deleted: true };
        const result = await this.store.delete(key, modRevision);
        await this.strategy.release?.(current);
        const object = this.cache.objectAt(result.revision) ?? { ...current, metadata: { ...current.metadata, resourceVersion: String(result.revision) } };
        return { object, deleted: true };
      } catch (error) {
        if (isStoreError(error, 'conflict') || isStoreError(error, 'notFound')) continue;
        throw toApiError(error, this.groupResource, name);
      }
    }
  }

  /** The object as it waits for finalizers or a grace period, or undefined to delete now. */
  /**
   * The object as it waits for finalizers or a grace period (`current` itself when it
   * already waits so), or undefined to delete now.
   */
  private pendingDeletion(current: ApiObject, options: DeleteOptions): ApiObject | undefined {
    const finalizers = new Set(Array.isArray(current.metadata.finalizers) ? (current.metadata.finalizers as string[]) : []);
    const policy = options.propagationPolicy ?? this.strategy.defaultPropagationPolicy;
    if (policy === 'Orphan') finalizers.add('orphan');
    if (policy === 'Foreground') finalizers.add('foregroundDeletion');
    if (policy === 'Background' || policy === 'Foreground') finalizers.delete('orphan');
    if (policy === 'Background' || policy === 'Orphan') finalizers.delete('foregroundDeletion');
    const grace = this.strategy.gracePeriodSeconds?.(current, options.gracePeriodSeconds) ?? 0;
    // Only metadata (and what deletionPending sets) changes: the rest stays shared with
    // the read-only current object.
    const next = { ...current, metadata: { ...current.metadata } };
    const waits = this.strategy.deletionPending?.(next) ?? false;
    if (finalizers.size === 0 && grace === 0 && !waits) return undefined;
    if (
      current.metadata.deletionTimestamp &&
      isDeepStrictEqual([...finalizers], current.metadata.finalizers ?? []) &&
      grace >= Number(current.metadata.deletionGracePeriodSeconds ?? 0)
    ) {
      return current; // already pending; a longer grace period never extends it
    }
    const metadata = next.metadata;
    if (finalizers.size > 0) metadata.finalizers = [...finalizers];
    else delete metadata.finalizers;
    metadata.deletionTimestamp = this.timestamp(grace * 1000);
    metadata.deletionGracePeriodSeconds = grace;
    delete metadata.resourceVersion;
    return next;
  }

  private checkPreconditions(current: ApiObject, preconditions: DeleteOptions['preconditions']): void {
    const name = String(current.metadata.name);
    if (preconditions?.uid && preconditions.uid !== current.metadata.uid) {
      throw errors.conflict(
        this.groupResource,
        name,
        `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${String(current.metadata.uid)}`,
      );
    }
    if (preconditions?.resourceVersion && preconditions.resourceVersion !== current.metadata.resourceVersion) {
      throw errors.conflict(
        this.groupResource,
        name,
        `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${String(current.metadata.resourceVersion)}`,
      );
    }
  }

  /**
   * Ephemeral containers may be added, never changed or removed (as upstream); the pod
   * is otherwise checked as an update.
   */
  private validateEphemeralContainers(next: ApiObject, current: ApiObject): void {
    const containers = (pod: ApiObject) => ((pod.spec as { ephemeralContainers?: Array<{ name: string }> }).ephemeralContainers ?? []);
    const now = new Map(containers(next).map((c) => [c.name, c]));
    const causes = containers(current).flatMap((old, i) => {
      const field = `spec.ephemeralContainers[${i}]`;
      const mine = now.get(old.name);
      if (!mine) return [{ reason: 'FieldValueForbidden', field, message: `${field}: Forbidden: existing ephemeral containers "${old.name}" may not be removed` }];
      if (!isDeepStrictEqual(mine, old)) return [{ reason: 'FieldValueForbidden', field, message: `${field}: Forbidden: existing ephemeral containers "${old.name}" may not be changed` }];
      return [];
    });
    if (causes.length > 0) throw errors.invalid('', 'Pod', String(next.metadata.name), causes);
    // Against the stored pod with the new list, so only the rest of the pod must be unchanged.
    const old = { ...current, spec: { ...(current.spec as object), ephemeralContainers: (next.spec as Record<string, unknown>).ephemeralContainers } };
    this.validate(next, old);
  }

  /** Upstream's validation of the stored kind (on update against the stored object): 422 on any error. */
  private validate(object: ApiObject, old?: ApiObject): void {
    const { group } = parseApiVersion(String(object.apiVersion));
    const fieldErrors = validateObject(group, String(object.kind), object, old);
    if (fieldErrors.length > 0) throw errors.invalidFields(group, String(object.kind), String(object.metadata.name ?? ''), fieldErrors);
  }


  /** Upstream's defaults for the storage version (unless decoding did them), then the strategy's own. */
  private defaults(object: ApiObject): void {
    if (!defaultedObjects.has(object)) {
      const { group, version } = parseApiVersion(String(object.apiVersion));
      applyDefaults(group, version, String(object.kind), object);
    }
    this.strategy.defaults?.(object);
  }

  private writeOptions() {
    return this.strategy.ttlSeconds ? { ttlSeconds: this.strategy.ttlSeconds } : {};
  }

  private timestamp(offsetMs = 0): string {
    return rfc3339(this.clock.now() + offsetMs);
  }
}

/** Objects already defaulted in their version while decoding (see markDefaulted). */
const defaultedObjects = new WeakSet<ApiObject>();

/** Records that decoding applied upstream's defaults, so the registry need not again. */
export function markDefaulted(object: ApiObject): void {
  defaultedObjects.add(object);
}

/** A written object as its writer gets it back: with the revision that wrote it. */
function withResourceVersion(object: ApiObject, revision: number): ApiObject {
  object.metadata.resourceVersion = String(revision);
  return object;
}

function randomSuffix(): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += generateNameChars[Math.floor(Math.random() * generateNameChars.length)];
  return suffix;
}

/**
 * The stored form: JSON without the resourceVersion, which the store's revision
 * supplies. The watch cache gets the encoded object with the bytes (rememberEncoded),
 * and the JSON of its cached form made from the same text, so a write is encoded once:
 * what is written is never changed afterwards (the registry hands callers other
 * copies, and a create's caller only reads the object it gets back).
 */
export function encodeForStorage(object: ApiObject): Uint8Array {
  const encoded = storedJson(object);
  rememberEncoded(encoded.value, encoded.stored, encoded.withRevision);
  return encoded.value;
}

function parseResourceVersion(value: string): number {
  const revision = Number(value);
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw errors.badRequest(`Invalid value: "${value}": resourceVersion must be a non-negative integer`);
  }
  return revision;
}

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start } satisfies ContinueToken)).toString('base64url');
}

function decodeContinue(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (parsed.v !== 'meta.k8s.io/v1' || !Number.isSafeInteger(parsed.rv) || typeof parsed.start !== 'string' || parsed.start.includes('..')) {
      throw new Error('bad token');
    }
    return parsed;
  } catch {
    throw errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

const isEmpty = (value: unknown) => !Array.isArray(value) || value.length === 0;

function withoutMetaAndStatus(object: ApiObject): unknown {
  const { metadata: _m, status: _s, ...rest } = object;
  return rest;
}


