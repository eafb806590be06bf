/**
 * Validation of the core/v1 kinds as kube-apiserver 1.33 does it (pkg/apis/core/validation
 * and the registry strategies' Validate/ValidateUpdate), on plain v1 JSON objects that
 * have already been decoded and defaulted.
 *
 * `validateCore(kind, object)` validates a create, `validateCore(kind, object, old)` an
 * update of the main resource. The result is upstream's field errors in upstream's order;
 * the generic registry's own metadata checks (path-segment names, and on update the
 * generic ObjectMeta update checks it runs besides the strategy) are not included.
 */
import type { FieldError } from '../../../apimachinery/field.ts';
import type { Validator } from '../types.ts';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateNamespace,
  validateNamespaceUpdate,
  validateSecret,
  validateSecretUpdate,
  validateServiceAccount,
  validateServiceAccountUpdate,
} from './config.ts';
import { validateEvent, validateEventUpdate, validateNode, validateNodeUpdate } from './node.ts';
import { validatePodCreate, validatePodTemplate, validatePodTemplateUpdate, validatePodUpdate } from './pod.ts';
import { validateLimitRange, validateResourceQuota, validateResourceQuotaUpdate } from './quota.ts';
import { validateReplicationController, validateReplicationControllerUpdate } from './replicationcontroller.ts';
import { validateEndpoints, validateEndpointsUpdate, validateServiceCreate, validateServiceUpdate } from './service.ts';
import { validatePersistentVolume, validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate, validatePersistentVolumeUpdate } from './storage.ts';

type Obj = Record<string, unknown>;

const validators: Record<string, { create: (o: Obj) => FieldError[]; update: (o: Obj, old: Obj) => FieldError[] }> = {
  Pod: { create: (o) => validatePodCreate(o), update: (o, old) => validatePodUpdate(o, old) },
  PodTemplate: { create: (o) => validatePodTemplate(o), update: (o, old) => validatePodTemplateUpdate(o, old) },
  ReplicationController: { create: validateReplicationController, update: validateReplicationControllerUpdate },
  Service: { create: (o) => validateServiceCreate(o), update: (o, old) => validateServiceUpdate(o, old) },
  Endpoints: { create: validateEndpoints, update: validateEndpointsUpdate },
  ConfigMap: { create: validateConfigMap, update: validateConfigMapUpdate },
  Secret: { create: validateSecret, update: validateSecretUpdate },
  ServiceAccount: { create: validateServiceAccount, update: validateServiceAccountUpdate },
  Namespace: { create: validateNamespace, update: validateNamespaceUpdate },
  Node: { create: validateNode, update: validateNodeUpdate },
  Event: { create: validateEvent, update: validateEventUpdate },
  ResourceQuota: { create: validateResourceQuota, update: validateResourceQuotaUpdate },
  LimitRange: { create: validateLimitRange, update: (o) => validateLimitRange(o) },
  PersistentVolume: { create: validatePersistentVolume, update: validatePersistentVolumeUpdate },
  PersistentVolumeClaim: { create: (o) => validatePersistentVolumeClaim(o), update: validatePersistentVolumeClaimUpdate },
};

/** The core/v1 kinds {@link validateCore} knows. */
export const coreValidatedKinds: readonly string[] = Object.keys(validators);

/**
 * Validates a core/v1 object of the given kind: a create, or an update when `old` is given.
 * Kinds without validation here (e.g. Binding, ComponentStatus) give no errors.
 */
export function validateCore(kind: string, object: Record<string, unknown>, old?: Record<string, unknown>): FieldError[] {
  const v = validators[kind];
  if (!v) return [];
  return old ? v.update(object, old) : v.create(object);
}

/** A {@link Validator} for one core/v1 kind. */
export function coreValidator(kind: string): Validator {
  return (object, old) => validateCore(kind, object, old);
}

export {
  type PodValidationOptions,
  podValidationOptionsFor,
  resolvePodValidationOptions,
  validateCoreObjectMeta,
  validateCoreObjectMetaUpdate,
  validateNodeSelector,
  validatePodSpec,
  validatePodTemplateSpec,
  validateTolerations,
} from './pod.ts';
export { selectorMatches, validatePodTemplateSpecForRC } from './replicationcontroller.ts';
export { validatePersistentVolumeClaimSpec, validatePersistentVolumeClaimTemplate, validateTemplateObjectMeta } from './volumes.ts';
export { defaultNodePortRange, type NodePortRange, prepareServiceWrite, validateNodePortRange, validateNonSpecialIP } from './service.ts';
export { validateResourceQuotaResourceName } from './quota.ts';
export { validateNodeTaints } from './node.ts';
