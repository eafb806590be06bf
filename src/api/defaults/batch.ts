/**
 * batch defaulting: Job (batch/v1) and CronJob (batch/v1 and v1beta1), as upstream 1.33
 * with JobPodReplacementPolicy on. A CronJob's jobTemplate is not a Job, so it gets no
 * Job defaults: only its pod template gets core/v1's (through the generic walk), and
 * pod failure policy patterns their status.
 */
import { defaultPointer, defaultString, ensureChild, isNil, labelsFromTemplate, templateLabels, type Obj } from './util.ts';
import type { HookTable } from './walk.ts';

const maxInt32 = 2147483647;

function defaultJob(job: Obj): void {
  const spec = ensureChild(job, 'spec');
  if (!spec) return;
  // A non-parallel job may leave both unset; a parallel one sets completions only.
  if (isNil(spec.completions) && isNil(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  defaultPointer(spec, 'parallelism', 1);
  defaultPointer(spec, 'backoffLimit', isNil(spec.backoffLimitPerIndex) ? 6 : maxInt32);
  const labels = templateLabels(spec);
  if (labels) labelsFromTemplate(job, labels);
  defaultPointer(spec, 'completionMode', 'NonIndexed');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'podReplacementPolicy', isNil(spec.podFailurePolicy) ? 'TerminatingOrFailed' : 'Failed');
  defaultPointer(spec, 'manualSelector', false);
}

function defaultCronJob(cronJob: Obj): void {
  const spec = ensureChild(cronJob, 'spec');
  if (!spec) return;
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3);
  defaultPointer(spec, 'failedJobsHistoryLimit', 1);
}

export const batchHooks: HookTable = {
  'io.k8s.api.batch.v1.Job': defaultJob,
  'io.k8s.api.batch.v1.CronJob': defaultCronJob,
  'io.k8s.api.batch.v1beta1.CronJob': defaultCronJob,
  'io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern': (o) => defaultString(o, 'status', 'True'),
};
