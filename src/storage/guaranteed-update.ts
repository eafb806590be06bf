import { isStoreError, storeErrors } from './errors.ts';
import type { KeyValue, Store, WriteOptions } from './store.ts';

export interface GuaranteedUpdateOptions extends WriteOptions {
  /** Create the key when it does not exist (tryUpdate then sees `undefined`). */
  readonly ignoreNotFound?: boolean;
  /**
   * A recent version of the key (a watch cache's), tried first instead of reading the
   * store; its value may be unknown. A write the store refuses as stale is retried on the
   * latest version, and an unchanged result is confirmed against the store before it is
   * returned (upstream's GuaranteedUpdate with a cached object).
   */
  readonly suggestion?: Suggestion;
  /** Give up after this many conflicts (default 100). */
  readonly maxAttempts?: number;
}

/** A version of a key known without reading it: a KeyValue whose value may be left out. */
export type Suggestion = Omit<KeyValue, 'value'> & { readonly value?: Uint8Array };

/**
 * Read-modify-write with compare-and-swap, as kube-apiserver's GuaranteedUpdate:
 * `tryUpdate` gets the current value (or undefined when absent and `ignoreNotFound`)
 * and returns the new value, or `undefined` to leave the key as it is. On a conflict
 * it runs again on the value that won. When the new bytes equal the stored ones
 * nothing is written and the current value is returned.
 */
export async function guaranteedUpdate(
  store: Store,
  key: string,
  tryUpdate: (current: Suggestion | undefined) => Uint8Array | undefined | Promise<Uint8Array | undefined>,
  options: GuaranteedUpdateOptions = {},
): Promise<KeyValue | undefined> {
  let current: Suggestion | undefined = options.suggestion ?? (await store.get(key));
  // Whether `current` was read from the store (not suggested).
  let confirmed = options.suggestion === undefined;
  const maxAttempts = options.maxAttempts ?? 100;
  for (let attempt = 1; ; attempt++) {
    if (!current && !options.ignoreNotFound) throw storeErrors.notFound(key);
    const next = await tryUpdate(current);
    if (next === undefined || (current?.value !== undefined && Buffer.from(next).equals(current.value))) {
      if (confirmed) return current as KeyValue | undefined;
      // Unchanged from a suggested version: only if the store still holds that version.
      const latest = await store.get(key);
      confirmed = true;
      if (latest && latest.modRevision === current!.modRevision) return latest;
      current = latest;
      continue;
    }
    try {
      return current
        ? await store.update(key, next, current.modRevision, options)
        : await store.create(key, next, options);
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
      confirmed = true;
      if (isStoreError(error, 'conflict')) current = error.current;
      else if (isStoreError(error, 'keyExists') || isStoreError(error, 'notFound')) current = await store.get(key);
      else throw error;
    }
  }
}
