/**
 * The result of running a plugin, as upstream's framework.Status: a code, the reasons a
 * human reads, and the plugin that produced it. Statuses are immutable, so a plugin may
 * return one shared instance for a common failure. `null` stands for Success wherever a
 * plugin returns `Status | null` (upstream's nil status).
 */

/** Upstream's status codes. */
export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip' | 'Pending';

export class Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  /** The plugin that returned this status ('' until the framework records it). */
  readonly plugin: string;

  constructor(code: Code, reasons: readonly string[] = [], plugin = '') {
    this.code = code;
    this.reasons = reasons;
    this.plugin = plugin;
  }

  /** The reasons joined by ", " (upstream Status.Message). */
  message(): string {
    return this.reasons.join(', ');
  }

  isSuccess(): boolean {
    return this.code === 'Success';
  }

  isSkip(): boolean {
    return this.code === 'Skip';
  }

  /** Unschedulable or UnschedulableAndUnresolvable (upstream IsRejected). */
  isRejected(): boolean {
    return this.code === 'Unschedulable' || this.code === 'UnschedulableAndUnresolvable';
  }

  /** This status attributed to `plugin`: itself when it already is. */
  withPlugin(plugin: string): Status {
    return this.plugin === plugin ? this : new Status(this.code, this.reasons, plugin);
  }
}

/** A new status with the given code and reasons. */
export const newStatus = (code: Code, ...reasons: string[]): Status => new Status(code, reasons);

/** An Error status carrying `err`'s message (upstream AsStatus). */
export function asStatus(err: unknown): Status {
  return new Status('Error', [err instanceof Error ? err.message : String(err)]);
}

export const successStatus = new Status('Success');
export const skipStatus = new Status('Skip');

/** Whether a `Status | null` result is a success. */
export const isSuccess = (s: Status | null | undefined): boolean => !s || s.code === 'Success';
