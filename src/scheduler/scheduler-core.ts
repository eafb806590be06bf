/**
 * The kube-scheduler's decision logic behind one facade, free of I/O: feed it nodes and
 * assigned pods, ask it to schedule a pod, tell it how binding went. The caller (the
 * scheduler process) owns informers, the queue loop, binding calls, events and conditions.
 *
 *   const core = new SchedulerCore({ clock });
 *   core.addNode(node); core.addPod(boundPod);
 *   const r = core.schedule(pod);      // 'scheduled': the pod is assumed on r.nodeName
 *   ...bind...; ok ? core.bound(pod) : core.forget(pod);
 */
import type { Node, Pod } from 'kubernetes-types/core/v1.d.ts';
import type { Clock } from '../apimachinery/clock.ts';
import { SchedulerCache } from './cache/scheduler-cache.ts';
import { defaultPlugins } from './default-profile.ts';
import { Framework, type PluginEntry } from './framework/framework.ts';
import type { ClusterEvent, NodeInfoLister, PodNominator } from './framework/interfaces.ts';
import { podInfoOf } from './framework/pod-info.ts';
import { ScheduleAlgorithm } from './framework/schedule-pod.ts';

export type ScheduleResult =
  | { kind: 'scheduled'; nodeName: string; evaluatedNodes: number; feasibleNodes: number }
  | {
      kind: 'unschedulable';
      /** Upstream's FitError text, e.g. "0/3 nodes are available: 3 Insufficient cpu. preemption: ...". */
      message: string;
      /** Plugins that rejected the pod: the queue retries it on their events. */
      rejectorPlugins: string[];
      /** Set when preemption found room: nominate the pod here once the victims are deleted. */
      nominatedNodeName?: string;
      victims?: Pod[];
    }
  | { kind: 'error'; message: string };

export interface SchedulerCoreOptions {
  clock: Clock;
  /** In [0, 1); breaks score ties and picks where preemption starts. Math.random by default. */
  random?: () => number;
  /** 0 or unset: upstream's adaptive percentage. */
  percentageOfNodesToScore?: number;
  /** How long an assumed, bound pod waits for its informer add (default 15 min; 0 never expires). */
  assumedPodTtlMs?: number;
  /** Pods nominated to nodes (the scheduling queue), counted when filtering. */
  nominator?: PodNominator;
  /** Replaces the default profile; receives the cycle's snapshot getter. */
  plugins?: (snapshot: () => NodeInfoLister) => PluginEntry[];
}

export class SchedulerCore {
  readonly cache: SchedulerCache;
  readonly framework: Framework;
  readonly algorithm: ScheduleAlgorithm;

  constructor(options: SchedulerCoreOptions) {
    this.cache = new SchedulerCache({ clock: options.clock, assumedPodTtlMs: options.assumedPodTtlMs });
    const snapshot = () => this.cache;
    this.framework = new Framework({
      plugins: (options.plugins ?? defaultPlugins)(snapshot),
      percentageOfNodesToScore: options.percentageOfNodesToScore,
      nominator: options.nominator,
      random: options.random,
    });
    this.algorithm = new ScheduleAlgorithm(this.framework);
  }

  addNode(node: Node): void {
    this.cache.addNode(node);
  }
  updateNode(old: Node | undefined, node: Node): void {
    this.cache.updateNode(old, node);
  }
  removeNode(node: Node): void {
    this.cache.removeNode(node);
  }
  /** A pod with spec.nodeName (bound, or confirming an assumed one). */
  addPod(pod: Pod): void {
    this.cache.addPod(pod);
  }
  updatePod(old: Pod | undefined, pod: Pod): void {
    this.cache.updatePod(old, pod);
  }
  removePod(pod: Pod): void {
    this.cache.removePod(pod);
  }

  /** Sets the source of nominated pods (the scheduling queue). */
  setNominator(nominator: PodNominator): void {
    this.framework.nominator = nominator;
  }

  /** For the queue: which plugins care about each cluster event. */
  eventsToPlugins(): Map<ClusterEvent, Set<string>> {
    return this.framework.eventsToPlugins();
  }

  /**
   * One scheduling cycle for `pod`. On 'scheduled' the pod is assumed on the node (counted
   * there from now on) until `bound` or `forget`.
   */
  schedule(pod: Pod): ScheduleResult {
    const fwk = this.framework;
    const snapshot = this.cache.snapshot();
    const info = podInfoOf(pod);
    const state = fwk.newCycleState();
    const d = this.algorithm.schedulePod(state, info, snapshot);
    if (d.kind === 'error') return { kind: 'error', message: d.status.message() };
    if (d.kind === 'unfit') {
      const diag = d.fitError.diagnosis;
      const post = fwk.postFilterPlugins.length > 0 ? fwk.runPostFilterPlugins(state, info, diag.nodeToStatus, snapshot) : undefined;
      if (post?.status.isRejected()) diag.postFilterMsg = post.status.message();
      const out: ScheduleResult = { kind: 'unschedulable', message: d.fitError.message(), rejectorPlugins: [...diag.unschedulablePlugins].sort() };
      if (post?.result?.nominatedNodeName) {
        out.nominatedNodeName = post.result.nominatedNodeName;
        out.victims = post.result.victims.map((v) => v.pod);
      }
      return out;
    }
    const assumed = this.cache.assume(pod, d.nodeName);
    if (!assumed) return { kind: 'error', message: `pod ${info.key} is already in the scheduler cache` };
    const reserved = fwk.runReservePluginsReserve(state, info, d.nodeName);
    if (reserved) {
      this.cache.forget(pod);
      return reserved.isRejected() ? { kind: 'unschedulable', message: reserved.message(), rejectorPlugins: [reserved.plugin] } : { kind: 'error', message: reserved.message() };
    }
    const permit = fwk.runPermitPlugins(state, info, d.nodeName);
    if (permit.status && permit.status.code !== 'Wait') {
      fwk.runReservePluginsUnreserve(state, info, d.nodeName);
      this.cache.forget(pod);
      const s = permit.status;
      return s.isRejected() ? { kind: 'unschedulable', message: s.message(), rejectorPlugins: [s.plugin] } : { kind: 'error', message: s.message() };
    }
    return { kind: 'scheduled', nodeName: d.nodeName, evaluatedNodes: d.evaluatedNodes, feasibleNodes: d.feasibleNodes };
  }

  /** Binding failed: the assumed pod no longer counts on its node. */
  forget(pod: Pod): void {
    this.cache.forget(pod);
  }

  /** Binding succeeded: the assumption now waits for the informer's add (or expires). */
  bound(pod: Pod): void {
    this.cache.finishBinding(pod);
  }
}
