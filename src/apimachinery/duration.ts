// Go's time.Duration text: parsed and printed exactly as Go does (API fields of type
// metav1.Duration, and the CLI's duration flags).
import { goQuote } from './go-format.ts';

const nanosPer = { ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
/** Go checks overflow against 1<<63 (uint64), then against 1<<63-1 for positive values. */
const durationLimit = 1n << 63n;

/** Go's time.ParseDuration, in nanoseconds; throws Go's error messages. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const bad = () => new Error(`time: invalid duration ${goQuote(orig)}`);
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw bad();
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    const whole = m[1]!;
    const frac = m[2];
    if (whole === '' && (frac === undefined || frac === '')) throw bad();
    s = s.slice(m[0].length);
    const unitMatch = /^[^0-9.]*/.exec(s)![0];
    if (unitMatch === '') throw new Error(`time: missing unit in duration ${goQuote(orig)}`);
    const unit = nanosPer[unitMatch as keyof typeof nanosPer];
    if (unit === undefined) throw new Error(`time: unknown unit ${goQuote(unitMatch)} in duration ${goQuote(orig)}`);
    s = s.slice(unitMatch.length);
    let v = whole === '' ? 0n : BigInt(whole);
    if (v > durationLimit / unit) throw bad();
    v *= unit;
    if (frac !== undefined && frac !== '') {
      // Go adds the fraction with float64 arithmetic.
      v += BigInt(Math.trunc(Number(`0.${frac}`) * Number(unit)));
    }
    total += v;
    if (total > durationLimit) throw bad();
  }
  if (!neg && total > durationLimit - 1n) throw bad();
  return neg ? -total : total;
}

/** Go's time.Duration.String(): "0s", "1.5µs", "500ms", "1m0s", "1h30m0s", "-2s". */
export function formatDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  const frac = (v: bigint, prec: number): [string, bigint] => {
    const scale = 10n ** BigInt(prec);
    const f = (v % scale).toString().padStart(prec, '0').replace(/0+$/, '');
    return [f === '' ? '' : `.${f}`, v / scale];
  };
  if (u < 1_000_000_000n) {
    const [prec, unit] = u < 1000n ? [0, 'ns'] : u < 1_000_000n ? [3, 'µs'] : [6, 'ms'];
    const [f, whole] = frac(u, prec);
    out = `${whole}${f}${unit}`;
  } else {
    const [f, secs] = frac(u, 9);
    out = `${secs % 60n}${f}s`;
    u = secs / 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** A positive duration flag such as 40s or 1m30s, in milliseconds; errors name the flag. */
export function durationFlagMs(flag: string, text: string): number {
  let nanos: bigint;
  try {
    nanos = parseDuration(text);
  } catch (error) {
    throw new Error(`--${flag}: ${(error as Error).message}`, { cause: error });
  }
  if (nanos <= 0n) throw new Error(`--${flag} must be positive, got "${text}"`);
  return Number(nanos / 1_000_000n);
}
