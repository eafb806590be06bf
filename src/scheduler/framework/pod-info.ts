/**
 * A pod with everything the plugins ask of it parsed once (upstream framework.PodInfo):
 * requests, host ports, priority and the pod (anti-)affinity terms with their selectors.
 * `podInfoOf` memoizes by object identity, so the same Pod object is parsed only once;
 * pods are read-only, so the parse stays valid for as long as the object lives.
 */
import type { ContainerPort, Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1.d.ts';
import { type Labels, type Selector, labelSelectorAsSelector, nothing } from '../../apimachinery/labels.ts';
import { type Resource, podRequests } from './resources.ts';

/** One pod (anti-)affinity term, its selector parsed and its namespaces resolved. */
export interface AffinityTerm {
  /** The namespaces the term looks in; undefined with `allNamespaces`. */
  readonly namespaces: ReadonlySet<string>;
  /** True when an empty namespaceSelector selects every namespace. */
  readonly allNamespaces: boolean;
  readonly selector: Selector;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** A host port a container asks for, with upstream's defaults (0.0.0.0, TCP). */
export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

const emptyLabels: Labels = Object.freeze({});

/** Whether `term` selects `pod` (its namespace and labels). Namespace labels are not known here. */
export function termMatches(term: AffinityTerm, pod: Pod): boolean {
  const ns = pod.metadata?.namespace ?? 'default';
  if (!term.allNamespaces && !term.namespaces.has(ns)) return false;
  return term.selector.matches(pod.metadata?.labels ?? emptyLabels);
}

function parseTerm(term: PodAffinityTerm, podNamespace: string): AffinityTerm {
  const nsSelector = term.namespaceSelector;
  // An empty (not absent) namespaceSelector selects all namespaces; a non-empty one would
  // need namespace labels, which this library is not fed, so it selects none beyond the list.
  const allNamespaces = nsSelector !== undefined && !nsSelector.matchLabels && !nsSelector.matchExpressions?.length;
  const namespaces = new Set(term.namespaces ?? []);
  if (namespaces.size === 0 && nsSelector === undefined) namespaces.add(podNamespace);
  let selector: Selector;
  try {
    selector = term.labelSelector ? labelSelectorAsSelector(term.labelSelector) : nothing();
  } catch {
    selector = nothing();
  }
  return { namespaces, allNamespaces, selector, topologyKey: term.topologyKey };
}

const parseWeighted = (terms: readonly WeightedPodAffinityTerm[] | undefined, ns: string): WeightedAffinityTerm[] =>
  (terms ?? []).map((t) => ({ ...parseTerm(t.podAffinityTerm, ns), weight: t.weight }));

export class PodInfo {
  readonly pod: Pod;
  /** namespace/name. */
  readonly key: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly priority: number;
  /** Milliseconds since the epoch of status.startTime or creation; for ordering victims. */
  readonly startTime: number;
  /** What the pod needs from a node. */
  readonly requests: Resource;
  /** Requests with upstream's non-zero cpu/memory defaults, for scoring. */
  readonly nonZeroRequests: Resource;
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** Whether the pod has any pod affinity or anti-affinity (upstream podWithAffinity). */
  readonly hasAffinity: boolean;

  constructor(pod: Pod, base?: PodInfo) {
    this.pod = pod;
    const meta = pod.metadata ?? {};
    this.namespace = meta.namespace ?? 'default';
    this.key = `${this.namespace}/${meta.name ?? ''}`;
    this.labels = meta.labels ?? emptyLabels;
    this.priority = pod.spec?.priority ?? 0;
    const started = pod.status?.startTime ?? meta.creationTimestamp;
    this.startTime = started ? Date.parse(started) : 0;
    if (base) {
      // Same spec (an assumed copy with nodeName set): share the parsed parts.
      this.requests = base.requests;
      this.nonZeroRequests = base.nonZeroRequests;
      this.hostPorts = base.hostPorts;
      this.requiredAffinityTerms = base.requiredAffinityTerms;
      this.requiredAntiAffinityTerms = base.requiredAntiAffinityTerms;
      this.preferredAffinityTerms = base.preferredAffinityTerms;
      this.preferredAntiAffinityTerms = base.preferredAntiAffinityTerms;
      this.hasAffinity = base.hasAffinity;
      return;
    }
    this.requests = podRequests(pod);
    this.nonZeroRequests = podRequests(pod, true);
    const ports: HostPort[] = [];
    const collect = (list: readonly ContainerPort[] | undefined) => {
      for (const p of list ?? []) {
        if (p.hostPort && p.hostPort > 0) ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
      }
    };
    for (const c of pod.spec?.containers ?? []) collect(c.ports);
    for (const c of pod.spec?.initContainers ?? []) if (c.restartPolicy === 'Always') collect(c.ports);
    this.hostPorts = ports;
    const aff = pod.spec?.affinity;
    const ns = this.namespace;
    this.requiredAffinityTerms = (aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => parseTerm(t, ns));
    this.requiredAntiAffinityTerms = (aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => parseTerm(t, ns));
    this.preferredAffinityTerms = parseWeighted(aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, ns);
    this.preferredAntiAffinityTerms = parseWeighted(aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, ns);
    this.hasAffinity = aff?.podAffinity !== undefined || aff?.podAntiAffinity !== undefined;
  }
}

const cache = new WeakMap<Pod, PodInfo>();

/** The PodInfo of a pod object, parsed on first use. */
export function podInfoOf(pod: Pod): PodInfo {
  let info = cache.get(pod);
  if (!info) {
    info = new PodInfo(pod);
    cache.set(pod, info);
  }
  return info;
}

/** namespace/name of a pod. */
export const podKey = (pod: Pod): string => `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`;

/** The pod's priority (spec.priority, 0 when unset), as upstream corev1helpers.PodPriority. */
export const podPriority = (pod: Pod): number => pod.spec?.priority ?? 0;
