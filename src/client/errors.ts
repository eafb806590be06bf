// Errors the client raises: a failed API call carries the server's metav1.Status.
import type { Status } from 'kubernetes-types/meta/v1.d.ts';

/** The API answered with a non-2xx status; `status` is its metav1.Status (or one made up from the code). */
export class ApiStatusError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly status: Status;

  constructor(code: number, status: Status) {
    super(status.message ?? `the server answered ${code}`);
    this.name = 'ApiStatusError';
    this.code = code;
    this.reason = status.reason ?? '';
    this.status = status;
  }
}

const hasCode = (error: unknown, code: number) => error instanceof ApiStatusError && error.code === code;

export const isNotFound = (error: unknown) => hasCode(error, 404);
export const isConflict = (error: unknown) => hasCode(error, 409) && (error as ApiStatusError).reason === 'Conflict';
export const isAlreadyExists = (error: unknown) => hasCode(error, 409) && (error as ApiStatusError).reason === 'AlreadyExists';
/** The resourceVersion asked for is compacted away: relist. */
export const isGone = (error: unknown) => hasCode(error, 410);
export const isTooManyRequests = (error: unknown) => hasCode(error, 429);
