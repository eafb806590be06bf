// What the Job controller decides from a Job and its pods, without I/O (upstream
// pkg/controller/job: job_controller.go, backoff_utils.go, indexed_job_utils.go).
import type { Job, JobCondition } from 'kubernetes-types/batch/v1.d.ts';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { isPodReady } from '../util/pod-template.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

/** The finalizer that keeps a finished pod until the Job has counted it (batch/v1 JobTrackingFinalizer). */
export const jobTrackingFinalizer = 'batch.kubernetes.io/job-tracking';
/** The index of a pod of an Indexed Job, as annotation and label. */
export const completionIndexKey = 'batch.kubernetes.io/job-completion-index';
/** Who manages a Job; anything but this value leaves it to another controller (JobManagedBy). */
export const jobControllerName = 'kubernetes.io/job-controller';

/** Upstream's DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const defaultPodFailureBackoffMs = 10_000;
export const maxPodFailureBackoffMs = 10 * 60_000;

export type ConditionType = 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';


export function findCondition(job: Job, type: ConditionType): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

function conditionTrue(job: Job, type: ConditionType): boolean {
  return findCondition(job, type)?.status === 'True';
}

/** Complete or Failed: nothing more happens to the Job (upstream IsJobFinished). */
export function isJobFinished(job: Job): boolean {
  return conditionTrue(job, 'Complete') || conditionTrue(job, 'Failed');
}

/** The terminal condition of a finished Job, if any. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

export function isJobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}

export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

export function newCondition(type: ConditionType, status: 'True' | 'False', reason: string, message: string, now: number): JobCondition {
  const at = rfc3339(now);
  return { type, status, lastProbeTime: at, lastTransitionTime: at, reason, message };
}

/**
 * Upstream ensureJobConditionStatus: sets the condition's status (with reason and
 * message) when it differs; a False condition is not added when absent. Returns whether
 * the list changed.
 */
export function ensureConditionStatus(job: Job, type: ConditionType, status: 'True' | 'False', reason: string, message: string, now: number): boolean {
  const status_ = (job.status ??= {});
  const conditions = (status_.conditions ??= []);
  const existing = conditions.find((c) => c.type === type);
  if (existing) {
    if (existing.status === status) return false;
    Object.assign(existing, newCondition(type, status, reason, message, now));
    return true;
  }
  if (status === 'False') return false;
  conditions.push(newCondition(type, status, reason, message, now));
  return true;
}

export function hasTrackingFinalizer(pod: Pod): boolean {
  return pod.metadata?.finalizers?.includes(jobTrackingFinalizer) ?? false;
}

/** Replacement starts only once a pod has failed (Failed) or as soon as it terminates (TerminatingOrFailed). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || (job.spec?.podReplacementPolicy === undefined && job.spec?.podFailurePolicy !== undefined);
}

/**
 * Upstream isPodFailed: phase Failed; and unless only failed pods are replaced, a pod
 * being deleted before it succeeded (orphans that never reach a phase count too).
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null && pod.status?.phase !== 'Succeeded';
}

/** Being deleted and not yet in a final phase. */
export function isPodTerminating(pod: Pod): boolean {
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded';
}

/**
 * Upstream pastBackoffLimitOnFailure: with restartPolicy OnFailure failures are
 * container restarts, summed over the pods still Pending or Running.
 */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    const phase = pod.status?.phase;
    if (phase !== 'Running' && phase !== 'Pending') continue;
    for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** When a pod finished: its containers' latest finishedAt, else when it stopped being ready, else its deletion. */
export function podFinishTime(pod: Pod, now: number): number {
  let latest: number | undefined;
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const at = s.state?.terminated?.finishedAt ? Date.parse(s.state.terminated.finishedAt) : NaN;
    if (!Number.isNaN(at) && (latest === undefined || at > latest)) latest = at;
  }
  if (latest !== undefined) return latest;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'False');
  if (ready?.lastTransitionTime) return Date.parse(ready.lastTransitionTime);
  if (pod.metadata?.deletionTimestamp) return Date.parse(pod.metadata.deletionTimestamp);
  return now;
}

/** Consecutive pod failures since the last success (upstream backoffRecord). */
export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureTime: number | undefined;
}

export const emptyBackoff: BackoffRecord = { failuresAfterLastSuccess: 0, lastFailureTime: undefined };

/** The record after these pods were counted (upstream newBackoffRecord). */
export function nextBackoffRecord(previous: BackoffRecord, newSucceeded: readonly Pod[], newFailed: readonly Pod[], now: number): BackoffRecord {
  if (newSucceeded.length === 0 && newFailed.length === 0) return previous;
  const lastSuccess = Math.max(-Infinity, ...newSucceeded.map((p) => podFinishTime(p, now)));
  const failTimes = newFailed.map((p) => podFinishTime(p, now)).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    const last = failTimes[failTimes.length - 1]!;
    return { failuresAfterLastSuccess: previous.failuresAfterLastSuccess + failTimes.length, lastFailureTime: Math.max(previous.lastFailureTime ?? -Infinity, last) };
  }
  const after = failTimes.filter((t) => t > lastSuccess);
  if (after.length === 0) return emptyBackoff;
  return { failuresAfterLastSuccess: after.length, lastFailureTime: after[after.length - 1]! };
}

/** How long to wait before creating pods again: base doubled per failure after the first, capped. */
export function remainingBackoffMs(record: BackoffRecord, now: number, baseMs: number, maxMs: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  let backoff = baseMs;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= maxMs) {
      backoff = maxMs;
      break;
    }
  }
  const elapsed = now - record.lastFailureTime;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * The active pods to delete first (upstream controller.ActivePods): unscheduled, then
 * Pending before Unknown before Running, not ready before ready, ready more recently,
 * restarted more, created more recently.
 */
export function podsForRemoval(pods: readonly Pod[], count: number): Pod[] {
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, s) => Math.max(n, s.restartCount ?? 0), 0);
  const readySince = (p: Pod) => Date.parse(p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '') || 0;
  const created = (p: Pod) => Date.parse(p.metadata?.creationTimestamp ?? '') || 0;
  const sorted = [...pods].sort((a, b) => {
    const na = a.spec?.nodeName ? 1 : 0;
    const nb = b.spec?.nodeName ? 1 : 0;
    if (na !== nb) return na - nb;
    const pa = phaseOrdinal[a.status?.phase ?? ''] ?? 0;
    const pb = phaseOrdinal[b.status?.phase ?? ''] ?? 0;
    if (pa !== pb) return pa - pb;
    const ra = isPodReady(a) ? 1 : 0;
    const rb = isPodReady(b) ? 1 : 0;
    if (ra !== rb) return ra - rb;
    if (ra && readySince(a) !== readySince(b)) return readySince(b) - readySince(a);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    return created(b) - created(a);
  });
  return sorted.slice(0, Math.max(0, count));
}

/** The completion index of a pod of an Indexed Job, or undefined. */
export function completionIndexOf(pod: Pod): number | undefined {
  const raw = pod.metadata?.annotations?.[completionIndexKey] ?? pod.metadata?.labels?.[completionIndexKey];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** Parses status.completedIndexes ("1,3-5") into a set of indexes. */
export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-');
    const from = Number(a);
    const to = b === undefined ? from : Number(b);
    if (!Number.isInteger(from) || !Number.isInteger(to)) continue;
    for (let i = from; i <= to && i < completions; i++) out.add(i);
  }
  return out;
}

/** Formats a set of indexes as intervals, in order ("1,3-5"). */
export function formatIndexes(indexes: ReadonlySet<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Readiness counted over active pods. */
export function countReady(pods: readonly Pod[]): number {
  return pods.filter(isPodReady).length;
}
