/**
 * scheduling.k8s.io/v1 PriorityClass validation as kube-apiserver 1.33 runs it
 * (pkg/apis/scheduling/validation).
 */
import { type FieldError, FieldPath, forbidden, notSupported, required } from '../../apimachinery/field.ts';
import { nameIsDNSSubdomain, validateImmutableField } from '../../apimachinery/validation.ts';
import { type JSONObject, coreObjectMeta, coreObjectMetaUpdate, metaOf, num, optStr } from './util.ts';

export const systemPriorityClassPrefix = 'system-';
export const highestUserDefinablePriority = 1000000000;
const systemCriticalPriority = 2 * highestUserDefinablePriority;

/** The predefined system priority classes. */
export const systemPriorityClasses = [
  { name: 'system-node-critical', value: systemCriticalPriority + 1000, globalDefault: false },
  { name: 'system-cluster-critical', value: systemCriticalPriority, globalDefault: false },
] as const;

/** Upstream's IsKnownSystemPriorityClass: undefined when known, else the reason. */
function knownSystemPriorityClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const spc = systemPriorityClasses.find((c) => c.name === name);
  if (!spc) return `${name} is not a known system priority class`;
  if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
  if (spc.globalDefault !== globalDefault) return `globalDefault of ${spc.name} PriorityClass must be ${spc.globalDefault}`;
  return undefined;
}

/** Core's ValidatePreemptionPolicy. */
function validatePreemptionPolicy(policy: string, path: FieldPath): FieldError[] {
  if (policy === 'PreemptLowerPriority' || policy === 'Never') return [];
  if (policy === '') return [required(path, '')];
  return [notSupported(path, policy, ['PreemptLowerPriority', 'Never'])];
}

/** A PriorityClass (cluster-scoped); value and preemptionPolicy are immutable. */
export function validatePriorityClass(o: JSONObject, old?: JSONObject): FieldError[] {
  const value = num(o.value);
  if (old) {
    const errs = coreObjectMetaUpdate(o, old);
    if (value !== num(old.value)) errs.push(forbidden(FieldPath.root('value'), 'may not be changed in an update.'));
    errs.push(...validateImmutableField(optStr(o.preemptionPolicy) ?? null, optStr(old.preemptionPolicy) ?? null, FieldPath.root('preemptionPolicy')));
    return errs;
  }
  const errs = coreObjectMeta(o, false, nameIsDNSSubdomain);
  const name = metaOf(o).name ?? '';
  if (name.startsWith(systemPriorityClassPrefix)) {
    const err = knownSystemPriorityClassError(name, value, o.globalDefault === true);
    if (err !== undefined) {
      errs.push(forbidden(FieldPath.root('metadata', 'name'), `priority class names with '${systemPriorityClassPrefix}' prefix are reserved for system use only. error: ${err}`));
    }
  } else if (value > highestUserDefinablePriority) {
    errs.push(forbidden(FieldPath.root('value'), `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`));
  }
  const policy = optStr(o.preemptionPolicy);
  if (policy !== undefined) errs.push(...validatePreemptionPolicy(policy, FieldPath.root('preemptionPolicy')));
  return errs;
}
