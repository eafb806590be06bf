// HorizontalPodAutoscaler defaulting, after upstream's autoscaling/v2 defaults_test.go
// (TestSetDefaultHPA, TestHorizontalPodAutoscalerAnnotations, the behavior cases).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from './index.ts';

type Obj = Record<string, unknown>;
const defaulted = (version: string, object: Obj): Obj => {
  applyDefaults('autoscaling', version, 'HorizontalPodAutoscaler', object);
  return object;
};
const spec = (o: Obj) => o.spec as Obj;
const target = { kind: 'Deployment', name: 'd', apiVersion: 'apps/v1' };

const defaultScaleUp = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
const defaultScaleDown = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

describe('autoscaling/v2', () => {
  it('defaults minReplicas and an 80% CPU metric, no behavior', () => {
    const hpa = defaulted('v2', { spec: { scaleTargetRef: target, maxReplicas: 5 } });
    assert.deepEqual(hpa.spec, {
      scaleTargetRef: target,
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    });
  });

  it('keeps given metrics and minReplicas', () => {
    const metrics = [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1Gi' } } }];
    const hpa = defaulted('v2', { spec: { minReplicas: 3, maxReplicas: 5, metrics: structuredClone(metrics) } });
    assert.equal(spec(hpa).minReplicas, 3);
    assert.deepEqual(spec(hpa).metrics, metrics);
  });

  it('fills an empty behavior in both directions', () => {
    const hpa = defaulted('v2', { spec: { maxReplicas: 5, behavior: {} } });
    assert.deepEqual(spec(hpa).behavior, { scaleUp: defaultScaleUp, scaleDown: defaultScaleDown });
  });

  it('overlays the given rule fields on the defaults', () => {
    const hpa = defaulted('v2', {
      spec: {
        maxReplicas: 5,
        behavior: {
          scaleUp: { stabilizationWindowSeconds: 30 },
          scaleDown: { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }], stabilizationWindowSeconds: 120 },
        },
      },
    });
    assert.deepEqual(spec(hpa).behavior, {
      scaleUp: { ...defaultScaleUp, stabilizationWindowSeconds: 30 },
      scaleDown: { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }], stabilizationWindowSeconds: 120 },
    });
  });

  it('keeps a given tolerance', () => {
    const hpa = defaulted('v2', { spec: { maxReplicas: 5, behavior: { scaleDown: { tolerance: '0.05' } } } });
    assert.deepEqual((spec(hpa).behavior as Obj).scaleDown, { ...defaultScaleDown, tolerance: '0.05' });
  });
});

describe('autoscaling/v1', () => {
  it('defaults minReplicas and the CPU target', () => {
    const hpa = defaulted('v1', { spec: { scaleTargetRef: target, maxReplicas: 5 } });
    assert.deepEqual(hpa.spec, { scaleTargetRef: target, maxReplicas: 5, minReplicas: 1, targetCPUUtilizationPercentage: 80 });
  });

  it('keeps set values', () => {
    const hpa = defaulted('v1', { spec: { maxReplicas: 5, minReplicas: 2, targetCPUUtilizationPercentage: 50 } });
    assert.deepEqual(hpa.spec, { maxReplicas: 5, minReplicas: 2, targetCPUUtilizationPercentage: 50 });
  });

  it('adds no CPU target when the metrics annotation carries other metrics', () => {
    const hpa = defaulted('v1', {
      metadata: { annotations: { 'autoscaling.alpha.kubernetes.io/metrics': '[{"type":"Pods","pods":{"metricName":"qps","targetAverageValue":"10"}}]' } },
      spec: { maxReplicas: 5 },
    });
    assert.equal(spec(hpa).targetCPUUtilizationPercentage, undefined);
  });
});
