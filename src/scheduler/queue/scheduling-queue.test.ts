import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../apimachinery/clock.ts';
import type { ClusterEvent } from '../framework/interfaces.ts';
import { makePod } from '../testing/objects.ts';
import { type QueuedPodInfo, SchedulingQueue } from './scheduling-queue.ts';

const events = new Map<ClusterEvent, Set<string>>([
  ['NodeAdd', new Set(['NodeResourcesFit', 'TaintToleration'])],
  ['AssignedPodDelete', new Set(['NodeResourcesFit'])],
]);

const name = (i: QueuedPodInfo | undefined) => i?.pod.metadata?.name;

/** Pops what is ready now (the promise resolves within a microtask). */
async function popNow(q: SchedulingQueue): Promise<QueuedPodInfo | undefined> {
  let got: QueuedPodInfo | undefined | 'pending' = 'pending';
  void q.pop().then((i) => (got = i));
  await Promise.resolve();
  await Promise.resolve();
  if (got === 'pending') throw new Error('nothing ready');
  return got;
}

describe('SchedulingQueue', () => {
  it('pops by priority, then by arrival', async () => {
    const clock = new FakeClock();
    const q = new SchedulingQueue({ clock });
    q.add(makePod('low1', { priority: 1 }));
    clock.advance(1);
    q.add(makePod('high', { priority: 10 }));
    clock.advance(1);
    q.add(makePod('low2', { priority: 1 }));
    assert.deepEqual([name(await q.pop()), name(await q.pop()), name(await q.pop())], ['high', 'low1', 'low2']);
    q.close();
  });

  it('resolves a waiting pop when a pod arrives, and undefined after close', async () => {
    const q = new SchedulingQueue({ clock: new FakeClock() });
    const waiting = q.pop();
    q.add(makePod('p'));
    assert.equal(name(await waiting), 'p');
    const second = q.pop();
    q.close();
    assert.equal(await second, undefined);
    assert.equal(await q.pop(), undefined);
  });

  it('moves unschedulable pods on registered events only, through backoff', async () => {
    const clock = new FakeClock();
    const q = new SchedulingQueue({ clock, eventsToPlugins: events });
    q.add(makePod('p'));
    const info = (await q.pop())!;
    q.addUnschedulable(info, ['NodeResourcesFit']);
    assert.deepEqual(q.pendingCounts(), { active: 0, backoff: 0, unschedulable: 1 });
    q.moveAllToActiveOrBackoff('NodeDelete');
    assert.deepEqual(q.pendingCounts(), { active: 0, backoff: 0, unschedulable: 1 }, 'no registered plugin');
    q.moveAllToActiveOrBackoff('AssignedPodDelete');
    assert.deepEqual(q.pendingCounts(), { active: 0, backoff: 1, unschedulable: 0 }, 'still backing off (1 s)');
    clock.advance(999);
    assert.equal(q.pendingCounts().backoff, 1);
    clock.advance(1);
    assert.deepEqual(q.pendingCounts(), { active: 1, backoff: 0, unschedulable: 0 });
    assert.equal(clock.pendingTimers, 0);
    q.close();
  });

  it('doubles the backoff per attempt up to 10 s', async () => {
    const clock = new FakeClock();
    const q = new SchedulingQueue({ clock });
    q.add(makePod('p'));
    const durations: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const info = (await popNow(q))!;
      assert.equal(info.attempts, attempt);
      durations.push(q.backoffDuration(info));
      q.addUnschedulable(info, []);
      q.moveAllToActiveOrBackoff('NodeAdd');
      clock.advance(q.backoffDuration(info));
    }
    assert.deepEqual(durations, [1000, 2000, 4000, 8000, 10000, 10000]);
    q.close();
  });

  it('requeues a pod at once when an event came while it was in flight', async () => {
    const clock = new FakeClock();
    const q = new SchedulingQueue({ clock, eventsToPlugins: events });
    q.add(makePod('p'));
    const info = (await q.pop())!;
    q.moveAllToActiveOrBackoff('NodeAdd');
    q.addUnschedulable(info, ['NodeResourcesFit']);
    assert.deepEqual(q.pendingCounts(), { active: 0, backoff: 1, unschedulable: 0 });
    q.close();
    assert.equal(clock.pendingTimers, 0);
  });

  it('flushes pods unschedulable for 5 minutes, and leaks no timers', async () => {
    const clock = new FakeClock();
    const q = new SchedulingQueue({ clock, eventsToPlugins: events });
    q.add(makePod('p'));
    q.addUnschedulable((await q.pop())!, ['NodeResourcesFit']);
    assert.equal(clock.pendingTimers, 1);
    clock.advance(5 * 60_000 - 1);
    assert.equal(q.pendingCounts().unschedulable, 1);
    clock.advance(1);
    assert.deepEqual(q.pendingCounts(), { active: 1, backoff: 0, unschedulable: 0 });
    assert.equal(clock.pendingTimers, 0);
    q.add(makePod('q'));
    q.addUnschedulable((await q.pop())!, []);
    assert.equal(clock.pendingTimers, 1);
    q.close();
    assert.equal(clock.pendingTimers, 0);
  });

  it('updates and deletes pods wherever they are', async () => {
    const clock = new FakeClock();
    const q = new SchedulingQueue({ clock, eventsToPlugins: events });
    const p = makePod('p');
    q.add(p);
    const info = (await q.pop())!;
    q.addUnschedulable(info, ['NodeResourcesFit']);
    q.update(p, { ...p, metadata: { ...p.metadata, resourceVersion: '9' } });
    assert.equal(q.pendingCounts().unschedulable, 1, 'a status-only change does not move it');
    q.update(p, { ...p, metadata: { ...p.metadata, labels: { x: 'y' } } });
    assert.equal(q.pendingCounts().unschedulable, 0);
    q.delete(p);
    assert.deepEqual(q.pendingCounts(), { active: 0, backoff: 0, unschedulable: 0 });
    q.add(makePod('gone'));
    const flying = (await q.pop())!;
    q.delete(flying.pod);
    q.addUnschedulable(flying, []);
    assert.deepEqual(q.pendingCounts(), { active: 0, backoff: 0, unschedulable: 0 }, 'deleted in flight: not re-added');
    q.close();
    assert.equal(clock.pendingTimers, 0);
  });

  it('tracks nominated pods per node', () => {
    const q = new SchedulingQueue({ clock: new FakeClock() });
    const p = makePod('p', { priority: 5 });
    q.add({ ...p, status: { nominatedNodeName: 'n1' } });
    assert.deepEqual(q.nominatedPodsForNode('n1').map((i) => i.key), ['default/p']);
    q.addNominatedPod(p, 'n2');
    assert.deepEqual(q.nominatedPodsForNode('n1'), []);
    assert.equal(q.nominatedPodsForNode('n2').length, 1);
    q.delete(p);
    assert.deepEqual(q.nominatedPodsForNode('n2'), []);
    q.close();
  });
});
