/**
 * batch/v1 validation as kube-apiserver 1.33 runs it (pkg/apis/batch/validation and the
 * Job and CronJob strategies): Job and CronJob. Objects are batch/v1 JSON, already
 * defaulted.
 */
import {
  type FieldError,
  FieldPath,
  duplicate,
  invalid,
  notSupported,
  omitValue,
  required,
  tooLong,
  tooMany,
} from '../../apimachinery/field.ts';
import { GoRepr, byteLength, goQuote } from '../../apimachinery/go-format.ts';
import { type LabelSelector, labelSelectorAsSelector } from '../../apimachinery/labels.ts';
import {
  type LabelSelectorLike,
  dns1035LabelMaxLength,
  fieldImmutableErrorMsg,
  isDNS1123Label,
  isDomainPrefixedPath,
  labelSelectorHasInvalidLabelValue,
  nameIsDNSSubdomain,
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
} from '../../apimachinery/validation.ts';
import { validatePodTemplateSpec } from './core-adapter.ts';
import { cronScheduleError, loadLocationError } from './cron.ts';
import {
  type JSONObject,
  arr,
  clone,
  coreObjectMeta,
  coreObjectMetaUpdate,
  goLabelSelector,
  goLabels,
  goPointer,
  isSet,
  metaOf,
  num,
  obj,
  objOrEmpty,
  optNum,
  optStr,
  semanticEqual,
  str,
  strMap,
  validateQualifiedName,
} from './util.ts';

export const legacyJobNameLabel = 'job-name';
export const jobNameLabel = 'batch.kubernetes.io/job-name';
export const legacyControllerUidLabel = 'controller-uid';
export const controllerUidLabel = 'batch.kubernetes.io/controller-uid';

const maxParallelismForIndexedJob = 100000;
const maxFailedIndexesForIndexedJob = 100_000;
const completionsSoftLimit = 100_000;
const parallelismLimitForHighCompletions = 10_000;
const maxFailedIndexesLimitForHighCompletions = 10_000;
const maxPodFailurePolicyRules = 20;
const maxPodFailurePolicyOnExitCodesValues = 255;
const maxPodFailurePolicyOnPodConditionsPatterns = 20;
const maxManagedByLength = 63;
const maxJobSuccessPolicySucceededIndexesLimit = 64 * 1024;
const maxSuccessPolicyRule = 20;

const podFailurePolicyActions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const onExitCodesOperators = ['In', 'NotIn'];
const conditionStatuses = ['False', 'True', 'Unknown'];
const podReplacementPolicies = ['Failed', 'TerminatingOrFailed'];

/** Go's %q of a []string: `["a" "b"]`. */
const goQuotedList = (values: readonly string[]) => `[${values.map(goQuote).join(' ')}]`;

interface JobOptions {
  allowInvalidLabelValueInSelector: boolean;
  requirePrefixedLabels: boolean;
  allowMutableSchedulingDirectives: boolean;
  oldTemplate?: JSONObject;
}

// ---------------------------------------------------------------------------------------
// Selector generation (the strategy's PrepareForCreate)

/**
 * Upstream's generateSelector: unless `spec.manualSelector` is true, labels the pod
 * template with the job's name and uid (both the legacy and the prefixed keys, keeping
 * values the user set) and selects on the prefixed uid label. Mutates `job`. The
 * apiserver applies this before validation on create; the Job validator applies it to a
 * copy, so validation gives the same result whether or not the caller already did.
 */
export function generateJobSelector(job: JSONObject): void {
  const s = (job.spec = objOrEmpty(job.spec));
  if (s.manualSelector === true) return;
  const meta = metaOf(job);
  const name = meta.name ?? '';
  const uid = meta.uid ?? '';
  const template = (s.template = objOrEmpty(s.template));
  const tmeta = (template.metadata = objOrEmpty(template.metadata));
  const labels = (tmeta.labels = objOrEmpty(tmeta.labels));
  for (const key of [legacyJobNameLabel, jobNameLabel]) if (!Object.hasOwn(labels, key)) labels[key] = name;
  for (const key of [legacyControllerUidLabel, controllerUidLabel]) if (!Object.hasOwn(labels, key)) labels[key] = uid;
  const selector = (s.selector = objOrEmpty(s.selector));
  const matchLabels = (selector.matchLabels = objOrEmpty(selector.matchLabels));
  if (!Object.hasOwn(matchLabels, controllerUidLabel)) matchLabels[controllerUidLabel] = uid;
}

// ---------------------------------------------------------------------------------------
// Helpers

function parseSelector(sel: unknown): ReturnType<typeof labelSelectorAsSelector> | undefined {
  try {
    return labelSelectorAsSelector(obj(sel) as LabelSelector | undefined);
  } catch {
    return undefined;
  }
}

/** Upstream's ValidateHasLabel. */
function validateHasLabel(templateMeta: JSONObject, path: FieldPath, key: string, expected: string): FieldError[] {
  const labels = strMap(templateMeta.labels) ?? {};
  const p = path.child('labels').key(key);
  if (!Object.hasOwn(labels, key)) return [required(p, `must be '${expected}'`)];
  if (labels[key] !== expected) return [invalid(p, goLabels(templateMeta.labels), `must be '${expected}'`)];
  return [];
}

const goInt32Slice = (values: unknown): GoRepr =>
  Array.isArray(values) ? new GoRepr(`[]int32{${values.map((v) => String(num(v))).join(', ')}}`) : new GoRepr('[]int32(nil)');

/** Stand-in for Go's %#v of a large internal struct, which upstream prints in full. */
const goElided = (type: string) => new GoRepr(`${type}{...}`);

function goSuccessPolicy(sp: JSONObject): GoRepr {
  const rules = arr(sp.rules).map((r) => {
    const rule = objOrEmpty(r);
    return `batch.SuccessPolicyRule{SucceededIndexes:${goPointer('string', isSet(rule.succeededIndexes))}, SucceededCount:${goPointer('int32', isSet(rule.succeededCount))}}`;
  });
  return new GoRepr(`batch.SuccessPolicy{Rules:${Array.isArray(sp.rules) ? `[]batch.SuccessPolicyRule{${rules.join(', ')}}` : '[]batch.SuccessPolicyRule(nil)'}}`);
}

/** Upstream's validateIndexesFormat: the number of indexes, or the parse error. */
export function validateIndexesFormat(indexes: string, completions: number): { total: number; error?: string } {
  if (indexes.length === 0) return { total: 0 };
  let lastIndex: number | undefined;
  let total = 0;
  const atoi = (s: string) => (/^[+-]?[0-9]+$/.test(s) ? Number(s) : undefined);
  for (const interval of indexes.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return { total: 0, error: `the fragment ${goQuote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'` };
    }
    const x = atoi(limits[0]!);
    if (x === undefined) return { total: 0, error: `cannot convert string to integer for index: ${goQuote(limits[0]!)}` };
    if (x >= completions) return { total: 0, error: `too large index: ${goQuote(limits[0]!)}` };
    if (lastIndex !== undefined && lastIndex >= x) return { total: 0, error: `non-increasing order, previous: ${lastIndex}, current: ${x}` };
    total += 1;
    lastIndex = x;
    if (limits.length > 1) {
      const y = atoi(limits[1]!);
      if (y === undefined) return { total: 0, error: `cannot convert string to integer for index: ${goQuote(limits[1]!)}` };
      if (y >= completions) return { total: 0, error: `too large index: ${goQuote(limits[1]!)}` };
      if (lastIndex >= y) return { total: 0, error: `non-increasing order, previous: ${lastIndex}, current: ${y}` };
      total += y - x;
      lastIndex = y;
    }
  }
  return { total };
}

// ---------------------------------------------------------------------------------------
// Job spec

function validatePodFailurePolicyRuleOnExitCodes(onExitCodes: JSONObject, path: FieldPath, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const operator = str(onExitCodes.operator);
  if (operator === '') errs.push(required(path.child('operator'), `valid values: ${goQuotedList(onExitCodesOperators)}`));
  else if (!onExitCodesOperators.includes(operator)) errs.push(notSupported(path.child('operator'), operator, onExitCodesOperators));
  const containerName = optStr(onExitCodes.containerName);
  if (containerName !== undefined && !containerNames.has(containerName)) {
    errs.push(invalid(path.child('containerName'), containerName, 'must be one of the container or initContainer names in the pod template'));
  }
  const valuesPath = path.child('values');
  const values = arr(onExitCodes.values).map(num);
  if (values.length === 0) errs.push(invalid(valuesPath, goInt32Slice(onExitCodes.values), 'at least one value is required'));
  else if (values.length > maxPodFailurePolicyOnExitCodesValues) errs.push(tooMany(valuesPath, values.length, maxPodFailurePolicyOnExitCodesValues));
  let ordered = true;
  const seen = new Set<number>();
  values.forEach((v, j) => {
    if (operator === 'In' && v === 0) errs.push(invalid(valuesPath.index(j), v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(duplicate(valuesPath.index(j), v));
    else seen.add(v);
    if (j > 0 && values[j - 1]! > v) ordered = false;
  });
  if (!ordered) errs.push(invalid(valuesPath, goInt32Slice(onExitCodes.values), 'must be ordered'));
  return errs;
}

function validatePodFailurePolicyRuleOnPodConditions(patterns: unknown[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (patterns.length > maxPodFailurePolicyOnPodConditionsPatterns) errs.push(tooMany(path, patterns.length, maxPodFailurePolicyOnPodConditionsPatterns));
  patterns.forEach((p, j) => {
    const pattern = objOrEmpty(p);
    const patternPath = path.index(j);
    errs.push(...validateQualifiedName(str(pattern.type), patternPath.child('type')));
    const status = str(pattern.status);
    if (status === '') errs.push(required(patternPath.child('status'), `valid values: ${goQuotedList(conditionStatuses)}`));
    else if (!conditionStatuses.includes(status)) errs.push(notSupported(patternPath.child('status'), status, conditionStatuses));
  });
  return errs;
}

function validatePodFailurePolicy(s: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const rules = arr(objOrEmpty(s.podFailurePolicy).rules);
  const rulesPath = path.child('rules');
  if (rules.length > maxPodFailurePolicyRules) errs.push(tooMany(rulesPath, rules.length, maxPodFailurePolicyRules));
  const podSpec = objOrEmpty(objOrEmpty(s.template).spec);
  const containerNames = new Set([...arr(podSpec.containers), ...arr(podSpec.initContainers)].map((c) => str(objOrEmpty(c).name)));
  rules.forEach((r, i) => {
    const rule = objOrEmpty(r);
    const rulePath = rulesPath.index(i);
    const actionPath = rulePath.child('action');
    const action = str(rule.action);
    if (action === '') errs.push(required(actionPath, `valid values: ${goQuotedList(podFailurePolicyActions)}`));
    else if (action === 'FailIndex') {
      if (!isSet(s.backoffLimitPerIndex)) errs.push(invalid(actionPath, action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!podFailurePolicyActions.includes(action)) errs.push(notSupported(actionPath, action, podFailurePolicyActions));
    const onExitCodes = obj(rule.onExitCodes);
    const onPodConditions = arr(rule.onPodConditions);
    if (onExitCodes) errs.push(...validatePodFailurePolicyRuleOnExitCodes(onExitCodes, rulePath.child('onExitCodes'), containerNames));
    if (onPodConditions.length > 0) errs.push(...validatePodFailurePolicyRuleOnPodConditions(onPodConditions, rulePath.child('onPodConditions')));
    if (onExitCodes && onPodConditions.length > 0) errs.push(invalid(rulePath, omitValue, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    if (!onExitCodes && onPodConditions.length === 0) errs.push(invalid(rulePath, omitValue, 'specifying one of OnExitCodes and OnPodConditions is required'));
  });
  return errs;
}

function validateSuccessPolicy(s: JSONObject, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const rules = arr(objOrEmpty(s.successPolicy).rules);
  const rulesPath = path.child('rules');
  if (rules.length === 0) errs.push(required(rulesPath, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > maxSuccessPolicyRule) errs.push(tooMany(rulesPath, rules.length, maxSuccessPolicyRule));
  // Indexed jobs require completions (reported elsewhere); upstream would not get here without it.
  const completions = num(s.completions);
  rules.forEach((r, i) => {
    const rule = objOrEmpty(r);
    const rulePath = rulesPath.index(i);
    const indexes = optStr(rule.succeededIndexes);
    const count = optNum(rule.succeededCount);
    if (count === undefined && indexes === undefined) errs.push(required(rulePath, 'at least one of succeededCount or succeededIndexes must be specified'));
    let total = 0;
    if (indexes !== undefined) {
      const p = rulePath.child('succeededIndexes');
      if (byteLength(indexes) > maxJobSuccessPolicySucceededIndexesLimit) errs.push(tooLong(p, indexes, maxJobSuccessPolicySucceededIndexesLimit));
      const parsed = validateIndexesFormat(indexes, completions);
      total = parsed.total;
      if (parsed.error !== undefined) errs.push(invalid(p, indexes, `error parsing succeededIndexes: ${parsed.error}`));
    }
    if (count !== undefined) {
      const p = rulePath.child('succeededCount');
      errs.push(...validateNonnegativeField(count, p));
      if (count > completions) errs.push(invalid(p, count, `must be less than or equal to ${completions} (the number of specified completions)`));
      if (indexes !== undefined && count > total) {
        errs.push(invalid(p, count, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`));
      }
    }
  });
  return errs;
}

function validatePodReplacementPolicy(s: JSONObject, path: FieldPath): FieldError[] {
  const policy = optStr(s.podReplacementPolicy);
  if (policy === undefined) return [];
  if (isSet(s.podFailurePolicy)) return policy !== 'Failed' ? [notSupported(path, policy, ['Failed'])] : [];
  return podReplacementPolicies.includes(policy) ? [] : [notSupported(path, policy, podReplacementPolicies)];
}

/** Upstream's validateJobSpec: the checks Jobs and CronJob job templates share. */
function validateJobSpecCommon(s: JSONObject, path: FieldPath, opts: Pick<JobOptions, 'oldTemplate'>): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    if (isSet(s[f])) errs.push(...validateNonnegativeField(num(s[f]), path.child(f)));
    if (f === 'maxFailedIndexes' && isSet(s[f]) && !isSet(s.backoffLimitPerIndex)) {
      errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
    }
  }
  const managedBy = optStr(s.managedBy);
  if (managedBy !== undefined) {
    errs.push(...isDomainPrefixedPath(path.child('managedBy'), managedBy));
    if (byteLength(managedBy) > maxManagedByLength) errs.push(tooLong(path.child('managedBy'), managedBy, maxManagedByLength));
  }
  const parallelism = optNum(s.parallelism);
  const completions = optNum(s.completions);
  const maxFailedIndexes = optNum(s.maxFailedIndexes);
  const mode = optStr(s.completionMode);
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(path.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (completions === undefined) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      if (parallelism !== undefined && parallelism > maxParallelismForIndexedJob) {
        errs.push(invalid(path.child('parallelism'), parallelism, `must be less than or equal to ${maxParallelismForIndexedJob} when completion mode is Indexed`));
      }
      if (completions !== undefined && maxFailedIndexes !== undefined && maxFailedIndexes > completions) {
        errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, 'must be less than or equal to completions'));
      }
      if (maxFailedIndexes !== undefined && maxFailedIndexes > maxFailedIndexesForIndexedJob) {
        errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${maxFailedIndexesForIndexedJob}`));
      }
      if (completions !== undefined && completions > completionsSoftLimit && isSet(s.backoffLimitPerIndex)) {
        if (maxFailedIndexes === undefined) errs.push(required(path.child('maxFailedIndexes'), `must be specified when completions is above ${completionsSoftLimit}`));
        const suffix = `when completions are above ${completionsSoftLimit} and used with backoff limit per index`;
        if (parallelism !== undefined && parallelism > parallelismLimitForHighCompletions) {
          errs.push(invalid(path.child('parallelism'), parallelism, `must be less than or equal to ${parallelismLimitForHighCompletions} ${suffix}`));
        }
        if (maxFailedIndexes !== undefined && maxFailedIndexes > maxFailedIndexesLimitForHighCompletions) {
          errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, `must be less than or equal to ${maxFailedIndexesLimitForHighCompletions} ${suffix}`));
        }
      }
    }
  }
  if (mode === undefined || mode === 'NonIndexed') {
    if (isSet(s.backoffLimitPerIndex)) errs.push(invalid(path.child('backoffLimitPerIndex'), num(s.backoffLimitPerIndex), 'requires indexed completion mode'));
    if (maxFailedIndexes !== undefined) errs.push(invalid(path.child('maxFailedIndexes'), maxFailedIndexes, 'requires indexed completion mode'));
  }
  if (isSet(s.podFailurePolicy)) errs.push(...validatePodFailurePolicy(s, path.child('podFailurePolicy')));
  const successPolicy = obj(s.successPolicy);
  if (successPolicy) {
    if (mode !== 'Indexed') errs.push(invalid(path.child('successPolicy'), goSuccessPolicy(successPolicy), 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(s, path.child('successPolicy')));
  }
  errs.push(...validatePodReplacementPolicy(s, path.child('podReplacementPolicy')));

  const template = objOrEmpty(s.template);
  errs.push(...validatePodTemplateSpec(template, path.child('template'), { oldTemplate: opts.oldTemplate }));
  const restartPolicy = str(objOrEmpty(template.spec).restartPolicy);
  const restartPath = path.child('template', 'spec', 'restartPolicy');
  if (restartPolicy === 'Always' || restartPolicy === '') {
    errs.push(required(restartPath, 'valid values: "OnFailure", "Never"'));
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    errs.push(notSupported(restartPath, restartPolicy, ['OnFailure', 'Never']));
  } else if (isSet(s.podFailurePolicy) && restartPolicy !== 'Never') {
    errs.push(invalid(restartPath, restartPolicy, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** Upstream's ValidateJobSpec: the common checks, the selector, and its match with the template. */
function validateJobSpec(s: JSONObject, path: FieldPath, opts: JobOptions): FieldError[] {
  const errs = validateJobSpecCommon(s, path, opts);
  const sel = obj(s.selector);
  if (!sel) errs.push(required(path.child('selector'), ''));
  else errs.push(...validateLabelSelector(sel as LabelSelectorLike, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, path.child('selector')));
  const selector = parseSelector(s.selector);
  const template = objOrEmpty(s.template);
  if (selector && !selector.matches(strMap(objOrEmpty(template.metadata).labels) ?? {})) {
    errs.push(invalid(path.child('template', 'metadata', 'labels'), goLabels(objOrEmpty(template.metadata).labels), '`selector` does not match template `labels`'));
  }
  return errs;
}

function validateGeneratedSelector(job: JSONObject, requirePrefixedLabels: boolean): FieldError[] {
  const s = objOrEmpty(job.spec);
  if (s.manualSelector === true || !obj(s.selector)) return [];
  const errs: FieldError[] = [];
  const meta = metaOf(job);
  const uid = meta.uid ?? '';
  const name = meta.name ?? '';
  if (uid === '') errs.push(required(FieldPath.root('metadata', 'uid'), ''));
  const tmeta = objOrEmpty(objOrEmpty(s.template).metadata);
  const tpath = FieldPath.root('spec', 'template', 'metadata');
  errs.push(...validateHasLabel(tmeta, tpath, legacyControllerUidLabel, uid));
  errs.push(...validateHasLabel(tmeta, tpath, legacyJobNameLabel, name));
  const expected: Record<string, string> = {};
  if (requirePrefixedLabels) {
    errs.push(...validateHasLabel(tmeta, tpath, controllerUidLabel, uid));
    errs.push(...validateHasLabel(tmeta, tpath, jobNameLabel, name));
    expected[controllerUidLabel] = uid;
    expected[jobNameLabel] = name;
  }
  expected[legacyControllerUidLabel] = uid;
  expected[legacyJobNameLabel] = name;
  const selector = parseSelector(s.selector);
  if (selector && !selector.matches(expected)) errs.push(invalid(FieldPath.root('spec', 'selector'), goLabelSelector(s.selector), '`selector` not auto-generated'));
  return errs;
}

/** Upstream's ValidateJob. */
function validateJobObject(job: JSONObject, opts: JobOptions): FieldError[] {
  const errs = coreObjectMeta(job, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job, opts.requirePrefixedLabels));
  const s = objOrEmpty(job.spec);
  errs.push(...validateJobSpec(s, FieldPath.root('spec'), opts));
  const completions = optNum(s.completions);
  if (s.completionMode === 'Indexed' && completions !== undefined && completions > 0) {
    const name = metaOf(job).name ?? '';
    const hostname = `${name}-${completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(invalid(FieldPath.root('metadata', 'name'), name, `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

function validateCompletionsUpdate(s: JSONObject, old: JSONObject, path: FieldPath): FieldError[] {
  // ElasticIndexedJob is GA: Indexed jobs may change completions together with parallelism.
  if (s.completionMode !== 'Indexed') return validateImmutableField(optNum(s.completions) ?? null, optNum(old.completions) ?? null, path);
  if (semanticEqual(s.completions, old.completions) && isSet(s.completions) === isSet(old.completions)) return [];
  const completions = optNum(s.completions);
  if (completions === undefined) return [];
  if (completions !== optNum(s.parallelism)) return [invalid(path, completions, 'can only be modified in tandem with spec.parallelism')];
  return [];
}

function validatePodTemplateUpdate(s: JSONObject, old: JSONObject, path: FieldPath, opts: JobOptions): FieldError[] {
  const template = objOrEmpty(s.template);
  let oldTemplate = objOrEmpty(old.template);
  if (opts.allowMutableSchedulingDirectives) {
    // Suspended jobs that never started may change where their pods will run.
    oldTemplate = clone(oldTemplate);
    const newSpec = objOrEmpty(template.spec);
    const oldSpec = (oldTemplate.spec = objOrEmpty(oldTemplate.spec));
    const newAffinity = obj(newSpec.affinity);
    const oldAffinity = obj(oldSpec.affinity);
    if (!newAffinity && oldAffinity) {
      delete oldAffinity.nodeAffinity;
      if (Object.keys(oldAffinity).length === 0) delete oldSpec.affinity;
    } else if (newAffinity && !oldAffinity) {
      oldSpec.affinity = isSet(newAffinity.nodeAffinity) ? { nodeAffinity: newAffinity.nodeAffinity } : {};
    } else if (newAffinity && oldAffinity) {
      oldAffinity.nodeAffinity = newAffinity.nodeAffinity;
    }
    for (const f of ['nodeSelector', 'tolerations', 'schedulingGates']) oldSpec[f] = newSpec[f];
    const oldMeta = (oldTemplate.metadata = objOrEmpty(oldTemplate.metadata));
    const newMeta = objOrEmpty(template.metadata);
    oldMeta.annotations = newMeta.annotations;
    oldMeta.labels = newMeta.labels;
  }
  if (semanticEqual(template, oldTemplate)) return [];
  return [invalid(path.child('template'), goElided('core.PodTemplateSpec'), fieldImmutableErrorMsg)];
}

function immutableRepr(v: unknown, repr: (v: unknown) => unknown): unknown {
  return isSet(v) ? repr(v) : null;
}

/** Upstream's ValidateJobSpecUpdate. */
function validateJobSpecUpdate(s: JSONObject, old: JSONObject, opts: JobOptions): FieldError[] {
  const path = FieldPath.root('spec');
  const errs = validateJobSpec(s, path, opts);
  errs.push(...validateCompletionsUpdate(s, old, path.child('completions')));
  if (!semanticEqual(s.selector, old.selector)) errs.push(invalid(path.child('selector'), goLabelSelector(s.selector), fieldImmutableErrorMsg));
  errs.push(...validatePodTemplateUpdate(s, old, path, opts));
  const immutable: [string, (v: unknown) => unknown][] = [
    ['completionMode', (v) => v],
    ['podFailurePolicy', () => goElided('batch.PodFailurePolicy')],
    ['backoffLimitPerIndex', (v) => v],
    ['managedBy', (v) => v],
    ['successPolicy', (v) => goSuccessPolicy(objOrEmpty(v))],
  ];
  for (const [f, repr] of immutable) {
    if (!semanticEqual(s[f], old[f]) || isSet(s[f]) !== isSet(old[f])) errs.push(invalid(path.child(f), immutableRepr(s[f], repr), fieldImmutableErrorMsg));
  }
  return errs;
}

/**
 * A Job. On create the selector and template labels are generated first (unless
 * `manualSelector`), as upstream's strategy does; on update upstream runs the create
 * checks and the update checks both.
 */
export function validateJob(o: JSONObject, old?: JSONObject): FieldError[] {
  if (!old) {
    const job = clone(o);
    generateJobSelector(job);
    return validateJobObject(job, { allowInvalidLabelValueInSelector: false, requirePrefixedLabels: true, allowMutableSchedulingDirectives: false });
  }
  const oldSpec = objOrEmpty(old.spec);
  const oldLabels = strMap(objOrEmpty(objOrEmpty(oldSpec.template).metadata).labels) ?? {};
  const opts: JobOptions = {
    allowInvalidLabelValueInSelector: labelSelectorHasInvalidLabelValue(obj(oldSpec.selector) as LabelSelectorLike | undefined),
    allowMutableSchedulingDirectives: oldSpec.suspend === true && !isSet(objOrEmpty(old.status).startTime),
    requirePrefixedLabels: Object.hasOwn(oldLabels, jobNameLabel) && Object.hasOwn(oldLabels, controllerUidLabel),
    oldTemplate: obj(oldSpec.template),
  };
  return [...validateJobObject(o, opts), ...coreObjectMetaUpdate(o, old), ...validateJobSpecUpdate(objOrEmpty(o.spec), oldSpec, opts)];
}

// ---------------------------------------------------------------------------------------
// CronJob

const validTimeZoneCharacters = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(tz: string | undefined, path: FieldPath): FieldError[] {
  if (tz === undefined) return [];
  if (tz.length === 0) return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !validTimeZoneCharacters.test(part)) {
      return [invalid(path, tz, `unknown time zone ${tz}`)];
    }
  }
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local') {
    errs.push(invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  }
  const err = loadLocationError(tz);
  if (err !== undefined) errs.push(invalid(path, tz, err));
  return errs;
}

function validateScheduleFormat(schedule: string, allowTZInSchedule: boolean, timeZone: string | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const err = cronScheduleError(schedule);
  if (err !== undefined) errs.push(invalid(path, schedule, err));
  if (allowTZInSchedule && schedule.includes('TZ') && timeZone !== undefined) {
    errs.push(invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZInSchedule && schedule.includes('TZ')) {
    errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

/** Upstream's ValidateJobTemplateSpec: a job spec whose selector will be generated. */
function validateJobTemplateSpec(jt: JSONObject, path: FieldPath, oldTemplate: JSONObject | undefined): FieldError[] {
  const s = objOrEmpty(jt.spec);
  const errs = validateJobSpecCommon(s, path.child('spec'), { oldTemplate });
  if (obj(s.selector)) errs.push(invalid(path.child('spec', 'selector'), goLabelSelector(s.selector), '`selector` will be auto-generated'));
  if (s.manualSelector === true) errs.push(notSupported(path.child('spec', 'manualSelector'), true, ['nil', 'false']));
  return errs;
}

function validateCronJobSpec(s: JSONObject, old: JSONObject | undefined): FieldError[] {
  const path = FieldPath.root('spec');
  const errs: FieldError[] = [];
  const schedule = str(s.schedule);
  const timeZone = optStr(s.timeZone);
  if (schedule === '') errs.push(required(path.child('schedule'), ''));
  else errs.push(...validateScheduleFormat(schedule, old ? str(old.schedule).includes('TZ') : false, timeZone, path.child('schedule')));
  if (isSet(s.startingDeadlineSeconds)) errs.push(...validateNonnegativeField(num(s.startingDeadlineSeconds), path.child('startingDeadlineSeconds')));
  if (!old || optStr(old.timeZone) !== timeZone) errs.push(...validateTimeZone(timeZone, path.child('timeZone')));
  const policy = str(s.concurrencyPolicy);
  if (policy === '') errs.push(required(path.child('concurrencyPolicy'), ''));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported(path.child('concurrencyPolicy'), policy, ['Allow', 'Forbid', 'Replace']));
  const oldTemplate = old ? obj(objOrEmpty(objOrEmpty(old.jobTemplate).spec).template) : undefined;
  errs.push(...validateJobTemplateSpec(objOrEmpty(s.jobTemplate), path.child('jobTemplate'), oldTemplate));
  for (const f of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (isSet(s[f])) errs.push(...validateNonnegativeField(num(s[f]), path.child(f)));
  }
  return errs;
}

/** A CronJob; the 52-character name limit applies on create only. */
export function validateCronJob(o: JSONObject, old?: JSONObject): FieldError[] {
  const s = objOrEmpty(o.spec);
  if (old) return [...coreObjectMetaUpdate(o, old), ...validateCronJobSpec(s, objOrEmpty(old.spec))];
  const errs = [...coreObjectMeta(o, true, nameIsDNSSubdomain), ...validateCronJobSpec(s, undefined)];
  // The controller appends an 11-character suffix to name its jobs, which are DNS-1035 labels.
  const name = metaOf(o).name ?? '';
  if (name.length > dns1035LabelMaxLength - 11) errs.push(invalid(FieldPath.root('metadata', 'name'), name, 'must be no more than 52 characters'));
  return errs;
}
