/**
 * autoscaling HorizontalPodAutoscaler validation as kube-apiserver 1.33 runs it
 * (pkg/apis/autoscaling/validation and the HPA strategy). Upstream validates the internal
 * form, which has autoscaling/v2's shape; an autoscaling/v1 object is first converted the
 * way upstream converts it (targetCPUUtilizationPercentage becomes a Resource metric), so
 * errors carry the internal field paths, e.g. `spec.metrics[0].resource.target.averageUtilization`.
 */
import { type FieldError, FieldPath, forbidden, invalid, notSupported, required } from '../../apimachinery/field.ts';
import { Quantity } from '../../apimachinery/quantity.ts';
import { isQualifiedName, isValidPathSegmentName, nameIsDNSSubdomain } from '../../apimachinery/validation.ts';
import {
  type JSONObject,
  arr,
  coreObjectMeta,
  coreObjectMetaUpdate,
  goQuantity,
  isSet,
  num,
  obj,
  objOrEmpty,
  optNum,
  optStr,
  str,
  validateDNS1123Label,
} from './util.ts';

const maxPeriodSeconds = 1800;
const maxStabilizationWindowSeconds = 3600;

const metricSourceTypes = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

/**
 * The spec in autoscaling/v2 (internal) shape. An autoscaling/v1 object (by apiVersion, or
 * by its v1-only field) is converted: targetCPUUtilizationPercentage becomes the CPU
 * utilization Resource metric.
 */
export function hpaSpecAsV2(o: JSONObject): JSONObject {
  const s = objOrEmpty(o.spec);
  const isV1 = o.apiVersion === 'autoscaling/v1' || (o.apiVersion === undefined && 'targetCPUUtilizationPercentage' in s);
  if (!isV1) return s;
  const out: JSONObject = { scaleTargetRef: s.scaleTargetRef, minReplicas: s.minReplicas, maxReplicas: s.maxReplicas };
  if (isSet(s.targetCPUUtilizationPercentage)) {
    out.metrics = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: s.targetCPUUtilizationPercentage } } },
    ];
  }
  return out;
}

/** Upstream's ValidateCrossVersionObjectReference (kind and name required, path segments). */
function validateCrossVersionObjectReference(ref: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['kind', 'name']) {
    const v = str(ref[f]);
    if (v === '') errs.push(required(path.child(f), ''));
    else for (const msg of isValidPathSegmentName(v)) errs.push(invalid(path.child(f), v, msg));
  }
  return errs;
}

function quantitySign(v: unknown): number | undefined {
  try {
    return Quantity.parse(String(v).trim()).sign();
  } catch {
    return undefined;
  }
}

function validateMetricTarget(t: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(t.type);
  if (type === '') errs.push(required(path.child('type'), 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') {
    errs.push(invalid(path.child('type'), type, 'must be either Utilization, Value, or AverageValue'));
  }
  for (const f of ['value', 'averageValue']) {
    if (isSet(t[f]) && quantitySign(t[f]) !== 1 && quantitySign(t[f]) !== undefined) {
      errs.push(invalid(path.child(f), goQuantity(String(t[f])), 'must be positive'));
    }
  }
  const util = optNum(t.averageUtilization);
  if (util !== undefined && util < 1) errs.push(invalid(path.child('averageUtilization'), util, 'must be greater than 0'));
  return errs;
}

function validateMetricIdentifier(id: JSONObject, path: FieldPath): FieldError[] {
  const name = str(id.name);
  if (name === '') return [required(path.child('name'), 'must specify a metric name')];
  return isValidPathSegmentName(name).map((msg) => invalid(path.child('name'), name, msg));
}

const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);
const standardResources = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets',
  'persistentvolumeclaims', 'configmaps', 'services.nodeports', 'services.loadbalancers', 'requests.storage',
]);
const isHugePages = (name: string) => name.startsWith('hugepages-');
const isNativeResource = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');

/** Core/v1's ValidateContainerResourceName. */
function validateContainerResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  const single = name.split('/').length === 1;
  if (errs.length === 0 && single && !standardResources.has(name) && !isHugePages(name) && !name.startsWith('requests.hugepages-')) {
    errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  }
  if (single) {
    if (!standardContainerResources.has(name) && !isHugePages(name)) errs.push(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name)) {
    const extended = !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
    if (!extended) errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function validateRawOrUtilization(target: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!isSet(target.averageUtilization) && !isSet(target.averageValue)) {
    errs.push(required(path.child('target', 'averageUtilization'), 'must set either a target raw value or a target utilization'));
  }
  if (isSet(target.averageUtilization) && isSet(target.averageValue)) {
    errs.push(forbidden(path.child('target', 'averageValue'), 'may not set both a target raw value and a target utilization'));
  }
  return errs;
}

function validateSource(kind: string, src: JSONObject, path: FieldPath): FieldError[] {
  const target = objOrEmpty(src.target);
  const errs: FieldError[] = [];
  switch (kind) {
    case 'object':
      errs.push(...validateCrossVersionObjectReference(objOrEmpty(src.describedObject), path.child('describedObject')));
      errs.push(...validateMetricIdentifier(objOrEmpty(src.metric), path.child('metric')));
      errs.push(...validateMetricTarget(target, path.child('target')));
      if (!isSet(target.value) && !isSet(target.averageValue)) {
        errs.push(required(path.child('target', 'averageValue'), 'must set either a target value or averageValue'));
      }
      break;
    case 'external':
      errs.push(...validateMetricIdentifier(objOrEmpty(src.metric), path.child('metric')));
      errs.push(...validateMetricTarget(target, path.child('target')));
      if (!isSet(target.value) && !isSet(target.averageValue)) {
        errs.push(required(path.child('target', 'averageValue'), 'must set either a target value for metric or a per-pod target'));
      }
      if (isSet(target.value) && isSet(target.averageValue)) {
        errs.push(forbidden(path.child('target', 'value'), 'may not set both a target value for metric and a per-pod target'));
      }
      break;
    case 'pods':
      errs.push(...validateMetricIdentifier(objOrEmpty(src.metric), path.child('metric')));
      errs.push(...validateMetricTarget(target, path.child('target')));
      if (!isSet(target.averageValue)) errs.push(required(path.child('target', 'averageValue'), 'must specify a positive target averageValue'));
      break;
    case 'resource':
      if (str(src.name) === '') errs.push(required(path.child('name'), 'must specify a resource name'));
      errs.push(...validateMetricTarget(target, path.child('target')));
      errs.push(...validateRawOrUtilization(target, path));
      break;
    case 'containerResource': {
      const name = str(src.name);
      if (name === '') errs.push(required(path.child('name'), 'must specify a resource name'));
      else errs.push(...validateContainerResourceName(name, path.child('name')));
      const container = str(src.container);
      if (container === '') errs.push(required(path.child('container'), 'must specify a container'));
      else errs.push(...validateDNS1123Label(container, path.child('container')));
      errs.push(...validateMetricTarget(target, path.child('target')));
      errs.push(...validateRawOrUtilization(target, path));
      break;
    }
  }
  return errs;
}

/** The source fields in the order upstream looks at them, with their metric types. */
const sourceFields: [string, string][] = [
  ['object', 'Object'],
  ['external', 'External'],
  ['pods', 'Pods'],
  ['resource', 'Resource'],
  ['containerResource', 'ContainerResource'],
];

function validateMetricSpec(m: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(m.type);
  if (type === '') errs.push(required(path.child('type'), 'must specify a metric source type'));
  if (!metricSourceTypes.includes(type)) errs.push(notSupported(path.child('type'), type, metricSourceTypes));
  // Only the first source present is validated; the others are reported below.
  const present: string[] = [];
  for (const [f] of sourceFields) {
    const src = obj(m[f]);
    if (!src) continue;
    present.push(f);
    if (present.length === 1) errs.push(...validateSource(f, src, path.child(f)));
  }
  const expected = sourceFields.find(([, t]) => t === type)?.[0];
  if (expected === undefined) {
    errs.push(notSupported(path.child('type'), type, metricSourceTypes));
  } else if (!obj(m[expected])) {
    errs.push(required(path.child(expected), 'must populate information for the given metric source'));
  }
  if (present.length !== 1) {
    for (const f of present) if (f !== expected) errs.push(forbidden(path.child(f), 'must populate the given metric source only'));
  }
  return errs;
}

function validateScalingRules(rules: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const window = optNum(rules.stabilizationWindowSeconds);
  if (window !== undefined && window < 0) errs.push(invalid(path.child('stabilizationWindowSeconds'), window, 'must be greater than or equal to zero'));
  if (window !== undefined && window > maxStabilizationWindowSeconds) {
    errs.push(invalid(path.child('stabilizationWindowSeconds'), window, `must be less than or equal to ${maxStabilizationWindowSeconds}`));
  }
  const select = optStr(rules.selectPolicy);
  if (select !== undefined && !['Disabled', 'Max', 'Min'].includes(select)) errs.push(notSupported(path.child('selectPolicy'), select, ['Disabled', 'Max', 'Min']));
  const policies = arr(rules.policies);
  if (policies.length === 0) errs.push(required(path.child('policies'), 'must specify at least one Policy'));
  policies.forEach((p, i) => {
    const policy = objOrEmpty(p);
    const pp = path.child('policies').index(i);
    const type = str(policy.type);
    if (type !== 'Pods' && type !== 'Percent') errs.push(notSupported(pp.child('type'), type, ['Percent', 'Pods']));
    if (num(policy.value) <= 0) errs.push(invalid(pp.child('value'), num(policy.value), 'must be greater than zero'));
    const period = num(policy.periodSeconds);
    if (period <= 0) errs.push(invalid(pp.child('periodSeconds'), period, 'must be greater than zero'));
    if (period > maxPeriodSeconds) errs.push(invalid(pp.child('periodSeconds'), period, `must be less than or equal to ${maxPeriodSeconds}`));
  });
  return errs;
}

function validateHPASpec(s: JSONObject, minReplicasLowerBound: number): FieldError[] {
  const path = FieldPath.root('spec');
  const errs: FieldError[] = [];
  const minReplicas = optNum(s.minReplicas);
  const maxReplicas = num(s.maxReplicas);
  if (minReplicas !== undefined && minReplicas < minReplicasLowerBound) {
    errs.push(invalid(path.child('minReplicas'), minReplicas, `must be greater than or equal to ${minReplicasLowerBound}`));
  }
  if (maxReplicas < 1) errs.push(invalid(path.child('maxReplicas'), maxReplicas, 'must be greater than 0'));
  if (minReplicas !== undefined && maxReplicas < minReplicas) {
    errs.push(invalid(path.child('maxReplicas'), maxReplicas, 'must be greater than or equal to `minReplicas`'));
  }
  errs.push(...validateCrossVersionObjectReference(objOrEmpty(s.scaleTargetRef), path.child('scaleTargetRef')));
  let hasObjectOrExternal = false;
  arr(s.metrics).forEach((m, i) => {
    const metric = objOrEmpty(m);
    errs.push(...validateMetricSpec(metric, path.child('metrics').index(i)));
    if (metric.type === 'Object' || metric.type === 'External') hasObjectOrExternal = true;
  });
  if (minReplicas === 0 && !hasObjectOrExternal) {
    errs.push(forbidden(path.child('metrics'), 'must specify at least one Object or External metric to support scaling to zero replicas'));
  }
  const behavior = obj(s.behavior);
  if (behavior) {
    for (const dir of ['scaleUp', 'scaleDown']) {
      const rules = obj(behavior[dir]);
      if (rules) errs.push(...validateScalingRules(rules, path.child('behavior', dir)));
    }
  }
  return errs;
}

/**
 * A HorizontalPodAutoscaler (autoscaling/v1 or v2). minReplicas must be at least 1
 * (HPAScaleToZero is alpha and off), or 0 when the stored object already has 0.
 */
export function validateHorizontalPodAutoscaler(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = hpaSpecAsV2(o);
  if (!old) return [...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateHPASpec(s, 1)];
  const lowerBound = optNum(objOrEmpty(old.spec).minReplicas) === 0 ? 0 : 1;
  return [...coreObjectMetaUpdate(o, old), ...validateHPASpec(s, lowerBound)];
}
