// Schema facts for policy/v1 at Kubernetes 1.33 (served as policy/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const policyV1: SchemaPackage = {
  package: 'io.k8s.api.policy.v1',
  types: {
    Eviction: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        deleteOptions: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', { pointer: true }],
      },
    },
    PodDisruptionBudget: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'PodDisruptionBudgetSpec'],
        status: [3, 'PodDisruptionBudgetStatus'],
      },
    },
    PodDisruptionBudgetList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]PodDisruptionBudget', { pointer: true, always: true, required: true }],
      },
    },
    PodDisruptionBudgetSpec: {
      fields: {
        minAvailable: [1, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true, patchStrategy: 'replace' }],
        maxUnavailable: [3, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
        unhealthyPodEvictionPolicy: [4, 'string', { pointer: true, enum: ['AlwaysAllow', 'IfHealthyBudget'] }],
      },
    },
    PodDisruptionBudgetStatus: {
      fields: {
        observedGeneration: [1, 'int64'],
        disruptedPods: [2, 'map[string]io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        disruptionsAllowed: [3, 'int32', { always: true, required: true }],
        currentHealthy: [4, 'int32', { always: true, required: true }],
        desiredHealthy: [5, 'int32', { always: true, required: true }],
        expectedPods: [6, 'int32', { always: true, required: true }],
        conditions: [7, '[]io.k8s.apimachinery.pkg.apis.meta.v1.Condition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
  },
};
