/**
 * Pods, pod specs and pod templates as upstream's pkg/apis/core/validation (Kubernetes 1.33,
 * default feature gates) validates them, on the v1 JSON form: containers, init and
 * ephemeral containers, ports, env, mounts, resources, probes, lifecycle, security
 * contexts, affinity, tolerations, DNS, topology spread, and the pod update rules.
 */
import { type FieldError, FieldPath, duplicate, forbidden, internalError, invalid, notFound, notSupported, required, tooLong } from '../../../apimachinery/field.ts';
import { GoRepr, byteLength, goQuote, parseGoInt64 } from '../../../apimachinery/go-format.ts';
import {
  type ObjectMetaLike,
  isConfigMapKey,
  isEnvVarName,
  isHTTPHeaderName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidIPForLegacyField,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  labelSelectorHasInvalidLabelValue,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateLabelName,
  validateLabelSelector,
  validateLabels,
  validateNamespaceName,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateServiceAccountName,
} from '../../../apimachinery/validation.ts';
import {
  type Obj,
  goPtr,
  isHugePageResourceName,
  isObj,
  isOvercommitAllowed,
  list,
  num,
  obj,
  objList,
  optBool,
  optNum,
  optStr,
  parseQuantity,
  present,
  resourceEntries,
  semanticEqual,
  sortedKeys,
  str,
  strList,
  strMap,
  validateContainerResourceName,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateDNS1123SubdomainWithUnderscore,
  validateKubeFinalizerName,
  validateName,
  validateQualifiedName,
  validateResourceQuantityValue,
} from './util.ts';
import {
  envDownwardAPIFieldPaths,
  validateContainerResourceFieldSelector,
  validateLocalDescendingPath,
  validateObjectFieldSelector,
  validatePullPolicy,
  validateVolumeDevices,
  validateVolumes,
} from './volumes.ts';
import { goJSONError } from './jsonerr.ts';

// ---------------------------------------------------------------------------------------
// Options

/**
 * upstream's PodValidationOptions. Unset fields take the values kube-apiserver 1.33 uses
 * with default feature gates for a new object (see {@link resolvePodValidationOptions});
 * {@link podValidationOptionsFor} relaxes some of them for updates of objects that already
 * have what newer rules reject.
 */
export interface PodValidationOptions {
  allowInvalidPodDeletionCost?: boolean;
  allowInvalidLabelValueInSelector?: boolean;
  allowIndivisibleHugePagesValues?: boolean;
  allowInvalidTopologySpreadConstraintLabelSelector?: boolean;
  allowNonLocalProjectedTokenPath?: boolean;
  allowNamespacedSysctlsForHostNetAndHostIPC?: boolean;
  /** The object is a Pod, not a template in another resource. */
  resourceIsPod?: boolean;
  /** RelaxedEnvironmentVariableValidation (beta, on in 1.33). */
  allowRelaxedEnvironmentVariableValidation?: boolean;
  /** RelaxedDNSSearchValidation (beta, on in 1.33). */
  allowRelaxedDNSSearchValidation?: boolean;
  /** PodLifecycleSleepActionAllowZero (beta, on in 1.33). */
  allowPodLifecycleSleepActionZeroValue?: boolean;
  /** SELinuxChangePolicy off: only Recursive. On (the default) allows MountOption too. */
  allowOnlyRecursiveSELinuxChangePolicy?: boolean;
  /** InPlacePodVerticalScaling (beta, on in 1.33) allows resizePolicy on init containers. */
  allowSidecarResizePolicy?: boolean;
  allowInvalidLabelValueInRequiredNodeAffinity?: boolean;
  /** kube-apiserver's --allow-privileged; true here, as every common distribution sets it. */
  allowPrivileged?: boolean;
  /**
   * The stored template (`{metadata, spec}`) on an update of a workload: validation then
   * tolerates what it already holds, as upstream's GetValidationOptionsFromPodTemplate.
   */
  oldTemplate?: Record<string, unknown>;
}

type Opts = Required<Omit<PodValidationOptions, 'oldTemplate'>>;

/** The options with 1.33's defaults filled in. */
export function resolvePodValidationOptions(options: PodValidationOptions = {}): Opts {
  const old = obj(options.oldTemplate);
  const opts = old ? { ...podValidationOptionsFor(obj(old.spec), obj(old.metadata)), ...options } : options;
  return {
    allowInvalidPodDeletionCost: opts.allowInvalidPodDeletionCost ?? false,
    allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector ?? false,
    allowIndivisibleHugePagesValues: opts.allowIndivisibleHugePagesValues ?? false,
    allowInvalidTopologySpreadConstraintLabelSelector: opts.allowInvalidTopologySpreadConstraintLabelSelector ?? false,
    allowNonLocalProjectedTokenPath: opts.allowNonLocalProjectedTokenPath ?? false,
    allowNamespacedSysctlsForHostNetAndHostIPC: opts.allowNamespacedSysctlsForHostNetAndHostIPC ?? false,
    resourceIsPod: opts.resourceIsPod ?? false,
    allowRelaxedEnvironmentVariableValidation: opts.allowRelaxedEnvironmentVariableValidation ?? true,
    allowRelaxedDNSSearchValidation: opts.allowRelaxedDNSSearchValidation ?? true,
    allowPodLifecycleSleepActionZeroValue: opts.allowPodLifecycleSleepActionZeroValue ?? true,
    allowOnlyRecursiveSELinuxChangePolicy: opts.allowOnlyRecursiveSELinuxChangePolicy ?? false,
    allowSidecarResizePolicy: opts.allowSidecarResizePolicy ?? true,
    allowInvalidLabelValueInRequiredNodeAffinity: opts.allowInvalidLabelValueInRequiredNodeAffinity ?? false,
    allowPrivileged: opts.allowPrivileged ?? true,
  };
}

const visitContainers = (spec: Obj, fn: (c: Obj) => void) => {
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) objList(spec[key]).forEach(fn);
};

function affinityHasInvalidLabelValue(spec: Obj): boolean {
  const affinity = obj(spec.affinity);
  if (!affinity) return false;
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = obj(affinity[kind]);
    if (!a) continue;
    const terms = [
      ...objList(a.requiredDuringSchedulingIgnoredDuringExecution),
      ...objList(a.preferredDuringSchedulingIgnoredDuringExecution).map((t) => obj(t.podAffinityTerm) ?? {}),
    ];
    for (const t of terms) {
      if (labelSelectorHasInvalidLabelValue(obj(t.labelSelector) as never) || labelSelectorHasInvalidLabelValue(obj(t.namespaceSelector) as never)) return true;
    }
  }
  return false;
}

function requiredNodeAffinityHasInvalidLabelValue(spec: Obj): boolean {
  const required = obj(obj(obj(spec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution);
  for (const term of objList(required?.nodeSelectorTerms)) {
    for (const expr of objList(term.matchExpressions)) if (strList(expr.values).some((v) => isValidLabelValue(v).length > 0)) return true;
  }
  return false;
}

function usesHugePages(spec: Obj): boolean {
  let found = false;
  visitContainers(spec, (c) => {
    const resources = obj(c.resources);
    for (const key of ['limits', 'requests']) {
      const list = resources?.[key];
      if (isObj(list)) for (const name of Object.keys(list)) if (isHugePageResourceName(name)) found = true;
    }
  });
  return found;
}

function hasNamespacedSysctlConflict(spec: Obj): boolean {
  const psc = podSecurityContext(spec);
  return objList(psc.sysctls).some((s) => hostSysctlError(str(s.name), psc, FieldPath.root('x')) !== undefined);
}

/**
 * Upstream's GetValidationOptionsFromPodSpecAndMeta: 1.33 defaults, relaxed for what the
 * old object (on update) already uses.
 */
export function podValidationOptionsFor(oldSpec?: Obj, oldMeta?: Obj, base: PodValidationOptions = {}): PodValidationOptions {
  const opts: PodValidationOptions = { ...base };
  if (oldSpec) {
    if (affinityHasInvalidLabelValue(oldSpec)) opts.allowInvalidLabelValueInSelector = true;
    if (requiredNodeAffinityHasInvalidLabelValue(oldSpec)) opts.allowInvalidLabelValueInRequiredNodeAffinity = true;
    if (usesHugePages(oldSpec)) opts.allowIndivisibleHugePagesValues = true;
    if (hasNamespacedSysctlConflict(oldSpec)) opts.allowNamespacedSysctlsForHostNetAndHostIPC = true;
    for (const c of objList(oldSpec.topologySpreadConstraints)) {
      if (labelSelectorHasInvalidLabelValue(obj(c.labelSelector) as never)) opts.allowInvalidTopologySpreadConstraintLabelSelector = true;
    }
  }
  if (oldMeta) {
    const annotations = strMap(oldMeta.annotations) ?? {};
    if (podDeletionCostKey in annotations && !validDeletionCost(annotations[podDeletionCostKey]!)) opts.allowInvalidPodDeletionCost = true;
  }
  return opts;
}

// ---------------------------------------------------------------------------------------
// Pod-specific annotations

const mirrorPodAnnotationKey = 'kubernetes.io/config.mirror';
const tolerationsAnnotationKey = 'scheduler.alpha.kubernetes.io/tolerations';
const podDeletionCostKey = 'controller.kubernetes.io/pod-deletion-cost';
const seccompPodAnnotationKey = 'seccomp.security.alpha.kubernetes.io/pod';
const seccompContainerAnnotationKeyPrefix = 'container.seccomp.security.alpha.kubernetes.io/';
const appArmorContainerAnnotationKeyPrefix = 'container.apparmor.security.beta.kubernetes.io/';

function validDeletionCost(value: string): boolean {
  if (value.length === 0) return false;
  const first = value[0]!;
  if (!(first === '-' || value === '0' || (first >= '1' && first <= '9'))) return false;
  const n = parseGoInt64(value);
  return n !== undefined && n >= -2147483648n && n <= 2147483647n;
}

function validateSeccompProfileAnnotation(p: string, path: FieldPath): FieldError[] {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') return [];
  if (p.startsWith('localhost/')) return validateLocalDescendingPath(p.slice('localhost/'.length), path);
  return [invalid(path, p, 'must be a valid seccomp profile')];
}

function appArmorProfileFormatError(profile: string): string | undefined {
  if (profile === '' || profile === 'runtime/default' || profile === 'unconfined') return undefined;
  if (!profile.startsWith('localhost/')) return `invalid AppArmor profile name: ${goQuote(profile)}`;
  return undefined;
}

function podSpecHasContainer(spec: Obj, name: string): boolean {
  let found = false;
  visitContainers(spec, (c) => {
    if (str(c.name) === name) found = true;
  });
  return found;
}

/** Upstream's ValidatePodSpecificAnnotations. */
function validatePodSpecificAnnotations(annotations: Record<string, string>, spec: Obj, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  if (mirrorPodAnnotationKey in annotations && str(spec.nodeName).length === 0) {
    errs.push(invalid(path.key(mirrorPodAnnotationKey), annotations[mirrorPodAnnotationKey], 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const tolerations = annotations[tolerationsAnnotationKey] ?? '';
  if (tolerations !== '') {
    const err = goJSONError(tolerations, '[]core.Toleration');
    if (err) errs.push(invalid(path, tolerationsAnnotationKey, err));
    else {
      const parsed = objList(JSON.parse(tolerations));
      if (parsed.length > 0) errs.push(...validateTolerations(parsed, path.child(tolerationsAnnotationKey)));
    }
  }
  if (!opts.allowInvalidPodDeletionCost && podDeletionCostKey in annotations && !validDeletionCost(annotations[podDeletionCostKey]!)) {
    errs.push(invalid(path.key(podDeletionCostKey), annotations[podDeletionCostKey], 'must be a 32bit integer'));
  }
  if (seccompPodAnnotationKey in annotations) errs.push(...validateSeccompProfileAnnotation(annotations[seccompPodAnnotationKey]!, path.child(seccompPodAnnotationKey)));
  for (const k of Object.keys(annotations).sort()) {
    if (k.startsWith(seccompContainerAnnotationKeyPrefix)) errs.push(...validateSeccompProfileAnnotation(annotations[k]!, path.child(k)));
  }
  for (const k of Object.keys(annotations).sort()) {
    if (!k.startsWith(appArmorContainerAnnotationKeyPrefix)) continue;
    const containerName = k.slice(appArmorContainerAnnotationKeyPrefix.length);
    if (!podSpecHasContainer(spec, containerName)) errs.push(invalid(path.key(k), containerName, 'container not found'));
    const err = appArmorProfileFormatError(annotations[k]!);
    if (err) errs.push(invalid(path.key(k), annotations[k], err));
  }
  return errs;
}

function validatePodSpecificAnnotationUpdates(newPod: Obj, oldPod: Obj, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const newAnn = strMap(obj(newPod.metadata)?.annotations) ?? {};
  const oldAnn = strMap(obj(oldPod.metadata)?.annotations) ?? {};
  for (const k of Object.keys(oldAnn).sort()) {
    if (k in newAnn && newAnn[k] === oldAnn[k]) continue;
    if (k.startsWith(appArmorContainerAnnotationKeyPrefix)) errs.push(forbidden(path.key(k), 'may not remove or update AppArmor annotations'));
    if (k === mirrorPodAnnotationKey) errs.push(forbidden(path.key(k), 'may not remove or update mirror pod annotation'));
  }
  for (const k of Object.keys(newAnn).sort()) {
    if (k in oldAnn) continue;
    if (k.startsWith(appArmorContainerAnnotationKeyPrefix)) errs.push(forbidden(path.key(k), 'may not add AppArmor annotations'));
    if (k === mirrorPodAnnotationKey) errs.push(forbidden(path.key(k), 'may not add mirror pod annotation'));
  }
  errs.push(...validatePodSpecificAnnotations(newAnn, obj(newPod.spec) ?? {}, path, opts));
  return errs;
}

// ---------------------------------------------------------------------------------------
// Containers

const supportedPortProtocols = ['SCTP', 'TCP', 'UDP'];

function validateContainerPorts(ports: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const idxPath = path.index(i);
    const name = str(port.name);
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length !== 0) for (const m of msgs) errs.push(invalid(idxPath.child('name'), name, m));
      else if (names.has(name)) errs.push(duplicate(idxPath.child('name'), name));
      else names.add(name);
    }
    const containerPort = num(port.containerPort);
    if (containerPort === 0) errs.push(required(idxPath.child('containerPort'), ''));
    else for (const m of isValidPortNum(containerPort)) errs.push(invalid(idxPath.child('containerPort'), containerPort, m));
    const hostPort = num(port.hostPort);
    if (hostPort !== 0) for (const m of isValidPortNum(hostPort)) errs.push(invalid(idxPath.child('hostPort'), hostPort, m));
    const protocol = str(port.protocol);
    if (protocol.length === 0) errs.push(required(idxPath.child('protocol'), ''));
    else if (!supportedPortProtocols.includes(protocol)) errs.push(notSupported(idxPath.child('protocol'), protocol, supportedPortProtocols));
  });
  return errs;
}

function validateEnv(vars: Obj[], path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  vars.forEach((ev, i) => {
    const idxPath = path.index(i);
    const name = str(ev.name);
    if (name.length === 0) errs.push(required(idxPath.child('name'), ''));
    else {
      const msgs = opts.allowRelaxedEnvironmentVariableValidation ? isRelaxedEnvVarName(name) : isEnvVarName(name);
      for (const m of msgs) errs.push(invalid(idxPath.child('name'), name, m));
    }
    errs.push(...validateEnvVarValueFrom(ev, idxPath.child('valueFrom')));
  });
  return errs;
}

function validateKeySelector(s: Obj, path: FieldPath): FieldError[] {
  const errs = validateName(nameIsDNSSubdomain, str(s.name), path.child('name'));
  const key = str(s.key);
  if (key.length === 0) errs.push(required(path.child('key'), ''));
  else for (const m of isConfigMapKey(key)) errs.push(invalid(path.child('key'), key, m));
  return errs;
}

function validateEnvVarValueFrom(ev: Obj, path: FieldPath): FieldError[] {
  const from = obj(ev.valueFrom);
  if (!from) return [];
  const errs: FieldError[] = [];
  let count = 0;
  const fieldRef = obj(from.fieldRef);
  if (fieldRef) {
    count++;
    errs.push(...validateObjectFieldSelector(fieldRef, envDownwardAPIFieldPaths, path.child('fieldRef')));
  }
  const resourceFieldRef = obj(from.resourceFieldRef);
  if (resourceFieldRef) {
    count++;
    errs.push(...validateContainerResourceFieldSelector(resourceFieldRef, path.child('resourceFieldRef'), false));
  }
  const configMapKeyRef = obj(from.configMapKeyRef);
  if (configMapKeyRef) {
    count++;
    errs.push(...validateKeySelector(configMapKeyRef, path.child('configMapKeyRef')));
  }
  const secretKeyRef = obj(from.secretKeyRef);
  if (secretKeyRef) {
    count++;
    errs.push(...validateKeySelector(secretKeyRef, path.child('secretKeyRef')));
  }
  if (count === 0) errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (str(ev.value).length !== 0) errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (count > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateEnvFrom(vars: Obj[], path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  vars.forEach((ev, i) => {
    const idxPath = path.index(i);
    const prefix = str(ev.prefix);
    if (prefix.length > 0) {
      const msgs = opts.allowRelaxedEnvironmentVariableValidation ? isRelaxedEnvVarName(prefix) : isEnvVarName(prefix);
      for (const m of msgs) errs.push(invalid(idxPath.child('prefix'), prefix, m));
    }
    let count = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      const ref = obj(ev[key]);
      if (!ref) continue;
      count++;
      const name = str(ref.name);
      if (name.length === 0) errs.push(required(idxPath.child(key).child('name'), ''));
      else errs.push(...validateName(nameIsDNSSubdomain, name, idxPath.child(key).child('name'), true));
    }
    if (count === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (count > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

const supportedMountPropagations = ['Bidirectional', 'HostToContainer', 'None'];

function validateVolumeMounts(mounts: Obj[], devices: Map<string, string>, volumes: Map<string, Obj>, container: Obj | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  mounts.forEach((mnt, i) => {
    const idxPath = path.index(i);
    const name = str(mnt.name);
    const mountPath = str(mnt.mountPath);
    if (name.length === 0) errs.push(required(idxPath.child('name'), ''));
    if (!volumes.has(name)) errs.push(notFound(idxPath.child('name'), name));
    if (mountPath.length === 0) errs.push(required(idxPath.child('mountPath'), ''));
    if (mountPoints.has(mountPath)) errs.push(invalid(idxPath.child('mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    if (devices.has(name)) errs.push(invalid(idxPath.child('name'), name, 'must not already exist in volumeDevices'));
    if ([...devices.values()].includes(mountPath)) errs.push(invalid(idxPath.child('mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    const subPath = str(mnt.subPath);
    const subPathExpr = str(mnt.subPathExpr);
    const vol = volumes.get(name);
    if (vol && present(vol, 'image')) {
      if (subPath.length !== 0) errs.push(invalid(idxPath.child('subPath'), subPath, 'not allowed in image volume sources'));
      if (subPathExpr.length !== 0) errs.push(invalid(idxPath.child('subPathExpr'), subPathExpr, 'not allowed in image volume sources'));
    }
    // Upstream reports these at the list's path, not the item's.
    if (subPath.length > 0) errs.push(...validateLocalDescendingPath(subPath, path.child('subPath')));
    if (subPathExpr.length > 0) {
      if (subPath.length > 0) errs.push(invalid(idxPath.child('subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, path.child('subPathExpr')));
    }
    const propagation = optStr(mnt.mountPropagation);
    if (propagation !== undefined) {
      const p = path.child('mountPropagation');
      if (!supportedMountPropagations.includes(propagation)) errs.push(notSupported(p, propagation, supportedMountPropagations));
      if (container) {
        const privileged = obj(container.securityContext)?.privileged === true;
        if (propagation === 'Bidirectional' && !privileged) errs.push(forbidden(p, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
    const rro = optStr(mnt.recursiveReadOnly);
    if (rro !== undefined) {
      const p = path.child('recursiveReadOnly');
      switch (rro) {
        case 'Disabled':
          break;
        case 'Enabled':
        case 'IfPossible':
          if (mnt.readOnly !== true) errs.push(forbidden(p, 'may only be specified when readOnly is true'));
          if (propagation !== undefined && propagation !== 'None') errs.push(forbidden(p, 'may only be specified when mountPropagation is None or not specified'));
          break;
        default:
          errs.push(notSupported(p, rro, ['Disabled', 'Enabled', 'IfPossible']));
      }
    }
  });
  return errs;
}

// Resources

function validateResourceRequirements(requirements: Obj, podClaimNames: Set<string>, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = new Map(resourceEntries(requirements.limits));
  let limCPUOrMemory = false;
  let reqCPUOrMemory = false;
  let limHugePages = false;
  let reqHugePages = false;
  for (const [name, q] of limits) {
    const p = limPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    errs.push(...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) {
      limHugePages = true;
      const err = hugePageValueError(name, q.toString(), opts);
      if (err) errs.push(invalid(p, q.toString(), err));
    }
    if (name === 'cpu' || name === 'memory') limCPUOrMemory = true;
  }
  for (const [name, q] of resourceEntries(requirements.requests)) {
    const p = reqPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    errs.push(...validateResourceQuantityValue(name, q, p));
    const limit = limits.get(name);
    if (limit) {
      if (q.cmp(limit) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${limit.toString()}`));
      } else if (q.cmp(limit) > 0) {
        errs.push(invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${limit.toString()}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) {
      reqHugePages = true;
      const err = hugePageValueError(name, q.toString(), opts);
      if (err) errs.push(invalid(p, q.toString(), err));
    }
    if (name === 'cpu' || name === 'memory') reqCPUOrMemory = true;
  }
  if (!limCPUOrMemory && !reqCPUOrMemory && (reqHugePages || limHugePages)) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  errs.push(...validateResourceClaimNames(objList(requirements.claims), podClaimNames, path.child('claims')));
  return errs;
}

function hugePageValueError(name: string, quantity: string, opts: Opts): string | undefined {
  if (opts.allowIndivisibleHugePagesValues) return undefined;
  const pageSize = parseQuantity(name.slice('hugepages-'.length));
  const q = parseQuantity(quantity);
  let divisible = false;
  if (pageSize && q && pageSize.sign() > 0 && pageSize.scaledValueBig(-3) % 1000n === 0n) {
    divisible = q.scaledValueBig(0) % pageSize.scaledValueBig(0) === 0n;
  }
  return divisible ? undefined : `${quantity} is not positive integer multiple of ${name}`;
}

function validateResourceClaimNames(claims: Obj[], podClaimNames: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  claims.forEach((claim, i) => {
    const name = str(claim.name);
    if (name === '') {
      errs.push(required(path.index(i), ''));
      return;
    }
    if (names.has(name)) {
      errs.push(duplicate(path.index(i), name));
    } else {
      let key = name;
      const request = str(claim.request);
      if (request !== '') {
        errs.push(...validateDNS1123Label(request, path.index(i).child('request')));
        key += `/${request}`;
      }
      if (names.has(key)) errs.push(duplicate(path.index(i), key));
      else if (request === '') {
        for (const k of names) {
          const slash = k.indexOf('/');
          if (slash >= 0 && k.slice(0, slash) === name) errs.push(duplicate(path.index(i), name));
        }
      }
      names.add(key);
    }
    if (!podClaimNames.has(name)) {
      const list = [...podClaimNames].sort();
      const detail = `must be one of the names in pod.spec.resourceClaims${list.length === 0 ? ' which is empty' : `: ${list.join(', ')}`}`;
      errs.push({ ...notFound(path.index(i), name), detail });
    }
  });
  return errs;
}

function validateResizePolicy(policies: Obj[], path: FieldPath, podRestartPolicy: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  policies.forEach((p, i) => {
    const resourceName = str(p.resourceName);
    const restartPolicy = str(p.restartPolicy);
    if (seen.has(resourceName)) errs.push(duplicate(path.index(i), resourceName));
    seen.add(resourceName);
    if (resourceName === '') errs.push(required(path, ''));
    else if (resourceName !== 'cpu' && resourceName !== 'memory') errs.push(notSupported(path, resourceName, ['cpu', 'memory']));
    if (restartPolicy === '') errs.push(required(path, ''));
    else if (restartPolicy !== 'NotRequired' && restartPolicy !== 'RestartContainer') errs.push(notSupported(path, restartPolicy, ['NotRequired', 'RestartContainer']));
    if (podRestartPolicy === 'Never' && restartPolicy !== 'NotRequired') errs.push(invalid(path, restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
  return errs;
}

// Probes and handlers

function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  if (port === undefined || port === null) return isValidPortNum(0).map((m) => invalid(path, 0, m));
  return [internalError(path, `unknown type: ${typeof port}`)];
}

function validateHandler(handler: Obj, kinds: readonly string[], gracePeriod: number | undefined, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const h = obj(handler[kind]);
    if (!h) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(kind), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const p = path.child(kind);
    switch (kind) {
      case 'exec':
        if (list(h.command).length === 0) errs.push(required(p.child('command'), ''));
        break;
      case 'httpGet': {
        if (str(h.path).length === 0) errs.push(required(p.child('path'), ''));
        errs.push(...validatePortNumOrName(h.port, p.child('port')));
        const scheme = str(h.scheme);
        if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(p.child('scheme'), scheme, ['HTTP', 'HTTPS']));
        for (const header of objList(h.httpHeaders)) for (const m of isHTTPHeaderName(str(header.name))) errs.push(invalid(p.child('httpHeaders'), str(header.name), m));
        break;
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(h.port, p.child('port')));
        break;
      case 'grpc':
        errs.push(...validatePortNumOrName(num(h.port), p.child('port')));
        break;
      case 'sleep': {
        const seconds = num(h.seconds);
        if (opts.allowPodLifecycleSleepActionZeroValue) {
          if (gracePeriod !== undefined && (seconds < 0 || seconds > gracePeriod)) {
            errs.push(invalid(p, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
          }
        } else if (gracePeriod !== undefined && (seconds <= 0 || seconds > gracePeriod)) {
          errs.push(
            invalid(p, seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`),
          );
        }
        break;
      }
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(probe: Obj, gracePeriod: number | undefined, path: FieldPath, opts: Opts): FieldError[] {
  const errs = validateHandler(probe, probeHandlers, gracePeriod, path, opts);
  for (const key of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegativeField(num(probe[key]), path.child(key)));
  }
  const tgps = optNum(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined && tgps <= 0) errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  return errs;
}

function validateLivenessOrStartupProbe(probe: unknown, gracePeriod: number | undefined, path: FieldPath, opts: Opts): FieldError[] {
  const p = obj(probe);
  if (!p) return [];
  const errs = validateProbe(p, gracePeriod, path, opts);
  if (num(p.successThreshold) !== 1) errs.push(invalid(path.child('successThreshold'), num(p.successThreshold), 'must be 1'));
  return errs;
}

function validateReadinessProbe(probe: unknown, gracePeriod: number | undefined, path: FieldPath, opts: Opts): FieldError[] {
  const p = obj(probe);
  if (!p) return [];
  const errs = validateProbe(p, gracePeriod, path, opts);
  if (present(p, 'terminationGracePeriodSeconds')) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), num(p.terminationGracePeriodSeconds), 'must not be set for readinessProbes'));
  }
  return errs;
}

function validateLifecycle(lifecycle: Obj, gracePeriod: number | undefined, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['postStart', 'preStop']) {
    const h = obj(lifecycle[key]);
    if (h) errs.push(...validateHandler(h, lifecycleHandlers, gracePeriod, path.child(key), opts));
  }
  return errs;
}

function validateProbesAndLifecycle(ctr: Obj, gracePeriod: number | undefined, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const lifecycle = obj(ctr.lifecycle);
  if (lifecycle) errs.push(...validateLifecycle(lifecycle, gracePeriod, path.child('lifecycle'), opts));
  errs.push(...validateLivenessOrStartupProbe(ctr.livenessProbe, gracePeriod, path.child('livenessProbe'), opts));
  errs.push(...validateReadinessProbe(ctr.readinessProbe, gracePeriod, path.child('readinessProbe'), opts));
  errs.push(...validateLivenessOrStartupProbe(ctr.startupProbe, gracePeriod, path.child('startupProbe'), opts));
  return errs;
}

// Security contexts

function goSeccompProfile(sp: Obj): GoRepr {
  return new GoRepr(`core.SeccompProfile{Type:${goQuote(str(sp.type))}, LocalhostProfile:${goPtr('string', sp.localhostProfile)}}`);
}

function goSecurityContext(sc: Obj): GoRepr {
  const fields: Array<[string, string, string]> = [
    ['Capabilities', 'core.Capabilities', 'capabilities'],
    ['Privileged', 'bool', 'privileged'],
    ['SELinuxOptions', 'core.SELinuxOptions', 'seLinuxOptions'],
    ['WindowsOptions', 'core.WindowsSecurityContextOptions', 'windowsOptions'],
    ['RunAsUser', 'int64', 'runAsUser'],
    ['RunAsGroup', 'int64', 'runAsGroup'],
    ['RunAsNonRoot', 'bool', 'runAsNonRoot'],
    ['ReadOnlyRootFilesystem', 'bool', 'readOnlyRootFilesystem'],
    ['AllowPrivilegeEscalation', 'bool', 'allowPrivilegeEscalation'],
    ['ProcMount', 'core.ProcMountType', 'procMount'],
    ['SeccompProfile', 'core.SeccompProfile', 'seccompProfile'],
    ['AppArmorProfile', 'core.AppArmorProfile', 'appArmorProfile'],
  ];
  return new GoRepr(`core.SecurityContext{${fields.map(([go, type, key]) => `${go}:${goPtr(type, sc[key])}`).join(', ')}}`);
}

function validateSeccompProfileField(sp: Obj | undefined, path: FieldPath): FieldError[] {
  if (!sp) return [];
  const errs: FieldError[] = [];
  const type = str(sp.type);
  if (type === '') errs.push(required(path.child('type'), 'type is required when seccompProfile is set'));
  else if (!['Localhost', 'RuntimeDefault', 'Unconfined'].includes(type)) errs.push(notSupported(path.child('type'), type, ['Localhost', 'RuntimeDefault', 'Unconfined']));
  const localhost = optStr(sp.localhostProfile);
  if (type === 'Localhost') {
    if (localhost === undefined) errs.push(required(path.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    else errs.push(...validateLocalDescendingPath(localhost, path.child('localhostProfile')));
  } else if (localhost !== undefined) {
    errs.push(invalid(path.child('localhostProfile'), goSeccompProfile(sp), 'can only be set when seccomp type is Localhost'));
  }
  return errs;
}

function validateAppArmorProfileField(profile: Obj | undefined, path: FieldPath): FieldError[] {
  if (!profile) return [];
  const errs: FieldError[] = [];
  const type = str(profile.type);
  const localhost = optStr(profile.localhostProfile);
  switch (type) {
    case 'Localhost':
      if (localhost === undefined) {
        errs.push(required(path.child('localhostProfile'), 'must be set when AppArmor type is Localhost'));
      } else {
        const trimmed = localhost.trim();
        if (trimmed !== localhost) errs.push(invalid(path.child('localhostProfile'), localhost, 'must not be padded with whitespace'));
        else if (trimmed === '') errs.push(required(path.child('localhostProfile'), 'must be set when AppArmor type is Localhost'));
        if (byteLength(localhost) > 4095) errs.push(tooLong(path.child('localhostProfile'), '', 4095));
      }
      break;
    case 'RuntimeDefault':
    case 'Unconfined':
      if (localhost !== undefined) errs.push(invalid(path.child('localhostProfile'), localhost, 'can only be set when AppArmor type is Localhost'));
      break;
    case '':
      errs.push(required(path.child('type'), 'type is required when appArmorProfile is set'));
      break;
    default:
      errs.push(notSupported(path.child('type'), type, ['Localhost', 'RuntimeDefault', 'Unconfined']));
  }
  return errs;
}

const hasControlChar = (v: string) => [...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const validNetBiosRegex = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const validWindowsUserDomainDNSRegex = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const invalidUserNameCharsRegex = /["/\\:;|=,+*?<>@[\]]/;
const invalidUserNameDotsSpacesRegex = /^[. ]+$/;

function validateWindowsSecurityContextOptions(options: Obj | undefined, path: FieldPath): FieldError[] {
  if (!options) return [];
  const errs: FieldError[] = [];
  const specName = optStr(options.gmsaCredentialSpecName);
  if (specName !== undefined) for (const m of validateDNS1123Subdomain(specName, path.child('gmsaCredentialSpecName'))) errs.push(m);
  const spec = optStr(options.gmsaCredentialSpec);
  if (spec !== undefined) {
    if (spec.length === 0) errs.push(invalid(path.child('gmsaCredentialSpec'), spec, 'gmsaCredentialSpec cannot be an empty string'));
    else if (byteLength(spec) > 64 * 1024) errs.push(invalid(path.child('gmsaCredentialSpec'), spec, 'gmsaCredentialSpec size must be under 64 KiB'));
  }
  const userName = optStr(options.runAsUserName);
  if (userName !== undefined) {
    const p = path.child('runAsUserName');
    const parts = userName.split('\\');
    if (userName.length === 0) errs.push(invalid(p, userName, 'runAsUserName cannot be an empty string'));
    else if (hasControlChar(userName)) errs.push(invalid(p, userName, 'runAsUserName cannot contain control characters'));
    else if (parts.length > 2) errs.push(invalid(p, userName, 'runAsUserName cannot contain more than one backslash'));
    else {
      const hasDomain = parts.length === 2;
      const domain = hasDomain ? parts[0]! : '';
      const user = hasDomain ? parts[1]! : parts[0]!;
      if (byteLength(domain) >= 256) errs.push(invalid(p, userName, "runAsUserName's Domain length must be under 256 characters"));
      if (hasDomain && !(validNetBiosRegex.test(domain) || validWindowsUserDomainDNSRegex.test(domain))) {
        errs.push(invalid(p, userName, "runAsUserName's Domain doesn't match the NetBios nor the DNS format"));
      }
      if (user.length === 0) errs.push(invalid(p, userName, "runAsUserName's User cannot be empty"));
      else if (byteLength(user) > 104) errs.push(invalid(p, userName, "runAsUserName's User length must not be longer than 104 characters"));
      if (invalidUserNameDotsSpacesRegex.test(user)) errs.push(invalid(p, userName, "runAsUserName's User cannot contain only periods or spaces"));
      if (invalidUserNameCharsRegex.test(user)) errs.push(invalid(p, userName, `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`));
    }
  }
  return errs;
}

function validateSecurityContext(sc: Obj | undefined, path: FieldPath, hostUsers: boolean, opts: Opts): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  if (sc.privileged === true && !opts.allowPrivileged) errs.push(forbidden(path.child('privileged'), 'disallowed by cluster policy'));
  const runAsUser = optNum(sc.runAsUser);
  if (runAsUser !== undefined) for (const m of isValidUserID(runAsUser)) errs.push(invalid(path.child('runAsUser'), runAsUser, m));
  const runAsGroup = optNum(sc.runAsGroup);
  if (runAsGroup !== undefined) for (const m of isValidGroupID(runAsGroup)) errs.push(invalid(path.child('runAsGroup'), runAsGroup, m));
  const procMount = optStr(sc.procMount);
  if (procMount !== undefined) {
    if (procMount !== 'Default' && procMount !== 'Unmasked') errs.push(notSupported(path.child('procMount'), procMount, ['Default', 'Unmasked']));
    if (hostUsers && procMount === 'Unmasked') errs.push(invalid(path.child('procMount'), procMount, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...validateSeccompProfileField(obj(sc.seccompProfile), path.child('seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) errs.push(invalid(path, goSecurityContext(sc), 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    for (const cap of strList(obj(sc.capabilities)?.add)) {
      if (cap === 'CAP_SYS_ADMIN') errs.push(invalid(path, goSecurityContext(sc), 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  errs.push(...validateWindowsSecurityContextOptions(obj(sc.windowsOptions), path.child('windowsOptions')));
  errs.push(...validateAppArmorProfileField(obj(sc.appArmorProfile), path.child('appArmorProfile')));
  return errs;
}

/** The internal PodSecurityContext: spec.securityContext plus the host namespace fields kept on the v1 spec. */
function podSecurityContext(spec: Obj): Obj {
  return {
    ...(obj(spec.securityContext) ?? {}),
    hostNetwork: spec.hostNetwork,
    hostPID: spec.hostPID,
    hostIPC: spec.hostIPC,
    shareProcessNamespace: spec.shareProcessNamespace,
    hostUsers: spec.hostUsers,
  };
}

const sysctlSegmentFmt = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const sysctlContainSlashFmt = `(${sysctlSegmentFmt}[\\./])*${sysctlSegmentFmt}`;
const sysctlRegexp = new RegExp(`^${sysctlContainSlashFmt}$`);

/** utilsysctl.NormalizeName: `a/b.c` written with slashes becomes `a.b/c`. */
function normalizeSysctlName(name: string): string {
  const firstSep = name.search(/[./]/);
  if (firstSep < 0 || name[firstSep] === '.') return name;
  return name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
}

function hostSysctlError(name: string, psc: Obj, path: FieldPath): FieldError | undefined {
  const n = normalizeSysctlName(name);
  let ns = '';
  if (n === 'kernel.sem' || n.startsWith('kernel.shm') || n.startsWith('kernel.msg') || n.startsWith('fs.mqueue.')) ns = 'IPC';
  else if (n.startsWith('net.')) ns = 'Net';
  if (psc.hostNetwork === true && ns === 'Net') return invalid(path, name, "may not be specified when 'hostNetwork' is true");
  if (psc.hostIPC === true && ns === 'IPC') return invalid(path, name, "may not be specified when 'hostIPC' is true");
  return undefined;
}

function validatePodSecurityContext(psc: Obj, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const fsGroup = optNum(psc.fsGroup);
  if (fsGroup !== undefined) for (const m of isValidGroupID(fsGroup)) errs.push(invalid(path.child('fsGroup'), fsGroup, m));
  const runAsUser = optNum(psc.runAsUser);
  if (runAsUser !== undefined) for (const m of isValidUserID(runAsUser)) errs.push(invalid(path.child('runAsUser'), runAsUser, m));
  const runAsGroup = optNum(psc.runAsGroup);
  if (runAsGroup !== undefined) for (const m of isValidGroupID(runAsGroup)) errs.push(invalid(path.child('runAsGroup'), runAsGroup, m));
  list(psc.supplementalGroups).forEach((g, i) => {
    for (const m of isValidGroupID(num(g))) errs.push(invalid(path.child('supplementalGroups').index(i), num(g), m));
  });
  if (psc.shareProcessNamespace === true && psc.hostPID === true) {
    errs.push(invalid(path.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const sysctls = objList(psc.sysctls);
  if (sysctls.length !== 0) {
    const names = new Set<string>();
    sysctls.forEach((s, i) => {
      const name = str(s.name);
      const p = path.child('sysctls').index(i).child('name');
      if (name.length === 0) errs.push(required(p, ''));
      else if (byteLength(name) > 253 || !sysctlRegexp.test(name)) errs.push(invalid(p, name, `must have at most 253 characters and match regex ^${sysctlContainSlashFmt}$`));
      else if (names.has(name)) errs.push(duplicate(p, name));
      if (!opts.allowNamespacedSysctlsForHostNetAndHostIPC) {
        const err = hostSysctlError(name, psc, p);
        if (err) errs.push(err);
      }
      names.add(name);
    });
  }
  const fsGroupChangePolicy = optStr(psc.fsGroupChangePolicy);
  if (fsGroupChangePolicy !== undefined && !['Always', 'OnRootMismatch'].includes(fsGroupChangePolicy)) {
    errs.push(notSupported(path.child('fsGroupChangePolicy'), fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  errs.push(...validateSeccompProfileField(obj(psc.seccompProfile), path.child('seccompProfile')));
  errs.push(...validateWindowsSecurityContextOptions(obj(psc.windowsOptions), path.child('windowsOptions')));
  errs.push(...validateAppArmorProfileField(obj(psc.appArmorProfile), path.child('appArmorProfile')));
  const sgp = optStr(psc.supplementalGroupsPolicy);
  if (sgp !== undefined && sgp !== 'Merge' && sgp !== 'Strict') errs.push(notSupported(path.child('supplementalGroupsPolicy'), sgp, ['Merge', 'Strict']));
  const selinux = optStr(psc.seLinuxChangePolicy);
  if (selinux !== undefined) {
    const p = path.child('seLinuxChangePolicy');
    if (opts.allowOnlyRecursiveSELinuxChangePolicy) {
      if (selinux !== 'Recursive') errs.push(notSupported(p, selinux, ['Recursive']));
    } else if (selinux !== 'MountOption' && selinux !== 'Recursive') {
      errs.push(notSupported(p, selinux, ['MountOption', 'Recursive']));
    }
  }
  return errs;
}

// Containers

function validateContainerCommon(ctr: Obj, volumes: Map<string, Obj>, podClaimNames: Set<string>, path: FieldPath, opts: Opts, restartPolicy: string, hostUsers: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(ctr.name);
  if (name.length === 0) errs.push(required(path.child('name'), ''));
  else errs.push(...validateDNS1123Label(name, path.child('name')));
  if (str(ctr.image).length === 0) errs.push(required(path.child('image'), ''));
  const tmp = str(ctr.terminationMessagePolicy);
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy'), ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  const mounts = objList(ctr.volumeMounts);
  const devices = objList(ctr.volumeDevices);
  const mountMap = new Map(mounts.map((m) => [str(m.name), str(m.mountPath)]));
  const deviceMap = new Map(devices.map((d) => [str(d.name), str(d.devicePath)]));
  errs.push(...validateContainerPorts(objList(ctr.ports), path.child('ports')));
  errs.push(...validateEnv(objList(ctr.env), path.child('env'), opts));
  errs.push(...validateEnvFrom(objList(ctr.envFrom), path.child('envFrom'), opts));
  errs.push(...validateVolumeMounts(mounts, deviceMap, volumes, ctr, path.child('volumeMounts')));
  errs.push(...validateVolumeDevices(devices, mountMap, volumes, path.child('volumeDevices')));
  errs.push(...validatePullPolicy(str(ctr.imagePullPolicy), path.child('imagePullPolicy')));
  errs.push(...validateResourceRequirements(obj(ctr.resources) ?? {}, podClaimNames, path.child('resources'), opts));
  errs.push(...validateResizePolicy(objList(ctr.resizePolicy), path.child('resizePolicy'), restartPolicy));
  errs.push(...validateSecurityContext(obj(ctr.securityContext), path.child('securityContext'), hostUsers, opts));
  return errs;
}

/** AccumulateUniqueHostPorts: `protocol/hostIP/port` must not repeat. */
function checkHostPortConflicts(containers: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((ctr, ci) => {
    objList(ctr.ports).forEach((port, pi) => {
      const hostPort = num(port.hostPort);
      if (hostPort === 0) return;
      const key = `${str(port.protocol)}/${str(port.hostIP)}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(containers: Obj[], volumes: Map<string, Obj>, podClaimNames: Set<string>, gracePeriod: number | undefined, path: FieldPath, opts: Opts, restartPolicy: string, hostUsers: boolean): FieldError[] {
  if (containers.length === 0) return [required(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((ctr, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, podClaimNames, p, opts, restartPolicy, hostUsers));
    const name = str(ctr.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else names.add(name);
    errs.push(...validateProbesAndLifecycle(ctr, gracePeriod, p, opts));
    if (present(ctr, 'restartPolicy')) errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

function validateInitContainers(
  containers: Obj[],
  regular: Obj[],
  volumes: Map<string, Obj>,
  podClaimNames: Set<string>,
  gracePeriod: number | undefined,
  path: FieldPath,
  opts: Opts,
  restartPolicy: string,
  hostUsers: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(regular.map((c) => str(c.name)));
  containers.forEach((ctr, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, volumes, podClaimNames, p, opts, restartPolicy, hostUsers));
    let restartAlways = false;
    const ctrRestart = optStr(ctr.restartPolicy);
    if (ctrRestart !== undefined) {
      if (ctrRestart !== 'Always') errs.push(notSupported(p.child('restartPolicy'), ctrRestart, ['Always']));
      restartAlways = ctrRestart === 'Always';
    }
    const name = str(ctr.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else if (name.length > 0) names.add(name);
    // Upstream checks each init container alone, so its errors always name index 0.
    errs.push(...checkHostPortConflicts([ctr], path));
    if (restartAlways) {
      errs.push(...validateProbesAndLifecycle(ctr, gracePeriod, p, opts));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (present(ctr, key)) errs.push(forbidden(p.child(key), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
    if (!opts.allowSidecarResizePolicy && list(ctr.resizePolicy).length > 0) {
      errs.push(invalid(p.child('resizePolicy'), new GoRepr('[]core.ContainerResizePolicy{...}'), 'must not be set for init containers'));
    }
  });
  return errs;
}

/** Fields of EphemeralContainerCommon an ephemeral container may not set, in Go's field order. */
const ephemeralForbiddenFields = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

const isSetJSON = (v: unknown): boolean => {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.values(v).some(isSetJSON);
  return v !== '' && v !== 0 && v !== false;
};

function validateEphemeralContainers(
  ephemeral: Obj[],
  containers: Obj[],
  initContainers: Obj[],
  volumes: Map<string, Obj>,
  podClaimNames: Set<string>,
  path: FieldPath,
  opts: Opts,
  restartPolicy: string,
  hostUsers: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  if (ephemeral.length === 0) return errs;
  const otherNames = new Set([...containers, ...initContainers].map((c) => str(c.name)));
  const allNames = new Set(otherNames);
  ephemeral.forEach((ec, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(ec, volumes, podClaimNames, p, opts, restartPolicy, hostUsers));
    errs.push(...validateContainerOnlyForPod(ec, p));
    const name = str(ec.name);
    if (allNames.has(name)) errs.push(duplicate(p.child('name'), name));
    else allNames.add(name);
    const target = str(ec.targetContainerName);
    if (target !== '' && !otherNames.has(target)) errs.push(notFound(p.child('targetContainerName'), target));
    for (const key of ephemeralForbiddenFields) if (isSetJSON(ec[key]) || (key === 'restartPolicy' && present(ec, key))) errs.push(forbidden(p.child(key), 'cannot be set for an Ephemeral Container'));
    objList(ec.volumeMounts).forEach((vm, j) => {
      if (str(vm.subPath) !== '') errs.push(forbidden(p.child('volumeMounts').index(j).child('subPath'), 'cannot be set for an Ephemeral Container'));
      if (str(vm.subPathExpr) !== '') errs.push(forbidden(p.child('volumeMounts').index(j).child('subPathExpr'), 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}

function validateContainerOnlyForPod(ctr: Obj, path: FieldPath): FieldError[] {
  const image = str(ctr.image);
  if (image.length !== image.trim().length) return [invalid(path.child('image'), image, 'must not have leading or trailing whitespace')];
  return [];
}

// ---------------------------------------------------------------------------------------
// Scheduling: affinity, tolerations, node selectors

/** Upstream's ValidateNodeSelectorRequirement. */
function validateNodeSelectorRequirement(rq: Obj, allowInvalidLabelValue: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = strList(rq.values);
  const op = str(rq.operator);
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(path.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(path.child('operator'), op, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(str(rq.key), path.child('key')));
  if (!allowInvalidLabelValue) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(path.child('values').index(i), v, m));
    });
  }
  return errs;
}

function validateNodeFieldSelectorRequirement(req: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const op = str(req.operator);
  const values = strList(req.values);
  if (op === 'In' || op === 'NotIn') {
    if (values.length !== 1) errs.push(required(path.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(path.child('operator'), op, 'not a valid selector operator'));
  }
  const key = str(req.key);
  if (key !== 'metadata.name') errs.push(invalid(path.child('key'), key, 'not a valid field selector key'));
  else values.forEach((v, i) => errs.push(...validateName(nameIsDNSSubdomain, v, path.child('values').index(i))));
  return errs;
}

function validateNodeSelectorTerm(term: Obj, allowInvalidLabelValue: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  objList(term.matchExpressions).forEach((r, j) => errs.push(...validateNodeSelectorRequirement(r, allowInvalidLabelValue, path.child('matchExpressions').index(j))));
  objList(term.matchFields).forEach((r, j) => errs.push(...validateNodeFieldSelectorRequirement(r, path.child('matchFields').index(j))));
  return errs;
}

/** Upstream's ValidateNodeSelector (node affinity's required terms, a PV's node affinity). */
export function validateNodeSelector(selector: Obj, allowInvalidLabelValue: boolean, path: FieldPath): FieldError[] {
  const termPath = path.child('nodeSelectorTerms');
  const terms = objList(selector.nodeSelectorTerms);
  if (terms.length === 0) return [required(termPath, 'must have at least one node selector term')];
  const errs: FieldError[] = [];
  terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, allowInvalidLabelValue, termPath.index(i))));
  return errs;
}

function validateLabelKeys(path: FieldPath, keys: string[], selector: Obj | undefined): FieldError[] {
  if (keys.length === 0) return [];
  if (!selector) return [forbidden(path, 'must not be specified when labelSelector is not set')];
  const errs: FieldError[] = [];
  keys.forEach((k, i) => errs.push(...validateLabelName(k, path.index(i))));
  return errs;
}

function validateMatchLabelKeysAndMismatchLabelKeys(path: FieldPath, matchKeys: string[], mismatchKeys: string[], selector: Obj | undefined): FieldError[] {
  const errs = validateLabelKeys(path.child('matchLabelKeys'), matchKeys, selector);
  errs.push(...validateLabelKeys(path.child('mismatchLabelKeys'), mismatchKeys, selector));
  if (selector) {
    const keyIndex = new Map<string, number>();
    matchKeys.forEach((k, i) => keyIndex.set(k, i));
    const selectorKeys = new Set(sortedKeys(selector.matchLabels));
    for (const expr of objList(selector.matchExpressions)) {
      const key = str(expr.key);
      const i = keyIndex.get(key);
      if (i !== undefined && selectorKeys.has(key)) errs.push(invalid(path.index(i), key, 'exists in both matchLabelKeys and labelSelector'));
      selectorKeys.add(key);
    }
  }
  const mismatch = new Set(mismatchKeys);
  matchKeys.forEach((k, i) => {
    if (mismatch.has(k)) errs.push(invalid(path.child('matchLabelKeys').index(i), k, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  return errs;
}

function validatePodAffinityTerm(term: Obj, allowInvalidLabelValue: boolean, path: FieldPath): FieldError[] {
  const selectorOpts = { allowInvalidLabelValueInSelector: allowInvalidLabelValue };
  const errs = validateLabelSelector(obj(term.labelSelector) as never, selectorOpts, path.child('labelSelector'));
  errs.push(...validateLabelSelector(obj(term.namespaceSelector) as never, selectorOpts, path.child('namespaceSelector')));
  for (const name of strList(term.namespaces)) errs.push(...validateName(validateNamespaceName, name, path.child('namespace')));
  errs.push(...validateMatchLabelKeysAndMismatchLabelKeys(path, strList(term.matchLabelKeys), strList(term.mismatchLabelKeys), obj(term.labelSelector)));
  const topologyKey = str(term.topologyKey);
  if (topologyKey.length === 0) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(topologyKey, path.child('topologyKey')));
  return errs;
}

function validatePodAffinityKind(a: Obj, allowInvalidLabelValue: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  objList(a.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
    errs.push(...validatePodAffinityTerm(t, allowInvalidLabelValue, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i)));
  });
  objList(a.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, j) => {
    const p = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(j);
    const weight = num(t.weight);
    if (weight <= 0 || weight > 100) errs.push(invalid(p.child('weight'), weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(obj(t.podAffinityTerm) ?? {}, allowInvalidLabelValue, p.child('podAffinityTerm')));
  });
  return errs;
}

function validateAffinity(affinity: Obj | undefined, opts: Opts, path: FieldPath): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = obj(affinity.nodeAffinity);
  if (na) {
    const p = path.child('nodeAffinity');
    const requiredSel = obj(na.requiredDuringSchedulingIgnoredDuringExecution);
    if (requiredSel) {
      errs.push(...validateNodeSelector(requiredSel, opts.allowInvalidLabelValueInRequiredNodeAffinity, p.child('requiredDuringSchedulingIgnoredDuringExecution')));
    }
    objList(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const tp = p.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      const weight = num(t.weight);
      if (weight <= 0 || weight > 100) errs.push(invalid(tp.child('weight'), weight, 'must be in the range 1-100'));
      errs.push(...validateNodeSelectorTerm(obj(t.preference) ?? {}, true, tp.child('preference')));
    });
  }
  const pa = obj(affinity.podAffinity);
  if (pa) errs.push(...validatePodAffinityKind(pa, opts.allowInvalidLabelValueInSelector, path.child('podAffinity')));
  const paa = obj(affinity.podAntiAffinity);
  if (paa) errs.push(...validatePodAffinityKind(paa, opts.allowInvalidLabelValueInSelector, path.child('podAntiAffinity')));
  return errs;
}

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Upstream's validateTaintEffect. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, path: FieldPath): FieldError[] {
  if (!allowEmpty && effect.length === 0) return [required(path, '')];
  if (!taintEffects.includes(effect)) return [notSupported(path, effect, taintEffects)];
  return [];
}

/** Upstream's ValidateTolerations. */
export function validateTolerations(tolerations: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = path.index(i);
    const key = str(t.key);
    const op = str(t.operator);
    const value = str(t.value);
    const effect = str(t.effect);
    if (key.length > 0) errs.push(...validateLabelName(key, p.child('key')));
    if (key.length === 0 && op !== 'Exists') {
      errs.push(invalid(p.child('operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (present(t, 'tolerationSeconds') && effect !== 'NoExecute') errs.push(invalid(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    switch (op) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value);
        if (msgs.length !== 0) errs.push(invalid(p.child('operator'), value, msgs.join(';')));
        break;
      }
      case 'Exists':
        if (value.length > 0) errs.push(invalid(p.child('operator'), value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(p.child('operator'), op, ['Equal', 'Exists']));
    }
    if (effect.length > 0) errs.push(...validateTaintEffect(effect, true, p.child('effect')));
  });
  return errs;
}

// ---------------------------------------------------------------------------------------
// The rest of the pod spec

function validateDNSConfig(dnsConfig: Obj | undefined, dnsPolicy: string, path: FieldPath, opts: Opts): FieldError[] {
  if (dnsPolicy === 'None') {
    if (!dnsConfig) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (strList(dnsConfig.nameservers).length === 0) return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!dnsConfig) return [];
  const errs: FieldError[] = [];
  const nameservers = strList(dnsConfig.nameservers);
  if (nameservers.length > 3) errs.push(invalid(path.child('nameservers'), nameservers, 'must not have more than 3 nameservers'));
  nameservers.forEach((ns, i) => errs.push(...isValidIPForLegacyField(path.child('nameservers').index(i), ns, false)));
  const searches = strList(dnsConfig.searches);
  if (searches.length > 32) errs.push(invalid(path.child('searches'), searches, 'must not have more than 32 search paths'));
  if (byteLength(searches.join(' ')) > 2048) errs.push(invalid(path.child('searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((search, i) => {
    const p = path.child('searches').index(i);
    if (opts.allowRelaxedDNSSearchValidation) {
      if (search !== '.') errs.push(...validateDNS1123SubdomainWithUnderscore(search.replace(/\.$/, ''), p));
    } else {
      errs.push(...validateDNS1123Subdomain(search.replace(/\.$/, ''), p));
    }
  });
  objList(dnsConfig.options).forEach((o, i) => {
    if (str(o.name).length === 0) errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

function validateTopologySpreadConstraints(constraints: Obj[], path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  constraints.forEach((c, i) => {
    const p = path.index(i);
    const maxSkew = num(c.maxSkew);
    if (maxSkew <= 0) errs.push(invalid(p.child('maxSkew'), maxSkew, 'must be greater than zero'));
    const topologyKey = str(c.topologyKey);
    if (topologyKey.length === 0) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    const when = str(c.whenUnsatisfiable);
    if (when !== 'DoNotSchedule' && when !== 'ScheduleAnyway') errs.push(notSupported(p.child('whenUnsatisfiable'), when, ['DoNotSchedule', 'ScheduleAnyway']));
    for (const rest of constraints.slice(i + 1)) {
      if (topologyKey === str(rest.topologyKey) && when === str(rest.whenUnsatisfiable)) {
        errs.push(duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${topologyKey}, ${when}}`));
        break;
      }
    }
    const minDomains = optNum(c.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0) errs.push(invalid(p.child('minDomains'), minDomains, 'must be greater than zero'));
      if (when !== 'DoNotSchedule') errs.push(invalid(p.child('minDomains'), minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${when}`));
    }
    for (const key of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const policy = optStr(c[key]);
      if (policy !== undefined && policy !== 'Honor' && policy !== 'Ignore') errs.push(notSupported(p.child(key), policy, ['Honor', 'Ignore']));
    }
    const matchLabelKeys = strList(c.matchLabelKeys);
    const selector = obj(c.labelSelector);
    if (matchLabelKeys.length > 0) {
      const mp = p.child('matchLabelKeys');
      const selectorKeys = new Set<string>();
      if (selector) {
        for (const k of sortedKeys(selector.matchLabels)) selectorKeys.add(k);
        for (const e of objList(selector.matchExpressions)) selectorKeys.add(str(e.key));
      } else {
        errs.push(forbidden(mp, 'must not be specified when labelSelector is not set'));
      }
      matchLabelKeys.forEach((k, j) => {
        errs.push(...validateLabelName(k, mp.index(j)));
        if (selectorKeys.has(k)) errs.push(invalid(mp.index(j), k, 'exists in both matchLabelKeys and labelSelector'));
      });
    }
    if (!opts.allowInvalidTopologySpreadConstraintLabelSelector) {
      errs.push(...validateLabelSelector(selector as never, { allowInvalidLabelValueInSelector: false }, p.child('labelSelector')));
    }
  });
  return errs;
}

function validateWindowsHostProcessPod(spec: Obj, path: FieldPath, opts: Opts): FieldError[] {
  const errs: FieldError[] = [];
  const podHostProcess = optBool(obj(obj(spec.securityContext)?.windowsOptions)?.hostProcess);
  let containers = 0;
  let hostProcessContainers = 0;
  const visit = (key: string) =>
    objList(spec[key]).forEach((c, i) => {
      containers++;
      const ctrHostProcess = optBool(obj(obj(c.securityContext)?.windowsOptions)?.hostProcess);
      if (podHostProcess !== undefined && ctrHostProcess !== undefined && podHostProcess !== ctrHostProcess) {
        errs.push(
          invalid(path.child(key).index(i).child('securityContext', 'windowsOptions', 'hostProcess'), ctrHostProcess, `pod hostProcess value must be identical if both are specified, was ${podHostProcess}`),
        );
      }
      if (ctrHostProcess === true || (ctrHostProcess === undefined && podHostProcess === true)) hostProcessContainers++;
    });
  visit('initContainers');
  visit('containers');
  visit('ephemeralContainers');
  if (hostProcessContainers > 0) {
    if (hostProcessContainers !== containers) errs.push(invalid(path, '', 'If pod contains any hostProcess containers then all containers must be HostProcess containers'));
    if (spec.hostNetwork !== true) errs.push(invalid(path.child('hostNetwork'), false, 'hostNetwork must be true if pod contains any hostProcess containers'));
    if (!opts.allowPrivileged) errs.push(forbidden(path, 'hostProcess containers are disallowed by cluster policy'));
  }
  return errs;
}

function validateOSSpecific(spec: Obj, path: FieldPath): FieldError[] {
  const os = obj(spec.os);
  if (!os) return [];
  const name = str(os.name);
  if (name.length === 0) return [required(path.child('os').child('name'), 'cannot be empty')];
  if (name !== 'linux' && name !== 'windows') return [notSupported(path.child('os'), name, ['linux', 'windows'])];
  const errs: FieldError[] = [];
  const sc = obj(spec.securityContext);
  const visit = (fn: (c: Obj, p: FieldPath) => void) => {
    for (const key of ['initContainers', 'containers', 'ephemeralContainers']) objList(spec[key]).forEach((c, i) => fn(c, path.child(key).index(i)));
  };
  if (name === 'linux') {
    if (sc && present(sc, 'windowsOptions')) errs.push(forbidden(path.child('securityContext').child('windowsOptions'), 'windows options cannot be set for a linux pod'));
    visit((c, p) => {
      const csc = obj(c.securityContext);
      if (csc && present(csc, 'windowsOptions')) errs.push(forbidden(p.child('securityContext').child('windowsOptions'), 'windows options cannot be set for a linux pod'));
    });
    return errs;
  }
  const cannot = 'cannot be set for a windows pod';
  const scPath = path.child('securityContext');
  if (sc && present(sc, 'appArmorProfile')) errs.push(forbidden(scPath.child('appArmorProfile'), cannot));
  if (sc && present(sc, 'seLinuxOptions')) errs.push(forbidden(scPath.child('seLinuxOptions'), cannot));
  if (present(spec, 'hostUsers')) errs.push(forbidden(path.child('hostUsers'), cannot));
  if (spec.hostPID === true) errs.push(forbidden(path.child('hostPID'), cannot));
  if (spec.hostIPC === true) errs.push(forbidden(path.child('hostIPC'), cannot));
  for (const key of ['seccompProfile', 'fsGroup', 'fsGroupChangePolicy']) if (sc && present(sc, key)) errs.push(forbidden(scPath.child(key), cannot));
  if (sc && list(sc.sysctls).length > 0) errs.push(forbidden(scPath.child('sysctls'), cannot));
  if (present(spec, 'shareProcessNamespace')) errs.push(forbidden(path.child('shareProcessNamespace'), cannot));
  for (const key of ['runAsUser', 'runAsGroup', 'supplementalGroups', 'supplementalGroupsPolicy', 'seLinuxChangePolicy']) {
    if (sc && present(sc, key)) errs.push(forbidden(scPath.child(key), cannot));
  }
  visit((c, p) => {
    const csc = obj(c.securityContext);
    if (!csc) return;
    for (const key of ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup']) {
      if (present(csc, key)) errs.push(forbidden(p.child('securityContext').child(key), cannot));
    }
  });
  return errs;
}

function validatePodResourceClaims(claims: Obj[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  claims.forEach((claim, i) => {
    const p = path.index(i);
    const name = str(claim.name);
    if (name === '') errs.push(required(p.child('name'), ''));
    else if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else {
      errs.push(...validateDNS1123Label(name, p.child('name')));
      names.add(name);
    }
    const claimName = optStr(claim.resourceClaimName);
    const templateName = optStr(claim.resourceClaimTemplateName);
    const repr = new GoRepr(`core.PodResourceClaim{Name:${goQuote(name)}, ResourceClaimName:${goPtr('string', claimName)}, ResourceClaimTemplateName:${goPtr('string', templateName)}}`);
    if (claimName !== undefined && templateName !== undefined) errs.push(invalid(p, repr, 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'));
    if (claimName === undefined && templateName === undefined) errs.push(invalid(p, repr, 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'));
    if (claimName !== undefined) errs.push(...validateName(nameIsDNSSubdomain, claimName, p.child('resourceClaimName')));
    if (templateName !== undefined) errs.push(...validateName(nameIsDNSSubdomain, templateName, p.child('resourceClaimTemplateName')));
  });
  return errs;
}

/**
 * Upstream's ValidatePodSpec on a v1 PodSpec. `podMeta` is the pod's metadata when the spec
 * belongs to a Pod (generic ephemeral volume names need it), undefined for templates.
 */
export function validatePodSpec(spec: Obj, podMeta: Obj | undefined, path: FieldPath, options: PodValidationOptions = {}): FieldError[] {
  const opts = resolvePodValidationOptions(options);
  const errs: FieldError[] = [];
  const gracePeriod = optNum(spec.terminationGracePeriodSeconds);
  if (gracePeriod === undefined) errs.push(required(path.child('terminationGracePeriodSeconds'), ''));
  const hostUsers = spec.hostUsers !== false;
  const restartPolicy = str(spec.restartPolicy);
  const { volumes, errs: volErrs } = validateVolumes(objList(spec.volumes), podMeta, path.child('volumes'), opts);
  errs.push(...volErrs);
  const claims = objList(spec.resourceClaims);
  const podClaimNames = new Set(claims.map((c) => str(c.name)).filter((n) => n !== ''));
  errs.push(...validatePodResourceClaims(claims, path.child('resourceClaims')));
  const containers = objList(spec.containers);
  const initContainers = objList(spec.initContainers);
  errs.push(...validateContainers(containers, volumes, podClaimNames, gracePeriod, path.child('containers'), opts, restartPolicy, hostUsers));
  errs.push(...validateInitContainers(initContainers, containers, volumes, podClaimNames, gracePeriod, path.child('initContainers'), opts, restartPolicy, hostUsers));
  errs.push(
    ...validateEphemeralContainers(objList(spec.ephemeralContainers), containers, initContainers, volumes, podClaimNames, path.child('ephemeralContainers'), opts, restartPolicy, hostUsers),
  );
  if (spec.hostNetwork === true) {
    containers.forEach((c, i) => {
      objList(c.ports).forEach((port, j) => {
        const hp = num(port.hostPort);
        const cp = num(port.containerPort);
        if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
          errs.push(invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  if (restartPolicy === '') errs.push(required(path.child('restartPolicy'), ''));
  else if (!['Always', 'OnFailure', 'Never'].includes(restartPolicy)) errs.push(notSupported(path.child('restartPolicy'), restartPolicy, ['Always', 'OnFailure', 'Never']));
  const dnsPolicy = str(spec.dnsPolicy);
  if (dnsPolicy === '') errs.push(required(path.child('dnsPolicy'), ''));
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dnsPolicy)) {
    errs.push(notSupported(path.child('dnsPolicy'), dnsPolicy, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  }
  errs.push(...validateLabels(strMap(spec.nodeSelector), path.child('nodeSelector')));
  errs.push(...validatePodSecurityContext(podSecurityContext(spec), path.child('securityContext'), opts));
  errs.push(...validateAffinity(obj(spec.affinity), opts, path.child('affinity')));
  errs.push(...validateDNSConfig(obj(spec.dnsConfig), dnsPolicy, path.child('dnsConfig'), opts));
  objList(spec.readinessGates).forEach((g, i) => errs.push(...validateQualifiedName(str(g.conditionType), path.child('readinessGates').index(i).child('conditionType'))));
  const gates = new Set<string>();
  objList(spec.schedulingGates).forEach((g, i) => {
    const name = str(g.name);
    errs.push(...validateQualifiedName(name, path.child('schedulingGates').index(i)));
    if (gates.has(name)) errs.push(duplicate(path.child('schedulingGates').index(i), name));
    gates.add(name);
  });
  errs.push(...validateTopologySpreadConstraints(objList(spec.topologySpreadConstraints), path.child('topologySpreadConstraints'), opts));
  errs.push(...validateWindowsHostProcessPod(spec, path, opts));
  if (spec.hostUsers === false) {
    if (spec.hostNetwork === true) errs.push(forbidden(path.child('hostNetwork'), 'when `pod.Spec.HostUsers` is false'));
    if (spec.hostPID === true) errs.push(forbidden(path.child('HostPID'), 'when `pod.Spec.HostUsers` is false'));
    if (spec.hostIPC === true) errs.push(forbidden(path.child('HostIPC'), 'when `pod.Spec.HostUsers` is false'));
  }
  const sa = str(spec.serviceAccountName);
  if (sa.length > 0) errs.push(...validateName(validateServiceAccountName, sa, path.child('serviceAccountName')));
  const nodeName = str(spec.nodeName);
  if (nodeName.length > 0) errs.push(...validateName(nameIsDNSSubdomain, nodeName, path.child('nodeName')));
  const ads = optNum(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) errs.push(invalid(path.child('activeDeadlineSeconds'), ads, 'must be between 1 and 2147483647, inclusive'));
  const hostname = str(spec.hostname);
  if (hostname.length > 0) errs.push(...validateDNS1123Label(hostname, path.child('hostname')));
  const subdomain = str(spec.subdomain);
  if (subdomain.length > 0) errs.push(...validateDNS1123Label(subdomain, path.child('subdomain')));
  const tolerations = objList(spec.tolerations);
  if (tolerations.length > 0) errs.push(...validateTolerations(tolerations, path.child('tolerations')));
  objList(spec.hostAliases).forEach((alias, i) => {
    const p = path.child('hostAliases').index(i);
    errs.push(...isValidIPForLegacyField(p.child('ip'), str(alias.ip), false));
    strList(alias.hostnames).forEach((h, j) => errs.push(...validateDNS1123Subdomain(h, p.child('hostnames').index(j))));
  });
  const priorityClassName = str(spec.priorityClassName);
  if (priorityClassName.length > 0) errs.push(...validateName(nameIsDNSSubdomain, priorityClassName, path.child('priorityClassName')));
  const runtimeClassName = optStr(spec.runtimeClassName);
  if (runtimeClassName !== undefined) errs.push(...validateName(nameIsDNSSubdomain, runtimeClassName, path.child('runtimeClassName')));
  const preemption = optStr(spec.preemptionPolicy);
  if (preemption !== undefined) {
    if (preemption === '') errs.push(required(path.child('preemptionPolicy'), ''));
    else if (preemption !== 'PreemptLowerPriority' && preemption !== 'Never') errs.push(notSupported(path.child('preemptionPolicy'), preemption, ['PreemptLowerPriority', 'Never']));
  }
  if (present(spec, 'overhead')) errs.push(...validateResourceRequirements({ limits: spec.overhead }, new Set(), path.child('overhead'), opts));
  errs.push(...validateOSSpecific(spec, path));
  return errs;
}

// ---------------------------------------------------------------------------------------
// Seccomp and AppArmor annotations against fields

function validateSeccompAnnotationsAndFields(meta: Obj, spec: Obj, specPath: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const annotations = strMap(meta.annotations) ?? {};
  const match = (annotation: string, sp: Obj, p: FieldPath) => {
    const type = str(sp.type);
    if (type === 'Unconfined' && annotation !== 'unconfined') errs.push(forbidden(p.child('type'), 'seccomp type in annotation and field must match'));
    if (type === 'RuntimeDefault' && annotation !== 'runtime/default' && annotation !== 'docker/default') {
      errs.push(forbidden(p.child('type'), 'seccomp type in annotation and field must match'));
    }
    if (type === 'Localhost') {
      if (!annotation.startsWith('localhost/')) errs.push(forbidden(p.child('type'), 'seccomp type in annotation and field must match'));
      else if (optStr(sp.localhostProfile) !== annotation.slice('localhost/'.length)) errs.push(forbidden(p.child('localhostProfile'), 'seccomp profile in annotation and field must match'));
    }
  };
  const podProfile = obj(obj(spec.securityContext)?.seccompProfile);
  if (podProfile && seccompPodAnnotationKey in annotations) match(annotations[seccompPodAnnotationKey]!, podProfile, specPath.child('securityContext').child('seccompProfile'));
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    objList(spec[key]).forEach((c, i) => {
      const profile = obj(obj(c.securityContext)?.seccompProfile);
      const annotationKey = seccompContainerAnnotationKeyPrefix + str(c.name);
      if (profile && annotationKey in annotations) match(annotations[annotationKey]!, profile, specPath.child(key).index(i).child('securityContext').child('seccompProfile'));
    });
  }
  return errs;
}

function validateAppArmorAnnotationsAndFields(meta: Obj, spec: Obj, specPath: FieldPath): FieldError[] {
  if (str(obj(spec.os)?.name) === 'windows') return [];
  const errs: FieldError[] = [];
  const annotations = strMap(meta.annotations) ?? {};
  const podProfile = obj(obj(spec.securityContext)?.appArmorProfile);
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    objList(spec[key]).forEach((c, i) => {
      const profile = obj(obj(c.securityContext)?.appArmorProfile) ?? podProfile;
      if (!profile) return;
      const annotationKey = appArmorContainerAnnotationKeyPrefix + str(c.name);
      if (!(annotationKey in annotations)) return;
      const annotation = annotations[annotationKey]!;
      const p = specPath.child(key).index(i).child('securityContext').child('appArmorProfile');
      switch (str(profile.type)) {
        case 'Unconfined':
          if (annotation !== 'unconfined') errs.push(forbidden(p.child('type'), 'apparmor type in annotation and field must match'));
          break;
        case 'RuntimeDefault':
          if (annotation !== 'runtime/default') errs.push(forbidden(p.child('type'), 'apparmor type in annotation and field must match'));
          break;
        case 'Localhost':
          if (!annotation.startsWith('localhost/')) errs.push(forbidden(p.child('type'), 'apparmor type in annotation and field must match'));
          else if (optStr(profile.localhostProfile) !== annotation.slice('localhost/'.length)) {
            errs.push(forbidden(p.child('localhostProfile'), 'apparmor profile in annotation and field must match'));
          }
      }
    });
  }
  return errs;
}

// ---------------------------------------------------------------------------------------
// Pod templates

/**
 * Upstream's ValidatePodTemplateSpec on a v1 PodTemplateSpec (`{metadata, spec}`), for
 * workload resources (ReplicationController, Deployment, Job, ...) and PodTemplate.
 */
export function validatePodTemplateSpec(template: unknown, path: FieldPath, options: PodValidationOptions = {}): FieldError[] {
  const opts = resolvePodValidationOptions(options);
  const t = obj(template) ?? {};
  const meta = obj(t.metadata) ?? {};
  const spec = obj(t.spec) ?? {};
  const annotations = strMap(meta.annotations);
  const errs = validateLabels(strMap(meta.labels), path.child('labels'));
  errs.push(...validateAnnotations(annotations, path.child('annotations')));
  errs.push(...validatePodSpecificAnnotations(annotations ?? {}, spec, path.child('annotations'), opts));
  errs.push(...validatePodSpec(spec, undefined, path.child('spec'), opts));
  errs.push(...validateSeccompAnnotationsAndFields(meta, spec, path.child('spec')));
  errs.push(...validateAppArmorAnnotationsAndFields(meta, spec, path.child('spec')));
  if (objList(spec.ephemeralContainers).length > 0) errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  return errs;
}

// ---------------------------------------------------------------------------------------
// Objects

const metaOf = (o: Obj): ObjectMetaLike => (obj(o.metadata) ?? {}) as ObjectMetaLike;

/** Upstream's core ValidateObjectMeta: the generic checks plus the standard finalizer names. */
export function validateCoreObjectMeta(o: Obj, namespaced: boolean, nameFn: Parameters<typeof validateObjectMeta>[2]): FieldError[] {
  const meta = metaOf(o);
  const errs = validateObjectMeta(meta, namespaced, nameFn);
  strList(meta.finalizers).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, FieldPath.root('metadata').child('finalizers').index(i))));
  return errs;
}

/** Upstream's core ValidateObjectMetaUpdate. */
export function validateCoreObjectMetaUpdate(o: Obj, old: Obj): FieldError[] {
  const meta = metaOf(o);
  const errs = validateObjectMetaUpdate(meta, metaOf(old));
  strList(meta.finalizers).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, FieldPath.root('metadata').child('finalizers').index(i))));
  return errs;
}

function validatePodMetadataAndSpec(pod: Obj, opts: Opts): FieldError[] {
  const metaPath = FieldPath.root('metadata');
  const specPath = FieldPath.root('spec');
  const meta = obj(pod.metadata) ?? {};
  const spec = obj(pod.spec) ?? {};
  const errs = validateCoreObjectMeta(pod, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpecificAnnotations(strMap(meta.annotations) ?? {}, spec, metaPath.child('annotations'), opts));
  errs.push(...validatePodSpec(spec, meta, specPath, opts));
  if (str(spec.serviceAccountName) === '') {
    objList(spec.volumes).forEach((vol, vi) => {
      const projected = obj(vol.projected);
      if (!projected) return;
      objList(projected.sources).forEach((source, si) => {
        if (present(source, 'serviceAccountToken')) {
          errs.push(
            forbidden(
              specPath.child('volumes').index(vi).child('projected').child('sources').index(si).child('serviceAccountToken'),
              'must not be specified when serviceAccountName is not set',
            ),
          );
        }
      });
    });
  }
  objList(spec.containers).forEach((c, i) => errs.push(...validateContainerOnlyForPod(c, specPath.child('containers').index(i))));
  objList(spec.initContainers).forEach((c, i) => errs.push(...validateContainerOnlyForPod(c, specPath.child('initContainers').index(i))));
  return errs;
}

/** Upstream's ValidatePodCreate. */
export function validatePodCreate(pod: Obj, options: PodValidationOptions = {}): FieldError[] {
  const opts = resolvePodValidationOptions({ ...options, resourceIsPod: true });
  const errs = validatePodMetadataAndSpec(pod, opts);
  const specPath = FieldPath.root('spec');
  const spec = obj(pod.spec) ?? {};
  if (objList(spec.ephemeralContainers).length > 0) errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'));
  if (str(spec.nodeName) !== '' && list(spec.schedulingGates).length !== 0) {
    errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  errs.push(...validateSeccompAnnotationsAndFields(obj(pod.metadata) ?? {}, spec, specPath));
  errs.push(...validateAppArmorAnnotationsAndFields(obj(pod.metadata) ?? {}, spec, specPath));
  return errs;
}

const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

const goFieldNames: Record<string, string> = { dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', os: 'OS', hostPID: 'HostPID', hostIPC: 'HostIPC' };

/**
 * A short go-cmp style diff of two specs, changed top-level fields only. Upstream prints
 * cmp.Diff of the internal structs; this keeps its shape (`- old`, `+ new`) without
 * reproducing it byte for byte.
 */
export function specDiff(typeName: string, oldSpec: Obj, newSpec: Obj): string {
  const keys = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])];
  const lines = [`  ${typeName}{`];
  let identical = 0;
  const flush = () => {
    if (identical > 0) lines.push(`  \t... // ${identical} identical field${identical === 1 ? '' : 's'}`);
    identical = 0;
  };
  for (const k of keys) {
    if (semanticEqual(oldSpec[k], newSpec[k])) {
      identical++;
      continue;
    }
    flush();
    const goName = goFieldNames[k] ?? k.charAt(0).toUpperCase() + k.slice(1);
    if (oldSpec[k] !== undefined) lines.push(`- \t${goName}: ${JSON.stringify(oldSpec[k])},`);
    if (newSpec[k] !== undefined) lines.push(`+ \t${goName}: ${JSON.stringify(newSpec[k])},`);
  }
  flush();
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}

function tolerationsOnlyAdded(newTolerations: Obj[], oldTolerations: Obj[], path: FieldPath): FieldError[] {
  for (const old of oldTolerations) {
    const found = newTolerations.some((t) => semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(newTolerations, path);
}

function schedulingGatesOnlyDeleted(newGates: Obj[], oldGates: Obj[], path: FieldPath): FieldError[] {
  if (newGates.length === 0) return [];
  const additional = new Map<string, number>();
  newGates.forEach((g, i) => additional.set(str(g.name), i));
  for (const g of oldGates) additional.delete(str(g.name));
  return [...additional].map(([gate, i]) => forbidden(path.index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${gate}'`));
}

function containerImageUpdates(newContainers: Obj[], oldContainers: Obj[], path: FieldPath): { errs: FieldError[]; stop: boolean } {
  if (newContainers.length !== oldContainers.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  newContainers.forEach((c, i) => {
    const image = str(c.image);
    if (image.length === 0) errs.push(required(path.index(i).child('image'), ''));
    if (image.trim().length !== image.length) errs.push(invalid(path.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

function nodeAffinityMutationErrors(path: FieldPath, newNA: Obj | undefined, oldNA: Obj | undefined): FieldError[] {
  const oldRequired = obj(oldNA?.requiredDuringSchedulingIgnoredDuringExecution);
  if (!oldRequired) return [];
  const oldTerms = objList(oldRequired.nodeSelectorTerms);
  const newTerms = objList(obj(newNA?.requiredDuringSchedulingIgnoredDuringExecution)?.nodeSelectorTerms);
  const termsPath = path.child('requiredDuringSchedulingIgnoredDuringExecution').child('nodeSelectorTerms');
  if (oldTerms.length > 0 && oldTerms.length !== newTerms.length) {
    return [invalid(termsPath, new GoRepr('[]core.NodeSelectorTerm{...}'), 'no additions/deletions to non-empty NodeSelectorTerms list are allowed')];
  }
  const errs: FieldError[] = [];
  oldTerms.forEach((oldTerm, i) => {
    const newTerm = newTerms[i] ?? {};
    let ok = true;
    const oldExprs = objList(oldTerm.matchExpressions);
    const oldFields = objList(oldTerm.matchFields);
    if (oldExprs.length === 0 && oldFields.length === 0 && (list(newTerm.matchExpressions).length > 0 || list(newTerm.matchFields).length > 0)) ok = false;
    for (const [o, n] of [
      [oldExprs, objList(newTerm.matchExpressions)],
      [oldFields, objList(newTerm.matchFields)],
    ] as const) {
      if (o.length > 0 && (n.length < o.length || !semanticEqual(n.slice(0, o.length), o))) ok = false;
    }
    if (!ok) errs.push(invalid(termsPath.index(i), new GoRepr('core.NodeSelectorTerm{...}'), 'only additions are allowed (no mutations or deletions)'));
  });
  return errs;
}

/** Upstream's ValidatePodUpdate (the main resource, not status, ephemeralcontainers or resize). */
export function validatePodUpdate(pod: Obj, old: Obj, options: PodValidationOptions = {}): FieldError[] {
  const opts = resolvePodValidationOptions({ ...podValidationOptionsFor(obj(old.spec), obj(old.metadata)), ...options, resourceIsPod: true });
  const metaPath = FieldPath.root('metadata');
  const errs = validateCoreObjectMetaUpdate(pod, old);
  errs.push(...validatePodMetadataAndSpec(pod, opts));
  errs.push(...validatePodSpecificAnnotationUpdates(pod, old, metaPath.child('annotations'), opts));
  const specPath = FieldPath.root('spec');
  const spec = obj(pod.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  for (const key of ['containers', 'initContainers']) {
    const r = containerImageUpdates(objList(spec[key]), objList(oldSpec[key]), specPath.child(key));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const newADS = optNum(spec.activeDeadlineSeconds);
  const oldADS = optNum(oldSpec.activeDeadlineSeconds);
  if (newADS !== undefined) {
    if (newADS < 0 || newADS > 2147483647) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), newADS, 'must be between 0 and 2147483647, inclusive'));
      return errs;
    }
    if (oldADS !== undefined && oldADS < newADS) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), newADS, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldADS !== undefined) {
    errs.push(invalid(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...tolerationsOnlyAdded(objList(spec.tolerations), objList(oldSpec.tolerations), specPath.child('tolerations')));
  errs.push(...schedulingGatesOnlyDeleted(objList(spec.schedulingGates), objList(oldSpec.schedulingGates), specPath.child('schedulingGates')));
  if (semanticEqual(spec, oldSpec)) return errs;

  const munged: Obj = structuredClone(spec);
  for (const key of ['containers', 'initContainers']) {
    const oldList = objList(oldSpec[key]);
    if (Array.isArray(munged[key])) munged[key] = objList(munged[key]).map((c, i) => ({ ...c, image: oldList[i]?.image }));
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldTGPS = optNum(oldSpec.terminationGracePeriodSeconds);
  if (oldTGPS !== undefined && oldTGPS < 0 && optNum(munged.terminationGracePeriodSeconds) === 1) munged.terminationGracePeriodSeconds = oldTGPS;
  if (list(oldSpec.schedulingGates).length > 0) {
    const newSel = strMap(munged.nodeSelector) ?? {};
    const oldSel = strMap(oldSpec.nodeSelector) ?? {};
    if (!semanticEqual(munged.nodeSelector, oldSpec.nodeSelector)) {
      for (const [k, v] of Object.entries(oldSel)) {
        if (newSel[k] !== v) {
          errs.push(invalid(specPath.child('nodeSelector'), newSel, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
          break;
        }
      }
      munged.nodeSelector = oldSpec.nodeSelector;
    }
    const oldAffinity = obj(oldSpec.affinity);
    const oldNA = obj(oldAffinity?.nodeAffinity);
    const mungedAffinity = obj(munged.affinity);
    const mungedNA = obj(mungedAffinity?.nodeAffinity);
    if (!semanticEqual(oldNA, mungedNA)) {
      errs.push(...nodeAffinityMutationErrors(specPath.child('affinity').child('nodeAffinity'), mungedNA, oldNA));
      if (!mungedAffinity && !oldNA) {
        // already effectively nil
      } else if (!mungedAffinity && oldNA) {
        munged.affinity = { nodeAffinity: oldNA };
      } else if (mungedAffinity && !oldAffinity && !present(mungedAffinity, 'podAffinity') && !present(mungedAffinity, 'podAntiAffinity')) {
        delete munged.affinity;
      } else if (mungedAffinity) {
        munged.affinity = { ...mungedAffinity, nodeAffinity: oldNA };
      }
    }
  }
  if (!semanticEqual(munged, oldSpec)) {
    errs.push(forbidden(specPath, `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}\n${specDiff('core.PodSpec', oldSpec, munged)}`));
  }
  return errs;
}

/** Upstream's ValidatePodTemplate (the PodTemplate kind). */
export function validatePodTemplate(pt: Obj, options: PodValidationOptions = {}): FieldError[] {
  const errs = validateCoreObjectMeta(pt, true, nameIsDNSSubdomain);
  errs.push(...validatePodTemplateSpec(pt.template, FieldPath.root('template'), options));
  return errs;
}

/** Upstream's ValidatePodTemplateUpdate. */
export function validatePodTemplateUpdate(pt: Obj, old: Obj, options: PodValidationOptions = {}): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(pt, old);
  const opts = { ...podValidationOptionsFor(obj(obj(old.template)?.spec), obj(obj(old.template)?.metadata)), ...options };
  errs.push(...validatePodTemplateSpec(pt.template, FieldPath.root('template'), opts));
  return errs;
}
