// The scheduler process around SchedulerCore: informers feed the cache and the queue,
// one loop pops pods and runs scheduling cycles, bindings go out through the pods/binding
// subresource in parallel, and failures become the upstream FailedScheduling event and
// PodScheduled condition. Preemption deletes the victims and nominates the pod.
import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1.d.ts';
import type { Clock } from '../apimachinery/clock.ts';
import type { Clientset } from '../client/clientset.ts';
import { isConflict, isNotFound } from '../client/errors.ts';
import type { EventRecorder } from '../client/events.ts';
import type { Informer } from '../client/informer.ts';
import type { InformerFactory } from '../client/informer-factory.ts';
import { keyOf } from '../client/indexer.ts';
import { SchedulingQueue, type QueuedPodInfo } from './queue/scheduling-queue.ts';
import { SchedulerCore } from './scheduler-core.ts';
import { rfc3339 } from '../apimachinery/time.ts';

export const defaultSchedulerName = 'default-scheduler';

export interface SchedulerDeps {
  readonly clientset: Clientset;
  readonly informers: InformerFactory;
  readonly clock: Clock;
  recorder(component: string): EventRecorder;
  log(message: string): void;
}

export interface SchedulerOptions {
  /** 0 or unset: upstream's adaptive default. */
  readonly percentageOfNodesToScore?: number;
  readonly podInitialBackoffMs?: number;
  readonly podMaxBackoffMs?: number;
  /** Bindings in flight at once; the loop waits when this many are out. */
  readonly maxBindsInFlight?: number;
}

const isAssigned = (pod: Pod) => Boolean(pod.spec?.nodeName);
const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const timestamp = (clock: Clock) => rfc3339(clock.now());

export class Scheduler {
  private readonly deps: SchedulerDeps;
  private readonly options: SchedulerOptions;
  private readonly core: SchedulerCore;
  private readonly queue: SchedulingQueue;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly recorder: EventRecorder;
  private readonly binds = new Set<Promise<void>>();
  /** Pods scheduled and bound since start, for logs and benchmarks. */
  scheduledCount = 0;

  constructor(deps: SchedulerDeps, options: SchedulerOptions = {}) {
    this.deps = deps;
    this.options = options;
    this.recorder = deps.recorder(defaultSchedulerName);
    this.core = new SchedulerCore({ clock: deps.clock, ...(options.percentageOfNodesToScore ? { percentageOfNodesToScore: options.percentageOfNodesToScore } : {}) });
    this.queue = new SchedulingQueue({
      clock: deps.clock,
      eventsToPlugins: this.core.eventsToPlugins(),
      ...(options.podInitialBackoffMs !== undefined ? { podInitialBackoffMs: options.podInitialBackoffMs } : {}),
      ...(options.podMaxBackoffMs !== undefined ? { podMaxBackoffMs: options.podMaxBackoffMs } : {}),
    });
    this.core.setNominator(this.queue);
    this.nodes = deps.informers.informer<Node>('nodes');
    this.pods = deps.informers.informer<Pod>('pods');
    this.nodes.addEventHandlers({
      onAdd: (node) => {
        this.core.addNode(node);
        this.queue.moveAllToActiveOrBackoff('NodeAdd');
      },
      onUpdate: (old, node) => {
        this.core.updateNode(old, node);
        this.queue.moveAllToActiveOrBackoff('NodeUpdate');
      },
      onDelete: (node) => {
        this.core.removeNode(node);
        this.queue.moveAllToActiveOrBackoff('NodeDelete');
      },
    });
    this.pods.addEventHandlers({
      onAdd: (pod) => this.podAdded(pod),
      onUpdate: (old, pod) => this.podUpdated(old, pod),
      onDelete: (pod) => this.podDeleted(pod),
    });
  }

  /** Whether this scheduler should place the pod. */
  private responsibleFor(pod: Pod): boolean {
    return (pod.spec?.schedulerName ?? defaultSchedulerName) === defaultSchedulerName && !pod.metadata?.deletionTimestamp && !isTerminal(pod);
  }

  private podAdded(pod: Pod): void {
    if (isAssigned(pod)) {
      if (!isTerminal(pod)) this.core.addPod(pod);
      this.queue.moveAllToActiveOrBackoff('AssignedPodAdd');
    } else if (this.responsibleFor(pod)) this.queue.add(pod);
  }

  private podUpdated(old: Pod, pod: Pod): void {
    if (isAssigned(pod)) {
      if (!isAssigned(old)) {
        // Bound (by us or someone else): it leaves the queue and counts on its node.
        this.queue.delete(pod);
        this.core.addPod(pod);
      } else if (isTerminal(pod)) {
        // A finished pod no longer holds resources on its node.
        this.core.removePod(old);
        this.queue.moveAllToActiveOrBackoff('AssignedPodDelete');
        return;
      } else this.core.updatePod(old, pod);
      this.queue.moveAllToActiveOrBackoff('AssignedPodUpdate');
    } else if (this.responsibleFor(pod)) this.queue.update(old, pod);
    else this.queue.delete(pod);
  }

  private podDeleted(pod: Pod): void {
    if (isAssigned(pod)) {
      this.core.removePod(pod);
      this.queue.moveAllToActiveOrBackoff('AssignedPodDelete');
    } else this.queue.delete(pod);
  }

  /** Schedules until the signal aborts; informers must be started and synced. */
  async run(signal: AbortSignal): Promise<void> {
    if (signal.aborted) this.queue.close();
    else signal.addEventListener('abort', () => this.queue.close(), { once: true });
    const maxBinds = this.options.maxBindsInFlight ?? 256;
    let lastYield = performance.now();
    for (;;) {
      const info = await this.queue.pop();
      if (!info) break;
      this.scheduleOne(info);
      // Pops resolve at once while pods wait; give sockets and timers their turn now and then.
      if (this.binds.size >= maxBinds) await Promise.race(this.binds);
      if (performance.now() - lastYield > 5) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
    await Promise.allSettled([...this.binds]);
  }

  private scheduleOne(info: QueuedPodInfo): void {
    // The queue may hold an older copy; the cache knows if the pod was deleted or bound meanwhile.
    const pod = this.pods.store.get(info.key) ?? info.pod;
    if (!this.pods.store.get(info.key) || isAssigned(pod) || !this.responsibleFor(pod)) {
      this.queue.done(pod);
      return;
    }
    const result = this.core.schedule(pod);
    if (result.kind === 'scheduled') {
      const bind = this.bind(info, pod, result.nodeName);
      this.binds.add(bind);
      void bind.finally(() => this.binds.delete(bind));
      return;
    }
    if (result.kind === 'error') {
      this.failed(info, pod, 'SchedulerError', result.message, []);
      return;
    }
    if (result.nominatedNodeName && result.victims) void this.preempt(pod, result.nominatedNodeName, result.victims);
    this.failed(info, pod, 'Unschedulable', result.message, result.rejectorPlugins, result.nominatedNodeName);
  }

  private async bind(info: QueuedPodInfo, pod: Pod, nodeName: string): Promise<void> {
    const { namespace, name, uid } = pod.metadata!;
    try {
      await this.deps.clientset.pods.createSubresource(namespace, name!, 'binding', {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name, namespace, uid },
        target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
      });
      this.core.bound(pod);
      this.queue.done(pod);
      this.scheduledCount++;
      this.recorder.event(withKind(pod), 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`);
    } catch (error) {
      this.core.forget(pod);
      if (isNotFound(error)) {
        this.queue.done(pod);
        return;
      }
      this.failed(info, pod, 'SchedulerError', `binding rejected: ${(error as Error).message}`, []);
    }
  }

  /** Records the failure (event and PodScheduled condition) and parks the pod in the queue. */
  private failed(info: QueuedPodInfo, pod: Pod, reason: string, message: string, rejectorPlugins: readonly string[], nominatedNodeName?: string): void {
    this.queue.addUnschedulable(info, rejectorPlugins);
    this.recorder.event(withKind(pod), 'Warning', 'FailedScheduling', message);
    const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (current?.status === 'False' && current.reason === reason && current.message === message && !nominatedNodeName) return;
    const condition: PodCondition = { type: 'PodScheduled', status: 'False', reason, message, lastProbeTime: null as unknown as string, lastTransitionTime: timestamp(this.deps.clock) };
    const status: Record<string, unknown> = { conditions: [condition] };
    if (nominatedNodeName) status.nominatedNodeName = nominatedNodeName;
    void this.deps.clientset.pods.patch(pod.metadata!.namespace, pod.metadata!.name!, 'strategic', { status }, { subresource: 'status' }).catch((error: unknown) => {
      if (!isNotFound(error) && !isConflict(error)) this.deps.log(`scheduler: cannot update ${keyOf(pod)}: ${(error as Error).message}`);
    });
  }

  /** Deletes the lower-priority pods preemption chose, so the nominated pod fits on the node. */
  private async preempt(preemptor: Pod, nodeName: string, victims: readonly Pod[]): Promise<void> {
    this.queue.addNominatedPod(preemptor, nodeName);
    for (const victim of victims) {
      const { namespace, name, uid } = victim.metadata!;
      this.recorder.event(withKind(victim), 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata?.uid ?? ''} on node ${nodeName}`);
      try {
        await this.deps.clientset.pods.patch(
          namespace,
          name!,
          'strategic',
          { status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${defaultSchedulerName}: preempting to accommodate a higher priority pod`, lastTransitionTime: timestamp(this.deps.clock) }] } },
          { subresource: 'status' },
        );
        await this.deps.clientset.pods.delete(namespace, name!, { preconditions: { uid: uid! } });
      } catch (error) {
        if (!isNotFound(error) && !isConflict(error)) this.deps.log(`scheduler: cannot preempt ${namespace}/${name}: ${(error as Error).message}`);
      }
    }
  }
}

const withKind = (pod: Pod): Pod => (pod.kind ? pod : { ...pod, kind: 'Pod', apiVersion: 'v1' });
