import type { KeyValue } from './store.ts';

/** Why a store operation failed; stable across backends, mapped to API statuses in one place. */
export type StoreErrorCode =
  | 'keyExists' // create of a key that exists
  | 'notFound' // update or delete of a key that does not exist
  | 'conflict' // the expected mod revision is no longer current
  | 'compacted' // the revision asked for was compacted away (API: 410 Gone)
  | 'futureRevision' // the revision asked for has not been written yet
  | 'invalidArgument' // bad key, value, revision, limit or TTL
  | 'tooLarge' // the value is over the request limit
  | 'closed' // the store was closed
  | 'unavailable'; // the backend could not be reached or failed

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly key: string | undefined;
  /** For `conflict`: the value that is current now, so callers can retry without a read. */
  readonly current: KeyValue | undefined;

  constructor(code: StoreErrorCode, message: string, details: { key?: string; current?: KeyValue; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'StoreError';
    this.code = code;
    this.key = details.key;
    this.current = details.current;
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

export const storeErrors = {
  keyExists: (key: string) => new StoreError('keyExists', `key already exists: ${key}`, { key }),
  notFound: (key: string) => new StoreError('notFound', `key not found: ${key}`, { key }),
  conflict: (key: string, expected: number, current: KeyValue) =>
    new StoreError('conflict', `key ${key} was modified: expected revision ${expected}, current ${current.modRevision}`, { key, current }),
  compacted: (revision: number, compactRevision: number) =>
    new StoreError('compacted', `revision ${revision} has been compacted (oldest available: ${compactRevision})`),
  futureRevision: (revision: number, current: number) =>
    new StoreError('futureRevision', `revision ${revision} is in the future (current: ${current})`),
  closed: () => new StoreError('closed', 'the store is closed'),
};
