/** Time as components see it; injected so tests can run on fake time (DESIGN.md, rule 8). */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to, for tests. */
export class FakeClock implements Clock {
  private time: number;
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.time = start;
  }
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}
