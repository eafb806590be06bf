// Schema facts for meta/v1 at Kubernetes 1.33 (served as meta.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const metaV1: SchemaPackage = {
  package: 'io.k8s.apimachinery.pkg.apis.meta.v1',
  types: {
    APIGroup: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        name: [1, 'string', { always: true, required: true }],
        versions: [2, '[]GroupVersionForDiscovery', { pointer: true, always: true, required: true, listType: 'atomic' }],
        preferredVersion: [3, 'GroupVersionForDiscovery'],
        serverAddressByClientCIDRs: [4, '[]ServerAddressByClientCIDR', { pointer: true, listType: 'atomic' }],
      },
    },
    APIGroupList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        groups: [1, '[]APIGroup', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    APIResource: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        singularName: [6, 'string', { always: true, required: true }],
        namespaced: [2, 'bool', { always: true, required: true }],
        group: [8, 'string'],
        version: [9, 'string'],
        kind: [3, 'string', { always: true, required: true }],
        verbs: [4, 'Verbs', { pointer: true, always: true, required: true }],
        shortNames: [5, '[]string', { pointer: true, listType: 'atomic' }],
        categories: [7, '[]string', { pointer: true, listType: 'atomic' }],
        storageVersionHash: [10, 'string'],
      },
    },
    APIResourceList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        groupVersion: [1, 'string', { always: true, required: true }],
        resources: [2, '[]APIResource', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    APIVersions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        versions: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        serverAddressByClientCIDRs: [2, '[]ServerAddressByClientCIDR', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    ApplyOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        dryRun: [1, '[]string', { pointer: true, listType: 'atomic' }],
        force: [2, 'bool', { always: true, required: true }],
        fieldManager: [3, 'string', { always: true, required: true }],
      },
    },
    Condition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        observedGeneration: [3, 'int64'],
        lastTransitionTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { always: true, required: true }],
        reason: [5, 'string', { always: true, required: true }],
        message: [6, 'string', { always: true, required: true }],
      },
    },
    CreateOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        dryRun: [1, '[]string', { pointer: true, listType: 'atomic' }],
        fieldManager: [3, 'string'],
        fieldValidation: [4, 'string'],
      },
    },
    DeleteOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        gracePeriodSeconds: [1, 'int64', { pointer: true }],
        preconditions: [2, 'Preconditions', { pointer: true }],
        orphanDependents: [3, 'bool', { pointer: true }],
        propagationPolicy: [4, 'string', { pointer: true }],
        dryRun: [5, '[]string', { pointer: true, listType: 'atomic' }],
        ignoreStoreReadErrorWithClusterBreakingPotential: [6, 'bool', { pointer: true }],
      },
    },
    FieldSelectorRequirement: {
      fields: {
        key: [1, 'string', { always: true, required: true }],
        operator: [2, 'string', { always: true, required: true }],
        values: [3, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    GetOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        resourceVersion: [1, 'string'],
      },
    },
    GroupKind: {
      fields: {
        group: [1, 'string', { always: true, required: true }],
        kind: [2, 'string', { always: true, required: true }],
      },
    },
    GroupResource: {
      fields: {
        group: [1, 'string', { always: true, required: true }],
        resource: [2, 'string', { always: true, required: true }],
      },
    },
    GroupVersion: {
      fields: {
        group: [1, 'string', { always: true, required: true }],
        version: [2, 'string', { always: true, required: true }],
      },
    },
    GroupVersionForDiscovery: {
      fields: {
        groupVersion: [1, 'string', { always: true, required: true }],
        version: [2, 'string', { always: true, required: true }],
      },
    },
    GroupVersionKind: {
      fields: {
        group: [1, 'string', { always: true, required: true }],
        version: [2, 'string', { always: true, required: true }],
        kind: [3, 'string', { always: true, required: true }],
      },
    },
    GroupVersionResource: {
      fields: {
        group: [1, 'string', { always: true, required: true }],
        version: [2, 'string', { always: true, required: true }],
        resource: [3, 'string', { always: true, required: true }],
      },
    },
    LabelSelector: {
      fields: {
        matchLabels: [1, 'map[string]string', { pointer: true }],
        matchExpressions: [2, '[]LabelSelectorRequirement', { pointer: true, listType: 'atomic' }],
      },
      options: { structType: 'atomic' },
    },
    LabelSelectorRequirement: {
      fields: {
        key: [1, 'string', { always: true, required: true }],
        operator: [2, 'string', { always: true, required: true }],
        values: [3, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    List: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'ListMeta'],
        items: [2, '[]io.k8s.apimachinery.pkg.runtime.RawExtension', { pointer: true, always: true, required: true }],
      },
    },
    ListMeta: {
      fields: {
        selfLink: [1, 'string'],
        resourceVersion: [2, 'string'],
        continue: [3, 'string'],
        remainingItemCount: [4, 'int64', { pointer: true }],
      },
    },
    ListOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        labelSelector: [1, 'string'],
        fieldSelector: [2, 'string'],
        watch: [3, 'bool'],
        allowWatchBookmarks: [9, 'bool'],
        resourceVersion: [4, 'string'],
        resourceVersionMatch: [10, 'string'],
        timeoutSeconds: [5, 'int64', { pointer: true }],
        limit: [7, 'int64'],
        continue: [8, 'string'],
        sendInitialEvents: [11, 'bool', { pointer: true }],
      },
    },
    ManagedFieldsEntry: {
      fields: {
        manager: [1, 'string'],
        operation: [2, 'string'],
        apiVersion: [3, 'string'],
        time: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        fieldsType: [6, 'string'],
        fieldsV1: [7, 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', { pointer: true }],
        subresource: [8, 'string'],
      },
    },
    ObjectMeta: {
      fields: {
        name: [1, 'string'],
        generateName: [2, 'string'],
        namespace: [3, 'string'],
        selfLink: [4, 'string'],
        uid: [5, 'string'],
        resourceVersion: [6, 'string'],
        generation: [7, 'int64'],
        creationTimestamp: [8, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        deletionTimestamp: [9, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        deletionGracePeriodSeconds: [10, 'int64', { pointer: true }],
        labels: [11, 'map[string]string', { pointer: true }],
        annotations: [12, 'map[string]string', { pointer: true }],
        ownerReferences: [13, '[]OwnerReference', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] }],
        finalizers: [14, '[]string', { pointer: true, patchStrategy: 'merge', listType: 'set' }],
        managedFields: [17, '[]ManagedFieldsEntry', { pointer: true, listType: 'atomic' }],
      },
    },
    OwnerReference: {
      fields: {
        apiVersion: [5, 'string', { always: true, required: true }],
        kind: [1, 'string', { always: true, required: true }],
        name: [3, 'string', { always: true, required: true }],
        uid: [4, 'string', { always: true, required: true }],
        controller: [6, 'bool', { pointer: true }],
        blockOwnerDeletion: [7, 'bool', { pointer: true }],
      },
      options: { structType: 'atomic' },
    },
    PartialObjectMetadata: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'ObjectMeta'],
      },
    },
    PartialObjectMetadataList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'ListMeta'],
        items: [2, '[]PartialObjectMetadata', { pointer: true, always: true, required: true }],
      },
    },
    Patch: {
      fields: {},
    },
    PatchOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        dryRun: [1, '[]string', { pointer: true, listType: 'atomic' }],
        force: [2, 'bool', { pointer: true }],
        fieldManager: [3, 'string'],
        fieldValidation: [4, 'string'],
      },
    },
    Preconditions: {
      fields: {
        uid: [1, 'string', { pointer: true }],
        resourceVersion: [2, 'string', { pointer: true }],
      },
    },
    RootPaths: {
      fields: {
        paths: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    ServerAddressByClientCIDR: {
      fields: {
        clientCIDR: [1, 'string', { always: true, required: true }],
        serverAddress: [2, 'string', { always: true, required: true }],
      },
    },
    Status: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'ListMeta'],
        status: [2, 'string'],
        message: [3, 'string'],
        reason: [4, 'string'],
        details: [5, 'StatusDetails', { pointer: true, listType: 'atomic' }],
        code: [6, 'int32'],
      },
    },
    StatusCause: {
      fields: {
        reason: [1, 'string'],
        message: [2, 'string'],
        field: [3, 'string'],
      },
    },
    StatusDetails: {
      fields: {
        name: [1, 'string'],
        group: [2, 'string'],
        kind: [3, 'string'],
        uid: [6, 'string'],
        causes: [4, '[]StatusCause', { pointer: true, listType: 'atomic' }],
        retryAfterSeconds: [5, 'int32'],
      },
    },
    Table: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [0, 'ListMeta'],
        columnDefinitions: [0, '[]TableColumnDefinition', { pointer: true, always: true, required: true, listType: 'atomic' }],
        rows: [0, '[]TableRow', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    TableColumnDefinition: {
      fields: {
        name: [0, 'string', { always: true, required: true }],
        type: [0, 'string', { always: true, required: true }],
        format: [0, 'string', { always: true, required: true }],
        description: [0, 'string', { always: true, required: true }],
        priority: [0, 'int32', { always: true, required: true }],
      },
    },
    TableOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        includeObject: [1, 'string'],
      },
    },
    TableRow: {
      fields: {
        cells: [0, '[]io.k8s.apimachinery.pkg.runtime.RawExtension', { pointer: true, always: true, required: true, listType: 'atomic' }],
        conditions: [0, '[]TableRowCondition', { pointer: true, listType: 'atomic' }],
        object: [0, 'io.k8s.apimachinery.pkg.runtime.RawExtension'],
      },
    },
    TableRowCondition: {
      fields: {
        type: [0, 'string', { always: true, required: true }],
        status: [0, 'string', { always: true, required: true }],
        reason: [0, 'string'],
        message: [0, 'string'],
      },
    },
    Timestamp: {
      fields: {
        seconds: [1, 'int64', { always: true, required: true }],
        nanos: [2, 'int32', { always: true, required: true }],
      },
    },
    TypeMeta: {
      fields: {
        kind: [1, 'string'],
        apiVersion: [2, 'string'],
      },
    },
    UpdateOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        dryRun: [1, '[]string', { pointer: true, listType: 'atomic' }],
        fieldManager: [2, 'string'],
        fieldValidation: [3, 'string'],
      },
    },
    Verbs: { wraps: '[]string', field: 1 },
    WatchEvent: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        object: [2, 'io.k8s.apimachinery.pkg.runtime.RawExtension', { always: true, required: true }],
      },
    },
  },
};
