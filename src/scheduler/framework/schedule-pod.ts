/**
 * One scheduling decision (upstream schedulePod in schedule_one.go): PreFilter, then Filter
 * over the nodes from a rotating start index until enough feasible nodes are found
 * (percentageOfNodesToScore), then PreScore, Score and selectHost. Synchronous and free of
 * I/O: the caller assumes, binds and reports.
 */
import type { CycleState } from './cycle-state.ts';
import { type Diagnosis, FitError } from './fit-error.ts';
import type { Framework } from './framework.ts';
import { type NodeInfoLister, NodeToStatus } from './interfaces.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { Status } from './status.ts';

export const minFeasibleNodesToFind = 100;
export const minFeasibleNodesPercentageToFind = 5;
export const basePercentageOfNodesToScore = 50;

/**
 * How many feasible nodes to look for among `numAllNodes` (upstream numFeasibleNodesToFind):
 * all of them below 100 nodes; else `percentage`% (adaptive `50 - nodes/125`, at least 5%
 * when 0), and never fewer than 100.
 */
export function numFeasibleNodesToFind(percentage: number, numAllNodes: number): number {
  if (numAllNodes < minFeasibleNodesToFind) return numAllNodes;
  let pct = percentage;
  if (pct <= 0) {
    pct = basePercentageOfNodesToScore - Math.trunc(numAllNodes / 125);
    if (pct < minFeasibleNodesPercentageToFind) pct = minFeasibleNodesPercentageToFind;
  }
  if (pct >= 100) return numAllNodes;
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < minFeasibleNodesToFind ? minFeasibleNodesToFind : n;
}

/**
 * The index of the highest total, ties broken uniformly at random (upstream selectHost).
 * Upstream samples a reservoir, one random number per tie; counting the ties and drawing
 * once gives the same uniform choice for one call instead of hundreds when nodes are alike.
 * Counted from the end, so that `random` 0 picks the last tie as the reservoir would.
 * -1 for an empty list.
 */
export function selectHost(totals: Float64Array, random: () => number): number {
  if (totals.length === 0) return -1;
  let max = totals[0]!;
  let best = 0;
  let ties = 1;
  for (let i = 1; i < totals.length; i++) {
    const t = totals[i]!;
    if (t > max) {
      max = t;
      best = i;
      ties = 1;
    } else if (t === max) ties++;
  }
  if (ties === 1) return best;
  let pick = Math.min(ties - 1, Math.floor(random() * ties));
  let i = totals.length - 1;
  for (; i > 0; i--) if (totals[i] === max && pick-- === 0) break;
  return i;
}

export type ScheduleDecision =
  | { kind: 'scheduled'; nodeName: string; evaluatedNodes: number; feasibleNodes: number }
  | { kind: 'unfit'; fitError: FitError }
  | { kind: 'error'; status: Status };

/** The scheduling algorithm over one framework; remembers where the last search stopped. */
export class ScheduleAlgorithm {
  readonly framework: Framework;
  /** Where the next filter pass starts, so that nodes are searched round-robin. */
  nextStartNodeIndex = 0;

  constructor(framework: Framework) {
    this.framework = framework;
  }

  /** Picks a node for `pod` in `snapshot`, or says why none fits. */
  schedulePod(state: CycleState, pod: PodInfo, snapshot: NodeInfoLister): ScheduleDecision {
    const all = snapshot.nodeInfoList;
    if (all.length === 0) return { kind: 'error', status: new Status('Error', ['no nodes available to schedule pods']) };
    const found = this.findNodesThatFitPod(state, pod, snapshot);
    if (found instanceof Status) return { kind: 'error', status: found };
    const { feasible, diagnosis } = found;
    if (feasible.length === 0) return { kind: 'unfit', fitError: new FitError(all.length, diagnosis) };
    const evaluatedNodes = feasible.length + diagnosis.nodeToStatus.statuses.size;
    if (feasible.length === 1) return { kind: 'scheduled', nodeName: feasible[0]!.name, evaluatedNodes, feasibleNodes: 1 };
    const totals = this.prioritizeNodes(state, pod, feasible);
    if (totals instanceof Status) return { kind: 'error', status: totals };
    const best = selectHost(totals, this.framework.random);
    return { kind: 'scheduled', nodeName: feasible[best]!.name, evaluatedNodes, feasibleNodes: feasible.length };
  }

  /** PreFilter and Filter (upstream findNodesThatFitPod). */
  findNodesThatFitPod(state: CycleState, pod: PodInfo, snapshot: NodeInfoLister): { feasible: NodeInfo[]; diagnosis: Diagnosis } | Status {
    const fwk = this.framework;
    const all = snapshot.nodeInfoList;
    const diagnosis: Diagnosis = {
      nodeToStatus: new NodeToStatus(new Status('UnschedulableAndUnresolvable')),
      unschedulablePlugins: new Set(),
      preFilterMsg: '',
      postFilterMsg: '',
    };
    const pre = fwk.runPreFilterPlugins(state, pod, all);
    if (pre.status) {
      if (!pre.status.isRejected()) return pre.status;
      diagnosis.nodeToStatus.absent = pre.status;
      diagnosis.preFilterMsg = pre.status.message();
      if (pre.status.plugin) diagnosis.unschedulablePlugins.add(pre.status.plugin);
      else for (const p of pre.narrowedBy) diagnosis.unschedulablePlugins.add(p);
      return { feasible: [], diagnosis };
    }

    // A pod nominated by an earlier preemption tries its nominated node first.
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      const ni = snapshot.get(nominated);
      if (ni && (!pre.result || pre.result.nodeNames.has(nominated))) {
        const s = fwk.runFilterPluginsWithNominatedPods(state, pod, ni);
        if (!s) return { feasible: [ni], diagnosis };
        if (!s.isRejected()) return s;
      }
    }

    let nodes: readonly NodeInfo[] = all;
    if (pre.result) {
      const narrowed: NodeInfo[] = [];
      for (const name of pre.result.nodeNames) {
        const ni = snapshot.get(name);
        if (ni?.node) narrowed.push(ni);
      }
      nodes = narrowed;
      diagnosis.nodeToStatus.absent = new Status('UnschedulableAndUnresolvable', [`node(s) didn't satisfy plugin(s) [${pre.narrowedBy.join(' ')}]`]);
      for (const p of pre.narrowedBy) diagnosis.unschedulablePlugins.add(p);
    }
    const feasible = this.findNodesThatPassFilters(state, pod, diagnosis, nodes);
    if (feasible instanceof Status) return feasible;
    return { feasible, diagnosis };
  }

  private findNodesThatPassFilters(state: CycleState, pod: PodInfo, diagnosis: Diagnosis, nodes: readonly NodeInfo[]): NodeInfo[] | Status {
    const fwk = this.framework;
    const numAll = nodes.length;
    const toFind = numFeasibleNodesToFind(fwk.percentageOfNodesToScore, numAll);
    if (numAll === 0) return [];
    // Sized up front: growing by push copied the list several times per pod.
    const feasible = new Array<NodeInfo>(toFind);
    let found = 0;
    const start = this.nextStartNodeIndex % numAll;
    let processed = 0;
    for (let k = 0; k < numAll && found < toFind; k++) {
      let i = start + k;
      if (i >= numAll) i -= numAll;
      const ni = nodes[i]!;
      processed++;
      const s = fwk.runFilterPluginsWithNominatedPods(state, pod, ni);
      if (!s) {
        feasible[found++] = ni;
        continue;
      }
      if (!s.isRejected()) return s;
      diagnosis.nodeToStatus.set(ni.name, s);
      if (s.plugin) diagnosis.unschedulablePlugins.add(s.plugin);
    }
    this.nextStartNodeIndex = (start + processed) % numAll;
    feasible.length = found;
    return feasible;
  }

  /** PreScore and Score: the weighted totals parallel to `nodes`. */
  prioritizeNodes(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Float64Array | Status {
    const fwk = this.framework;
    if (fwk.scorePlugins.length === 0) return new Float64Array(nodes.length).fill(1);
    const s = fwk.runPreScorePlugins(state, pod, nodes);
    if (s) return s;
    return fwk.runScorePlugins(state, pod, nodes);
  }
}
