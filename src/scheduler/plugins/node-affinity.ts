/**
 * NodeAffinity (upstream plugins/nodeaffinity): Filter keeps nodes matching the pod's
 * nodeSelector and required node affinity; a required term on metadata.name narrows the
 * nodes at PreFilter (DaemonSet pods). Score adds the weights of the preferred terms a
 * node matches, normalized to the highest.
 */
import type { NodeSelectorTerm, PreferredSchedulingTerm } from 'kubernetes-types/core/v1.d.ts';
import type { CycleState, StateData } from '../framework/cycle-state.ts';
import { type ClusterEvent, type EnqueueExtensions, type FilterPlugin, type PreFilterPlugin, PreFilterResult, type PreScorePlugin, type ScorePlugin } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status, skipStatus } from '../framework/status.ts';
import { defaultNormalizeScore, termMatchesNode, termsMatchNode } from './helpers.ts';

export const nodeAffinityName = 'NodeAffinity';
export const errReasonPod = "node(s) didn't match Pod's node affinity/selector";
export const errReasonConflict = 'pod affinity terms conflict';

const preFilterKey = 'PreFilter' + nodeAffinityName;
const preScoreKey = 'PreScore' + nodeAffinityName;
const rejected = new Status('UnschedulableAndUnresolvable', [errReasonPod], nodeAffinityName);

class RequiredState implements StateData {
  readonly nodeSelector: Readonly<Record<string, string>> | undefined;
  readonly terms: readonly NodeSelectorTerm[] | undefined;
  constructor(nodeSelector: Readonly<Record<string, string>> | undefined, terms: readonly NodeSelectorTerm[] | undefined) {
    this.nodeSelector = nodeSelector;
    this.terms = terms;
  }
  clone(): StateData {
    return this;
  }
}

class PreferredState implements StateData {
  readonly terms: readonly PreferredSchedulingTerm[];
  constructor(terms: readonly PreferredSchedulingTerm[]) {
    this.terms = terms;
  }
  clone(): StateData {
    return this;
  }
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = nodeAffinityName;

  preFilter(state: CycleState, pod: PodInfo): PreFilterResult | Status | null {
    const spec = pod.pod.spec;
    const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!required && !spec?.nodeSelector) return skipStatus;
    const terms = required?.nodeSelectorTerms;
    state.write(preFilterKey, new RequiredState(spec?.nodeSelector, terms));
    if (!terms || terms.length === 0) return null;
    // Affinity to named nodes: the union over terms of each term's intersection of names.
    let names: Set<string> | undefined;
    for (const t of terms) {
      let termNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
        const s = new Set(r.values ?? []);
        termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
      }
      if (!termNames) return null;
      names ??= new Set();
      for (const n of termNames) names.add(n);
    }
    if (names && names.size === 0) return new Status('UnschedulableAndUnresolvable', [errReasonConflict]);
    return names ? new PreFilterResult(names) : null;
  }

  filter(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const s = state.read<RequiredState>(preFilterKey);
    if (!s) return null;
    const labels = nodeInfo.labels;
    if (s.nodeSelector) for (const k in s.nodeSelector) if (labels[k] !== s.nodeSelector[k]) return rejected;
    if (s.terms && !termsMatchNode(s.terms, labels, nodeInfo.name)) return rejected;
    return null;
  }

  preScore(state: CycleState, pod: PodInfo): Status | null {
    const preferred = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    if (!preferred || preferred.length === 0) return skipStatus;
    state.write(preScoreKey, new PreferredState(preferred.filter((t) => t.weight !== 0)));
    return null;
  }

  score(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): number | Status {
    const s = state.read<PreferredState>(preScoreKey);
    if (!s) return 0;
    let total = 0;
    for (const t of s.terms) if (termMatchesNode(t.preference, nodeInfo.labels, nodeInfo.name)) total += t.weight;
    return total;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: readonly NodeInfo[], scores: Float64Array): Status | null {
    defaultNormalizeScore(scores, false);
    return null;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['NodeAdd', 'NodeUpdate'];
  }
}
