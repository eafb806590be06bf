// Schema facts for scheduling/v1 at Kubernetes 1.33 (served as scheduling.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const schedulingV1: SchemaPackage = {
  package: 'io.k8s.api.scheduling.v1',
  types: {
    PriorityClass: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        value: [2, 'int32', { always: true, required: true }],
        globalDefault: [3, 'bool'],
        description: [4, 'string'],
        preemptionPolicy: [5, 'string', { pointer: true, enum: ['Never', 'PreemptLowerPriority'] }],
      },
    },
    PriorityClassList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]PriorityClass', { pointer: true, always: true, required: true }],
      },
    },
  },
};
