/**
 * coordination.k8s.io/v1 Lease validation as kube-apiserver 1.33 runs it
 * (pkg/apis/coordination/validation). Leases use apimachinery's ObjectMeta checks
 * directly (without the core API's finalizer-name rule).
 */
import { type FieldError, FieldPath, forbidden, invalid, notSupported } from '../../apimachinery/field.ts';
import { isQualifiedName, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from '../../apimachinery/validation.ts';
import { type JSONObject, metaOf, objOrEmpty, optNum, optStr } from './util.ts';

/**
 * CoordinatedLeaderElection is off by default in 1.33: the strategy drops
 * spec.strategy and spec.preferredHolder before validation, so they are not checked.
 */
const coordinatedLeaderElection = false;

const leaseStrategies = ['OldestEmulationVersion'];

/** Upstream's ValidateCoordinatedLeaseStrategy (it names the path `<path>.strategy`). */
export function validateCoordinatedLeaseStrategy(strategy: string, path: FieldPath): FieldError[] {
  const p = path.child('strategy');
  if (strategy.split('/').length === 1) return leaseStrategies.includes(strategy) ? [] : [notSupported(p, strategy, leaseStrategies)];
  return isQualifiedName(strategy).map((msg) => invalid(p, strategy, msg));
}

function validateLeaseSpec(s: JSONObject): FieldError[] {
  const path = FieldPath.root('spec');
  const errs: FieldError[] = [];
  const duration = optNum(s.leaseDurationSeconds);
  if (duration !== undefined && duration <= 0) errs.push(invalid(path.child('leaseDurationSeconds'), duration, 'must be greater than 0'));
  const transitions = optNum(s.leaseTransitions);
  if (transitions !== undefined && transitions < 0) errs.push(invalid(path.child('leaseTransitions'), transitions, 'must be greater than or equal to 0'));
  if (coordinatedLeaderElection) {
    const strategy = optStr(s.strategy);
    if (strategy !== undefined) errs.push(...validateCoordinatedLeaseStrategy(strategy, path.child('strategy')));
    const holder = optStr(s.preferredHolder);
    if (holder !== undefined && holder !== '' && (strategy === undefined || strategy === '')) {
      errs.push(forbidden(path.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
    }
  }
  return errs;
}

/** A Lease. */
export function validateLease(o: JSONObject, old?: JSONObject): FieldError[] {
  const meta = old ? validateObjectMetaUpdate(metaOf(o), metaOf(old)) : validateObjectMeta(metaOf(o), true, nameIsDNSSubdomain);
  return [...meta, ...validateLeaseSpec(objOrEmpty(o.spec))];
}
