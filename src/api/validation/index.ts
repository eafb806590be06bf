/**
 * Validation of API objects as kube-apiserver 1.33 validates them: the same 422 causes,
 * field paths and messages. `validateObject` dispatches by API group and kind to the
 * validators of each group (core ones live in ./core/). Objects are plain JSON in the
 * group's current version (old served versions are converted first), already defaulted.
 * With `old`, the object is validated as an update of `old`.
 *
 * What upstream does in its strategies before validating (generating a Job's selector,
 * clearing status, dropping disabled fields) is mirrored here only where it changes the
 * outcome; see {@link generateJobSelector} for the one mutation callers should apply.
 */
import type { FieldError } from '../../apimachinery/field.ts';
import { validateControllerRevision, validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './apps.ts';
import { validateHorizontalPodAutoscaler } from './autoscaling.ts';
import { validateCronJob, validateJob } from './batch.ts';
import { validateCertificateSigningRequest } from './certificates.ts';
import { validateLease } from './coordination.ts';
import { validateCore } from './core-adapter.ts';
import { validateEndpointSlice } from './discovery.ts';
import { validateEventsV1Event } from './events.ts';
import { validateIngress, validateIngressClass, validateNetworkPolicy } from './networking.ts';
import { validatePodDisruptionBudget } from './policy.ts';
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './rbac.ts';
import { validatePriorityClass } from './scheduling.ts';
import { validateStorageClass } from './storage.ts';
import type { Validator } from './types.ts';

export type { Validator } from './types.ts';
export { generateJobSelector } from './batch.ts';

/** The validators of the non-core groups, by group, then kind. */
export const validators: Readonly<Record<string, Readonly<Record<string, Validator>>>> = {
  apps: {
    Deployment: validateDeployment,
    ReplicaSet: validateReplicaSet,
    DaemonSet: validateDaemonSet,
    StatefulSet: validateStatefulSet,
    ControllerRevision: validateControllerRevision,
  },
  batch: { Job: validateJob, CronJob: validateCronJob },
  autoscaling: { HorizontalPodAutoscaler: validateHorizontalPodAutoscaler },
  'networking.k8s.io': { Ingress: validateIngress, IngressClass: validateIngressClass, NetworkPolicy: validateNetworkPolicy },
  'discovery.k8s.io': { EndpointSlice: validateEndpointSlice },
  'coordination.k8s.io': { Lease: validateLease },
  'events.k8s.io': { Event: validateEventsV1Event },
  policy: { PodDisruptionBudget: validatePodDisruptionBudget },
  'scheduling.k8s.io': { PriorityClass: validatePriorityClass },
  'storage.k8s.io': { StorageClass: validateStorageClass },
  'rbac.authorization.k8s.io': {
    Role: validateRole,
    ClusterRole: validateClusterRole,
    RoleBinding: validateRoleBinding,
    ClusterRoleBinding: validateClusterRoleBinding,
  },
  'certificates.k8s.io': { CertificateSigningRequest: validateCertificateSigningRequest },
};

/** The validator for a non-core group's kind, if there is one. */
export function validatorFor(group: string, kind: string): Validator | undefined {
  const byKind = Object.hasOwn(validators, group) ? validators[group] : undefined;
  return byKind && Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
}

/**
 * Validates an object of the given group and kind (on update when `old` is given) and
 * returns upstream's field errors; [] when valid or when the kind has no validation here.
 * The core group ('') goes to the core validators.
 */
export function validateObject(group: string, kind: string, object: Record<string, unknown>, old?: Record<string, unknown>): FieldError[] {
  if (group === '') return validateCore(kind, object, old);
  const validator = validatorFor(group, kind);
  return validator ? validator(object, old) : [];
}
