// CronJob schedules (upstream robfig/cron ParseStandard and cronjob/utils.go): when
// the next run is, and which scheduled time a CronJob has missed most recently. The
// API server has already validated the grammar; the `croner` package computes the
// times (five fields, names, `@hourly`-style descriptors, day of month OR day of week
// as Vixie cron), in spec.timeZone or else the process's zone; `@every <duration>` is
// a constant interval, as robfig's.
import { Cron } from 'croner';
import { parseDuration } from '../../apimachinery/duration.ts';

export interface Schedule {
  /** The first activation strictly after `t` (ms), or undefined if none ever comes. */
  next(t: number): number | undefined;
}

class CronSchedule implements Schedule {
  private readonly cron: Cron;

  constructor(pattern: string, timezone: string | undefined) {
    this.cron = new Cron(pattern, { paused: true, mode: '5-part', ...(timezone ? { timezone } : {}) });
  }

  next(t: number): number | undefined {
    return this.cron.nextRun(new Date(t))?.getTime();
  }
}

/** robfig's ConstantDelaySchedule: every `delay` (at least a second), on whole seconds. */
class EverySchedule implements Schedule {
  private readonly delayMs: number;

  constructor(delayMs: number) {
    this.delayMs = Math.max(1000, delayMs - (delayMs % 1000));
  }

  next(t: number): number {
    return t + this.delayMs - (t % 1000);
  }
}

/** Whether a time zone name is known (Go's time.LoadLocation). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a schedule with an optional `TZ=`/`CRON_TZ=` prefix (what the controller
 * makes of spec.timeZone); throws with a message when it cannot be parsed.
 */
export function parseSchedule(spec: string, timeZone?: string): Schedule {
  let text = spec.trim();
  let zone = timeZone;
  const prefix = /^(?:CRON_)?TZ=(\S+)\s+/.exec(text);
  if (prefix) {
    zone = prefix[1]!;
    text = text.slice(prefix[0].length).trim();
  }
  if (zone !== undefined && !isValidTimeZone(zone)) throw new Error(`provided bad location ${zone}: unknown time zone ${zone}`);
  if (text.startsWith('@every ')) {
    let ns: bigint;
    try {
      ns = parseDuration(text.slice('@every '.length).trim());
    } catch {
      throw new Error(`failed to parse duration ${text}`);
    }
    return new EverySchedule(Number(ns / 1_000_000n));
  }
  try {
    return new CronSchedule(text, zone === 'Local' ? undefined : zone);
  } catch (error) {
    throw new Error((error as Error).message, { cause: error });
  }
}

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  /** Where counting started: the last schedule time, the creation time, or the starting deadline. */
  readonly earliest: number;
  /** The latest activation in (earliest, now], if any. */
  readonly mostRecent: number | undefined;
  readonly missed: Missed;
  /** About how many activations were missed (upstream's estimate). */
  readonly count: number;
}

/**
 * Upstream mostRecentScheduleTime: the latest scheduled time that has come since the
 * CronJob last ran (or was created), not counting times before startingDeadlineSeconds
 * when `withDeadline`. More than 100 missed times is "many".
 */
export function mostRecentScheduleTime(
  cronJob: { creationTimestamp: number; lastScheduleTime: number | undefined; startingDeadlineSeconds: number | undefined },
  now: number,
  schedule: Schedule,
  withDeadline: boolean,
): MostRecent {
  let earliest = cronJob.lastScheduleTime ?? cronJob.creationTimestamp;
  if (withDeadline && cronJob.startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - cronJob.startingDeadlineSeconds * 1000);
  const t1 = schedule.next(earliest);
  if (t1 === undefined || now < t1) return { earliest, mostRecent: undefined, missed: 'none', count: 0 };
  const t2 = schedule.next(t1);
  if (t2 === undefined || now < t2) return { earliest, mostRecent: t1, missed: 'none', count: 0 };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) throw new Error('time difference between two schedules is less than 1 second');
  const elapsed = Math.floor((now - t1) / 1000);
  const missedCount = Math.floor(elapsed / between) + 1;
  // Jump close to now and walk the last few activations (irregular schedules included).
  let mostRecent: number | undefined;
  for (let t = schedule.next(t1 + (missedCount - 2) * between * 1000); t !== undefined && t <= now; t = schedule.next(t)) mostRecent = t;
  const missed: Missed = missedCount > 100 ? 'many' : 'few';
  return { earliest, mostRecent, missed, count: missedCount };
}

/** Upstream nextScheduleTimeDuration: how long until the next activation, plus 100 ms. */
export function nextScheduleDelay(
  cronJob: { creationTimestamp: number; lastScheduleTime: number | undefined; startingDeadlineSeconds: number | undefined },
  now: number,
  schedule: Schedule,
): number | undefined {
  let recent: MostRecent;
  try {
    recent = mostRecentScheduleTime(cronJob, now, schedule, false);
  } catch {
    return undefined;
  }
  const from = recent.mostRecent ?? (recent.missed === 'none' ? recent.earliest : now);
  const next = schedule.next(from);
  return next === undefined ? undefined : next + 100 - now;
}
