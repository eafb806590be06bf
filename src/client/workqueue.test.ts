import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../apimachinery/clock.ts';
import { BucketRateLimiter, ItemExponentialRateLimiter, runWorkers, WorkQueue } from './workqueue.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('WorkQueue', () => {
  it('queues a key once however often it is added, in first-added order', async () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    for (const key of ['a', 'b', 'a', 'c', 'b']) queue.add(key);
    assert.equal(queue.length, 3);
    assert.deepEqual([await queue.get(), await queue.get(), await queue.get()], ['a', 'b', 'c']);
  });

  it('never hands a key being processed to a second worker; re-adds it when done', async () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    queue.add('a');
    const first = await queue.get();
    queue.add('a');
    assert.equal(queue.length, 0, 'a dirty key waits while it is processed');
    let second: string | undefined;
    void queue.get().then((key) => (second = key));
    await tick();
    assert.equal(second, undefined);
    queue.done(first!);
    await tick();
    assert.equal(second, 'a');
  });

  it('wakes a waiting worker when a key arrives', async () => {
    const queue = new WorkQueue({ clock: new FakeClock() });
    const got = queue.get();
    queue.add('x');
    assert.equal(await got, 'x');
  });

  it('adds after a delay on the clock; the earlier of two delays wins', async () => {
    const clock = new FakeClock();
    const queue = new WorkQueue({ clock });
    queue.addAfter('a', 1000);
    queue.addAfter('a', 5000);
    queue.addAfter('a', 500);
    clock.advance(499);
    assert.equal(queue.length, 0);
    clock.advance(1);
    assert.equal(queue.length, 1);
    clock.advance(10_000);
    assert.equal(queue.length, 1, 'the replaced delays do not fire');
    assert.equal(clock.pendingTimers, 0);
  });

  it('backs a failing key off exponentially until forgotten', () => {
    const limiter = new ItemExponentialRateLimiter(5, 1000);
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map(() => limiter.when('k')), [5, 10, 20, 40, 80, 160, 320, 640]);
    assert.equal(limiter.when('k'), 1000, 'capped');
    assert.equal(limiter.when('other'), 5, 'per key');
    limiter.forget('k');
    assert.equal(limiter.when('k'), 5);
  });

  it('limits all keys together with a token bucket', () => {
    const clock = new FakeClock();
    const bucket = new BucketRateLimiter(10, 3, clock);
    assert.deepEqual([bucket.when(), bucket.when(), bucket.when()], [0, 0, 0]);
    assert.equal(Math.round(bucket.when()), 100, 'the fourth waits for one token at 10/s');
    clock.advance(1000);
    assert.equal(bucket.when(), 0);
  });

  it('shutDown releases waiting workers and drops pending delays', async () => {
    const clock = new FakeClock();
    const queue = new WorkQueue({ clock });
    queue.addAfter('later', 1000);
    const waiting = queue.get();
    queue.shutDown();
    assert.equal(await waiting, undefined);
    assert.equal(clock.pendingTimers, 0);
    queue.add('ignored');
    assert.equal(await queue.get(), undefined);
  });

  it('runWorkers retries failures with backoff and forgets successes', async () => {
    const clock = new FakeClock();
    const queue = new WorkQueue({ clock, rateLimiter: new ItemExponentialRateLimiter(100, 1000) });
    const attempts: string[] = [];
    const running = runWorkers(queue, 2, async (key) => {
      attempts.push(key);
      if (key === 'bad' && attempts.filter((k) => k === 'bad').length < 3) throw new Error('not yet');
    });
    queue.add('bad');
    queue.add('good');
    await tick();
    assert.deepEqual(attempts.sort(), ['bad', 'good']);
    assert.equal(queue.retries('bad'), 1);
    clock.advance(100);
    await tick();
    clock.advance(200);
    await tick();
    assert.equal(attempts.filter((k) => k === 'bad').length, 3);
    assert.equal(queue.retries('bad'), 0, 'forgotten after it succeeded');
    queue.shutDown();
    await running;
  });
});
