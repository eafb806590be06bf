/**
 * Node-level aggregates (upstream framework.NodeInfo): the node, the pods on it, what they
 * request, the host ports they use, and the subsets of pods with (anti-)affinity. Adding
 * and removing a pod updates the aggregates in place, and bumps `generation`.
 *
 * A NodeInfo owned by the cache is shared with snapshots: plugins must treat it as
 * read-only. Preemption works on a `clone()`.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1.d.ts';
import type { Labels } from '../../apimachinery/labels.ts';
import { type HostPort, type PodInfo } from './pod-info.ts';
import { type Resource, addResource, cloneResource, emptyResource, nodeAllocatable } from './resources.ts';

let nextGeneration = 1;
const emptyLabels: Labels = Object.freeze({});

/** Host ports in use: ip -> "protocol/port" -> count of pods using it. */
export class HostPortInfo {
  private readonly byIP = new Map<string, Map<string, number>>();

  get size(): number {
    return this.byIP.size;
  }

  add(p: HostPort, delta: number): void {
    let ports = this.byIP.get(p.ip);
    if (!ports) this.byIP.set(p.ip, (ports = new Map()));
    const k = `${p.protocol}/${p.port}`;
    const n = (ports.get(k) ?? 0) + delta;
    if (n > 0) ports.set(k, n);
    else ports.delete(k);
    if (ports.size === 0) this.byIP.delete(p.ip);
  }

  /** Whether `p` conflicts with a used port (0.0.0.0 conflicts with every address), as upstream CheckConflict. */
  conflicts(p: HostPort): boolean {
    const k = `${p.protocol}/${p.port}`;
    if (p.ip === '0.0.0.0') {
      for (const ports of this.byIP.values()) if (ports.has(k)) return true;
      return false;
    }
    return (this.byIP.get(p.ip)?.has(k) ?? false) || (this.byIP.get('0.0.0.0')?.has(k) ?? false);
  }

  clone(): HostPortInfo {
    const c = new HostPortInfo();
    for (const [ip, ports] of this.byIP) c.byIP.set(ip, new Map(ports));
    return c;
  }
}

export class NodeInfo {
  /** The node; undefined for a node already deleted while pods still point at it. */
  node: Node | undefined;
  name: string;
  labels: Labels = emptyLabels;
  allocatable: Resource = emptyResource();
  /** The node's NoSchedule and NoExecute taints, for filtering. */
  hardTaints: readonly Taint[] = [];
  /** The node's PreferNoSchedule taints, for scoring. */
  softTaints: readonly Taint[] = [];
  /** spec.unschedulable (cordoned), read here rather than from the node on every filter. */
  unschedulable = false;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** Sum of the pods' requests. */
  requested: Resource = emptyResource();
  /** Sum of the pods' requests with non-zero cpu/memory defaults (scoring). */
  nonZeroRequested: Resource = emptyResource();
  usedPorts = new HostPortInfo();
  /** Bumped on every change. */
  generation = nextGeneration++;

  constructor(name: string, node?: Node) {
    this.name = name;
    if (node) this.setNode(node);
  }

  setNode(node: Node): void {
    this.node = node;
    this.name = node.metadata?.name ?? this.name;
    this.labels = node.metadata?.labels ?? emptyLabels;
    this.allocatable = nodeAllocatable(node.status?.allocatable as Record<string, string> | undefined);
    const taints = node.spec?.taints ?? [];
    this.hardTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    this.softTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
    this.unschedulable = node.spec?.unschedulable === true;
    this.generation = nextGeneration++;
  }

  /** Removes the node object, keeping the pods (upstream RemoveNode). */
  removeNode(): void {
    this.node = undefined;
    this.generation = nextGeneration++;
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity) this.podsWithAffinity.push(pi);
    if (pi.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.push(pi);
    this.update(pi, 1);
  }

  /** Removes the pod with `pi`'s key; returns the removed PodInfo, or undefined when absent. */
  removePod(pi: PodInfo): PodInfo | undefined {
    const removed = removeByKey(this.pods, pi.key);
    if (!removed) return undefined;
    if (removed.hasAffinity) removeByKey(this.podsWithAffinity, pi.key);
    if (removed.requiredAntiAffinityTerms.length > 0) removeByKey(this.podsWithRequiredAntiAffinity, pi.key);
    this.update(removed, -1);
    return removed;
  }

  private update(pi: PodInfo, sign: number): void {
    addResource(this.requested, pi.requests, sign);
    this.nonZeroRequested.milliCPU += sign * pi.nonZeroRequests.milliCPU;
    this.nonZeroRequested.memory += sign * pi.nonZeroRequests.memory;
    for (const p of pi.hostPorts) this.usedPorts.add(p, sign);
    this.generation = nextGeneration++;
  }

  /**
   * The lowest priority among the node's pods (Infinity with none), worked out once per
   * change: preemption asks it of every node for every pod that does not fit.
   */
  lowestPriority(): number {
    if (this.lowest.generation !== this.generation) {
      let value = Infinity;
      for (const pi of this.pods) if (pi.priority < value) value = pi.priority;
      this.lowest = { generation: this.generation, value };
    }
    return this.lowest.value;
  }

  private lowest = { generation: -1, value: Infinity };

  /** An independent copy (pods lists copied, aggregates cloned), for simulations. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.labels = this.labels;
    c.allocatable = this.allocatable;
    c.hardTaints = this.hardTaints;
    c.softTaints = this.softTaints;
    c.unschedulable = this.unschedulable;
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.requested = cloneResource(this.requested);
    c.nonZeroRequested = cloneResource(this.nonZeroRequested);
    c.usedPorts = this.usedPorts.clone();
    c.generation = this.generation;
    return c;
  }
}

function removeByKey(list: PodInfo[], key: string): PodInfo | undefined {
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.key === key) {
      list[i] = list[list.length - 1]!;
      list.pop();
      return p;
    }
  }
  return undefined;
}
