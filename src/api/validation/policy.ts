/**
 * policy/v1 PodDisruptionBudget validation as kube-apiserver 1.33 runs it
 * (pkg/apis/policy/validation and the PDB strategy). Upstream's PDB validation checks only
 * the spec; metadata is left to the generic registry checks.
 */
import { type FieldError, FieldPath, invalid, notSupported } from '../../apimachinery/field.ts';
import { GoRepr } from '../../apimachinery/go-format.ts';
import { type LabelSelectorLike, validateLabelSelector } from '../../apimachinery/validation.ts';
import { type JSONObject, goPointer, isNotMoreThan100Percent, isSet, obj, objOrEmpty, optStr, validatePositiveIntOrPercent } from './util.ts';

const evictionPolicies = ['AlwaysAllow', 'IfHealthyBudget'];

function goPDBSpec(s: JSONObject): GoRepr {
  return new GoRepr(
    `policy.PodDisruptionBudgetSpec{MinAvailable:${goPointer('intstr.IntOrString', isSet(s.minAvailable))}, ` +
      `Selector:${goPointer('v1.LabelSelector', isSet(s.selector))}, MaxUnavailable:${goPointer('intstr.IntOrString', isSet(s.maxUnavailable))}, ` +
      `UnhealthyPodEvictionPolicy:${goPointer('policy.UnhealthyPodEvictionPolicyType', isSet(s.unhealthyPodEvictionPolicy))}}`,
  );
}

function validatePDBSpec(s: JSONObject, allowInvalidLabelValueInSelector: boolean): FieldError[] {
  const path = FieldPath.root('spec');
  const errs: FieldError[] = [];
  if (isSet(s.minAvailable) && isSet(s.maxUnavailable)) errs.push(invalid(path, goPDBSpec(s), 'minAvailable and maxUnavailable cannot be both set'));
  for (const f of ['minAvailable', 'maxUnavailable']) {
    if (!isSet(s[f])) continue;
    errs.push(...validatePositiveIntOrPercent(s[f], path.child(f)), ...isNotMoreThan100Percent(s[f], path.child(f)));
  }
  const sel = obj(s.selector);
  if (sel) errs.push(...validateLabelSelector(sel as LabelSelectorLike, { allowInvalidLabelValueInSelector }, path.child('selector')));
  const policy = optStr(s.unhealthyPodEvictionPolicy);
  if (policy !== undefined && !evictionPolicies.includes(policy)) errs.push(notSupported(path.child('unhealthyPodEvictionPolicy'), policy, evictionPolicies));
  return errs;
}

/** A PodDisruptionBudget; on update an already-invalid selector may keep invalid label values. */
export function validatePodDisruptionBudget(o: JSONObject, old?: JSONObject): FieldError[] {
  let allowInvalid = false;
  if (old) {
    const oldSel = obj(objOrEmpty(old.spec).selector);
    allowInvalid = oldSel !== undefined && validateLabelSelector(oldSel as LabelSelectorLike, {}, FieldPath.root('selector')).length > 0;
  }
  return validatePDBSpec(objOrEmpty(o.spec), allowInvalid);
}
