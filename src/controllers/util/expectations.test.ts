import assert from 'node:assert/strict';
import { it } from 'node:test';
import { FakeClock } from '../../apimachinery/clock.ts';
import { Expectations } from './expectations.ts';

it('holds a controller back until its creations and deletions are observed, or for 5 minutes', () => {
  const clock = new FakeClock();
  const e = new Expectations(clock);
  assert.equal(e.satisfied('ns/rs'), true);
  e.expect('ns/rs', 2, ['uid-1']);
  assert.equal(e.satisfied('ns/rs'), false);
  e.creationObserved('ns/rs');
  e.creationFailed('ns/rs');
  assert.equal(e.satisfied('ns/rs'), false, 'one deletion still pending');
  e.deletionObserved('ns/rs', 'uid-other');
  assert.equal(e.satisfied('ns/rs'), false, 'an unexpected uid does not count');
  e.deletionObserved('ns/rs', 'uid-1');
  e.deletionObserved('ns/rs', 'uid-1');
  assert.equal(e.satisfied('ns/rs'), true);
  e.expect('ns/rs', 1);
  clock.advance(5 * 60_000 + 1);
  assert.equal(e.satisfied('ns/rs'), true, 'expectations lapse');
});
