// Schema facts for coordination/v1 at Kubernetes 1.33 (served as coordination.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const coordinationV1: SchemaPackage = {
  package: 'io.k8s.api.coordination.v1',
  types: {
    Lease: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'LeaseSpec'],
      },
    },
    LeaseList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Lease', { pointer: true, always: true, required: true }],
      },
    },
    LeaseSpec: {
      fields: {
        holderIdentity: [1, 'string', { pointer: true }],
        leaseDurationSeconds: [2, 'int32', { pointer: true }],
        acquireTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', { pointer: true }],
        renewTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', { pointer: true }],
        leaseTransitions: [5, 'int32', { pointer: true }],
        strategy: [6, 'string', { pointer: true }],
        preferredHolder: [7, 'string', { pointer: true }],
      },
    },
  },
};
