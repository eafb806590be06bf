import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRFC3339, humanDuration, parseTime, translateTimestampSince, translateTimestampUntil } from './age.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const NOW = Date.parse('2025-06-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('humanDuration', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [5 * m + 30 * s, '5m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [100 * m, '100m'],
    [179 * m + 59 * s, '179m'],
    [3 * h, '3h'],
    [3 * h + 7 * m + 20 * s, '3h7m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h + 15 * m, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d + 5 * h, '8d'],
    [90 * d, '90d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [2 * 365 * d + 100 * d, '2y100d'],
    [8 * 365 * d, '8y'],
    [10 * 365 * d, '10y'],
    // Clock skew: up to two seconds in the future still reads as "0s".
    [-1 * s, '0s'],
    [-1999, '0s'],
    [-2 * s, '<invalid>'],
    [-2100, '<invalid>'],
  ];
  for (const [ms, want] of cases) {
    it(`${ms} ms -> ${want}`, () => assert.equal(humanDuration(ms), want));
  }
});

describe('translateTimestampSince (upstream TestTranslateTimestampSince)', () => {
  const cases: [string, unknown, string][] = [
    ['a while from now', iso(NOW + 3 * s), '<invalid>'],
    ['almost now', iso(NOW + 1 * s), '0s'],
    ['now', iso(NOW), '0s'],
    ['unknown (absent)', undefined, '<unknown>'],
    ['unknown (null)', null, '<unknown>'],
    ['unknown (Go zero time)', '0001-01-01T00:00:00Z', '<unknown>'],
    ['30 seconds ago', iso(NOW - 30 * s), '30s'],
    ['5 minutes ago', iso(NOW - 5 * m), '5m'],
    ['an hour ago (100 minutes)', iso(NOW - 100 * m), '100m'],
    ['2 days ago', iso(NOW - 2 * d), '2d'],
    ['months ago', iso(NOW - 90 * d), '90d'],
    ['10 years ago', iso(NOW - 10 * 365 * d), '10y'],
    ['micro time', '2025-06-01T11:59:15.123456Z', '44s'],
  ];
  for (const [name, ts, want] of cases) {
    it(name, () => assert.equal(translateTimestampSince(ts, NOW), want));
  }
});

describe('translateTimestampUntil', () => {
  it('counts forward', () => {
    assert.equal(translateTimestampUntil(iso(NOW + 5 * m), NOW), '5m');
    assert.equal(translateTimestampUntil(iso(NOW - 3 * s), NOW), '<invalid>');
    assert.equal(translateTimestampUntil(undefined, NOW), '<unknown>');
  });
});

describe('parseTime and formatRFC3339', () => {
  it('parses RFC 3339 and rejects junk', () => {
    assert.equal(parseTime('2025-06-01T12:00:00Z'), NOW);
    assert.equal(parseTime('not a time'), undefined);
    assert.equal(parseTime(''), undefined);
    assert.equal(parseTime(42), undefined);
  });
  it('formats whole seconds in UTC, Go zero time when unset', () => {
    assert.equal(formatRFC3339('2025-06-01T14:00:00+02:00'), '2025-06-01T12:00:00Z');
    assert.equal(formatRFC3339('2025-06-01T12:00:00.987Z'), '2025-06-01T12:00:00Z');
    assert.equal(formatRFC3339(undefined), '0001-01-01T00:00:00Z');
  });
});
