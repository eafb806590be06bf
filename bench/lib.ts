// Shared by the benchmark scripts: timing, concurrency and reporting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Runs `op(i)` for i in [0, total) with `concurrency` in flight; returns operations per second. */
export async function rate(total: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) await op(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/** The median duration of `runs` runs of `fn`, in milliseconds. */
export async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Prints rows as an aligned table. */
export function printTable(header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  for (const [i, row] of cells.entries()) {
    console.log(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/**
 * The time of a fixed CPU-bound JSON workload, in ms: this shared machine's speed swings by
 * a third from hour to hour, so each result carries it and figures are compared between
 * runs of similar speed (lower is faster).
 */
export function machineMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 500_000; i++) sum += (JSON.parse(JSON.stringify({ i, name: `pod-${i}`, labels: { app: 'web' } })) as { i: number }).i;
  if (sum < 0) throw new Error('unreachable');
  return round(performance.now() - started, 0);
}

/** Writes the figures to bench/results/<area>.json and prints them as the last line, with the machine's speed. */
export function report(area: string, figures: object): void {
  const dir = fileURLToPath(new URL('results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const speed = machineMs();
  console.log(`machine speed: ${speed} ms for the fixed workload (lower is faster)`);
  const json = JSON.stringify({ area, date: new Date().toISOString(), node: process.version, machineMs: speed, ...figures });
  writeFileSync(`${dir}${area}.json`, `${json}\n`);
  console.log(json);
}
