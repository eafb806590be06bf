import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jobNameFor, formatInZone, rfc1123z } from './cronjob-controller.ts';
import { mostRecentScheduleTime, nextScheduleDelay, parseSchedule } from './schedule.ts';

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('cron schedules', () => {
  it('computes the next activation of standard schedules, descriptors and @every', () => {
    const from = at('2026-01-01T00:07:33Z');
    assert.equal(iso(parseSchedule('0,15,30,45 * * * *', 'UTC').next(from)), '2026-01-01T00:15:00.000Z');
    assert.equal(iso(parseSchedule('@hourly', 'UTC').next(from)), '2026-01-01T01:00:00.000Z');
    assert.equal(iso(parseSchedule('*/1 * * * *', 'UTC').next(from)), '2026-01-01T00:08:00.000Z');
    assert.equal(iso(parseSchedule('@every 90s').next(from)), '2026-01-01T00:09:03.000Z');
    // Day of month OR day of week when both are restricted (Jan 1st 2026 is a Thursday).
    assert.equal(iso(parseSchedule('0 0 2 * 1', 'UTC').next(from)), '2026-01-02T00:00:00.000Z');
    assert.equal(iso(parseSchedule('0 0 * * 1', 'UTC').next(from)), '2026-01-05T00:00:00.000Z');
  });

  it('reads the schedule in spec.timeZone or a TZ= prefix', () => {
    const from = at('2026-01-01T00:00:00Z');
    assert.equal(iso(parseSchedule('0 9 * * *', 'America/New_York').next(from)), '2026-01-01T14:00:00.000Z');
    assert.equal(iso(parseSchedule('TZ=Europe/Paris 0 9 * * *').next(from)), '2026-01-01T08:00:00.000Z');
    assert.throws(() => parseSchedule('0 9 * * *', 'Mars/Olympus'), /unknown time zone Mars\/Olympus/);
  });

  it('finds the most recent missed time since the last run, within the starting deadline', () => {
    const every5 = parseSchedule('*/5 * * * *', 'UTC');
    const created = at('2026-01-01T00:01:00Z');
    const cj = { creationTimestamp: created, lastScheduleTime: undefined, startingDeadlineSeconds: undefined };
    assert.deepEqual(mostRecentScheduleTime(cj, at('2026-01-01T00:04:00Z'), every5, true), { earliest: created, mostRecent: undefined, missed: 'none', count: 0 });
    assert.equal(iso(mostRecentScheduleTime(cj, at('2026-01-01T00:06:00Z'), every5, true).mostRecent), '2026-01-01T00:05:00.000Z');
    const late = mostRecentScheduleTime(cj, at('2026-01-01T00:31:00Z'), every5, true);
    assert.equal(iso(late.mostRecent), '2026-01-01T00:30:00.000Z');
    assert.equal(late.missed, 'few');
    const ran = { ...cj, lastScheduleTime: at('2026-01-01T00:30:00Z') };
    assert.equal(mostRecentScheduleTime(ran, at('2026-01-01T00:34:00Z'), every5, true).mostRecent, undefined);
    // A deadline of 60 s hides a time missed 2 minutes ago.
    const deadline = { ...cj, startingDeadlineSeconds: 60 };
    assert.equal(mostRecentScheduleTime(deadline, at('2026-01-01T00:07:00Z'), every5, true).mostRecent, undefined);
    assert.equal(iso(mostRecentScheduleTime(deadline, at('2026-01-01T00:07:00Z'), every5, false).mostRecent), '2026-01-01T00:05:00.000Z');
    const decades = mostRecentScheduleTime(cj, at('2026-03-01T00:00:00Z'), every5, true);
    assert.equal(decades.missed, 'many');
    assert.equal(iso(decades.mostRecent), '2026-03-01T00:00:00.000Z');
  });

  it('waits until the next activation plus 100 ms', () => {
    const every5 = parseSchedule('*/5 * * * *', 'UTC');
    const cj = { creationTimestamp: at('2026-01-01T00:01:00Z'), lastScheduleTime: at('2026-01-01T00:05:00Z'), startingDeadlineSeconds: undefined };
    assert.equal(nextScheduleDelay(cj, at('2026-01-01T00:06:00Z'), every5), 4 * 60_000 + 100);
  });

  it('names Jobs by the scheduled minute and stamps the time in the zone', () => {
    assert.equal(jobNameFor('hello', at('2026-01-01T00:15:00Z')), `hello-${at('2026-01-01T00:15:00Z') / 60_000}`);
    assert.equal(formatInZone(at('2026-01-01T00:15:00Z'), undefined), '2026-01-01T00:15:00Z');
    assert.equal(formatInZone(at('2026-01-01T00:15:00Z'), 'Europe/Paris'), '2026-01-01T01:15:00+01:00');
    assert.equal(rfc1123z(at('2026-01-01T00:15:00Z')), 'Thu, 01 Jan 2026 00:15:00 +0000');
  });
});
