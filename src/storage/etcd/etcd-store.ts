// The etcd backend: the Store contract mapped onto etcd's KV, Watch and Lease APIs, as
// kube-apiserver's storage/etcd3 does. Raw RPCs through the `etcd3` client, not its
// builders or watcher: the watcher reconnects on its own and hides compaction.
import {
  Etcd3,
  EtcdLeaseInvalidError,
  type IDuplexStream,
  type IEvent,
  type IKeyValue,
  type IOptions,
  type IPutRequest,
  type IResponseHeader,
  type ITxnRequest,
  type IWatchRequest,
  type IWatchResponse,
} from 'etcd3';
import { StoreError, storeErrors } from '../errors.ts';
import type {
  DeleteResult,
  KeyValue,
  ListOptions,
  ListResult,
  ReadOptions,
  Store,
  Watch,
  WatchEvent,
  WatchOptions,
  WriteOptions,
} from '../store.ts';
import { checkKey, checkListOptions, checkRevision, checkValue, checkWriteOptions } from '../validate.ts';

export interface EtcdStoreOptions {
  /** Client URLs, e.g. `http://127.0.0.1:2379`. */
  readonly endpoints: string[];
  /** Deadline of each request, so a hung etcd fails with `unavailable` instead of hanging (default 15 s). */
  readonly requestTimeoutMs?: number;
}

/** Connects to etcd and checks that it answers (rejects with `unavailable` otherwise). */
export function openEtcdStore(options: EtcdStoreOptions): Promise<EtcdStore> {
  return EtcdStore.open(options);
}

type Policy = NonNullable<NonNullable<IOptions['faultHandling']>['global']>;
// etcd3 retries "recoverable" errors and opens a circuit breaker by default. A retried
// compare-and-swap whose first attempt did land reports a false conflict, so we fail fast
// with `unavailable` and leave retries to callers, who re-read first.
const noRetry = { execute: async (fn: (context: { signal: AbortSignal }) => unknown) => fn({ signal: new AbortController().signal }) } as unknown as Policy;

export class EtcdStore implements Store {
  private readonly client: Etcd3;
  private readonly leases: LeaseManager;
  /** Ends every open watch; see close(). */
  private readonly watches = new Set<(error: StoreError) => void>();
  /** The newest revision any response showed us: where a watch without a start begins. */
  private seenRevision = 0;
  private closed = false;

  static async open(options: EtcdStoreOptions): Promise<EtcdStore> {
    const store = new EtcdStore(options);
    try {
      await store.currentRevision(); // also the first seenRevision
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private constructor(options: EtcdStoreOptions) {
    const timeout = options.requestTimeoutMs ?? 15_000;
    this.client = new Etcd3({
      hosts: options.endpoints,
      faultHandling: { global: noRetry, host: () => noRetry },
      defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + timeout }),
      grpcOptions: {
        // Lists of many values up to 1.5 MiB each exceed gRPC's default 4 MiB receive limit.
        'grpc.max_receive_message_length': -1,
        // Notice a dead etcd on an idle watch (kube-apiserver uses the same keepalive).
        'grpc.keepalive_time_ms': 30_000,
        'grpc.keepalive_timeout_ms': 10_000,
      },
    });
    this.leases = new LeaseManager(async (ttl) => (await this.rpc(() => this.client.leaseClient.leaseGrant({ TTL: ttl }))).ID);
  }

  async currentRevision(): Promise<number> {
    // Any linearizable read returns the current revision in its header; NUL is never a stored key.
    const response = await this.rpc(() => this.client.kv.range({ key: Buffer.alloc(1), count_only: true }));
    return Number(response.header.revision);
  }

  async get(key: string, options?: ReadOptions): Promise<KeyValue | undefined> {
    checkKey(key);
    if (options?.revision !== undefined) checkRevision(options.revision);
    const response = await this.rpc(() => this.client.kv.range({ key: Buffer.from(key), revision: options?.revision }));
    return response.kvs[0] && toKeyValue(response.kvs[0]);
  }

  async create(key: string, value: Uint8Array, options?: WriteOptions): Promise<KeyValue> {
    checkKey(key);
    checkValue(key, value);
    checkWriteOptions(options);
    const response = await this.withLease(options, (lease) =>
      this.txn({
        compare: [{ key: Buffer.from(key), target: 'Create', result: 'Equal', create_revision: 0 }],
        success: [{ request_put: put(key, value, lease) }],
      }),
    );
    if (!response.succeeded) throw storeErrors.keyExists(key);
    const revision = Number(response.header.revision);
    return { key, value, createRevision: revision, modRevision: revision };
  }

  async update(key: string, value: Uint8Array, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue> {
    checkKey(key);
    checkValue(key, value);
    checkRevision(expectedModRevision, 'expectedModRevision');
    checkWriteOptions(options);
    const keyBytes = Buffer.from(key);
    const response = await this.withLease(options, (lease) =>
      this.txn({
        compare: [{ key: keyBytes, target: 'Mod', result: 'Equal', mod_revision: expectedModRevision }],
        // Read the create revision without the old value (which may be 1.5 MiB); a put leaves it unchanged.
        success: [{ request_range: { key: keyBytes, keys_only: true } }, { request_put: put(key, value, lease) }],
        // On a conflict return the current value, so callers can retry without a read.
        failure: [{ request_range: { key: keyBytes } }],
      }),
    );
    const found = response.responses[0]?.response_range.kvs[0];
    if (!response.succeeded) throw found ? storeErrors.conflict(key, expectedModRevision, toKeyValue(found)) : storeErrors.notFound(key);
    return { key, value, createRevision: Number(found!.create_revision), modRevision: Number(response.header.revision) };
  }

  async delete(key: string, expectedModRevision?: number): Promise<DeleteResult> {
    checkKey(key);
    if (expectedModRevision !== undefined) checkRevision(expectedModRevision, 'expectedModRevision');
    const keyBytes = Buffer.from(key);
    if (expectedModRevision === undefined) {
      const response = await this.rpc(() => this.client.kv.deleteRange({ key: keyBytes, prev_kv: true }));
      if (!response.prev_kvs[0]) throw storeErrors.notFound(key);
      return { previous: toKeyValue(response.prev_kvs[0]), revision: Number(response.header.revision) };
    }
    const response = await this.txn({
      compare: [{ key: keyBytes, target: 'Mod', result: 'Equal', mod_revision: expectedModRevision }],
      success: [{ request_delete_range: { key: keyBytes, prev_kv: true } }],
      failure: [{ request_range: { key: keyBytes } }],
    });
    const op = response.responses[0];
    if (!response.succeeded) {
      const current = op?.response_range.kvs[0];
      throw current ? storeErrors.conflict(key, expectedModRevision, toKeyValue(current)) : storeErrors.notFound(key);
    }
    return { previous: toKeyValue(op!.response_delete_range.prev_kvs[0]!), revision: Number(response.header.revision) };
  }

  async list(prefix: string, options?: ListOptions): Promise<ListResult> {
    checkListOptions(prefix, options);
    const start = Buffer.from(prefix);
    // The next page starts right after `after`, but never before the prefix.
    const after = options?.after === undefined ? undefined : Buffer.from(`${options.after}\0`);
    const response = await this.rpc(() =>
      this.client.kv.range({
        key: after && Buffer.compare(after, start) > 0 ? after : start,
        range_end: rangeEnd(start),
        limit: options?.limit ?? 0,
        revision: options?.revision,
      }),
    );
    return {
      items: response.kvs.map(toKeyValue),
      // etcd's header has the current revision even when reading an older one.
      revision: options?.revision ?? Number(response.header.revision),
      more: response.more,
    };
  }

  async count(prefix: string): Promise<number> {
    checkKey(prefix);
    const start = Buffer.from(prefix);
    const response = await this.rpc(() => this.client.kv.range({ key: start, range_end: rangeEnd(start), count_only: true }));
    return Number(response.count);
  }

  async compact(revision: number): Promise<void> {
    checkRevision(revision);
    // Not physical: etcd refuses older revisions as soon as the compaction is applied.
    await this.rpc(() => this.client.kv.compact({ revision }));
  }

  watch(key: string, options: WatchOptions, onEvents: (events: WatchEvent[]) => void, onError: (error: Error) => void): Watch {
    checkKey(key);
    if (options.startRevision !== undefined) checkRevision(options.startRevision, 'startRevision');
    if (this.closed) throw storeErrors.closed();
    const keyBytes = Buffer.from(key);
    // etcd's own default start (its revision when the request arrives) could miss a write made
    // right after watch() returns; the newest revision we have seen cannot.
    const start = options.startRevision ?? this.seenRevision + 1;
    const request: IWatchRequest = {
      create_request: { key: keyBytes, range_end: options.prefix ? rangeEnd(keyBytes) : undefined, start_revision: start, prev_kv: true },
    };

    // One gRPC stream per watch: closing the watch is cancelling its stream.
    let stream: IDuplexStream<IWatchRequest, IWatchResponse> | undefined;
    let done = false;
    const stop = () => {
      if (done) return;
      done = true;
      this.watches.delete(fail);
      if (stream) endStream(stream);
    };
    const fail = (error: StoreError) => {
      if (done) return;
      stop();
      onError(error);
    };
    const receive = (response: IWatchResponse) => {
      if (done) return;
      this.observe(response.header);
      const events: WatchEvent[] = [];
      for (const event of response.events) {
        const mapped = toWatchEvent(event);
        if (!mapped) {
          // etcd reads the previous value at revision - 1, which compaction may have removed.
          if (events.length > 0) onEvents(events);
          return fail(new StoreError('compacted', `the previous value of ${event.kv.key.toString()} at revision ${event.kv.mod_revision} was compacted`));
        }
        events.push(mapped);
      }
      if (events.length > 0) onEvents(events);
      if (response.canceled) {
        const compactRevision = Number(response.compact_revision);
        fail(
          compactRevision > 0
            ? storeErrors.compacted(start, compactRevision)
            : new StoreError('unavailable', `etcd cancelled the watch: ${response.cancel_reason}`),
        );
      }
    };

    this.watches.add(fail);
    this.client.watchClient.watch().then(
      (opened) => {
        stream = opened;
        opened.on('error', (error) => fail(this.toStoreError(error)));
        if (done) return endStream(opened);
        opened.on('data', receive).on('end', () => fail(new StoreError('unavailable', 'etcd ended the watch stream')));
        opened.write(request);
      },
      (error: unknown) => fail(this.toStoreError(error)),
    );
    return { close: stop };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const fail of [...this.watches]) fail(storeErrors.closed());
    this.client.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private txn(request: ITxnRequest) {
    return this.rpc(() => this.client.kv.txn(request));
  }

  /** Runs one RPC: refuses after close, remembers the revision it saw, maps its errors. */
  private async rpc<T extends { header: IResponseHeader }>(call: () => Promise<T>): Promise<T> {
    if (this.closed) throw storeErrors.closed();
    try {
      const response = await call();
      this.observe(response.header);
      return response;
    } catch (error) {
      throw this.toStoreError(error);
    }
  }

  /** Writes with a pooled lease when a TTL is asked for; a lease that expired early is replaced once. */
  private async withLease<T>(options: WriteOptions | undefined, write: (lease: string | undefined) => Promise<T>): Promise<T> {
    const ttl = options?.ttlSeconds;
    if (ttl === undefined) return write(undefined);
    const lease = await this.leases.get(ttl);
    try {
      return await write(lease);
    } catch (error) {
      if (!(error instanceof StoreError && error.cause instanceof EtcdLeaseInvalidError)) throw error;
      this.leases.forget(lease);
      return write(await this.leases.get(ttl));
    }
  }

  private observe(header: IResponseHeader | null | undefined): void {
    const revision = Number(header?.revision ?? 0);
    if (revision > this.seenRevision) this.seenRevision = revision;
  }

  private toStoreError(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    if (this.closed) return storeErrors.closed();
    const message = error instanceof Error ? error.message : String(error);
    const details = { cause: error };
    if (message.includes('required revision has been compacted')) return new StoreError('compacted', 'the revision has been compacted', details);
    if (message.includes('required revision is a future revision')) return new StoreError('futureRevision', 'the revision is in the future', details);
    // etcd's --max-request-bytes, or gRPC's own limit (that limit plus 512 KiB).
    if (message.includes('request is too large') || message.includes('larger than max')) return new StoreError('tooLarge', message, details);
    return new StoreError('unavailable', `etcd failed: ${message}`, details);
  }
}

/**
 * kube-apiserver's leaseManager: writes with a TTL share a recently granted lease that
 * outlives them by at most a small window (5% of the TTL, at most 60 s), instead of one
 * lease per write.
 */
class LeaseManager {
  private readonly grant: (ttlSeconds: number) => Promise<string>;
  private current: { id: string; expiresAt: number } | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(grant: (ttlSeconds: number) => Promise<string>) {
    this.grant = grant;
  }

  get(ttlSeconds: number): Promise<string> {
    // One decision at a time, so a burst of TTL writes waits for one grant and shares it.
    const next = this.queue.then(() => this.reuseOrGrant(ttlSeconds));
    this.queue = next.catch(() => undefined);
    return next;
  }

  forget(id: string): void {
    if (this.current?.id === id) this.current = undefined;
  }

  private async reuseOrGrant(ttlSeconds: number): Promise<string> {
    const now = Date.now();
    const window = Math.min(Math.floor(ttlSeconds * 0.05), 60);
    const lease = this.current;
    // Reuse only a lease that outlives this TTL, but not by more than the window.
    if (lease && now + ttlSeconds * 1000 < lease.expiresAt && now + (ttlSeconds + window) * 1000 > lease.expiresAt) return lease.id;
    const id = await this.grant(ttlSeconds + window);
    // Counted from before the grant, so the real lease lives at least this long.
    this.current = { id, expiresAt: now + (ttlSeconds + window) * 1000 };
    return id;
  }
}

function put(key: string, value: Uint8Array, lease: string | undefined): IPutRequest {
  // A put without a lease detaches any earlier one, so an update without a TTL keeps the key.
  return { key: Buffer.from(key), value: Buffer.from(value.buffer, value.byteOffset, value.byteLength), lease };
}

/**
 * etcd's range end for a prefix: the prefix with its last byte incremented. Keys are UTF-8,
 * which never contains 0xff, so the increment never carries.
 */
function rangeEnd(prefix: Buffer): Buffer {
  const end = Buffer.from(prefix);
  end[end.length - 1]! += 1;
  return end;
}

/** etcd3 decodes 64-bit revisions as decimal strings; revisions stay far below 2^53. */
function toKeyValue(kv: IKeyValue): KeyValue {
  return { key: kv.key.toString(), value: kv.value, createRevision: Number(kv.create_revision), modRevision: Number(kv.mod_revision) };
}

/** Undefined when etcd could not attach the previous value (it was compacted). */
function toWatchEvent(event: IEvent): WatchEvent | undefined {
  const kv = toKeyValue(event.kv);
  const prevKv = event.prev_kv ? toKeyValue(event.prev_kv) : undefined;
  const revision = kv.modRevision;
  if (event.type === 'Delete') return prevKv && { type: 'delete', revision, key: kv.key, prevKv };
  if (kv.createRevision === kv.modRevision) return { type: 'create', revision, kv };
  return prevKv && { type: 'update', revision, kv, prevKv };
}

/** Cancels a watch stream; half-closing first keeps etcd3 from resetting the host's other connections. */
function endStream(stream: IDuplexStream<IWatchRequest, IWatchResponse>): void {
  stream.end();
  stream.cancel();
}
