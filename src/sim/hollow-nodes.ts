// Hollow nodes (kwok-style): registers Nodes, keeps their Leases and status fresh as a
// kubelet does, and plays kubelet for the pods bound to them, without containers.
// One process carries thousands: two informers (nodes, bound pods) feed one work queue
// whose keys are `node:NAME`, `lease:NAME` and `pod:NS/NAME`; a fixed number of workers
// bounds the requests in flight, and the queue never works one key twice at once, so
// one pod's writes never race. Heartbeats are spread over the interval.
import { randomUUID } from 'node:crypto';
import type { Lease } from 'kubernetes-types/coordination/v1.d.ts';
import type { Node, Pod, PodStatus } from 'kubernetes-types/core/v1.d.ts';
import { realClock, type Clock } from '../apimachinery/clock.ts';
import type { Clientset } from '../client/clientset.ts';
import { isAlreadyExists, isConflict, isNotFound } from '../client/errors.ts';
import { keyOf } from '../client/indexer.ts';
import { Informer } from '../client/informer.ts';
import { microTime } from '../apimachinery/time.ts';
import { ItemExponentialRateLimiter, runWorkers, WorkQueue } from '../client/workqueue.ts';
import { fallbackPodCidr, formatCidr, IpAllocator, parseCidr } from './ip-allocator.ts';
import { healthyConditions, nodeAddress, nodeObject, nodeStatus, type NodeShape } from './node-object.ts';
import { defaultPodTiming, isSubset, mergeConditions, simulatePodStatus, type PodTiming } from './pod-status.ts';

export interface HollowNodesOptions {
  readonly clientset: Clientset;
  /** How many nodes: named `${namePrefix}0` .. `${namePrefix}${nodes - 1}`. */
  readonly nodes: number;
  /** Default `hollow-node-`. */
  readonly namePrefix?: string;
  /** Capacity (and allocatable): default 8 CPUs, 32Gi memory, 110 pods, 100Gi ephemeral storage. */
  readonly cpu?: string;
  readonly memory?: string;
  readonly maxPods?: number;
  readonly ephemeralStorage?: string;
  /** Extra node labels. */
  readonly labels?: Readonly<Record<string, string>>;
  /** nodeInfo.kubeletVersion and containerRuntimeVersion. */
  readonly kubeletVersion: string;
  readonly runtimeVersion: string;
  /** Lease renewal and node status check period (kubelet: 10 s). */
  readonly heartbeatIntervalMs?: number;
  /** Node status is posted when it changed or after this long (kubelet's nodeStatusReportFrequency: 5 min). */
  readonly statusReportIntervalMs?: number;
  readonly leaseDurationSeconds?: number;
  /** Run time and CrashLoopBackOff of simulated containers. */
  readonly podTiming?: Partial<PodTiming>;
  /** A deleted pod goes after min(its grace period, this); default 500 ms. */
  readonly deletionDelayMs?: number;
  /** How long to wait for a podCIDR from the node IPAM controller before using a fallback; default 3 s. */
  readonly podCidrWaitMs?: number;
  /** Where fallback /24s come from; default 10.42.0.0/16. */
  readonly clusterCidr?: string;
  /** Requests in flight at most; default 64. */
  readonly maxInFlight?: number;
  /** Nodes that start silent (registered, but no heartbeats and no pod updates). */
  readonly stopped?: readonly string[];
  readonly clock?: Clock;
  readonly log?: (message: string) => void;
}

interface SimNode {
  readonly name: string;
  readonly index: number;
  /** Its InternalIP, every pod's hostIP. */
  readonly address: string;
  stopped: boolean;
  registered: boolean;
  /** Post status at the next check even if nothing changed (after a resume). */
  forceReport: boolean;
  uid: string | undefined;
  registeredAt: number;
  lastReportAt: number;
  allocator: IpAllocator | undefined;
  cancelHeartbeat: (() => void) | undefined;
}

interface SimPod {
  readonly key: string;
  readonly allocator: IpAllocator;
  readonly ip: string;
  readonly startTime: number;
  released: boolean;
  terminatingSince: number | undefined;
  cancelTimer: (() => void) | undefined;
}

const terminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

export class HollowNodes implements AsyncDisposable {
  private readonly clientset: Clientset;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;
  private readonly shape: NodeShape;
  private readonly timing: PodTiming;
  private readonly heartbeatMs: number;
  private readonly reportMs: number;
  private readonly leaseSeconds: number;
  private readonly deletionDelayMs: number;
  private readonly podCidrWaitMs: number;
  private readonly clusterCidr: string;
  private readonly maxInFlight: number;
  private readonly bootID = randomUUID();
  private readonly nodes = new Map<string, SimNode>();
  private readonly pods = new Map<string, SimPod>();
  private readonly nodeInformer: Informer<Node>;
  private readonly podInformer: Informer<Pod>;
  private readonly queue: WorkQueue;
  private workers: Promise<void> | undefined;
  private registeredCount = 0;
  private registeredWaiters: Array<() => void> = [];
  private fallbackLogged = false;
  private stopped = false;

  constructor(options: HollowNodesOptions) {
    if (!Number.isInteger(options.nodes) || options.nodes < 0) throw new Error(`the node count must be a whole number, got ${options.nodes}`);
    this.clientset = options.clientset;
    this.clock = options.clock ?? realClock;
    this.log = options.log ?? ((message) => console.log(message));
    this.shape = {
      cpu: options.cpu ?? '8',
      memory: options.memory ?? '32Gi',
      maxPods: options.maxPods ?? 110,
      ephemeralStorage: options.ephemeralStorage ?? '100Gi',
      labels: options.labels ?? {},
      kubeletVersion: options.kubeletVersion,
      runtimeVersion: options.runtimeVersion,
    };
    this.timing = { ...defaultPodTiming, ...options.podTiming };
    this.heartbeatMs = options.heartbeatIntervalMs ?? 10_000;
    this.reportMs = options.statusReportIntervalMs ?? 300_000;
    this.leaseSeconds = options.leaseDurationSeconds ?? 40;
    this.deletionDelayMs = options.deletionDelayMs ?? 500;
    this.podCidrWaitMs = options.podCidrWaitMs ?? 3000;
    this.clusterCidr = options.clusterCidr ?? '10.42.0.0/16';
    this.maxInFlight = options.maxInFlight ?? 64;
    const prefix = options.namePrefix ?? 'hollow-node-';
    const stopped = new Set(options.stopped ?? []);
    for (let index = 0; index < options.nodes; index++) {
      const name = `${prefix}${index}`;
      this.nodes.set(name, { name, index, address: nodeAddress(index), stopped: stopped.has(name), registered: false, forceReport: false, uid: undefined, registeredAt: 0, lastReportAt: 0, allocator: undefined, cancelHeartbeat: undefined });
    }
    for (const name of stopped) if (!this.nodes.has(name)) throw new Error(`--stopped names "${name}", which is not one of the hollow nodes`);
    this.queue = new WorkQueue({ clock: this.clock, rateLimiter: new ItemExponentialRateLimiter(200, 30_000) });
    this.nodeInformer = new Informer(this.clientset.nodes, { clock: this.clock });
    this.podInformer = new Informer(this.clientset.pods, {
      clock: this.clock,
      fieldSelector: 'spec.nodeName!=',
      indexers: { node: (pod) => [pod.spec?.nodeName ?? ''] },
    });
  }

  /** The hollow nodes' names, in index order. */
  get nodeNames(): string[] {
    return [...this.nodes.keys()];
  }

  /** Names of the nodes whose heartbeats are stopped. */
  get stoppedNodes(): string[] {
    return [...this.nodes.values()].filter((n) => n.stopped).map((n) => n.name);
  }

  /**
   * Starts the informers and workers and registers every node; resolves once all are
   * registered (logging progress), after which heartbeats run spread over the interval.
   */
  async start(): Promise<void> {
    this.nodeInformer.addEventHandlers({ onAdd: (node) => this.nodeChanged(node), onUpdate: (_, node) => this.nodeChanged(node) });
    this.podInformer.addEventHandlers({
      onAdd: (pod) => this.podChanged(pod),
      onUpdate: (_, pod) => this.podChanged(pod),
      onDelete: (pod) => this.podDeleted(pod),
    });
    this.nodeInformer.start();
    this.podInformer.start();
    await Promise.all([this.nodeInformer.waitForSync(), this.podInformer.waitForSync()]);
    if (this.stopped) return;
    this.workers = runWorkers(this.queue, this.maxInFlight, (key) => this.sync(key), (key, error) => this.log(`${key}: ${(error as Error).message}`));
    const total = this.nodes.size;
    const registered = new Promise<void>((resolve) => {
      if (this.registeredCount >= total) resolve();
      else this.registeredWaiters.push(resolve);
    });
    for (const node of this.nodes.values()) this.queue.add(`node:${node.name}`);
    await registered;
    if (this.stopped) return;
    for (const node of this.nodes.values()) this.scheduleHeartbeat(node, (node.index / Math.max(1, total)) * this.heartbeatMs);
  }

  /** Stops renewing the node's Lease and posting its status, and stops updating its pods (a dead kubelet). */
  stopHeartbeat(nodeName: string): void {
    this.node(nodeName).stopped = true;
  }

  /** Resumes a stopped node: it posts Ready and renews its Lease at once, and catches up with its pods. */
  resumeHeartbeat(nodeName: string): void {
    const node = this.node(nodeName);
    if (!node.stopped) return;
    node.stopped = false;
    node.forceReport = true;
    this.queue.add(`node:${node.name}`);
    this.queue.add(`lease:${node.name}`);
    for (const pod of this.podInformer.store.byIndex('node', node.name)) this.queue.add(`pod:${keyOf(pod)}`);
  }

  /** Stops timers, workers and informers; the nodes stay registered. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const node of this.nodes.values()) node.cancelHeartbeat?.();
    for (const pod of this.pods.values()) pod.cancelTimer?.();
    for (const resolve of this.registeredWaiters.splice(0)) resolve();
    this.queue.shutDown();
    await Promise.all([this.nodeInformer.stop(), this.podInformer.stop(), this.workers]);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private node(name: string): SimNode {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`${name} is not a hollow node`);
    return node;
  }

  private scheduleHeartbeat(node: SimNode, delayMs: number): void {
    node.cancelHeartbeat = this.clock.setTimer(delayMs, () => {
      if (this.stopped) return;
      if (!node.stopped) {
        this.queue.add(`lease:${node.name}`);
        this.queue.add(`node:${node.name}`);
      }
      this.scheduleHeartbeat(node, this.heartbeatMs);
    });
  }

  private nodeChanged(node: Node): void {
    const sim = this.nodes.get(node.metadata?.name ?? '');
    if (!sim) return;
    sim.uid = node.metadata?.uid;
    const cidr = node.spec?.podCIDR ? parseCidr(node.spec.podCIDR) : undefined;
    if (cidr && sim.allocator?.cidr !== formatCidr(cidr)) {
      sim.allocator = new IpAllocator(formatCidr(cidr));
      for (const pod of this.podInformer.store.byIndex('node', sim.name)) this.queue.add(`pod:${keyOf(pod)}`);
    }
  }

  private podChanged(pod: Pod): void {
    if (this.nodes.has(pod.spec?.nodeName ?? '')) this.queue.add(`pod:${keyOf(pod)}`);
  }

  private podDeleted(pod: Pod): void {
    const state = this.pods.get(pod.metadata?.uid ?? '');
    if (!state) return;
    this.pods.delete(pod.metadata!.uid!);
    state.cancelTimer?.();
    if (!state.released) state.allocator.release(state.ip);
  }

  private async sync(key: string): Promise<void> {
    if (this.stopped) return;
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const name = key.slice(colon + 1);
    if (kind === 'node') return this.syncNode(this.node(name));
    if (kind === 'lease') return this.renewLease(this.node(name));
    return this.syncPod(name);
  }

  private markRegistered(node: SimNode): void {
    if (node.registered) return;
    node.registered = true;
    node.registeredAt = this.clock.now();
    this.registeredCount++;
    const total = this.nodes.size;
    if (this.registeredCount % 1000 === 0 || this.registeredCount === total) this.log(`registered ${this.registeredCount}/${total} nodes`);
    if (this.registeredCount === total) for (const resolve of this.registeredWaiters.splice(0)) resolve();
  }

  /** Registers the node (once; a stopped node too, so it exists), else posts its status when due. */
  private async syncNode(node: SimNode): Promise<void> {
    const now = this.clock.now();
    if (!node.registered && this.nodeInformer.store.get(node.name)) {
      // A kubelet restarting finds its Node: it adopts it and posts fresh status.
      node.forceReport = true;
      this.markRegistered(node);
      if (node.stopped) return;
      await this.renewLease(node);
    } else if (!node.registered) {
      try {
        const created = await this.clientset.nodes.create(nodeObject(node.name, node.index, this.shape, this.bootID, now));
        node.uid = created.metadata?.uid;
        node.lastReportAt = now;
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
        node.forceReport = true;
      }
      this.markRegistered(node);
      if (node.stopped) return;
      await this.renewLease(node, !node.forceReport);
      if (!node.forceReport) return;
    }
    if (node.stopped) return;
    const cached = this.nodeInformer.store.get(node.name);
    const desired = nodeStatus(node.name, node.index, this.shape, this.bootID, now);
    desired.conditions = mergeConditions(healthyConditions(now), cached?.status?.conditions, now);
    const withoutHeartbeats = { ...desired, conditions: desired.conditions.map((c) => ({ ...c, lastHeartbeatTime: undefined })) };
    const due = node.forceReport || now - node.lastReportAt >= this.reportMs || !isSubset(withoutHeartbeats, cached?.status);
    if (!due) return;
    try {
      await this.clientset.nodes.patch(undefined, node.name, 'strategic', { status: desired }, { subresource: 'status', discardResult: true });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // Someone deleted the Node: register again, as a kubelet does.
      node.registered = false;
      this.registeredCount--;
      this.queue.add(`node:${node.name}`);
      return;
    }
    node.forceReport = false;
    node.lastReportAt = now;
  }

  /** Renews the node's Lease, creating it when missing (`create` first: a node just registered has none, usually). */
  private async renewLease(node: SimNode, create = false): Promise<void> {
    if (node.stopped || !node.registered) return;
    const spec = { holderIdentity: node.name, leaseDurationSeconds: this.leaseSeconds, renewTime: microTime(this.clock.now()) };
    if (!create) {
      try {
        await this.clientset.leases.patch('kube-node-lease', node.name, 'merge', { spec }, { discardResult: true });
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    const uid = node.uid ?? this.nodeInformer.store.get(node.name)?.metadata?.uid;
    const lease: Lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: node.name,
        namespace: 'kube-node-lease',
        ...(uid ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid }] } : {}),
      },
      spec,
    };
    try {
      await this.clientset.leases.create(lease, { discardResult: true });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      // Left by an earlier run of the simulator: take it over.
      await this.clientset.leases.patch('kube-node-lease', node.name, 'merge', { spec }, { discardResult: true });
    }
  }

  /** The node's pod IP allocator: from spec.podCIDR, or after the wait a fallback /24 (undefined while waiting). */
  private allocatorFor(node: SimNode, now: number): IpAllocator | undefined {
    if (node.allocator) return node.allocator;
    if (now - node.registeredAt < this.podCidrWaitMs) return undefined;
    node.allocator = new IpAllocator(fallbackPodCidr(this.clusterCidr, node.index));
    if (!this.fallbackLogged) {
      this.fallbackLogged = true;
      this.log(`${node.name} has no spec.podCIDR after ${this.podCidrWaitMs} ms (no node IPAM controller?): using ${node.allocator.cidr} from ${this.clusterCidr} by node index, and so for other such nodes`);
    }
    return node.allocator;
  }

  private async syncPod(key: string): Promise<void> {
    const pod = this.podInformer.store.get(key);
    if (!pod) return;
    const node = this.nodes.get(pod.spec?.nodeName ?? '');
    if (!node || node.stopped || !node.registered) return;
    const uid = pod.metadata?.uid ?? '';
    const now = this.clock.now();
    let state = this.pods.get(uid);
    if (!state) {
      if (terminal(pod) && !pod.metadata?.deletionTimestamp) return;
      const allocator = this.allocatorFor(node, now);
      if (!allocator) {
        this.queue.addAfter(`pod:${key}`, node.registeredAt + this.podCidrWaitMs - now);
        return;
      }
      // After a restart of the simulator, a running pod keeps its IP and start time.
      const oldIP = pod.status?.podIP;
      const adopted = oldIP !== undefined && pod.status?.startTime !== undefined && allocator.reserve(oldIP, uid);
      const ip = adopted ? oldIP : allocator.allocate(uid);
      if (ip === undefined) {
        this.log(`${key}: no free IP in ${allocator.cidr} on ${node.name}`);
        return;
      }
      state = { key, allocator, ip, startTime: adopted ? Date.parse(pod.status!.startTime!) : now, released: false, terminatingSince: undefined, cancelTimer: undefined };
      this.pods.set(uid, state);
    }
    if (pod.metadata?.deletionTimestamp) state.terminatingSince ??= now;
    const simulated = simulatePodStatus(pod, { startTime: state.startTime, now, podIP: state.ip, hostIP: node.address, terminatingSince: state.terminatingSince }, this.timing);
    const status: PodStatus = { ...simulated.status, conditions: mergeConditions(simulated.status.conditions!, pod.status?.conditions, now) };
    if (!isSubset(status, pod.status)) {
      try {
        // The answer is the whole pod, which the informer brings anyway: not parsed.
        await this.clientset.pods.patch(pod.metadata?.namespace, pod.metadata!.name!, 'merge', { metadata: { uid }, status }, { subresource: 'status', discardResult: true });
      } catch (error) {
        if (isNotFound(error) || isConflict(error)) return;
        throw error;
      }
    }
    state.cancelTimer?.();
    state.cancelTimer = undefined;
    if (state.terminatingSince !== undefined) {
      const graceMs = (pod.metadata?.deletionGracePeriodSeconds ?? 30) * 1000;
      const deleteAt = state.terminatingSince + Math.min(graceMs, this.deletionDelayMs);
      if (now < deleteAt) {
        this.wakeAt(state, deleteAt, now);
        return;
      }
      try {
        await this.clientset.pods.delete(pod.metadata?.namespace, pod.metadata!.name!, { gracePeriodSeconds: 0, preconditions: { uid } });
      } catch (error) {
        if (!isNotFound(error) && !isConflict(error)) throw error;
      }
      return;
    }
    if (status.phase === 'Succeeded' || status.phase === 'Failed') {
      // The sandbox is gone: its IP can serve another pod.
      if (!state.released) state.allocator.release(state.ip);
      state.released = true;
      return;
    }
    if (simulated.nextChangeAt !== undefined) this.wakeAt(state, simulated.nextChangeAt, now);
  }

  private wakeAt(state: SimPod, at: number, now: number): void {
    state.cancelTimer = this.clock.setTimer(Math.max(0, at - now), () => this.queue.add(`pod:${state.key}`));
  }
}
