// Taint eviction (upstream's taint-eviction-controller, once the NoExecute taint
// manager): a pod on a node with NoExecute taints it does not tolerate is deleted at
// once; one that tolerates them for tolerationSeconds is deleted when the shortest of
// those runs out, unless the taints go first. Tolerations without tolerationSeconds
// keep the pod forever.
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1.d.ts';
import { toleratesTaint } from '../../api/helpers/taints.ts';
import { isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf, splitKey } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import { runWorkers, WorkQueue } from '../../client/workqueue.ts';
import { aborted, type Controller, type ControllerContext } from '../controller.ts';
import { podNodeIndex } from './node-lifecycle-controller.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

/** How long a pod may stay: 0 for now, Infinity for ever, else milliseconds. */
export function tolerationTimeMs(pod: Pod, taints: readonly Taint[]): number {
  let min = Infinity;
  for (const taint of taints) {
    const matching = (pod.spec?.tolerations ?? []).filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return 0;
    for (const t of matching) if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) min = Math.min(min, Math.max(0, t.tolerationSeconds) * 1000);
  }
  return min;
}

export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction-controller';
  private readonly ctx: ControllerContext;
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  /** Pods with an eviction scheduled: when, and the timer's cancel. */
  private readonly scheduled = new Map<string, { at: number; cancel: () => void }>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.recorder = ctx.recorder('taint-eviction-controller');
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.nodes = ctx.informers.informer<Node>('nodes');
    this.pods = ctx.informers.informer<Pod>('pods', '', { indexers: { nodeName: podNodeIndex } });
    const enqueueNodePods = (node: Node) => {
      for (const pod of this.pods.store.byIndex('nodeName', node.metadata!.name!)) this.queue.add(keyOf(pod));
    };
    this.nodes.addEventHandlers({ onAdd: enqueueNodePods, onUpdate: (_, node) => enqueueNodePods(node) });
    this.pods.addEventHandlers({
      onAdd: (pod) => this.queue.add(keyOf(pod)),
      onUpdate: (_, pod) => this.queue.add(keyOf(pod)),
      onDelete: (pod) => this.cancel(keyOf(pod)),
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    const workers = runWorkers(this.queue, 4, (key) => this.sync(key), (key, error) => this.ctx.log(`taint-eviction: ${key}: ${(error as Error).message}`));
    await aborted(signal);
    this.queue.shutDown();
    for (const key of [...this.scheduled.keys()]) this.cancel(key);
    await workers;
  }

  private cancel(key: string): void {
    this.scheduled.get(key)?.cancel();
    this.scheduled.delete(key);
  }

  private async sync(key: string): Promise<void> {
    const pod = this.pods.store.get(key);
    const nodeName = pod?.spec?.nodeName;
    const node = nodeName ? this.nodes.store.get(nodeName) : undefined;
    const taints = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (!pod || !node || pod.metadata?.deletionTimestamp || taints.length === 0) {
      this.cancel(key);
      return;
    }
    const waitMs = tolerationTimeMs(pod, taints);
    if (waitMs === Infinity) {
      this.cancel(key);
      return;
    }
    const now = this.ctx.clock.now();
    const existing = this.scheduled.get(key);
    // A pod already counting down keeps its deadline unless its tolerations shortened it.
    const due = waitMs === 0 ? now : Math.min(existing?.at ?? Infinity, now + waitMs);
    if (due > now) {
      if (existing?.at !== due) {
        existing?.cancel();
        this.scheduled.set(key, { at: due, cancel: this.ctx.clock.setTimer(due - now, () => this.queue.add(key)) });
      }
      return;
    }
    this.cancel(key);
    await this.evict(pod);
  }

  private async evict(pod: Pod): Promise<void> {
    const { namespace, name } = splitKey(keyOf(pod));
    this.recorder.event({ ...pod, kind: 'Pod', apiVersion: 'v1' }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`);
    try {
      const now = rfc3339(this.ctx.clock.now());
      await this.ctx.clientset.pods.patch(
        namespace,
        name,
        'strategic',
        { status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: now }] } },
        { subresource: 'status' },
      );
      await this.ctx.clientset.pods.delete(namespace, name, { preconditions: { uid: pod.metadata!.uid! } });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
