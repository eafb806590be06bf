/**
 * Shared matching rules of the plugins: tolerations against taints (upstream
 * v1.Toleration.ToleratesTaint) and node selector terms against nodes (upstream
 * component-helpers nodeaffinity), and DefaultNormalizeScore.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1.d.ts';
import { podSpecMatchesNode } from '../../api/helpers/node-selector.ts';
import type { CycleState, StateData } from '../framework/cycle-state.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { maxNodeScore } from '../framework/interfaces.ts';

export { findUntoleratedTaint, tolerationsTolerateTaint, toleratesTaint } from '../../api/helpers/taints.ts';
export { termMatchesNode, termsMatchNode } from '../../api/helpers/node-selector.ts';

/** Whether the node satisfies the pod's nodeSelector and required node affinity. */
export const podMatchesNodeSelectorAndAffinity = (pod: Pod, node: Node): boolean => podSpecMatchesNode(pod.spec, node);

/**
 * Scales scores to [0, maxNodeScore] by the highest; `reverse` flips them (upstream
 * helper.DefaultNormalizeScore).
 */
export function defaultNormalizeScore(scores: Float64Array, reverse: boolean, max = maxNodeScore): void {
  let maxCount = 0;
  for (const s of scores) if (s > maxCount) maxCount = s;
  if (maxCount === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((max * scores[i]!) / maxCount);
    if (reverse) s = max - s;
    scores[i] = s;
  }
}

/** PreFilter state that counts pods and follows simulated additions and removals. */
export interface PodCountingState extends StateData {
  update(pod: PodInfo, other: PodInfo, nodeInfo: NodeInfo, delta: number): void;
}

/** The AddPod (delta 1) / RemovePod (-1) extension for a PodCountingState under `key`. */
export function updateCounts(state: CycleState, key: string, pod: PodInfo, other: PodInfo, nodeInfo: NodeInfo, delta: number): null {
  state.read<PodCountingState>(key)?.update(pod, other, nodeInfo, delta);
  return null;
}
