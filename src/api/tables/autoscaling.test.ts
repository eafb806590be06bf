// Cases follow upstream's printers_test.go (TestPrintHPA), written as autoscaling/v2
// JSON, plus the same autoscalers served as autoscaling/v1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { horizontalPodAutoscalers, scales } from './autoscaling.ts';
import type { ApiObject } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const cells = (o: ApiObject) => horizontalPodAutoscalers.cells(o, NOW);
const ref = { name: 'some-rc', kind: 'ReplicationController' };
const hpa = (metrics: unknown, currentMetrics?: unknown, minReplicas: number | null = 2): ApiObject => ({
  apiVersion: 'autoscaling/v2',
  metadata: { name: 'some-hpa' },
  spec: { scaleTargetRef: ref, ...(minReplicas === null ? {} : { minReplicas }), maxReplicas: 10, metrics },
  status: { currentReplicas: 4, desiredReplicas: 5, currentMetrics },
});
const row = (targets: string, min = '2') => ['some-hpa', 'ReplicationController/some-rc', targets, min, 10, 4, '<unknown>'];
const selector = { matchLabels: { label: 'value' } };

describe('horizontal pod autoscalers (v2)', () => {
  const cases: [string, ApiObject, unknown[]][] = [
    ['minReplicas unset, no metrics', hpa(undefined, undefined, null), row('<none>', '<unset>')],
    [
      'external, average value, no current',
      hpa([{ type: 'External', external: { metric: { name: 'some-external-metric', selector }, target: { type: 'AverageValue', averageValue: '100m' } } }]),
      row('<unknown>/100m (avg)'),
    ],
    [
      'external, average value',
      hpa(
        [{ type: 'External', external: { metric: { name: 'some-external-metric', selector }, target: { type: 'AverageValue', averageValue: '100m' } } }],
        [{ type: 'External', external: { metric: { name: 'some-external-metric', selector }, current: { averageValue: '50m' } } }],
      ),
      row('50m/100m (avg)'),
    ],
    [
      'external, value, no current',
      hpa([{ type: 'External', external: { metric: { name: 'some-service-metric', selector }, target: { type: 'Value', value: '100m' } } }]),
      row('<unknown>/100m'),
    ],
    [
      'external, value',
      hpa(
        [{ type: 'External', external: { metric: { name: 'some-external-metric', selector }, target: { type: 'Value', value: '100m' } } }],
        [{ type: 'External', external: { metric: { name: 'some-external-metric' }, current: { value: '50m' } } }],
      ),
      row('50m/100m'),
    ],
    [
      'pods, no current',
      hpa([{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } }]),
      row('<unknown>/100m'),
    ],
    [
      'pods',
      hpa(
        [{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } }],
        [{ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, current: { averageValue: '50m' } } }],
      ),
      row('50m/100m'),
    ],
    [
      'object, no current',
      hpa([
        {
          type: 'Object',
          object: { describedObject: { name: 'some-service', kind: 'Service' }, metric: { name: 'some-service-metric' }, target: { type: 'Value', value: '100m' } },
        },
      ]),
      row('<unknown>/100m'),
    ],
    [
      'object',
      hpa(
        [
          {
            type: 'Object',
            object: { describedObject: { name: 'some-service', kind: 'Service' }, metric: { name: 'some-service-metric' }, target: { type: 'Value', value: '100m' } },
          },
        ],
        [{ type: 'Object', object: { describedObject: { name: 'some-service', kind: 'Service' }, metric: { name: 'some-service-metric' }, current: { value: '50m' } } }],
      ),
      row('50m/100m'),
    ],
    [
      'resource, average value, no current',
      hpa([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }]),
      row('cpu: <unknown>/100m'),
    ],
    [
      'resource, average value',
      hpa(
        [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }],
        [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '50m' } } }],
      ),
      row('cpu: 50m/100m'),
    ],
    [
      'resource, utilization, no current',
      hpa([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]),
      row('cpu: <unknown>/80%'),
    ],
    [
      'resource, utilization',
      hpa(
        [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
        [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '40m' } } }],
      ),
      row('cpu: 50%/80%'),
    ],
    [
      'container resource, average value, no current',
      hpa([{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', target: { type: 'AverageValue', averageValue: '100m' } } }]),
      row('cpu: <unknown>/100m'),
    ],
    [
      'container resource, utilization',
      hpa(
        [{ type: 'ContainerResource', containerResource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
        [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', current: { averageUtilization: 50, averageValue: '40m' } } }],
      ),
      row('cpu: 50%/80%'),
    ],
    [
      'multiple specs: two shown, then + N more',
      hpa(
        [
          { type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } },
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
          { type: 'Pods', pods: { metric: { name: 'other-pods-metric' }, target: { type: 'AverageValue', averageValue: '400m' } } },
        ],
        [
          { type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, current: { averageValue: '50m' } } },
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '40m' } } },
        ],
      ),
      row('50m/100m, cpu: 50%/80% + 1 more...'),
    ],
    ['utilization without a target', hpa([{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization' } } }]), row('memory: <unknown>/<auto>')],
    ['unknown metric type', hpa([{ type: 'Bogus' }]), row('<unknown type>')],
  ];
  for (const [name, o, want] of cases) {
    it(name, () => assert.deepEqual(cells(o), want));
  }
});

describe('horizontal pod autoscalers (v1)', () => {
  const v1 = (spec: object, status: object, annotations?: Record<string, string>): ApiObject => ({
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', creationTimestamp: '2025-06-01T11:00:00Z', ...(annotations ? { annotations } : {}) },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, ...spec },
    status: { currentReplicas: 2, desiredReplicas: 2, ...status },
  });
  it('turns the CPU target into a Resource metric', () => {
    assert.deepEqual(cells(v1({ targetCPUUtilizationPercentage: 50 }, {})), ['web', 'Deployment/web', 'cpu: <unknown>/50%', '1', 5, 2, '60m']);
    assert.deepEqual(cells(v1({ targetCPUUtilizationPercentage: 50 }, { currentCPUUtilizationPercentage: 23 })), [
      'web',
      'Deployment/web',
      'cpu: 23%/50%',
      '1',
      5,
      2,
      '60m',
    ]);
  });
  it('reads the extra metrics kept in annotations, before the CPU one', () => {
    const o = v1(
      { targetCPUUtilizationPercentage: 80 },
      { currentCPUUtilizationPercentage: 10 },
      {
        'autoscaling.alpha.kubernetes.io/metrics': JSON.stringify([
          { type: 'Resource', resource: { name: 'memory', targetAverageValue: '512Mi' } },
        ]),
        'autoscaling.alpha.kubernetes.io/current-metrics': JSON.stringify([
          { type: 'Resource', resource: { name: 'memory', currentAverageValue: '300Mi' } },
        ]),
      },
    );
    assert.deepEqual(cells(o)[2], 'memory: 300Mi/512Mi, cpu: 10%/80%');
  });
  it('an autoscaling/v1 object without a CPU target has no targets', () => {
    assert.equal(cells(v1({}, {}))[2], '<none>');
  });
  it('without apiVersion the shape decides', () => {
    assert.equal(cells({ metadata: { name: 'x' }, spec: { targetCPUUtilizationPercentage: 70 } })[2], 'cpu: <unknown>/70%');
  });
});

describe('scale', () => {
  it('NAME DESIRED AVAILABLE AGE', () => {
    assert.deepEqual(
      scales.cells({ metadata: { name: 'test-autoscaling', creationTimestamp: '2025-06-01T12:00:01Z' }, spec: { replicas: 2 }, status: { replicas: 1 } }, NOW),
      ['test-autoscaling', 2, 1, '0s'],
    );
  });
});
