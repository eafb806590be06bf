// Schema facts for autoscaling/v2 at Kubernetes 1.33 (served as autoscaling/v2): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const autoscalingV2: SchemaPackage = {
  package: 'io.k8s.api.autoscaling.v2',
  types: {
    ContainerResourceMetricSource: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        target: [2, 'MetricTarget', { always: true, required: true }],
        container: [3, 'string', { always: true, required: true }],
      },
    },
    ContainerResourceMetricStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        current: [2, 'MetricValueStatus', { always: true, required: true }],
        container: [3, 'string', { always: true, required: true }],
      },
    },
    CrossVersionObjectReference: {
      fields: {
        kind: [1, 'string', { always: true, required: true }],
        name: [2, 'string', { always: true, required: true }],
        apiVersion: [3, 'string'],
      },
    },
    ExternalMetricSource: {
      fields: {
        metric: [1, 'MetricIdentifier', { always: true, required: true }],
        target: [2, 'MetricTarget', { always: true, required: true }],
      },
    },
    ExternalMetricStatus: {
      fields: {
        metric: [1, 'MetricIdentifier', { always: true, required: true }],
        current: [2, 'MetricValueStatus', { always: true, required: true }],
      },
    },
    HPAScalingPolicy: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        value: [2, 'int32', { always: true, required: true }],
        periodSeconds: [3, 'int32', { always: true, required: true }],
      },
    },
    HPAScalingRules: {
      fields: {
        stabilizationWindowSeconds: [3, 'int32', { pointer: true }],
        selectPolicy: [1, 'string', { pointer: true }],
        policies: [2, '[]HPAScalingPolicy', { pointer: true, listType: 'atomic' }],
        tolerance: [4, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
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
    HorizontalPodAutoscalerBehavior: {
      fields: {
        scaleUp: [1, 'HPAScalingRules', { pointer: true }],
        scaleDown: [2, 'HPAScalingRules', { pointer: true }],
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
        metrics: [4, '[]MetricSpec', { pointer: true, listType: 'atomic' }],
        behavior: [5, 'HorizontalPodAutoscalerBehavior', { pointer: true }],
      },
    },
    HorizontalPodAutoscalerStatus: {
      fields: {
        observedGeneration: [1, 'int64', { pointer: true }],
        lastScaleTime: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        currentReplicas: [3, 'int32'],
        desiredReplicas: [4, 'int32', { always: true, required: true }],
        currentMetrics: [5, '[]MetricStatus', { pointer: true, always: true, listType: 'atomic' }],
        conditions: [6, '[]HorizontalPodAutoscalerCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    MetricIdentifier: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
      },
    },
    MetricSpec: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        object: [2, 'ObjectMetricSource', { pointer: true }],
        pods: [3, 'PodsMetricSource', { pointer: true }],
        resource: [4, 'ResourceMetricSource', { pointer: true }],
        containerResource: [7, 'ContainerResourceMetricSource', { pointer: true }],
        external: [5, 'ExternalMetricSource', { pointer: true }],
      },
    },
    MetricStatus: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        object: [2, 'ObjectMetricStatus', { pointer: true }],
        pods: [3, 'PodsMetricStatus', { pointer: true }],
        resource: [4, 'ResourceMetricStatus', { pointer: true }],
        containerResource: [7, 'ContainerResourceMetricStatus', { pointer: true }],
        external: [5, 'ExternalMetricStatus', { pointer: true }],
      },
    },
    MetricTarget: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        value: [2, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        averageValue: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        averageUtilization: [4, 'int32', { pointer: true }],
      },
    },
    MetricValueStatus: {
      fields: {
        value: [1, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        averageValue: [2, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        averageUtilization: [3, 'int32', { pointer: true }],
      },
    },
    ObjectMetricSource: {
      fields: {
        describedObject: [1, 'CrossVersionObjectReference', { always: true, required: true }],
        target: [2, 'MetricTarget', { always: true, required: true }],
        metric: [3, 'MetricIdentifier', { always: true, required: true }],
      },
    },
    ObjectMetricStatus: {
      fields: {
        metric: [1, 'MetricIdentifier', { always: true, required: true }],
        current: [2, 'MetricValueStatus', { always: true, required: true }],
        describedObject: [3, 'CrossVersionObjectReference', { always: true, required: true }],
      },
    },
    PodsMetricSource: {
      fields: {
        metric: [1, 'MetricIdentifier', { always: true, required: true }],
        target: [2, 'MetricTarget', { always: true, required: true }],
      },
    },
    PodsMetricStatus: {
      fields: {
        metric: [1, 'MetricIdentifier', { always: true, required: true }],
        current: [2, 'MetricValueStatus', { always: true, required: true }],
      },
    },
    ResourceMetricSource: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        target: [2, 'MetricTarget', { always: true, required: true }],
      },
    },
    ResourceMetricStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        current: [2, 'MetricValueStatus', { always: true, required: true }],
      },
    },
  },
};
