// Schema facts for batch/v1beta1 at Kubernetes 1.33 (served as batch/v1beta1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const batchV1beta1: SchemaPackage = {
  package: 'io.k8s.api.batch.v1beta1',
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
        concurrencyPolicy: [3, 'string'],
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
    JobTemplateSpec: {
      fields: {
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'io.k8s.api.batch.v1.JobSpec'],
      },
    },
  },
};
