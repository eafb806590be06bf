/**
 * NodeResourcesFit (upstream plugins/noderesources/fit.go): Filter checks that the node
 * has room for the pod's requests (cpu, memory, ephemeral storage, extended resources)
 * and one more pod; Score ranks nodes by a strategy: LeastAllocated (default) or
 * MostAllocated over cpu and memory, using requests with non-zero defaults.
 *
 * A rejection is UnschedulableAndUnresolvable when the pod asks for more than the node's
 * whole allocatable amount (no preemption can help), Unschedulable otherwise.
 */
import type { CycleState } from '../framework/cycle-state.ts';
import { type ClusterEvent, type EnqueueExtensions, type FilterPlugin, type ScorePlugin, maxNodeScore } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status } from '../framework/status.ts';

export const nodeResourcesFitName = 'NodeResourcesFit';

export type ScoringStrategy = 'LeastAllocated' | 'MostAllocated';

export interface ResourceWeight {
  name: string;
  weight: number;
}

export interface NodeResourcesFitArgs {
  scoringStrategy?: ScoringStrategy;
  /** Resources scored and their weights; cpu and memory with weight 1 by default. */
  resources?: readonly ResourceWeight[];
  /** Extended resources the Filter ignores. */
  ignoredResources?: readonly string[];
}

export const defaultScoredResources: readonly ResourceWeight[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** One resource a pod lacks on a node (upstream InsufficientResource). */
export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
  /** The pod asks for more than the node has at all. */
  unresolvable: boolean;
}

const tooManyPods = 'Too many pods';

/** What the pod lacks on the node, in upstream's order: pods, cpu, memory, storage, others. */
export function fitsRequest(pod: PodInfo, nodeInfo: NodeInfo, ignored?: ReadonlySet<string>): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  if (nodeInfo.pods.length + 1 > alloc.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: tooManyPods, requested: 1, used: nodeInfo.pods.length, capacity: alloc.allowedPodNumber, unresolvable: false });
  }
  const req = pod.requests;
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && !req.scalar) return out;
  const check = (name: string, reason: string, r: number, u: number, a: number) => {
    if (r > 0 && r > a - u) out.push({ resourceName: name, reason, requested: r, used: u, capacity: a, unresolvable: r > a });
  };
  check('cpu', 'Insufficient cpu', req.milliCPU, used.milliCPU, alloc.milliCPU);
  check('memory', 'Insufficient memory', req.memory, used.memory, alloc.memory);
  check('ephemeral-storage', 'Insufficient ephemeral-storage', req.ephemeralStorage, used.ephemeralStorage, alloc.ephemeralStorage);
  if (req.scalar) {
    for (const [name, r] of req.scalar) {
      if (ignored?.has(name)) continue;
      check(name, `Insufficient ${name}`, r, used.scalar?.get(name) ?? 0, alloc.scalar?.get(name) ?? 0);
    }
  }
  return out;
}

/** What the node would have requested of resource `name` with the pod on it. */
function requestedWith(pod: PodInfo, nodeInfo: NodeInfo, name: string, nonZero: boolean): number {
  const podReq = nonZero ? pod.nonZeroRequests : pod.requests;
  const nodeReq = nonZero ? nodeInfo.nonZeroRequested : nodeInfo.requested;
  switch (name) {
    case 'cpu': return nodeReq.milliCPU + podReq.milliCPU;
    case 'memory': return nodeReq.memory + podReq.memory;
    case 'ephemeral-storage': return nodeInfo.requested.ephemeralStorage + pod.requests.ephemeralStorage;
    default: return (nodeInfo.requested.scalar?.get(name) ?? 0) + (pod.requests.scalar?.get(name) ?? 0);
  }
}

function allocatableOf(nodeInfo: NodeInfo, name: string): number {
  const a = nodeInfo.allocatable;
  switch (name) {
    case 'cpu': return a.milliCPU;
    case 'memory': return a.memory;
    case 'ephemeral-storage': return a.ephemeralStorage;
    default: return a.scalar?.get(name) ?? 0;
  }
}

/** upstream leastRequestedScore / mostRequestedScore. */
function resourceScore(strategy: ScoringStrategy, requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (strategy === 'LeastAllocated') return requested > capacity ? 0 : Math.trunc(((capacity - requested) * maxNodeScore) / capacity);
  return Math.trunc((Math.min(requested, capacity) * maxNodeScore) / capacity);
}

export class NodeResourcesFit implements FilterPlugin, ScorePlugin, EnqueueExtensions {
  readonly name = nodeResourcesFitName;
  private readonly strategy: ScoringStrategy;
  private readonly resources: readonly ResourceWeight[];
  private readonly ignored: ReadonlySet<string> | undefined;
  private readonly defaultResources: boolean;

  constructor(args: NodeResourcesFitArgs = {}) {
    this.strategy = args.scoringStrategy ?? 'LeastAllocated';
    this.resources = args.resources ?? defaultScoredResources;
    this.ignored = args.ignoredResources ? new Set(args.ignoredResources) : undefined;
    this.defaultResources = this.resources === defaultScoredResources;
  }

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    // Fast path: room for the pod in every dimension it asks for.
    const req = pod.requests;
    const alloc = nodeInfo.allocatable;
    const used = nodeInfo.requested;
    if (
      nodeInfo.pods.length < alloc.allowedPodNumber &&
      req.milliCPU <= alloc.milliCPU - used.milliCPU &&
      req.memory <= alloc.memory - used.memory &&
      req.ephemeralStorage <= alloc.ephemeralStorage - used.ephemeralStorage &&
      !req.scalar
    ) {
      return null;
    }
    const insufficient = fitsRequest(pod, nodeInfo, this.ignored);
    if (insufficient.length === 0) return null;
    const code = insufficient.some((r) => r.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable';
    return new Status(code, insufficient.map((r) => r.reason), nodeResourcesFitName);
  }

  scoreNodes(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): null {
    for (let i = 0; i < nodes.length; i++) scores[i] = this.score(state, pod, nodes[i]!);
    return null;
  }

  score(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    if (this.defaultResources) {
      // cpu and memory, weight 1 each, inlined.
      const a = nodeInfo.allocatable;
      let total = 0;
      let weights = 0;
      if (a.milliCPU !== 0) {
        total += resourceScore(this.strategy, nodeInfo.nonZeroRequested.milliCPU + pod.nonZeroRequests.milliCPU, a.milliCPU);
        weights++;
      }
      if (a.memory !== 0) {
        total += resourceScore(this.strategy, nodeInfo.nonZeroRequested.memory + pod.nonZeroRequests.memory, a.memory);
        weights++;
      }
      return weights === 0 ? 0 : Math.trunc(total / weights);
    }
    return this.scoreResources(pod, nodeInfo);
  }

  /** Any resources and weights, apart so that the default case above stays small enough to inline. */
  private scoreResources(pod: PodInfo, nodeInfo: NodeInfo): number {
    let total = 0;
    let weights = 0;
    for (const r of this.resources) {
      const allocatable = allocatableOf(nodeInfo, r.name);
      if (allocatable === 0) continue;
      total += resourceScore(this.strategy, requestedWith(pod, nodeInfo, r.name, true), allocatable) * r.weight;
      weights += r.weight;
    }
    return weights === 0 ? 0 : Math.trunc(total / weights);
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['AssignedPodDelete', 'AssignedPodUpdate', 'NodeAdd', 'NodeUpdate'];
  }
}

export const balancedAllocationName = 'NodeResourcesBalancedAllocation';

/**
 * NodeResourcesBalancedAllocation (upstream balanced_allocation.go): favours nodes whose
 * cpu and memory would be used in equal fractions: score = (1 - std of the fractions) * 100.
 * Best-effort pods (no requests) are not scored, as upstream.
 */
export class BalancedAllocation implements ScorePlugin, EnqueueExtensions {
  readonly name = balancedAllocationName;
  private readonly resources: readonly ResourceWeight[];
  private readonly defaultResources: boolean;

  constructor(resources: readonly ResourceWeight[] = defaultScoredResources) {
    this.resources = resources;
    this.defaultResources = resources === defaultScoredResources;
  }

  preScore(_state: CycleState, pod: PodInfo): Status | null {
    for (const r of this.resources) {
      const req = r.name === 'cpu' ? pod.requests.milliCPU : r.name === 'memory' ? pod.requests.memory : resourceAmountsOfPod(pod, r.name);
      if (req !== 0) return null;
    }
    return new Status('Skip');
  }

  scoreNodes(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): null {
    for (let i = 0; i < nodes.length; i++) scores[i] = this.score(state, pod, nodes[i]!);
    return null;
  }

  score(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): number {
    if (this.defaultResources) {
      // cpu and memory inlined; with fewer than two allocatable the deviation is 0.
      const a = nodeInfo.allocatable;
      if (a.milliCPU === 0 || a.memory === 0) return maxNodeScore;
      const fc = Math.min((nodeInfo.requested.milliCPU + pod.requests.milliCPU) / a.milliCPU, 1);
      const fm = Math.min((nodeInfo.requested.memory + pod.requests.memory) / a.memory, 1);
      return Math.trunc((1 - Math.abs((fc - fm) / 2)) * maxNodeScore);
    }
    return this.scoreResources(pod, nodeInfo);
  }

  /** Any resources, apart so that the default case above stays small enough to inline. */
  private scoreResources(pod: PodInfo, nodeInfo: NodeInfo): number {
    let n = 0;
    let sum = 0;
    let f0 = 0;
    let f1 = 0;
    let sumSq = 0;
    for (const r of this.resources) {
      const allocatable = allocatableOf(nodeInfo, r.name);
      if (allocatable === 0) continue;
      const f = Math.min(requestedWith(pod, nodeInfo, r.name, false) / allocatable, 1);
      if (n === 0) f0 = f;
      else if (n === 1) f1 = f;
      n++;
      sum += f;
      sumSq += f * f;
    }
    let std = 0;
    if (n === 2) std = Math.abs((f0 - f1) / 2);
    else if (n > 2) {
      const mean = sum / n;
      std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }
    return Math.trunc((1 - std) * maxNodeScore);
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['AssignedPodDelete', 'AssignedPodUpdate', 'NodeAdd', 'NodeUpdate'];
  }
}

function resourceAmountsOfPod(pod: PodInfo, name: string): number {
  return name === 'ephemeral-storage' ? pod.requests.ephemeralStorage : (pod.requests.scalar?.get(name) ?? 0);
}
