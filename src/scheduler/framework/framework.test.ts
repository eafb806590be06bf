import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../apimachinery/clock.ts';
import { SchedulerCore } from '../scheduler-core.ts';
import { makeNode, makePod } from '../testing/objects.ts';
import { CycleState } from './cycle-state.ts';
import { Framework } from './framework.ts';
import type { FilterPlugin, ScorePlugin } from './interfaces.ts';
import type { NodeInfo } from './node-info.ts';
import { podInfoOf } from './pod-info.ts';
import { numFeasibleNodesToFind, selectHost } from './schedule-pod.ts';
import { Status } from './status.ts';

describe('numFeasibleNodesToFind', () => {
  it('uses upstream adaptive percentages with a floor of 100 nodes', () => {
    assert.equal(numFeasibleNodesToFind(0, 50), 50);
    assert.equal(numFeasibleNodesToFind(0, 150), 100);
    assert.equal(numFeasibleNodesToFind(0, 1_000), 420);
    assert.equal(numFeasibleNodesToFind(0, 5_000), 500);
    assert.equal(numFeasibleNodesToFind(0, 10_000), 500);
    assert.equal(numFeasibleNodesToFind(30, 1_000), 300);
    assert.equal(numFeasibleNodesToFind(100, 1_000), 1_000);
  });
});

describe('selectHost', () => {
  it('picks the highest score and breaks ties with the random function', () => {
    assert.equal(selectHost(new Float64Array([1, 5, 3]), () => 0.99), 1);
    assert.equal(selectHost(new Float64Array([5, 5, 5]), () => 0), 2);
    assert.equal(selectHost(new Float64Array([5, 5, 5]), () => 0.99), 0);
    assert.equal(selectHost(new Float64Array([]), () => 0), -1);
  });

  it('chooses each tied node for an equal share of random numbers, and no other', () => {
    const totals = new Float64Array([9, 4, 9, 9, 1, 9]);
    const picks = [0, 0.25, 0.5, 0.75, 0.999].map((r) => selectHost(totals, () => r));
    assert.deepEqual(picks, [5, 3, 2, 0, 0]);
    const counts = new Map<number, number>();
    for (let k = 0; k < 400; k++) {
      const i = selectHost(totals, () => k / 400);
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    assert.deepEqual([...counts].sort((a, b) => a[0] - b[0]), [[0, 100], [2, 100], [3, 100], [5, 100]]);
  });
});

describe('Framework', () => {
  const nodes = Array.from({ length: 300 }, (_, i) => makeNode(`n${i}`));

  it('searches from a rotating start index and stops at enough feasible nodes', () => {
    const c = new SchedulerCore({ clock: new FakeClock(), random: () => 0 });
    for (const n of nodes) c.addNode(n);
    const r = c.schedule(makePod('p1'));
    assert.deepEqual(r.kind === 'scheduled' && [r.evaluatedNodes, r.feasibleNodes], [144, 144]);
    assert.equal(c.algorithm.nextStartNodeIndex, 144);
    c.schedule(makePod('p2'));
    assert.equal(c.algorithm.nextStartNodeIndex, 288);
  });

  it('weights and normalizes scores, skips filters after a PreFilter Skip, and names the failing plugin', () => {
    const calls: string[] = [];
    const onlyEven: FilterPlugin = {
      name: 'OnlyEven',
      filter: (_s, _p, ni: NodeInfo) => (Number(ni.name.slice(1)) % 2 === 0 ? null : new Status('Unschedulable', ['odd'])),
    };
    const skipped = {
      name: 'Skipped',
      preFilter: () => new Status('Skip'),
      filter: () => {
        calls.push('filter');
        return new Status('Unschedulable', ['never']);
      },
    };
    const byName: ScorePlugin = { name: 'ByName', score: (_s, _p, ni) => Number(ni.name.slice(1)) };
    const constant: ScorePlugin = {
      name: 'Constant',
      score: () => 7,
      normalizeScore: (_s, _p, _n, scores) => {
        scores.fill(1);
        return null;
      },
    };
    const fwk = new Framework({ plugins: [{ plugin: onlyEven }, { plugin: skipped }, { plugin: byName, weight: 2 }, { plugin: constant, weight: 3 }] });
    const state = new CycleState();
    const pod = podInfoOf(makePod('p'));
    const c = new SchedulerCore({ clock: new FakeClock(), plugins: () => [{ plugin: onlyEven }, { plugin: skipped }] });
    for (const n of nodes.slice(0, 4)) c.addNode(n);
    assert.equal(fwk.runPreFilterPlugins(state, pod, c.cache.nodeInfoList).status, null);
    assert.equal(fwk.runFilterPlugins(state, pod, c.cache.get('n0')!), null);
    assert.equal(fwk.runFilterPlugins(state, pod, c.cache.get('n1')!)?.plugin, 'OnlyEven');
    assert.deepEqual(calls, []);
    const totals = fwk.runScorePlugins(state, pod, [c.cache.get('n0')!, c.cache.get('n2')!]);
    assert.deepEqual([...(totals as Float64Array)], [3, 7]);
  });

  it('works out the plugins to run anew for each cycle state, and keeps them in clones', () => {
    const ran: string[] = [];
    const skipIfLabelled = {
      name: 'SkipIfLabelled',
      preFilter: (_s: CycleState, p: { labels: Record<string, string> }) => (p.labels.skip ? new Status('Skip') : null),
      filter: () => {
        ran.push('filter');
        return null;
      },
      preScore: (_s: CycleState, p: { labels: Record<string, string> }) => (p.labels.skip ? new Status('Skip') : null),
      score: () => {
        ran.push('score');
        return 1;
      },
    };
    const fwk = new Framework({ plugins: [{ plugin: skipIfLabelled }] });
    const cache = new SchedulerCore({ clock: new FakeClock() }).cache;
    cache.addNode(makeNode('a'));
    const node = cache.get('a')!;
    const cycle = (labels: Record<string, string>) => {
      const state = new CycleState();
      const pod = podInfoOf(makePod(`p-${ran.length}`, { labels }));
      fwk.runPreFilterPlugins(state, pod, [node]);
      fwk.runFilterPlugins(state, pod, node);
      fwk.runFilterPlugins(state.clone(), pod, node);
      fwk.runPreScorePlugins(state, pod, [node]);
      fwk.runScorePlugins(state, pod, [node]);
    };
    cycle({ skip: 'yes' });
    assert.deepEqual(ran, []);
    cycle({});
    assert.deepEqual(ran, ['filter', 'filter', 'score']);
    cycle({ skip: 'yes' });
    assert.deepEqual(ran, ['filter', 'filter', 'score']);
  });

  it('reports an invalid score as an error', () => {
    const bad: ScorePlugin = { name: 'Bad', score: () => 1000 };
    const c = new SchedulerCore({ clock: new FakeClock(), plugins: () => [{ plugin: bad }] });
    c.addNode(makeNode('a'));
    c.addNode(makeNode('b'));
    const r = c.schedule(makePod('p'));
    assert.equal(r.kind, 'error');
  });
});
