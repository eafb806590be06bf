import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../apimachinery/clock.ts';
import { makeNode, makePod } from '../testing/objects.ts';
import { SchedulerCache } from './scheduler-cache.ts';

describe('SchedulerCache', () => {
  it('keeps NodeInfo aggregates incrementally', () => {
    const cache = new SchedulerCache({ clock: new FakeClock() });
    cache.addNode(makeNode('a'));
    const p = makePod('p', { cpu: '250m', memory: '1Gi', nodeName: 'a', hostPort: 80 });
    cache.addPod(p);
    const ni = cache.get('a')!;
    assert.equal(ni.requested.milliCPU, 250);
    assert.equal(ni.requested.memory, 1024 ** 3);
    assert.equal(ni.pods.length, 1);
    assert.equal(ni.usedPorts.conflicts({ ip: '0.0.0.0', protocol: 'TCP', port: 80 }), true);
    cache.updatePod(p, { ...p, spec: { ...p.spec!, containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1' } } }] } });
    assert.equal(ni.requested.milliCPU, 1000);
    assert.equal(ni.usedPorts.size, 0);
    cache.removePod(p);
    assert.equal(ni.requested.milliCPU, 0);
    assert.equal(ni.pods.length, 0);
  });

  it('assumes, confirms, forgets, and expires assumed pods after binding', () => {
    const clock = new FakeClock();
    const cache = new SchedulerCache({ clock, assumedPodTtlMs: 30_000 });
    cache.addNode(makeNode('a'));
    const p = makePod('p', { cpu: '1' });
    const assumed = cache.assume(p, 'a')!;
    assert.equal(assumed.spec?.nodeName, 'a');
    assert.equal(p.spec?.nodeName, undefined, 'the given pod is not changed');
    assert.equal(cache.get('a')!.requested.milliCPU, 1000);
    assert.equal(cache.isAssumed(p), true);
    assert.equal(cache.assume(p, 'a'), undefined, 'assuming twice fails');

    cache.forget(p);
    assert.equal(cache.get('a')!.requested.milliCPU, 0);

    cache.assume(p, 'a');
    cache.finishBinding(p);
    clock.advance(29_000);
    cache.snapshot();
    assert.equal(cache.get('a')!.pods.length, 1);
    clock.advance(2_000);
    cache.snapshot();
    assert.equal(cache.get('a')!.pods.length, 0, 'expired');

    // The informer's add confirms an assumed pod: it no longer expires.
    cache.assume(p, 'a');
    cache.finishBinding(p);
    cache.addPod({ ...p, spec: { ...p.spec!, nodeName: 'a' } });
    assert.equal(cache.isAssumed(p), false);
    clock.advance(60_000);
    cache.snapshot();
    assert.equal(cache.get('a')!.pods.length, 1);
  });

  it('moves a confirmed pod bound elsewhere, and keeps pods of a removed node until they go', () => {
    const cache = new SchedulerCache({ clock: new FakeClock() });
    cache.addNode(makeNode('a'));
    cache.addNode(makeNode('b'));
    const p = makePod('p', { cpu: '1' });
    cache.assume(p, 'a');
    cache.addPod({ ...p, spec: { ...p.spec!, nodeName: 'b' } });
    assert.equal(cache.get('a')!.pods.length, 0);
    assert.equal(cache.get('b')!.pods.length, 1);
    cache.removeNode(makeNode('b'));
    assert.deepEqual(cache.nodeInfoList.map((n) => n.name), ['a']);
    assert.equal(cache.get('b'), undefined);
    cache.addNode(makeNode('b'));
    assert.equal(cache.get('b')!.pods.length, 1, 'a re-added node still has its pods');
  });

  it('lists nodes with affinity pods', () => {
    const cache = new SchedulerCache({ clock: new FakeClock() });
    cache.addNode(makeNode('a'));
    cache.addNode(makeNode('b'));
    const anti = makePod('x', { nodeName: 'b', spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: {} }] } } } });
    cache.addPod(anti);
    assert.deepEqual(cache.havePodsWithAffinityList.map((n) => n.name), ['b']);
    assert.deepEqual(cache.havePodsWithRequiredAntiAffinityList.map((n) => n.name), ['b']);
    cache.removePod(anti);
    assert.deepEqual(cache.havePodsWithRequiredAntiAffinityList, []);
  });
});
