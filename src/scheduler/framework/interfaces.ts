/**
 * The extension points of the scheduling framework (upstream framework/interface.go): one
 * small interface each. Plugins return statuses and never throw; `null` means Success.
 * A plugin implements the interfaces of the points it hooks into, and the Framework finds
 * them by their methods.
 */
import type { CycleState } from './cycle-state.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Status } from './status.ts';

/** The highest score a Score plugin may give after normalization (upstream MaxNodeScore). */
export const maxNodeScore = 100;

export interface Plugin {
  readonly name: string;
}

/**
 * The cluster events the queue reacts to (upstream ClusterEvent labels). A pod rejected by
 * a plugin goes back to scheduling only on an event that plugin registered.
 */
export type ClusterEvent =
  | 'NodeAdd'
  | 'NodeUpdate'
  | 'NodeDelete'
  | 'AssignedPodAdd'
  | 'AssignedPodUpdate'
  | 'AssignedPodDelete'
  | 'UnscheduledPodUpdate'
  | 'UnschedulableTimeout'
  | 'ForceActivate';

export const allClusterEvents: readonly ClusterEvent[] = ['NodeAdd', 'NodeUpdate', 'NodeDelete', 'AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'UnscheduledPodUpdate'];

/** A plugin that can reject pods names the events after which a retry may succeed. */
export interface EnqueueExtensions extends Plugin {
  eventsToRegister(): readonly ClusterEvent[];
}

/** What the scheduler sees of the cluster during one cycle: the node infos. Read-only. */
export interface NodeInfoLister {
  /** Every node that exists, in a stable order. */
  readonly nodeInfoList: readonly NodeInfo[];
  /** Nodes with at least one pod with pod affinity or anti-affinity. */
  readonly havePodsWithAffinityList: readonly NodeInfo[];
  /** Nodes with at least one pod with required anti-affinity. */
  readonly havePodsWithRequiredAntiAffinityList: readonly NodeInfo[];
  get(nodeName: string): NodeInfo | undefined;
}

/** Pods nominated to run on a node (after preemption), as upstream's PodNominator. */
export interface PodNominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
}

/** The nodes a PreFilter plugin narrows scheduling to (upstream PreFilterResult). */
export class PreFilterResult {
  readonly nodeNames: ReadonlySet<string>;
  constructor(nodeNames: Iterable<string>) {
    this.nodeNames = new Set(nodeNames);
  }
}

export interface PreFilterPlugin extends Plugin {
  /**
   * Runs once per cycle before Filter; may store state, narrow the nodes (a PreFilterResult),
   * reject the pod for every node (a rejected status), or return Skip to have its Filter
   * left out for this pod.
   */
  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): PreFilterResult | Status | null;
  /** Updates the PreFilter state as if `added` ran on `nodeInfo` (preemption, nominated pods). */
  addPod?(state: CycleState, pod: PodInfo, added: PodInfo, nodeInfo: NodeInfo): Status | null;
  /** Updates the PreFilter state as if `removed` left `nodeInfo`. */
  removePod?(state: CycleState, pod: PodInfo, removed: PodInfo, nodeInfo: NodeInfo): Status | null;
}

export interface FilterPlugin extends Plugin {
  /** Whether the pod may run on the node: null when it may, a rejected status when not. */
  filter(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
}

/** Each node's filter status; nodes absent from the map have `absent`. */
export class NodeToStatus {
  readonly statuses = new Map<string, Status>();
  absent: Status;
  constructor(absent: Status) {
    this.absent = absent;
  }
  get(nodeName: string): Status {
    return this.statuses.get(nodeName) ?? this.absent;
  }
  set(nodeName: string, status: Status): void {
    this.statuses.set(nodeName, status);
  }
}

/** What PostFilter achieved: a node nominated for the pod and the pods to evict for it. */
export interface PostFilterResult {
  nominatedNodeName: string;
  victims: readonly PodInfo[];
}

/** What a PostFilter plugin can ask of the framework. */
export interface FrameworkHandle {
  readonly snapshot: NodeInfoLister;
  /** Filters the pod on the node with the nominated pods of equal or higher priority counted. */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, added: PodInfo, nodeInfo: NodeInfo): Status | null;
  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, removed: PodInfo, nodeInfo: NodeInfo): Status | null;
  /** A number in [0, 1), injected for tests. */
  random(): number;
}

export interface PostFilterPlugin extends Plugin {
  /** Runs when no node fits: may make room (preemption). Success comes with a result. */
  postFilter(state: CycleState, pod: PodInfo, nodeToStatus: NodeToStatus, handle: FrameworkHandle): { result?: PostFilterResult; status: Status | null };
}

export interface PreScorePlugin extends Plugin {
  /** Runs once before Score over the feasible nodes; Skip leaves its Score out for this pod. */
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null;
}

export interface ScorePlugin extends Plugin {
  /** The node's score (an integer), or an Error status. */
  score(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number | Status;
  /**
   * Optional: `score` of every node into `scores` (parallel to `nodes`) in one call, for
   * plugins that score every pod: a loop inside the plugin calls its own `score` directly
   * (and inlined) instead of through the framework's call site shared by all plugins. Each
   * plugin writes the loop itself on purpose: a shared helper would share one call site again.
   */
  scoreNodes?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): Status | null;
  /** Rescales `scores` (parallel to `nodes`) in place to [0, maxNodeScore]. */
  normalizeScore?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): Status | null;
}

export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
  /** Undoes reserve; must be idempotent and never fail. */
  unreserve(state: CycleState, pod: PodInfo, nodeName: string): void;
}

export interface PermitPlugin extends Plugin {
  /** Success, a rejection, or Wait with how long to wait. */
  permit(state: CycleState, pod: PodInfo, nodeName: string): { status: Status | null; timeoutMs?: number };
}

export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
}

export interface BindPlugin extends Plugin {
  /** Skip hands the pod to the next bind plugin. */
  bind(state: CycleState, pod: PodInfo, nodeName: string): Status | null;
}
