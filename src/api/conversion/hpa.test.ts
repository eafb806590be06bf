import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { behaviorSpecsAnnotation, conditionsAnnotation, metricSpecsAnnotation, metricStatusesAnnotation } from './hpa.ts';
import { convert } from './index.ts';
import { deepFreeze, wire } from './testutil.ts';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const cpu = (averageUtilization: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } });
const time = '2025-01-01T00:00:00Z';

/** An autoscaling/v2 HPA using every kind of metric, a behavior and conditions. */
const rich = deepFreeze({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'default', annotations: { team: 'a' } },
  spec: {
    scaleTargetRef: ref,
    minReplicas: 2,
    maxReplicas: 10,
    metrics: [
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
      { type: 'Pods', pods: { metric: { name: 'rps', selector: { matchLabels: { a: 'b' } } }, target: { type: 'AverageValue', averageValue: '1k' } } },
      {
        type: 'Object',
        object: {
          describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main' },
          target: { type: 'Value', value: '10k' },
          metric: { name: 'requests' },
        },
      },
      { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } },
      { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } },
      cpu(50),
    ],
    behavior: {
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], tolerance: '50m' },
    },
  },
  status: {
    observedGeneration: 3,
    lastScaleTime: time,
    currentReplicas: 3,
    desiredReplicas: 4,
    currentMetrics: [
      { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '105m', averageUtilization: 35 } } },
      { type: 'Pods', pods: { metric: { name: 'rps' }, current: { averageValue: '900' } } },
    ],
    conditions: [
      { type: 'AbleToScale', status: 'True', lastTransitionTime: time, reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
      { type: 'ScalingActive', status: 'True', lastTransitionTime: time, reason: 'ValidMetricFound', message: 'the HPA was able to compute the replica count' },
    ],
  },
});

describe('autoscaling/v2 -> autoscaling/v1 HorizontalPodAutoscaler', () => {
  it('keeps the CPU utilization target as targetCPUUtilizationPercentage', () => {
    const v1 = convert(rich, 'autoscaling/v1') as Record<string, Record<string, unknown>>;
    assert.equal(v1.apiVersion, 'autoscaling/v1');
    assert.equal(v1.kind, 'HorizontalPodAutoscaler');
    assert.deepEqual(v1.spec, { scaleTargetRef: ref, minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 50 });
    assert.deepEqual(v1.status, { observedGeneration: 3, lastScaleTime: time, currentReplicas: 3, desiredReplicas: 4, currentCPUUtilizationPercentage: 35 });
  });

  it('carries the other metrics, current metrics, behavior and conditions in the annotations upstream writes', () => {
    const v1 = convert(rich, 'autoscaling/v1');
    const annotations = (v1.metadata as { annotations: Record<string, string> }).annotations;
    assert.deepEqual(Object.keys(annotations).sort(), [behaviorSpecsAnnotation, conditionsAnnotation, metricSpecsAnnotation, metricStatusesAnnotation, 'team'].sort());
    // autoscaling/v1 MetricSpec JSON, as encoding/json prints it.
    assert.equal(
      annotations[metricSpecsAnnotation],
      '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}},' +
        '{"type":"Pods","pods":{"metricName":"rps","targetAverageValue":"1k","selector":{"matchLabels":{"a":"b"}}}},' +
        '{"type":"Object","object":{"target":{"kind":"Ingress","name":"main","apiVersion":"networking.k8s.io/v1"},"metricName":"requests","targetValue":"10k"}},' +
        '{"type":"External","external":{"metricName":"queue","targetAverageValue":"30"}},' +
        '{"type":"ContainerResource","containerResource":{"name":"cpu","targetAverageUtilization":60,"container":"app"}}]',
    );
    // Every current metric, the CPU one included (its raw value has nowhere else to go).
    assert.equal(
      annotations[metricStatusesAnnotation],
      '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":35,"currentAverageValue":"105m"}},' +
        '{"type":"Pods","pods":{"metricName":"rps","currentAverageValue":"900"}}]',
    );
    // The internal type, marshalled without json tags: Go field names, nil as null.
    assert.equal(
      annotations[behaviorSpecsAnnotation],
      '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15},{"Type":"Percent","Value":100,"PeriodSeconds":15}],"Tolerance":null},' +
        '"ScaleDown":{"StabilizationWindowSeconds":300,"SelectPolicy":"Max","Policies":[{"Type":"Percent","Value":100,"PeriodSeconds":15}],"Tolerance":"50m"}}',
    );
    assert.equal(
      annotations[conditionsAnnotation],
      '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z","reason":"ReadyForNewScale","message":"recommended size matches current size"},' +
        '{"type":"ScalingActive","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z","reason":"ValidMetricFound","message":"the HPA was able to compute the replica count"}]',
    );
  });

  it('writes no annotation for a plain CPU autoscaler, and drops stale ones', () => {
    const v2 = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', annotations: { [metricSpecsAnnotation]: '[]', [conditionsAnnotation]: 'junk' } },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, metrics: [cpu(80)] },
    };
    const v1 = convert(v2, 'autoscaling/v1');
    assert.deepEqual(v1, {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 80 },
    });
  });

  it('looks at the first CPU metric only, and the last CPU current metric (as upstream)', () => {
    const v2 = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'x' },
      spec: {
        scaleTargetRef: ref,
        maxReplicas: 3,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '200m' } } }, cpu(70)],
      },
      status: {
        desiredReplicas: 1,
        currentMetrics: [
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 10, averageValue: '1' } } },
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 20, averageValue: '2' } } },
        ],
      },
    };
    const v1 = convert(v2, 'autoscaling/v1') as { spec: Record<string, unknown>; status: Record<string, unknown>; metadata: { annotations: Record<string, string> } };
    assert.equal(v1.spec.targetCPUUtilizationPercentage, undefined);
    assert.equal(v1.status.currentCPUUtilizationPercentage, 20);
    assert.equal(v1.metadata.annotations[metricSpecsAnnotation], '[{"type":"Resource","resource":{"name":"cpu","targetAverageValue":"200m"}}]');
  });
});

describe('autoscaling/v1 -> autoscaling/v2 HorizontalPodAutoscaler', () => {
  it('makes targetCPUUtilizationPercentage a Resource cpu Utilization metric', () => {
    const v1 = deepFreeze({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default' },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 42 },
    });
    assert.deepEqual(convert(v1, 'autoscaling/v2'), {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default' },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, metrics: [cpu(50)] },
      status: {
        currentReplicas: 2,
        desiredReplicas: 3,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 42 } } }],
      },
    });
  });

  it('applies v1 implicit default: 80% CPU when no metric is given', () => {
    const v2 = convert({ apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'a' }, spec: { scaleTargetRef: ref, maxReplicas: 4 } }, 'autoscaling/v2');
    assert.deepEqual((v2.spec as Record<string, unknown>).metrics, [cpu(80)]);
  });

  it('reads the annotations back (the CPU metric after the others) and drops them', () => {
    const v1 = convert(rich, 'autoscaling/v1');
    const back = convert(v1, 'autoscaling/v2') as { metadata: unknown; spec: { metrics: unknown[] } };
    assert.deepEqual(back.metadata, rich.metadata);
    assert.deepEqual(back.spec.metrics.at(-1), cpu(50));
    assert.equal(back.spec.metrics.length, rich.spec.metrics.length);
  });

  it('ignores annotations that do not parse, as upstream does, and drops them', () => {
    for (const value of ['', 'abc', '[]', '{}', 'null']) {
      const v1 = {
        apiVersion: 'autoscaling/v1',
        kind: 'HorizontalPodAutoscaler',
        metadata: {
          name: 'a',
          annotations: { [metricSpecsAnnotation]: value, [metricStatusesAnnotation]: value, [conditionsAnnotation]: value, [behaviorSpecsAnnotation]: value },
        },
        spec: { scaleTargetRef: ref, maxReplicas: 4, targetCPUUtilizationPercentage: 60 },
      };
      const v2 = convert(v1, 'autoscaling/v2') as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
      assert.deepEqual(v2.metadata, { name: 'a' }, value);
      assert.deepEqual(v2.spec.metrics, [cpu(60)], value);
      assert.equal(v2.spec.behavior, undefined, value);
      assert.doesNotThrow(() => wire(v2), value);
    }
  });

  it('reads a behavior annotation whatever the case of its keys (Go matches them case-insensitively)', () => {
    const v1 = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'a', annotations: { [behaviorSpecsAnnotation]: '{"scaleDown":{"stabilizationWindowSeconds":60,"Policies":[{"type":"Pods","VALUE":1,"periodSeconds":30}]},"ScaleUp":null}' } },
      spec: { scaleTargetRef: ref, maxReplicas: 4 },
    };
    const v2 = convert(v1, 'autoscaling/v2') as { spec: Record<string, unknown> };
    assert.deepEqual(v2.spec.behavior, { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } });
  });
});

describe('HorizontalPodAutoscaler round trips', () => {
  it('v2 -> v1 -> v2 keeps everything (CPU utilization metric last, as upstream orders it)', () => {
    const back = convert(convert(rich, 'autoscaling/v1'), 'autoscaling/v2');
    assert.deepEqual(wire(back), wire(rich));
  });

  it('v1 -> v2 -> v1 is the original', () => {
    const v1 = deepFreeze({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { observedGeneration: 1, currentReplicas: 1, desiredReplicas: 1 },
    });
    assert.deepEqual(convert(convert(v1, 'autoscaling/v2'), 'autoscaling/v1'), v1);
  });

  it('v1 -> v2 -> v1 with a current CPU utilization adds the current-metrics annotation, as upstream', () => {
    const v1 = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: ref, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 12 },
    };
    const back = convert(convert(v1, 'autoscaling/v2'), 'autoscaling/v1');
    assert.deepEqual(back, {
      ...v1,
      metadata: { name: 'web', annotations: { [metricStatusesAnnotation]: '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":12,"currentAverageValue":"0"}}]' } },
    });
    // ... which reads back with the raw value v1 cannot hold (0: v1 had none).
    assert.deepEqual((convert(back, 'autoscaling/v2').status as Record<string, unknown>).currentMetrics, [
      { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '0', averageUtilization: 12 } } },
    ]);
  });

  it('a v1 object written back by an old client with the annotations it read keeps the v2 fields', () => {
    const v1 = convert(rich, 'autoscaling/v1') as { spec: Record<string, unknown> };
    // The client changes maxReplicas and sends the object back.
    const edited = { ...v1, spec: { ...v1.spec, maxReplicas: 20 } };
    const stored = convert(edited, 'autoscaling/v2');
    assert.deepEqual(wire(stored), wire({ ...rich, spec: { ...rich.spec, maxReplicas: 20 } }));
  });

  it('the outputs are valid for their schema', () => {
    assert.doesNotThrow(() => wire(convert(rich, 'autoscaling/v1')));
  });
});
