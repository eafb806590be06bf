// List+watch informer (client-go's reflector + shared informer): lists once, then
// watches from the list's resourceVersion with bookmarks, relists after 410 Gone,
// re-watches when the server ends a stream, and retries with backoff on errors.
// Handlers run in event order and should only enqueue keys (DESIGN.md, rule 4).
import { realClock, type Clock } from '../apimachinery/clock.ts';
import { isGone } from './errors.ts';
import { Indexer, keyOf, type IndexFunc } from './indexer.ts';
import type { KubeObject, ResourceClient } from './resource-client.ts';
import type { WatchStream } from './rest-client.ts';

export interface EventHandlers<T> {
  onAdd?(object: T): void;
  onUpdate?(oldObject: T, newObject: T): void;
  /** The object as last seen (its final state may be newer when a relist found it gone). */
  onDelete?(object: T): void;
}

export interface InformerOptions<T> {
  readonly namespace?: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  readonly indexers?: Readonly<Record<string, IndexFunc<T>>>;
  readonly clock?: Clock;
  /** Called when a list or watch fails (before the retry); default: ignore. */
  readonly onError?: (error: unknown) => void;
  /** Applied to every object before it is cached (client-go's TransformFunc), e.g. stripManagedFields. */
  readonly transform?: (object: T) => T;
}

/** client-go's TransformStripManagedFields: control loops never read managedFields, and they are much of an object's size. */
export function stripManagedFields<T extends KubeObject>(object: T): T {
  if (!object.metadata?.managedFields) return object;
  const { managedFields: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

const minBackoffMs = 800;
const maxBackoffMs = 30_000;

export class Informer<T extends KubeObject> implements Disposable {
  readonly store: Indexer<T>;
  private readonly client: ResourceClient<T>;
  private readonly options: InformerOptions<T>;
  private readonly clock: Clock;
  private readonly handlers = new Set<EventHandlers<T>>();
  private synced = false;
  private readonly syncWaiters: Array<() => void> = [];
  private stopped = false;
  private running: Promise<void> | undefined;
  private watch: WatchStream<T> | undefined;
  private cancelSleep: (() => void) | undefined;
  private wakeSleep: (() => void) | undefined;
  /** The resourceVersion the cache is current to. */
  lastSyncResourceVersion = '';

  constructor(client: ResourceClient<T>, options: InformerOptions<T> = {}) {
    this.client = client;
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.store = new Indexer<T>(options.indexers);
  }

  /** Adds handlers; after the first sync they first see every cached object as added. Returns a remover. */
  addEventHandlers(handlers: EventHandlers<T>): () => void {
    this.handlers.add(handlers);
    if (this.synced && handlers.onAdd) for (const object of this.store.list()) handlers.onAdd(object);
    return () => this.handlers.delete(handlers);
  }

  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves once the first list is in the cache. */
  waitForSync(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  /** Starts listing and watching in the background; returns at once. */
  start(): this {
    this.running ??= this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.watch?.close();
    this.cancelSleep?.();
    this.wakeSleep?.();
    await this.running;
  }

  [Symbol.dispose](): void {
    void this.stop();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.list();
        failures = 0;
        await this.watchUntilGone();
      } catch (error) {
        if (this.stopped) break;
        if (!isGone(error)) {
          this.options.onError?.(error);
          failures++;
          await this.sleep(Math.min(maxBackoffMs, minBackoffMs * 2 ** Math.min(failures - 1, 6)));
        }
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeSleep = resolve;
      this.cancelSleep = this.clock.setTimer(ms, resolve);
    });
  }

  private selectors() {
    const { labelSelector, fieldSelector } = this.options;
    return { ...(labelSelector ? { labelSelector } : {}), ...(fieldSelector ? { fieldSelector } : {}) };
  }

  /** Lists everything and makes the cache equal to it, telling handlers what changed. */
  private async list(): Promise<void> {
    const list = await this.client.list(this.options.namespace, { ...this.selectors(), resourceVersion: '0' });
    if (this.stopped) return;
    const seen = new Set<string>();
    for (const object of list.items) {
      // Lists leave kind and apiVersion off the items; watch events carry them. Fill them in so both look alike.
      object.kind ??= this.client.def.kind;
      object.apiVersion ??= list.apiVersion;
      const key = keyOf(object);
      seen.add(key);
      this.apply(this.options.transform ? this.options.transform(object) : object);
    }
    for (const key of this.store.keys()) {
      if (seen.has(key)) continue;
      const old = this.store.delete(key)!;
      for (const h of this.handlers) h.onDelete?.(old);
    }
    this.lastSyncResourceVersion = list.metadata.resourceVersion ?? '';
    if (!this.synced) {
      this.synced = true;
      for (const resolve of this.syncWaiters.splice(0)) resolve();
    }
  }

  private apply(object: T): void {
    const old = this.store.get(keyOf(object));
    if (old?.metadata?.resourceVersion === object.metadata?.resourceVersion && old) return;
    this.store.set(object);
    for (const h of this.handlers) {
      if (old) h.onUpdate?.(old, object);
      else h.onAdd?.(object);
    }
  }

  /** Watches from the last resourceVersion, re-watching when a stream ends; returns on 410 (relist). */
  private async watchUntilGone(): Promise<void> {
    while (!this.stopped) {
      // Spread stream lifetimes as client-go does, so many informers do not re-watch together.
      const timeoutSeconds = 300 + Math.floor(Math.random() * 300);
      this.watch = this.client.watch(this.options.namespace, {
        ...this.selectors(),
        resourceVersion: this.lastSyncResourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds,
      });
      for await (const event of this.watch) {
        const object = this.options.transform && event.type !== 'ERROR' && event.type !== 'BOOKMARK' ? this.options.transform(event.object) : event.object;
        if (event.type === 'ERROR') {
          const code = (object as { code?: number }).code;
          if (code === 410) return;
          throw new Error(`watch ${this.client.def.plural}: ${(object as { message?: string }).message ?? 'error event'}`);
        }
        const rv = object.metadata?.resourceVersion;
        if (event.type === 'ADDED' || event.type === 'MODIFIED') this.apply(object);
        else if (event.type === 'DELETED') {
          const old = this.store.delete(keyOf(object));
          if (old) for (const h of this.handlers) h.onDelete?.(object);
        }
        if (rv) this.lastSyncResourceVersion = rv;
      }
    }
  }
}
