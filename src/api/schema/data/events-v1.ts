// Schema facts for events/v1 at Kubernetes 1.33 (served as events.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const eventsV1: SchemaPackage = {
  package: 'io.k8s.api.events.v1',
  types: {
    Event: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { always: true }],
        eventTime: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', { always: true, required: true }],
        series: [3, 'EventSeries', { pointer: true }],
        reportingController: [4, 'string'],
        reportingInstance: [5, 'string'],
        action: [6, 'string'],
        reason: [7, 'string'],
        regarding: [8, 'io.k8s.api.core.v1.ObjectReference'],
        related: [9, 'io.k8s.api.core.v1.ObjectReference', { pointer: true }],
        note: [10, 'string'],
        type: [11, 'string'],
        deprecatedSource: [12, 'io.k8s.api.core.v1.EventSource'],
        deprecatedFirstTimestamp: [13, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        deprecatedLastTimestamp: [14, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        deprecatedCount: [15, 'int32'],
      },
    },
    EventList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Event', { pointer: true, always: true, required: true }],
      },
    },
    EventSeries: {
      fields: {
        count: [1, 'int32', { always: true, required: true }],
        lastObservedTime: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', { always: true, required: true }],
      },
    },
  },
};
