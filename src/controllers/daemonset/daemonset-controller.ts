// The DaemonSet controller (upstream pkg/controller/daemon): one pod per eligible node.
// A node that matches (node name, nodeSelector, required affinity, tolerated taints)
// and has no pod gets one pinned to it by node affinity for the default scheduler; a
// node that stops matching loses its pod (NoSchedule taints only stop new pods).
// Rolling updates replace pods within maxUnavailable (or surge within maxSurge); each
// template is a ControllerRevision for `kubectl rollout history|undo`.
import type { ControllerRevision, DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1.d.ts';
import type { Node, Pod } from 'kubernetes-types/core/v1.d.ts';
import { labelsEqual } from '../../apimachinery/labels.ts';
import { isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { controllerRefOf, newControllerRef } from '../util/controller-ref.ts';
import { claimObjects, controllerRevisionHashLabel, ensureCurrentRevision, ownerSelector, truncateHistory } from '../util/controller-revision.ts';
import { Expectations } from '../util/expectations.ts';
import { isPodAvailable, isPodReady, podFromTemplate, podNamePrefix } from '../util/pod-template.ts';
import { compareDaemonPods, daemonPodTolerations, nodeShouldRunDaemonPod, pinToNode, rollingUpdateBudget, targetNodeName } from './daemon-pods.ts';

/** Pods created or deleted per sync at most (upstream BurstReplicas). */
const burstReplicas = 250;
const templateGenerationAnnotation = 'deprecated.daemonset.template.generation';
const templateGenerationLabel = 'pod-template-generation';
/** Failed pods on one node are deleted at most this often, doubling to the cap (upstream failedPodsBackoff). */
const failedBackoffBaseMs = 1000;
const failedBackoffMaxMs = 15 * 60_000;

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  private readonly ctx: ControllerContext;
  private readonly daemonSets: Informer<DaemonSet>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly revisions: Informer<ControllerRevision>;
  private readonly dsClient: ResourceClient<DaemonSet>;
  private readonly revClient: ResourceClient<ControllerRevision>;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly expectations: Expectations;
  /** Deletion backoff of failed pods per ds uid/node: next allowed time and current delay. */
  private readonly failedBackoff = new Map<string, { until: number; delayMs: number }>();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.recorder = ctx.recorder('daemonset-controller');
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.expectations = new Expectations(ctx.clock);
    this.dsClient = ctx.clientset.resource<DaemonSet>('daemonsets', 'apps');
    this.revClient = ctx.clientset.resource<ControllerRevision>('controllerrevisions', 'apps');
    this.daemonSets = ctx.informers.informer<DaemonSet>('daemonsets', 'apps');
    this.pods = ctx.informers.informer<Pod>('pods');
    this.nodes = ctx.informers.informer<Node>('nodes');
    this.revisions = ctx.informers.informer<ControllerRevision>('controllerrevisions', 'apps');

    const enqueue = (ds: DaemonSet) => this.queue.add(keyOf(ds));
    this.daemonSets.addEventHandlers({ onAdd: enqueue, onUpdate: (_, ds) => enqueue(ds), onDelete: enqueue });
    this.pods.addEventHandlers({
      onAdd: (pod) => {
        const ds = this.owner(pod);
        if (ds) {
          this.expectations.creationObserved(keyOf(ds));
          enqueue(ds);
        } else if (!controllerRefOf(pod)) this.selecting(pod).forEach(enqueue);
      },
      onUpdate: (old, pod) => {
        const oldOwner = this.owner(old);
        const owner = this.owner(pod);
        if (oldOwner && oldOwner !== owner) enqueue(oldOwner);
        if (owner) enqueue(owner);
        else if (!controllerRefOf(pod) && !labelsEqual(old.metadata?.labels, pod.metadata?.labels)) this.selecting(pod).forEach(enqueue);
      },
      onDelete: (pod) => {
        const ds = this.owner(pod);
        if (!ds) return;
        this.expectations.deletionObserved(keyOf(ds), pod.metadata!.uid!);
        enqueue(ds);
      },
    });
    const enqueueAll = () => this.daemonSets.store.list().forEach(enqueue);
    this.nodes.addEventHandlers({
      onAdd: enqueueAll,
      onUpdate: (old, node) => {
        if (
          !labelsEqual(old.metadata?.labels, node.metadata?.labels) ||
          JSON.stringify(old.spec?.taints ?? []) !== JSON.stringify(node.spec?.taints ?? []) ||
          !!old.spec?.unschedulable !== !!node.spec?.unschedulable
        ) {
          enqueueAll();
        }
      },
      onDelete: enqueueAll,
    });
    const enqueueRevisionOwner = (r: ControllerRevision) => {
      const ref = controllerRefOf(r);
      if (ref?.kind !== 'DaemonSet') return;
      const ds = this.daemonSets.store.getByName(r.metadata?.namespace, ref.name);
      if (ds?.metadata?.uid === ref.uid) enqueue(ds);
    };
    this.revisions.addEventHandlers({ onAdd: enqueueRevisionOwner, onUpdate: (_, r) => enqueueRevisionOwner(r), onDelete: enqueueRevisionOwner });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'daemonset', this.queue, 2, (key) => this.sync(key), signal);
  }

  /** The cached DaemonSet controlling the pod, if any. */
  private owner(pod: Pod): DaemonSet | undefined {
    const ref = controllerRefOf(pod);
    if (ref?.kind !== 'DaemonSet') return undefined;
    const ds = this.daemonSets.store.getByName(pod.metadata?.namespace, ref.name);
    return ds?.metadata?.uid === ref.uid ? ds : undefined;
  }

  /** DaemonSets in the pod's namespace whose selector matches it (candidates to adopt it). */
  private selecting(pod: Pod): DaemonSet[] {
    const labels = pod.metadata?.labels ?? {};
    return this.daemonSets.store.byIndex('namespace', pod.metadata?.namespace ?? '').filter((ds) => {
      const selector = selectorOf(ds);
      return selector !== undefined && selector.matches(labels);
    });
  }

  private async sync(key: string): Promise<void> {
    const ds = this.daemonSets.store.get(key);
    if (!ds) {
      this.expectations.forget(key);
      return;
    }
    const selector = selectorOf(ds);
    if (!selector) {
      this.recorder.event(typed(ds), 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return;
    }
    // A DaemonSet being deleted may have lost its history already: leave it alone.
    if (ds.metadata?.deletionTimestamp) return;
    const namespace = ds.metadata!.namespace!;
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    const owned = await claimObjects(this.revClient, ds, ref, selector, this.revisions.store.byIndex('namespace', namespace));
    const { current, old, collisionCount } = await ensureCurrentRevision(this.revClient, ds, ref, owned, ds.status?.collisionCount);
    const hash = current.metadata?.labels?.[controllerRevisionHashLabel] ?? current.metadata!.name!;
    const nodes = this.nodes.store.list();

    if (!this.expectations.satisfied(key)) {
      // Only status: the cache does not show our last creations and deletions yet.
      await this.updateStatus(ds, nodes, hash, false, collisionCount);
      return;
    }
    const claimed = await claimObjects(this.ctx.clientset.pods, ds, ref, selector, this.pods.store.byIndex('namespace', namespace));
    await this.manage(ds, nodes, groupByNode(claimed), hash);
    if (this.expectations.satisfied(key) && (ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      await this.rollingUpdate(ds, nodes, groupByNode(this.ownedPods(ds)), hash);
    }
    const live = new Set<string>([current.metadata!.name!]);
    for (const pod of this.ownedPods(ds)) {
      const h = pod.metadata?.labels?.[controllerRevisionHashLabel];
      const r = h && old.find((o) => o.metadata?.labels?.[controllerRevisionHashLabel] === h);
      if (r) live.add(r.metadata!.name!);
    }
    await truncateHistory(this.revClient, ds, old, live);
    await this.updateStatus(ds, nodes, hash, true, collisionCount);
  }

  /** Pods in the cache that this DaemonSet controls. */
  private ownedPods(ds: DaemonSet): Pod[] {
    const uid = ds.metadata!.uid;
    return this.pods.store.byIndex('namespace', ds.metadata!.namespace!).filter((p) => controllerRefOf(p)?.uid === uid);
  }

  /** Creates pods on nodes that should run one, deletes them where they should not (upstream manage). */
  private async manage(ds: DaemonSet, nodes: readonly Node[], nodeToPods: Map<string, Pod[]>, hash: string): Promise<void> {
    const needing: string[] = [];
    const toDelete: Pod[] = [];
    const surge = rollingUpdateBudget(ds, 1).maxSurge > 0 && ds.spec?.updateStrategy?.type !== 'OnDelete';
    const now = this.ctx.clock.now();
    for (const node of nodes) {
      const nodeName = node.metadata!.name!;
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const pods = nodeToPods.get(nodeName);
      if (shouldRun && !pods) {
        needing.push(nodeName);
        continue;
      }
      if (!pods) continue;
      if (!shouldContinueRunning) {
        toDelete.push(...pods.filter((p) => !p.metadata?.deletionTimestamp));
        continue;
      }
      const running: Pod[] = [];
      for (const pod of pods) {
        if (pod.metadata?.deletionTimestamp) continue;
        const where = `${pod.metadata!.namespace}/${pod.metadata!.name} on node ${nodeName}`;
        if (pod.status?.phase === 'Failed') {
          const backoffKey = `${ds.metadata!.uid}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;
          const b = this.failedBackoff.get(backoffKey);
          if (b && now < b.until) {
            this.queue.addAfter(keyOf(ds), b.until - now);
            continue;
          }
          const delayMs = b ? Math.min(b.delayMs * 2, failedBackoffMaxMs) : failedBackoffBaseMs;
          this.failedBackoff.set(backoffKey, { until: now + delayMs, delayMs });
          this.recorder.event(typed(ds), 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${where}, will try to kill it`);
          toDelete.push(pod);
        } else if (pod.status?.phase === 'Succeeded') {
          this.recorder.event(typed(ds), 'Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${where}, will try to delete it`);
          toDelete.push(pod);
        } else running.push(pod);
      }
      running.sort(compareDaemonPods);
      if (!surge) {
        toDelete.push(...running.slice(1));
        continue;
      }
      if (running.length === 0) {
        if (shouldRun) needing.push(nodeName);
        continue;
      }
      // Surging: keep the oldest new pod and the oldest old pod until the new one is available.
      let oldestNew: Pod | undefined;
      let oldestOld: Pod | undefined;
      for (const pod of running) {
        const isNew = pod.metadata?.labels?.[controllerRevisionHashLabel] === hash;
        if (isNew && !oldestNew) oldestNew = pod;
        else if (!isNew && !oldestOld) oldestOld = pod;
        else toDelete.push(pod);
      }
      if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))) toDelete.push(oldestOld);
    }
    // Pods waiting for a node that no longer exists would wait for ever.
    const known = new Set(nodes.map((n) => n.metadata!.name!));
    for (const [nodeName, pods] of nodeToPods) if (!known.has(nodeName)) toDelete.push(...pods.filter((p) => !p.spec?.nodeName && !p.metadata?.deletionTimestamp));
    await this.syncNodes(ds, toDelete, needing, hash);
  }

  /** Upstream rollingUpdate: replaces old pods within maxUnavailable, or surges within maxSurge. */
  private async rollingUpdate(ds: DaemonSet, nodes: readonly Node[], nodeToPods: Map<string, Pod[]>, hash: string): Promise<void> {
    const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
    const { maxSurge, maxUnavailable } = rollingUpdateBudget(ds, desired);
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const now = this.ctx.clock.now();
    const available = (p: Pod) => isPodAvailable(p, minReady, now);
    const toDelete: Pod[] = [];
    if (maxSurge === 0) {
      let unavailable = 0;
      const replacements: Pod[] = [];
      const candidates: Pod[] = [];
      for (const pods of nodeToPods.values()) {
        const found = updatedPodsOnNode(pods, hash);
        if (!found) {
          unavailable++;
          continue;
        }
        const { newPod, oldPod } = found;
        if (newPod && !oldPod) {
          if (!available(newPod)) unavailable++;
        } else if (oldPod && !newPod) {
          if (!available(oldPod)) replacements.push(oldPod);
          else if (unavailable < maxUnavailable) candidates.push(oldPod);
        }
      }
      const remaining = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
      toDelete.push(...replacements, ...candidates.slice(0, remaining));
      await this.syncNodes(ds, toDelete, [], hash);
      return;
    }
    let surged = 0;
    const allowedNew: string[] = [];
    const candidateNew: string[] = [];
    for (const [nodeName, pods] of nodeToPods) {
      const found = updatedPodsOnNode(pods, hash);
      if (!found) {
        surged++;
        continue;
      }
      const { newPod, oldPod } = found;
      if (!oldPod) continue;
      if (!newPod) {
        if (!available(oldPod)) allowedNew.push(nodeName);
        else if (surged < maxSurge) candidateNew.push(nodeName);
        continue;
      }
      if (!available(newPod)) surged++;
      else toDelete.push(oldPod);
    }
    const remaining = Math.min(Math.max(0, maxSurge - surged), candidateNew.length);
    await this.syncNodes(ds, toDelete, [...allowedNew, ...candidateNew.slice(0, remaining)], hash);
  }

  /** Deletes and creates with expectations; creations go in doubling batches (slow start). */
  private async syncNodes(ds: DaemonSet, podsToDelete: Pod[], nodesNeeding: string[], hash: string): Promise<void> {
    const key = keyOf(ds);
    const creates = nodesNeeding.slice(0, burstReplicas);
    const deletes = podsToDelete.slice(0, burstReplicas);
    if (creates.length === 0 && deletes.length === 0) return;
    this.expectations.expect(
      key,
      creates.length,
      deletes.map((p) => p.metadata!.uid!),
    );
    const errors: unknown[] = [];
    const template = this.podTemplate(ds, hash);
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    let pos = 0;
    for (let batch = Math.min(1, creates.length); pos < creates.length; batch = Math.min(2 * batch, creates.length - pos)) {
      const before = errors.length;
      await Promise.all(
        creates.slice(pos, pos + batch).map(async (nodeName) => {
          const pod = podFromTemplate(template, ds.metadata!.namespace!, ref, podNamePrefix(ds.metadata!.name!));
          pod.spec!.affinity = pinToNode(pod.spec!.affinity, nodeName);
          try {
            const created = await this.ctx.clientset.pods.create(pod);
            this.recorder.event(typed(ds), 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`);
          } catch (error) {
            this.expectations.creationFailed(key);
            this.recorder.event(typed(ds), 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
            errors.push(error);
          }
        }),
      );
      pos += batch;
      if (errors.length > before) {
        for (let i = pos; i < creates.length; i++) this.expectations.creationFailed(key);
        break;
      }
    }
    await Promise.all(
      deletes.map(async (pod) => {
        try {
          await this.ctx.clientset.pods.delete(pod.metadata!.namespace, pod.metadata!.name!, { preconditions: { uid: pod.metadata!.uid! } });
          this.recorder.event(typed(ds), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
        } catch (error) {
          this.expectations.deletionObserved(key, pod.metadata!.uid!);
          if (isNotFound(error)) return;
          this.recorder.event(typed(ds), 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
          errors.push(error);
        }
      }),
    );
    if (errors.length > 0) throw errors[0];
  }

  /** The template with the daemon tolerations and the revision labels (upstream CreatePodTemplate). */
  private podTemplate(ds: DaemonSet, hash: string): NonNullable<DaemonSet['spec']>['template'] {
    const template = structuredClone(ds.spec!.template);
    template.spec = { ...(template.spec ?? { containers: [] }) };
    template.spec.tolerations = daemonPodTolerations(template.spec);
    const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
    const generation = ds.metadata?.annotations?.[templateGenerationAnnotation];
    if (generation !== undefined) labels[templateGenerationLabel] = generation;
    labels[controllerRevisionHashLabel] = hash;
    template.metadata = { ...(template.metadata ?? {}), labels };
    return template;
  }

  private async updateStatus(ds: DaemonSet, nodes: readonly Node[], hash: string, observeGeneration: boolean, collisionCount: number | undefined): Promise<void> {
    const nodeToPods = groupByNode(this.ownedPods(ds));
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const generation = ds.metadata?.annotations?.[templateGenerationAnnotation];
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const node of nodes) {
      const pods = nodeToPods.get(node.metadata!.name!);
      if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
        if (pods) misscheduled++;
        continue;
      }
      desired++;
      if (!pods) continue;
      current++;
      const pod = [...pods].sort(compareDaemonPods)[0]!;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
      }
      if (isPodUpdated(pod, hash, generation)) updated++;
    }
    const status: DaemonSetStatus = {
      ...(ds.status ?? {}),
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberUnavailable: desired - available,
    };
    if (observeGeneration) status.observedGeneration = ds.metadata?.generation ?? 0;
    if (collisionCount !== undefined) status.collisionCount = collisionCount;
    const old = ds.status ?? ({} as Partial<DaemonSetStatus>);
    const same = (Object.keys(status) as Array<keyof DaemonSetStatus>).every((k) => k === 'conditions' || (old[k] ?? 0) === (status[k] ?? 0));
    if (!same) await this.dsClient.updateStatus({ ...ds, status });
    if (minReady > 0 && ready !== available) this.queue.addAfter(keyOf(ds), minReady * 1000);
  }
}

const selectorOf = (ds: DaemonSet) => ownerSelector(ds.spec?.selector);

function groupByNode(pods: readonly Pod[]): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const pod of pods) {
    const nodeName = targetNodeName(pod);
    if (nodeName === undefined) continue;
    let list = out.get(nodeName);
    if (!list) out.set(nodeName, (list = []));
    list.push(pod);
  }
  return out;
}

/** The new and old pod on a node, undefined when there are two of either (upstream findUpdatedPodsOnNode). */
function updatedPodsOnNode(pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod } | undefined {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (pod.metadata?.labels?.[controllerRevisionHashLabel] === hash) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { ...(newPod ? { newPod } : {}), ...(oldPod ? { oldPod } : {}) };
}

/** Upstream IsPodUpdated: the template generation label, or the revision hash. */
function isPodUpdated(pod: Pod, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  return (generation !== undefined && labels[templateGenerationLabel] === generation) || labels[controllerRevisionHashLabel] === hash;
}

function typed(ds: DaemonSet): DaemonSet {
  return { ...ds, apiVersion: 'apps/v1', kind: 'DaemonSet' };
}
