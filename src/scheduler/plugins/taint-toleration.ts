/**
 * TaintToleration (upstream plugins/tainttoleration): Filter rejects nodes with a
 * NoSchedule or NoExecute taint the pod does not tolerate; Score counts the
 * PreferNoSchedule taints it does not tolerate, and normalizes so fewer is better.
 */
import type { Toleration } from 'kubernetes-types/core/v1.d.ts';
import type { CycleState, StateData } from '../framework/cycle-state.ts';
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status } from '../framework/status.ts';
import { defaultNormalizeScore, findUntoleratedTaint, tolerationsTolerateTaint } from './helpers.ts';

export const taintTolerationName = 'TaintToleration';
const preScoreKey = 'PreScore' + taintTolerationName;

class PreScoreState implements StateData {
  readonly tolerations: readonly Toleration[];
  constructor(tolerations: readonly Toleration[]) {
    this.tolerations = tolerations;
  }
  clone(): StateData {
    return this;
  }
}

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = taintTolerationName;

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    if (nodeInfo.hardTaints.length === 0) return null;
    const taint = findUntoleratedTaint(nodeInfo.hardTaints, pod.pod.spec?.tolerations);
    if (!taint) return null;
    return new Status('UnschedulableAndUnresolvable', [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], taintTolerationName);
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const tolerations = (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    state.write(preScoreKey, new PreScoreState(tolerations));
    return null;
  }

  scoreNodes(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): null {
    for (let i = 0; i < nodes.length; i++) scores[i] = this.score(state, pod, nodes[i]!);
    return null;
  }

  score(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): number {
    const taints = nodeInfo.softTaints;
    if (taints.length === 0) return 0;
    const s = state.read<PreScoreState>(preScoreKey);
    let count = 0;
    for (const t of taints) if (!tolerationsTolerateTaint(s?.tolerations, t)) count++;
    return count;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: Float64Array): Status | null {
    defaultNormalizeScore(scores, true);
    return null;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['NodeAdd', 'NodeUpdate', 'UnscheduledPodUpdate'];
  }
}
