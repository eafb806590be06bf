// The StatefulSet controller (upstream pkg/controller/statefulset): pods <set>-0..N-1
// with stable names, hostnames and claims. OrderedReady creates one pod at a time, each
// Running and Ready before the next, and removes them from the highest ordinal down;
// Parallel does both at once. RollingUpdate replaces pods whose revision is not the
// update revision from the highest ordinal down to the partition, one at a time;
// OnDelete waits for the user to delete them. Templates are ControllerRevisions.
import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1.d.ts';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1.d.ts';
import { labelsEqual } from '../../apimachinery/labels.ts';
import { isAlreadyExists, isConflict, isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { controllerRefOf, newControllerRef } from '../util/controller-ref.ts';
import { claimObjects, ensureCurrentRevision, ownerSelector, templateOfRevision, truncateHistory } from '../util/controller-revision.ts';
import { isPodAvailable, isPodReady } from '../util/pod-template.ts';
import { claimsFor, identityMatches, isMemberOf, isTerminating, newStatefulPod, parentAndOrdinal, podIndexLabel, podNameLabel, revisionOf } from './stateful-pods.ts';

const isCreated = (pod: Pod) => !!pod.status?.phase;
const isRunningAndReady = (pod: Pod) => pod.status?.phase === 'Running' && isPodReady(pod);
const isHealthy = (pod: Pod) => isRunningAndReady(pod) && !isTerminating(pod);
const isFinished = (pod: Pod) => pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';

export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  private readonly ctx: ControllerContext;
  private readonly sets: Informer<StatefulSet>;
  private readonly pods: Informer<Pod>;
  private readonly claims: Informer<PersistentVolumeClaim>;
  private readonly revisions: Informer<ControllerRevision>;
  private readonly setClient: ResourceClient<StatefulSet>;
  private readonly revClient: ResourceClient<ControllerRevision>;
  private readonly claimClient: ResourceClient<PersistentVolumeClaim>;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.recorder = ctx.recorder('statefulset-controller');
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.setClient = ctx.clientset.resource<StatefulSet>('statefulsets', 'apps');
    this.revClient = ctx.clientset.resource<ControllerRevision>('controllerrevisions', 'apps');
    this.claimClient = ctx.clientset.resource<PersistentVolumeClaim>('persistentvolumeclaims');
    this.sets = ctx.informers.informer<StatefulSet>('statefulsets', 'apps');
    this.pods = ctx.informers.informer<Pod>('pods');
    this.claims = ctx.informers.informer<PersistentVolumeClaim>('persistentvolumeclaims');
    this.revisions = ctx.informers.informer<ControllerRevision>('controllerrevisions', 'apps');

    const enqueue = (set: StatefulSet) => this.queue.add(keyOf(set));
    this.sets.addEventHandlers({ onAdd: enqueue, onUpdate: (_, set) => enqueue(set), onDelete: enqueue });
    this.pods.addEventHandlers({
      onAdd: (pod) => {
        const set = this.owner(pod);
        if (set) enqueue(set);
        else if (!controllerRefOf(pod)) this.selecting(pod).forEach(enqueue);
      },
      onUpdate: (old, pod) => {
        const oldOwner = this.owner(old);
        const owner = this.owner(pod);
        if (oldOwner && oldOwner !== owner) enqueue(oldOwner);
        if (owner) {
          enqueue(owner);
          // A pod that became ready becomes available minReadySeconds later.
          const minReady = owner.spec?.minReadySeconds ?? 0;
          if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) this.queue.addAfter(keyOf(owner), minReady * 1000);
        } else if (!controllerRefOf(pod) && !labelsEqual(old.metadata?.labels, pod.metadata?.labels)) this.selecting(pod).forEach(enqueue);
      },
      onDelete: (pod) => {
        const set = this.owner(pod);
        if (set) enqueue(set);
      },
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'statefulset', this.queue, 2, (key) => this.sync(key), signal);
  }

  private owner(pod: Pod): StatefulSet | undefined {
    const ref = controllerRefOf(pod);
    if (ref?.kind !== 'StatefulSet') return undefined;
    const set = this.sets.store.getByName(pod.metadata?.namespace, ref.name);
    return set?.metadata?.uid === ref.uid ? set : undefined;
  }

  private selecting(pod: Pod): StatefulSet[] {
    const labels = pod.metadata?.labels ?? {};
    return this.sets.store.byIndex('namespace', pod.metadata?.namespace ?? '').filter((set) => selectorOf(set)?.matches(labels) ?? false);
  }

  private async sync(key: string): Promise<void> {
    const set = this.sets.store.get(key);
    if (!set) return;
    const selector = selectorOf(set);
    if (!selector) return;
    const namespace = set.metadata!.namespace!;
    const ref = newControllerRef(set, 'apps/v1', 'StatefulSet');
    const owned = await claimObjects(this.revClient, set, ref, selector, this.revisions.store.byIndex('namespace', namespace));
    const pods = await claimObjects(this.ctx.clientset.pods, set, ref, selector, this.pods.store.byIndex('namespace', namespace), (p) => isMemberOf(set, p));
    const { current: updateRevision, old, collisionCount } = await ensureCurrentRevision(this.revClient, set, ref, owned, set.status?.collisionCount);
    const currentRevision = old.find((r) => r.metadata?.name === set.status?.currentRevision) ?? updateRevision;

    const status = await this.reconcile(set, pods, currentRevision, updateRevision);
    if (collisionCount !== undefined) status.collisionCount = collisionCount;
    // Upstream completeRollingUpdate: every pod updated and ready makes the update revision current.
    if ((set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
      status.currentRevision = status.updateRevision;
      status.currentReplicas = status.updatedReplicas;
    }
    await this.writeStatus(set, status);

    const live = new Set<string>([currentRevision.metadata!.name!, updateRevision.metadata!.name!]);
    for (const pod of pods) {
      const r = revisionOf(pod);
      if (r) live.add(r);
    }
    await truncateHistory(
      this.revClient,
      set,
      old.filter((r) => r !== currentRevision),
      live,
    );
  }

  /** Upstream updateStatefulSet: one step of scaling or updating; returns the status it saw. */
  private async reconcile(set: StatefulSet, pods: readonly Pod[], currentRevision: ControllerRevision, updateRevision: ControllerRevision): Promise<StatefulSetStatus> {
    const currentName = currentRevision.metadata!.name!;
    const updateName = updateRevision.metadata!.name!;
    const minReady = set.spec?.minReadySeconds ?? 0;
    const now = this.ctx.clock.now();
    const status: StatefulSetStatus & { replicas: number } = {
      observedGeneration: set.metadata?.generation ?? 0,
      replicas: 0,
      readyReplicas: 0,
      currentReplicas: 0,
      updatedReplicas: 0,
      availableReplicas: 0,
      currentRevision: currentName,
      updateRevision: updateName,
    };
    const count = (pod: Pod) => {
      if (isCreated(pod)) status.replicas++;
      if (isRunningAndReady(pod)) {
        status.readyReplicas!++;
        if (isPodAvailable(pod, minReady, now)) status.availableReplicas!++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        if (revisionOf(pod) === currentName) status.currentReplicas!++;
        if (revisionOf(pod) === updateName) status.updatedReplicas!++;
      }
    };
    pods.forEach(count);

    const replicaCount = set.spec?.replicas ?? 1;
    const replicas: Array<Pod | undefined> = new Array<Pod | undefined>(replicaCount).fill(undefined);
    const condemned: Pod[] = [];
    for (const pod of pods) {
      const { ordinal } = parentAndOrdinal(pod);
      if (ordinal >= 0 && ordinal < replicaCount) replicas[ordinal] = pod;
      else if (ordinal >= 0) condemned.push(pod);
    }
    condemned.sort((a, b) => parentAndOrdinal(a).ordinal - parentAndOrdinal(b).ordinal);
    if (set.metadata?.deletionTimestamp) return status;
    const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
    const strategy = set.spec?.updateStrategy;
    const partition = strategy?.type === 'RollingUpdate' && strategy.rollingUpdate ? (strategy.rollingUpdate.partition ?? 0) : undefined;
    // Upstream newVersionedStatefulSetPod: below the partition (or the current count without one) pods keep the current revision.
    const revisionFor = (ordinal: number) =>
      (strategy?.type === 'RollingUpdate' && partition === undefined && ordinal < (set.status?.currentReplicas ?? 0)) || (partition !== undefined && ordinal < partition) ? currentRevision : updateRevision;
    const firstUnhealthy = [...replicas, ...condemned].find((p) => p !== undefined && !isHealthy(p));

    for (let ordinal = 0; ordinal < replicaCount; ordinal++) {
      let pod = replicas[ordinal];
      if (pod && isFinished(pod) && !isTerminating(pod)) {
        // A pod that stopped is replaced under the same name.
        await this.deletePod(set, pod);
        if (revisionOf(pod) === currentName) status.currentReplicas!--;
        if (revisionOf(pod) === updateName) status.updatedReplicas!--;
        status.replicas--;
        if (monotonic) return status;
        continue;
      }
      if (!pod) {
        const revision = revisionFor(ordinal);
        pod = newStatefulPod(set, templateOfRevision(revision), revision.metadata!.name!, ordinal);
        await this.createPersistentVolumeClaims(set, pod, ordinal);
        const created = await this.createPod(set, pod);
        if (created) {
          status.replicas++;
          if (revision === currentRevision) status.currentReplicas!++;
          if (revision === updateRevision) status.updatedReplicas!++;
        }
        if (monotonic) return status;
        continue;
      }
      if (pod.status?.phase === 'Pending') await this.createPersistentVolumeClaims(set, pod, ordinal);
      if (isTerminating(pod) && monotonic) return status;
      if (!isRunningAndReady(pod) && monotonic) return status;
      if (!isPodAvailable(pod, minReady, now) && monotonic) {
        this.queue.addAfter(keyOf(set), minReady * 1000);
        return status;
      }
      if (!identityMatches(set, pod)) await this.fixIdentity(set, pod, ordinal);
    }

    // Condemned pods go from the highest ordinal down; in order, only when all before are healthy.
    for (let i = condemned.length - 1; i >= 0; i--) {
      const pod = condemned[i]!;
      if (isTerminating(pod)) {
        if (monotonic) return status;
        continue;
      }
      if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthy) return status;
      await this.deletePod(set, pod);
      if (monotonic) return status;
    }

    if (strategy?.type === 'OnDelete') return status;
    // Replace the highest ordinal not at the update revision, one pod at a time.
    for (let ordinal = replicaCount - 1; ordinal >= (partition ?? 0); ordinal--) {
      const pod = replicas[ordinal];
      if (!pod) return status;
      if (revisionOf(pod) !== updateName && !isTerminating(pod)) {
        await this.deletePod(set, pod);
        status.currentReplicas!--;
        return status;
      }
      if (!isHealthy(pod)) return status;
    }
    return status;
  }

  private async createPersistentVolumeClaims(set: StatefulSet, pod: Pod, ordinal: number): Promise<void> {
    for (const claim of claimsFor(set, ordinal).values()) {
      const name = claim.metadata!.name!;
      if (this.claims.store.getByName(claim.metadata!.namespace, name)) continue;
      try {
        await this.claimClient.create(claim);
        this.recorder.event(typed(set), 'Normal', 'SuccessfulCreate', `create Claim ${name} Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name} success`);
      } catch (error) {
        if (isAlreadyExists(error)) continue;
        this.recorder.event(typed(set), 'Warning', 'FailedCreate', `create Claim ${name} for Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name} failed error: ${(error as Error).message}`);
        throw error;
      }
    }
  }

  /** Creates the pod; false when it exists already (the cache had not seen it yet). */
  private async createPod(set: StatefulSet, pod: Pod): Promise<boolean> {
    const what = `Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name}`;
    try {
      await this.ctx.clientset.pods.create(pod);
      this.recorder.event(typed(set), 'Normal', 'SuccessfulCreate', `create ${what} successful`);
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      this.recorder.event(typed(set), 'Warning', 'FailedCreate', `create ${what} failed error: ${(error as Error).message}`);
      throw error;
    }
  }

  private async deletePod(set: StatefulSet, pod: Pod): Promise<void> {
    const what = `Pod ${pod.metadata!.name} in StatefulSet ${set.metadata!.name}`;
    try {
      await this.ctx.clientset.pods.delete(pod.metadata!.namespace, pod.metadata!.name!, { preconditions: { uid: pod.metadata!.uid! } });
      this.recorder.event(typed(set), 'Normal', 'SuccessfulDelete', `delete ${what} successful`);
    } catch (error) {
      if (isNotFound(error) || isConflict(error)) return;
      this.recorder.event(typed(set), 'Warning', 'FailedDelete', `delete ${what} failed error: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Puts back the identity labels a user removed (upstream updateIdentity). */
  private async fixIdentity(set: StatefulSet, pod: Pod, ordinal: number): Promise<void> {
    const name = pod.metadata!.name!;
    try {
      await this.ctx.clientset.pods.patch(pod.metadata!.namespace, name, 'merge', { metadata: { labels: { [podNameLabel]: name, [podIndexLabel]: String(ordinal) } } });
      this.recorder.event(typed(set), 'Normal', 'SuccessfulUpdate', `update Pod ${name} in StatefulSet ${set.metadata!.name} successful`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async writeStatus(set: StatefulSet, status: StatefulSetStatus): Promise<void> {
    const old = (set.status ?? {}) as Record<string, unknown>;
    const next = { ...old, ...status } as Record<string, unknown>;
    const same = Object.keys(next).every((k) => k === 'conditions' || (old[k] ?? 0) === (next[k] ?? 0));
    if (same) return;
    await this.setClient.updateStatus({ ...set, status: next as unknown as StatefulSetStatus });
  }
}

const selectorOf = (set: StatefulSet) => ownerSelector(set.spec?.selector);

function typed(set: StatefulSet): StatefulSet {
  return { ...set, apiVersion: 'apps/v1', kind: 'StatefulSet' };
}
