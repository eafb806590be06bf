import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cronScheduleError, goParseDurationError, loadLocationError } from './cron.ts';

describe('cronScheduleError (robfig/cron ParseStandard)', () => {
  const cases: [string, string | undefined][] = [
    ['* * * * *', undefined],
    ['*/15 0-6,18-23 1,15 jan-mar MON-FRI', undefined],
    ['0 0 ? * sun', undefined],
    ['5/10 * * * *', undefined],
    ['@yearly', undefined],
    ['@every 1h30m', undefined],
    ['CRON_TZ=Asia/Tokyo 0 9 * * *', undefined],
    ['', 'empty spec string'],
    ['bad', 'expected exactly 5 fields, found 1: [bad]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['-1 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['TZ=Nowhere/City 0 * * * *', 'provided bad location Nowhere/City: unknown time zone Nowhere/City'],
  ];
  for (const [spec, want] of cases) {
    it(JSON.stringify(spec), () => assert.equal(cronScheduleError(spec), want));
  }
});

describe('goParseDurationError', () => {
  it('accepts Go durations', () => {
    for (const d of ['0', '1s', '1.5h', '300ms', '-2m3s', '.5s', '1h2m3s4ms5us6ns', '10µs']) assert.equal(goParseDurationError(d), undefined, d);
  });
  it('rejects others with Go messages', () => {
    assert.equal(goParseDurationError(''), 'time: invalid duration ""');
    assert.equal(goParseDurationError('.'), 'time: invalid duration "."');
    assert.equal(goParseDurationError('1d'), 'time: unknown unit "d" in duration "1d"');
  });
});

describe('loadLocationError', () => {
  it('knows IANA zones, case-sensitively', () => {
    assert.equal(loadLocationError('Europe/Berlin'), undefined);
    assert.equal(loadLocationError('UTC'), undefined);
    assert.equal(loadLocationError('europe/berlin'), 'unknown time zone europe/berlin');
    assert.equal(loadLocationError('+05:30'), 'unknown time zone +05:30');
    assert.equal(loadLocationError('../etc/passwd'), 'time: invalid location name');
  });
});
