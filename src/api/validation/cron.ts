/**
 * The cron schedule check CronJob validation uses: upstream parses `spec.schedule` with
 * github.com/robfig/cron/v3's ParseStandard and reports the parser's error text. No cron
 * parser is installed in this project, so this is a small validator with that parser's
 * grammar and messages: five fields (minute, hour, day of month, month, day of week) of
 * comma-separated `*`, `?`, `N`, `N-M`, with `/step`, month and weekday names, the
 * `@yearly`-style descriptors and `@every <duration>`, and an optional `TZ=`/`CRON_TZ=`
 * prefix. It validates only; it does not compute activation times.
 */
import { goQuote } from '../../apimachinery/go-format.ts';
import { goSliceV } from './util.ts';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const months: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const dow: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };
// Seconds are not part of the standard spec; the parser fills them with "0".
const fieldBounds: Bounds[] = [{ min: 0, max: 59 }, { min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, months, dow];

class CronError extends Error {}

const maxInt64 = 9223372036854775807n;

/** Go's strconv.Atoi, throwing its error text. */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new CronError(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`);
  const v = BigInt(s);
  if (v > maxInt64 || v < -maxInt64 - 1n) throw new CronError(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`);
  return Number(v);
}

function mustParseInt(expr: string): number {
  let n: number;
  try {
    n = atoi(expr);
  } catch (e) {
    throw new CronError(`failed to parse int from ${expr}: ${(e as Error).message}`);
  }
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): number {
  if (names) {
    const named = names[expr.toLowerCase()];
    if (named !== undefined && Object.hasOwn(names, expr.toLowerCase())) return named;
  }
  return mustParseInt(expr);
}

function checkRange(expr: string, r: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) {
    step = 1;
  } else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    if (singleDigit) end = r.max;
  } else {
    throw new CronError(`too many slashes: ${expr}`);
  }
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
}

function checkField(field: string, r: Bounds): void {
  // Go's strings.FieldsFunc drops empty pieces.
  for (const expr of field.split(',')) if (expr !== '') checkRange(expr, r);
}

// Go's unicode.IsSpace, which strings.Fields splits on.
const goSpace = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

function goFields(s: string): string[] {
  return s.split(goSpace).filter((f) => f !== '');
}

/** Go's largest Duration (2^63-1 ns), as a float. */
const maxDurationNanos = 2 ** 63;

const durationUnits: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, returning its error text or undefined. */
export function goParseDurationError(s: string): string | undefined {
  const orig = s;
  const bad = `time: invalid duration ${goQuote(orig)}`;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return undefined;
  if (s === '') return bad;
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*)(\.([0-9]*))?/.exec(s)!;
    const whole = m[1] ?? '';
    const frac = m[3];
    if (whole === '' && (frac === undefined || frac === '')) return bad;
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (u === '') return `time: missing unit in duration ${goQuote(orig)}`;
    const unit = durationUnits[u];
    if (unit === undefined) return `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`;
    s = s.slice(u.length);
    total += Number(`${whole || '0'}.${frac ?? '0'}`) * unit;
    if (total > maxDurationNanos) return bad;
  }
  return undefined;
}

const descriptors = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/**
 * Go's time.LoadLocation as the apiserver sees it: the error text, or undefined when the
 * zone loads. The host's IANA data (through Intl) stands in for Go's zoneinfo files, which
 * are looked up case-sensitively.
 */
export function loadLocationError(name: string): string | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return undefined;
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) return 'time: invalid location name';
  // Intl also takes UTC offsets such as "+05:30"; Go's zoneinfo has no such names.
  if (/^[+-][0-9]/.test(name)) return `unknown time zone ${name}`;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return `unknown time zone ${name}`;
  }
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return `unknown time zone ${name}`;
  return undefined;
}

/**
 * Parses a schedule as robfig/cron's ParseStandard; returns the parser's error text, or
 * undefined when the schedule is valid.
 */
export function cronScheduleError(spec: string): string | undefined {
  try {
    checkSchedule(spec);
    return undefined;
  } catch (e) {
    if (e instanceof CronError) return e.message;
    throw e;
  }
}

function checkSchedule(spec: string): void {
  if (spec.length === 0) throw new CronError('empty spec string');
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    // Upstream's parser does not guard a prefix with no space after it; report the location.
    const loc = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    const err = loadLocationError(loc);
    if (err !== undefined) throw new CronError(`provided bad location ${loc}: ${err}`);
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    if (descriptors.has(spec)) return;
    const every = '@every ';
    if (spec.startsWith(every)) {
      const err = goParseDurationError(spec.slice(every.length));
      if (err !== undefined) throw new CronError(`failed to parse duration ${spec}: ${err}`);
      return;
    }
    throw new CronError(`unrecognized descriptor: ${spec}`);
  }
  const fields = goFields(spec);
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: ${goSliceV(fields)}`);
  const all = ['0', ...fields];
  all.forEach((f, i) => checkField(f, fieldBounds[i]!));
}
