// Schema facts for authorization/v1 at Kubernetes 1.33 (served as authorization.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const authorizationV1: SchemaPackage = {
  package: 'io.k8s.api.authorization.v1',
  types: {
    ExtraValue: { wraps: '[]string', field: 1 },
    FieldSelectorAttributes: {
      fields: {
        rawSelector: [1, 'string'],
        requirements: [2, '[]io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement', { pointer: true, listType: 'atomic' }],
      },
    },
    LabelSelectorAttributes: {
      fields: {
        rawSelector: [1, 'string'],
        requirements: [2, '[]io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement', { pointer: true, listType: 'atomic' }],
      },
    },
    LocalSubjectAccessReview: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'SubjectAccessReviewSpec', { always: true, required: true }],
        status: [3, 'SubjectAccessReviewStatus'],
      },
    },
    NonResourceAttributes: {
      fields: {
        path: [1, 'string'],
        verb: [2, 'string'],
      },
    },
    NonResourceRule: {
      fields: {
        verbs: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        nonResourceURLs: [2, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    ResourceAttributes: {
      fields: {
        namespace: [1, 'string'],
        verb: [2, 'string'],
        group: [3, 'string'],
        version: [4, 'string'],
        resource: [5, 'string'],
        subresource: [6, 'string'],
        name: [7, 'string'],
        fieldSelector: [8, 'FieldSelectorAttributes', { pointer: true }],
        labelSelector: [9, 'LabelSelectorAttributes', { pointer: true }],
      },
    },
    ResourceRule: {
      fields: {
        verbs: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        apiGroups: [2, '[]string', { pointer: true, listType: 'atomic' }],
        resources: [3, '[]string', { pointer: true, listType: 'atomic' }],
        resourceNames: [4, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    SelfSubjectAccessReview: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'SelfSubjectAccessReviewSpec', { always: true, required: true }],
        status: [3, 'SubjectAccessReviewStatus'],
      },
    },
    SelfSubjectAccessReviewSpec: {
      fields: {
        resourceAttributes: [1, 'ResourceAttributes', { pointer: true }],
        nonResourceAttributes: [2, 'NonResourceAttributes', { pointer: true }],
      },
    },
    SelfSubjectRulesReview: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'SelfSubjectRulesReviewSpec', { always: true, required: true }],
        status: [3, 'SubjectRulesReviewStatus'],
      },
    },
    SelfSubjectRulesReviewSpec: {
      fields: {
        namespace: [1, 'string'],
      },
    },
    SubjectAccessReview: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'SubjectAccessReviewSpec', { always: true, required: true }],
        status: [3, 'SubjectAccessReviewStatus'],
      },
    },
    SubjectAccessReviewSpec: {
      fields: {
        resourceAttributes: [1, 'ResourceAttributes', { pointer: true }],
        nonResourceAttributes: [2, 'NonResourceAttributes', { pointer: true }],
        user: [3, 'string'],
        groups: [4, '[]string', { pointer: true, listType: 'atomic' }],
        extra: [5, 'map[string]ExtraValue', { pointer: true }],
        uid: [6, 'string'],
      },
    },
    SubjectAccessReviewStatus: {
      fields: {
        allowed: [1, 'bool', { always: true, required: true }],
        denied: [4, 'bool'],
        reason: [2, 'string'],
        evaluationError: [3, 'string'],
      },
    },
    SubjectRulesReviewStatus: {
      fields: {
        resourceRules: [1, '[]ResourceRule', { pointer: true, always: true, required: true, listType: 'atomic' }],
        nonResourceRules: [2, '[]NonResourceRule', { pointer: true, always: true, required: true, listType: 'atomic' }],
        incomplete: [3, 'bool', { always: true, required: true }],
        evaluationError: [4, 'string'],
      },
    },
  },
};
