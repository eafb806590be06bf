// The replica manager shared by the ReplicaSet and ReplicationController controllers
// (upstream pkg/controller/replicaset; the RC controller is the same loop over another
// kind). Each owner keeps `spec.replicas` active pods matching its selector: it adopts
// matching orphans, releases pods whose labels stop matching, creates missing pods in
// slow-start batches (1, 2, 4, ... at most 500 per sync) and deletes surplus ones in
// upstream's preference order, then reports status. Expectations hold a sync back until
// the informer has seen its own creations and deletions (DESIGN.md, rule 4).
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1.d.ts';
import type { OwnerReference } from 'kubernetes-types/meta/v1.d.ts';
import { labelsEqual, selectorFromValidatedSet, type Selector } from '../../apimachinery/labels.ts';
import { ApiStatusError, isConflict, isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import type { Informer } from '../../client/informer.ts';
import { keyOf } from '../../client/indexer.ts';
import type { KubeObject } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { adoptPatch, controllerRefOf, newControllerRef, releasePatch } from '../util/controller-ref.ts';
import { Expectations } from '../util/expectations.ts';
import { isPodActive, isPodAvailable, isPodReady, podFromTemplate, podNamePrefix } from '../util/pod-template.ts';
import { podsToDelete } from './pod-ranking.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

/** At most this many pods are created or deleted in one sync (upstream BurstReplicas). */
export const burstReplicas = 500;

/** Pods filed by their controller's uid, orphans under `_ORPHAN_POD/<namespace>` (upstream PodControllerUIDIndex). */
export const controllerUidIndex = 'controllerUID';
export const orphanPodIndexKey = (namespace: string) => `_ORPHAN_POD/${namespace}`;
export const podControllerUid = (pod: Pod): string[] => {
  const ref = controllerRefOf(pod);
  return [ref ? ref.uid : orphanPodIndexKey(pod.metadata?.namespace ?? '')];
};

export interface ReplicaCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ReplicaStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaCondition[];
}

/** What the manager needs of a ReplicaSet or a ReplicationController. */
export interface ReplicatedObject extends KubeObject {
  spec?: { replicas?: number; minReadySeconds?: number; template?: PodTemplateSpec; selector?: unknown };
  status?: ReplicaStatus;
}

export interface ReplicatedKind<T extends ReplicatedObject> {
  readonly controllerName: string;
  /** The component events are reported as. */
  readonly component: string;
  readonly plural: string;
  readonly group: string;
  readonly kind: string;
  readonly apiVersion: string;
  /** The owner's pod selector; throws when it cannot be parsed. */
  selector(owner: T): Selector;
}

export class ReplicaManager<T extends ReplicatedObject> implements Controller {
  readonly name: string;
  private readonly ctx: ControllerContext;
  private readonly kind: ReplicatedKind<T>;
  private readonly owners: Informer<T>;
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;
  private readonly expectations: Expectations;
  private readonly recorder: EventRecorder;
  private readonly workers: number;

  constructor(ctx: ControllerContext, kind: ReplicatedKind<T>, options: { workers?: number } = {}) {
    this.ctx = ctx;
    this.kind = kind;
    this.name = kind.controllerName;
    this.workers = options.workers ?? 5;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.expectations = new Expectations(ctx.clock);
    this.recorder = ctx.recorder(kind.component);
    this.owners = ctx.informers.informer<T>(kind.plural, kind.group);
    this.pods = ctx.informers.informer<Pod>('pods', '', { indexers: { [controllerUidIndex]: podControllerUid } });
    this.owners.addEventHandlers({
      onAdd: (owner) => this.queue.add(keyOf(owner)),
      // A change of status only (the echo of this controller's own status write) waits
      // like a pod event; anything else is looked at at once.
      onUpdate: (old, owner) => (statusOnlyChange(old, owner) ? this.enqueueBatched(keyOf(owner)) : this.queue.add(keyOf(owner))),
      onDelete: (owner) => {
        this.expectations.forget(keyOf(owner));
        this.scanMs.delete(keyOf(owner));
        this.queue.add(keyOf(owner));
      },
    });
    this.pods.addEventHandlers({
      onAdd: (pod) => this.addPod(pod),
      onUpdate: (old, pod) => this.updatePod(old, pod),
      onDelete: (pod) => this.deletePod(pod),
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, this.name, this.queue, this.workers, (key) => this.sync(key), signal);
  }

  // ---- event handlers: they only enqueue keys and count expectations ----

  /** How long the last sync of each owner spent scanning its pods (ms). */
  private readonly scanMs = new Map<string, number>();

  /**
   * Pod events reach their owner batched by the owner's size: every sync scans all the
   * owner's pods, so after a scan of T ms pod events wait 8T ms (at most a second) and one
   * sync takes in all of them. A 10,000-pod ReplicaSet's scans so stay near a tenth of the
   * process's time; a small owner (T far below a millisecond) sees no delay. Upstream's
   * Job and EndpointSlice controllers batch pod events the same way, with a fixed period.
   */
  private enqueueBatched(key: string): void {
    this.queue.addAfter(key, Math.min(1000, 8 * (this.scanMs.get(key) ?? 0)));
  }

  /** The owner a controller reference points at, if it is of this kind and still the same object. */
  private resolve(namespace: string | undefined, ref: OwnerReference | undefined): T | undefined {
    if (!ref || ref.kind !== this.kind.kind) return undefined;
    const owner = this.owners.store.getByName(namespace, ref.name);
    return owner?.metadata?.uid === ref.uid ? owner : undefined;
  }

  /** Owners in the pod's namespace whose selector matches it (for orphans). */
  private matchingOwners(pod: Pod): T[] {
    const labels = pod.metadata?.labels ?? {};
    return this.owners.store.byIndex('namespace', pod.metadata?.namespace ?? '').filter((owner) => {
      try {
        const selector = this.kind.selector(owner);
        return !selector.empty() && selector.matches(labels);
      } catch {
        return false;
      }
    });
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      this.deletePod(pod);
      return;
    }
    const ref = controllerRefOf(pod);
    if (ref) {
      const owner = this.resolve(pod.metadata?.namespace, ref);
      if (!owner) return;
      this.expectations.creationObserved(keyOf(owner));
      this.enqueueBatched(keyOf(owner));
      return;
    }
    for (const owner of this.matchingOwners(pod)) this.enqueueBatched(keyOf(owner));
  }

  private updatePod(old: Pod, pod: Pod): void {
    if (old.metadata?.resourceVersion === pod.metadata?.resourceVersion) return;
    const labelChanged = !labelsEqual(old.metadata?.labels, pod.metadata?.labels);
    if (pod.metadata?.deletionTimestamp) {
      // Graceful deletion: count it as soon as it starts, not when the pod is gone.
      this.deletePod(pod);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const ref = controllerRefOf(pod);
    const oldRef = controllerRefOf(old);
    const refChanged = ref?.uid !== oldRef?.uid;
    if (refChanged && oldRef) {
      const previous = this.resolve(old.metadata?.namespace, oldRef);
      if (previous) this.enqueueBatched(keyOf(previous));
    }
    if (ref) {
      const owner = this.resolve(pod.metadata?.namespace, ref);
      if (!owner) return;
      this.enqueueBatched(keyOf(owner));
      // A pod that just became ready counts as available after minReadySeconds: look again then.
      const minReady = owner.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isPodReady(old) && isPodReady(pod)) this.queue.addAfter(keyOf(owner), minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const owner of this.matchingOwners(pod)) this.enqueueBatched(keyOf(owner));
  }

  private deletePod(pod: Pod): void {
    const owner = this.resolve(pod.metadata?.namespace, controllerRefOf(pod));
    if (!owner) return;
    this.expectations.deletionObserved(keyOf(owner), pod.metadata?.uid ?? '');
    this.enqueueBatched(keyOf(owner));
  }

  // ---- sync ----

  async sync(key: string): Promise<void> {
    const cached = this.owners.store.get(key);
    if (!cached) {
      this.expectations.forget(key);
      return;
    }
    let selector: Selector;
    try {
      selector = this.kind.selector(cached);
    } catch (error) {
      // An invalid selector never becomes valid by retrying (upstream logs it and stops).
      this.ctx.log(`${this.name}: ${key}: invalid selector: ${(error as Error).message}`);
      return;
    }
    const owner = withKind(cached, this.kind);
    const needsSync = this.expectations.satisfied(key) && !owner.metadata?.deletionTimestamp;
    const namespace = owner.metadata!.namespace!;
    const scanStarted = performance.now();
    const candidates: Pod[] = [];
    for (const value of [owner.metadata!.uid!, orphanPodIndexKey(namespace)]) {
      for (const pod of this.pods.store.byIndex(controllerUidIndex, value)) if (isPodActive(pod)) candidates.push(pod);
    }
    const claiming = this.claimPods(owner, selector, candidates);
    let scanMs = performance.now() - scanStarted;
    const active = await claiming;

    let manageError: Error | undefined;
    if (needsSync) manageError = await this.manageReplicas(active, owner, key);

    const statusStarted = performance.now();
    const status = this.calculateStatus(owner, active, manageError);
    scanMs += performance.now() - statusStarted;
    this.scanMs.set(key, scanMs);
    const updated = await this.updateStatus(owner, status);
    const replicas = owner.spec?.replicas ?? 1;
    const minReady = owner.spec?.minReadySeconds ?? 0;
    // Pods ready but not yet available: come back when they may be.
    if (!manageError && minReady > 0 && (updated?.readyReplicas ?? 0) === replicas && (updated?.availableReplicas ?? 0) !== replicas) {
      this.queue.addAfter(key, minReady * 1000);
    }
    if (manageError) throw manageError;
  }

  /**
   * Upstream ClaimPods: keeps the pods this owner controls that still match, releases
   * those that stopped matching, adopts matching orphans (after checking with the API
   * that the owner still exists and is not being deleted). The scan is synchronous; only
   * releases and adoptions wait for the API.
   */
  private async claimPods(owner: T, selector: Selector, pods: readonly Pod[]): Promise<Pod[]> {
    const uid = owner.metadata!.uid!;
    const deleting = owner.metadata?.deletionTimestamp !== undefined;
    const claimed: Pod[] = [];
    const toRelease: Pod[] = [];
    const toAdopt: Pod[] = [];
    for (const pod of pods) {
      const ref = controllerRefOf(pod);
      const matches = selector.matches(pod.metadata?.labels ?? {});
      if (ref) {
        if (ref.uid !== uid) continue;
        if (matches) claimed.push(pod);
        else if (!deleting) toRelease.push(pod);
      } else if (!deleting && matches && !pod.metadata?.deletionTimestamp) {
        toAdopt.push(pod);
      }
    }
    if (toRelease.length === 0 && toAdopt.length === 0) return claimed;
    const errors: Error[] = [];
    for (const pod of toRelease) await this.patchPod(pod, releasePatch(pod, uid)).catch((error: Error) => errors.push(error));
    if (toAdopt.length > 0) {
      try {
        await this.checkCanAdopt(owner);
        const ref = newControllerRef(owner, this.kind.apiVersion, this.kind.kind);
        for (const pod of toAdopt) {
          const adopted = await this.patchPod(pod, adoptPatch(pod, ref)).catch((error: Error) => void errors.push(error));
          if (adopted) claimed.push(adopted);
        }
      } catch (error) {
        errors.push(error as Error);
      }
    }
    if (errors.length > 0) throw errors[0]!;
    return claimed;
  }

  /** Patches a pod; undefined when it is gone. */
  private async patchPod(pod: Pod, patch: Record<string, unknown>): Promise<Pod | undefined> {
    try {
      return await this.ctx.clientset.pods.patch(pod.metadata!.namespace, pod.metadata!.name!, 'strategic', patch);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Upstream RecheckDeletionTimestamp: a fresh read, so a deleted and re-created owner adopts nothing by mistake. */
  private async checkCanAdopt(owner: T): Promise<void> {
    const { namespace, name, uid } = owner.metadata!;
    const fresh = await this.ctx.clientset.resource<T>(this.kind.plural, this.kind.group).get(namespace, name!);
    if (fresh.metadata?.uid !== uid) throw new Error(`original ${this.kind.kind} ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`);
    if (fresh.metadata?.deletionTimestamp) throw new Error(`${this.kind.kind} ${namespace}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
  }

  /** Creates or deletes pods so `active` becomes spec.replicas; returns the first error. */
  private async manageReplicas(active: readonly Pod[], owner: T, key: string): Promise<Error | undefined> {
    const diff = active.length - (owner.spec?.replicas ?? 1);
    if (diff < 0) {
      const count = Math.min(-diff, burstReplicas);
      this.expectations.expect(key, count);
      const ref = newControllerRef(owner, this.kind.apiVersion, this.kind.kind);
      const { successes, error } = await slowStartBatch(count, 1, () => this.createPod(owner, ref));
      // Creations never attempted (or failed) will not be observed.
      for (let i = successes; i < count; i++) this.expectations.creationFailed(key);
      return error;
    }
    if (diff > 0) {
      const count = Math.min(diff, burstReplicas);
      const victims = podsToDelete(active, this.relatedPods(owner), count, this.ctx.clock.now());
      this.expectations.expect(
        key,
        0,
        victims.map((pod) => pod.metadata!.uid!),
      );
      const results = await Promise.all(victims.map((pod) => this.deleteOwnedPod(owner, pod, key)));
      return results.find((e) => e !== undefined);
    }
    return undefined;
  }

  private async createPod(owner: T, ref: OwnerReference): Promise<void> {
    const pod = podFromTemplate(owner.spec?.template, owner.metadata!.namespace!, ref, podNamePrefix(owner.metadata!.name!));
    try {
      const created = await this.ctx.clientset.pods.create(pod);
      this.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name!}`);
    } catch (error) {
      // Nothing can be created in a namespace being deleted; that is no failure of ours.
      if (error instanceof ApiStatusError && error.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
      this.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
      throw error;
    }
  }

  private async deleteOwnedPod(owner: T, pod: Pod, key: string): Promise<Error | undefined> {
    try {
      await this.ctx.clientset.pods.delete(pod.metadata!.namespace, pod.metadata!.name!);
      this.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name!}`);
      return undefined;
    } catch (error) {
      // The informer will never see this deletion.
      this.expectations.deletionObserved(key, pod.metadata!.uid!);
      if (isNotFound(error)) return undefined;
      this.recorder.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
      return error as Error;
    }
  }

  /** The active pods of this owner and its siblings under the same controller (a Deployment's ReplicaSets). */
  private relatedPods(owner: T): Pod[] {
    const parent = controllerRefOf(owner);
    if (!parent) return this.pods.store.byIndex(controllerUidIndex, owner.metadata!.uid!);
    const out: Pod[] = [];
    for (const sibling of this.owners.store.byIndex('namespace', owner.metadata!.namespace!)) {
      if (controllerRefOf(sibling)?.uid === parent.uid) out.push(...this.pods.store.byIndex(controllerUidIndex, sibling.metadata!.uid!));
    }
    return out;
  }

  /** Upstream calculateStatus: counts, and the ReplicaFailure condition from the last create or delete error. */
  private calculateStatus(owner: T, active: readonly Pod[], manageError: Error | undefined): ReplicaStatus {
    const templateLabels = owner.spec?.template?.metadata?.labels ?? {};
    const fullyLabeled = selectorFromValidatedSet(templateLabels);
    const minReady = owner.spec?.minReadySeconds ?? 0;
    const now = this.ctx.clock.now();
    let labeled = 0;
    let ready = 0;
    let available = 0;
    for (const pod of active) {
      if (fullyLabeled.matches(pod.metadata?.labels ?? {})) labeled++;
      if (!isPodReady(pod)) continue;
      ready++;
      if (minReady === 0 || isPodAvailable(pod, minReady, now)) available++;
    }
    let conditions = owner.status?.conditions ?? [];
    const failure = conditions.find((c) => c.type === 'ReplicaFailure');
    if (manageError && !failure) {
      const reason = active.length < (owner.spec?.replicas ?? 1) ? 'FailedCreate' : 'FailedDelete';
      conditions = [...conditions, { type: 'ReplicaFailure', status: 'True', reason, message: manageError.message, lastTransitionTime: rfc3339(now) }];
    } else if (!manageError && failure) {
      conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
    }
    return {
      replicas: active.length,
      fullyLabeledReplicas: labeled,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: owner.metadata?.generation ?? 0,
      ...(conditions.length > 0 ? { conditions } : {}),
    };
  }

  /** Writes the status unless nothing changed; one retry on a fresh copy after a conflict. Returns the status now stored. */
  private async updateStatus(owner: T, status: ReplicaStatus): Promise<ReplicaStatus | undefined> {
    if (sameStatus(owner.status, status)) return owner.status;
    const client = this.ctx.clientset.resource<T>(this.kind.plural, this.kind.group);
    let current: T = owner;
    for (let attempt = 0; ; attempt++) {
      try {
        const written = await client.updateStatus({ ...current, status: { ...status, observedGeneration: current.metadata?.generation ?? 0 } });
        return written.status;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        if (!isConflict(error) || attempt >= 1) throw error;
        current = await client.get(owner.metadata!.namespace, owner.metadata!.name!);
        if (current.metadata?.uid !== owner.metadata?.uid) return undefined;
      }
    }
  }
}

function sameStatus(a: ReplicaStatus | undefined, b: ReplicaStatus): boolean {
  return (
    (a?.replicas ?? 0) === b.replicas &&
    (a?.fullyLabeledReplicas ?? 0) === (b.fullyLabeledReplicas ?? 0) &&
    (a?.readyReplicas ?? 0) === (b.readyReplicas ?? 0) &&
    (a?.availableReplicas ?? 0) === (b.availableReplicas ?? 0) &&
    (a?.observedGeneration ?? 0) === (b.observedGeneration ?? 0) &&
    JSON.stringify(a?.conditions ?? []) === JSON.stringify(b.conditions ?? [])
  );
}

/**
 * Upstream slowStartBatch: calls fn in batches of 1, 2, 4, ... (from `initial`) until
 * `count` calls were made; stops after the first batch with a failure. Returns how many
 * succeeded and the first error.
 */
export async function slowStartBatch(count: number, initial: number, fn: () => Promise<void>): Promise<{ successes: number; error?: Error }> {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initial); batch > 0; batch = Math.min(2 * batch, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: batch }, () => fn()));
    for (const result of results) if (result.status === 'fulfilled') successes++;
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) return { successes, error: failed.reason as Error };
    remaining -= batch;
  }
  return { successes };
}

/** Whether an owner update changed its status and nothing else a sync reads. */
function statusOnlyChange(old: ReplicatedObject, owner: ReplicatedObject): boolean {
  const a = old.metadata ?? {};
  const b = owner.metadata ?? {};
  return (
    a.uid === b.uid &&
    a.generation === b.generation &&
    a.deletionTimestamp === b.deletionTimestamp &&
    labelsEqual(a.labels, b.labels) &&
    labelsEqual(a.annotations, b.annotations) &&
    JSON.stringify(a.ownerReferences) === JSON.stringify(b.ownerReferences)
  );
}

/** Cached list items may lack kind and apiVersion; events and owner references need them. */
function withKind<T extends ReplicatedObject>(owner: T, kind: ReplicatedKind<T>): T {
  return owner.kind && owner.apiVersion ? owner : { ...owner, kind: kind.kind, apiVersion: kind.apiVersion };
}


