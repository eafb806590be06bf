// The controller work queue (client-go workqueue): a key is queued at most once, and a
// key being processed is never handed to a second worker; adding it meanwhile marks it
// dirty so it is queued again when the first worker is done. Delays and per-item
// backoff run on the injected clock.
import { realClock, type Clock } from '../apimachinery/clock.ts';

/** How long to wait before retrying a key. */
export interface RateLimiter {
  when(key: string): number;
  forget(key: string): void;
  retries(key: string): number;
}

/** Per-key exponential backoff: base * 2^failures, capped. */
export class ItemExponentialRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(baseMs = 5, maxMs = 1000_000) {
    this.baseMs = baseMs;
    this.maxMs = maxMs;
  }

  when(key: string): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    return Math.min(this.maxMs, this.baseMs * 2 ** n);
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  retries(key: string): number {
    return this.failures.get(key) ?? 0;
  }
}

/** Token bucket over all keys: `qps` tokens a second, up to `burst` saved. */
export class BucketRateLimiter implements RateLimiter {
  private readonly qps: number;
  private readonly burst: number;
  private readonly clock: Clock;
  private tokens: number;
  private last: number;

  constructor(qps = 10, burst = 100, clock: Clock = realClock) {
    this.qps = qps;
    this.burst = burst;
    this.clock = clock;
    this.tokens = burst;
    this.last = clock.now();
  }

  when(): number {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.qps) * 1000;
  }

  forget(): void {}

  retries(): number {
    return 0;
  }
}

/** The longest wait any of its limiters asks for (client-go's default controller limiter). */
export class MaxOfRateLimiter implements RateLimiter {
  private readonly limiters: readonly RateLimiter[];

  constructor(...limiters: RateLimiter[]) {
    this.limiters = limiters;
  }

  when(key: string): number {
    return Math.max(...this.limiters.map((l) => l.when(key)));
  }

  forget(key: string): void {
    for (const l of this.limiters) l.forget(key);
  }

  retries(key: string): number {
    return Math.max(...this.limiters.map((l) => l.retries(key)));
  }
}

export const defaultControllerRateLimiter = (clock: Clock = realClock) => new MaxOfRateLimiter(new ItemExponentialRateLimiter(5, 1000_000), new BucketRateLimiter(10, 100, clock));

export interface WorkQueueOptions {
  readonly clock?: Clock;
  readonly rateLimiter?: RateLimiter;
}

export class WorkQueue implements Disposable {
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  /** Keys waiting for a delay, with the time they are due and the timer's cancel. */
  private readonly waiting = new Map<string, { due: number; cancel: () => void }>();
  private readonly getters: Array<(key: string | undefined) => void> = [];
  private shuttingDown = false;

  constructor(options: WorkQueueOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.limiter = options.rateLimiter ?? defaultControllerRateLimiter(this.clock);
  }

  /** Keys queued and not yet handed out. */
  get length(): number {
    return this.queue.length - this.head;
  }

  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    const getter = this.getters.shift();
    if (getter) {
      this.dirty.delete(key);
      this.processing.add(key);
      getter(key);
      return;
    }
    this.queue.push(key);
  }

  /** Adds the key after a delay; an earlier pending delay for the same key wins. */
  addAfter(key: string, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const due = this.clock.now() + delayMs;
    const pending = this.waiting.get(key);
    if (pending && pending.due <= due) return;
    pending?.cancel();
    const cancel = this.clock.setTimer(delayMs, () => {
      this.waiting.delete(key);
      this.add(key);
    });
    this.waiting.set(key, { due, cancel });
  }

  /** Adds the key after the rate limiter's wait (backoff grows with each call until forget). */
  addRateLimited(key: string): void {
    this.addAfter(key, this.limiter.when(key));
  }

  /** Clears the key's backoff: call after it was processed successfully. */
  forget(key: string): void {
    this.limiter.forget(key);
  }

  retries(key: string): number {
    return this.limiter.retries(key);
  }

  /** The next key, once one is queued; undefined after shutDown. Call done(key) when finished with it. */
  get(): Promise<string | undefined> {
    if (this.length > 0) {
      const key = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.dirty.delete(key);
      this.processing.add(key);
      return Promise.resolve(key);
    }
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Marks the key finished; if it was added meanwhile it is queued again. */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.dirty.delete(key);
      this.add(key);
    }
  }

  /** Stops handing out keys; waiting get() calls resolve to undefined; pending delays are dropped. */
  shutDown(): void {
    this.shuttingDown = true;
    for (const { cancel } of this.waiting.values()) cancel();
    this.waiting.clear();
    for (const getter of this.getters.splice(0)) getter(undefined);
  }

  [Symbol.dispose](): void {
    this.shutDown();
  }
}

/**
 * Runs `workers` loops that take keys and call sync(key): success forgets the key's
 * backoff, failure requeues it rate-limited. Resolves when the queue shuts down.
 */
export async function runWorkers(queue: WorkQueue, workers: number, sync: (key: string) => Promise<void>, onError?: (key: string, error: unknown) => void): Promise<void> {
  const worker = async () => {
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      try {
        await sync(key);
        queue.forget(key);
      } catch (error) {
        onError?.(key, error);
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}
