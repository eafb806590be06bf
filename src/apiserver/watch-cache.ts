// The apiserver's watch cache (DESIGN.md): one store watch over /registry/ feeds a
// cache per resource prefix, holding the current objects and a ring of recent events,
// so lists and watches are served from memory and every cache moves with the store's
// global revision (a list "as of now" only waits for the one stream to catch up).
import type { Store, WatchEvent as StoreEvent } from '../storage/store.ts';
import { knownJsonBytes } from './json-bytes.ts';
import { errors } from './status.ts';

export type ApiObject = Record<string, unknown> & { metadata: ObjectMeta };
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  resourceVersion?: string;
  labels?: Record<string, string>;
  [key: string]: unknown;
}

export type CacheEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface CacheEvent {
  readonly type: CacheEventType;
  /** Cached objects are shared and read-only: copy before changing (DESIGN.md, rule 5). */
  readonly object: ApiObject;
  readonly previous: ApiObject | undefined;
  readonly revision: number;
}

/**
 * Tests (scripts/test.sh) deep-freeze every cached object: the registry's answers and the
 * in-process informers share them, and any code that changes one then fails loudly.
 */
const freezeCachedObjects = process.env.KUBETS_FREEZE_CACHED_OBJECTS === '1';

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
}

/** Decodes a stored value and stamps the revision as its resourceVersion. */
export function decodeStored(value: Uint8Array, revision: number): ApiObject {
  const object = JSON.parse(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8')) as ApiObject;
  object.metadata ??= {};
  object.metadata.resourceVersion = String(revision);
  return object;
}

/**
 * Objects this process just encoded for the store, by the encoded bytes: when those
 * bytes come back in a store event (the SQLite store hands the written buffer through),
 * the cache takes the object instead of parsing the bytes again. Weak, so values that
 * never come back (failed writes, other stores) cost nothing.
 */
const encodedObjects = new WeakMap<Uint8Array, { object: ApiObject; jsonWithRevision: (revision: number) => Buffer }>();

/**
 * Records that `value` is the JSON of `object` (stored form: no resourceVersion), and how
 * to make the JSON of the cached form. The object becomes the cache's, shared and
 * read-only: nobody may change it afterwards.
 */
export function rememberEncoded(value: Uint8Array, object: ApiObject, jsonWithRevision: (revision: number) => Buffer): void {
  encodedObjects.set(value, { object, jsonWithRevision });
}

/** decodeStored, taking the object behind bytes this process encoded when there is one. */
function decodeWritten(value: Uint8Array, revision: number): ApiObject {
  const known = encodedObjects.get(value);
  if (!known) return decodeStored(value, revision);
  encodedObjects.delete(value);
  const object = { ...known.object, metadata: { ...known.object.metadata, resourceVersion: String(revision) } };
  knownJsonBytes(object, known.jsonWithRevision(revision));
  return object;
}

export interface CacheWatcher {
  /** Called with events in revision order; return value ignored. */
  readonly onEvent: (event: CacheEvent) => void;
  /** Called when the cache stops (server shutdown, store failure). */
  readonly onClose: (error?: Error) => void;
}

/** The cached state of one resource (one storage prefix). */
export class ResourceCache {
  readonly prefix: string;
  private readonly objects = new Map<string, ApiObject>();
  private readonly ring: CacheEvent[] = [];
  private readonly capacity: number;
  /** Events with revisions above this are all in the ring. */
  private oldestServable: number;
  private readonly watchers = new Set<CacheWatcher>();

  constructor(prefix: string, startRevision: number, capacity: number) {
    this.prefix = prefix;
    this.oldestServable = startRevision;
    this.capacity = capacity;
  }

  /** Loads the initial list (before any event). */
  seed(key: string, object: ApiObject): void {
    this.objects.set(key, object);
    this.sortedKeys = undefined;
  }

  /** Keys in order, kept until a key comes or goes (lists are far more common than creates). */
  private sortedKeys: string[] | undefined;

  apply(event: CacheEvent, key: string): void {
    if (freezeCachedObjects) deepFreeze(event.object);
    if (event.type === 'DELETED') {
      this.objects.delete(key);
      this.sortedKeys = undefined;
    } else {
      if (!this.objects.has(key)) this.sortedKeys = undefined;
      this.objects.set(key, event.object);
    }
    this.ring.push(event);
    if (this.ring.length > this.capacity) this.oldestServable = this.ring.shift()!.revision;
    for (const watcher of this.watchers) watcher.onEvent(event);
  }

  get(key: string): ApiObject | undefined {
    return this.objects.get(key);
  }

  /** The object of the event at `revision`, while the ring still holds it (recent writes). */
  objectAt(revision: number): ApiObject | undefined {
    for (let i = this.ring.length - 1; i >= 0; i--) {
      const event = this.ring[i]!;
      if (event.revision === revision) return event.object;
      if (event.revision < revision) return undefined;
    }
    return undefined;
  }

  /** Current objects whose storage key starts with `keyPrefix`, in key order. */
  list(keyPrefix: string): ApiObject[] {
    this.sortedKeys ??= [...this.objects.keys()].sort();
    const keys = this.sortedKeys.filter((key) => key.startsWith(keyPrefix));
    return keys.map((key) => this.objects.get(key)!);
  }

  get size(): number {
    return this.objects.size;
  }

  /**
   * Replays the events after `revision` and then delivers live ones. Throws a 410
   * Expired error when those events are no longer held.
   */
  watchFrom(revision: number, watcher: CacheWatcher): () => void {
    if (revision < this.oldestServable) {
      throw errors.expired(`too old resource version: ${revision} (${this.oldestServable})`);
    }
    for (const event of this.ring) if (event.revision > revision) watcher.onEvent(event);
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  close(error?: Error): void {
    for (const watcher of this.watchers) watcher.onClose(error);
    this.watchers.clear();
  }

  /**
   * Forgets the event history, as when the cache is re-initialized: open watches end
   * with 410 Expired and resuming from an older revision fails, so clients relist.
   */
  expire(revision: number): void {
    this.ring.length = 0;
    this.oldestServable = revision;
    this.close(errors.expired(`too old resource version: the watch cache was re-initialized at ${revision}`));
  }
}

/** All resource caches, fed by one store watch. */
export class WatchCache {
  private readonly store: Store;
  private readonly caches = new Map<string, ResourceCache>();
  private readonly prefixes: string[];
  private revisionNow = 0;
  private waiters: Array<{ revision: number; resolve: () => void }> = [];
  private storeWatch: { close(): void } | undefined;
  private failure: Error | undefined;
  private readonly capacity: number;

  /** `prefixes` are the storage prefixes (`/registry/pods/`) of every cached resource. */
  constructor(store: Store, prefixes: readonly string[], options: { capacity?: number } = {}) {
    this.store = store;
    // Longest first, so `/registry/services/endpoints/` wins over `/registry/services/`.
    this.prefixes = [...prefixes].sort((a, b) => b.length - a.length);
    this.capacity = options.capacity ?? 2000;
  }

  /** Lists everything once, then follows the store from that revision. */
  async start(): Promise<void> {
    const revision = await this.store.currentRevision();
    for (const prefix of this.prefixes) this.caches.set(prefix, new ResourceCache(prefix, revision, this.capacity));
    let after: string | undefined;
    for (;;) {
      const page = await this.store.list('/registry/', { revision, limit: 5000, ...(after ? { after } : {}) });
      for (const kv of page.items) this.cacheFor(kv.key)?.seed(kv.key, decodeStored(kv.value, kv.modRevision));
      if (!page.more) break;
      after = page.items.at(-1)!.key;
    }
    this.revisionNow = revision;
    this.storeWatch = this.store.watch(
      '/registry/',
      { prefix: true, startRevision: revision + 1 },
      (events) => this.onStoreEvents(events),
      (error) => this.onStoreError(error),
    );
  }

  /** The revision every cache has caught up to. */
  get revision(): number {
    return this.revisionNow;
  }

  resource(prefix: string): ResourceCache {
    const cache = this.caches.get(prefix);
    if (!cache) throw new Error(`no cache for ${prefix}`);
    return cache;
  }

  /** Resolves once the caches have seen every write up to `revision` (upstream waits 3 s, then 504). */
  waitFor(revision: number, timeoutMs = 3000): Promise<void> {
    if (this.failure) return Promise.reject(errors.serviceUnavailable(`watch cache stopped: ${this.failure.message}`));
    if (this.revisionNow >= revision) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(errors.tooLargeResourceVersion(revision, this.revisionNow));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ revision, resolve: done });
    });
  }

  /** Waits until the caches reflect the store as it is now (a consistent read). */
  async sync(): Promise<void> {
    await this.waitFor(await this.store.currentRevision());
  }

  /** Re-initializes one resource's history (see ResourceCache.expire). */
  expire(prefix: string): void {
    this.resource(prefix).expire(this.revisionNow);
  }

  close(): void {
    this.storeWatch?.close();
    for (const cache of this.caches.values()) cache.close();
  }

  /**
   * The cache a key belongs to. Memoized by the key's directory: every prefix ends in '/',
   * so a prefix matches the key exactly when it matches the directory.
   */
  private cacheFor(key: string): ResourceCache | undefined {
    const directory = key.slice(0, key.lastIndexOf('/') + 1);
    const known = this.cacheByDirectory.get(directory);
    if (known !== undefined || this.cacheByDirectory.has(directory)) return known;
    const prefix = this.prefixes.find((p) => directory.startsWith(p));
    const cache = prefix === undefined ? undefined : this.caches.get(prefix);
    // One entry per resource and namespace; start over now and then as namespaces come and go.
    if (this.cacheByDirectory.size >= 10_000) this.cacheByDirectory.clear();
    this.cacheByDirectory.set(directory, cache);
    return cache;
  }

  private readonly cacheByDirectory = new Map<string, ResourceCache | undefined>();

  private onStoreEvents(events: StoreEvent[]): void {
    for (const event of events) {
      const key = event.type === 'delete' ? event.key : event.kv.key;
      const cache = this.cacheFor(key);
      if (cache) cache.apply(toCacheEvent(event, cache.get(key)), key);
    }
    this.revisionNow = events.at(-1)!.revision;
    if (this.waiters.length > 0) {
      const ready = this.waiters.filter((w) => w.revision <= this.revisionNow);
      this.waiters = this.waiters.filter((w) => w.revision > this.revisionNow);
      for (const waiter of ready) waiter.resolve();
    }
  }

  private onStoreError(error: Error): void {
    this.failure = error;
    for (const cache of this.caches.values()) cache.close(error);
  }
}

/** `cached` is the cache's current object for the event's key, the event's previous value when its revision matches. */
function toCacheEvent(event: StoreEvent, cached: ApiObject | undefined): CacheEvent {
  const previousOf = (prevKv: { value: Uint8Array; modRevision: number }) =>
    cached && cached.metadata.resourceVersion === String(prevKv.modRevision) ? cached : decodeStored(prevKv.value, prevKv.modRevision);
  switch (event.type) {
    case 'create':
      return { type: 'ADDED', object: decodeWritten(event.kv.value, event.revision), previous: undefined, revision: event.revision };
    case 'update':
      return {
        type: 'MODIFIED',
        object: decodeWritten(event.kv.value, event.revision),
        previous: previousOf(event.prevKv),
        revision: event.revision,
      };
    case 'delete': {
      const previous = previousOf(event.prevKv);
      // A deleted object is reported with the revision of its deletion, as upstream.
      const object = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(event.revision) } };
      return { type: 'DELETED', object, previous, revision: event.revision };
    }
  }
}
