/** Tables of the batch group: jobs (with 1.33's STATUS column) and cron jobs. */
import { humanDuration, parseTime, translateTimestampSince } from './age.ts';
import {
  ageColumn,
  ageOf,
  boolPtr,
  col,
  containerCells,
  def,
  formatLabelSelector,
  has,
  nameColumn,
  nameOf,
  num,
  numOrUndef,
  obj,
  objs,
  str,
  strOrUndef,
} from './util.ts';

const containersColumn = col('Containers', 'string', 'Names of the containers in the pod template.', 1);
const imagesColumn = col('Images', 'string', 'Images of the containers in the pod template.', 1);
const selectorColumn = col('Selector', 'string', 'Label selector of the pods of the job.', 1);

/** Go's zero time in epoch milliseconds: what a present but unreadable timestamp decodes to. */
const zeroTime = Date.parse('0001-01-01T00:00:00Z');

/** Whether the first condition of `type` is True (`hasJobCondition`). */
function jobCondition(conditions: unknown, type: string): boolean {
  const c = objs(conditions).find((x) => x.type === type);
  return c !== undefined && c.status === 'True';
}

/** The job's one-word state, in upstream's order of precedence (1.33: no SuccessCriteriaMet yet). */
export function jobStatus(job: Record<string, unknown>): string {
  const conditions = obj(job.status).conditions;
  if (jobCondition(conditions, 'Complete')) return 'Complete';
  if (jobCondition(conditions, 'Failed')) return 'Failed';
  if (has(obj(job.metadata).deletionTimestamp)) return 'Terminating';
  if (jobCondition(conditions, 'Suspended')) return 'Suspended';
  if (jobCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

export const jobs = def(
  [
    nameColumn,
    col('Status', 'string', 'State of the job: Running, Complete, Failed, Suspended, ...'),
    col('Completions', 'string', 'Succeeded pods of the completions asked for.'),
    col('Duration', 'string', 'Time the job took to complete, or has run so far.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    const succeeded = num(status.succeeded);
    const completions = numOrUndef(spec.completions);
    const parallelism = numOrUndef(spec.parallelism) ?? 0;
    let done: string;
    if (completions !== undefined) done = `${succeeded}/${completions}`;
    else if (parallelism > 1) done = `${succeeded}/1 of ${parallelism}`;
    else done = `${succeeded}/1`;
    // No start time: no duration yet. No completion time: the time running so far.
    const start = has(status.startTime) ? (parseTime(status.startTime) ?? zeroTime) : undefined;
    const end = has(status.completionTime) ? (parseTime(status.completionTime) ?? zeroTime) : undefined;
    let duration = '';
    if (start !== undefined) duration = humanDuration((end ?? now) - start);
    return [
      nameOf(o),
      jobStatus(o),
      done,
      duration,
      ageOf(o, now),
      ...containerCells(obj(spec.template).spec),
      formatLabelSelector(spec.selector),
    ];
  },
);

export const cronJobs = def(
  [
    nameColumn,
    col('Schedule', 'string', 'Cron schedule of the jobs.'),
    col('Timezone', 'string', 'Time zone the schedule is read in.'),
    col('Suspend', 'boolean', 'Whether new runs are suspended.'),
    col('Active', 'integer', 'Number of jobs running now.'),
    col('Last Schedule', 'string', 'Time since a job was last scheduled.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    const jobSpec = obj(obj(spec.jobTemplate).spec);
    return [
      nameOf(o),
      str(spec.schedule),
      strOrUndef(spec.timeZone) ?? '<none>',
      boolPtr(spec.suspend),
      objs(status.active).length,
      has(status.lastScheduleTime) ? translateTimestampSince(status.lastScheduleTime, now) : '<none>',
      ageOf(o, now),
      ...containerCells(obj(jobSpec.template).spec),
      formatLabelSelector(jobSpec.selector),
    ];
  },
);
