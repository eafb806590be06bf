// The Deployment controller (upstream pkg/controller/deployment): a Deployment owns one
// ReplicaSet per pod template, named <deployment>-<pod-template-hash>; the newest
// carries the next `deployment.kubernetes.io/revision`. A RollingUpdate grows the new
// ReplicaSet within maxSurge and shrinks old ones within maxUnavailable; Recreate
// empties the old ones first. Scaling a Deployment mid-rollout spreads the change over
// its ReplicaSets in proportion. Status counts the ReplicaSets' pods; the Progressing
// condition tracks progressDeadlineSeconds and Available tracks maxUnavailable. Old
// ReplicaSets beyond revisionHistoryLimit are deleted. Handlers only enqueue keys; one
// sync(key) works from the informer caches (DESIGN.md, rule 4).
import { isDeepStrictEqual } from 'node:util';
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1.d.ts';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { labelSelectorAsSelector, labelsEqual, type Selector } from '../../apimachinery/labels.ts';
import { isAlreadyExists, isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import type { Informer } from '../../client/informer.ts';
import { keyOf } from '../../client/indexer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { controllerUidIndex, podControllerUid } from '../replicaset/replica-manager.ts';
import { controllerRefOf, isControlledBy, newControllerRef } from '../util/controller-ref.ts';
import { claimObjects, hashRevisionData } from '../util/controller-revision.ts';
import {
  activeReplicaSets,
  byCreation,
  bySize,
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentReplicas,
  deploymentTimedOut,
  desiredReplicasOf,
  equalIgnoreHash,
  failedRSCreateReason,
  findActiveOrLatest,
  findNewReplicaSet,
  foundNewRSReason,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSAvailableReason,
  newRSNewReplicas,
  newRSReason,
  pausedReason,
  podTemplateHashLabel,
  proportion,
  removeCondition,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  resumedReason,
  revisionAnnotation,
  revisionOf,
  rsUpdatedReason,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  sumSpecReplicas,
  sumStatus,
  timedOutReason,
} from './deployment-util.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private readonly ctx: ControllerContext;
  private readonly deployments: Informer<Deployment>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  private readonly rsClient: ResourceClient<ReplicaSet>;
  private readonly dClient: ResourceClient<Deployment>;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.recorder = ctx.recorder('deployment-controller');
    this.rsClient = ctx.clientset.resource<ReplicaSet>('replicasets', 'apps');
    this.dClient = ctx.clientset.resource<Deployment>('deployments', 'apps');
    this.deployments = ctx.informers.informer<Deployment>('deployments', 'apps');
    this.replicaSets = ctx.informers.informer<ReplicaSet>('replicasets', 'apps');
    this.pods = ctx.informers.informer<Pod>('pods', '', { indexers: { [controllerUidIndex]: podControllerUid } });
    const enqueue = (d: Deployment) => this.queue.add(keyOf(d));
    this.deployments.addEventHandlers({ onAdd: enqueue, onUpdate: (_, d) => enqueue(d), onDelete: enqueue });
    this.replicaSets.addEventHandlers({
      onAdd: (rs) => this.replicaSetChanged(undefined, rs),
      onUpdate: (old, rs) => this.replicaSetChanged(old, rs),
      onDelete: (rs) => {
        const d = this.resolve(rs.metadata?.namespace, controllerRefOf(rs));
        if (d) enqueue(d);
      },
    });
    this.pods.addEventHandlers({ onDelete: (pod) => this.podDeleted(pod) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'deployment-controller', this.queue, 5, (key) => this.sync(key), signal);
  }

  // ---- event handlers ----

  private resolve(namespace: string | undefined, ref: { kind: string; name: string; uid: string } | undefined): Deployment | undefined {
    if (ref?.kind !== 'Deployment') return undefined;
    const d = this.deployments.store.getByName(namespace, ref.name);
    return d?.metadata?.uid === ref.uid ? d : undefined;
  }

  private replicaSetChanged(old: ReplicaSet | undefined, rs: ReplicaSet): void {
    if (old && old.metadata?.resourceVersion === rs.metadata?.resourceVersion) return;
    const ref = controllerRefOf(rs);
    const oldRef = old ? controllerRefOf(old) : undefined;
    if (oldRef && oldRef.uid !== ref?.uid) {
      const previous = this.resolve(old?.metadata?.namespace, oldRef);
      if (previous) this.queue.add(keyOf(previous));
    }
    if (ref) {
      const d = this.resolve(rs.metadata?.namespace, ref);
      if (d) this.queue.add(keyOf(d));
      return;
    }
    // An orphan: every Deployment that selects it may adopt it.
    if (old && labelsEqual(old.metadata?.labels, rs.metadata?.labels) && !oldRef) return;
    for (const d of this.deployments.store.byIndex('namespace', rs.metadata?.namespace ?? '')) {
      try {
        const selector = labelSelectorAsSelector(d.spec?.selector);
        if (!selector.empty() && selector.matches(rs.metadata?.labels ?? {})) this.queue.add(keyOf(d));
      } catch {
        // An invalid selector selects nothing.
      }
    }
  }

  /** A Recreate rollout waits for the old pods to be gone. */
  private podDeleted(pod: Pod): void {
    const rsRef = controllerRefOf(pod);
    if (rsRef?.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.store.getByName(pod.metadata?.namespace, rsRef.name);
    if (rs?.metadata?.uid !== rsRef.uid) return;
    const d = this.resolve(rs.metadata?.namespace, controllerRefOf(rs));
    if (d?.spec?.strategy?.type === 'Recreate') this.queue.add(keyOf(d));
  }

  // ---- sync ----

  async sync(key: string): Promise<void> {
    const cached = this.deployments.store.get(key);
    if (!cached) return;
    const d: Deployment = { ...structuredClone(cached), kind: 'Deployment', apiVersion: 'apps/v1' };
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(d.spec?.selector);
    } catch (error) {
      this.ctx.log(`deployment-controller: ${key}: invalid selector: ${(error as Error).message}`);
      return;
    }
    if (selector.empty()) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
        d.status = { ...d.status, observedGeneration: d.metadata?.generation ?? 0 };
        await this.writeStatus(d);
      }
      return;
    }
    const candidates = this.replicaSets.store.byIndex('namespace', d.metadata!.namespace!);
    const rsList = (await claimObjects(this.rsClient, d, newControllerRef(d, 'apps/v1', 'Deployment'), selector, candidates)).map((rs) => structuredClone(rs));

    if (d.metadata?.deletionTimestamp) {
      const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
      await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
      return;
    }
    await this.checkPausedConditions(d);
    if (d.spec?.paused || (await this.isScalingEvent(d, rsList))) {
      await this.scaleOnly(d, rsList);
      return;
    }
    if (d.spec?.strategy?.type === 'Recreate') await this.rolloutRecreate(d, rsList);
    else await this.rolloutRolling(d, rsList);
  }

  private now(): string {
    return rfc3339(this.ctx.clock.now());
  }

  /** Writes the working copy's status (and annotations); later writes build on the new resourceVersion. */
  private async writeStatus(d: Deployment): Promise<void> {
    const written = await this.dClient.updateStatus(d);
    d.metadata = { ...d.metadata, resourceVersion: written.metadata?.resourceVersion };
  }

  private async checkPausedConditions(d: Deployment): Promise<void> {
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === timedOutReason) return;
    const pausedCondExists = cond?.reason === pausedReason;
    const status = (d.status ??= {});
    if (d.spec?.paused && !pausedCondExists) setCondition(status, newCondition('Progressing', 'Unknown', pausedReason, 'Deployment is paused', this.now()));
    else if (!d.spec?.paused && pausedCondExists) setCondition(status, newCondition('Progressing', 'Unknown', resumedReason, 'Deployment is resumed', this.now()));
    else return;
    await this.writeStatus(d);
  }

  /** Upstream getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked) and the old ones. */
  private async allReplicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSet[], create: boolean): Promise<{ newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }> {
    const existing = findNewReplicaSet(d, rsList);
    const oldRSs = rsList.filter((rs) => rs !== existing);
    const newRS = await this.newReplicaSet(d, existing, oldRSs, create);
    return { newRS, oldRSs };
  }

  /**
   * Upstream getNewReplicaSet: brings the existing new ReplicaSet's annotations up to date
   * (revision = max old + 1), or creates it when asked. Records the revision on the Deployment.
   */
  private async newReplicaSet(d: Deployment, existing: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], create: boolean): Promise<ReplicaSet | undefined> {
    const newRevision = maxRevision(oldRSs) + 1;
    const status = (d.status ??= {});
    if (existing) {
      const annotationsUpdated = setNewReplicaSetAnnotations(d, existing, newRevision, true);
      if (annotationsUpdated || (existing.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)) {
        existing.spec = { ...existing.spec!, minReadySeconds: d.spec?.minReadySeconds ?? 0 };
        // The caller's list holds this object: keep it current for later writes in this sync.
        return Object.assign(existing, await this.rsClient.update(existing));
      }
      let needsUpdate = setDeploymentRevision(d, existing.metadata?.annotations?.[revisionAnnotation] ?? '');
      if (hasProgressDeadline(d) && !getCondition(status, 'Progressing')) {
        setCondition(status, newCondition('Progressing', 'True', foundNewRSReason, `Found new replica set "${existing.metadata!.name!}"`, this.now()));
        needsUpdate = true;
      }
      if (needsUpdate) await this.writeStatus(d);
      return existing;
    }
    if (!create) return undefined;

    const hash = hashRevisionData(d.spec?.template, status.collisionCount);
    const template = structuredClone(d.spec!.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [podTemplateHashLabel]: hash } };
    const selector = structuredClone(d.spec!.selector);
    selector.matchLabels = { ...selector.matchLabels, [podTemplateHashLabel]: hash };
    const name = `${d.metadata!.name!}-${hash}`;
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata!.namespace!, ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')], labels: { ...template.metadata.labels } },
      spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
    };
    const newReplicas = newRSNewReplicas(d, oldRSs, 0);
    rs.spec!.replicas = newReplicas;
    setNewReplicaSetAnnotations(d, rs, newRevision, false);

    let created: ReplicaSet;
    let alreadyExists = false;
    try {
      created = await this.rsClient.create(rs);
    } catch (error) {
      if (isAlreadyExists(error)) {
        const found = this.replicaSets.store.getByName(rs.metadata!.namespace, name) ?? (await this.rsClient.get(rs.metadata!.namespace, name));
        if (isControlledBy(found, d) && equalIgnoreHash(found.spec?.template, d.spec?.template)) {
          created = structuredClone(found);
          alreadyExists = true;
        } else {
          // A ReplicaSet of another template has this name: the next hash takes the collision count into account.
          status.collisionCount = (status.collisionCount ?? 0) + 1;
          await this.writeStatus(d);
          throw error;
        }
      } else {
        const message = `Failed to create new replica set "${name}": ${(error as Error).message}`;
        this.recorder.event(d, 'Warning', failedRSCreateReason, message);
        if (hasProgressDeadline(d)) {
          setCondition(status, newCondition('Progressing', 'False', failedRSCreateReason, message, this.now()));
          await this.writeStatus(d).catch(() => {});
        }
        throw error;
      }
    }
    if (!alreadyExists && newReplicas > 0) this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${newReplicas}`);
    let needsUpdate = setDeploymentRevision(d, String(newRevision));
    if (!alreadyExists && hasProgressDeadline(d)) {
      setCondition(status, newCondition('Progressing', 'True', newRSReason, `Created new replica set "${name}"`, this.now()));
      needsUpdate = true;
    }
    if (needsUpdate) await this.writeStatus(d);
    return created;
  }

  /** Upstream isScalingEvent: an active ReplicaSet was sized for another replica count. */
  private async isScalingEvent(d: Deployment, rsList: ReplicaSet[]): Promise<boolean> {
    const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of activeReplicaSets([newRS, ...oldRSs])) {
      const desired = desiredReplicasOf(rs);
      if (desired !== undefined && desired !== deploymentReplicas(d)) return true;
    }
    return false;
  }

  /** Upstream sync: scaling only (paused, or replicas changed), then cleanup and status. */
  private async scaleOnly(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
    await this.scale(d, newRS, oldRSs);
    if (d.spec?.paused) await this.cleanupDeployment(oldRSs, d);
    await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /** Upstream scale: one active ReplicaSet takes the new size; during a rollout the change is shared in proportion. */
  private async scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): Promise<void> {
    const desired = deploymentReplicas(d);
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) !== desired) await this.scaleAndRecord(activeOrLatest, desired, d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of activeReplicaSets(oldRSs)) await this.scaleAndRecord(old, 0, d);
      return;
    }
    if ((d.spec?.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
    const all = activeReplicaSets([...oldRSs, newRS]);
    if (all.length === 0) return;
    const allowed = desired > 0 ? desired + maxSurge(d) : 0;
    const toAdd = allowed - sumSpecReplicas(all);
    const operation = toAdd > 0 ? 'up' : 'down';
    all.sort(bySize(toAdd > 0));
    const sizes = new Map<ReplicaSet, number>();
    let added = 0;
    for (const rs of all) {
      const share = toAdd !== 0 ? proportion(rs, d, toAdd, added) : 0;
      sizes.set(rs, replicasOf(rs) + share);
      added += share;
    }
    // What rounding left over goes to (or comes from) the biggest ReplicaSet.
    const leftover = toAdd - added;
    if (leftover !== 0) sizes.set(all[0]!, Math.max(0, sizes.get(all[0]!)! + leftover));
    for (const rs of all) await this.scaleReplicaSet(rs, sizes.get(rs)!, d, operation);
  }

  private async scaleAndRecord(rs: ReplicaSet, size: number, d: Deployment): Promise<boolean> {
    if (replicasOf(rs) === size) return false;
    return this.scaleReplicaSet(rs, size, d, replicasOf(rs) < size ? 'up' : 'down');
  }

  /** Sets a ReplicaSet's size and replica annotations; the working copy in the caller's lists follows. */
  private async scaleReplicaSet(rs: ReplicaSet, size: number, d: Deployment, operation: 'up' | 'down'): Promise<boolean> {
    const desired = deploymentReplicas(d);
    const sizeChanged = replicasOf(rs) !== size;
    if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desired, desired + maxSurge(d))) return false;
    const before = replicasOf(rs);
    const next = structuredClone(rs);
    next.spec = { ...next.spec!, replicas: size };
    setReplicasAnnotations(next, desired, desired + maxSurge(d));
    const written = await this.rsClient.update(next);
    Object.assign(rs, written);
    if (sizeChanged) this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata!.name!} to ${size} from ${before}`);
    return sizeChanged;
  }

  // ---- rolling update ----

  private async rolloutRolling(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, true);
    const all = [...oldRSs, newRS];
    if (await this.reconcileNewReplicaSet(all, newRS!, d)) return this.syncRolloutStatus(all, newRS, d);
    if (await this.reconcileOldReplicaSets(all, activeReplicaSets(oldRSs), newRS!, d)) return this.syncRolloutStatus(all, newRS, d);
    if (deploymentComplete(d, d.status ?? {})) await this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus(all, newRS, d);
  }

  private async reconcileNewReplicaSet(all: (ReplicaSet | undefined)[], newRS: ReplicaSet, d: Deployment): Promise<boolean> {
    const desired = deploymentReplicas(d);
    if (replicasOf(newRS) === desired) return false;
    if (replicasOf(newRS) > desired) return this.scaleAndRecord(newRS, desired, d);
    return this.scaleAndRecord(newRS, newRSNewReplicas(d, all, replicasOf(newRS)), d);
  }

  /** Upstream reconcileOldReplicaSets: shrink old ReplicaSets as far as maxUnavailable allows, unhealthy pods first. */
  private async reconcileOldReplicaSets(all: (ReplicaSet | undefined)[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): Promise<boolean> {
    if (sumSpecReplicas(oldRSs) === 0) return false;
    const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    let maxScaledDown = sumSpecReplicas(all) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    // Old pods that are not available go first: removing them costs no availability.
    let cleaned = 0;
    for (const rs of [...oldRSs].sort(byCreation)) {
      if (cleaned >= maxScaledDown) break;
      const available = rs.status?.availableReplicas ?? 0;
      if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
      const count = Math.min(maxScaledDown - cleaned, replicasOf(rs) - available);
      await this.scaleAndRecord(rs, replicasOf(rs) - count, d);
      cleaned += count;
    }
    maxScaledDown -= cleaned;
    let scaled = 0;
    const availableNow = sumStatus(all, 'availableReplicas');
    if (maxScaledDown > 0 && availableNow > minAvailable) {
      const total = Math.min(availableNow - minAvailable, maxScaledDown);
      for (const rs of [...oldRSs].sort(byCreation)) {
        if (scaled >= total) break;
        if (replicasOf(rs) === 0) continue;
        const count = Math.min(replicasOf(rs), total - scaled);
        await this.scaleAndRecord(rs, replicasOf(rs) - count, d);
        scaled += count;
      }
    }
    return cleaned + scaled > 0;
  }

  // ---- recreate ----

  private async rolloutRecreate(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    let { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
    let scaledDown = false;
    for (const rs of activeReplicaSets(oldRSs)) if (await this.scaleAndRecord(rs, 0, d)) scaledDown = true;
    if (scaledDown || this.oldPodsRunning(newRS, oldRSs)) return this.syncRolloutStatus([...oldRSs, newRS], newRS, d);
    if (!newRS) ({ newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, true));
    await this.scaleAndRecord(newRS!, deploymentReplicas(d), d);
    if (deploymentComplete(d, d.status ?? {})) await this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus([...oldRSs, newRS], newRS, d);
  }

  /** Whether any old ReplicaSet still has a pod that is not finished. */
  private oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
    if (sumStatus(oldRSs, 'replicas') > 0) return true;
    for (const rs of oldRSs) {
      if (newRS && rs.metadata?.uid === newRS.metadata?.uid) continue;
      for (const pod of this.pods.store.byIndex(controllerUidIndex, rs.metadata!.uid!)) {
        if (pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded') return true;
      }
    }
    return false;
  }

  // ---- history and status ----

  /** Upstream cleanupDeployment: delete the oldest empty ReplicaSets beyond revisionHistoryLimit. */
  private async cleanupDeployment(oldRSs: readonly ReplicaSet[], d: Deployment): Promise<void> {
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
    const diff = cleanable.length - d.spec!.revisionHistoryLimit!;
    if (diff <= 0) return;
    const sorted = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of sorted.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      await this.rsClient.delete(rs.metadata!.namespace, rs.metadata!.name!).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
  }

  private async syncDeploymentStatus(all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Promise<void> {
    const status = calculateStatus(all, newRS, d, this.now());
    if (sameStatus(d.status, status)) return;
    d.status = status;
    await this.writeStatus(d);
  }

  /** Upstream syncRolloutStatus: status plus the Progressing and ReplicaFailure conditions. */
  private async syncRolloutStatus(all: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Promise<void> {
    const now = this.now();
    const status = calculateStatus(all, newRS, d, now);
    if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
    const current = getCondition(d.status, 'Progressing');
    const complete = status.replicas === status.updatedReplicas && current?.reason === newRSAvailableReason;
    if (hasProgressDeadline(d) && !complete) {
      const subject = newRS ? `ReplicaSet "${newRS.metadata!.name!}"` : 'Deployment';
      if (deploymentComplete(d, status)) {
        setCondition(status, newCondition('Progressing', 'True', newRSAvailableReason, `${subject} has successfully progressed.`, now));
      } else if (deploymentProgressing(d, status)) {
        const condition = newCondition('Progressing', 'True', rsUpdatedReason, `${subject} is progressing.`, now);
        if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
        setCondition(status, condition);
      } else if (deploymentTimedOut(d, status, this.ctx.clock.now())) {
        setCondition(status, newCondition('Progressing', 'False', timedOutReason, `${subject} has timed out progressing.`, now));
      }
    }
    const failure = replicaFailure(all);
    if (failure) setCondition(status, failure);
    else removeCondition(status, 'ReplicaFailure');

    if (sameStatus(d.status, status)) {
      this.requeueStuck(d, status);
      return;
    }
    d.status = status;
    await this.writeStatus(d);
  }

  /** Comes back when the progress deadline of a rollout in progress would pass. */
  private requeueStuck(d: Deployment, status: DeploymentStatus): void {
    const cond = getCondition(status, 'Progressing');
    if (!hasProgressDeadline(d) || !cond) return;
    if (deploymentComplete(d, status) || cond.reason === timedOutReason) return;
    const after = Date.parse(cond.lastUpdateTime ?? '') + d.spec!.progressDeadlineSeconds! * 1000 - this.ctx.clock.now();
    if (Number.isNaN(after)) return;
    if (after < 1000) this.queue.addRateLimited(keyOf(d));
    else this.queue.addAfter(keyOf(d), after);
  }
}

function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const annotations = (d.metadata!.annotations ??= {});
  if (annotations[revisionAnnotation] === revision) return false;
  annotations[revisionAnnotation] = revision;
  return true;
}

/** The first ReplicaFailure condition of any ReplicaSet, as a Deployment condition. */
function replicaFailure(all: readonly (ReplicaSet | undefined)[]): DeploymentCondition | undefined {
  for (const rs of all) {
    const c = rs?.status?.conditions?.find((cond) => cond.type === 'ReplicaFailure');
    if (c) return { type: 'ReplicaFailure', status: c.status, reason: c.reason, message: c.message, lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime };
  }
  return undefined;
}

/** Status equality that does not tell an absent count from zero (the server may drop zeros). */
function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  const norm = (s: DeploymentStatus | undefined) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s ?? {})) if (v !== 0 && v !== undefined && !(Array.isArray(v) && v.length === 0)) out[k] = v;
    return out;
  };
  return isDeepStrictEqual(norm(a), norm(b));
}
