// TTL after finished (upstream pkg/controller/ttlafterfinished): a finished Job with
// spec.ttlSecondsAfterFinished is deleted (foreground, so its pods go first) that many
// seconds after it finished. The decision is checked again against a fresh read of the
// Job before deleting, since the TTL may have been changed.
import type { Job } from 'kubernetes-types/batch/v1.d.ts';
import { isNotFound } from '../../client/errors.ts';
import { keyOf, splitKey } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { finishedCondition } from './job-util.ts';

/** When the Job expires (ms), or undefined when it has no TTL or has not finished. */
export function expiresAt(job: Job): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null || job.metadata?.deletionTimestamp) return undefined;
  const cond = finishedCondition(job);
  if (!cond) return undefined;
  const finishedAt = Date.parse((cond.type === 'Complete' ? job.status?.completionTime : undefined) ?? cond.lastTransitionTime ?? '');
  if (Number.isNaN(finishedAt)) return undefined;
  return finishedAt + ttl * 1000;
}

export class TtlAfterFinishedController implements Controller {
  readonly name = 'ttl-after-finished-controller';
  private readonly ctx: ControllerContext;
  private readonly jobs: Informer<Job>;
  private readonly client: ResourceClient<Job>;
  private readonly queue: WorkQueue;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.client = ctx.clientset.resource<Job>('jobs', 'batch');
    this.jobs = ctx.informers.informer<Job>('jobs', 'batch');
    const enqueue = (job: Job) => {
      if (expiresAt(job) !== undefined) this.queue.add(keyOf(job));
    };
    this.jobs.addEventHandlers({ onAdd: enqueue, onUpdate: (_, job) => enqueue(job) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'ttl-after-finished', this.queue, 2, (key) => this.sync(key), signal);
  }

  private async sync(key: string): Promise<void> {
    const cached = this.jobs.store.get(key);
    if (!cached || !this.due(key, cached)) return;
    // The cache may be stale: decide again on the Job as stored now.
    const { namespace, name } = splitKey(key);
    let fresh: Job;
    try {
      fresh = await this.client.get(namespace, name);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    if (!this.due(key, fresh)) return;
    try {
      await this.client.delete(namespace, name, { propagationPolicy: 'Foreground', preconditions: { uid: fresh.metadata!.uid! } });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** Whether the Job has expired; if it will, it is queued again for then. */
  private due(key: string, job: Job): boolean {
    const at = expiresAt(job);
    if (at === undefined) return false;
    const wait = at - this.ctx.clock.now();
    if (wait <= 0) return true;
    this.queue.addAfter(key, wait);
    return false;
  }
}
