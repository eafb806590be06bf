/**
 * Volumes as upstream's pkg/apis/core/validation (Kubernetes 1.33) checks them: pod volume
 * sources (exactly one per volume, each with its own required fields), the path rules
 * shared with volume mounts, PersistentVolume specs and PersistentVolumeClaim specs.
 */
import { type FieldError, FieldPath, duplicate, forbidden, invalid, notFound, notSupported, required, tooLong } from '../../../apimachinery/field.ts';
import { GoRepr, byteLength, goQuote } from '../../../apimachinery/go-format.ts';
import {
  isDNS1123Subdomain,
  isQualifiedName,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateNamespaceName,
} from '../../../apimachinery/validation.ts';
import {
  type Obj,
  goResourceList,
  isNegative,
  isObj,
  list,
  mapLen,
  num,
  obj,
  objList,
  optNum,
  optStr,
  parseQuantity,
  present,
  resourceEntries,
  sortedKeys,
  str,
  strList,
  validateBasicResource,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateName,
  validatePositiveQuantityValue,
  validateResourceQuantityValue,
} from './util.ts';

/** The parts of the pod validation options the volume checks read. */
export interface VolumeValidationOptions {
  allowNonLocalProjectedTokenPath?: boolean;
  resourceIsPod?: boolean;
}

const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive';
const pdPartitionErrorMsg = 'must be between 1 and 255, inclusive';

// ---------------------------------------------------------------------------------------
// Paths

/** No `..` element. */
export function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  if (target.split('/').includes('..')) return [invalid(path, target, "must not contain '..'")];
  return [];
}

/** Relative, without `..` elements. */
export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith('/')) errs.push(invalid(path, target, 'must be a relative path'));
  errs.push(...validatePathNoBacksteps(target, path));
  return errs;
}

/** Relative, without `..` elements, and not starting with `..`. */
export function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

const fileMode = (v: unknown, path: FieldPath): FieldError[] => {
  const mode = optNum(v);
  if (mode !== undefined && (mode > 0o777 || mode < 0)) return [invalid(path, mode, fileModeErrorMsg)];
  return [];
};

// ---------------------------------------------------------------------------------------
// Pod volumes

export interface VolumesResult {
  /** The valid volumes by name, as upstream's map of volume sources. */
  volumes: Map<string, Obj>;
  errs: FieldError[];
}

/** Upstream's ValidateVolumes: names unique RFC 1123 labels, each with exactly one valid source. */
export function validateVolumes(volumes: Obj[], podMeta: Obj | undefined, path: FieldPath, opts: VolumeValidationOptions): VolumesResult {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  const podName = str(podMeta?.name);
  const createdPVCs = new Set<string>();
  if (podName !== '') for (const vol of volumes) if (present(vol, 'ephemeral')) createdPVCs.add(`${podName}-${str(vol.name)}`);
  const vols = new Map<string, Obj>();
  volumes.forEach((vol, i) => {
    const idxPath = path.index(i);
    const namePath = idxPath.child('name');
    const name = str(vol.name);
    const el = validateVolumeSource(vol, idxPath, name, podMeta, opts);
    if (name.length === 0) el.push(required(namePath, ''));
    else el.push(...validateDNS1123Label(name, namePath));
    if (names.has(name)) el.push(duplicate(namePath, name));
    if (el.length === 0) {
      names.add(name);
      vols.set(name, vol);
    } else {
      errs.push(...el);
    }
    const claim = obj(vol.persistentVolumeClaim);
    if (claim && createdPVCs.has(str(claim.claimName))) {
      errs.push(invalid(idxPath.child('persistentVolumeClaim').child('claimName'), str(claim.claimName), 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return { volumes: vols, errs };
}

type SourceCheck = (source: Obj, path: FieldPath, ctx: { volName: string; podMeta: Obj | undefined; opts: VolumeValidationOptions }) => FieldError[];

/** [JSON key, name used in the "more than 1" error, name of the validation path, check]. */
const podVolumeSources: Array<[string, string, string, SourceCheck]> = [
  ['hostPath', 'hostPath', 'hostPath', (s, p) => validateHostPathVolumeSource(s, p)],
  ['gitRepo', 'gitRepo', 'gitRepo', (s, p) => validateGitRepoVolumeSource(s, p)],
  ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk', (s, p) => validateGCEPersistentDisk(s, p)],
  ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore', (s, p) => validateAWSElasticBlockStore(s, p)],
  ['secret', 'secret', 'secret', (s, p) => validateSecretVolumeSource(s, p)],
  ['nfs', 'nfs', 'nfs', (s, p) => validateNFSVolumeSource(s, p)],
  ['iscsi', 'iscsi', 'iscsi', (s, p) => validateISCSIVolumeSource(s, p)],
  ['glusterfs', 'glusterfs', 'glusterfs', (s, p) => validateGlusterfsVolumeSource(s, p)],
  ['flocker', 'flocker', 'flocker', (s, p) => validateFlockerVolumeSource(s, p)],
  ['persistentVolumeClaim', 'persistentVolumeClaim', 'persistentVolumeClaim', (s, p) => requiredStrings(s, p, ['claimName'])],
  ['rbd', 'rbd', 'rbd', (s, p) => validateRBD(s, p)],
  ['cinder', 'cinder', 'cinder', (s, p) => validateCinder(s, p, false)],
  ['cephfs', 'cephFS', 'cephfs', (s, p) => requiredLists(s, p, ['monitors'])],
  ['quobyte', 'quobyte', 'quobyte', (s, p) => validateQuobyteVolumeSource(s, p)],
  ['downwardAPI', 'downwarAPI', 'downwardAPI', (s, p) => validateDownwardAPIVolumeSource(s, p)],
  ['fc', 'fc', 'fc', (s, p) => validateFCVolumeSource(s, p)],
  ['flexVolume', 'flexVolume', 'flexVolume', (s, p) => validateFlexVolumeSource(s, p)],
  ['configMap', 'configMap', 'configMap', (s, p) => validateConfigMapVolumeSource(s, p)],
  ['azureFile', 'azureFile', 'azureFile', (s, p) => requiredStrings(s, p, ['secretName', 'shareName'])],
  ['vsphereVolume', 'vsphereVolume', 'vsphereVolume', (s, p) => requiredStrings(s, p, ['volumePath'])],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk', (s, p) => requiredStrings(s, p, ['pdID'])],
  ['portworxVolume', 'portworxVolume', 'portworxVolume', (s, p) => requiredStrings(s, p, ['volumeID'])],
  ['azureDisk', 'azureDisk', 'azureDisk', (s, p) => validateAzureDisk(s, p)],
  ['storageos', 'storageos', 'storageos', (s, p) => validateStorageOS(s, p, false)],
  ['projected', 'projected', 'projected', (s, p, c) => validateProjectedVolumeSource(s, p, c.opts)],
  ['scaleIO', 'scaleIO', 'scaleIO', (s, p) => requiredStrings(s, p, ['gateway', 'system', 'volumeName'])],
  ['csi', 'csi', 'csi', (s, p) => validateCSIVolumeSource(s, p)],
  ['ephemeral', 'ephemeral', 'ephemeral', (s, p, c) => validateEphemeralVolumeSource(s, p, c.volName, c.podMeta)],
  ['image', 'image', 'image', (s, p, c) => validateImageVolumeSource(s, p, c.opts)],
];

function validateVolumeSource(vol: Obj, path: FieldPath, volName: string, podMeta: Obj | undefined, opts: VolumeValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  const emptyDir = obj(vol.emptyDir);
  if (emptyDir) {
    count++;
    const sizeLimit = parseQuantity(emptyDir.sizeLimit);
    if (present(emptyDir, 'sizeLimit') && sizeLimit && isNegative(sizeLimit)) {
      errs.push(forbidden(path.child('emptyDir').child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
    }
  }
  for (const [key, errName, pathName, check] of podVolumeSources) {
    const source = obj(vol[key]);
    if (!source) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(errName), 'may not specify more than 1 volume type'));
    } else {
      count++;
      errs.push(...check(source, path.child(pathName), { volName, podMeta, opts }));
    }
    if (key === 'iscsi' && present(source, 'initiatorName') && byteLength(`${volName}:${str(source.targetPortal)}`) > 64) {
      errs.push(
        invalid(path.child('name'), volName, 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.'),
      );
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

function requiredStrings(source: Obj, path: FieldPath, keys: string[]): FieldError[] {
  return keys.filter((k) => str(source[k]).length === 0).map((k) => required(path.child(k), ''));
}

function requiredLists(source: Obj, path: FieldPath, keys: string[]): FieldError[] {
  return keys.filter((k) => list(source[k]).length === 0).map((k) => required(path.child(k), ''));
}

const supportedHostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

export function validateHostPathVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const p = str(source.path);
  if (p.length === 0) return [required(path.child('path'), '')];
  const errs = validatePathNoBacksteps(p, path.child('path'));
  const type = optStr(source.type);
  if (type !== undefined && !supportedHostPathTypes.includes(type)) errs.push(notSupported(path.child('type'), type, supportedHostPathTypes));
  return errs;
}

function validateGitRepoVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['repository']);
  errs.push(...validateLocalDescendingPath(str(source.directory), path.child('directory')));
  return errs;
}

function validatePartition(source: Obj, path: FieldPath): FieldError[] {
  const partition = num(source.partition);
  if (partition < 0 || partition > 255) return [invalid(path.child('partition'), partition, pdPartitionErrorMsg)];
  return [];
}

const validateGCEPersistentDisk = (s: Obj, p: FieldPath) => [...requiredStrings(s, p, ['pdName']), ...validatePartition(s, p)];
const validateAWSElasticBlockStore = (s: Obj, p: FieldPath) => [...requiredStrings(s, p, ['volumeID']), ...validatePartition(s, p)];

function validateKeyToPath(kp: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (str(kp.key).length === 0) errs.push(required(path.child('key'), ''));
  if (str(kp.path).length === 0) errs.push(required(path.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(str(kp.path), path.child('path')));
  errs.push(...fileMode(kp.mode, path.child('mode')));
  return errs;
}

function validateSecretVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['secretName']);
  errs.push(...fileMode(source.defaultMode, path.child('defaultMode')));
  objList(source.items).forEach((kp, i) => errs.push(...validateKeyToPath(kp, path.child('items').index(i))));
  return errs;
}

function validateConfigMapVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['name']);
  errs.push(...fileMode(source.defaultMode, path.child('defaultMode')));
  objList(source.items).forEach((kp, i) => errs.push(...validateKeyToPath(kp, path.child('items').index(i))));
  return errs;
}

function validateNFSVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['server', 'path']);
  if (!str(source.path).startsWith('/')) errs.push(invalid(path.child('path'), str(source.path), 'must be an absolute path'));
  return errs;
}

const iqnRegex = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\s]+)$/;
const euiRegex = /^eui.[A-Za-z0-9]{16}$/;
const naaRegex = /^naa.[A-Za-z0-9]{32}$/;

function iscsiNameFormatErrors(value: string, path: FieldPath, prefixMsg: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasPrefix = value.startsWith('iqn') || value.startsWith('eui') || value.startsWith('naa');
  if (!hasPrefix) errs.push(invalid(path, value, prefixMsg));
  if (value.startsWith('iqn') && !iqnRegex.test(value)) errs.push(invalid(path, value, 'must be valid format'));
  else if (value.startsWith('eui') && !euiRegex.test(value)) errs.push(invalid(path, value, 'must be valid format'));
  else if (value.startsWith('naa') && !naaRegex.test(value)) errs.push(invalid(path, value, 'must be valid format'));
  return errs;
}

function iqnErrors(iqn: string, path: FieldPath, prefixMsg: string): FieldError[] {
  if (iqn.length === 0) return [required(path, '')];
  const hasPrefix = iqn.startsWith('iqn') || iqn.startsWith('eui') || iqn.startsWith('naa');
  if (!hasPrefix) return [invalid(path, iqn, prefixMsg)];
  if ((iqn.startsWith('iqn') && !iqnRegex.test(iqn)) || (iqn.startsWith('eui') && !euiRegex.test(iqn)) || (iqn.startsWith('naa') && !naaRegex.test(iqn))) {
    return [invalid(path, iqn, 'must be valid format')];
  }
  return [];
}

function validateISCSIVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['targetPortal']);
  errs.push(...iqnErrors(str(source.iqn), path.child('iqn'), 'must be valid format starting with iqn, eui, or naa'));
  const lun = num(source.lun);
  if (lun < 0 || lun > 255) errs.push(invalid(path.child('lun'), lun, 'must be between 0 and 255, inclusive'));
  if ((source.chapAuthDiscovery === true || source.chapAuthSession === true) && !present(source, 'secretRef')) {
    errs.push(required(path.child('secretRef'), ''));
  }
  const initiator = optStr(source.initiatorName);
  if (initiator !== undefined) {
    errs.push(...iscsiNameFormatErrors(initiator, path.child('initiatorname'), 'must be valid format starting with iqn, eui, or naa'));
  }
  return errs;
}

function validateISCSIPersistentVolumeSource(source: Obj, pvName: string, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['targetPortal']);
  if (present(source, 'initiatorName') && byteLength(`${pvName}:${str(source.targetPortal)}`) > 64) {
    errs.push(
      invalid(path.child('targetportal'), str(source.targetPortal), 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.'),
    );
  }
  errs.push(...iqnErrors(str(source.iqn), path.child('iqn'), 'must be valid format'));
  const lun = num(source.lun);
  if (lun < 0 || lun > 255) errs.push(invalid(path.child('lun'), lun, 'must be between 0 and 255, inclusive'));
  if ((source.chapAuthDiscovery === true || source.chapAuthSession === true) && !present(source, 'secretRef')) {
    errs.push(required(path.child('secretRef'), ''));
  }
  const secretRef = obj(source.secretRef);
  if (secretRef && str(secretRef.name).length === 0) errs.push(required(path.child('secretRef', 'name'), ''));
  const initiator = optStr(source.initiatorName);
  if (initiator !== undefined) errs.push(...iscsiNameFormatErrors(initiator, path.child('initiatorname'), 'must be valid format'));
  return errs;
}

const validateGlusterfsVolumeSource = (s: Obj, p: FieldPath) => requiredStrings(s, p, ['endpoints', 'path']);

function validateGlusterfsPersistentVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['endpoints', 'path']);
  const ns = optStr(source.endpointsNamespace);
  if (ns !== undefined) {
    if (ns === '') errs.push(invalid(path.child('endpointsNamespace'), ns, 'if the endpointnamespace is set, it must be a valid namespace name'));
    else errs.push(...validateName(validateNamespaceName, ns, path.child('endpointsNamespace')));
  }
  return errs;
}

function validateFlockerVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(source.datasetName);
  const uuid = str(source.datasetUUID);
  if (name.length === 0 && uuid.length === 0) errs.push(required(path, 'one of datasetName and datasetUUID is required'));
  if (name.length !== 0 && uuid.length !== 0) errs.push(invalid(path, 'resource', 'datasetName and datasetUUID can not be specified simultaneously'));
  if (name.includes('/')) errs.push(invalid(path.child('datasetName'), name, "must not contain '/'"));
  return errs;
}

const validateRBD = (s: Obj, p: FieldPath) => [...requiredLists(s, p, ['monitors']), ...requiredStrings(s, p, ['image'])];

function validateCinder(source: Obj, path: FieldPath, pv: boolean): FieldError[] {
  const errs = requiredStrings(source, path, ['volumeID']);
  const ref = obj(source.secretRef);
  if (ref) {
    if (str(ref.name).length === 0) errs.push(required(path.child('secretRef', 'name'), ''));
    if (pv && str(ref.namespace).length === 0) errs.push(required(path.child('secretRef', 'namespace'), ''));
  }
  return errs;
}

/** Go's net.SplitHostPort, only whether it fails. */
function splitHostPortFails(hostport: string): boolean {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return true;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return true;
    if (end + 1 !== i) return true;
    return hostport.slice(1, end).includes('[') || hostport.slice(end + 1).includes('[') || hostport.slice(end + 1).includes(']');
  }
  const host = hostport.slice(0, i);
  if (host.includes(':')) return true;
  return host.includes('[') || host.includes(']') || hostport.slice(i + 1).includes('[') || hostport.slice(i + 1).includes(']');
}

function validateQuobyteVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const registry = str(source.registry);
  if (registry.length === 0) {
    errs.push(required(path.child('registry'), 'must be a host:port pair or multiple pairs separated by commas'));
  } else if (byteLength(str(source.tenant)) >= 65) {
    errs.push(required(path.child('tenant'), 'must be a UUID and may not exceed a length of 64 characters'));
  } else {
    for (const pair of registry.split(',')) {
      if (splitHostPortFails(pair)) errs.push(invalid(path.child('registry'), registry, 'must be a host:port pair or multiple pairs separated by commas'));
    }
  }
  if (str(source.volume).length === 0) errs.push(required(path.child('volume'), ''));
  return errs;
}

const volumeDownwardAPIFieldPaths = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
export const envDownwardAPIFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
export const containerResourceFieldPaths = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const hugePagesFieldPrefixes = ['limits.hugepages-', 'requests.hugepages-'];

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['x']` is [`metadata.labels`, `x`]. */
function splitMaybeSubscriptedPath(fieldPath: string): [string, string, boolean] {
  if (!fieldPath.endsWith("']")) return [fieldPath, '', false];
  const s = fieldPath.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return [fieldPath, '', false];
  return [s.slice(0, i), s.slice(i + 2), true];
}

const convertibleFieldLabels = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** podshelper.ConvertDownwardAPIFieldLabel: the internal field path or an error message. */
function convertDownwardAPIFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== 'v1') return { error: `unsupported pod version: ${version}` };
  const [p, , ok] = splitMaybeSubscriptedPath(label);
  if (ok) {
    if (p === 'metadata.annotations' || p === 'metadata.labels') return { path: label };
    return { error: `field label does not support subscript: ${label}` };
  }
  if (convertibleFieldLabels.has(label)) return { path: label };
  if (label === 'spec.host') return { path: 'spec.nodeName' };
  return { error: `field label not supported: ${label}` };
}

/** Upstream's validateObjectFieldSelector (a fieldRef). */
export function validateObjectFieldSelector(fs: Obj, expressions: readonly string[], path: FieldPath): FieldError[] {
  const apiVersion = str(fs.apiVersion);
  const fieldPath = str(fs.fieldPath);
  if (apiVersion.length === 0) return [required(path.child('apiVersion'), '')];
  if (fieldPath.length === 0) return [required(path.child('fieldPath'), '')];
  const converted = convertDownwardAPIFieldLabel(apiVersion, fieldPath);
  if ('error' in converted) return [invalid(path.child('fieldPath'), fieldPath, `error converting fieldPath: ${converted.error}`)];
  const [p, subscript, ok] = splitMaybeSubscriptedPath(converted.path);
  if (ok) {
    switch (p) {
      case 'metadata.annotations':
        return isQualifiedName(subscript.toLowerCase()).map((m) => invalid(path, subscript.toLowerCase(), m));
      case 'metadata.labels':
        return isQualifiedName(subscript).map((m) => invalid(path, subscript, m));
      default:
        return [invalid(path, p, 'does not support subscript')];
    }
  }
  if (!expressions.includes(p)) return [notSupported(path.child('fieldPath'), p, expressions)];
  return [];
}

const cpuDivisors = new Set(['1m', '1']);
const byteDivisors = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);
const byteDivisorList = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";

function validateContainerResourceDivisor(resource: string, divisorValue: unknown, path: FieldPath): FieldError[] {
  const divisor = parseQuantity(divisorValue);
  if (!divisor || divisor.isZero()) return [];
  const d = divisor.toString();
  const errs: FieldError[] = [];
  switch (resource) {
    case 'limits.cpu':
    case 'requests.cpu':
      if (!cpuDivisors.has(d)) errs.push(invalid(path.child('divisor'), resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
      break;
    case 'limits.memory':
    case 'requests.memory':
      if (!byteDivisors.has(d)) errs.push(invalid(path.child('divisor'), resource, `only divisor's values ${byteDivisorList} are supported with the memory resource`));
      break;
    case 'limits.ephemeral-storage':
    case 'requests.ephemeral-storage':
      if (!byteDivisors.has(d)) {
        errs.push(invalid(path.child('divisor'), resource, `only divisor's values ${byteDivisorList} are supported with the local ephemeral storage resource`));
      }
      break;
  }
  if (hugePagesFieldPrefixes.some((p) => resource.startsWith(p)) && !byteDivisors.has(d)) {
    errs.push(invalid(path.child('divisor'), resource, `only divisor's values ${byteDivisorList} are supported with the hugepages resource`));
  }
  return errs;
}

/** Upstream's validateContainerResourceFieldSelector (a resourceFieldRef). */
export function validateContainerResourceFieldSelector(fs: Obj, path: FieldPath, volume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const resource = str(fs.resource);
  if (volume && str(fs.containerName).length === 0) {
    errs.push(required(path.child('containerName'), ''));
  } else if (resource.length === 0) {
    errs.push(required(path.child('resource'), ''));
  } else if (!containerResourceFieldPaths.includes(resource) && !hugePagesFieldPrefixes.some((p) => resource.startsWith(p))) {
    errs.push(notSupported(path.child('resource'), resource, containerResourceFieldPaths));
  }
  errs.push(...validateContainerResourceDivisor(resource, fs.divisor, path));
  return errs;
}

function validateDownwardAPIVolumeFile(file: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (str(file.path).length === 0) errs.push(required(path.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(str(file.path), path.child('path')));
  const fieldRef = obj(file.fieldRef);
  const resourceFieldRef = obj(file.resourceFieldRef);
  if (fieldRef) {
    errs.push(...validateObjectFieldSelector(fieldRef, volumeDownwardAPIFieldPaths, path.child('fieldRef')));
    if (resourceFieldRef) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (resourceFieldRef) {
    errs.push(...validateContainerResourceFieldSelector(resourceFieldRef, path.child('resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...fileMode(file.mode, path.child('mode')));
  return errs;
}

function validateDownwardAPIVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = fileMode(source.defaultMode, path.child('defaultMode'));
  // Upstream validates each item against the volume's own path, not items[i].
  for (const file of objList(source.items)) errs.push(...validateDownwardAPIVolumeFile(file, path));
  return errs;
}

function validateFCVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const wwns = strList(source.targetWWNs);
  const wwids = strList(source.wwids);
  if (wwns.length < 1 && wwids.length < 1) errs.push(required(path.child('targetWWNs'), 'must specify either targetWWNs or wwids, but not both'));
  if (wwns.length !== 0 && wwids.length !== 0) errs.push(invalid(path.child('targetWWNs'), wwns, 'targetWWNs and wwids can not be specified simultaneously'));
  if (wwns.length !== 0) {
    const lun = optNum(source.lun);
    if (lun === undefined) errs.push(required(path.child('lun'), 'lun is required if targetWWNs is specified'));
    else if (lun < 0 || lun > 255) errs.push(invalid(path.child('lun'), lun, 'must be between 0 and 255, inclusive'));
  }
  return errs;
}

function validateFlexVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['driver']);
  for (const k of sortedKeys(source.options)) {
    const slash = k.indexOf('/');
    const namespace = slash >= 0 ? k.slice(0, slash) : k;
    const normalized = `.${namespace.toLowerCase()}`;
    if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
      errs.push(invalid(path.child('options').key(k), k, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }
  return errs;
}

function validateAzureDisk(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['diskName']);
  const uri = str(source.diskURI);
  if (uri === '') errs.push(required(path.child('diskURI'), ''));
  const caching = optStr(source.cachingMode);
  if (caching !== undefined && !['None', 'ReadOnly', 'ReadWrite'].includes(caching)) errs.push(notSupported(path.child('cachingMode'), caching, ['None', 'ReadOnly', 'ReadWrite']));
  const kind = optStr(source.kind);
  if (kind !== undefined && !['Dedicated', 'Managed', 'Shared'].includes(kind)) errs.push(notSupported(path.child('kind'), kind, ['Dedicated', 'Managed', 'Shared']));
  if (kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
    errs.push(notSupported(path.child('diskURI'), uri, ['/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}']));
  }
  if (kind !== undefined && kind !== 'Managed' && !uri.startsWith('https://')) {
    errs.push(notSupported(path.child('diskURI'), uri, ['https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd']));
  }
  return errs;
}

function validateStorageOS(source: Obj, path: FieldPath, pv: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(source.volumeName);
  if (name.length === 0) errs.push(required(path.child('volumeName'), ''));
  else errs.push(...validateDNS1123Label(name, path.child('volumeName')));
  const ns = str(source.volumeNamespace);
  if (ns.length > 0) errs.push(...validateDNS1123Label(ns, path.child('volumeNamespace')));
  const ref = obj(source.secretRef);
  if (ref) {
    if (str(ref.name).length === 0) errs.push(required(path.child('secretRef', 'name'), ''));
    if (pv && str(ref.namespace).length === 0) errs.push(required(path.child('secretRef', 'namespace'), ''));
  }
  return errs;
}

/** Upstream's ValidateCSIDriverName. */
export function validateCSIDriverName(driver: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (driver.length === 0) errs.push(required(path, ''));
  if (byteLength(driver) > 63) errs.push(tooLong(path, '', 63));
  for (const m of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(path, driver, m));
  return errs;
}

function validateCSIVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = validateCSIDriverName(str(source.driver), path.child('driver'));
  const ref = obj(source.nodePublishSecretRef);
  if (ref) {
    const name = str(ref.name);
    if (name.length === 0) errs.push(required(path.child('nodePublishSecretRef', 'name'), ''));
    else errs.push(...validateName(nameIsDNSSubdomain, name, path.child('name')));
  }
  return errs;
}

function validatePVSecretReference(ref: Obj, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(ref.name);
  if (name.length === 0) errs.push(required(path.child('name'), ''));
  else errs.push(...validateDNS1123Subdomain(name, path.child('name')));
  const ns = str(ref.namespace);
  if (ns.length === 0) errs.push(required(path.child('namespace'), ''));
  else errs.push(...validateDNS1123Label(ns, path.child('namespace')));
  return errs;
}

function validateCSIPersistentVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const errs = validateCSIDriverName(str(source.driver), path.child('driver'));
  if (str(source.volumeHandle).length === 0) errs.push(required(path.child('volumeHandle'), ''));
  for (const key of ['controllerPublishSecretRef', 'controllerExpandSecretRef', 'nodePublishSecretRef', 'nodeExpandSecretRef']) {
    const ref = obj(source[key]);
    if (ref) errs.push(...validatePVSecretReference(ref, path.child(key)));
  }
  return errs;
}

function validateProjectedVolumeSource(source: Obj, path: FieldPath, opts: VolumeValidationOptions): FieldError[] {
  const errs = fileMode(source.defaultMode, path.child('defaultMode'));
  const allPaths = new Set<string>();
  const addPath = (p: string, bad: string) => {
    if (allPaths.has(p)) errs.push(invalid(path, bad, 'conflicting duplicate paths'));
    else allPaths.add(p);
  };
  objList(source.sources).forEach((src, i) => {
    let count = 0;
    const srcPath = path.child('sources').index(i);
    for (const key of ['secret', 'configMap'] as const) {
      const s = obj(src[key]);
      if (!s) continue;
      count++;
      const projPath = srcPath.child(key);
      if (str(s.name).length === 0) errs.push(required(projPath.child('name'), ''));
      objList(s.items).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, projPath.child('items').index(j)));
        if (str(kp.path).length > 0) addPath(str(kp.path), str(s.name));
      });
    }
    const downward = obj(src.downwardAPI);
    if (downward) {
      count++;
      for (const file of objList(downward.items)) {
        errs.push(...validateDownwardAPIVolumeFile(file, srcPath.child('downwardAPI')));
        if (str(file.path).length > 0) addPath(str(file.path), str(file.path));
      }
    }
    const token = obj(src.serviceAccountToken);
    if (token) {
      count++;
      const projPath = srcPath.child('serviceAccountToken');
      const expiration = num(token.expirationSeconds);
      if (expiration < 600) errs.push(invalid(projPath.child('expirationSeconds'), expiration, 'may not specify a duration less than 10 minutes'));
      if (expiration > 2 ** 32) errs.push(invalid(projPath.child('expirationSeconds'), expiration, 'may not specify a duration larger than 2^32 seconds'));
      if (str(token.path) === '') errs.push(required(path.child('path'), ''));
      else if (!opts.allowNonLocalProjectedTokenPath) errs.push(...validateLocalNonReservedPath(str(token.path), path.child('path')));
    }
    const ctb = obj(src.clusterTrustBundle);
    if (ctb) {
      count++;
      const projPath = srcPath.child('clusterTrustBundle');
      const name = optStr(ctb.name);
      const signerName = optStr(ctb.signerName);
      if (name !== undefined && signerName !== undefined) {
        errs.push(invalid(projPath, new GoRepr('core.ClusterTrustBundleProjection{...}'), 'only one of name and signerName may be used'));
      } else if (name !== undefined) {
        if (name === '') errs.push(required(projPath.child('name'), 'must be a valid object name'));
        if (present(ctb, 'labelSelector')) {
          errs.push(invalid(projPath.child('labelSelector'), new GoRepr('&v1.LabelSelector{...}'), 'labelSelector must be unset if name is specified'));
        }
      } else if (signerName !== undefined) {
        if (signerName === '') errs.push(required(projPath.child('signerName'), 'must be a valid signer name'));
        errs.push(...validateLabelSelector(obj(ctb.labelSelector) as never, {}, projPath.child('labelSelector')));
      } else {
        errs.push(required(projPath, 'either name or signerName must be specified'));
      }
      const p = str(ctb.path);
      if (p === '') errs.push(required(projPath.child('path'), ''));
      errs.push(...validateLocalNonReservedPath(p, projPath.child('path')));
      addPath(p, p);
    }
    if (count > 1) errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

function validateEphemeralVolumeSource(source: Obj, path: FieldPath, volName: string, podMeta: Obj | undefined): FieldError[] {
  const template = obj(source.volumeClaimTemplate);
  const errs: FieldError[] = [];
  if (!template) {
    errs.push(required(path.child('volumeClaimTemplate'), ''));
  } else {
    errs.push(...validatePersistentVolumeClaimTemplate(template, path.child('volumeClaimTemplate')));
  }
  const podName = str(podMeta?.name);
  if (podName !== '' && volName !== '') {
    const pvcName = `${podName}-${volName}`;
    for (const m of nameIsDNSSubdomain(pvcName, false)) {
      errs.push(invalid(path.child('name'), volName, `PVC name ${goQuote(pvcName)}: ${m}`));
    }
  }
  return errs;
}

function validateImageVolumeSource(source: Obj, path: FieldPath, opts: VolumeValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (opts.resourceIsPod && str(source.reference).length === 0) errs.push(required(path.child('reference'), ''));
  errs.push(...validatePullPolicy(str(source.pullPolicy), path.child('pullPolicy')));
  return errs;
}

/** An image pull policy: required, one of Always, IfNotPresent, Never. */
export function validatePullPolicy(policy: string, path: FieldPath): FieldError[] {
  if (policy === 'Always' || policy === 'IfNotPresent' || policy === 'Never') return [];
  if (policy === '') return [required(path, '')];
  return [notSupported(path, policy, ['Always', 'IfNotPresent', 'Never'])];
}

// ---------------------------------------------------------------------------------------
// Embedded object metadata (PVC templates)

const objectMetaFields: Array<[string, string]> = [
  ['name', 'name'],
  ['generateName', 'generateName'],
  ['namespace', 'namespace'],
  ['selfLink', 'selfLink'],
  ['uid', 'uID'],
  ['resourceVersion', 'resourceVersion'],
  ['generation', 'generation'],
  ['creationTimestamp', 'creationTimestamp'],
  ['deletionTimestamp', 'deletionTimestamp'],
  ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'],
  ['ownerReferences', 'ownerReferences'],
  ['finalizers', 'finalizers'],
  ['managedFields', 'managedFields'],
];

const isZeroJSON = (v: unknown) =>
  v === undefined || v === null || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);

/** Upstream's ValidateTemplateObjectMeta: labels and annotations only. */
export function validateTemplateObjectMeta(meta: Obj, path: FieldPath): FieldError[] {
  const errs = validateAnnotations(strMapOf(meta.annotations), path.child('annotations'));
  errs.push(...validateLabels(strMapOf(meta.labels), path.child('labels')));
  for (const [key, goName] of objectMetaFields) if (!isZeroJSON(meta[key])) errs.push(forbidden(path.child(goName), 'cannot be set'));
  return errs;
}

const strMapOf = (v: unknown): Record<string, string> | undefined =>
  isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : ''])) : undefined;

export function validatePersistentVolumeClaimTemplate(template: Obj, path: FieldPath): FieldError[] {
  const errs = validateTemplateObjectMeta(obj(template.metadata) ?? {}, path.child('metadata'));
  errs.push(...validatePersistentVolumeClaimSpec(obj(template.spec) ?? {}, path.child('spec'), {}));
  return errs;
}

// ---------------------------------------------------------------------------------------
// PersistentVolumeClaim

const supportedAccessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const supportedVolumeModes = ['Block', 'Filesystem'];

function validateAccessModes(modes: string[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const mode of modes) {
    if (!supportedAccessModes.includes(mode)) errs.push(notSupported(path, mode, supportedAccessModes));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else if (supportedAccessModes.includes(mode)) other = true;
  }
  if (rwop && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

export interface PersistentVolumeClaimSpecOptions {
  allowInvalidLabelValueInSelector?: boolean;
  allowInvalidAPIGroupInDataSourceOrRef?: boolean;
}

function validateDataSource(ds: Obj, path: FieldPath, allowInvalidAPIGroup: boolean, isRef: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (str(ds.name).length === 0) errs.push(required(path.child('name'), ''));
  if (str(ds.kind).length === 0) errs.push(required(path.child('kind'), ''));
  const apiGroup = str(ds.apiGroup);
  if (apiGroup.length === 0 && str(ds.kind) !== 'PersistentVolumeClaim') {
    errs.push(invalid(path, str(ds.kind), "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  if (apiGroup.length > 0 && !allowInvalidAPIGroup) for (const m of isDNS1123Subdomain(apiGroup)) errs.push(invalid(path.child('apiGroup'), apiGroup, m));
  const ns = str(ds.namespace);
  if (isRef && ns.length > 0) errs.push(...validateName(validateNamespaceName, ns, path.child('namespace')));
  return errs;
}

/** Upstream's ValidatePersistentVolumeClaimSpec. */
export function validatePersistentVolumeClaimSpec(spec: Obj, path: FieldPath, opts: PersistentVolumeClaimSpecOptions): FieldError[] {
  const errs: FieldError[] = [];
  const modes = strList(spec.accessModes);
  if (modes.length === 0) errs.push(required(path.child('accessModes'), 'at least 1 access mode is required'));
  const selector = obj(spec.selector);
  if (selector) {
    errs.push(...validateLabelSelector(selector as never, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, path.child('selector')));
  }
  errs.push(...validateAccessModes(modes, path.child('accessModes')));
  const requests = obj(obj(spec.resources)?.requests);
  const storagePath = path.child('resources').key('storage');
  const storage = requests && present(requests, 'storage') ? parseQuantity(requests.storage) : undefined;
  if (!requests || !present(requests, 'storage')) {
    errs.push(required(storagePath, ''));
  } else if (storage) {
    const positive = validatePositiveQuantityValue(storage, storagePath);
    errs.push(...(positive.length > 0 ? positive : validateResourceQuantityValue('storage', storage, storagePath)));
  }
  const className = optStr(spec.storageClassName);
  if (className !== undefined && className.length > 0) errs.push(...validateName(nameIsDNSSubdomain, className, path.child('storageClassName')));
  const volumeMode = optStr(spec.volumeMode);
  if (volumeMode !== undefined && !supportedVolumeModes.includes(volumeMode)) errs.push(notSupported(path.child('volumeMode'), volumeMode, supportedVolumeModes));
  const ds = obj(spec.dataSource);
  const dsRef = obj(spec.dataSourceRef);
  if (ds) errs.push(...validateDataSource(ds, path.child('dataSource'), !!opts.allowInvalidAPIGroupInDataSourceOrRef, false));
  if (dsRef) errs.push(...validateDataSource(dsRef, path.child('dataSourceRef'), !!opts.allowInvalidAPIGroupInDataSourceOrRef, true));
  if (dsRef && str(dsRef.namespace).length > 0) {
    if (ds) errs.push(invalid(path, path.child('dataSource'), 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (ds && dsRef) {
    const same = optStr(ds.apiGroup) === optStr(dsRef.apiGroup) && str(ds.kind) === str(dsRef.kind) && str(ds.name) === str(dsRef.name);
    if (!same) errs.push(invalid(path, path.child('dataSource'), 'must match dataSourceRef'));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------
// PersistentVolume

/** [JSON key, check] in upstream's order; flexVolume is counted without the "more than 1" check. */
const pvSources: Array<[string, string, (s: Obj, p: FieldPath, pvName: string) => FieldError[]]> = [
  ['hostPath', 'hostPath', (s, p) => validateHostPathVolumeSource(s, p)],
  ['gcePersistentDisk', 'persistentDisk', (s, p) => validateGCEPersistentDisk(s, p)],
  ['awsElasticBlockStore', 'awsElasticBlockStore', (s, p) => validateAWSElasticBlockStore(s, p)],
  ['glusterfs', 'glusterfs', (s, p) => validateGlusterfsPersistentVolumeSource(s, p)],
  ['flocker', 'flocker', (s, p) => validateFlockerVolumeSource(s, p)],
  ['nfs', 'nfs', (s, p) => validateNFSVolumeSource(s, p)],
  ['rbd', 'rbd', (s, p) => validateRBD(s, p)],
  ['quobyte', 'quobyte', (s, p) => validateQuobyteVolumeSource(s, p)],
  ['cephfs', 'cephfs', (s, p) => requiredLists(s, p, ['monitors'])],
  ['iscsi', 'iscsi', (s, p, name) => validateISCSIPersistentVolumeSource(s, name, p)],
  ['cinder', 'cinder', (s, p) => validateCinder(s, p, true)],
  ['fc', 'fc', (s, p) => validateFCVolumeSource(s, p)],
  ['flexVolume', 'flexVolume', (s, p) => validateFlexVolumeSource(s, p)],
  ['azureFile', 'azureFile', (s, p) => validateAzureFilePV(s, p)],
  ['vsphereVolume', 'vsphereVolume', (s, p) => requiredStrings(s, p, ['volumePath'])],
  ['photonPersistentDisk', 'photonPersistentDisk', (s, p) => requiredStrings(s, p, ['pdID'])],
  ['portworxVolume', 'portworxVolume', (s, p) => requiredStrings(s, p, ['volumeID'])],
  ['azureDisk', 'azureDisk', (s, p) => validateAzureDisk(s, p)],
  ['scaleIO', 'scaleIO', (s, p) => requiredStrings(s, p, ['gateway', 'system', 'volumeName'])],
  ['local', 'local', (s, p) => validateLocalVolumeSource(s, p)],
  ['storageos', 'storageos', (s, p) => validateStorageOS(s, p, true)],
  ['csi', 'csi', (s, p) => validateCSIPersistentVolumeSource(s, p)],
];

/** The JSON keys of a PersistentVolumeSource. */
export const persistentVolumeSourceKeys = pvSources.map(([k]) => k);

function validateAzureFilePV(source: Obj, path: FieldPath): FieldError[] {
  const errs = requiredStrings(source, path, ['secretName', 'shareName']);
  const ns = optStr(source.secretNamespace);
  if (ns !== undefined && ns.length === 0) errs.push(required(path.child('secretNamespace'), ''));
  return errs;
}

function validateLocalVolumeSource(source: Obj, path: FieldPath): FieldError[] {
  const p = str(source.path);
  if (p === '') return [required(path.child('path'), '')];
  return validatePathNoBacksteps(p, path.child('path'));
}

const supportedReclaimPolicies = ['Delete', 'Recycle', 'Retain'];

/** Upstream's ValidatePersistentVolumeSpec for a PersistentVolume object (not an inline spec). */
export function validatePersistentVolumeSpec(
  spec: Obj,
  pvName: string,
  path: FieldPath,
  validateNodeSelector: (selector: Obj, path: FieldPath) => FieldError[],
): FieldError[] {
  const errs: FieldError[] = [];
  const modes = strList(spec.accessModes);
  if (modes.length === 0) errs.push(required(path.child('accessModes'), ''));
  errs.push(...validateAccessModes(modes, path.child('accessModes')));
  const capacity = obj(spec.capacity);
  if (mapLen(capacity) === 0) errs.push(required(path.child('capacity'), ''));
  if (!capacity || !present(capacity, 'storage') || mapLen(capacity) > 1) {
    errs.push(notSupported(path.child('capacity'), goResourceList(capacity), ['storage']));
  }
  for (const [r, q] of resourceEntries(capacity)) {
    errs.push(...validateBasicResource(q, path.child('capacity').key(r)));
    errs.push(...validatePositiveQuantityValue(q, path.child('capacity').key(r)));
  }
  const reclaim = str(spec.persistentVolumeReclaimPolicy);
  if (reclaim.length > 0 && !supportedReclaimPolicies.includes(reclaim)) {
    errs.push(notSupported(path.child('persistentVolumeReclaimPolicy'), reclaim, supportedReclaimPolicies));
  }
  let nodeAffinitySet = false;
  const nodeAffinity = obj(spec.nodeAffinity);
  if (nodeAffinity) {
    nodeAffinitySet = true;
    const requiredSelector = obj(nodeAffinity.required);
    if (requiredSelector) errs.push(...validateNodeSelector(requiredSelector, path.child('nodeAffinity').child('required')));
    else errs.push(required(path.child('nodeAffinity').child('required'), 'must specify required node constraints'));
  }
  let count = 0;
  for (const [key, pathName, check] of pvSources) {
    const source = obj(spec[key]);
    if (!source) continue;
    if (count > 0 && key !== 'flexVolume') {
      errs.push(forbidden(path.child(key === 'cephfs' ? 'cephFS' : key), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...check(source, path.child(pathName), pvName));
    if (key === 'local' && !nodeAffinitySet) errs.push(required(path.child('nodeAffinity'), 'Local volume requires node affinity'));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  const hostPath = obj(spec.hostPath);
  if (hostPath && cleanPath(str(hostPath.path)) === '/' && reclaim === 'Recycle') {
    errs.push(forbidden(path.child('persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"));
  }
  const className = str(spec.storageClassName);
  if (className.length > 0) errs.push(...validateName(nameIsDNSSubdomain, className, path.child('storageClassName')));
  const volumeMode = optStr(spec.volumeMode);
  if (volumeMode !== undefined && !supportedVolumeModes.includes(volumeMode)) errs.push(notSupported(path.child('volumeMode'), volumeMode, supportedVolumeModes));
  return errs;
}

/** Go's path.Clean, enough to recognise `/`. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else {
      out.push(part);
    }
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Whether a volume mount's volume may hold a block device (PVC or generic ephemeral). */
export function isPVCVolume(vol: Obj): boolean {
  return present(vol, 'persistentVolumeClaim') || present(vol, 'ephemeral');
}

/** Upstream's ValidateVolumeDevices. */
export function validateVolumeDevices(devices: Obj[], mounts: Map<string, string>, volumes: Map<string, Obj>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const devicePaths = new Set<string>();
  const deviceNames = new Set<string>();
  devices.forEach((dev, i) => {
    const idxPath = path.index(i);
    const name = str(dev.name);
    const devPath = str(dev.devicePath);
    const vol = volumes.get(name);
    if (name.length === 0) errs.push(required(idxPath.child('name'), ''));
    if (deviceNames.has(name)) errs.push(invalid(idxPath.child('name'), name, 'must be unique'));
    if (vol && !isPVCVolume(vol)) errs.push(invalid(idxPath.child('name'), name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    if (!vol) errs.push(notFound(idxPath.child('name'), name));
    if (devPath.length === 0) errs.push(required(idxPath.child('devicePath'), ''));
    if (devicePaths.has(devPath)) errs.push(invalid(idxPath.child('devicePath'), devPath, 'must be unique'));
    if (devPath.length > 0 && validatePathNoBacksteps(devPath, path.child('devicePath')).length > 0) {
      errs.push(invalid(idxPath.child('devicePath'), devPath, "can not contain backsteps ('..')"));
    } else {
      devicePaths.add(devPath);
    }
    if (mounts.has(name)) errs.push(invalid(idxPath.child('name'), name, 'must not already exist in volumeMounts'));
    if ([...mounts.values()].includes(devPath)) errs.push(invalid(idxPath.child('devicePath'), devPath, 'must not already exist as a path in volumeMounts'));
    if (name.length > 0) deviceNames.add(name);
  });
  return errs;
}
