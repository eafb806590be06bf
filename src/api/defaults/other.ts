/**
 * Defaulting of the remaining groups with upstream `SetDefaults_*` functions (1.33):
 * RBAC bindings and subjects, StorageClass and CSIDriver (SELinuxMountReadWriteOncePod
 * on), PriorityClass. VolumeAttachment's inline PersistentVolumeSpec gets core/v1's
 * volume source defaults through the generic walk. Groups without upstream defaults:
 * policy/v1 (PodDisruptionBudget, Eviction), coordination.k8s.io/v1 (Lease),
 * events.k8s.io/v1, certificates.k8s.io/v1 (CertificateSigningRequest), the
 * authentication and authorization reviews, CSINode and CSIStorageCapacity.
 */
import { defaultPointer, defaultString, ensureChild, isEmptyCollection, isEmptyString, type Obj } from './util.ts';
import type { HookTable } from './walk.ts';

const rbacGroup = 'rbac.authorization.k8s.io';

function defaultRoleRef(binding: Obj): void {
  const roleRef = ensureChild(binding, 'roleRef');
  if (roleRef) defaultString(roleRef, 'apiGroup', rbacGroup);
}

/** Users and groups belong to the RBAC group, service accounts to the core group. */
function defaultSubject(subject: Obj): void {
  if (!isEmptyString(subject.apiGroup)) return;
  if (subject.kind === 'ServiceAccount') subject.apiGroup = '';
  else if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = rbacGroup;
}

function defaultCSIDriver(driver: Obj): void {
  const spec = ensureChild(driver, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'attachRequired', true);
  defaultPointer(spec, 'podInfoOnMount', false);
  defaultPointer(spec, 'storageCapacity', false);
  defaultPointer(spec, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  if (isEmptyCollection(spec.volumeLifecycleModes)) spec.volumeLifecycleModes = ['Persistent'];
  defaultPointer(spec, 'requiresRepublish', false);
  defaultPointer(spec, 'seLinuxMount', false);
}

export const otherHooks: HookTable = {
  'io.k8s.api.rbac.v1.ClusterRoleBinding': defaultRoleRef,
  'io.k8s.api.rbac.v1.RoleBinding': defaultRoleRef,
  'io.k8s.api.rbac.v1.Subject': defaultSubject,
  'io.k8s.api.storage.v1.StorageClass': (o) => {
    defaultPointer(o, 'reclaimPolicy', 'Delete');
    defaultPointer(o, 'volumeBindingMode', 'Immediate');
  },
  'io.k8s.api.storage.v1.CSIDriver': defaultCSIDriver,
  'io.k8s.api.scheduling.v1.PriorityClass': (o) => defaultPointer(o, 'preemptionPolicy', 'PreemptLowerPriority'),
};
