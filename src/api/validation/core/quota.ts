/**
 * ResourceQuotas and LimitRanges as upstream's pkg/apis/core/validation (Kubernetes 1.33)
 * checks them, on the v1 JSON form.
 */
import { type FieldError, FieldPath, duplicate, forbidden, invalid, required } from '../../../apimachinery/field.ts';
import { GoRepr, goQuote, goStringSlice } from '../../../apimachinery/go-format.ts';
import type { Quantity } from '../../../apimachinery/quantity.ts';
import { isQualifiedName, nameIsDNSSubdomain } from '../../../apimachinery/validation.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './pod.ts';
import {
  type Obj,
  goQuantity,
  goTypedStrings,
  isOvercommitAllowed,
  isStandardQuotaResourceName,
  mapLen,
  obj,
  objList,
  present,
  resourceEntries,
  str,
  strList,
  validateContainerResourceName,
  validateResourceName,
  validateResourceQuantityValue,
} from './util.ts';

// ---------------------------------------------------------------------------------------
// ResourceQuota

const standardScopes = new Set(['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity']);
const podComputeResources = new Set(['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);

/** helper.IsResourceQuotaScopeValidForResource. */
function scopeValidForResource(scope: string, resource: string): boolean {
  switch (scope) {
    case 'Terminating':
    case 'NotTerminating':
    case 'NotBestEffort':
    case 'PriorityClass':
    case 'CrossNamespacePodAffinity':
      return resource === 'pods' || podComputeResources.has(resource);
    case 'BestEffort':
      return resource === 'pods';
    default:
      return true;
  }
}

/** Upstream's ValidateResourceQuotaResourceName. */
export function validateResourceQuotaResourceName(value: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(value, path);
  if (value.split('/').length === 1 && !isStandardQuotaResourceName(value)) return [...errs, invalid(path, value, 'must be a standard resource for quota')];
  return errs;
}

function validateResourceList(list: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, q] of resourceEntries(list)) {
    errs.push(...validateResourceQuotaResourceName(k, path.key(k)));
    errs.push(...validateResourceQuantityValue(k, q, path.key(k)));
  }
  return errs;
}

const conflictingScopes = [
  ['BestEffort', 'NotBestEffort'],
  ['Terminating', 'NotTerminating'],
];

function goScopeSelector(sel: Obj): GoRepr {
  const reqs = objList(sel.matchExpressions).map(
    (r) =>
      `core.ScopedResourceSelectorRequirement{ScopeName:${goQuote(str(r.scopeName))}, Operator:${goQuote(str(r.operator))}, Values:${goStringSlice(present(r, 'values') ? strList(r.values) : null).text}}`,
  );
  const exprs = present(sel, 'matchExpressions') ? `[]core.ScopedResourceSelectorRequirement{${reqs.join(', ')}}` : '[]core.ScopedResourceSelectorRequirement(nil)';
  return new GoRepr(`core.ScopeSelector{MatchExpressions:${exprs}}`);
}

/** Upstream's ValidateResourceQuotaSpec. */
export function validateResourceQuotaSpec(spec: Obj, path: FieldPath): FieldError[] {
  const errs = validateResourceList(spec.hard, path.child('hard'));
  const hard = resourceEntries(spec.hard).map(([k]) => k);
  const scopes = strList(spec.scopes);
  const scopesRepr = goTypedStrings('core.ResourceQuotaScope', present(spec, 'scopes') ? scopes : undefined);
  if (scopes.length > 0) {
    const p = path.child('scopes');
    for (const scope of scopes) {
      if (!standardScopes.has(scope)) errs.push(invalid(p, scopesRepr, 'unsupported scope'));
      for (const k of hard) {
        if (isStandardQuotaResourceName(k) && !scopeValidForResource(scope, k)) errs.push(invalid(p, scopesRepr, 'unsupported scope applied to resource'));
      }
    }
    for (const pair of conflictingScopes) if (pair.every((s) => scopes.includes(s))) errs.push(invalid(p, scopesRepr, 'conflicting scopes'));
  }
  const selector = obj(spec.scopeSelector);
  if (selector) {
    const p = path.child('scopeSelector').child('matchExpressions');
    const seen = new Set<string>();
    for (const req of objList(selector.matchExpressions)) {
      const scope = str(req.scopeName);
      const op = str(req.operator);
      const values = strList(req.values);
      if (!standardScopes.has(scope)) errs.push(invalid(p.child('scopeName'), scope, 'unsupported scope'));
      for (const k of hard) {
        if (isStandardQuotaResourceName(k) && !scopeValidForResource(scope, k)) errs.push(invalid(p, goScopeSelector(selector), 'unsupported scope applied to resource'));
      }
      if (['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity'].includes(scope) && op !== 'Exists') {
        errs.push(
          invalid(
            p.child('operator'),
            op,
            'must be \'Exists\' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity',
          ),
        );
      }
      switch (op) {
        case 'In':
        case 'NotIn':
          if (values.length === 0) errs.push(required(p.child('values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
          break;
        case 'Exists':
        case 'DoesNotExist':
          if (values.length !== 0) errs.push(invalid(p.child('values'), values, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
          break;
        default:
          errs.push(invalid(p.child('operator'), op, 'not a valid selector operator'));
      }
      seen.add(scope);
    }
    for (const pair of conflictingScopes) if (pair.every((s) => seen.has(s))) errs.push(invalid(p, scopesRepr, 'conflicting scopes'));
  }
  return errs;
}

/** Upstream's ValidateResourceQuota. */
export function validateResourceQuota(rq: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(rq, true, nameIsDNSSubdomain);
  errs.push(...validateResourceQuotaSpec(obj(rq.spec) ?? {}, FieldPath.root('spec')));
  const status = obj(rq.status) ?? {};
  errs.push(...validateResourceList(status.hard, FieldPath.root('status', 'hard')));
  errs.push(...validateResourceList(status.used, FieldPath.root('status', 'used')));
  return errs;
}

/** Upstream's ValidateResourceQuotaUpdate: the spec, and scopes that never change. */
export function validateResourceQuotaUpdate(rq: Obj, old: Obj): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(rq, old);
  const spec = obj(rq.spec) ?? {};
  errs.push(...validateResourceQuotaSpec(spec, FieldPath.root('spec')));
  const newScopes = new Set(strList(spec.scopes));
  const oldScopes = new Set(strList(obj(old.spec)?.scopes));
  if (newScopes.size !== oldScopes.size || [...newScopes].some((s) => !oldScopes.has(s))) {
    errs.push(invalid(FieldPath.root('spec', 'scopes'), goTypedStrings('core.ResourceQuotaScope', present(spec, 'scopes') ? strList(spec.scopes) : undefined), 'field is immutable'));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------
// LimitRange

function validateLimitRangeTypeName(value: string, path: FieldPath): FieldError[] {
  const errs = isQualifiedName(value).map((m) => invalid(path, value, m));
  if (errs.length !== 0) return errs;
  if (value.split('/').length === 1 && !['Pod', 'Container', 'PersistentVolumeClaim'].includes(value)) {
    return [invalid(path, value, 'must be a standard limit type or fully qualified')];
  }
  return errs;
}

function validateLimitRangeResourceName(limitType: string, value: string, path: FieldPath): FieldError[] {
  return limitType === 'Pod' || limitType === 'Container' ? validateContainerResourceName(value, path) : validateResourceName(value, path);
}

/** Go's %f. */
const goF = (x: number): string => (Number.isNaN(x) ? 'NaN' : x === Infinity ? '+Inf' : x === -Infinity ? '-Inf' : x.toFixed(6));

const maxMilli = 9223372036854775807n / 1000n;

/** Upstream's ValidateLimitRange (create and update alike). */
export function validateLimitRange(lr: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(lr, true, nameIsDNSSubdomain);
  const types = new Set<string>();
  objList(obj(lr.spec)?.limits).forEach((limit, i) => {
    const p = FieldPath.root('spec', 'limits').index(i);
    const type = str(limit.type);
    errs.push(...validateLimitRangeTypeName(type, p.child('type')));
    if (types.has(type)) errs.push(duplicate(p.child('type'), type));
    types.add(type);
    const keys = new Set<string>();
    const collect = (field: string): Map<string, Quantity> => {
      const m = new Map<string, Quantity>();
      for (const [k, q] of resourceEntries(limit[field])) {
        errs.push(...validateLimitRangeResourceName(type, k, p.child(field).key(k)));
        keys.add(k);
        m.set(k, q);
      }
      return m;
    };
    const max = collect('max');
    const min = collect('min');
    let defaults = new Map<string, Quantity>();
    let defaultRequests = new Map<string, Quantity>();
    if (type === 'Pod') {
      if (mapLen(limit.default) > 0) errs.push(forbidden(p.child('default'), "may not be specified when `type` is 'Pod'"));
      if (mapLen(limit.defaultRequest) > 0) errs.push(forbidden(p.child('defaultRequest'), "may not be specified when `type` is 'Pod'"));
    } else {
      defaults = collect('default');
      defaultRequests = collect('defaultRequest');
    }
    if (type === 'PersistentVolumeClaim' && !min.has('storage') && !max.has('storage')) {
      errs.push(required(p.child('limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    }
    const ratios = collect('maxLimitRequestRatio');
    for (const k of [...keys].sort()) {
      const mn = min.get(k);
      const mx = max.get(k);
      const def = defaults.get(k);
      const defReq = defaultRequests.get(k);
      const ratio = ratios.get(k);
      if (mn && mx && mn.cmp(mx) > 0) errs.push(invalid(p.child('min').key(k), goQuantity(mn), `min value ${mn} is greater than max value ${mx}`));
      if (defReq && mn && mn.cmp(defReq) > 0) errs.push(invalid(p.child('defaultRequest').key(k), goQuantity(defReq), `min value ${mn} is greater than default request value ${defReq}`));
      if (defReq && mx && defReq.cmp(mx) > 0) errs.push(invalid(p.child('defaultRequest').key(k), goQuantity(defReq), `default request value ${defReq} is greater than max value ${mx}`));
      if (defReq && def && defReq.cmp(def) > 0) {
        errs.push(invalid(p.child('defaultRequest').key(k), goQuantity(defReq), `default request value ${defReq} is greater than default limit value ${def}`));
      }
      if (def && mn && mn.cmp(def) > 0) errs.push(invalid(p.child('default').key(k), goQuantity(mn), `min value ${mn} is greater than default value ${def}`));
      if (def && mx && def.cmp(mx) > 0) errs.push(invalid(p.child('default').key(k), goQuantity(mx), `default value ${def} is greater than max value ${mx}`));
      if (ratio && ratio.cmpInt(1) < 0) errs.push(invalid(p.child('maxLimitRequestRatio').key(k), goQuantity(ratio), `ratio ${ratio} is less than 1`));
      if (ratio && mn && mx) {
        let ratioValue = Number(ratio.scaledValueBig(0));
        let minValue = mn.scaledValueBig(0);
        let maxValue = mx.scaledValueBig(0);
        if (ratio.scaledValueBig(0) < maxMilli && minValue < maxMilli && maxValue < maxMilli) {
          ratioValue = Number(ratio.scaledValueBig(-3)) / 1000;
          minValue = mn.scaledValueBig(-3);
          maxValue = mx.scaledValueBig(-3);
        }
        const limitRatio = Number(maxValue) / Number(minValue);
        if (ratioValue > limitRatio) {
          errs.push(invalid(p.child('maxLimitRequestRatio').key(k), goQuantity(ratio), `ratio ${ratio} is greater than max/min = ${goF(limitRatio)}`));
        }
      }
      if (!isOvercommitAllowed(k) && def && defReq && def.cmp(defReq) !== 0) {
        errs.push(invalid(p.child('defaultRequest').key(k), goQuantity(defReq), `default value ${def} must equal to defaultRequest value ${defReq} in ${k}`));
      }
    }
  });
  return errs;
}
