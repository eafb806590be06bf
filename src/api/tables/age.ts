/**
 * Human-readable durations and ages, as kube-apiserver prints them in Table cells
 * (apimachinery's `duration.HumanDuration` and the printers' `translateTimestampSince`).
 *
 * About two significant figures: "45s", "119s", "2m", "5m30s", "15m", "3h7m",
 * "20h", "2d3h", "90d", "2y100d", "10y". Slightly negative durations (clock skew up
 * to two seconds) print "0s"; more negative ones "<invalid>"; a missing timestamp
 * "<unknown>".
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The milliseconds of Go's zero `time.Time` (0001-01-01T00:00:00Z), which metav1 treats as unset. */
const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

/** Truncating integer division, as Go's `int(a / b)` on durations. */
function div(a: number, b: number): number {
  return Math.trunc(a / b);
}

/** A duration in milliseconds, in upstream's short human form. */
export function humanDuration(ms: number): string {
  const seconds = div(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = div(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = div(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${div(hours, 24)}d` : `${div(hours, 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${div(hours, 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = div(hours, 24) % 365;
    const years = div(hours, 24 * 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${div(hours, 24 * 365)}y`;
}

/**
 * A JSON timestamp (metav1.Time or MicroTime: RFC 3339 text) as epoch milliseconds;
 * undefined when absent, null, unparsable, or Go's zero time.
 */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms === GO_ZERO_TIME) return undefined;
  return ms;
}

/** How long ago `timestamp` was at `now` ("5m"), or "<unknown>" when it is unset. */
export function translateTimestampSince(timestamp: unknown, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

/** How long until `timestamp` from `now`, or "<unknown>" when it is unset. */
export function translateTimestampUntil(timestamp: unknown, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(t - now);
}

/**
 * A timestamp as metav1.Time prints it in JSON: RFC 3339 in UTC, whole seconds
 * ("2024-05-01T10:00:00Z"); Go's zero time when unset.
 */
export function formatRFC3339(timestamp: unknown): string {
  const t = parseTime(timestamp);
  if (t === undefined) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(t / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}
