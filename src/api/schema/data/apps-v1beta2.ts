// Schema facts for apps/v1beta2 at Kubernetes 1.33 (served as apps/v1beta2): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const appsV1beta2: SchemaPackage = {
  package: 'io.k8s.api.apps.v1beta2',
  types: {
    ControllerRevision: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        data: [2, 'io.k8s.apimachinery.pkg.runtime.RawExtension'],
        revision: [3, 'int64', { always: true, required: true }],
      },
    },
    ControllerRevisionList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ControllerRevision', { pointer: true, always: true, required: true }],
      },
    },
    DaemonSet: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'DaemonSetSpec'],
        status: [3, 'DaemonSetStatus'],
      },
    },
    DaemonSetCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    DaemonSetList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]DaemonSet', { pointer: true, always: true, required: true }],
      },
    },
    DaemonSetSpec: {
      fields: {
        selector: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true, always: true, required: true }],
        template: [2, 'io.k8s.api.core.v1.PodTemplateSpec', { always: true, required: true }],
        updateStrategy: [3, 'DaemonSetUpdateStrategy'],
        minReadySeconds: [4, 'int32'],
        revisionHistoryLimit: [6, 'int32', { pointer: true }],
      },
    },
    DaemonSetStatus: {
      fields: {
        currentNumberScheduled: [1, 'int32', { always: true, required: true }],
        numberMisscheduled: [2, 'int32', { always: true, required: true }],
        desiredNumberScheduled: [3, 'int32', { always: true, required: true }],
        numberReady: [4, 'int32', { always: true, required: true }],
        observedGeneration: [5, 'int64'],
        updatedNumberScheduled: [6, 'int32'],
        numberAvailable: [7, 'int32'],
        numberUnavailable: [8, 'int32'],
        collisionCount: [9, 'int32', { pointer: true }],
        conditions: [10, '[]DaemonSetCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    DaemonSetUpdateStrategy: {
      fields: {
        type: [1, 'string'],
        rollingUpdate: [2, 'RollingUpdateDaemonSet', { pointer: true }],
      },
    },
    Deployment: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'DeploymentSpec'],
        status: [3, 'DeploymentStatus'],
      },
    },
    DeploymentCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastUpdateTime: [6, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTransitionTime: [7, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    DeploymentList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Deployment', { pointer: true, always: true, required: true }],
      },
    },
    DeploymentSpec: {
      fields: {
        replicas: [1, 'int32', { pointer: true }],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true, always: true, required: true }],
        template: [3, 'io.k8s.api.core.v1.PodTemplateSpec', { always: true, required: true }],
        strategy: [4, 'DeploymentStrategy', { patchStrategy: 'retainKeys' }],
        minReadySeconds: [5, 'int32'],
        revisionHistoryLimit: [6, 'int32', { pointer: true }],
        paused: [7, 'bool'],
        progressDeadlineSeconds: [9, 'int32', { pointer: true }],
      },
    },
    DeploymentStatus: {
      fields: {
        observedGeneration: [1, 'int64'],
        replicas: [2, 'int32'],
        updatedReplicas: [3, 'int32'],
        readyReplicas: [7, 'int32'],
        availableReplicas: [4, 'int32'],
        unavailableReplicas: [5, 'int32'],
        terminatingReplicas: [9, 'int32', { pointer: true }],
        conditions: [6, '[]DeploymentCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
        collisionCount: [8, 'int32', { pointer: true }],
      },
    },
    DeploymentStrategy: {
      fields: {
        type: [1, 'string'],
        rollingUpdate: [2, 'RollingUpdateDeployment', { pointer: true }],
      },
    },
    ReplicaSet: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ReplicaSetSpec'],
        status: [3, 'ReplicaSetStatus'],
      },
    },
    ReplicaSetCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    ReplicaSetList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ReplicaSet', { pointer: true, always: true, required: true }],
      },
    },
    ReplicaSetSpec: {
      fields: {
        replicas: [1, 'int32', { pointer: true }],
        minReadySeconds: [4, 'int32'],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true, always: true, required: true }],
        template: [3, 'io.k8s.api.core.v1.PodTemplateSpec'],
      },
    },
    ReplicaSetStatus: {
      fields: {
        replicas: [1, 'int32', { always: true, required: true }],
        fullyLabeledReplicas: [2, 'int32'],
        readyReplicas: [4, 'int32'],
        availableReplicas: [5, 'int32'],
        terminatingReplicas: [7, 'int32', { pointer: true }],
        observedGeneration: [3, 'int64'],
        conditions: [6, '[]ReplicaSetCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    RollingUpdateDaemonSet: {
      fields: {
        maxUnavailable: [1, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
        maxSurge: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
      },
    },
    RollingUpdateDeployment: {
      fields: {
        maxUnavailable: [1, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
        maxSurge: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
      },
    },
    RollingUpdateStatefulSetStrategy: {
      fields: {
        partition: [1, 'int32', { pointer: true }],
        maxUnavailable: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
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
        selector: [2, 'map[string]string', { pointer: true, mapType: 'atomic' }],
        targetSelector: [3, 'string'],
      },
    },
    StatefulSet: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'StatefulSetSpec'],
        status: [3, 'StatefulSetStatus'],
      },
    },
    StatefulSetCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    StatefulSetList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]StatefulSet', { pointer: true, always: true, required: true }],
      },
    },
    StatefulSetOrdinals: {
      fields: {
        start: [1, 'int32', { always: true }],
      },
    },
    StatefulSetPersistentVolumeClaimRetentionPolicy: {
      fields: {
        whenDeleted: [1, 'string'],
        whenScaled: [2, 'string'],
      },
    },
    StatefulSetSpec: {
      fields: {
        replicas: [1, 'int32', { pointer: true }],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true, always: true, required: true }],
        template: [3, 'io.k8s.api.core.v1.PodTemplateSpec', { always: true, required: true }],
        volumeClaimTemplates: [4, '[]io.k8s.api.core.v1.PersistentVolumeClaim', { pointer: true, listType: 'atomic' }],
        serviceName: [5, 'string', { always: true }],
        podManagementPolicy: [6, 'string'],
        updateStrategy: [7, 'StatefulSetUpdateStrategy'],
        revisionHistoryLimit: [8, 'int32', { pointer: true }],
        minReadySeconds: [9, 'int32'],
        persistentVolumeClaimRetentionPolicy: [10, 'StatefulSetPersistentVolumeClaimRetentionPolicy', { pointer: true }],
        ordinals: [11, 'StatefulSetOrdinals', { pointer: true }],
      },
    },
    StatefulSetStatus: {
      fields: {
        observedGeneration: [1, 'int64'],
        replicas: [2, 'int32', { always: true, required: true }],
        readyReplicas: [3, 'int32'],
        currentReplicas: [4, 'int32'],
        updatedReplicas: [5, 'int32'],
        currentRevision: [6, 'string'],
        updateRevision: [7, 'string'],
        collisionCount: [9, 'int32', { pointer: true }],
        conditions: [10, '[]StatefulSetCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
        availableReplicas: [11, 'int32', { always: true }],
      },
    },
    StatefulSetUpdateStrategy: {
      fields: {
        type: [1, 'string'],
        rollingUpdate: [2, 'RollingUpdateStatefulSetStrategy', { pointer: true }],
      },
    },
  },
};
