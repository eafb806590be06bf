import { describe } from 'node:test';
import { validateEventsV1Event } from './events.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

describe('Event events.k8s.io/v1', () => {
  const event: Obj = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name: 'web-1.17f0', namespace: 'default' },
    eventTime: '2025-01-01T00:00:00.000000Z',
    reportingController: 'kubelet',
    reportingInstance: 'node-1',
    action: 'Pulling',
    reason: 'Pulling',
    regarding: { kind: 'Pod', namespace: 'default', name: 'web-1', apiVersion: 'v1' },
    note: 'Pulling image "nginx"',
    type: 'Normal',
  };
  const stored = mutate(event, (o) => (o.metadata = storedMeta('web-1.17f0', 'default')));
  runCases(validateEventsV1Event, [
    { name: 'valid', object: event, want: [] },
    {
      name: 'eventTime required, which also turns on the legacy namespace rule',
      object: mutate(event, (o) => delete o.eventTime),
      want: ['eventTime: Required value'],
    },
    {
      name: 'reporting fields required',
      object: mutate(event, (o) => {
        delete o.reportingController;
        delete o.reportingInstance;
        delete o.action;
        delete o.reason;
      }),
      want: [
        'reportingController: Required value',
        'reportingController: Invalid value: "": name part must be non-empty',
        "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'reportingInstance: Required value',
        'action: Required value',
        'reason: Required value',
      ],
    },
    {
      name: 'length limits',
      object: mutate(event, (o) => Object.assign(o, { action: 'a'.repeat(129), note: 'n'.repeat(1025) })),
      want: ['action: Invalid value: "": can have at most 128 characters', 'message: Invalid value: "": can have at most 1024 characters'],
    },
    {
      name: 'type',
      object: mutate(event, (o) => (o.type = 'Error')),
      want: ['type: Invalid value: "": has invalid value: Error'],
    },
    {
      name: 'regarding a cluster-scoped object outside default and kube-system',
      object: mutate(event, (o) => {
        (o.metadata as Obj).namespace = 'team-a';
        o.regarding = { kind: 'Node', name: 'node-1' };
      }),
      want: ['involvedObject.namespace: Invalid value: "": does not match event.namespace'],
    },
    {
      name: 'regarding a cluster-scoped object from default',
      object: mutate(event, (o) => (o.regarding = { kind: 'Node', name: 'node-1' })),
      want: [],
    },
    {
      name: 'series',
      object: mutate(event, (o) => (o.series = { count: 1 })),
      want: ['series.count: Invalid value: "": should be at least 2', 'series.lastObservedTime: Required value'],
    },
    {
      name: 'deprecated fields must be unset',
      object: mutate(event, (o) => Object.assign(o, { deprecatedFirstTimestamp: '2025-01-01T00:00:00Z', deprecatedCount: 3, deprecatedSource: { component: 'kubelet' } })),
      want: ['firstTimestamp: Invalid value: "": needs to be unset', 'count: Invalid value: "": needs to be unset', 'source: Invalid value: "": needs to be unset'],
    },
    {
      name: 'update: series may change',
      object: mutate(stored, (o) => (o.series = { count: 2, lastObservedTime: '2025-01-01T00:01:00.000000Z' })),
      old: stored,
      want: [],
    },
    {
      name: 'update: note and regarding are immutable',
      object: mutate(stored, (o) => Object.assign(o, { note: 'changed', regarding: { kind: 'Pod', namespace: 'default', name: 'web-2', apiVersion: 'v1' } })),
      old: stored,
      want: [
        'involvedObject: Invalid value: core.ObjectReference{Kind:"Pod", Namespace:"default", Name:"web-2", UID:"", APIVersion:"v1", ResourceVersion:"", FieldPath:""}: field is immutable',
        'message: Invalid value: "changed": field is immutable',
      ],
    },
    {
      name: 'update: sub-microsecond eventTime changes are tolerated',
      object: mutate(stored, (o) => (o.eventTime = '2025-01-01T00:00:00.000000400Z')),
      old: stored,
      want: [],
    },
    {
      name: 'update: eventTime is immutable',
      object: mutate(stored, (o) => (o.eventTime = '2025-01-01T00:00:05.000000Z')),
      old: stored,
      want: ['eventTime: Invalid value: 2025-01-01 00:00:05 +0000 UTC: field is immutable'],
    },
  ]);
});
