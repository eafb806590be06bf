/**
 * ReplicationControllers as upstream's pkg/apis/core/validation (Kubernetes 1.33) checks
 * them, on the v1 JSON form.
 */
import { type FieldError, FieldPath, forbidden, invalid, notSupported, required } from '../../../apimachinery/field.ts';
import { nameIsDNSSubdomain, validateNonnegativeField } from '../../../apimachinery/validation.ts';
import { type PodValidationOptions, podValidationOptionsFor, validateCoreObjectMeta, validateCoreObjectMetaUpdate, validatePodTemplateSpec } from './pod.ts';
import { type Obj, goLabels, num, obj, present, str, strMap } from './util.ts';

/** Whether a label set satisfies an equality selector (every key present with its value). */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels !== undefined && Object.hasOwn(labels, k) && labels[k] === v);
}

/**
 * Upstream's ValidatePodTemplateSpecForRC: the template is required, its labels must match
 * the selector, it must restart Always and may not set activeDeadlineSeconds.
 */
export function validatePodTemplateSpecForRC(template: unknown, selector: Record<string, string> | undefined, path: FieldPath, opts: PodValidationOptions): FieldError[] {
  const t = obj(template);
  if (!t) return [required(path, '')];
  const errs: FieldError[] = [];
  const meta = obj(t.metadata) ?? {};
  const labels = strMap(meta.labels);
  if (selector && Object.keys(selector).length > 0 && !selectorMatches(selector, labels)) {
    errs.push(invalid(path.child('metadata', 'labels'), goLabels(meta.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(t, path, opts));
  const spec = obj(t.spec) ?? {};
  if (str(spec.restartPolicy) !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), str(spec.restartPolicy), ['Always']));
  if (present(spec, 'activeDeadlineSeconds')) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

function validateReplicationControllerSpec(spec: Obj, oldSpec: Obj | undefined, path: FieldPath): FieldError[] {
  const errs = validateNonnegativeField(num(spec.minReadySeconds), path.child('minReadySeconds'));
  const selector = strMap(spec.selector);
  if (!selector || Object.keys(selector).length === 0) errs.push(required(path.child('selector'), ''));
  errs.push(...validateNonnegativeField(num(spec.replicas), path.child('replicas')).map((e) => ({ ...e, origin: 'minimum' })));
  const oldTemplate = obj(oldSpec?.template);
  const opts = podValidationOptionsFor(obj(oldTemplate?.spec), obj(oldTemplate?.metadata));
  errs.push(...validatePodTemplateSpecForRC(spec.template, selector, path.child('template'), opts));
  return errs;
}

/** Upstream's ValidateReplicationController. */
export function validateReplicationController(rc: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(rc, true, nameIsDNSSubdomain);
  errs.push(...validateReplicationControllerSpec(obj(rc.spec) ?? {}, undefined, FieldPath.root('spec')));
  return errs;
}

/** Upstream's ValidateReplicationControllerUpdate. */
export function validateReplicationControllerUpdate(rc: Obj, old: Obj): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(rc, old);
  errs.push(...validateReplicationControllerSpec(obj(rc.spec) ?? {}, obj(old.spec) ?? {}, FieldPath.root('spec')));
  return errs;
}
