// The Job controller (upstream pkg/controller/job): runs pods to completion. It keeps
// min(parallelism, remaining completions) pods active, replaces failed ones after a
// backoff (10 s doubling, 10 min at most), fails the Job past backoffLimit (failed
// pods with restartPolicy Never, container restarts with OnFailure) or
// activeDeadlineSeconds, and completes it when enough pods succeeded.
//
// Finished pods are counted with the `batch.kubernetes.io/job-tracking` finalizer, as
// upstream 1.33: the pods the Job creates carry it; once finished, a pod's uid goes into
// status.uncountedTerminatedPods (written first), then its finalizer is removed, then
// the uid moves into status.succeeded/failed. A crash anywhere in between neither loses
// nor double counts a pod. The terminal conditions wait for that too: first the interim
// SuccessCriteriaMet or FailureTarget, then Complete or Failed once no pod is left
// terminating or uncounted.
import { isDeepStrictEqual } from 'node:util';
import type { Job, JobStatus } from 'kubernetes-types/batch/v1.d.ts';
import type { EnvVar, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1.d.ts';
import { rfc3339 } from '../../apimachinery/time.ts';
import { labelSelectorAsSelector, type LabelSelector, type Selector } from '../../apimachinery/labels.ts';
import { isConflict, isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { adoptPatch, controllerRefOf, newControllerRef, releasePatch } from '../util/controller-ref.ts';
import { Expectations } from '../util/expectations.ts';
import { isPodActive, podFromTemplate, podNamePrefix } from '../util/pod-template.ts';
import {
  completionIndexKey,
  completionIndexOf,
  countReady,
  defaultPodFailureBackoffMs,
  emptyBackoff,
  ensureConditionStatus,
  findCondition,
  formatIndexes,
  
  hasTrackingFinalizer,
  isIndexedJob,
  isJobFinished,
  isJobSuspended,
  isPodFailed,
  isPodTerminating,
  jobControllerName,
  jobTrackingFinalizer,
  maxPodFailureBackoffMs,
  newCondition,
  nextBackoffRecord,
  onlyReplaceFailedPods,
  parseIndexes,
  pastBackoffLimitOnFailure,
  podsForRemoval,
  remainingBackoffMs,
  type BackoffRecord,
} from './job-util.ts';

export interface JobControllerOptions {
  /** The first wait before failed pods are replaced (upstream 10 s); it doubles per consecutive failure. */
  readonly podFailureBackoffMs?: number;
  /** The longest such wait (upstream 10 min). */
  readonly maxPodFailureBackoffMs?: number;
  readonly workers?: number;
}

/** Upstream MaxPodCreateDeletePerSync and SlowStartInitialBatchSize. */
const maxPodCreateDeletePerSync = 500;
const slowStartInitialBatchSize = 1;
const orphanPrefix = 'orphan:';

/** What a condition becomes once the pods are all accounted for. */
interface Finish {
  readonly type: 'Complete' | 'Failed';
  readonly reason: string;
  readonly message: string;
}

export class JobController implements Controller {
  readonly name = 'job-controller';
  private readonly ctx: ControllerContext;
  private readonly options: JobControllerOptions;
  private readonly jobs: Informer<Job>;
  private readonly pods: Informer<Pod>;
  private readonly jobClient: ResourceClient<Job>;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly expectations: Expectations;
  /** Per job key: uids whose finalizer we removed but the cache may still show. */
  private readonly finalizerRemovals = new Map<string, Set<string>>();
  private readonly backoff = new Map<string, BackoffRecord>();

  constructor(ctx: ControllerContext, options: JobControllerOptions = {}) {
    this.ctx = ctx;
    this.options = options;
    this.recorder = ctx.recorder('job-controller');
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.expectations = new Expectations(ctx.clock);
    this.jobClient = ctx.clientset.resource<Job>('jobs', 'batch');
    this.jobs = ctx.informers.informer<Job>('jobs', 'batch');
    this.pods = ctx.informers.informer<Pod>('pods');
    this.jobs.addEventHandlers({
      onAdd: (job) => this.queue.add(keyOf(job)),
      onUpdate: (_, job) => this.queue.add(keyOf(job)),
      onDelete: (job) => {
        const key = keyOf(job);
        this.expectations.forget(key);
        this.backoff.delete(key);
        this.finalizerRemovals.delete(key);
        // Its pods keep their finalizers: free them.
        for (const pod of this.pods.store.byIndex('namespace', job.metadata!.namespace!)) {
          if (hasTrackingFinalizer(pod) && controllerRefOf(pod)?.uid === job.metadata?.uid) this.queue.add(orphanPrefix + keyOf(pod));
        }
      },
    });
    this.pods.addEventHandlers({
      onAdd: (pod) => this.podAdded(pod),
      onUpdate: (old, pod) => this.podUpdated(old, pod),
      onDelete: (pod) => this.podDeleted(pod),
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'job', this.queue, this.options.workers ?? 5, (key) => this.syncKey(key), signal);
  }

  // ---- event handlers: only bookkeeping and keys -------------------------------------

  /** The cached Job that controls the pod, if the reference resolves (same uid). */
  private jobOf(pod: Pod): Job | undefined {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return undefined;
    const job = this.jobs.store.getByName(pod.metadata?.namespace, ref.name);
    return job?.metadata?.uid === ref.uid ? job : undefined;
  }

  private podAdded(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      this.podDeleted(pod);
      return;
    }
    const job = this.jobOf(pod);
    if (job) {
      this.expectations.creationObserved(keyOf(job));
      this.enqueueFor(job, pod);
      return;
    }
    this.enqueueOrphan(pod);
  }

  private podUpdated(old: Pod, pod: Pod): void {
    if (!hasTrackingFinalizer(pod)) this.finalizerObserved(pod);
    const job = this.jobOf(pod);
    if (pod.metadata?.deletionTimestamp && !old.metadata?.deletionTimestamp && job) this.expectations.deletionObserved(keyOf(job), pod.metadata!.uid!);
    const oldRef = controllerRefOf(old);
    if (oldRef && oldRef.uid !== controllerRefOf(pod)?.uid) {
      const oldJob = this.jobs.store.getByName(old.metadata?.namespace, oldRef.name);
      if (oldJob) this.queue.add(keyOf(oldJob));
    }
    if (job) this.enqueueFor(job, pod);
    else this.enqueueOrphan(pod);
  }

  private podDeleted(pod: Pod): void {
    this.finalizerObserved(pod);
    const job = this.jobOf(pod);
    if (!job) return;
    this.expectations.deletionObserved(keyOf(job), pod.metadata!.uid!);
    this.queue.add(keyOf(job));
  }

  private finalizerObserved(pod: Pod): void {
    const ref = controllerRefOf(pod);
    if (!ref) return;
    const key = `${pod.metadata!.namespace}/${ref.name}`;
    const pending = this.finalizerRemovals.get(key);
    if (pending?.delete(pod.metadata!.uid!) && pending.size === 0) this.finalizerRemovals.delete(key);
  }

  /** The pod's Job syncs; a finished Job's leftover finalizer is freed at once. */
  private enqueueFor(job: Job, pod: Pod): void {
    if (isJobFinished(job) && hasTrackingFinalizer(pod)) this.queue.add(orphanPrefix + keyOf(pod));
    this.queue.add(keyOf(job));
  }

  /** A pod no running Job controls: free its finalizer, or let a selecting Job adopt it. */
  private enqueueOrphan(pod: Pod): void {
    if (hasTrackingFinalizer(pod)) this.queue.add(orphanPrefix + keyOf(pod));
    if (controllerRefOf(pod)) return;
    for (const job of this.jobs.store.byIndex('namespace', pod.metadata?.namespace ?? '')) {
      const selector = selectorOf(job);
      if (selector?.matches(pod.metadata?.labels ?? {})) this.queue.add(keyOf(job));
    }
  }

  // ---- sync ---------------------------------------------------------------------------

  private syncKey(key: string): Promise<void> {
    return key.startsWith(orphanPrefix) ? this.syncOrphanPod(key.slice(orphanPrefix.length)) : this.sync(key);
  }

  /** Removes the tracking finalizer of a pod whose Job is gone, finished or not its controller (upstream syncOrphanPod). */
  private async syncOrphanPod(podKey: string): Promise<void> {
    const pod = this.pods.store.get(podKey);
    if (!pod || !hasTrackingFinalizer(pod)) return;
    const ref = controllerRefOf(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.jobOf(pod);
      if (job && managedElsewhere(job)) return;
      if (job && !isJobFinished(job)) return;
    }
    await this.removeFinalizer(pod);
  }

  private async removeFinalizer(pod: Pod): Promise<void> {
    try {
      await this.ctx.clientset.pods.patch(pod.metadata!.namespace, pod.metadata!.name!, 'strategic', {
        metadata: { '$deleteFromPrimitiveList/finalizers': [jobTrackingFinalizer] },
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async sync(key: string): Promise<void> {
    const cached = this.jobs.store.get(key);
    if (!cached) {
      this.expectations.forget(key);
      this.backoff.delete(key);
      this.finalizerRemovals.delete(key);
      return;
    }
    if (isJobFinished(cached) || managedElsewhere(cached)) return;
    const job = structuredClone(cached);
    const now = this.ctx.clock.now();
    const spec = job.spec!;
    const status = (job.status ??= {});
    const before = structuredClone(status);
    const satisfied = this.expectations.satisfied(key);
    const pods = await this.claimPods(job);
    const activePods = pods.filter(isPodActive);
    const uncounted = {
      succeeded: new Set(status.uncountedTerminatedPods?.succeeded ?? []),
      failed: new Set(status.uncountedTerminatedPods?.failed ?? []),
    };
    const pendingRemovals = this.finalizerRemovals.get(key) ?? new Set<string>();
    const countable = (p: Pod) => hasTrackingFinalizer(p) && !uncounted.succeeded.has(p.metadata!.uid!) && !uncounted.failed.has(p.metadata!.uid!) && !pendingRemovals.has(p.metadata!.uid!);
    const newSucceeded = pods.filter((p) => countable(p) && p.status?.phase === 'Succeeded');
    const newFailed = pods.filter((p) => countable(p) && isPodFailed(p, job));
    const indexed = isIndexedJob(job);
    const completions = spec.completions ?? undefined;
    const succeededIndexes = indexed ? parseIndexes(status.completedIndexes, completions ?? 0) : new Set<number>();
    if (indexed) for (const p of newSucceeded) addIndex(succeededIndexes, p, completions ?? 0);
    const succeeded = indexed ? succeededIndexes.size : (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size;
    const failed = (status.failed ?? 0) + newFailed.length + uncounted.failed.size;
    // Failures since the last success, counting the pods seen finished now.
    const backoff = nextBackoffRecord(this.backoff.get(key) ?? emptyBackoff, newSucceeded, newFailed, now);
    let active = activePods.length;
    let ready = countReady(activePods);
    let terminating = pods.filter(isPodTerminating).length;
    if (!status.startTime && !isJobSuspended(job)) status.startTime = rfc3339(now);

    // Why the Job ends, if it does: a condition already recorded, or one found now.
    let finish: Finish | undefined;
    const successMet = findCondition(job, 'SuccessCriteriaMet');
    const failureTarget = findCondition(job, 'FailureTarget');
    let interim: ReturnType<typeof newCondition> | undefined;
    if (successMet?.status === 'True') finish = { type: 'Complete', reason: successMet.reason ?? '', message: successMet.message ?? '' };
    else if (failureTarget?.status === 'True') finish = { type: 'Failed', reason: failureTarget.reason ?? '', message: failureTarget.message ?? '' };
    else if (failed > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
      finish = { type: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    } else if (this.pastActiveDeadline(job, now)) {
      finish = { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    } else if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null && !isJobSuspended(job) && status.startTime) {
      this.queue.addAfter(key, Date.parse(status.startTime) + spec.activeDeadlineSeconds * 1000 - now);
    }
    if (finish?.type === 'Failed' && failureTarget?.status !== 'True') interim = newCondition('FailureTarget', 'True', finish.reason, finish.message, now);

    let manageError: unknown;
    if (finish) {
      // Ending: every active pod goes; the Job waits until they are gone and counted.
      const { deleted, deletedReady, error } = await this.deletePods(job, key, activePods, false);
      manageError = error;
      if (deleted !== activePods.length || !satisfied) {
        finish = undefined;
        interim = undefined;
      }
      active -= deleted;
      ready -= deletedReady;
      terminating += deleted;
    } else {
      let managed = false;
      if (satisfied && !job.metadata?.deletionTimestamp) {
        const result = await this.manageJob(job, key, activePods, { succeeded, succeededIndexes, terminating, backoff, now });
        active = result.active;
        ready -= result.deletedReady;
        terminating += result.deleted;
        manageError = result.error;
        managed = true;
      }
      const complete = indexed || completions !== undefined ? succeeded >= (completions ?? 1) && active === 0 : succeeded > 0 && active === 0;
      if (complete) {
        finish = { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
        interim = newCondition('SuccessCriteriaMet', 'True', finish.reason, finish.message, now);
      } else if (managed) {
        if (isJobSuspended(job)) {
          if (ensureConditionStatus(job, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)) this.recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
        } else if (ensureConditionStatus(job, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)) {
          this.recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
          // activeDeadlineSeconds counts time continuously active: it starts again.
          status.startTime = rfc3339(now);
        }
      }
    }
    status.active = active;
    status.ready = ready;
    status.terminating = terminating;
    await this.trackStatus(job, key, before, { pods, backoff, uncounted, pendingRemovals, succeededIndexes, finish, interim, terminating, now });
    if (manageError) throw manageError;
  }

  private pastActiveDeadline(job: Job, now: number): boolean {
    const seconds = job.spec?.activeDeadlineSeconds;
    const start = job.status?.startTime;
    if (seconds === undefined || seconds === null || !start || isJobSuspended(job)) return false;
    return now - Date.parse(start) >= seconds * 1000;
  }

  /** The pods the Job controls and still selects, after adopting selected orphans and releasing the others. */
  private async claimPods(job: Job): Promise<Pod[]> {
    const selector = selectorOf(job);
    const uid = job.metadata!.uid!;
    const namespace = job.metadata!.namespace!;
    const out: Pod[] = [];
    for (const pod of this.pods.store.byIndex('namespace', namespace)) {
      const ref = controllerRefOf(pod);
      const selected = selector?.matches(pod.metadata?.labels ?? {}) ?? false;
      try {
        if (ref) {
          if (ref.uid !== uid) continue;
          if (selected || job.metadata?.deletionTimestamp) out.push(pod);
          else await this.ctx.clientset.pods.patch(namespace, pod.metadata!.name!, 'strategic', releasePatch(pod, uid));
          continue;
        }
        if (!selected || job.metadata?.deletionTimestamp || pod.metadata?.deletionTimestamp || !isPodActive(pod)) continue;
        out.push(await this.ctx.clientset.pods.patch(namespace, pod.metadata!.name!, 'strategic', adoptPatch(pod, newControllerRef(job, 'batch/v1', 'Job'))));
      } catch (error) {
        if (!isNotFound(error) && !isConflict(error)) throw error;
      }
    }
    return out;
  }

  private async manageJob(
    job: Job,
    key: string,
    activePods: Pod[],
    counts: { succeeded: number; succeededIndexes: Set<number>; terminating: number; backoff: BackoffRecord; now: number },
  ): Promise<{ active: number; deleted: number; deletedReady: number; error?: unknown }> {
    const active = activePods.length;
    const spec = job.spec!;
    if (isJobSuspended(job)) {
      const { deleted, deletedReady, error } = await this.deletePods(job, key, podsForRemoval(activePods, active), true);
      return { active: active - deleted, deleted, deletedReady, error };
    }
    const parallelism = spec.parallelism ?? 1;
    const indexed = isIndexedJob(job);
    let wantActive: number;
    if (spec.completions === undefined || spec.completions === null) wantActive = counts.succeeded > 0 ? active : parallelism;
    else wantActive = Math.max(0, Math.min(parallelism, spec.completions - counts.succeeded));

    // Too many: the extra pods go first, and nothing is created in the same sync.
    let toDelete = podsForRemoval(activePods, active - wantActive);
    if (indexed) toDelete = [...toDelete, ...surplusIndexedPods(activePods, counts.succeededIndexes, spec.completions ?? 0, toDelete)];
    if (toDelete.length > 0) {
      const { deleted, deletedReady, error } = await this.deletePods(job, key, toDelete.slice(0, maxPodCreateDeletePerSync), true);
      return { active: active - deleted, deleted, deletedReady, error };
    }
    const terminating = onlyReplaceFailedPods(job) ? counts.terminating : 0;
    let diff = wantActive - terminating - active;
    if (diff <= 0) return { active, deleted: 0, deletedReady: 0 };
    const wait = remainingBackoffMs(counts.backoff, counts.now, this.options.podFailureBackoffMs ?? defaultPodFailureBackoffMs, this.options.maxPodFailureBackoffMs ?? maxPodFailureBackoffMs);
    if (wait > 0) {
      this.queue.addAfter(key, wait);
      return { active, deleted: 0, deletedReady: 0 };
    }
    diff = Math.min(diff, maxPodCreateDeletePerSync);
    let indexes: Array<number | undefined> = Array.from({ length: diff }, () => undefined);
    if (indexed) {
      indexes = pendingIndexes(activePods, counts.succeededIndexes, spec.completions ?? 0, diff);
      diff = indexes.length;
    }
    if (diff === 0) return { active, deleted: 0, deletedReady: 0 };
    this.expectations.expect(key, diff);
    const template = structuredClone(spec.template) as PodTemplateSpec;
    const meta = (template.metadata ??= {});
    if (!meta.finalizers?.includes(jobTrackingFinalizer)) meta.finalizers = [...(meta.finalizers ?? []), jobTrackingFinalizer];
    if (indexed) addCompletionIndexEnv(template);
    const ref = newControllerRef(job, 'batch/v1', 'Job');
    const namespace = job.metadata!.namespace!;
    let created = 0;
    let attempted = 0;
    let error: unknown;
    // Slow start: batches of 1, 2, 4... so a broken template fails once, not 500 times.
    for (let batch = Math.min(diff, slowStartInitialBatchSize); attempted < indexes.length && !error; batch = Math.min(2 * batch, indexes.length - attempted)) {
      const chunk = indexes.slice(attempted, attempted + batch);
      attempted += chunk.length;
      const results = await Promise.allSettled(chunk.map((index) => this.createPod(job, template, ref, namespace, index)));
      for (const r of results) {
        if (r.status === 'fulfilled') created++;
        else {
          this.expectations.creationFailed(key);
          error ??= r.reason;
        }
      }
    }
    // Creations never attempted will never be observed either.
    for (let i = attempted; i < indexes.length; i++) this.expectations.creationFailed(key);
    return { active: active + created, deleted: 0, deletedReady: 0, ...(error ? { error } : {}) };
  }

  private async createPod(job: Job, template: PodTemplateSpec, ref: ReturnType<typeof newControllerRef>, namespace: string, index: number | undefined): Promise<void> {
    const name = job.metadata!.name!;
    let generateName = podNamePrefix(name);
    let podTemplate = template;
    if (index !== undefined) {
      podTemplate = structuredClone(template);
      const meta = (podTemplate.metadata ??= {});
      meta.annotations = { ...meta.annotations, [completionIndexKey]: String(index) };
      meta.labels = { ...meta.labels, [completionIndexKey]: String(index) };
      podTemplate.spec!.hostname = `${name}-${index}`;
      generateName = podNamePrefix(`${name}-${index}`);
    }
    try {
      const pod = await this.ctx.clientset.pods.create(podFromTemplate(podTemplate, namespace, ref, generateName));
      this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata!.name!}`);
    } catch (error) {
      this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Deletes pods (keeping their finalizers: they are counted as failed later). */
  private async deletePods(job: Job, key: string, pods: readonly Pod[], expect: boolean): Promise<{ deleted: number; deletedReady: number; error?: unknown }> {
    if (pods.length === 0) return { deleted: 0, deletedReady: 0 };
    if (expect) this.expectations.expect(key, 0, pods.map((p) => p.metadata!.uid!));
    let deleted = 0;
    let deletedReady = 0;
    let error: unknown;
    await Promise.all(
      pods.map(async (pod) => {
        try {
          await this.ctx.clientset.pods.delete(pod.metadata!.namespace, pod.metadata!.name!, { preconditions: { uid: pod.metadata!.uid! } });
          this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name!}`);
          deleted++;
          if (countReady([pod]) === 1) deletedReady++;
        } catch (e) {
          if (isNotFound(e)) {
            deleted++;
            return;
          }
          if (expect) this.expectations.deletionObserved(key, pod.metadata!.uid!);
          this.recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
          error ??= e;
        }
      }),
    );
    return { deleted, deletedReady, ...(error ? { error } : {}) };
  }

  /**
   * Counts finished pods through uncountedTerminatedPods and the finalizer (see the top
   * of the file), then records the terminal condition when nothing is left to count.
   */
  private async trackStatus(
    job: Job,
    key: string,
    before: JobStatus,
    t: {
      pods: Pod[];
      backoff: BackoffRecord;
      uncounted: { succeeded: Set<string>; failed: Set<string> };
      pendingRemovals: Set<string>;
      succeededIndexes: Set<number>;
      finish: Finish | undefined;
      interim: ReturnType<typeof newCondition> | undefined;
      terminating: number;
      now: number;
    },
  ): Promise<void> {
    const status = job.status!;
    const indexed = isIndexedJob(job);
    const toRemove: Pod[] = [];
    const ending = t.finish?.type === 'Failed';
    for (const pod of t.pods) {
      const uid = pod.metadata!.uid!;
      if (!hasTrackingFinalizer(pod) || t.pendingRemovals.has(uid)) continue;
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const failed = isPodFailed(pod, job);
      if (!finished && !failed && !ending) continue;
      toRemove.push(pod);
      if (pod.status?.phase === 'Succeeded' && !t.uncounted.failed.has(uid)) {
        if (!indexed) t.uncounted.succeeded.add(uid);
      } else if (failed || ending) {
        t.uncounted.failed.add(uid);
      }
    }
    if (indexed) status.completedIndexes = formatIndexes(t.succeededIndexes);
    if (indexed) status.succeeded = t.succeededIndexes.size;
    if (t.interim && !findCondition(job, t.interim.type as 'FailureTarget')) (status.conditions ??= []).push(t.interim);
    setUncounted(status, t.uncounted);
    // 1. Record the uids before any finalizer goes.
    const current = await this.writeStatus(job, before);
    // 2. Remove the finalizers.
    const removed = new Set<string>();
    if (toRemove.length > 0) {
      const pending = this.finalizerRemovals.get(key) ?? new Set<string>();
      this.finalizerRemovals.set(key, pending);
      const results = await Promise.allSettled(
        toRemove.map(async (pod) => {
          pending.add(pod.metadata!.uid!);
          try {
            await this.removeFinalizer(pod);
            removed.add(pod.metadata!.uid!);
          } catch (error) {
            pending.delete(pod.metadata!.uid!);
            throw error;
          }
        }),
      );
      const failure = results.find((r) => r.status === 'rejected');
      if (failure) this.ctx.log(`job: ${key}: removing finalizers: ${(failure.reason as Error).message}`);
    }
    // 3. Count the uids whose pods no longer hold the finalizer.
    const withFinalizer = new Set(t.pods.filter((p) => hasTrackingFinalizer(p) && !removed.has(p.metadata!.uid!)).map((p) => p.metadata!.uid!));
    const next = structuredClone(current.status ?? {});
    for (const uid of [...t.uncounted.succeeded]) {
      if (withFinalizer.has(uid)) continue;
      t.uncounted.succeeded.delete(uid);
      next.succeeded = (next.succeeded ?? 0) + 1;
    }
    for (const uid of [...t.uncounted.failed]) {
      if (withFinalizer.has(uid)) continue;
      t.uncounted.failed.delete(uid);
      next.failed = (next.failed ?? 0) + 1;
    }
    setUncounted(next, t.uncounted);
    this.backoff.set(key, t.backoff);
    // 4. The terminal condition, once every pod is counted and none is terminating.
    let finishedNow = false;
    if (t.finish && t.uncounted.succeeded.size === 0 && t.uncounted.failed.size === 0 && t.terminating === 0) {
      const cond = newCondition(t.finish.type, 'True', t.finish.reason, t.finish.message, this.ctx.clock.now());
      (next.conditions ??= []).push(cond);
      if (t.finish.type === 'Complete') next.completionTime = cond.lastTransitionTime;
      finishedNow = true;
    }
    await this.writeStatus({ ...current, status: next }, current.status ?? {});
    if (!finishedNow) return;
    if (t.finish!.type === 'Complete') {
      const completions = job.spec?.completions;
      if (completions !== undefined && completions !== null && (next.succeeded ?? 0) > completions) {
        this.recorder.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
      }
      this.recorder.event(job, 'Normal', 'Completed', 'Job completed');
    } else {
      this.recorder.event(job, 'Warning', t.finish!.reason, t.finish!.message);
    }
    this.backoff.delete(key);
  }

  /** PUTs the status when it changed; returns the Job as stored. */
  private async writeStatus(job: Job, before: JobStatus): Promise<Job> {
    if (isDeepStrictEqual(normalizedStatus(job.status), normalizedStatus(before))) return job;
    return await this.jobClient.updateStatus(job);
  }
}

function setUncounted(status: JobStatus, uncounted: { succeeded: Set<string>; failed: Set<string> }): void {
  status.uncountedTerminatedPods = {
    ...(uncounted.succeeded.size > 0 ? { succeeded: [...uncounted.succeeded] } : {}),
    ...(uncounted.failed.size > 0 ? { failed: [...uncounted.failed] } : {}),
  };
}

/** The status as the server stores it: zero counts, empty lists and strings are left out (Go's omitempty). */
function normalizedStatus(status: JobStatus | undefined): JobStatus {
  const s = structuredClone(status ?? {});
  if (!s.active) delete s.active;
  if (!s.succeeded) delete s.succeeded;
  if (!s.failed) delete s.failed;
  if (!s.completedIndexes) delete s.completedIndexes;
  if (!s.conditions?.length) delete s.conditions;
  const u = s.uncountedTerminatedPods;
  if (u && !u.succeeded?.length && !u.failed?.length) delete s.uncountedTerminatedPods;
  return s;
}

function selectorOf(job: Job): Selector | undefined {
  try {
    return labelSelectorAsSelector(job.spec?.selector as LabelSelector | undefined);
  } catch {
    return undefined;
  }
}

/** A Job whose spec.managedBy names another controller is left alone. */
function managedElsewhere(job: Job): boolean {
  const managedBy = (job.spec as { managedBy?: string } | undefined)?.managedBy;
  return managedBy !== undefined && managedBy !== jobControllerName;
}

function addIndex(indexes: Set<number>, pod: Pod, completions: number): void {
  const index = completionIndexOf(pod);
  if (index !== undefined && index < completions) indexes.add(index);
}

/** Indexes neither succeeded nor held by an active pod, lowest first. */
function pendingIndexes(active: readonly Pod[], succeeded: ReadonlySet<number>, completions: number, count: number): number[] {
  const held = new Set(active.map(completionIndexOf).filter((i) => i !== undefined));
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!succeeded.has(i) && !held.has(i)) out.push(i);
  return out;
}

/** Active pods of an Indexed Job with no valid index, an index already succeeded, or a second pod for an index. */
function surplusIndexedPods(active: readonly Pod[], succeeded: ReadonlySet<number>, completions: number, already: readonly Pod[]): Pod[] {
  const skip = new Set(already);
  const seen = new Set<number>();
  const out: Pod[] = [];
  for (const pod of active) {
    if (skip.has(pod)) continue;
    const index = completionIndexOf(pod);
    if (index === undefined || index >= completions || succeeded.has(index) || seen.has(index)) out.push(pod);
    else seen.add(index);
  }
  return out;
}

/** JOB_COMPLETION_INDEX in every container, from the pod's index annotation. */
function addCompletionIndexEnv(template: PodTemplateSpec): void {
  const env: EnvVar = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${completionIndexKey}']` } } };
  for (const c of [...(template.spec?.initContainers ?? []), ...(template.spec?.containers ?? [])]) {
    if (!(c.env ?? []).some((e) => e.name === env.name)) c.env = [...(c.env ?? []), structuredClone(env)];
  }
}
