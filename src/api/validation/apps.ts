/**
 * apps/v1 validation as kube-apiserver 1.33 runs it (pkg/apis/apps/validation and the
 * registry strategies' Validate/ValidateUpdate): Deployment, ReplicaSet, DaemonSet,
 * StatefulSet and ControllerRevision. Objects are apps/v1 JSON, already defaulted.
 */
import { type FieldError, FieldPath, forbidden, invalid, notSupported, required } from '../../apimachinery/field.ts';
import { GoRepr, goQuote } from '../../apimachinery/go-format.ts';
import { type Selector, labelSelectorAsSelector } from '../../apimachinery/labels.ts';
import {
  type LabelSelectorLike,
  fieldImmutableErrorMsg,
  isDNS1123Label,
  labelSelectorHasInvalidLabelValue,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateNonnegativeField,
} from '../../apimachinery/validation.ts';
import { validatePodTemplateSpec } from './core-adapter.ts';
import {
  type JSONObject,
  clone,
  coreObjectMeta,
  coreObjectMetaUpdate,
  goIntOrString,
  goLabelSelector,
  goLabels,
  goPointer,
  intOrPercentValue,
  isNotMoreThan100Percent,
  isSet,
  nonnegative,
  num,
  obj,
  objOrEmpty,
  semanticEqual,
  str,
  strMap,
  validatePositiveIntOrPercent,
} from './util.ts';

const spec = FieldPath.root('spec');

/** Options the strategies derive (a subset of upstream's PodValidationOptions). */
interface WorkloadOptions {
  allowInvalidLabelValueInSelector?: boolean;
  oldTemplate?: JSONObject;
}

/** The selector's parsed form, or an error when upstream's LabelSelectorAsSelector fails. */
function selectorOf(sel: unknown): { selector?: Selector; failed: boolean } {
  try {
    return { selector: labelSelectorAsSelector(obj(sel) as LabelSelectorLike | undefined), failed: false };
  } catch {
    return { failed: true };
  }
}

function selectorSize(sel: JSONObject): number {
  return Object.keys(objOrEmpty(sel.matchLabels)).length + (Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0);
}

/** The selector: required, valid (strictly) and not empty (`empty selector is invalid for <what>`). */
function validateRequiredSelector(sel: unknown, path: FieldPath, what: string): FieldError[] {
  const s = obj(sel);
  if (!isSet(sel) || !s) return [required(path, '')];
  const errs = validateLabelSelector(s as LabelSelectorLike, { allowInvalidLabelValueInSelector: false }, path);
  if (selectorSize(s) === 0) errs.push(invalid(path, goLabelSelector(s), `empty selector is invalid for ${what}`));
  return errs;
}

function templateLabels(template: JSONObject): Record<string, string> {
  return strMap(objOrEmpty(template.metadata).labels) ?? {};
}

function selectorMismatch(selector: Selector, template: JSONObject, path: FieldPath): FieldError[] {
  if (selector.matches(templateLabels(template))) return [];
  return [invalid(path.child('metadata', 'labels'), goLabels(objOrEmpty(template.metadata).labels), '`selector` does not match template `labels`')];
}

/** Upstream's ValidatePodTemplateSpecForReplicaSet (also used for Deployments). */
function validatePodTemplateForReplicaSet(template: JSONObject, selector: Selector, path: FieldPath, opts: WorkloadOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector.empty()) errs.push(...selectorMismatch(selector, template, path));
  errs.push(...validatePodTemplateSpec(template, path, { oldTemplate: opts.oldTemplate }));
  const podSpec = objOrEmpty(template.spec);
  const restartPolicy = str(podSpec.restartPolicy);
  if (restartPolicy !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), restartPolicy, ['Always']));
  if (isSet(podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

/** Selector, its conversion, and the template, as Deployments and ReplicaSets share them. */
function validateSelectorAndTemplate(s: JSONObject, what: string, opts: WorkloadOptions): FieldError[] {
  const errs = validateRequiredSelector(s.selector, spec.child('selector'), what);
  const { selector, failed } = selectorOf(s.selector);
  if (failed || !selector) {
    errs.push(invalid(spec.child('selector'), goLabelSelector(s.selector), 'invalid label selector'));
  } else {
    errs.push(...validatePodTemplateForReplicaSet(objOrEmpty(s.template), selector, spec.child('template'), opts));
  }
  return errs;
}

function selectorImmutable(o: JSONObject, old: JSONObject): FieldError[] {
  const sel = objOrEmpty(o.spec).selector;
  if (semanticEqual(sel, objOrEmpty(old.spec).selector)) return [];
  return [invalid(spec.child('selector'), goLabelSelector(sel), fieldImmutableErrorMsg)];
}

const templateOf = (o: JSONObject | undefined): JSONObject | undefined => (o ? obj(objOrEmpty(o.spec).template) : undefined);

// ---------------------------------------------------------------------------------------
// Deployment

function goDeploymentStrategy(strategy: JSONObject): GoRepr {
  return new GoRepr(
    `apps.DeploymentStrategy{Type:${goQuote(str(strategy.type))}, RollingUpdate:${goPointer('apps.RollingUpdateDeployment', isSet(strategy.rollingUpdate))}}`,
  );
}

function validateRollingUpdateDeployment(ru: JSONObject, path: FieldPath): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, path.child('maxUnavailable')),
    ...validatePositiveIntOrPercent(ru.maxSurge, path.child('maxSurge')),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(path.child('maxUnavailable'), goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, path.child('maxUnavailable')));
  return errs;
}

function validateDeploymentStrategy(strategy: JSONObject, path: FieldPath): FieldError[] {
  const type = str(strategy.type);
  switch (type) {
    case 'Recreate':
      if (isSet(strategy.rollingUpdate)) return [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")];
      return [];
    case 'RollingUpdate':
      if (!isSet(strategy.rollingUpdate)) return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
      return validateRollingUpdateDeployment(objOrEmpty(strategy.rollingUpdate), path.child('rollingUpdate'));
    default:
      return [notSupported(path, goDeploymentStrategy(strategy), ['Recreate', 'RollingUpdate'])];
  }
}

function validateDeploymentSpec(s: JSONObject, opts: WorkloadOptions): FieldError[] {
  const errs = validateNonnegativeField(num(s.replicas), spec.child('replicas'));
  errs.push(...validateSelectorAndTemplate(s, 'deployment', opts));
  errs.push(...validateDeploymentStrategy(objOrEmpty(s.strategy), spec.child('strategy')));
  errs.push(...validateNonnegativeField(num(s.minReadySeconds), spec.child('minReadySeconds')));
  if (isSet(s.revisionHistoryLimit)) errs.push(...nonnegative(s.revisionHistoryLimit, spec.child('revisionHistoryLimit')));
  if (isSet(s.progressDeadlineSeconds)) {
    const pds = num(s.progressDeadlineSeconds);
    errs.push(...validateNonnegativeField(pds, spec.child('progressDeadlineSeconds')));
    if (pds <= num(s.minReadySeconds)) errs.push(invalid(spec.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** A Deployment on create, or on update (meta update, spec, immutable selector). */
export function validateDeployment(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = objOrEmpty(o.spec);
  const opts: WorkloadOptions = { oldTemplate: templateOf(old) };
  if (!old) return [...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateDeploymentSpec(s, opts)];
  return [...coreObjectMetaUpdate(o, old), ...validateDeploymentSpec(s, opts), ...selectorImmutable(o, old)];
}

// ---------------------------------------------------------------------------------------
// ReplicaSet

function validateReplicaSetSpec(s: JSONObject, opts: WorkloadOptions): FieldError[] {
  const errs = [
    ...validateNonnegativeField(num(s.replicas), spec.child('replicas')),
    ...validateNonnegativeField(num(s.minReadySeconds), spec.child('minReadySeconds')),
  ];
  // Upstream's message names deployments here too.
  errs.push(...validateSelectorAndTemplate(s, 'deployment', opts));
  return errs;
}

/** A ReplicaSet; on update upstream runs the create checks and the update checks both. */
export function validateReplicaSet(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = objOrEmpty(o.spec);
  const opts: WorkloadOptions = { oldTemplate: templateOf(old) };
  const errs = [...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(s, opts)];
  if (!old) return errs;
  return [...errs, ...coreObjectMetaUpdate(o, old), ...validateReplicaSetSpec(s, opts), ...selectorImmutable(o, old)];
}

// ---------------------------------------------------------------------------------------
// DaemonSet

function goDaemonSetUpdateStrategy(strategy: JSONObject): GoRepr {
  return new GoRepr(
    `apps.DaemonSetUpdateStrategy{Type:${goQuote(str(strategy.type))}, RollingUpdate:${goPointer('apps.RollingUpdateDaemonSet', isSet(strategy.rollingUpdate))}}`,
  );
}

function validateRollingUpdateDaemonSet(ru: JSONObject, path: FieldPath): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, path.child('maxUnavailable')),
    ...validatePositiveIntOrPercent(ru.maxSurge, path.child('maxSurge')),
    ...isNotMoreThan100Percent(ru.maxUnavailable, path.child('maxUnavailable')),
    ...isNotMoreThan100Percent(ru.maxSurge, path.child('maxSurge')),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(invalid(path.child('maxSurge'), goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(path.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

function validateDaemonSetUpdateStrategy(strategy: JSONObject, path: FieldPath): FieldError[] {
  switch (str(strategy.type)) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!isSet(strategy.rollingUpdate)) return [required(path.child('rollingUpdate'), '')];
      return validateRollingUpdateDaemonSet(objOrEmpty(strategy.rollingUpdate), path.child('rollingUpdate'));
    default:
      return [notSupported(path, goDaemonSetUpdateStrategy(strategy), ['RollingUpdate', 'OnDelete'])];
  }
}

function validateDaemonSetSpec(s: JSONObject, opts: WorkloadOptions): FieldError[] {
  const selPath = spec.child('selector');
  const sel = obj(s.selector);
  const errs = sel ? validateLabelSelector(sel as LabelSelectorLike, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, selPath) : [];
  const template = objOrEmpty(s.template);
  const { selector, failed } = selectorOf(s.selector);
  // A missing selector selects nothing, so it never matches the template.
  if (!failed && selector) errs.push(...selectorMismatch(selector, template, spec.child('template')));
  if (sel && selectorSize(sel) === 0) errs.push(invalid(selPath, goLabelSelector(sel), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(template, spec.child('template'), { oldTemplate: opts.oldTemplate }));
  const podSpec = objOrEmpty(template.spec);
  const restartPolicy = str(podSpec.restartPolicy);
  if (restartPolicy !== 'Always') errs.push(notSupported(spec.child('template', 'spec', 'restartPolicy'), restartPolicy, ['Always']));
  if (isSet(podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden(spec.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegativeField(num(s.minReadySeconds), spec.child('minReadySeconds')));
  errs.push(...validateDaemonSetUpdateStrategy(objOrEmpty(s.updateStrategy), spec.child('updateStrategy')));
  if (isSet(s.revisionHistoryLimit)) errs.push(...nonnegative(s.revisionHistoryLimit, spec.child('revisionHistoryLimit')));
  return errs;
}

/**
 * A DaemonSet; on update upstream runs the create checks, the update checks (which repeat
 * the spec checks) and the selector's immutability. The internal templateGeneration (kept
 * in apps/v1 as an annotation, maintained by the strategy) is not checked here.
 */
export function validateDaemonSet(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = objOrEmpty(o.spec);
  const opts: WorkloadOptions = {
    oldTemplate: templateOf(old),
    allowInvalidLabelValueInSelector: old ? labelSelectorHasInvalidLabelValue(obj(objOrEmpty(old.spec).selector) as LabelSelectorLike | undefined) : false,
  };
  const errs = [...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(s, opts)];
  if (!old) return errs;
  return [...errs, ...coreObjectMetaUpdate(o, old), ...validateDaemonSetSpec(s, opts), ...selectorImmutable(o, old)];
}

// ---------------------------------------------------------------------------------------
// StatefulSet

function goStatefulSetUpdateStrategy(strategy: JSONObject): GoRepr {
  return new GoRepr(
    `apps.StatefulSetUpdateStrategy{Type:${goQuote(str(strategy.type))}, RollingUpdate:${goPointer('apps.RollingUpdateStatefulSetStrategy', isSet(strategy.rollingUpdate))}}`,
  );
}

function goRollingUpdateStatefulSet(ru: JSONObject): GoRepr {
  // maxUnavailable belongs to the alpha MaxUnavailableStatefulSet gate, off in 1.33: the
  // strategy drops it, so it is always nil here.
  return new GoRepr(`apps.RollingUpdateStatefulSetStrategy{Partition:${num(ru.partition)}, MaxUnavailable:(*intstr.IntOrString)(nil)}`);
}

function validateStatefulSetSpec(s: JSONObject, allowInvalidServiceName: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const policy = str(s.podManagementPolicy);
  if (policy === '') errs.push(required(spec.child('podManagementPolicy'), ''));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalid(spec.child('podManagementPolicy'), policy, "must be 'OrderedReady' or 'Parallel'"));
  }

  const strategy = objOrEmpty(s.updateStrategy);
  const strategyPath = spec.child('updateStrategy');
  switch (str(strategy.type)) {
    case '':
      errs.push(required(strategyPath, ''));
      break;
    case 'OnDelete':
      if (isSet(strategy.rollingUpdate)) {
        errs.push(invalid(strategyPath.child('rollingUpdate'), goRollingUpdateStatefulSet(objOrEmpty(strategy.rollingUpdate)), "only allowed for updateStrategy 'RollingUpdate'"));
      }
      break;
    case 'RollingUpdate':
      if (isSet(strategy.rollingUpdate)) {
        errs.push(...validateNonnegativeField(num(objOrEmpty(strategy.rollingUpdate).partition), strategyPath.child('rollingUpdate', 'partition')));
      }
      break;
    default:
      errs.push(invalid(strategyPath, goStatefulSetUpdateStrategy(strategy), "must be 'RollingUpdate' or 'OnDelete'"));
  }

  const retention = obj(s.persistentVolumeClaimRetentionPolicy);
  if (retention) {
    const retentionPath = spec.child('persistentVolumeClaimRetentionPolicy');
    for (const key of ['whenDeleted', 'whenScaled']) {
      const v = str(retention[key]);
      if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(retentionPath.child(key), v, ['Retain', 'Delete']));
    }
  }

  errs.push(...validateNonnegativeField(num(s.replicas), spec.child('replicas')));
  errs.push(...validateNonnegativeField(num(s.minReadySeconds), spec.child('minReadySeconds')));
  const ordinals = obj(s.ordinals);
  // Upstream names the field "ordinals.start" in one path element; it prints the same.
  if (ordinals) errs.push(...validateNonnegativeField(num(ordinals.start), spec.child('ordinals.start')));

  errs.push(...validateRequiredSelector(s.selector, spec.child('selector'), 'statefulset'));
  const template = objOrEmpty(s.template);
  const templatePath = spec.child('template');
  const { selector, failed } = selectorOf(s.selector);
  if (failed || !selector) {
    errs.push(invalid(spec.child('selector'), goLabelSelector(s.selector), ''));
  } else {
    // Upstream checks only the template's labels and annotations here, not its pod spec,
    // and names their paths without `metadata`.
    if (!selector.empty()) errs.push(...selectorMismatch(selector, template, templatePath));
    const meta = objOrEmpty(template.metadata);
    errs.push(...validateLabels(strMap(meta.labels), templatePath.child('labels')));
    errs.push(...validateAnnotations(strMap(meta.annotations), templatePath.child('annotations')));
  }

  const podSpec = objOrEmpty(template.spec);
  const restartPolicy = str(podSpec.restartPolicy);
  if (restartPolicy !== 'Always') errs.push(notSupported(templatePath.child('spec', 'restartPolicy'), restartPolicy, ['Always']));
  if (isSet(podSpec.activeDeadlineSeconds)) {
    errs.push(forbidden(templatePath.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }

  // 1.33: serviceName is optional, and when set becomes the pods' subdomain, a DNS label.
  // Existing objects are not held to it on update (the field is immutable).
  const serviceName = str(s.serviceName);
  if (serviceName !== '' && !allowInvalidServiceName) {
    for (const msg of isDNS1123Label(serviceName)) errs.push(invalid(spec.child('serviceName'), serviceName, msg));
  }
  return errs;
}

/** The spec fields a StatefulSet update may change. */
const mutableStatefulSetFields = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/** A StatefulSet; on update only the mutable spec fields may change. */
export function validateStatefulSet(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = objOrEmpty(o.spec);
  if (!old) return [...coreObjectMeta(o, true, nameIsDNSLabel), ...validateStatefulSetSpec(s, false)];
  const errs = [...coreObjectMetaUpdate(o, old), ...validateStatefulSetSpec(s, true)];
  const newRest = clone(s);
  const oldRest = clone(objOrEmpty(old.spec));
  for (const f of mutableStatefulSetFields) {
    delete newRest[f];
    delete oldRest[f];
  }
  if (!semanticEqual(newRest, oldRest)) {
    errs.push(
      forbidden(
        spec,
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}

// ---------------------------------------------------------------------------------------
// ControllerRevision

function controllerRevisionCreate(o: JSONObject): FieldError[] {
  const errs = coreObjectMeta(o, true, nameIsDNSSubdomain);
  if (!isSet(o.data)) errs.push(required(FieldPath.root('data'), 'data is mandatory'));
  errs.push(...validateNonnegativeField(num(o.revision), FieldPath.root('revision')));
  return errs;
}

/** A ControllerRevision; its data may not change. */
export function validateControllerRevision(o: JSONObject, old?: JSONObject): FieldError[] {
  if (!old) return controllerRevisionCreate(o);
  const errs = [...coreObjectMetaUpdate(o, old), ...controllerRevisionCreate(o)];
  if (!semanticEqual(o.data, old.data)) {
    // Upstream prints the decoded runtime.Object; the JSON text stands in for it.
    errs.push(invalid(FieldPath.root('data'), new GoRepr(JSON.stringify(o.data ?? null)), fieldImmutableErrorMsg));
  }
  return errs;
}
