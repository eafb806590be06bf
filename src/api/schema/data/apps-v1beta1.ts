// Schema facts for apps/v1beta1 at Kubernetes 1.33 (served as apps/v1beta1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const appsV1beta1: SchemaPackage = {
  package: 'io.k8s.api.apps.v1beta1',
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
    DeploymentRollback: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        name: [1, 'string', { always: true, required: true }],
        updatedAnnotations: [2, 'map[string]string', { pointer: true }],
        rollbackTo: [3, 'RollbackConfig', { always: true, required: true }],
      },
    },
    DeploymentSpec: {
      fields: {
        replicas: [1, 'int32', { pointer: true }],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        template: [3, 'io.k8s.api.core.v1.PodTemplateSpec', { always: true, required: true }],
        strategy: [4, 'DeploymentStrategy', { patchStrategy: 'retainKeys' }],
        minReadySeconds: [5, 'int32'],
        revisionHistoryLimit: [6, 'int32', { pointer: true }],
        paused: [7, 'bool'],
        rollbackTo: [8, 'RollbackConfig', { pointer: true }],
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
    RollbackConfig: {
      fields: {
        revision: [1, 'int64'],
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
        selector: [2, 'map[string]string', { pointer: true }],
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
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
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
        observedGeneration: [1, 'int64', { pointer: true }],
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
