// Schema facts for batch/v1 at Kubernetes 1.33 (served as batch/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const batchV1: SchemaPackage = {
  package: 'io.k8s.api.batch.v1',
  types: {
    CronJob: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'CronJobSpec'],
        status: [3, 'CronJobStatus'],
      },
    },
    CronJobList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]CronJob', { pointer: true, always: true, required: true }],
      },
    },
    CronJobSpec: {
      fields: {
        schedule: [1, 'string', { always: true, required: true }],
        timeZone: [8, 'string', { pointer: true }],
        startingDeadlineSeconds: [2, 'int64', { pointer: true }],
        concurrencyPolicy: [3, 'string', { enum: ['Allow', 'Forbid', 'Replace'] }],
        suspend: [4, 'bool', { pointer: true }],
        jobTemplate: [5, 'JobTemplateSpec', { always: true, required: true }],
        successfulJobsHistoryLimit: [6, 'int32', { pointer: true }],
        failedJobsHistoryLimit: [7, 'int32', { pointer: true }],
      },
    },
    CronJobStatus: {
      fields: {
        active: [1, '[]io.k8s.api.core.v1.ObjectReference', { pointer: true, listType: 'atomic' }],
        lastScheduleTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        lastSuccessfulTime: [5, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
      },
    },
    Job: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'JobSpec'],
        status: [3, 'JobStatus'],
      },
    },
    JobCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastProbeTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTransitionTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [5, 'string'],
        message: [6, 'string'],
      },
    },
    JobList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Job', { pointer: true, always: true, required: true }],
      },
    },
    JobSpec: {
      fields: {
        parallelism: [1, 'int32', { pointer: true }],
        completions: [2, 'int32', { pointer: true }],
        activeDeadlineSeconds: [3, 'int64', { pointer: true }],
        podFailurePolicy: [11, 'PodFailurePolicy', { pointer: true }],
        successPolicy: [16, 'SuccessPolicy', { pointer: true }],
        backoffLimit: [7, 'int32', { pointer: true }],
        backoffLimitPerIndex: [12, 'int32', { pointer: true }],
        maxFailedIndexes: [13, 'int32', { pointer: true }],
        selector: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        manualSelector: [5, 'bool', { pointer: true }],
        template: [6, 'io.k8s.api.core.v1.PodTemplateSpec', { always: true, required: true }],
        ttlSecondsAfterFinished: [8, 'int32', { pointer: true }],
        completionMode: [9, 'string', { pointer: true, enum: ['Indexed', 'NonIndexed'] }],
        suspend: [10, 'bool', { pointer: true }],
        podReplacementPolicy: [14, 'string', { pointer: true, enum: ['Failed', 'TerminatingOrFailed'] }],
        managedBy: [15, 'string', { pointer: true }],
      },
    },
    JobStatus: {
      fields: {
        conditions: [1, '[]JobCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'atomic' }],
        startTime: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        completionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        active: [4, 'int32'],
        succeeded: [5, 'int32'],
        failed: [6, 'int32'],
        terminating: [11, 'int32', { pointer: true }],
        completedIndexes: [7, 'string'],
        failedIndexes: [10, 'string', { pointer: true }],
        uncountedTerminatedPods: [8, 'UncountedTerminatedPods', { pointer: true }],
        ready: [9, 'int32', { pointer: true }],
      },
    },
    JobTemplateSpec: {
      fields: {
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'JobSpec'],
      },
    },
    PodFailurePolicy: {
      fields: {
        rules: [1, '[]PodFailurePolicyRule', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    PodFailurePolicyOnExitCodesRequirement: {
      fields: {
        containerName: [1, 'string', { pointer: true }],
        operator: [2, 'string', { always: true, required: true, enum: ['In', 'NotIn'] }],
        values: [3, '[]int32', { pointer: true, always: true, required: true, listType: 'set' }],
      },
    },
    PodFailurePolicyOnPodConditionsPattern: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
      },
    },
    PodFailurePolicyRule: {
      fields: {
        action: [1, 'string', { always: true, required: true, enum: ['Count', 'FailIndex', 'FailJob', 'Ignore'] }],
        onExitCodes: [2, 'PodFailurePolicyOnExitCodesRequirement', { pointer: true }],
        onPodConditions: [3, '[]PodFailurePolicyOnPodConditionsPattern', { pointer: true, listType: 'atomic' }],
      },
    },
    SuccessPolicy: {
      fields: {
        rules: [1, '[]SuccessPolicyRule', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    SuccessPolicyRule: {
      fields: {
        succeededIndexes: [1, 'string', { pointer: true }],
        succeededCount: [2, 'int32', { pointer: true }],
      },
    },
    UncountedTerminatedPods: {
      fields: {
        succeeded: [1, '[]string', { pointer: true, listType: 'set' }],
        failed: [2, '[]string', { pointer: true, listType: 'set' }],
      },
    },
  },
};
