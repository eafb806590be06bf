// Schema facts for discovery/v1 at Kubernetes 1.33 (served as discovery.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const discoveryV1: SchemaPackage = {
  package: 'io.k8s.api.discovery.v1',
  types: {
    Endpoint: {
      fields: {
        addresses: [1, '[]string', { pointer: true, always: true, required: true, listType: 'set' }],
        conditions: [2, 'EndpointConditions'],
        hostname: [3, 'string', { pointer: true }],
        targetRef: [4, 'io.k8s.api.core.v1.ObjectReference', { pointer: true }],
        deprecatedTopology: [5, 'map[string]string', { pointer: true }],
        nodeName: [6, 'string', { pointer: true }],
        zone: [7, 'string', { pointer: true }],
        hints: [8, 'EndpointHints', { pointer: true }],
      },
    },
    EndpointConditions: {
      fields: {
        ready: [1, 'bool', { pointer: true }],
        serving: [2, 'bool', { pointer: true }],
        terminating: [3, 'bool', { pointer: true }],
      },
    },
    EndpointHints: {
      fields: {
        forZones: [1, '[]ForZone', { pointer: true, listType: 'atomic' }],
        forNodes: [2, '[]ForNode', { pointer: true, listType: 'atomic' }],
      },
    },
    EndpointPort: {
      fields: {
        name: [1, 'string', { pointer: true }],
        protocol: [2, 'string', { pointer: true, enum: ['SCTP', 'TCP', 'UDP'] }],
        port: [3, 'int32', { pointer: true }],
        appProtocol: [4, 'string', { pointer: true }],
      },
      options: { structType: 'atomic' },
    },
    EndpointSlice: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        addressType: [4, 'string', { always: true, required: true, enum: ['FQDN'] }],
        endpoints: [2, '[]Endpoint', { pointer: true, always: true, required: true, listType: 'atomic' }],
        ports: [3, '[]EndpointPort', { pointer: true, always: true, listType: 'atomic' }],
      },
    },
    EndpointSliceList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]EndpointSlice', { pointer: true, always: true, required: true }],
      },
    },
    ForNode: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
      },
    },
    ForZone: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
      },
    },
  },
};
