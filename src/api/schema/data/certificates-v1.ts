// Schema facts for certificates/v1 at Kubernetes 1.33 (served as certificates.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const certificatesV1: SchemaPackage = {
  package: 'io.k8s.api.certificates.v1',
  types: {
    CertificateSigningRequest: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'CertificateSigningRequestSpec', { always: true, required: true }],
        status: [3, 'CertificateSigningRequestStatus'],
      },
    },
    CertificateSigningRequestCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [6, 'string', { always: true, required: true }],
        reason: [2, 'string'],
        message: [3, 'string'],
        lastUpdateTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTransitionTime: [5, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
      },
    },
    CertificateSigningRequestList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]CertificateSigningRequest', { pointer: true, always: true, required: true }],
      },
    },
    CertificateSigningRequestSpec: {
      fields: {
        request: [1, 'bytes', { pointer: true, always: true, required: true, listType: 'atomic' }],
        signerName: [7, 'string', { always: true, required: true }],
        expirationSeconds: [8, 'int32', { pointer: true }],
        usages: [5, '[]string', { pointer: true, listType: 'atomic', enum: ['any', 'cert sign', 'client auth', 'code signing', 'content commitment', 'crl sign', 'data encipherment', 'decipher only', 'digital signature', 'email protection', 'encipher only', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'key agreement', 'key encipherment', 'microsoft sgc', 'netscape sgc', 'ocsp signing', 's/mime', 'server auth', 'signing', 'timestamping'] }],
        username: [2, 'string'],
        uid: [3, 'string'],
        groups: [4, '[]string', { pointer: true, listType: 'atomic' }],
        extra: [6, 'map[string]ExtraValue', { pointer: true }],
      },
    },
    CertificateSigningRequestStatus: {
      fields: {
        conditions: [1, '[]CertificateSigningRequestCondition', { pointer: true, listType: 'map', listMapKeys: ['type'] }],
        certificate: [2, 'bytes', { pointer: true, listType: 'atomic' }],
      },
    },
    ExtraValue: { wraps: '[]string', field: 1 },
  },
};
