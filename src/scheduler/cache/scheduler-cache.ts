/**
 * The scheduler's view of the cluster (upstream internal/cache): nodes and the pods bound
 * or assumed on them, as NodeInfos kept up to date incrementally. Fed by the caller from
 * informers (addNode/updateNode/removeNode, addPod/updatePod/removePod for assigned pods)
 * and by the scheduling cycle (assume, finishBinding, forget).
 *
 * An assumed pod counts on its node at once, before the binding is written. Once the
 * binding call returned (finishBinding), the informer's add confirms it; if that never
 * comes, the assumption expires after `assumedPodTtlMs` (0: never).
 *
 * The cache is its own snapshot: `snapshot()` returns a read-only view whose NodeInfos are
 * the live ones, valid until the next feed call. Scheduling is synchronous, so a cycle
 * never sees a change half-way; nothing is copied per cycle.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1.d.ts';
import type { Clock } from '../../apimachinery/clock.ts';
import type { NodeInfoLister } from '../framework/interfaces.ts';
import { NodeInfo } from '../framework/node-info.ts';
import { PodInfo, podInfoOf, podKey } from '../framework/pod-info.ts';

interface PodState {
  info: PodInfo;
  nodeName: string;
  assumed: boolean;
  bindingFinished: boolean;
  /** When an assumed pod whose binding finished expires (ms since the epoch). */
  deadline: number;
}

export interface SchedulerCacheOptions {
  clock: Clock;
  /** How long an assumed pod whose binding finished waits for its informer add; 0 = forever. Default 15 min. */
  assumedPodTtlMs?: number;
}

export class SchedulerCache implements NodeInfoLister {
  private readonly clock: Clock;
  private readonly ttl: number;
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly pods = new Map<string, PodState>();
  private readonly assumedKeys = new Set<string>();
  private list: NodeInfo[] = [];
  private listDirty = false;
  private affinityList: NodeInfo[] = [];
  private antiAffinityList: NodeInfo[] = [];
  private affinityDirty = false;
  /** The earliest deadline among assumed pods whose binding finished. */
  private nextDeadline = Infinity;

  constructor(options: SchedulerCacheOptions) {
    this.clock = options.clock;
    this.ttl = options.assumedPodTtlMs ?? 15 * 60_000;
  }

  // --- NodeInfoLister -----------------------------------------------------------------

  get nodeInfoList(): readonly NodeInfo[] {
    if (this.listDirty) {
      this.list = [];
      for (const ni of this.nodes.values()) if (ni.node) this.list.push(ni);
      this.listDirty = false;
    }
    return this.list;
  }

  get havePodsWithAffinityList(): readonly NodeInfo[] {
    this.refreshAffinityLists();
    return this.affinityList;
  }

  get havePodsWithRequiredAntiAffinityList(): readonly NodeInfo[] {
    this.refreshAffinityLists();
    return this.antiAffinityList;
  }

  get(nodeName: string): NodeInfo | undefined {
    const ni = this.nodes.get(nodeName);
    return ni?.node ? ni : undefined;
  }

  private refreshAffinityLists(): void {
    if (!this.affinityDirty) return;
    this.affinityList = [];
    this.antiAffinityList = [];
    for (const ni of this.nodeInfoList) {
      if (ni.podsWithAffinity.length > 0) this.affinityList.push(ni);
      if (ni.podsWithRequiredAntiAffinity.length > 0) this.antiAffinityList.push(ni);
    }
    this.affinityDirty = false;
  }

  /** Expires overdue assumed pods, then returns the read-only view for one cycle. */
  snapshot(): NodeInfoLister {
    this.cleanupExpiredAssumedPods();
    return this;
  }

  /** Number of nodes (with a Node object). */
  get nodeCount(): number {
    return this.nodeInfoList.length;
  }

  // --- nodes --------------------------------------------------------------------------

  addNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const ni = this.nodes.get(name);
    if (ni) {
      if (!ni.node) this.listDirty = true;
      ni.setNode(node);
    } else {
      this.nodes.set(name, new NodeInfo(name, node));
      this.listDirty = true;
    }
    this.affinityDirty = true;
  }

  updateNode(_old: Node | undefined, node: Node): void {
    this.addNode(node);
  }

  /** Removes the node; its pods stay accounted (as upstream) until they are removed. */
  removeNode(node: Node): void {
    const name = node.metadata?.name ?? '';
    const ni = this.nodes.get(name);
    if (!ni) return;
    if (ni.pods.length === 0) this.nodes.delete(name);
    else ni.removeNode();
    this.listDirty = true;
    this.affinityDirty = true;
  }

  // --- pods ---------------------------------------------------------------------------

  private nodeInfoFor(name: string): NodeInfo {
    let ni = this.nodes.get(name);
    if (!ni) this.nodes.set(name, (ni = new NodeInfo(name)));
    return ni;
  }

  private place(info: PodInfo, nodeName: string): void {
    this.nodeInfoFor(nodeName).addPod(info);
    if (info.hasAffinity) this.affinityDirty = true;
  }

  private unplace(info: PodInfo, nodeName: string): void {
    const ni = this.nodes.get(nodeName);
    if (!ni) return;
    ni.removePod(info);
    if (info.hasAffinity) this.affinityDirty = true;
    if (!ni.node && ni.pods.length === 0) this.nodes.delete(nodeName);
  }

  /** An assigned pod seen by the informer: confirms an assumed pod, or adds it. */
  addPod(pod: Pod): void {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    const key = podKey(pod);
    const state = this.pods.get(key);
    if (state) this.unplace(state.info, state.nodeName);
    const info = podInfoOf(pod);
    this.place(info, nodeName);
    this.pods.set(key, { info, nodeName, assumed: false, bindingFinished: false, deadline: 0 });
    this.assumedKeys.delete(key);
  }

  updatePod(_old: Pod | undefined, pod: Pod): void {
    this.addPod(pod);
  }

  removePod(pod: Pod): void {
    const key = podKey(pod);
    const state = this.pods.get(key);
    if (!state) return;
    this.unplace(state.info, state.nodeName);
    this.pods.delete(key);
    this.assumedKeys.delete(key);
  }

  /**
   * Counts `pod` on `nodeName` before it is bound. Returns the assumed copy (spec.nodeName
   * set; the given pod is not changed), or undefined when the pod is already in the cache.
   */
  assume(pod: Pod, nodeName: string): Pod | undefined {
    const key = podKey(pod);
    if (this.pods.has(key)) return undefined;
    const copy: Pod = { ...pod, spec: { ...pod.spec!, nodeName } };
    const info = new PodInfo(copy, podInfoOf(pod));
    this.place(info, nodeName);
    this.pods.set(key, { info, nodeName, assumed: true, bindingFinished: false, deadline: 0 });
    this.assumedKeys.add(key);
    return copy;
  }

  /** The binding call returned: start the assumed pod's expiry clock. */
  finishBinding(pod: Pod): void {
    const state = this.pods.get(podKey(pod));
    if (!state?.assumed) return;
    state.bindingFinished = true;
    state.deadline = this.ttl > 0 ? this.clock.now() + this.ttl : Infinity;
    if (state.deadline < this.nextDeadline) this.nextDeadline = state.deadline;
  }

  /** Drops an assumed pod (binding failed). Bound pods are left alone. */
  forget(pod: Pod): void {
    const key = podKey(pod);
    const state = this.pods.get(key);
    if (!state?.assumed) return;
    this.unplace(state.info, state.nodeName);
    this.pods.delete(key);
    this.assumedKeys.delete(key);
  }

  isAssumed(pod: Pod): boolean {
    return this.assumedKeys.has(podKey(pod));
  }

  /** The node a pod is bound or assumed on, if the cache knows the pod. */
  nodeOf(pod: Pod): string | undefined {
    return this.pods.get(podKey(pod))?.nodeName;
  }

  /** Removes assumed pods whose binding finished more than the TTL ago. */
  cleanupExpiredAssumedPods(): void {
    const now = this.clock.now();
    if (this.assumedKeys.size === 0 || now < this.nextDeadline) return;
    this.nextDeadline = Infinity;
    for (const key of this.assumedKeys) {
      const state = this.pods.get(key)!;
      if (!state.bindingFinished) continue;
      if (state.deadline <= now) {
        this.unplace(state.info, state.nodeName);
        this.pods.delete(key);
        this.assumedKeys.delete(key);
      } else if (state.deadline < this.nextDeadline) this.nextDeadline = state.deadline;
    }
  }
}
