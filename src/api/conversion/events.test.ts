import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convert } from './index.ts';
import { deepFreeze, wire } from './testutil.ts';

const pod = { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u-1', apiVersion: 'v1', resourceVersion: '12', fieldPath: 'spec.containers{app}' };
const node = { kind: 'Node', name: 'n1', uid: 'n1' };

const coreEvent = deepFreeze({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web-1.17f', namespace: 'default', resourceVersion: '7' },
  involvedObject: pod,
  reason: 'Pulled',
  message: 'Successfully pulled image "nginx"',
  source: { component: 'kubelet', host: 'n1' },
  firstTimestamp: '2025-01-01T00:00:00Z',
  lastTimestamp: '2025-01-01T00:05:00Z',
  count: 3,
  type: 'Normal',
  eventTime: '2025-01-01T00:00:00.123456Z',
  series: { count: 2, lastObservedTime: '2025-01-01T00:05:00.000001Z' },
  action: 'Pulling',
  related: node,
  reportingComponent: 'kubelet',
  reportingInstance: 'n1',
});

const eventsEvent = deepFreeze({
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'web-1.17f', namespace: 'default', resourceVersion: '7' },
  eventTime: '2025-01-01T00:00:00.123456Z',
  series: { count: 2, lastObservedTime: '2025-01-01T00:05:00.000001Z' },
  reportingController: 'kubelet',
  reportingInstance: 'n1',
  action: 'Pulling',
  reason: 'Pulled',
  regarding: pod,
  related: node,
  note: 'Successfully pulled image "nginx"',
  type: 'Normal',
  deprecatedSource: { component: 'kubelet', host: 'n1' },
  deprecatedFirstTimestamp: '2025-01-01T00:00:00Z',
  deprecatedLastTimestamp: '2025-01-01T00:05:00Z',
  deprecatedCount: 3,
});

describe('events.k8s.io/v1 Event <-> core v1 Event', () => {
  it('renames every field as upstream does', () => {
    assert.deepEqual(convert(coreEvent, 'events.k8s.io/v1'), eventsEvent);
    assert.deepEqual(convert(eventsEvent, 'v1'), coreEvent);
  });

  it('round trips both ways', () => {
    assert.deepEqual(convert(convert(eventsEvent, 'v1'), 'events.k8s.io/v1'), eventsEvent);
    assert.deepEqual(convert(convert(coreEvent, 'events.k8s.io/v1'), 'v1'), coreEvent);
    assert.deepEqual(wire(convert(eventsEvent, 'v1')), wire(coreEvent));
  });

  it('converts a new-style event without the deprecated fields', () => {
    const e = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'x', namespace: 'default' },
      eventTime: '2025-01-01T00:00:00.000000Z',
      reportingController: 'example.com/controller',
      reportingInstance: 'controller-1',
      action: 'Scale',
      reason: 'Scaled',
      regarding: { kind: 'Deployment', namespace: 'default', name: 'web', apiVersion: 'apps/v1' },
      note: 'scaled to 3',
      type: 'Normal',
    };
    assert.deepEqual(convert(e, 'v1'), {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'x', namespace: 'default' },
      eventTime: '2025-01-01T00:00:00.000000Z',
      reportingComponent: 'example.com/controller',
      reportingInstance: 'controller-1',
      action: 'Scale',
      reason: 'Scaled',
      involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web', apiVersion: 'apps/v1' },
      message: 'scaled to 3',
      type: 'Normal',
    });
  });

  it('drops keys that are not fields of the source version (Go ignores them)', () => {
    const e = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'x' }, note: 'n', message: 'stale' };
    assert.deepEqual(convert(e, 'v1'), { apiVersion: 'v1', kind: 'Event', metadata: { name: 'x' }, message: 'n' });
  });

  it('converts EventLists item by item', () => {
    const { apiVersion: _av, kind: _kd, ...item } = coreEvent;
    const list = { apiVersion: 'v1', kind: 'EventList', metadata: { resourceVersion: '9' }, items: [item] };
    const out = convert(list, 'events.k8s.io/v1') as { apiVersion: string; kind: string; items: Record<string, unknown>[] };
    assert.equal(out.apiVersion, 'events.k8s.io/v1');
    assert.equal(out.kind, 'EventList');
    const { apiVersion: _a, kind: _k, ...expected } = eventsEvent;
    assert.deepEqual(out.items, [expected]);
  });
});
