/**
 * The storage contract every backend (SQLite, etcd) fulfils, with etcd's semantics.
 *
 * - One global revision counts every write. Each key carries the revision that
 *   created it (`createRevision`) and the one that last changed it (`modRevision`);
 *   the API's resourceVersion is the mod revision.
 * - Writes are compare-and-swap: `create` only when absent, `update`/`delete` only
 *   when the caller's `expectedModRevision` is still current. A write resolves only
 *   once it is durable; a failed write changes nothing.
 * - Reads see the current state or the state at an older revision, until that
 *   revision is compacted; then they reject with a `compacted` error.
 * - Watches deliver every change to a key or prefix in revision order, starting from
 *   any revision that is not compacted, with the previous value on update and delete.
 * - Keys may expire: a write with `ttlSeconds` is deleted (a normal delete event) once
 *   that time has passed since the write.
 *
 * Every method validates its input first and rejects with a `StoreError` (see
 * errors.ts) without writing anything.
 */
export interface Store extends AsyncDisposable {
  /** The revision of the latest write (at least 1 on a fresh store). */
  currentRevision(): Promise<number>;

  /** The key at `revision` (default: now), or undefined when absent. */
  get(key: string, options?: ReadOptions): Promise<KeyValue | undefined>;

  /** Writes `key` only if it does not exist; rejects with `keyExists` otherwise. */
  create(key: string, value: Uint8Array, options?: WriteOptions): Promise<KeyValue>;

  /**
   * Replaces `key` only if its mod revision is still `expectedModRevision`; rejects with
   * `conflict` (carrying the current value) or `notFound`.
   */
  update(key: string, value: Uint8Array, expectedModRevision: number, options?: WriteOptions): Promise<KeyValue>;

  /**
   * Deletes `key`, only if its mod revision is `expectedModRevision` when one is given.
   * Resolves with the deleted value and the revision of the delete; rejects with
   * `notFound` or `conflict`.
   */
  delete(key: string, expectedModRevision?: number): Promise<DeleteResult>;

  /**
   * Keys under `prefix` in byte order, as of `revision` (default: now). Pass the
   * returned `revision` and the last key as `after` to read the next page of the same
   * snapshot, however many writes happened meanwhile.
   */
  list(prefix: string, options?: ListOptions): Promise<ListResult>;

  /** How many keys exist under `prefix` now. */
  count(prefix: string): Promise<number>;

  /**
   * Delivers changes to `key` (or every key under it with `prefix: true`) from
   * `startRevision` (inclusive; default: the next write). Events arrive in batches, in
   * revision order, each exactly once. When the watch cannot go on (its start was
   * compacted, the store closed, the backend failed), `onError` is called once and no
   * more events follow.
   */
  watch(key: string, options: WatchOptions, onEvents: (events: WatchEvent[]) => void, onError: (error: Error) => void): Watch;

  /**
   * Forgets history before `revision`: reads at older revisions and watches starting
   * before it then reject with `compacted`. The current value of every key is kept.
   */
  compact(revision: number): Promise<void>;

  /** Closes the store; pending watches end with an error. */
  close(): Promise<void>;
}

export interface KeyValue {
  readonly key: string;
  readonly value: Uint8Array;
  readonly createRevision: number;
  readonly modRevision: number;
}

export interface ReadOptions {
  /** Read the state as of this revision instead of now. */
  readonly revision?: number;
}

export interface WriteOptions {
  /** Delete the key automatically this many seconds after the write. */
  readonly ttlSeconds?: number;
}

export interface ListOptions extends ReadOptions {
  /** At most this many keys (0 or unset: all). */
  readonly limit?: number;
  /** Start after this key (exclusive), for the next page. */
  readonly after?: string;
}

export interface ListResult {
  readonly items: KeyValue[];
  /** The revision the list was read at; pass it back for the next page. */
  readonly revision: number;
  /** True when keys remain after the last one returned. */
  readonly more: boolean;
}

export interface DeleteResult {
  /** The value that was deleted. */
  readonly previous: KeyValue;
  /** The revision of the delete. */
  readonly revision: number;
}

export interface WatchOptions {
  readonly prefix?: boolean;
  /** First revision to deliver (inclusive). Unset: only writes after the call. */
  readonly startRevision?: number;
}

export type WatchEvent =
  | { readonly type: 'create'; readonly revision: number; readonly kv: KeyValue }
  | { readonly type: 'update'; readonly revision: number; readonly kv: KeyValue; readonly prevKv: KeyValue }
  | { readonly type: 'delete'; readonly revision: number; readonly key: string; readonly prevKv: KeyValue };

export interface Watch {
  /** Stops delivery; no callback runs after this returns. */
  close(): void;
}

/** Limits shared by every backend (etcd's default request limit is 1.5 MiB). */
export const limits = {
  maxKeyBytes: 2048,
  maxValueBytes: 1.5 * 1024 * 1024,
  maxTtlSeconds: 10 * 365 * 24 * 3600,
} as const;
