// The CronJob controller (upstream pkg/controller/cronjob, the v2 controller): at each
// scheduled time a CronJob creates a Job from its jobTemplate, named
// <cronjob>-<scheduled time in minutes since the epoch> so a time is never run twice.
// concurrencyPolicy decides what happens while an earlier Job still runs (Allow, Forbid
// skips, Replace deletes it), startingDeadlineSeconds drops runs started too late,
// suspend stops new runs, and finished Jobs beyond the history limits are deleted.
// Each sync returns when the next run is due and the key is queued for then; the clock
// is injected so tests can move time.
import type { CronJob, Job } from 'kubernetes-types/batch/v1.d.ts';
import type { ObjectReference } from 'kubernetes-types/core/v1.d.ts';
import type { Clock } from '../../apimachinery/clock.ts';
import { isAlreadyExists, isNotFound } from '../../client/errors.ts';
import type { EventRecorder } from '../../client/events.ts';
import { keyOf } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { controllerRefOf, isControlledBy, newControllerRef } from '../util/controller-ref.ts';
import { finishedCondition } from '../job/job-util.ts';
import { isValidTimeZone, mostRecentScheduleTime, nextScheduleDelay, parseSchedule, type Schedule } from './schedule.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

export interface CronJobControllerOptions {
  /** The clock schedules are read on (default: the controller context's). */
  readonly clock?: Clock;
  readonly workers?: number;
}

/** batch/v1 CronJobScheduledTimestampAnnotation. */
export const scheduledTimestampAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** The Job name for a scheduled time: minutes since the epoch (upstream getJobName). */
export function jobNameFor(cronJobName: string, scheduledTime: number): string {
  return `${cronJobName}-${Math.floor(scheduledTime / 60_000)}`;
}

/** RFC 3339 in the given zone, as Go's time.Format(time.RFC3339) prints it. */
export function formatInZone(ms: number, zone: string | undefined): string {
  if (!zone || zone === 'UTC') return rfc3339(ms);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace(/^GMT/, '');
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset === '' ? 'Z' : offset}`;
}

export class CronJobController implements Controller {
  readonly name = 'cronjob-controller';
  private readonly ctx: ControllerContext;
  private readonly clock: Clock;
  private readonly workers: number;
  private readonly cronJobs: Informer<CronJob>;
  private readonly jobs: Informer<Job>;
  private readonly cronJobClient: ResourceClient<CronJob>;
  private readonly jobClient: ResourceClient<Job>;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;

  constructor(ctx: ControllerContext, options: CronJobControllerOptions = {}) {
    this.ctx = ctx;
    this.clock = options.clock ?? ctx.clock;
    this.workers = options.workers ?? 5;
    this.recorder = ctx.recorder('cronjob-controller');
    this.queue = new WorkQueue({ clock: this.clock });
    this.cronJobClient = ctx.clientset.resource<CronJob>('cronjobs', 'batch');
    this.jobClient = ctx.clientset.resource<Job>('jobs', 'batch');
    this.cronJobs = ctx.informers.informer<CronJob>('cronjobs', 'batch');
    this.jobs = ctx.informers.informer<Job>('jobs', 'batch');
    this.cronJobs.addEventHandlers({
      onAdd: (cj) => this.queue.add(keyOf(cj)),
      onUpdate: (_, cj) => this.queue.add(keyOf(cj)),
    });
    const enqueueOwner = (job: Job) => {
      const ref = controllerRefOf(job);
      if (ref?.kind !== 'CronJob') return;
      const cj = this.cronJobs.store.getByName(job.metadata?.namespace, ref.name);
      if (cj?.metadata?.uid === ref.uid) this.queue.add(keyOf(cj));
    };
    this.jobs.addEventHandlers({
      onAdd: enqueueOwner,
      onUpdate: (old, job) => {
        if (controllerRefOf(old)?.uid !== controllerRefOf(job)?.uid) enqueueOwner(old);
        enqueueOwner(job);
      },
      onDelete: enqueueOwner,
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'cronjob', this.queue, this.workers, (key) => this.sync(key), signal);
  }

  private async sync(key: string): Promise<void> {
    const cached = this.cronJobs.store.get(key);
    if (!cached) return;
    const cj = structuredClone(cached);
    const jobs = this.jobs.store.byIndex('namespace', cj.metadata!.namespace!).filter((j) => {
      const ref = controllerRefOf(j);
      return ref?.kind === 'CronJob' && ref.name === cj.metadata!.name;
    });
    const cleaned = await this.cleanupFinishedJobs(cj, jobs);
    const { requeueAfter, updateStatus, error } = await this.syncCronJob(cj, jobs);
    if (cleaned || updateStatus) await this.cronJobClient.updateStatus(cj);
    if (requeueAfter !== undefined) {
      this.queue.addAfter(key, requeueAfter);
      return;
    }
    if (error) throw error;
  }

  private async syncCronJob(cj: CronJob, jobs: readonly Job[]): Promise<{ requeueAfter?: number; updateStatus: boolean; error?: unknown }> {
    const now = this.clock.now();
    const status = (cj.status ??= {});
    let updateStatus = false;
    const children = new Set<string>();
    for (const job of jobs) {
      const uid = job.metadata!.uid!;
      children.add(uid);
      const found = inActiveList(cj, uid);
      const finished = finishedCondition(job);
      if (!found && !finished) {
        // Perhaps our own status write is not in the cache yet: ask the server.
        let fresh: CronJob;
        try {
          fresh = await this.cronJobClient.get(cj.metadata!.namespace, cj.metadata!.name!);
        } catch (error) {
          return { updateStatus, error };
        }
        if (inActiveList(fresh, uid)) {
          Object.assign(cj, fresh);
          continue;
        }
        this.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata!.name!}`);
      } else if (found && finished) {
        status.active = (status.active ?? []).filter((r) => r.uid !== uid);
        this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata!.name!}, condition: ${finished.type}`);
        updateStatus = true;
      } else if (finished?.type === 'Complete' && job.status?.completionTime) {
        const completed = job.status.completionTime;
        if (!status.lastSuccessfulTime || Date.parse(completed) > Date.parse(status.lastSuccessfulTime)) {
          status.lastSuccessfulTime = completed;
          updateStatus = true;
        }
      }
    }
    // Active Jobs that are gone (checked on the server, the cache may lag).
    for (const ref of [...(status.active ?? [])]) {
      if (children.has(ref.uid ?? '')) continue;
      try {
        await this.jobClient.get(ref.namespace, ref.name!);
      } catch (error) {
        if (!isNotFound(error)) return { updateStatus, error };
        this.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name!}`);
        status.active = (status.active ?? []).filter((r) => r.uid !== ref.uid);
        updateStatus = true;
      }
    }
    if (cj.metadata?.deletionTimestamp) return { updateStatus };
    const zone = cj.spec?.timeZone ?? undefined;
    if (zone !== undefined && !isValidTimeZone(zone)) {
      this.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${zone}": unknown time zone ${zone}`);
      return { updateStatus };
    }
    if (cj.spec?.suspend) return { updateStatus };
    const scheduleText = cj.spec?.schedule ?? '';
    if (scheduleText.includes('TZ')) {
      this.recorder.event(
        cj,
        'Warning',
        'UnsupportedSchedule',
        `CRON_TZ or TZ used in schedule "${scheduleText}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      );
    }
    let schedule: Schedule;
    try {
      schedule = parseSchedule(scheduleText, scheduleText.includes('TZ') ? undefined : zone);
    } catch (error) {
      this.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${scheduleText}" : ${(error as Error).message}`);
      return { updateStatus };
    }
    const times = {
      creationTimestamp: Date.parse(cj.metadata?.creationTimestamp ?? '') || now,
      lastScheduleTime: status.lastScheduleTime ? Date.parse(status.lastScheduleTime) : undefined,
      startingDeadlineSeconds: cj.spec?.startingDeadlineSeconds ?? undefined,
    };
    let scheduled: number | undefined;
    try {
      const recent = mostRecentScheduleTime(times, now, schedule, true);
      if (recent.missed === 'many') {
        this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${recent.count}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
      }
      scheduled = recent.mostRecent;
    } catch (error) {
      this.recorder.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${scheduleText} : ${(error as Error).message}`);
      return { updateStatus };
    }
    const later = () => nextScheduleDelay(times, now, schedule);
    if (scheduled === undefined) return { requeueAfter: later(), updateStatus };
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return { requeueAfter: later(), updateStatus };
    }
    const name = jobNameFor(cj.metadata!.name!, scheduled);
    if ((status.active ?? []).some((r) => r.name === name) || (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === scheduled)) {
      return { requeueAfter: later(), updateStatus };
    }
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && (status.active ?? []).length > 0) {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return { requeueAfter: later(), updateStatus };
    }
    if (policy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        let job: Job;
        try {
          job = await this.jobClient.get(ref.namespace, ref.name!);
        } catch (error) {
          this.recorder.event(cj, 'Warning', 'FailedGet', `Get job: ${(error as Error).message}`);
          return { updateStatus, error };
        }
        if (!(await this.deleteJob(cj, job))) return { updateStatus, error: new Error(`could not replace job ${ref.namespace}/${ref.name}`) };
        updateStatus = true;
      }
    }
    let created: Job;
    try {
      created = await this.jobClient.create(this.jobFromTemplate(cj, scheduled, zone));
      this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata!.name!}`);
    } catch (error) {
      if (!isAlreadyExists(error)) {
        this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${(error as Error).message}`);
        return { updateStatus, error };
      }
      // Created before, maybe by us with the status write lost.
      try {
        created = await this.jobClient.get(cj.metadata!.namespace, name);
      } catch (getError) {
        return { updateStatus, error: getError };
      }
      if (!isControlledBy(created, cj) || inActiveList(cj, created.metadata!.uid!)) return { updateStatus };
    }
    (status.active ??= []).push(referenceTo(created));
    status.lastScheduleTime = rfc3339(scheduled);
    return { requeueAfter: nextScheduleDelay({ ...times, lastScheduleTime: scheduled }, now, schedule), updateStatus: true };
  }

  private jobFromTemplate(cj: CronJob, scheduled: number, zone: string | undefined): Job {
    const template = cj.spec?.jobTemplate ?? {};
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobNameFor(cj.metadata!.name!, scheduled),
        namespace: cj.metadata!.namespace!,
        labels: { ...(template.metadata?.labels ?? {}) },
        annotations: { ...(template.metadata?.annotations ?? {}), [scheduledTimestampAnnotation]: formatInZone(scheduled, zone) },
        ownerReferences: [newControllerRef(cj, 'batch/v1', 'CronJob')],
      },
      spec: structuredClone(template.spec ?? { template: {} }),
    };
  }

  /** Finished Jobs beyond the history limits go, oldest first (by start time). */
  private async cleanupFinishedJobs(cj: CronJob, jobs: readonly Job[]): Promise<boolean> {
    const successfulLimit = cj.spec?.successfulJobsHistoryLimit;
    const failedLimit = cj.spec?.failedJobsHistoryLimit;
    if ((successfulLimit === undefined || successfulLimit === null) && (failedLimit === undefined || failedLimit === null)) return false;
    const successful = jobs.filter((j) => finishedCondition(j)?.type === 'Complete');
    const failed = jobs.filter((j) => finishedCondition(j)?.type === 'Failed');
    let updated = false;
    if (successfulLimit !== undefined && successfulLimit !== null && (await this.removeOldest(cj, successful, successfulLimit))) updated = true;
    if (failedLimit !== undefined && failedLimit !== null && (await this.removeOldest(cj, failed, failedLimit))) updated = true;
    return updated;
  }

  private async removeOldest(cj: CronJob, jobs: readonly Job[], keep: number): Promise<boolean> {
    const excess = jobs.length - keep;
    if (excess <= 0) return false;
    const byStart = [...jobs].sort((a, b) => {
      const sa = a.status?.startTime;
      const sb = b.status?.startTime;
      if (!sa || !sb) return !sa && !sb ? (a.metadata!.name! < b.metadata!.name! ? -1 : 1) : sa ? -1 : 1;
      return Date.parse(sa) - Date.parse(sb) || (a.metadata!.name! < b.metadata!.name! ? -1 : 1);
    });
    let updated = false;
    for (const job of byStart.slice(0, excess)) if (await this.deleteJob(cj, job)) updated = true;
    return updated;
  }

  /** Deletes a Job (its pods in the background) and its reference in status.active. */
  private async deleteJob(cj: CronJob, job: Job): Promise<boolean> {
    try {
      await this.jobClient.delete(job.metadata!.namespace, job.metadata!.name!, { propagationPolicy: 'Background' });
    } catch (error) {
      if (!isNotFound(error)) {
        this.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${(error as Error).message}`);
        return false;
      }
    }
    const status = (cj.status ??= {});
    if (status.active) status.active = status.active.filter((r) => r.uid !== job.metadata!.uid);
    this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata!.name!}`);
    return true;
  }
}

function inActiveList(cj: CronJob, uid: string): boolean {
  return (cj.status?.active ?? []).some((r) => r.uid === uid);
}

function referenceTo(job: Job): ObjectReference {
  return { kind: 'Job', namespace: job.metadata!.namespace!, name: job.metadata!.name!, uid: job.metadata!.uid!, apiVersion: 'batch/v1', resourceVersion: job.metadata!.resourceVersion! };
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000". */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
