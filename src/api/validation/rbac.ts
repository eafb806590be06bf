/**
 * rbac.authorization.k8s.io/v1 validation as kube-apiserver 1.33 runs it
 * (pkg/apis/rbac/validation and the RBAC strategies): Role, ClusterRole, RoleBinding and
 * ClusterRoleBinding. Role and binding names only need to be valid path segments.
 */
import { type FieldError, FieldPath, invalid, notSupported, required } from '../../apimachinery/field.ts';
import { GoRepr, goStringSlice, goQuote } from '../../apimachinery/go-format.ts';
import { labelSelectorAsSelector } from '../../apimachinery/labels.ts';
import {
  type LabelSelectorLike,
  type ValidateNameFunc,
  isValidPathSegmentName,
  nameIsDNSSubdomain,
  validateLabelSelector,
} from '../../apimachinery/validation.ts';
import { type JSONObject, arr, coreObjectMeta, coreObjectMetaUpdate, obj, objOrEmpty, str, strArr } from './util.ts';

export const rbacGroupName = 'rbac.authorization.k8s.io';

/** Upstream's ValidateRBACName: any name that is a valid path segment. */
export const validateRBACName: ValidateNameFunc = (name) => isValidPathSegmentName(name);

/** Upstream's ValidatePolicyRule. */
function validatePolicyRule(rule: JSONObject, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (arr(rule.verbs).length === 0) errs.push(required(path.child('verbs'), 'verbs must contain at least one value'));
  const urls = arr(rule.nonResourceURLs);
  if (urls.length > 0) {
    const repr = goStringSlice(strArr(rule.nonResourceURLs));
    if (namespaced) errs.push(invalid(path.child('nonResourceURLs'), repr, 'namespaced rules cannot apply to non-resource URLs'));
    if (arr(rule.apiGroups).length > 0 || arr(rule.resources).length > 0 || arr(rule.resourceNames).length > 0) {
      errs.push(invalid(path.child('nonResourceURLs'), repr, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (arr(rule.apiGroups).length === 0) errs.push(required(path.child('apiGroups'), 'resource rules must supply at least one api group'));
  if (arr(rule.resources).length === 0) errs.push(required(path.child('resources'), 'resource rules must supply at least one resource'));
  return errs;
}

function validateRules(o: JSONObject, namespaced: boolean): FieldError[] {
  return arr(o.rules).flatMap((r, i) => validatePolicyRule(objOrEmpty(r), namespaced, FieldPath.root('rules').index(i)));
}

function roleCreate(o: JSONObject): FieldError[] {
  return [...coreObjectMeta(o, true, validateRBACName), ...validateRules(o, true)];
}

/** A Role; on update upstream runs the create checks twice (strategy and update check) and the metadata update check. */
export function validateRole(o: JSONObject, old?: JSONObject): FieldError[] {
  if (!old) return roleCreate(o);
  return [...roleCreate(o), ...roleCreate(o), ...coreObjectMetaUpdate(o, old)];
}

function clusterRoleCreate(o: JSONObject, allowInvalidLabelValueInSelector: boolean): FieldError[] {
  const errs = [...coreObjectMeta(o, false, validateRBACName), ...validateRules(o, false)];
  const aggregation = obj(o.aggregationRule);
  if (aggregation) {
    const selectors = arr(aggregation.clusterRoleSelectors);
    const path = FieldPath.root('aggregationRule', 'clusterRoleSelectors');
    if (selectors.length === 0) errs.push(required(path, 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    selectors.forEach((s, i) => {
      const sel = objOrEmpty(s) as LabelSelectorLike;
      errs.push(...validateLabelSelector(sel, { allowInvalidLabelValueInSelector }, path.index(i)));
      try {
        labelSelectorAsSelector(sel);
      } catch {
        // Upstream reports the (nil) converted selector.
        errs.push(invalid(path.index(i), null, 'invalid label selector.'));
      }
    });
  }
  return errs;
}

function hasInvalidAggregationSelector(old: JSONObject): boolean {
  const aggregation = obj(old.aggregationRule);
  if (!aggregation) return false;
  return arr(aggregation.clusterRoleSelectors).some((s) => validateLabelSelector(objOrEmpty(s) as LabelSelectorLike, {}, FieldPath.root('x')).length > 0);
}

/** A ClusterRole, with its aggregation rule's selectors. */
export function validateClusterRole(o: JSONObject, old?: JSONObject): FieldError[] {
  if (!old) return clusterRoleCreate(o, false);
  const allow = hasInvalidAggregationSelector(old);
  return [...clusterRoleCreate(o, allow), ...clusterRoleCreate(o, allow), ...coreObjectMetaUpdate(o, old)];
}

/** Upstream's ValidateRoleBindingSubject. */
function validateSubject(subject: JSONObject, namespaced: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(subject.name);
  const apiGroup = str(subject.apiGroup);
  if (name === '') errs.push(required(path.child('name'), ''));
  const kind = str(subject.kind);
  switch (kind) {
    case 'ServiceAccount':
      if (name !== '') for (const msg of nameIsDNSSubdomain(name, false)) errs.push(invalid(path.child('name'), name, msg));
      if (apiGroup !== '') errs.push(notSupported(path.child('apiGroup'), apiGroup, ['']));
      if (!namespaced && str(subject.namespace) === '') errs.push(required(path.child('namespace'), ''));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== rbacGroupName) errs.push(notSupported(path.child('apiGroup'), apiGroup, [rbacGroupName]));
      break;
    default:
      errs.push(notSupported(path.child('kind'), kind, ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

function bindingCreate(o: JSONObject, namespaced: boolean): FieldError[] {
  const errs = coreObjectMeta(o, namespaced, validateRBACName);
  const ref = objOrEmpty(o.roleRef);
  const apiGroup = str(ref.apiGroup);
  if (apiGroup !== rbacGroupName) errs.push(notSupported(FieldPath.root('roleRef', 'apiGroup'), apiGroup, [rbacGroupName]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  const kind = str(ref.kind);
  if (!kinds.includes(kind)) errs.push(notSupported(FieldPath.root('roleRef', 'kind'), kind, kinds));
  const name = str(ref.name);
  if (name === '') errs.push(required(FieldPath.root('roleRef', 'name'), ''));
  else for (const msg of validateRBACName(name, false)) errs.push(invalid(FieldPath.root('roleRef', 'name'), name, msg));
  arr(o.subjects).forEach((s, i) => errs.push(...validateSubject(objOrEmpty(s), namespaced, FieldPath.root('subjects').index(i))));
  return errs;
}

function goRoleRef(ref: JSONObject): GoRepr {
  return new GoRepr(`rbac.RoleRef{APIGroup:${goQuote(str(ref.apiGroup))}, Kind:${goQuote(str(ref.kind))}, Name:${goQuote(str(ref.name))}}`);
}

function bindingUpdate(o: JSONObject, old: JSONObject, namespaced: boolean): FieldError[] {
  const errs = [...bindingCreate(o, namespaced), ...bindingCreate(o, namespaced), ...coreObjectMetaUpdate(o, old)];
  const ref = objOrEmpty(o.roleRef);
  const oldRef = objOrEmpty(old.roleRef);
  if (['apiGroup', 'kind', 'name'].some((f) => str(ref[f]) !== str(oldRef[f]))) {
    errs.push(invalid(FieldPath.root('roleRef'), goRoleRef(ref), 'cannot change roleRef'));
  }
  return errs;
}

/** A RoleBinding; its roleRef cannot change. */
export function validateRoleBinding(o: JSONObject, old?: JSONObject): FieldError[] {
  return old ? bindingUpdate(o, old, true) : bindingCreate(o, true);
}

/** A ClusterRoleBinding; its roleRef cannot change, and ServiceAccount subjects need a namespace. */
export function validateClusterRoleBinding(o: JSONObject, old?: JSONObject): FieldError[] {
  return old ? bindingUpdate(o, old, false) : bindingCreate(o, false);
}
