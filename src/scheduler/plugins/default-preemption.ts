/**
 * DefaultPreemption (upstream plugins/defaultpreemption and framework/preemption): when no
 * node fits, finds a node where evicting lower-priority pods makes the pod fit, and
 * returns that node (to nominate) with the fewest, least important victims. Deleting the
 * victims and setting nominatedNodeName is the caller's job. PodDisruptionBudgets are not
 * considered.
 */
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import type { CycleState } from '../framework/cycle-state.ts';
import { FitError } from '../framework/fit-error.ts';
import { type FrameworkHandle, NodeToStatus, type PostFilterPlugin, type PostFilterResult } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status } from '../framework/status.ts';

export const defaultPreemptionName = 'DefaultPreemption';
export const preemptionNotHelpful = 'Preemption is not helpful for scheduling';
export const noVictimsFound = 'No preemption victims found for incoming pod';

export interface DefaultPreemptionArgs {
  /** At least this percentage of nodes is dry-run for candidates (upstream default 10). */
  minCandidateNodesPercentage?: number;
  /** At least this many nodes (upstream default 100). */
  minCandidateNodesAbsolute?: number;
}

interface Candidate {
  nodeName: string;
  victims: PodInfo[];
}

const maxInt32 = 2147483647;

/** Whether `a` is more important than `b`: higher priority, then started earlier (upstream MoreImportantPod). */
export function moreImportant(a: PodInfo, b: PodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.startTime < b.startTime;
}

const terminating = (pod: Pod) => pod.metadata?.deletionTimestamp !== undefined;

export class DefaultPreemption implements PostFilterPlugin {
  readonly name = defaultPreemptionName;
  private readonly minPercentage: number;
  private readonly minAbsolute: number;

  constructor(args: DefaultPreemptionArgs = {}) {
    this.minPercentage = args.minCandidateNodesPercentage ?? 10;
    this.minAbsolute = args.minCandidateNodesAbsolute ?? 100;
  }

  postFilter(state: CycleState, pod: PodInfo, nodeToStatus: NodeToStatus, handle: FrameworkHandle): { result?: PostFilterResult; status: Status | null } {
    const notEligible = this.eligibility(pod, nodeToStatus, handle);
    // Upstream prefixes every message of this plugin, whichever way preemption failed.
    if (notEligible) return { status: new Status('Unschedulable', [`preemption: ${notEligible}`]) };

    const all = handle.snapshot.nodeInfoList;
    const statuses = new NodeToStatus(new Status('UnschedulableAndUnresolvable', [preemptionNotHelpful]));
    const potential: NodeInfo[] = [];
    for (const ni of all) {
      if (nodeToStatus.get(ni.name).code === 'UnschedulableAndUnresolvable') statuses.set(ni.name, statuses.absent);
      else potential.push(ni);
    }

    const candidates: Candidate[] = [];
    if (potential.length > 0) {
      const want = this.numCandidates(potential.length);
      const offset = Math.floor(handle.random() * potential.length);
      for (let i = 0; i < potential.length && candidates.length < want; i++) {
        const ni = potential[(offset + i) % potential.length]!;
        const r = this.selectVictimsOnNode(state, pod, ni, handle);
        if (r instanceof Status) {
          if (r.code === 'Error') return { status: r };
          statuses.set(ni.name, r);
        } else {
          candidates.push({ nodeName: ni.name, victims: r });
        }
      }
    }
    if (candidates.length === 0) {
      const fit = new FitError(all.length, { nodeToStatus: statuses, unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' });
      return { status: new Status('Unschedulable', [`preemption: ${fit.message()}`]) };
    }
    const best = pickOneNodeForPreemption(candidates);
    return { result: { nominatedNodeName: best.nodeName, victims: best.victims }, status: null };
  }

  /** Why the pod may not preempt, or '' when it may (upstream PodEligibleToPreemptOthers). */
  private eligibility(pod: PodInfo, nodeToStatus: NodeToStatus, handle: FrameworkHandle): string {
    if (pod.pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated && nodeToStatus.get(nominated).code !== 'UnschedulableAndUnresolvable') {
      const ni = handle.snapshot.get(nominated);
      if (ni?.pods.some((p) => p.priority < pod.priority && terminating(p.pod))) return 'not eligible due to a terminating pod on the nominated node.';
    }
    return '';
  }

  private numCandidates(numNodes: number): number {
    let n = Math.trunc((numNodes * this.minPercentage) / 100);
    if (n < this.minAbsolute) n = this.minAbsolute;
    return Math.min(n, numNodes);
  }

  /**
   * The fewest pods to evict from `node` for the pod to fit: remove every lower-priority
   * pod, check the fit, then add them back most important first while the pod still fits
   * (upstream SelectVictimsOnNode). Works on copies of the state and the node, made only
   * when the node has pods to consider (equal priorities everywhere, the common case,
   * then cost nothing).
   */
  private selectVictimsOnNode(cycleState: CycleState, pod: PodInfo, node: NodeInfo, handle: FrameworkHandle): PodInfo[] | Status {
    if (node.lowestPriority() >= pod.priority) return new Status('UnschedulableAndUnresolvable', [noVictimsFound]);
    const state = cycleState.clone();
    const nodeInfo = node.clone();
    const lower = nodeInfo.pods.filter((p) => p.priority < pod.priority);
    for (const v of lower) {
      nodeInfo.removePod(v);
      const s = handle.runPreFilterExtensionRemovePod(state, pod, v, nodeInfo);
      if (s) return s;
    }
    const fits = handle.runFilterPluginsWithNominatedPods(state, pod, nodeInfo);
    if (fits) return fits;
    lower.sort((a, b) => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0));
    const victims: PodInfo[] = [];
    for (const v of lower) {
      nodeInfo.addPod(v);
      const s = handle.runPreFilterExtensionAddPod(state, pod, v, nodeInfo);
      if (s) return s;
      if (handle.runFilterPluginsWithNominatedPods(state, pod, nodeInfo)) {
        nodeInfo.removePod(v);
        const r = handle.runPreFilterExtensionRemovePod(state, pod, v, nodeInfo);
        if (r) return r;
        victims.push(v);
      }
    }
    if (victims.length === 0) return new Status('Error', [`expected at least one victim pod on node "${nodeInfo.name}"`]);
    return victims;
  }
}

/**
 * Upstream's pickOneNodeForPreemption without PDBs: the lowest highest-victim priority,
 * then the lowest sum of priorities, then the fewest victims, then the latest start of the
 * highest-priority victims, then the first.
 */
export function pickOneNodeForPreemption(candidates: readonly Candidate[]): Candidate {
  const criteria: Array<(c: Candidate) => number> = [
    (c) => -(c.victims[0]?.priority ?? -maxInt32 - 1),
    (c) => -c.victims.reduce((sum, v) => sum + v.priority + maxInt32 + 1, 0),
    (c) => -c.victims.length,
    (c) => {
      const top = c.victims[0]?.priority;
      let earliest = Infinity;
      for (const v of c.victims) if (v.priority === top && v.startTime < earliest) earliest = v.startTime;
      return earliest;
    },
  ];
  let remaining = candidates;
  for (const score of criteria) {
    if (remaining.length === 1) break;
    let best = -Infinity;
    let next: Candidate[] = [];
    for (const c of remaining) {
      const s = score(c);
      if (s > best) {
        best = s;
        next = [c];
      } else if (s === best) next.push(c);
    }
    remaining = next;
  }
  return remaining[0]!;
}
