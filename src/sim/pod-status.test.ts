import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod, PodCondition } from 'kubernetes-types/core/v1.d.ts';
import { FakeClock } from '../apimachinery/clock.ts';
import { rfc3339 } from '../apimachinery/time.ts';
import { imageID, isSubset, mergeConditions, simulatePodStatus, type PodContext } from './pod-status.ts';

const timing = { defaultRunMs: 1000, backoffBaseMs: 10_000, backoffMaxMs: 300_000 };

function pod(spec: Partial<NonNullable<Pod['spec']>> = {}, annotations: Record<string, string> = {}): Pod {
  return {
    metadata: { name: 'p', namespace: 'ns', uid: 'u-1', annotations },
    spec: { nodeName: 'hollow-node-0', containers: [{ name: 'c', image: 'nginx:1.27' }], ...spec },
  };
}

/** A pod started on the fake clock, and its status at the clock's time. */
function started(p: Pod) {
  const clock = new FakeClock();
  const startTime = clock.now();
  const ctx = (extra: Partial<PodContext> = {}): PodContext => ({ startTime, now: clock.now(), podIP: '10.42.0.2', hostIP: '192.0.2.1', ...extra });
  return { clock, startTime, at: (extra?: Partial<PodContext>) => simulatePodStatus(p, ctx(extra), timing) };
}

const condition = (conditions: PodCondition[] | undefined, type: string) => conditions?.find((c) => c.type === type);

describe('simulatePodStatus', () => {
  it('runs a restartPolicy Always pod forever, ready at once, with upstream conditions and IDs', () => {
    const { clock, startTime, at } = started(pod());
    const { status, nextChangeAt } = at();
    assert.equal(status.phase, 'Running');
    assert.equal(nextChangeAt, undefined);
    assert.equal(status.podIP, '10.42.0.2');
    assert.deepEqual(status.podIPs, [{ ip: '10.42.0.2' }]);
    assert.deepEqual(status.hostIPs, [{ ip: '192.0.2.1' }]);
    assert.equal(status.startTime, rfc3339(startTime));
    assert.deepEqual(status.conditions!.map((c) => [c.type, c.status]), [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ]);
    const [c] = status.containerStatuses!;
    assert.match(c!.containerID!, /^containerd:\/\/[0-9a-f]{64}$/);
    assert.match(c!.imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    assert.deepEqual([c!.ready, c!.started, c!.restartCount, c!.state?.running?.startedAt], [true, true, 0, rfc3339(startTime)]);
    clock.advance(3_600_000);
    assert.deepEqual(at().status, status, 'nothing changes with time');
  });

  it('honours readinessProbe.initialDelaySeconds', () => {
    const { clock, startTime, at } = started(pod({ containers: [{ name: 'c', image: 'nginx', readinessProbe: { initialDelaySeconds: 5, exec: { command: ['true'] } } }] }));
    let result = at();
    assert.equal(result.status.containerStatuses![0]!.ready, false);
    assert.deepEqual(condition(result.status.conditions, 'Ready'), { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c]', lastTransitionTime: rfc3339(startTime) });
    assert.equal(result.nextChangeAt, startTime + 5000);
    clock.advance(5000);
    result = at();
    assert.equal(result.status.containerStatuses![0]!.ready, true);
    assert.deepEqual(condition(result.status.conditions, 'Ready'), { type: 'Ready', status: 'True', lastTransitionTime: rfc3339(startTime + 5000) });
    assert.equal(result.nextChangeAt, undefined);
  });

  it('completes init containers first', () => {
    const { at, startTime } = started(pod({ initContainers: [{ name: 'init', image: 'busybox' }] }));
    const [init] = at().status.initContainerStatuses!;
    assert.deepEqual(init!.state?.terminated && { ...init!.state.terminated, containerID: undefined }, { exitCode: 0, reason: 'Completed', startedAt: rfc3339(startTime), finishedAt: rfc3339(startTime), containerID: undefined });
  });

  it('succeeds a restartPolicy Never pod after about a second', () => {
    const { clock, startTime, at } = started(pod({ restartPolicy: 'Never' }));
    assert.equal(at().status.phase, 'Running');
    assert.equal(at().nextChangeAt, startTime + 1000);
    clock.advance(1000);
    const { status, nextChangeAt } = at();
    assert.equal(status.phase, 'Succeeded');
    assert.equal(nextChangeAt, undefined);
    const terminated = status.containerStatuses![0]!.state!.terminated!;
    assert.deepEqual([terminated.exitCode, terminated.reason], [0, 'Completed']);
    assert.deepEqual(condition(status.conditions, 'Ready'), { type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: rfc3339(startTime + 1000) });
    assert.equal(condition(status.conditions, 'PodReadyToStartContainers')!.status, 'False');
  });

  it('runs as long as sim.kubets.io/run-seconds says', () => {
    const { clock, at } = started(pod({ restartPolicy: 'OnFailure' }, { 'sim.kubets.io/run-seconds': '5' }));
    clock.advance(4999);
    assert.equal(at().status.phase, 'Running');
    clock.advance(1);
    assert.equal(at().status.phase, 'Succeeded');
  });

  it('fails a restartPolicy Never pod with a non-zero exit code', () => {
    const { clock, at } = started(pod({ restartPolicy: 'Never' }, { 'sim.kubets.io/exit-code': '1' }));
    clock.advance(1000);
    const { status } = at();
    assert.equal(status.phase, 'Failed');
    assert.deepEqual([status.containerStatuses![0]!.state!.terminated!.exitCode, status.containerStatuses![0]!.state!.terminated!.reason], [1, 'Error']);
    assert.equal(condition(status.conditions, 'Ready')!.reason, 'PodFailed');
  });

  it('restarts a failing OnFailure container at once, then after a CrashLoopBackOff that doubles', () => {
    const { clock, startTime, at } = started(pod({ restartPolicy: 'OnFailure' }, { 'sim.kubets.io/exit-code': '1' }));
    clock.advance(1000);
    let c = at().status.containerStatuses![0]!;
    assert.equal(c.restartCount, 1);
    assert.ok(c.state?.running, 'the first restart is immediate');
    assert.equal(c.lastState?.terminated?.exitCode, 1);
    clock.advance(1000);
    const result = at();
    c = result.status.containerStatuses![0]!;
    assert.equal(result.status.phase, 'Running');
    assert.equal(c.restartCount, 1);
    assert.equal(c.state?.waiting?.reason, 'CrashLoopBackOff');
    assert.equal(c.state?.waiting?.message, 'back-off 10s restarting failed container=c pod=p_ns(u-1)');
    assert.equal(result.nextChangeAt, startTime + 12_000);
    clock.advance(10_000);
    c = at().status.containerStatuses![0]!;
    assert.deepEqual([c.restartCount, Boolean(c.state?.running)], [2, true]);
    clock.advance(1000);
    assert.equal(at().status.containerStatuses![0]!.state?.waiting?.message, 'back-off 20s restarting failed container=c pod=p_ns(u-1)');
    // The wait doubles up to 5 minutes: 10s, 20s, 40s, 1m20s, 2m40s, 5m0s, 5m0s...
    const waits: string[] = [];
    while (waits.length < 7) {
      const { nextChangeAt } = at();
      clock.advance(nextChangeAt! - clock.now());
      const message = at().status.containerStatuses![0]!.state?.waiting?.message;
      if (message) waits.push(message.split(' ')[1]!);
    }
    assert.deepEqual(waits, ['40s', '1m20s', '2m40s', '5m0s', '5m0s', '5m0s', '5m0s']);
  });

  it('terminates the containers of a deleted pod', () => {
    const { clock, at } = started(pod());
    clock.advance(2000);
    const { status } = at({ terminatingSince: clock.now() });
    assert.equal(status.phase, 'Succeeded');
    assert.equal(status.containerStatuses![0]!.state?.terminated?.reason, 'Completed');
    assert.equal(status.containerStatuses![0]!.ready, false);
  });
});

describe('helpers', () => {
  it('qualifies image IDs as containerd does', () => {
    assert.match(imageID('nginx:1.27'), /^docker\.io\/library\/nginx@sha256:/);
    assert.match(imageID('bitnami/redis'), /^docker\.io\/bitnami\/redis@sha256:/);
    assert.match(imageID('localhost:5000/app:v1'), /^localhost:5000\/app@sha256:/);
  });

  it('keeps transition times of unchanged conditions, and foreign conditions', () => {
    const now = Date.UTC(2026, 0, 1, 1);
    const desired = [{ type: 'Ready', status: 'True', lastTransitionTime: 'new' }];
    assert.deepEqual(mergeConditions(desired, [{ type: 'Ready', status: 'True', lastTransitionTime: 'old' }], now), [{ type: 'Ready', status: 'True', lastTransitionTime: 'old' }]);
    assert.deepEqual(mergeConditions(desired, [{ type: 'Ready', status: 'False', lastTransitionTime: 'old' }, { type: 'DisruptionTarget', status: 'True' }], now), [
      { type: 'Ready', status: 'True', lastTransitionTime: rfc3339(now) },
      { type: 'DisruptionTarget', status: 'True' },
    ]);
  });

  it('compares a wanted status with what the server holds', () => {
    assert.ok(isSubset({ a: 1, b: [{ c: 2 }], d: {} }, { a: 1, b: [{ c: 2, x: null }], e: 3 }));
    assert.ok(!isSubset({ b: [{ c: 2 }] }, { b: [{ c: 2 }, { c: 3 }] }));
    assert.ok(!isSubset({ a: 1 }, undefined));
  });
});
