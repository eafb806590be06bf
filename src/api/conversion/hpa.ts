/**
 * autoscaling/v1 <-> autoscaling/v2 HorizontalPodAutoscaler (storage: v2), as upstream's
 * pkg/apis/autoscaling/v1/conversion.go does it through the internal type (which has v2's
 * shape):
 * - v1's `targetCPUUtilizationPercentage` is the first `Resource` metric named `cpu` with an
 *   `averageUtilization` target; `currentCPUUtilizationPercentage` the last such current
 *   metric;
 * - everything else v2 has travels through v1 in annotations: the other metrics
 *   (`autoscaling.alpha.kubernetes.io/metrics`, as autoscaling/v1 MetricSpec JSON), all the
 *   current metrics (`.../current-metrics`, v1 MetricStatus JSON), the conditions
 *   (`.../conditions`) and the behavior (`.../behavior`: upstream marshals its *internal*
 *   type, which has no json tags, so the keys are Go field names: `ScaleUp`,
 *   `StabilizationWindowSeconds`, ...);
 * - v1 -> v2 reads those annotations back (an unparsable one is ignored, as upstream does),
 *   drops them, and adds the default CPU utilization metric (80%) when no metric is left.
 */
import { stringifyLikeGo, type JsonValue } from '../normalize.ts';
import { marshal, typeOf, unmarshal } from './gojson.ts';
import { arrayAt, clone, deleteAnnotations, ensureObject, getAnnotation, hasAnnotation, isObject, objectAt, present, setAnnotation, type JsonObject } from './util.ts';

export const metricSpecsAnnotation = 'autoscaling.alpha.kubernetes.io/metrics';
export const metricStatusesAnnotation = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const conditionsAnnotation = 'autoscaling.alpha.kubernetes.io/conditions';
export const behaviorSpecsAnnotation = 'autoscaling.alpha.kubernetes.io/behavior';
/** autoscaling.DefaultCPUUtilization: v1's implicit target when no metric is given. */
export const defaultCPUUtilization = 80;

/** The annotations upstream's DropRoundTripHorizontalPodAutoscalerAnnotations removes. */
export const roundTripAnnotations = [metricSpecsAnnotation, behaviorSpecsAnnotation, metricStatusesAnnotation, conditionsAnnotation] as const;

const v1 = 'io.k8s.api.autoscaling.v1';
const v2 = 'io.k8s.api.autoscaling.v2';
const v1MetricSpecs = typeOf(`[]${v1}.MetricSpec`);
const v1MetricStatuses = typeOf(`[]${v1}.MetricStatus`);
const v1Conditions = typeOf(`[]${v1}.HorizontalPodAutoscalerCondition`);
const v2Behavior = typeOf(`${v2}.HorizontalPodAutoscalerBehavior`);

type Obj = JsonObject;
const obj = (v: unknown): Obj => (isObject(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Copies the keys that are present (non-null) from `src` into `dst` under new names. */
function copyPresent(dst: Obj, src: Obj, pairs: readonly (readonly [from: string, to: string])[]): Obj {
  for (const [from, to] of pairs) if (present(src[from])) dst[to] = src[from];
  return dst;
}

/** A CrossVersionObjectReference (same JSON in v1 and v2). */
function objectRef(v: unknown): Obj {
  const r = obj(v);
  return copyPresent({ kind: str(r.kind), name: str(r.name) }, r, [['apiVersion', 'apiVersion']]);
}

/** A MetricIdentifier from a v1 source's name and selector fields. */
function identifier(src: Obj, selectorKey: string): Obj {
  return copyPresent({ name: str(src.metricName) }, src, [[selectorKey, 'selector']]);
}

const isCPUResource = (m: Obj): boolean => m.type === 'Resource' && isObject(m.resource) && m.resource.name === 'cpu';

// ---------------------------------------------------------------------------------------
// MetricSpec and MetricStatus, v2 <-> v1 (the per-source conversion functions).

function metricSpecToV1(m: Obj): Obj {
  const out: Obj = { type: str(m.type) };
  const object = objectAt(m, 'object');
  if (object) {
    const target = obj(object.target);
    const metric = obj(object.metric);
    out.object = copyPresent(
      { target: objectRef(object.describedObject), metricName: str(metric.name), targetValue: present(target.value) ? target.value : '0' },
      { ...target, selector: metric.selector },
      [['selector', 'selector'], ['averageValue', 'averageValue']],
    );
  }
  const pods = objectAt(m, 'pods');
  if (pods) {
    const target = obj(pods.target);
    const metric = obj(pods.metric);
    out.pods = copyPresent({ metricName: str(metric.name), targetAverageValue: present(target.averageValue) ? target.averageValue : '0' }, metric, [
      ['selector', 'selector'],
    ]);
  }
  const resource = objectAt(m, 'resource');
  if (resource) {
    out.resource = copyPresent({ name: str(resource.name) }, obj(resource.target), [
      ['averageUtilization', 'targetAverageUtilization'],
      ['averageValue', 'targetAverageValue'],
    ]);
  }
  const containerResource = objectAt(m, 'containerResource');
  if (containerResource) {
    out.containerResource = copyPresent({ name: str(containerResource.name), container: str(containerResource.container) }, obj(containerResource.target), [
      ['averageUtilization', 'targetAverageUtilization'],
      ['averageValue', 'targetAverageValue'],
    ]);
  }
  const external = objectAt(m, 'external');
  if (external) {
    const target = obj(external.target);
    const metric = obj(external.metric);
    out.external = copyPresent({ metricName: str(metric.name) }, { ...target, metricSelector: metric.selector }, [
      ['metricSelector', 'metricSelector'],
      ['value', 'targetValue'],
      ['averageValue', 'targetAverageValue'],
    ]);
  }
  return out;
}

function metricSpecFromV1(m: Obj): Obj {
  const out: Obj = { type: str(m.type) };
  const object = objectAt(m, 'object');
  if (object) {
    // Upstream: Value: &in.TargetValue (always set); the type follows averageValue.
    const target = copyPresent({ type: present(object.averageValue) ? 'AverageValue' : 'Value', value: object.targetValue ?? '0' }, object, [
      ['averageValue', 'averageValue'],
    ]);
    out.object = { describedObject: objectRef(object.target), target, metric: identifier(object, 'selector') };
  }
  const pods = objectAt(m, 'pods');
  if (pods) {
    out.pods = { metric: identifier(pods, 'selector'), target: { type: 'AverageValue', averageValue: pods.targetAverageValue ?? '0' } };
  }
  const resourceTarget = (src: Obj): Obj =>
    copyPresent({ type: present(src.targetAverageUtilization) ? 'Utilization' : 'AverageValue' }, src, [
      ['targetAverageValue', 'averageValue'],
      ['targetAverageUtilization', 'averageUtilization'],
    ]);
  const resource = objectAt(m, 'resource');
  if (resource) out.resource = { name: str(resource.name), target: resourceTarget(resource) };
  const containerResource = objectAt(m, 'containerResource');
  if (containerResource) {
    out.containerResource = { name: str(containerResource.name), target: resourceTarget(containerResource), container: str(containerResource.container) };
  }
  const external = objectAt(m, 'external');
  if (external) {
    const target = copyPresent({ type: present(external.targetValue) ? 'Value' : 'AverageValue' }, external, [
      ['targetValue', 'value'],
      ['targetAverageValue', 'averageValue'],
    ]);
    out.external = { metric: identifier(external, 'metricSelector'), target };
  }
  return out;
}

function metricStatusToV1(m: Obj): Obj {
  const out: Obj = { type: str(m.type) };
  const object = objectAt(m, 'object');
  if (object) {
    const current = obj(object.current);
    const metric = obj(object.metric);
    out.object = copyPresent(
      { target: objectRef(object.describedObject), metricName: str(metric.name), currentValue: present(current.value) ? current.value : '0' },
      { ...current, selector: metric.selector },
      [['selector', 'selector'], ['averageValue', 'averageValue']],
    );
  }
  const pods = objectAt(m, 'pods');
  if (pods) {
    const current = obj(pods.current);
    const metric = obj(pods.metric);
    out.pods = copyPresent({ metricName: str(metric.name), currentAverageValue: present(current.averageValue) ? current.averageValue : '0' }, metric, [
      ['selector', 'selector'],
    ]);
  }
  const resourceStatus = (src: Obj, extra: Obj): Obj => {
    const current = obj(src.current);
    return copyPresent({ name: str(src.name), ...extra, currentAverageValue: present(current.averageValue) ? current.averageValue : '0' }, current, [
      ['averageUtilization', 'currentAverageUtilization'],
    ]);
  };
  const resource = objectAt(m, 'resource');
  if (resource) out.resource = resourceStatus(resource, {});
  const containerResource = objectAt(m, 'containerResource');
  if (containerResource) out.containerResource = resourceStatus(containerResource, { container: str(containerResource.container) });
  const external = objectAt(m, 'external');
  if (external) {
    const current = obj(external.current);
    const metric = obj(external.metric);
    out.external = copyPresent(
      { metricName: str(metric.name), currentValue: present(current.value) ? current.value : '0' },
      { ...current, metricSelector: metric.selector },
      [['metricSelector', 'metricSelector'], ['averageValue', 'currentAverageValue']],
    );
  }
  return out;
}

function metricStatusFromV1(m: Obj): Obj {
  const out: Obj = { type: str(m.type) };
  const object = objectAt(m, 'object');
  if (object) {
    const current = copyPresent({ value: object.currentValue ?? '0' }, object, [['averageValue', 'averageValue']]);
    out.object = { metric: identifier(object, 'selector'), current, describedObject: objectRef(object.target) };
  }
  const pods = objectAt(m, 'pods');
  if (pods) out.pods = { metric: identifier(pods, 'selector'), current: { averageValue: pods.currentAverageValue ?? '0' } };
  // Upstream: AverageValue: &in.CurrentAverageValue (always set).
  const resourceCurrent = (src: Obj): Obj =>
    copyPresent({ averageValue: src.currentAverageValue ?? '0' }, src, [['currentAverageUtilization', 'averageUtilization']]);
  const resource = objectAt(m, 'resource');
  if (resource) out.resource = { name: str(resource.name), current: resourceCurrent(resource) };
  const containerResource = objectAt(m, 'containerResource');
  if (containerResource) {
    out.containerResource = { name: str(containerResource.name), current: resourceCurrent(containerResource), container: str(containerResource.container) };
  }
  const external = objectAt(m, 'external');
  if (external) {
    const current = copyPresent({ value: external.currentValue ?? '0' }, external, [['currentAverageValue', 'averageValue']]);
    out.external = { metric: identifier(external, 'metricSelector'), current };
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The behavior annotation: json.Marshal of the internal HorizontalPodAutoscalerBehavior.

const goRules = (r: unknown): JsonValue => {
  if (!isObject(r)) return null;
  const policies = Array.isArray(r.policies)
    ? r.policies.map((p) => {
        const q = obj(p);
        return { Type: (q.type ?? '') as JsonValue, Value: (q.value ?? 0) as JsonValue, PeriodSeconds: (q.periodSeconds ?? 0) as JsonValue };
      })
    : null;
  return {
    StabilizationWindowSeconds: (r.stabilizationWindowSeconds ?? null) as JsonValue,
    SelectPolicy: (r.selectPolicy ?? null) as JsonValue,
    Policies: policies,
    Tolerance: (r.tolerance ?? null) as JsonValue,
  };
};

/** The annotation text for a v2 behavior. */
export function encodeBehavior(behavior: unknown): string {
  // Normalizing first canonicalizes quantities and drops what Go would not decode.
  const b = JSON.parse(marshal(v2Behavior, behavior)) as Obj;
  return stringifyLikeGo({ ScaleUp: goRules(b.scaleUp), ScaleDown: goRules(b.scaleDown) });
}

/** The v2 behavior in an annotation, or undefined when it does not parse or is empty. */
export function decodeBehavior(text: string): Obj | undefined {
  // The internal type's Go field names differ from v2's json names only in case, and Go's
  // decoder matches keys case-insensitively: decoding with v2's schema reads both.
  const b = unmarshal(v2Behavior, text);
  if (!isObject(b) || (!present(b.scaleUp) && !present(b.scaleDown))) return undefined;
  return b;
}

// ---------------------------------------------------------------------------------------
// The objects.

/** autoscaling/v2 -> autoscaling/v1. */
export function hpaToV1(input: Obj): Obj {
  const out = clone(input);
  deleteAnnotations(out, ...roundTripAnnotations);
  const spec = objectAt(out, 'spec');
  const status = objectAt(out, 'status');
  const metrics = (arrayAt(spec, 'metrics') ?? []).map(obj);
  const currentMetrics = (arrayAt(status, 'currentMetrics') ?? []).map(obj);
  const conditions = arrayAt(status, 'conditions') ?? [];
  const behavior = spec?.behavior;

  if (spec) {
    delete spec.metrics;
    delete spec.behavior;
    delete spec.targetCPUUtilizationPercentage;
    // The first CPU resource metric decides, whatever its target type.
    const cpu = metrics.find(isCPUResource);
    const target = cpu && obj(obj(cpu.resource).target);
    if (target && present(target.averageUtilization)) spec.targetCPUUtilizationPercentage = target.averageUtilization;
  }
  if (status) {
    delete status.currentMetrics;
    delete status.conditions;
    delete status.currentCPUUtilizationPercentage;
    for (const m of currentMetrics) {
      // No break upstream: the last CPU utilization wins.
      const current = isCPUResource(m) ? obj(obj(m.resource).current) : undefined;
      if (current && present(current.averageUtilization)) status.currentCPUUtilizationPercentage = current.averageUtilization;
    }
  }

  // NB (upstream): all current metrics are saved, the CPU one too, to keep its raw value.
  const otherMetrics = metrics.filter((m) => !(isCPUResource(m) && present(obj(obj(m.resource).target).averageUtilization))).map(metricSpecToV1);
  if (otherMetrics.length > 0) setAnnotation(out, metricSpecsAnnotation, marshal(v1MetricSpecs, otherMetrics));
  if (currentMetrics.length > 0) setAnnotation(out, metricStatusesAnnotation, marshal(v1MetricStatuses, currentMetrics.map(metricStatusToV1)));
  if (present(behavior)) setAnnotation(out, behaviorSpecsAnnotation, encodeBehavior(behavior));
  if (conditions.length > 0) setAnnotation(out, conditionsAnnotation, marshal(v1Conditions, conditions));
  return out;
}

/** autoscaling/v1 -> autoscaling/v2. */
export function hpaFromV1(input: Obj): Obj {
  const out = clone(input);
  const spec = ensureObject(out, 'spec');
  const cpuTarget = spec.targetCPUUtilizationPercentage;
  // v2's fields are not v1's: whatever the input has under their names, Go drops.
  delete spec.targetCPUUtilizationPercentage;
  delete spec.metrics;
  delete spec.behavior;
  let metrics: Obj[] = [];
  if (present(cpuTarget)) metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuTarget } } }];

  const status = objectAt(out, 'status');
  const cpuCurrent = status?.currentCPUUtilizationPercentage;
  if (status) {
    delete status.currentCPUUtilizationPercentage;
    delete status.currentMetrics;
    delete status.conditions;
    if (present(cpuCurrent)) status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpuCurrent } } }];
  }

  if (hasAnnotation(input, metricSpecsAnnotation)) {
    const other = unmarshal(v1MetricSpecs, getAnnotation(input, metricSpecsAnnotation) ?? '');
    // The normal spec conversion may have made the CPU metric: it goes after the others.
    if (other !== undefined) metrics = [...(Array.isArray(other) ? other : []).map((m) => metricSpecFromV1(obj(m))), ...metrics];
  }
  if (hasAnnotation(input, behaviorSpecsAnnotation)) {
    const behavior = decodeBehavior(getAnnotation(input, behaviorSpecsAnnotation) ?? '');
    if (behavior) spec.behavior = behavior;
  }
  if (hasAnnotation(input, metricStatusesAnnotation)) {
    // "ignore any existing status values -- the ones here have more information"
    const current = unmarshal(v1MetricStatuses, getAnnotation(input, metricStatusesAnnotation) ?? '');
    if (current !== undefined) ensureObject(out, 'status').currentMetrics = (Array.isArray(current) ? current : []).map((m) => metricStatusFromV1(obj(m)));
  }
  // autoscaling/v1's implicit default, applied here where all the metrics are known.
  if (metrics.length === 0) {
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: defaultCPUUtilization } } }];
  }
  spec.metrics = metrics;
  if (hasAnnotation(input, conditionsAnnotation)) {
    const conditions = unmarshal(v1Conditions, getAnnotation(input, conditionsAnnotation) ?? '');
    if (Array.isArray(conditions)) ensureObject(out, 'status').conditions = conditions;
  }
  deleteAnnotations(out, ...roundTripAnnotations);
  return out;
}
