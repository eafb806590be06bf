// Schema facts for storage/v1 at Kubernetes 1.33 (served as storage.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const storageV1: SchemaPackage = {
  package: 'io.k8s.api.storage.v1',
  types: {
    CSIDriver: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'CSIDriverSpec', { always: true, required: true }],
      },
    },
    CSIDriverList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]CSIDriver', { pointer: true, always: true, required: true }],
      },
    },
    CSIDriverSpec: {
      fields: {
        attachRequired: [1, 'bool', { pointer: true }],
        podInfoOnMount: [2, 'bool', { pointer: true }],
        volumeLifecycleModes: [3, '[]string', { pointer: true, listType: 'set' }],
        storageCapacity: [4, 'bool', { pointer: true }],
        fsGroupPolicy: [5, 'string', { pointer: true }],
        tokenRequests: [6, '[]TokenRequest', { pointer: true, listType: 'atomic' }],
        requiresRepublish: [7, 'bool', { pointer: true }],
        seLinuxMount: [8, 'bool', { pointer: true }],
        nodeAllocatableUpdatePeriodSeconds: [9, 'int64', { pointer: true }],
      },
    },
    CSINode: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'CSINodeSpec', { always: true, required: true }],
      },
    },
    CSINodeDriver: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        nodeID: [2, 'string', { always: true, required: true }],
        topologyKeys: [3, '[]string', { pointer: true, always: true, listType: 'atomic' }],
        allocatable: [4, 'VolumeNodeResources', { pointer: true }],
      },
    },
    CSINodeList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]CSINode', { pointer: true, always: true, required: true }],
      },
    },
    CSINodeSpec: {
      fields: {
        drivers: [1, '[]CSINodeDriver', { pointer: true, always: true, required: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
      },
    },
    CSIStorageCapacity: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        nodeTopology: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        storageClassName: [3, 'string', { always: true, required: true }],
        capacity: [4, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        maximumVolumeSize: [5, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    CSIStorageCapacityList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]CSIStorageCapacity', { pointer: true, always: true, required: true }],
      },
    },
    StorageClass: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        provisioner: [2, 'string', { always: true, required: true }],
        parameters: [3, 'map[string]string', { pointer: true }],
        reclaimPolicy: [4, 'string', { pointer: true, enum: ['Delete', 'Recycle', 'Retain'] }],
        mountOptions: [5, '[]string', { pointer: true, listType: 'atomic' }],
        allowVolumeExpansion: [6, 'bool', { pointer: true }],
        volumeBindingMode: [7, 'string', { pointer: true, enum: ['Immediate', 'WaitForFirstConsumer'] }],
        allowedTopologies: [8, '[]io.k8s.api.core.v1.TopologySelectorTerm', { pointer: true, listType: 'atomic' }],
      },
    },
    StorageClassList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]StorageClass', { pointer: true, always: true, required: true }],
      },
    },
    TokenRequest: {
      fields: {
        audience: [1, 'string', { always: true, required: true }],
        expirationSeconds: [2, 'int64', { pointer: true }],
      },
    },
    VolumeAttachment: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'VolumeAttachmentSpec', { always: true, required: true }],
        status: [3, 'VolumeAttachmentStatus'],
      },
    },
    VolumeAttachmentList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]VolumeAttachment', { pointer: true, always: true, required: true }],
      },
    },
    VolumeAttachmentSource: {
      fields: {
        persistentVolumeName: [1, 'string', { pointer: true }],
        inlineVolumeSpec: [2, 'io.k8s.api.core.v1.PersistentVolumeSpec', { pointer: true }],
      },
    },
    VolumeAttachmentSpec: {
      fields: {
        attacher: [1, 'string', { always: true, required: true }],
        source: [2, 'VolumeAttachmentSource', { always: true, required: true }],
        nodeName: [3, 'string', { always: true, required: true }],
      },
    },
    VolumeAttachmentStatus: {
      fields: {
        attached: [1, 'bool', { always: true, required: true }],
        attachmentMetadata: [2, 'map[string]string', { pointer: true }],
        attachError: [3, 'VolumeError', { pointer: true }],
        detachError: [4, 'VolumeError', { pointer: true }],
      },
    },
    VolumeError: {
      fields: {
        time: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        message: [2, 'string'],
        errorCode: [3, 'int32', { pointer: true }],
      },
    },
    VolumeNodeResources: {
      fields: {
        count: [1, 'int32', { pointer: true }],
      },
    },
  },
};
