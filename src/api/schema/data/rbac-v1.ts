// Schema facts for rbac/v1 at Kubernetes 1.33 (served as rbac.authorization.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const rbacV1: SchemaPackage = {
  package: 'io.k8s.api.rbac.v1',
  types: {
    AggregationRule: {
      fields: {
        clusterRoleSelectors: [1, '[]io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true, listType: 'atomic' }],
      },
    },
    ClusterRole: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        rules: [2, '[]PolicyRule', { pointer: true, always: true, listType: 'atomic' }],
        aggregationRule: [3, 'AggregationRule', { pointer: true }],
      },
    },
    ClusterRoleBinding: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        subjects: [2, '[]Subject', { pointer: true, listType: 'atomic' }],
        roleRef: [3, 'RoleRef', { always: true, required: true }],
      },
    },
    ClusterRoleBindingList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ClusterRoleBinding', { pointer: true, always: true, required: true }],
      },
    },
    ClusterRoleList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ClusterRole', { pointer: true, always: true, required: true }],
      },
    },
    PolicyRule: {
      fields: {
        verbs: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        apiGroups: [2, '[]string', { pointer: true, listType: 'atomic' }],
        resources: [3, '[]string', { pointer: true, listType: 'atomic' }],
        resourceNames: [4, '[]string', { pointer: true, listType: 'atomic' }],
        nonResourceURLs: [5, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    Role: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        rules: [2, '[]PolicyRule', { pointer: true, always: true, listType: 'atomic' }],
      },
    },
    RoleBinding: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        subjects: [2, '[]Subject', { pointer: true, listType: 'atomic' }],
        roleRef: [3, 'RoleRef', { always: true, required: true }],
      },
    },
    RoleBindingList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]RoleBinding', { pointer: true, always: true, required: true }],
      },
    },
    RoleList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Role', { pointer: true, always: true, required: true }],
      },
    },
    RoleRef: {
      fields: {
        apiGroup: [1, 'string', { always: true, required: true }],
        kind: [2, 'string', { always: true, required: true }],
        name: [3, 'string', { always: true, required: true }],
      },
      options: { structType: 'atomic' },
    },
    Subject: {
      fields: {
        kind: [1, 'string', { always: true, required: true }],
        apiGroup: [2, 'string'],
        name: [3, 'string', { always: true, required: true }],
        namespace: [4, 'string'],
      },
      options: { structType: 'atomic' },
    },
  },
};
