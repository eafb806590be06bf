/**
 * InterPodAffinity (upstream plugins/interpodaffinity). Filter: the pod's required
 * affinity terms must each find a matching pod in the node's domain (or, for the first pod
 * of a group, match itself when no pod matches anywhere); its required anti-affinity terms
 * must find none; and no existing pod's required anti-affinity may select it in the node's
 * domain. Score: preferred terms both ways, and existing pods' required affinity with the
 * hard weight, summed per domain and min-max normalized.
 */
import type { CycleState, StateData } from '../framework/cycle-state.ts';
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, NodeInfoLister, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interfaces.ts';
import { maxNodeScore } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import { type AffinityTerm, type PodInfo, termMatches } from '../framework/pod-info.ts';
import { Status, skipStatus } from '../framework/status.ts';
import { updateCounts } from './helpers.ts';

export const interPodAffinityName = 'InterPodAffinity';
export const errReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const errReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const errReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

const preFilterKey = 'PreFilter' + interPodAffinityName;
const preScoreKey = 'PreScore' + interPodAffinityName;
const affinityFailed = new Status('UnschedulableAndUnresolvable', [errReasonAffinityRulesNotMatch], interPodAffinityName);
const antiAffinityFailed = new Status('Unschedulable', [errReasonAntiAffinityRulesNotMatch], interPodAffinityName);
const existingAntiAffinityFailed = new Status('Unschedulable', [errReasonExistingAntiAffinityRulesNotMatch], interPodAffinityName);

/** Counts per topology pair, keyed "key\0value". */
type TopologyCounts = Map<string, number>;
const pair = (key: string, value: string) => `${key}\0${value}`;

function bump(counts: TopologyCounts, key: string, value: string, delta: number): void {
  const k = pair(key, value);
  const n = (counts.get(k) ?? 0) + delta;
  if (n === 0) counts.delete(k);
  else counts.set(k, n);
}

const matchesAll = (terms: readonly AffinityTerm[], pod: PodInfo) => terms.every((t) => termMatches(t, pod.pod));

class FilterState implements StateData {
  existingAntiAffinityCounts: TopologyCounts = new Map();
  affinityCounts: TopologyCounts = new Map();
  antiAffinityCounts: TopologyCounts = new Map();
  clone(): StateData {
    const c = new FilterState();
    c.existingAntiAffinityCounts = new Map(this.existingAntiAffinityCounts);
    c.affinityCounts = new Map(this.affinityCounts);
    c.antiAffinityCounts = new Map(this.antiAffinityCounts);
    return c;
  }

  /** Adds (delta 1) or removes (-1) what `existing` on `nodeInfo` contributes for `pod`. */
  update(pod: PodInfo, existing: PodInfo, nodeInfo: NodeInfo, delta: number): void {
    const labels = nodeInfo.labels;
    for (const t of existing.requiredAntiAffinityTerms) {
      const v = labels[t.topologyKey];
      if (v !== undefined && termMatches(t, pod.pod)) bump(this.existingAntiAffinityCounts, t.topologyKey, v, delta);
    }
    if (pod.requiredAffinityTerms.length > 0 && matchesAll(pod.requiredAffinityTerms, existing)) {
      for (const t of pod.requiredAffinityTerms) {
        const v = labels[t.topologyKey];
        if (v !== undefined) bump(this.affinityCounts, t.topologyKey, v, delta);
      }
    }
    for (const t of pod.requiredAntiAffinityTerms) {
      const v = labels[t.topologyKey];
      if (v !== undefined && termMatches(t, existing.pod)) bump(this.antiAffinityCounts, t.topologyKey, v, delta);
    }
  }
}

class ScoreState implements StateData {
  scores = new Map<string, number>();
  clone(): StateData {
    return this;
  }
}

export interface InterPodAffinityArgs {
  /** Weight of existing pods' required affinity terms in scoring (upstream default 1). */
  hardPodAffinityWeight?: number;
}

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = interPodAffinityName;
  private readonly snapshot: () => NodeInfoLister;
  private readonly hardWeight: number;

  constructor(snapshot: () => NodeInfoLister, args: InterPodAffinityArgs = {}) {
    this.snapshot = snapshot;
    this.hardWeight = args.hardPodAffinityWeight ?? 1;
  }

  preFilter(state: CycleState, pod: PodInfo): Status | null {
    const snap = this.snapshot();
    const own = pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0;
    if (!own && snap.havePodsWithRequiredAntiAffinityList.length === 0) return skipStatus;
    const s = new FilterState();
    for (const ni of snap.havePodsWithRequiredAntiAffinityList) {
      if (!ni.node) continue;
      for (const existing of ni.podsWithRequiredAntiAffinity) {
        for (const t of existing.requiredAntiAffinityTerms) {
          const v = ni.labels[t.topologyKey];
          if (v !== undefined && termMatches(t, pod.pod)) bump(s.existingAntiAffinityCounts, t.topologyKey, v, 1);
        }
      }
    }
    if (own) {
      for (const ni of snap.nodeInfoList) {
        for (const existing of ni.pods) {
          if (pod.requiredAffinityTerms.length > 0 && matchesAll(pod.requiredAffinityTerms, existing)) {
            for (const t of pod.requiredAffinityTerms) {
              const v = ni.labels[t.topologyKey];
              if (v !== undefined) bump(s.affinityCounts, t.topologyKey, v, 1);
            }
          }
          for (const t of pod.requiredAntiAffinityTerms) {
            const v = ni.labels[t.topologyKey];
            if (v !== undefined && termMatches(t, existing.pod)) bump(s.antiAffinityCounts, t.topologyKey, v, 1);
          }
        }
      }
    }
    state.write(preFilterKey, s);
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
    const labels = nodeInfo.labels;
    // Affinity: every term's domain on this node holds a matching pod.
    if (pod.requiredAffinityTerms.length > 0) {
      let podsExist = true;
      for (const t of pod.requiredAffinityTerms) {
        const v = labels[t.topologyKey];
        if (v === undefined) return affinityFailed;
        if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
      }
      if (!podsExist && !(s.affinityCounts.size === 0 && matchesAll(pod.requiredAffinityTerms, pod))) return affinityFailed;
    }
    for (const t of pod.requiredAntiAffinityTerms) {
      const v = labels[t.topologyKey];
      if (v !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, v)) ?? 0) > 0) return antiAffinityFailed;
    }
    if (s.existingAntiAffinityCounts.size > 0) {
      for (const k in labels) if ((s.existingAntiAffinityCounts.get(pair(k, labels[k]!)) ?? 0) > 0) return existingAntiAffinityFailed;
    }
    return null;
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const snap = this.snapshot();
    const own = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
    if (!own && snap.havePodsWithAffinityList.length === 0) return skipStatus;
    const s = new ScoreState();
    const add = (key: string, value: string | undefined, w: number) => {
      if (value === undefined || w === 0) return;
      const k = pair(key, value);
      s.scores.set(k, (s.scores.get(k) ?? 0) + w);
    };
    const nodes = own ? snap.nodeInfoList : snap.havePodsWithAffinityList;
    for (const ni of nodes) {
      const existingPods = own ? ni.pods : ni.podsWithAffinity;
      for (const existing of existingPods) {
        // The incoming pod's preferred terms against the existing pod.
        for (const t of pod.preferredAffinityTerms) if (termMatches(t, existing.pod)) add(t.topologyKey, ni.labels[t.topologyKey], t.weight);
        for (const t of pod.preferredAntiAffinityTerms) if (termMatches(t, existing.pod)) add(t.topologyKey, ni.labels[t.topologyKey], -t.weight);
        if (!existing.hasAffinity) continue;
        // The existing pod's terms against the incoming pod.
        if (this.hardWeight > 0) for (const t of existing.requiredAffinityTerms) if (termMatches(t, pod.pod)) add(t.topologyKey, ni.labels[t.topologyKey], this.hardWeight);
        for (const t of existing.preferredAffinityTerms) if (termMatches(t, pod.pod)) add(t.topologyKey, ni.labels[t.topologyKey], t.weight);
        for (const t of existing.preferredAntiAffinityTerms) if (termMatches(t, pod.pod)) add(t.topologyKey, ni.labels[t.topologyKey], -t.weight);
      }
    }
    if (s.scores.size === 0) return skipStatus;
    state.write(preScoreKey, s);
    return null;
  }

  score(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): number | Status {
    const s = state.read<ScoreState>(preScoreKey);
    if (!s) return 0;
    let score = 0;
    const labels = nodeInfo.labels;
    for (const k in labels) score += s.scores.get(pair(k, labels[k]!)) ?? 0;
    return score;
  }

  normalizeScore(state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: Float64Array): Status | null {
    if (!state.read<ScoreState>(preScoreKey)) return null;
    let min = Infinity;
    let max = -Infinity;
    for (const v of scores) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((maxNodeScore * (scores[i]! - min)) / diff) : 0;
    return null;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'NodeAdd', 'NodeUpdate'];
  }
}
