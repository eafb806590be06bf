/**
 * HorizontalPodAutoscaler defaulting, autoscaling/v1 and v2 (upstream 1.33).
 *
 * v2: minReplicas 1; no metrics means 80% average CPU utilization; a behavior that is
 * present gets both scaling directions filled in field by field from upstream's rules
 * (scale up: no stabilization, the larger of 4 pods or 100% per 15s; scale down: the
 * 100% per 15s policy, stabilization left to the controller's flag).
 *
 * v1: minReplicas 1. Upstream applies the 80% CPU target of a v1 object that names none
 * while it converts and re-reads it through the v2 storage version, so a stored v1 object
 * always reads back with targetCPUUtilizationPercentage 80; it is filled here directly,
 * unless the object carries other metrics in the v1 metrics annotation (then upstream
 * has metrics and adds no CPU target).
 */
import { child, clone, defaultPointer, ensureChild, isEmptyCollection, isNil, type Obj } from './util.ts';
import type { HookTable } from './walk.ts';

const defaultCPUUtilization = 80;

const scaleUpRules: Obj = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

const scaleDownRules: Obj = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** The default rules overlaid with the fields the user set (non-nil ones win). */
function scalingRules(given: unknown, defaults: Obj): Obj {
  const rules = clone(defaults);
  if (typeof given !== 'object' || given === null || Array.isArray(given)) return rules;
  for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies', 'tolerance']) {
    const value = (given as Obj)[key];
    if (!isNil(value)) rules[key] = value;
  }
  return rules;
}

function defaultV2(hpa: Obj): void {
  const spec = ensureChild(hpa, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'minReplicas', 1);
  if (isEmptyCollection(spec.metrics)) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: defaultCPUUtilization } },
      },
    ];
  }
  const behavior = child(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = scalingRules(behavior.scaleUp, scaleUpRules);
    behavior.scaleDown = scalingRules(behavior.scaleDown, scaleDownRules);
  }
}

/** Where autoscaling/v1 keeps the v2 metrics it cannot express. */
const metricsAnnotation = 'autoscaling.alpha.kubernetes.io/metrics';

function defaultV1(hpa: Obj): void {
  const spec = ensureChild(hpa, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'minReplicas', 1);
  const annotations = child(child(hpa, 'metadata') ?? {}, 'annotations');
  const otherMetrics = annotations?.[metricsAnnotation];
  if (typeof otherMetrics === 'string' && otherMetrics !== '' && otherMetrics !== '[]') return;
  defaultPointer(spec, 'targetCPUUtilizationPercentage', defaultCPUUtilization);
}

export const autoscalingHooks: HookTable = {
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler': defaultV2,
  'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler': defaultV1,
};
