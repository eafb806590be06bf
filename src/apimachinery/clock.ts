/** Time as components see it; injected so tests can run on fake time (DESIGN.md, rule 8). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Runs `fn` once after `delayMs` (on the event loop, never synchronously). Returns a
   * function that cancels it; cancelling after it ran does nothing.
   */
  setTimer(delayMs: number, fn: () => void): () => void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, fn) {
    const timer = setTimeout(fn, Math.max(0, delayMs));
    // Timers never hold the process open: whoever owns them keeps a socket or a stop signal.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

interface FakeTimer {
  readonly due: number;
  readonly seq: number;
  readonly fn: () => void;
}

/** A clock that moves only when told to, for tests. Timers fire in order of due time. */
export class FakeClock implements Clock {
  private time: number;
  private timers: FakeTimer[] = [];
  private seq = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(delayMs: number, fn: () => void): () => void {
    const timer = { due: this.time + Math.max(0, delayMs), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Timers waiting to fire. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: FakeTimer | undefined;
      for (const t of this.timers) if (t.due <= end && (!next || t.due < next.due || (t.due === next.due && t.seq < next.seq))) next = t;
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.due);
      next.fn();
    }
    this.time = end;
  }
}
