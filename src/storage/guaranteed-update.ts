import { isStoreError, storeErrors } from './errors.ts';
import type { KeyValue, Store, WriteOptions } from './store.ts';

export interface GuaranteedUpdateOptions extends WriteOptions {
  /** Create the key when it does not exist (tryUpdate then sees `undefined`). */
  readonly ignoreNotFound?: boolean;
  /** A recent read of the key, to try first instead of reading it again. */
  readonly suggestion?: KeyValue;
  /** Give up after this many conflicts (default 100). */
  readonly maxAttempts?: number;
}

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
  tryUpdate: (current: KeyValue | undefined) => Uint8Array | undefined | Promise<Uint8Array | undefined>,
  options: GuaranteedUpdateOptions = {},
): Promise<KeyValue | undefined> {
  let current = options.suggestion ?? (await store.get(key));
  const maxAttempts = options.maxAttempts ?? 100;
  for (let attempt = 1; ; attempt++) {
    if (!current && !options.ignoreNotFound) throw storeErrors.notFound(key);
    const next = await tryUpdate(current);
    if (next === undefined || (current && Buffer.from(next).equals(current.value))) return current;
    try {
      return current
        ? await store.update(key, next, current.modRevision, options)
        : await store.create(key, next, options);
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
      if (isStoreError(error, 'conflict')) current = error.current;
      else if (isStoreError(error, 'keyExists') || isStoreError(error, 'notFound')) current = await store.get(key);
      else throw error;
    }
  }
}
