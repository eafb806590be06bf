// Expectations (upstream ControllerExpectations): after a controller creates or deletes
// objects it waits for its informer to see them before it counts again, so a stale
// cache never makes it create or delete twice. Expectations lapse after 5 minutes in
// case an event was missed.
import type { Clock } from '../../apimachinery/clock.ts';

const expectationsTimeoutMs = 5 * 60_000;

interface Expectation {
  add: number;
  del: number;
  /** uids expected to disappear, so one deletion is not counted twice. */
  deleting: Set<string>;
  setAt: number;
}

export class Expectations {
  private readonly clock: Clock;
  private readonly byKey = new Map<string, Expectation>();

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Whether the controller may trust its cache for `key` (nothing pending, or pending too long). */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.setAt > expectationsTimeoutMs;
  }

  /** Replaces the expectations for key: `adds` creations and the deletion of these uids. */
  expect(key: string, adds: number, deletingUids: readonly string[] = []): void {
    this.byKey.set(key, { add: adds, del: deletingUids.length, deleting: new Set(deletingUids), setAt: this.clock.now() });
  }

  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  /** A create that failed will never be observed. */
  creationFailed(key: string): void {
    this.creationObserved(key);
  }

  deletionObserved(key: string, uid: string): void {
    const e = this.byKey.get(key);
    if (e?.deleting.delete(uid)) e.del--;
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }
}
