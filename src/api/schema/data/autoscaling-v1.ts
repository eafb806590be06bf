// Schema facts for autoscaling/v1 at Kubernetes 1.33 (served as autoscaling/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const autoscalingV1: SchemaPackage = {
  package: 'io.k8s.api.autoscaling.v1',
  types: {
    ContainerResourceMetricSource: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        targetAverageUtilization: [2, 'int32', { pointer: true }],
        targetAverageValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        container: [5, 'string', { always: true, required: true }],
      },
    },
    ContainerResourceMetricStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        currentAverageUtilization: [2, 'int32', { pointer: true }],
        currentAverageValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { always: true, required: true }],
        container: [4, 'string', { always: true, required: true }],
      },
    },
    CrossVersionObjectReference: {
      fields: {
        kind: [1, 'string', { always: true, required: true }],
        name: [2, 'string', { always: true, required: true }],
        apiVersion: [3, 'string'],
      },
      options: { structType: 'atomic' },
    },
    ExternalMetricSource: {
      fields: {
        metricName: [1, 'string', { always: true, required: true }],
        metricSelector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        targetValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        targetAverageValue: [4, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    ExternalMetricStatus: {
      fields: {
        metricName: [1, 'string', { always: true, required: true }],
        metricSelector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        currentValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { always: true, required: true }],
        currentAverageValue: [4, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    HorizontalPodAutoscaler: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'HorizontalPodAutoscalerSpec'],
        status: [3, 'HorizontalPodAutoscalerStatus'],
      },
    },
    HorizontalPodAutoscalerCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    HorizontalPodAutoscalerList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]HorizontalPodAutoscaler', { pointer: true, always: true, required: true }],
      },
    },
    HorizontalPodAutoscalerSpec: {
      fields: {
        scaleTargetRef: [1, 'CrossVersionObjectReference', { always: true, required: true }],
        minReplicas: [2, 'int32', { pointer: true }],
        maxReplicas: [3, 'int32', { always: true, required: true }],
        targetCPUUtilizationPercentage: [4, 'int32', { pointer: true }],
      },
    },
    HorizontalPodAutoscalerStatus: {
      fields: {
        observedGeneration: [1, 'int64', { pointer: true }],
        lastScaleTime: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        currentReplicas: [3, 'int32', { always: true, required: true }],
        desiredReplicas: [4, 'int32', { always: true, required: true }],
        currentCPUUtilizationPercentage: [5, 'int32', { pointer: true }],
      },
    },
    MetricSpec: {
      fields: {
        type: [1, 'string', { always: true, required: true, enum: ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] }],
        object: [2, 'ObjectMetricSource', { pointer: true }],
        pods: [3, 'PodsMetricSource', { pointer: true }],
        resource: [4, 'ResourceMetricSource', { pointer: true }],
        containerResource: [7, 'ContainerResourceMetricSource', { pointer: true }],
        external: [5, 'ExternalMetricSource', { pointer: true }],
      },
    },
    MetricStatus: {
      fields: {
        type: [1, 'string', { always: true, required: true, enum: ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] }],
        object: [2, 'ObjectMetricStatus', { pointer: true }],
        pods: [3, 'PodsMetricStatus', { pointer: true }],
        resource: [4, 'ResourceMetricStatus', { pointer: true }],
        containerResource: [7, 'ContainerResourceMetricStatus', { pointer: true }],
        external: [5, 'ExternalMetricStatus', { pointer: true }],
      },
    },
    ObjectMetricSource: {
      fields: {
        target: [1, 'CrossVersionObjectReference', { always: true, required: true }],
        metricName: [2, 'string', { always: true, required: true }],
        targetValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { always: true, required: true }],
        selector: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        averageValue: [5, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    ObjectMetricStatus: {
      fields: {
        target: [1, 'CrossVersionObjectReference', { always: true, required: true }],
        metricName: [2, 'string', { always: true, required: true }],
        currentValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { always: true, required: true }],
        selector: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        averageValue: [5, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    PodsMetricSource: {
      fields: {
        metricName: [1, 'string', { always: true, required: true }],
        targetAverageValue: [2, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { always: true, required: true }],
        selector: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
      },
    },
    PodsMetricStatus: {
      fields: {
        metricName: [1, 'string', { always: true, required: true }],
        currentAverageValue: [2, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { always: true, required: true }],
        selector: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
      },
    },
    ResourceMetricSource: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        targetAverageUtilization: [2, 'int32', { pointer: true }],
        targetAverageValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    ResourceMetricStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        currentAverageUtilization: [2, 'int32', { pointer: true }],
        currentAverageValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { always: true, required: true }],
      },
    },
    Scale: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ScaleSpec'],
        status: [3, 'ScaleStatus'],
      },
    },
    ScaleSpec: {
      fields: {
        replicas: [1, 'int32'],
      },
    },
    ScaleStatus: {
      fields: {
        replicas: [1, 'int32', { always: true, required: true }],
        selector: [2, 'string'],
      },
    },
  },
};
