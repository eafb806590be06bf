/**
 * PersistentVolumes and PersistentVolumeClaims as upstream's pkg/apis/core/validation
 * (Kubernetes 1.33) and their registry strategies check them, on the v1 JSON form.
 */
import { type FieldError, FieldPath, forbidden, invalid } from '../../../apimachinery/field.ts';
import { GoRepr } from '../../../apimachinery/go-format.ts';
import { isValidLabelValue, labelSelectorHasInvalidLabelValue, nameIsDNSSubdomain, validateImmutableField } from '../../../apimachinery/validation.ts';
import { specDiff, validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateNodeSelector } from './pod.ts';
import { type Obj, clone, obj, objList, optStr, parseQuantity, present, semanticEqual, str, strList, strMap } from './util.ts';
import { type PersistentVolumeClaimSpecOptions, persistentVolumeSourceKeys, validatePersistentVolumeClaimSpec, validatePersistentVolumeSpec } from './volumes.ts';

// ---------------------------------------------------------------------------------------
// PersistentVolume

const mountOptionsAnnotation = 'volume.beta.kubernetes.io/mount-options';
const mountOptionSources = [
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'nfs',
  'rbd',
  'quobyte',
  'iscsi',
  'cinder',
  'cephfs',
  'azureFile',
  'vsphereVolume',
  'azureDisk',
  'photonPersistentDisk',
];

/** pkg/volume/validation's check that only some volume types take mount options. */
function validateMountOptionAnnotation(pv: Obj): FieldError[] {
  const spec = obj(pv.spec) ?? {};
  if (mountOptionSources.some((k) => present(spec, k))) return [];
  const annotations = strMap(obj(pv.metadata)?.annotations) ?? {};
  if (mountOptionsAnnotation in annotations) {
    return [forbidden(FieldPath.root('metadata').child('annotations', mountOptionsAnnotation), 'may not specify mount options for this volume type')];
  }
  return [];
}

function hasInvalidRequiredNodeAffinityLabelValue(pv: Obj | undefined): boolean {
  const terms = objList(obj(obj(obj(pv?.spec)?.nodeAffinity)?.required)?.nodeSelectorTerms);
  return terms.some((t) => objList(t.matchExpressions).some((e) => strList(e.values).some((v) => isValidLabelValue(v).length > 0)));
}

/** Upstream's ValidatePersistentVolume. */
export function validatePersistentVolumeObject(pv: Obj, old?: Obj): FieldError[] {
  const allowInvalid = hasInvalidRequiredNodeAffinityLabelValue(old);
  const errs = validateCoreObjectMeta(pv, false, nameIsDNSSubdomain);
  errs.push(
    ...validatePersistentVolumeSpec(obj(pv.spec) ?? {}, str(obj(pv.metadata)?.name), FieldPath.root('spec'), (sel, p) => validateNodeSelector(sel, allowInvalid, p)),
  );
  return errs;
}

/** The PV strategy's create validation. */
export function validatePersistentVolume(pv: Obj): FieldError[] {
  return [...validatePersistentVolumeObject(pv), ...validateMountOptionAnnotation(pv)];
}

const pvSourceOf = (spec: Obj): Obj => Object.fromEntries(persistentVolumeSourceKeys.filter((k) => present(spec, k)).map((k) => [k, spec[k]]));

const betaToGALabels: Record<string, string> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
  'beta.kubernetes.io/os': 'kubernetes.io/os',
  'beta.kubernetes.io/arch': 'kubernetes.io/arch',
  'beta.kubernetes.io/instance-type': 'node.kubernetes.io/instance-type',
};

/** Node affinity equal but for requirement keys moved from a beta label to its GA one. */
function nodeAffinityEqualExceptGALabels(newNA: Obj | undefined, oldNA: Obj | undefined): boolean {
  if (!newNA || !oldNA) return semanticEqual(newNA, oldNA);
  const masked = clone(oldNA);
  const newTerms = objList(obj(newNA.required)?.nodeSelectorTerms);
  objList(obj(masked.required)?.nodeSelectorTerms).forEach((term, i) => {
    const newExprs = objList(newTerms[i]?.matchExpressions);
    objList(term.matchExpressions).forEach((expr, j) => {
      const newKey = str(newExprs[j]?.key);
      if (str(expr.key) !== newKey && betaToGALabels[str(expr.key)] === newKey) expr.key = newKey;
    });
  });
  return semanticEqual(newNA, masked);
}

/** The PV strategy's update: the new object's validation, then upstream's ValidatePersistentVolumeUpdate. */
export function validatePersistentVolumeUpdate(pv: Obj, old: Obj): FieldError[] {
  const errs = [...validatePersistentVolumeObject(pv, old), ...validateMountOptionAnnotation(pv)];
  errs.push(...validatePersistentVolumeObject(pv, old));
  const spec = obj(pv.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const newSource = clone(pvSourceOf(spec));
  const oldSource = pvSourceOf(oldSpec);
  const oldCSI = obj(oldSource.csi);
  const newCSI = obj(newSource.csi);
  if (oldCSI && !present(oldCSI, 'controllerExpandSecretRef') && newCSI && present(newCSI, 'controllerExpandSecretRef')) delete newCSI.controllerExpandSecretRef;
  if (!semanticEqual(newSource, oldSource)) {
    errs.push(
      forbidden(FieldPath.root('spec', 'persistentvolumesource'), `spec.persistentvolumesource is immutable after creation\n${specDiff('core.PersistentVolumeSource', oldSource, newSource)}`),
    );
  }
  errs.push(...validateImmutableField(optStr(spec.volumeMode) ?? null, optStr(oldSpec.volumeMode) ?? null, FieldPath.root('volumeMode')));
  const oldNA = obj(oldSpec.nodeAffinity);
  if (oldNA && !nodeAffinityEqualExceptGALabels(obj(spec.nodeAffinity), oldNA)) {
    errs.push(invalid(FieldPath.root('nodeAffinity'), new GoRepr('&core.VolumeNodeAffinity{...}'), 'field is immutable, except for updating from beta label to GA'));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------
// PersistentVolumeClaim

/** Upstream's ValidationOptionsForPersistentVolumeClaim. */
function pvcOptions(old: Obj | undefined): PersistentVolumeClaimSpecOptions {
  const opts: PersistentVolumeClaimSpecOptions = {};
  const oldSpec = obj(old?.spec);
  if (!oldSpec) return opts;
  opts.allowInvalidAPIGroupInDataSourceOrRef = present(obj(oldSpec.dataSource), 'apiGroup') || present(obj(oldSpec.dataSourceRef), 'apiGroup');
  if (labelSelectorHasInvalidLabelValue(obj(oldSpec.selector) as never)) opts.allowInvalidLabelValueInSelector = true;
  return opts;
}

/** Upstream's ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(pvc: Obj, old?: Obj): FieldError[] {
  const errs = validateCoreObjectMeta(pvc, true, nameIsDNSSubdomain);
  errs.push(...validatePersistentVolumeClaimSpec(obj(pvc.spec) ?? {}, FieldPath.root('spec'), pvcOptions(old)));
  return errs;
}

const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

/** The PVC strategy's update: ValidatePersistentVolumeClaim, then ValidatePersistentVolumeClaimUpdate. */
export function validatePersistentVolumeClaimUpdate(pvc: Obj, old: Obj): FieldError[] {
  const errs = validatePersistentVolumeClaim(pvc, old);
  errs.push(...validateCoreObjectMetaUpdate(pvc, old));
  errs.push(...validatePersistentVolumeClaim(pvc, old));
  const spec = obj(pvc.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const newClone = clone(spec);
  const oldClone = clone(oldSpec);
  if (str(oldSpec.volumeName).length === 0) oldClone.volumeName = newClone.volumeName;
  const newAnn = strMap(obj(pvc.metadata)?.annotations) ?? {};
  const oldAnn = strMap(obj(old.metadata)?.annotations) ?? {};
  const oldSC = optStr(oldSpec.storageClassName);
  const newSC = optStr(spec.storageClassName);
  const upgradeFromAnnotation =
    betaStorageClassAnnotation in oldAnn &&
    oldSC === undefined &&
    newSC !== undefined &&
    newSC === oldAnn[betaStorageClassAnnotation] &&
    (!(betaStorageClassAnnotation in newAnn) || newAnn[betaStorageClassAnnotation] === oldAnn[betaStorageClassAnnotation]);
  if (upgradeFromAnnotation) {
    delete newClone.storageClassName;
  } else {
    const newVal = newAnn[betaStorageClassAnnotation] ?? '';
    const oldVal = oldAnn[betaStorageClassAnnotation] ?? '';
    if (newVal !== oldVal) errs.push(invalid(FieldPath.root('metadata').child('annotations', betaStorageClassAnnotation), newVal, 'field is immutable'));
    if (newSC !== undefined && oldSC === undefined && (!(betaStorageClassAnnotation in oldAnn) || newSC === oldAnn[betaStorageClassAnnotation])) {
      delete newClone.storageClassName;
    }
  }
  const bound = str(obj(pvc.status)?.phase) === 'Bound';
  const newResources = obj(newClone.resources);
  const newRequests = obj(newResources?.requests);
  if (bound && newRequests) {
    const oldStorage = obj(obj(oldSpec.resources)?.requests)?.storage;
    if (oldStorage === undefined) delete newRequests.storage;
    else newRequests.storage = oldStorage;
  }
  if (bound && present(newClone, 'volumeAttributesClassName')) newClone.volumeAttributesClassName = oldClone.volumeAttributesClassName;
  if (!semanticEqual(newClone, oldClone)) {
    errs.push(
      forbidden(
        FieldPath.root('spec'),
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${specDiff('core.PersistentVolumeClaimSpec', oldClone, newClone)}`,
      ),
    );
  }
  const oldSize = parseQuantity(obj(obj(oldSpec.resources)?.requests)?.storage ?? '0');
  const newSize = parseQuantity(obj(obj(spec.resources)?.requests)?.storage ?? '0');
  const statusSize = parseQuantity(obj(obj(old.status)?.capacity)?.storage ?? '0');
  if (oldSize && newSize && statusSize && newSize.cmp(oldSize) < 0 && newSize.cmp(statusSize) <= 0) {
    errs.push(forbidden(FieldPath.root('spec', 'resources', 'requests', 'storage'), 'field can not be less than status.capacity'));
  }
  errs.push(...validateImmutableField(optStr(spec.volumeMode) ?? null, optStr(oldSpec.volumeMode) ?? null, FieldPath.root('volumeMode')));
  return errs;
}
