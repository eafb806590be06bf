/**
 * Shared matching rules of the plugins: tolerations against taints (upstream
 * v1.Toleration.ToleratesTaint) and node selector terms against nodes (upstream
 * component-helpers nodeaffinity), and DefaultNormalizeScore.
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from 'kubernetes-types/core/v1.d.ts';
import type { Labels } from '../../apimachinery/labels.ts';
import type { CycleState, StateData } from '../framework/cycle-state.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { maxNodeScore } from '../framework/interfaces.ts';

/** Whether the toleration tolerates the taint (effect, key, then operator Equal/Exists). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first of `taints` that no toleration tolerates (upstream FindMatchingUntoleratedTaint). */
export function findUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): Taint | undefined {
  for (const taint of taints) if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  return undefined;
}

const emptyLabels: Labels = Object.freeze({});

function parseInt64(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false;
      const a = parseInt64(value);
      const b = parseInt64(values[0]!);
      if (a === undefined || b === undefined) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** Whether a node matches one selector term: all expressions and fields; an empty term matches nothing. */
export function termMatchesNode(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!requirementMatches(r, nodeName)) return false;
  }
  return true;
}

/** Whether a node matches any of the terms (ORed). */
export function termsMatchNode(terms: readonly NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  for (const t of terms) if (termMatchesNode(t, labels, nodeName)) return true;
  return false;
}

/**
 * Whether the node satisfies the pod's nodeSelector and required node affinity (upstream
 * GetRequiredNodeAffinity(pod).Match(node)).
 */
export function podMatchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? emptyLabels;
  const sel = pod.spec?.nodeSelector;
  if (sel) for (const k in sel) if (labels[k] !== sel[k]) return false;
  const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (req) return termsMatchNode(req.nodeSelectorTerms ?? [], labels, node.metadata?.name ?? '');
  return true;
}

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
