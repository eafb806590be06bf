/**
 * Data that plugins share within one scheduling cycle (upstream framework.CycleState):
 * PreFilter writes what Filter and Score read. Preemption clones the state before it
 * simulates removing pods, so every stored value must clone itself.
 */
import type { FilterPlugin, ScorePlugin } from './interfaces.ts';

/** A value kept in the cycle state. `clone` returns a copy that can change independently. */
export interface StateData {
  clone(): StateData;
}

export class CycleState {
  private readonly data = new Map<string, StateData>();
  /** Plugins whose PreFilter returned Skip: their Filter is not run. */
  readonly skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score is not run. */
  readonly skipScorePlugins = new Set<string>();
  /**
   * The framework's Filter (Score) plugins less the skipped ones, worked out once per cycle
   * so that the per-node loops do not look names up in the skip sets.
   */
  filterPlugins: readonly FilterPlugin[] | undefined;
  scorePlugins: readonly ScorePlugin[] | undefined;

  read<T extends StateData>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: StateData): void {
    this.data.set(key, value);
  }

  delete(key: string): void {
    this.data.delete(key);
  }

  /** A deep copy: each value cloned, the skip sets copied. */
  clone(): CycleState {
    const copy = new CycleState();
    for (const [k, v] of this.data) copy.data.set(k, v.clone());
    for (const p of this.skipFilterPlugins) copy.skipFilterPlugins.add(p);
    for (const p of this.skipScorePlugins) copy.skipScorePlugins.add(p);
    copy.filterPlugins = this.filterPlugins;
    copy.scorePlugins = this.scorePlugins;
    return copy;
  }
}
