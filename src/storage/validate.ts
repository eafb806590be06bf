import { StoreError } from './errors.ts';
import { limits, type ListOptions, type WriteOptions } from './store.ts';

// Input checks shared by every backend, so bad input fails the same way everywhere
// and before anything is written.

export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) throw new StoreError('invalidArgument', 'key must be a non-empty string');
  if (Buffer.byteLength(key) > limits.maxKeyBytes) {
    throw new StoreError('invalidArgument', `key is longer than ${limits.maxKeyBytes} bytes`, { key: key.slice(0, 64) });
  }
  if (key.includes('\0')) throw new StoreError('invalidArgument', 'key must not contain NUL', { key });
}

export function checkValue(key: string, value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new StoreError('invalidArgument', 'value must be bytes', { key });
  if (value.byteLength > limits.maxValueBytes) {
    throw new StoreError('tooLarge', `value of ${value.byteLength} bytes is over the limit of ${limits.maxValueBytes} bytes`, { key });
  }
}

export function checkRevision(revision: unknown, what = 'revision'): asserts revision is number {
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 1) {
    throw new StoreError('invalidArgument', `${what} must be a positive integer, got ${String(revision)}`);
  }
}

export function checkWriteOptions(options: WriteOptions | undefined): void {
  const ttl = options?.ttlSeconds;
  if (ttl === undefined) return;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > limits.maxTtlSeconds) {
    throw new StoreError('invalidArgument', `ttlSeconds must be an integer from 1 to ${limits.maxTtlSeconds}, got ${String(ttl)}`);
  }
}

export function checkListOptions(prefix: unknown, options: ListOptions | undefined): asserts prefix is string {
  checkKey(prefix);
  if (options?.revision !== undefined) checkRevision(options.revision);
  const limit = options?.limit;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw new StoreError('invalidArgument', `limit must be a non-negative integer, got ${String(limit)}`);
  }
  if (options?.after !== undefined) checkKey(options.after);
}

/**
 * The smallest key after every key that starts with `prefix` (etcd's range end).
 * Incrementing the last UTF-16 unit keeps byte order for the ASCII keys the API uses.
 */
export function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
