import type { Watch, WatchEvent } from '../store.ts';

export interface WatcherSpec {
  readonly key: string;
  readonly prefix: boolean;
  /** First revision to deliver. */
  readonly start: number;
  readonly onEvents: (events: WatchEvent[]) => void;
  readonly onError: (error: Error) => void;
}

/** Reads logged changes with revisions in (after, upTo], oldest first, at most `limit`. */
export type ChangeReader = (after: number, upTo: number, limit: number) => WatchEvent[];

const catchUpPageSize = 1000;

const eventKey = (event: WatchEvent) => (event.type === 'delete' ? event.key : event.kv.key);

/**
 * Fans committed writes out to the store's watches. A watch that starts in the past
 * first reads the log up to the revision current when it was added, while holding
 * back the live events that arrive meanwhile, so it sees every event exactly once.
 */
export class WatchHub {
  private readonly watchers = new Set<Watcher>();
  private readonly readChanges: ChangeReader;

  constructor(readChanges: ChangeReader) {
    this.readChanges = readChanges;
  }

  add(spec: WatcherSpec, currentRevision: number): Watch {
    const watcher = new Watcher(spec, () => this.watchers.delete(watcher));
    this.watchers.add(watcher);
    if (spec.start <= currentRevision) void watcher.catchUp(this.readChanges, currentRevision);
    else watcher.goLive();
    return watcher;
  }

  /** Delivers a commit's events, in revision order, to every watch they concern. */
  publish(events: WatchEvent[]): void {
    if (events.length === 0) return;
    for (const watcher of this.watchers) watcher.offer(events);
  }

  closeAll(error: Error): void {
    for (const watcher of [...this.watchers]) watcher.fail(error);
  }
}

class Watcher implements Watch {
  private live = false;
  private held: WatchEvent[] = [];
  private done = false;
  private readonly spec: WatcherSpec;
  private readonly remove: () => void;

  constructor(spec: WatcherSpec, remove: () => void) {
    this.spec = spec;
    this.remove = remove;
  }

  private wants(event: WatchEvent): boolean {
    if (event.revision < this.spec.start) return false;
    const key = eventKey(event);
    return this.spec.prefix ? key.startsWith(this.spec.key) : key === this.spec.key;
  }

  offer(events: WatchEvent[]): void {
    const mine = events.filter((event) => this.wants(event));
    if (mine.length === 0) return;
    if (this.live) this.deliver(mine);
    else this.held.push(...mine);
  }

  async catchUp(readChanges: ChangeReader, upTo: number): Promise<void> {
    let after = this.spec.start - 1;
    try {
      while (after < upTo && !this.done) {
        // Yield first, so no callback runs inside watch() and writers are not starved.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.done) return;
        const page = readChanges(after, upTo, catchUpPageSize);
        after = page.length < catchUpPageSize ? upTo : page.at(-1)!.revision;
        const mine = page.filter((event) => this.wants(event));
        if (mine.length > 0) this.deliver(mine);
      }
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    this.goLive();
  }

  goLive(): void {
    if (this.done) return;
    this.live = true;
    const held = this.held;
    this.held = [];
    if (held.length > 0) this.deliver(held);
  }

  private deliver(events: WatchEvent[]): void {
    if (this.done) return;
    try {
      this.spec.onEvents(events);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  fail(error: Error): void {
    if (this.done) return;
    this.close();
    this.spec.onError(error);
  }

  close(): void {
    this.done = true;
    this.held = [];
    this.remove();
  }
}
