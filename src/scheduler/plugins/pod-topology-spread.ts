/**
 * PodTopologySpread (upstream plugins/podtopologyspread): spreads pods matching a selector
 * across topology domains. DoNotSchedule constraints filter: placing the pod must keep
 * `matching pods in the node's domain + 1 - global minimum <= maxSkew`. ScheduleAnyway
 * constraints score: fewer matching pods in the domain is better. Honors minDomains,
 * matchLabelKeys, nodeAffinityPolicy (Honor by default) and nodeTaintsPolicy (Ignore by
 * default). Cluster-level default constraints are not applied.
 */
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1.d.ts';
import { type Selector, labelSelectorAsSelector, nothing } from '../../apimachinery/labels.ts';
import type { CycleState, StateData } from '../framework/cycle-state.ts';
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, NodeInfoLister, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interfaces.ts';
import { maxNodeScore } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status, skipStatus } from '../framework/status.ts';
import { findUntoleratedTaint, podMatchesNodeSelectorAndAffinity, updateCounts } from './helpers.ts';

export const podTopologySpreadName = 'PodTopologySpread';
export const errReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const errReasonNodeLabelNotMatch = errReasonConstraintsNotMatch + ' (missing required label)';

const preFilterKey = 'PreFilter' + podTopologySpreadName;
const preScoreKey = 'PreScore' + podTopologySpreadName;
const hostnameKey = 'kubernetes.io/hostname';
const labelMissing = new Status('UnschedulableAndUnresolvable', [errReasonNodeLabelNotMatch], podTopologySpreadName);
const skewTooBig = new Status('Unschedulable', [errReasonConstraintsNotMatch], podTopologySpreadName);

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorTaints: boolean;
}

function parseConstraints(pod: PodInfo, list: readonly TopologySpreadConstraint[]): Constraint[] {
  return list.map((c) => {
    let selector: Selector;
    try {
      const ls = c.labelSelector;
      const keys = (c.matchLabelKeys ?? []).filter((k) => pod.labels[k] !== undefined);
      const merged = ls && keys.length > 0 ? { ...ls, matchExpressions: [...(ls.matchExpressions ?? []), ...keys.map((k) => ({ key: k, operator: 'In' as const, values: [pod.labels[k]!] }))] } : ls;
      selector = merged ? labelSelectorAsSelector(merged) : nothing();
    } catch {
      selector = nothing();
    }
    return {
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorTaints: c.nodeTaintsPolicy === 'Honor',
    };
  });
}

const hasAllKeys = (nodeInfo: NodeInfo, constraints: readonly Constraint[]) => constraints.every((c) => nodeInfo.labels[c.topologyKey] !== undefined);

/** Whether a node counts for the constraint's domains (node inclusion policies). */
function nodeIncluded(c: Constraint, pod: PodInfo, nodeInfo: NodeInfo): boolean {
  if (!nodeInfo.node) return false;
  if (c.honorNodeAffinity && !podMatchesNodeSelectorAndAffinity(pod.pod, nodeInfo.node)) return false;
  if (c.honorTaints && findUntoleratedTaint(nodeInfo.hardTaints, pod.pod.spec?.tolerations)) return false;
  return true;
}

/** Pods on the node in `namespace` matching the selector, not being deleted. */
function countMatching(nodeInfo: NodeInfo, selector: Selector, namespace: string): number {
  let n = 0;
  for (const p of nodeInfo.pods) {
    if (p.namespace !== namespace || p.pod.metadata?.deletionTimestamp) continue;
    if (selector.matches(p.labels)) n++;
  }
  return n;
}

class FilterState implements StateData {
  constraints: Constraint[];
  /** Per constraint: topology value -> matching pods. */
  counts: Map<string, number>[];
  /** Per constraint: the smallest count over its domains. */
  minCounts: number[];

  constructor(constraints: Constraint[], counts: Map<string, number>[]) {
    this.constraints = constraints;
    this.counts = counts;
    this.minCounts = counts.map(minOf);
  }

  clone(): StateData {
    const c = new FilterState(this.constraints, this.counts.map((m) => new Map(m)));
    return c;
  }

  minMatch(i: number): number {
    const c = this.constraints[i]!;
    if (this.counts[i]!.size < c.minDomains) return 0;
    return this.minCounts[i]!;
  }

  update(pod: PodInfo, other: PodInfo, nodeInfo: NodeInfo, delta: number): void {
    if (other.namespace !== pod.namespace || !hasAllKeys(nodeInfo, this.constraints)) return;
    this.constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, nodeInfo) || !c.selector.matches(other.labels)) return;
      const v = nodeInfo.labels[c.topologyKey]!;
      const m = this.counts[i]!;
      m.set(v, (m.get(v) ?? 0) + delta);
      this.minCounts[i] = minOf(m);
    });
  }
}

function minOf(m: Map<string, number>): number {
  let min = Number.MAX_SAFE_INTEGER;
  for (const v of m.values()) if (v < min) min = v;
  return min;
}

class ScoreState implements StateData {
  constraints: Constraint[] = [];
  ignored = new Set<string>();
  /** Per constraint: topology value -> matching pods (hostname constraints count per node at Score). */
  counts: Map<string, number>[] = [];
  weights: number[] = [];
  clone(): StateData {
    return this;
  }
}

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = podTopologySpreadName;
  private readonly snapshot: () => NodeInfoLister;

  /** `snapshot` gives the cycle's nodes (all of them, for counting at PreScore). */
  constructor(snapshot: () => NodeInfoLister) {
    this.snapshot = snapshot;
  }

  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    const hard = (pod.pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
    if (hard.length === 0) return skipStatus;
    const constraints = parseConstraints(pod, hard);
    const counts = constraints.map(() => new Map<string, number>());
    for (const ni of nodes) {
      if (!hasAllKeys(ni, constraints)) continue;
      constraints.forEach((c, i) => {
        if (!nodeIncluded(c, pod, ni)) return;
        const v = ni.labels[c.topologyKey]!;
        const m = counts[i]!;
        m.set(v, (m.get(v) ?? 0) + countMatching(ni, c.selector, pod.namespace));
      });
    }
    state.write(preFilterKey, new FilterState(constraints, counts));
    return null;
  }

  addPod(state: CycleState, pod: PodInfo, added: PodInfo, nodeInfo: NodeInfo): Status | null {
    return updateCounts(state, preFilterKey, pod, added, nodeInfo, 1);
  }

  removePod(state: CycleState, pod: PodInfo, removed: PodInfo, nodeInfo: NodeInfo): Status | null {
    return updateCounts(state, preFilterKey, pod, removed, nodeInfo, -1);
  }

  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<FilterState>(preFilterKey);
    if (!s) return null;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const v = nodeInfo.labels[c.topologyKey];
      if (v === undefined) return labelMissing;
      const self = c.selector.matches(pod.labels) ? 1 : 0;
      const skew = (s.counts[i]!.get(v) ?? 0) + self - s.minMatch(i);
      if (skew > c.maxSkew) return skewTooBig;
    }
    return null;
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    const soft = (pod.pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway');
    if (soft.length === 0) return skipStatus;
    const s = new ScoreState();
    s.constraints = parseConstraints(pod, soft);
    s.counts = s.constraints.map(() => new Map());
    const sizes = s.constraints.map(() => new Set<string>());
    let eligible = 0;
    for (const ni of nodes) {
      if (!hasAllKeys(ni, s.constraints)) {
        s.ignored.add(ni.name);
        continue;
      }
      eligible++;
      s.constraints.forEach((c, i) => {
        const v = ni.labels[c.topologyKey]!;
        sizes[i]!.add(v);
        if (c.topologyKey !== hostnameKey) s.counts[i]!.set(v, 0);
      });
    }
    s.weights = s.constraints.map((c, i) => Math.log((c.topologyKey === hostnameKey ? eligible : sizes[i]!.size) + 2));
    for (const ni of this.snapshot().nodeInfoList) {
      if (!hasAllKeys(ni, s.constraints)) continue;
      s.constraints.forEach((c, i) => {
        if (c.topologyKey === hostnameKey || !nodeIncluded(c, pod, ni)) return;
        const v = ni.labels[c.topologyKey]!;
        const m = s.counts[i]!;
        const cur = m.get(v);
        if (cur !== undefined) m.set(v, cur + countMatching(ni, c.selector, pod.namespace));
      });
    }
    state.write(preScoreKey, s);
    return null;
  }

  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number | Status {
    const s = state.read<ScoreState>(preScoreKey);
    if (!s || s.ignored.has(nodeInfo.name)) return 0;
    let score = 0;
    s.constraints.forEach((c, i) => {
      const v = nodeInfo.labels[c.topologyKey];
      if (v === undefined) return;
      const cnt = c.topologyKey === hostnameKey ? countMatching(nodeInfo, c.selector, pod.namespace) : (s.counts[i]!.get(v) ?? 0);
      score += cnt * s.weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(score);
  }

  normalizeScore(state: CycleState, _pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): Status | null {
    const s = state.read<ScoreState>(preScoreKey);
    if (!s) return null;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (let i = 0; i < scores.length; i++) {
      if (s.ignored.has(nodes[i]!.name)) continue;
      min = Math.min(min, scores[i]!);
      max = Math.max(max, scores[i]!);
    }
    for (let i = 0; i < scores.length; i++) {
      if (s.ignored.has(nodes[i]!.name)) scores[i] = 0;
      else if (max === 0) scores[i] = maxNodeScore;
      else scores[i] = Math.trunc((maxNodeScore * (max + min - scores[i]!)) / max);
    }
    return null;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'UnscheduledPodUpdate', 'NodeAdd', 'NodeUpdate', 'NodeDelete'];
  }
}
