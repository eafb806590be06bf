/**
 * The queue of pods waiting to be scheduled (upstream internal/queue PriorityQueue):
 *
 * - activeQ: pods ready to be tried, highest priority first, then longest waiting.
 * - backoffQ: pods that failed and wait out a per-pod exponential backoff (1 s doubling
 *   per attempt up to 10 s by default) before they return to activeQ.
 * - unschedulable pods: pods no node could take. A cluster event moves them to backoffQ
 *   (or activeQ when their backoff is over) if a plugin that rejected them registered that
 *   event; after 5 minutes there they are moved regardless.
 *
 * Also the PodNominator: pods nominated to a node by preemption count there when others
 * are filtered. All timing goes through the injected Clock; `close()` cancels every timer
 * and resolves waiting `pop()` calls with undefined.
 */
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import type { Clock } from '../../apimachinery/clock.ts';
import type { ClusterEvent, PodNominator } from '../framework/interfaces.ts';
import { type PodInfo, podInfoOf, podKey } from '../framework/pod-info.ts';
import { Heap } from './heap.ts';

/** A pod in the queue with its scheduling history (upstream QueuedPodInfo). */
export interface QueuedPodInfo {
  pod: Pod;
  readonly key: string;
  /** When the pod last entered the queue (or was last tried, while unschedulable). */
  timestamp: number;
  /** When the pod was first added. */
  readonly initialAttemptTimestamp: number;
  /** Scheduling attempts so far (incremented by pop). */
  attempts: number;
  /** Plugins that rejected the pod in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** The scheduling cycle in which the pod was last popped. */
  schedulingCycle: number;
}

export interface SchedulingQueueOptions {
  clock: Clock;
  /** Which plugins care about each event (SchedulerCore.eventsToPlugins()); without it every event moves every pod. */
  eventsToPlugins?: ReadonlyMap<ClusterEvent, ReadonlySet<string>>;
  podInitialBackoffMs?: number;
  podMaxBackoffMs?: number;
  /** How long a pod stays unschedulable before it is retried anyway (default 5 min). */
  podMaxInUnschedulablePodsDurationMs?: number;
}

/** How many pods are in each part of the queue. */
export interface PendingCounts {
  active: number;
  backoff: number;
  unschedulable: number;
}

interface Timer {
  due: number;
  cancel: () => void;
}

const priorityOf = (p: QueuedPodInfo) => p.pod.spec?.priority ?? 0;

export class SchedulingQueue implements PodNominator {
  private readonly clock: Clock;
  private readonly eventsToPlugins: ReadonlyMap<ClusterEvent, ReadonlySet<string>> | undefined;
  private readonly initialBackoff: number;
  private readonly maxBackoff: number;
  private readonly maxUnschedulable: number;
  private readonly activeQ: Heap<QueuedPodInfo>;
  private readonly backoffQ: Heap<QueuedPodInfo>;
  /** Insertion order is timestamp order: the first entry is the oldest. */
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private readonly inFlight = new Map<string, QueuedPodInfo>();
  private readonly waiters: Array<(info: QueuedPodInfo | undefined) => void> = [];
  private schedulingCycle = 0;
  private moveRequestCycle = -1;
  private closed = false;
  private backoffTimer: Timer | undefined;
  private unschedulableTimer: Timer | undefined;
  private readonly nominatedByNode = new Map<string, PodInfo[]>();
  private readonly nominatedNodeOf = new Map<string, string>();

  constructor(options: SchedulingQueueOptions) {
    this.clock = options.clock;
    this.eventsToPlugins = options.eventsToPlugins;
    this.initialBackoff = options.podInitialBackoffMs ?? 1_000;
    this.maxBackoff = options.podMaxBackoffMs ?? 10_000;
    this.maxUnschedulable = options.podMaxInUnschedulablePodsDurationMs ?? 5 * 60_000;
    this.activeQ = new Heap(
      (p) => p.key,
      (a, b) => {
        const pa = priorityOf(a);
        const pb = priorityOf(b);
        return pa > pb || (pa === pb && a.timestamp < b.timestamp);
      },
    );
    this.backoffQ = new Heap(
      (p) => p.key,
      (a, b) => this.backoffExpiry(a) < this.backoffExpiry(b),
    );
  }

  // --- backoff --------------------------------------------------------------------------

  /** initial * 2^(attempts-1), at most max; 0 before the first attempt. */
  backoffDuration(info: QueuedPodInfo): number {
    if (info.attempts === 0) return 0;
    let d = this.initialBackoff;
    for (let i = 1; i < info.attempts; i++) {
      if (d > this.maxBackoff - d) return this.maxBackoff;
      d += d;
    }
    return Math.min(d, this.maxBackoff);
  }

  private backoffExpiry(info: QueuedPodInfo): number {
    return info.timestamp + this.backoffDuration(info);
  }

  private isBackingOff(info: QueuedPodInfo): boolean {
    return this.backoffExpiry(info) > this.clock.now();
  }

  // --- adding and popping ---------------------------------------------------------------

  /** A new pending pod: straight to activeQ (or an update when the queue has it). */
  add(pod: Pod): void {
    if (this.closed) return;
    const key = podKey(pod);
    if (this.activeQ.has(key) || this.backoffQ.has(key) || this.unschedulable.has(key) || this.inFlight.has(key)) {
      this.update(undefined, pod);
      return;
    }
    const now = this.clock.now();
    this.toActive({ pod, key, timestamp: now, initialAttemptTimestamp: now, attempts: 0, unschedulablePlugins: new Set(), schedulingCycle: 0 });
    this.updateNomination(pod);
  }

  /**
   * A pending pod changed. In activeQ or backoffQ it is replaced in place; an unschedulable
   * pod whose spec, labels or annotations changed moves to backoffQ/activeQ (else it is
   * replaced in place); an unknown pod is added.
   */
  update(oldPod: Pod | undefined, pod: Pod): void {
    if (this.closed) return;
    const key = podKey(pod);
    this.updateNomination(pod);
    const inQueue = this.activeQ.get(key) ?? this.backoffQ.get(key);
    if (inQueue) {
      inQueue.pod = pod;
      if (this.activeQ.has(key)) this.activeQ.addOrUpdate(inQueue);
      else this.backoffQ.addOrUpdate(inQueue);
      return;
    }
    const flying = this.inFlight.get(key);
    if (flying) {
      flying.pod = pod;
      // Retry soon rather than park it: the change may make it schedulable.
      this.moveRequestCycle = this.schedulingCycle;
      return;
    }
    const parked = this.unschedulable.get(key);
    if (parked) {
      const before = oldPod ?? parked.pod;
      parked.pod = pod;
      if (specChanged(before, pod)) {
        this.unschedulable.delete(key);
        this.toActiveOrBackoff(parked);
      }
      return;
    }
    this.add(pod);
  }

  /** The pod is gone (deleted, or bound by someone else): drop it everywhere. */
  delete(pod: Pod): void {
    const key = podKey(pod);
    this.activeQ.delete(key);
    if (this.backoffQ.delete(key)) this.armBackoffTimer();
    this.unschedulable.delete(key);
    this.inFlight.delete(key);
    this.deleteNominatedPodIfExists(pod);
  }

  /**
   * The next pod to schedule: resolves when activeQ has one, or with undefined once the
   * queue is closed. The pod is in flight until `done` or `addUnschedulable`.
   */
  pop(): Promise<QueuedPodInfo | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    const info = this.popNow();
    if (info) return Promise.resolve(info);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private popNow(): QueuedPodInfo | undefined {
    const info = this.activeQ.pop();
    if (!info) return undefined;
    info.attempts++;
    info.schedulingCycle = ++this.schedulingCycle;
    this.inFlight.set(info.key, info);
    return info;
  }

  private wake(): void {
    while (this.waiters.length > 0 && this.activeQ.size > 0) this.waiters.shift()!(this.popNow());
  }

  /** The pod's cycle ended (bound, or given up): it is no longer in flight. */
  done(pod: Pod): void {
    this.inFlight.delete(podKey(pod));
  }

  /**
   * A popped pod failed to schedule. It waits among the unschedulable pods for an event
   * registered by one of `rejectorPlugins` (any event when there are none); if a move
   * request came while it was in flight, it goes to backoffQ/activeQ at once. Pods deleted
   * while in flight are not re-added.
   */
  addUnschedulable(info: QueuedPodInfo, rejectorPlugins: Iterable<string> = []): void {
    if (this.closed) return;
    const key = info.key;
    if (!this.inFlight.has(key)) return;
    this.inFlight.delete(key);
    info.unschedulablePlugins = new Set(rejectorPlugins);
    info.timestamp = this.clock.now();
    this.updateNomination(info.pod);
    if (this.moveRequestCycle >= info.schedulingCycle) this.toActiveOrBackoff(info);
    else {
      this.unschedulable.set(key, info);
      this.armUnschedulableTimer();
    }
  }

  /**
   * A cluster event happened: unschedulable pods that a plugin registered for it rejected
   * move to backoffQ (still backing off) or activeQ. Pods in flight will follow.
   */
  moveAllToActiveOrBackoff(event: ClusterEvent): void {
    if (this.closed) return;
    const interested = this.eventsToPlugins?.get(event);
    for (const [key, info] of this.unschedulable) {
      if (!this.shouldMove(info, event, interested)) continue;
      this.unschedulable.delete(key);
      this.toActiveOrBackoff(info);
    }
    this.moveRequestCycle = this.schedulingCycle;
    this.armUnschedulableTimer();
  }

  private shouldMove(info: QueuedPodInfo, event: ClusterEvent, interested: ReadonlySet<string> | undefined): boolean {
    if (event === 'UnschedulableTimeout' || event === 'ForceActivate' || !this.eventsToPlugins) return true;
    if (info.unschedulablePlugins.size === 0) return true;
    if (!interested) return false;
    for (const p of info.unschedulablePlugins) if (interested.has(p)) return true;
    return false;
  }

  private toActive(info: QueuedPodInfo): void {
    this.activeQ.addOrUpdate(info);
    this.wake();
  }

  private toActiveOrBackoff(info: QueuedPodInfo): void {
    if (this.isBackingOff(info)) {
      this.backoffQ.addOrUpdate(info);
      this.armBackoffTimer();
    } else this.toActive(info);
  }

  // --- timers -----------------------------------------------------------------------------

  /** Makes `slot`'s timer fire at `due` (undefined: no timer); returns the slot's new timer. */
  private arm(timer: Timer | undefined, due: number | undefined, fire: () => void): Timer | undefined {
    if (this.closed || due === undefined) {
      timer?.cancel();
      return undefined;
    }
    if (timer?.due === due) return timer;
    timer?.cancel();
    return { due, cancel: this.clock.setTimer(due - this.clock.now(), fire) };
  }

  private armBackoffTimer(): void {
    const head = this.backoffQ.peek();
    this.backoffTimer = this.arm(this.backoffTimer, head && this.backoffExpiry(head), () => {
      this.backoffTimer = undefined;
      this.flushBackoffQCompleted();
    });
  }

  /** Moves pods whose backoff is over to activeQ. */
  flushBackoffQCompleted(): void {
    const now = this.clock.now();
    for (let head = this.backoffQ.peek(); head && this.backoffExpiry(head) <= now; head = this.backoffQ.peek()) {
      this.backoffQ.pop();
      this.toActive(head);
    }
    this.armBackoffTimer();
  }

  private armUnschedulableTimer(): void {
    const oldest = this.unschedulable.values().next().value;
    this.unschedulableTimer = this.arm(this.unschedulableTimer, oldest && oldest.timestamp + this.maxUnschedulable, () => {
      this.unschedulableTimer = undefined;
      this.flushUnschedulablePodsLeftover();
    });
  }

  /** Retries pods that have been unschedulable for the maximum duration. */
  flushUnschedulablePodsLeftover(): void {
    const now = this.clock.now();
    for (const [key, info] of this.unschedulable) {
      if (now - info.timestamp < this.maxUnschedulable) break;
      this.unschedulable.delete(key);
      this.toActiveOrBackoff(info);
    }
    this.armUnschedulableTimer();
  }

  // --- nominated pods ---------------------------------------------------------------------

  private updateNomination(pod: Pod): void {
    const node = pod.status?.nominatedNodeName;
    if (node) this.addNominatedPod(pod, node);
    else if (this.nominatedNodeOf.has(podKey(pod))) this.deleteNominatedPodIfExists(pod);
  }

  /** Records that `pod` is nominated to run on `nodeName` (replacing an earlier nomination). */
  addNominatedPod(pod: Pod, nodeName: string): void {
    this.deleteNominatedPodIfExists(pod);
    const key = podKey(pod);
    this.nominatedNodeOf.set(key, nodeName);
    let list = this.nominatedByNode.get(nodeName);
    if (!list) this.nominatedByNode.set(nodeName, (list = []));
    list.push(podInfoOf(pod));
  }

  deleteNominatedPodIfExists(pod: Pod): void {
    const key = podKey(pod);
    const node = this.nominatedNodeOf.get(key);
    if (node === undefined) return;
    this.nominatedNodeOf.delete(key);
    const list = this.nominatedByNode.get(node)?.filter((p) => p.key !== key) ?? [];
    if (list.length > 0) this.nominatedByNode.set(node, list);
    else this.nominatedByNode.delete(node);
  }

  /** Asked for every node the scheduler filters: with no nominations, answers without a lookup. */
  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    if (this.nominatedByNode.size === 0) return noPods;
    return this.nominatedByNode.get(nodeName) ?? noPods;
  }

  // --- inspection and lifecycle -----------------------------------------------------------

  pendingCounts(): PendingCounts {
    return { active: this.activeQ.size, backoff: this.backoffQ.size, unschedulable: this.unschedulable.size };
  }

  /** Every pending pod (not those in flight). */
  pendingPods(): Pod[] {
    return [...this.activeQ.values(), ...this.backoffQ.values(), ...this.unschedulable.values()].map((i) => i.pod);
  }

  /** Stops the queue: cancels its timers, resolves waiting pops with undefined. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.backoffTimer?.cancel();
    this.backoffTimer = undefined;
    this.unschedulableTimer?.cancel();
    this.unschedulableTimer = undefined;
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

const noPods: readonly PodInfo[] = Object.freeze([]);

/** Whether a change could matter to scheduling: spec, labels or annotations (upstream isPodUpdated). */
function specChanged(a: Pod, b: Pod): boolean {
  const strip = (p: Pod) => JSON.stringify([p.spec, p.metadata?.labels, p.metadata?.annotations]);
  return strip(a) !== strip(b);
}
