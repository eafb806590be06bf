// Schema facts for authentication/v1 at Kubernetes 1.33 (served as authentication.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const authenticationV1: SchemaPackage = {
  package: 'io.k8s.api.authentication.v1',
  types: {
    BoundObjectReference: {
      fields: {
        kind: [1, 'string'],
        apiVersion: [2, 'string'],
        name: [3, 'string'],
        uid: [4, 'string'],
      },
    },
    ExtraValue: { wraps: '[]string', field: 1 },
    SelfSubjectReview: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        status: [2, 'SelfSubjectReviewStatus'],
      },
    },
    SelfSubjectReviewStatus: {
      fields: {
        userInfo: [1, 'UserInfo'],
      },
    },
    TokenRequest: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'TokenRequestSpec', { always: true, required: true }],
        status: [3, 'TokenRequestStatus'],
      },
    },
    TokenRequestSpec: {
      fields: {
        audiences: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        expirationSeconds: [4, 'int64', { pointer: true, always: true }],
        boundObjectRef: [3, 'BoundObjectReference', { pointer: true, always: true }],
      },
    },
    TokenRequestStatus: {
      fields: {
        token: [1, 'string', { always: true, required: true }],
        expirationTimestamp: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { always: true, required: true }],
      },
    },
    TokenReview: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'TokenReviewSpec', { always: true, required: true }],
        status: [3, 'TokenReviewStatus'],
      },
    },
    TokenReviewSpec: {
      fields: {
        token: [1, 'string'],
        audiences: [2, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    TokenReviewStatus: {
      fields: {
        authenticated: [1, 'bool'],
        user: [2, 'UserInfo'],
        audiences: [4, '[]string', { pointer: true, listType: 'atomic' }],
        error: [3, 'string'],
      },
    },
    UserInfo: {
      fields: {
        username: [1, 'string'],
        uid: [2, 'string'],
        groups: [3, '[]string', { pointer: true, listType: 'atomic' }],
        extra: [4, 'map[string]ExtraValue', { pointer: true }],
      },
    },
  },
};
