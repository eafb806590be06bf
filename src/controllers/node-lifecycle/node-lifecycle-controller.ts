// Node lifecycle (upstream nodelifecycle controller): a node whose agent stopped renewing
// its Lease and posting status for the grace period (40 s) gets its conditions set to
// Unknown, its pods marked not ready, and the NoExecute taint `unreachable` (or
// `not-ready` when the agent reports Ready=False); the NoSchedule taints follow the
// conditions and spec.unschedulable. The taints go when the node is Ready again.
import type { Lease } from 'kubernetes-types/coordination/v1.d.ts';
import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1.d.ts';
import { notReadyTaintKey, unreachableTaintKey, unschedulableTaintKey } from '../../api/helpers/taints.ts';
import { isConflict, isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import type { Informer } from '../../client/informer.ts';
import { aborted, type Controller, type ControllerContext } from '../controller.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

export interface NodeLifecycleOptions {
  /** How long a node may stay silent before it is Unknown (upstream --node-monitor-grace-period, 40 s). */
  readonly gracePeriodMs?: number;
  /** How often nodes are checked (upstream --node-monitor-period, 5 s). */
  readonly monitorPeriodMs?: number;
}

const nodeConditionTypes = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

interface Health {
  /** When this controller last saw the node alive (its own clock). */
  probeAt: number;
  heartbeat: string;
  leaseRenew: string;
}

export const readyCondition = (node: Node): NodeCondition | undefined => node.status?.conditions?.find((c) => c.type === 'Ready');

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';
  private readonly ctx: ControllerContext;
  private readonly nodes: Informer<Node>;
  private readonly leases: Informer<Lease>;
  private readonly pods: Informer<Pod>;
  private readonly recorder: EventRecorder;
  private readonly gracePeriodMs: number;
  private readonly monitorPeriodMs: number;
  private readonly health = new Map<string, Health>();

  constructor(ctx: ControllerContext, options: NodeLifecycleOptions = {}) {
    this.ctx = ctx;
    this.gracePeriodMs = options.gracePeriodMs ?? 40_000;
    this.monitorPeriodMs = options.monitorPeriodMs ?? 5_000;
    this.recorder = ctx.recorder('node-controller');
    this.nodes = ctx.informers.informer<Node>('nodes');
    this.leases = ctx.informers.informer<Lease>('leases', 'coordination.k8s.io', { namespace: 'kube-node-lease' });
    this.pods = ctx.informers.informer<Pod>('pods', '', { indexers: { nodeName: podNodeIndex } });
    this.nodes.addEventHandlers({
      onAdd: (node) => this.recorder.event(nodeRef(node), 'Normal', 'RegisteredNode', `Node ${node.metadata!.name!} event: Registered Node ${node.metadata!.name!} in Controller`),
      onDelete: (node) => {
        this.health.delete(node.metadata!.name!);
        this.recorder.event(nodeRef(node), 'Normal', 'RemovingNode', `Node ${node.metadata!.name!} event: Removing Node ${node.metadata!.name!} from Controller`);
      },
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    let cancel: () => void = () => {};
    let running: Promise<void> = Promise.resolve();
    const tick = () => {
      running = this.monitor()
        .catch((error: unknown) => this.ctx.log(`node-lifecycle: ${(error as Error).message}`))
        .finally(() => {
          if (!signal.aborted) cancel = this.ctx.clock.setTimer(this.monitorPeriodMs, tick);
        });
    };
    tick();
    await aborted(signal);
    cancel();
    await running;
  }

  /** One pass over every node: health from heartbeats, conditions, taints. */
  async monitor(): Promise<void> {
    const now = this.ctx.clock.now();
    for (const cached of this.nodes.store.list()) {
      let node = cached;
      const health = this.observe(node, now);
      if (now - health.probeAt > this.gracePeriodMs) node = (await this.markUnknown(node)) ?? node;
      await this.reconcileTaints(node);
    }
    for (const name of this.health.keys()) if (!this.nodes.store.get(name)) this.health.delete(name);
  }

  private observe(node: Node, now: number): Health {
    const name = node.metadata!.name!;
    const heartbeat = readyCondition(node)?.lastHeartbeatTime ?? '';
    const leaseRenew = this.leases.store.getByName('kube-node-lease', name)?.spec?.renewTime ?? '';
    let health = this.health.get(name);
    // A node first seen gets a full grace period, as upstream after a controller restart.
    if (!health) this.health.set(name, (health = { probeAt: now, heartbeat, leaseRenew }));
    if (health.heartbeat !== heartbeat || health.leaseRenew !== leaseRenew) {
      health.probeAt = now;
      health.heartbeat = heartbeat;
      health.leaseRenew = leaseRenew;
    }
    return health;
  }

  /** Sets every node condition to Unknown (once) and marks the node's pods not ready. */
  private async markUnknown(node: Node): Promise<Node | undefined> {
    const conditions = node.status?.conditions ?? [];
    const stale = conditions.some((c) => nodeConditionTypes.includes(c.type) && c.status !== 'Unknown') || !readyCondition(node);
    if (!stale) return undefined;
    const name = node.metadata!.name!;
    const now = rfc3339(this.ctx.clock.now());
    const next: NodeCondition[] = conditions.map((c) =>
      nodeConditionTypes.includes(c.type) && c.status !== 'Unknown'
        ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now }
        : c,
    );
    if (!readyCondition(node)) {
      next.push({ type: 'Ready', status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata?.creationTimestamp ?? now, lastTransitionTime: now });
    }
    let updated: Node;
    try {
      updated = await this.ctx.clientset.nodes.updateStatus({ ...node, status: { ...node.status, conditions: next } });
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return undefined;
      throw error;
    }
    this.recorder.event(nodeRef(node), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    await this.markPodsNotReady(name, now);
    return updated;
  }

  private async markPodsNotReady(nodeName: string, now: string): Promise<void> {
    for (const pod of this.pods.store.byIndex('nodeName', nodeName)) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      await this.ctx.clientset.pods
        .patch(pod.metadata!.namespace, pod.metadata!.name!, 'strategic', { status: { conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now }] } }, { subresource: 'status' })
        .catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
    }
  }

  /** Makes the node's condition taints match its conditions and spec.unschedulable. */
  private async reconcileTaints(node: Node): Promise<void> {
    const want = desiredTaints(node, rfc3339(this.ctx.clock.now()));
    const managed = new Set([notReadyTaintKey, unreachableTaintKey, unschedulableTaintKey]);
    const current = node.spec?.taints ?? [];
    const kept = current.filter((t) => !managed.has(t.key) || want.some((w) => w.key === t.key && w.effect === t.effect));
    const added = want.filter((w) => !current.some((t) => t.key === w.key && t.effect === w.effect));
    if (added.length === 0 && kept.length === current.length) return;
    try {
      await this.ctx.clientset.nodes.update({ ...node, spec: { ...node.spec, taints: [...kept, ...added] } });
    } catch (error) {
      // A newer node is in the cache soon; the next pass tries again.
      if (!isConflict(error) && !isNotFound(error)) throw error;
    }
  }
}

/** The condition taints a node should carry; NoExecute ones are stamped with the time they were added. */
export function desiredTaints(node: Node, now: string): Taint[] {
  const ready = readyCondition(node)?.status;
  const taints: Taint[] = [];
  if (ready === 'False') taints.push({ key: notReadyTaintKey, effect: 'NoSchedule' }, { key: notReadyTaintKey, effect: 'NoExecute', timeAdded: now });
  if (ready === 'Unknown') taints.push({ key: unreachableTaintKey, effect: 'NoSchedule' }, { key: unreachableTaintKey, effect: 'NoExecute', timeAdded: now });
  if (node.spec?.unschedulable) taints.push({ key: unschedulableTaintKey, effect: 'NoSchedule' });
  return taints;
}

export const podNodeIndex = (pod: Pod): string[] => (pod.spec?.nodeName ? [pod.spec.nodeName] : []);

const nodeRef = (node: Node) => ({ kind: 'Node', apiVersion: 'v1', metadata: { name: node.metadata!.name!, uid: node.metadata!.name! } });
