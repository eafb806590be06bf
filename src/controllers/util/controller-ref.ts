// Owner references between objects (upstream controller_ref_manager.go): the one owner
// marked `controller: true` manages an object; controllers adopt matching orphans and
// release objects whose labels stop matching.
import type { OwnerReference } from 'kubernetes-types/meta/v1.d.ts';
import type { KubeObject } from '../../client/resource-client.ts';

/** The owner that controls the object, if any. */
export function controllerRefOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/** A controller reference to `owner`, as a controller stamps on what it creates. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return {
    apiVersion,
    kind,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether `object` is controlled by exactly this owner (same uid). */
export function isControlledBy(object: KubeObject, owner: KubeObject): boolean {
  const ref = controllerRefOf(object);
  return ref !== undefined && ref.uid === owner.metadata?.uid;
}

/** A strategic merge patch that adopts an orphan (with a uid precondition on the owner list). */
export function adoptPatch(object: KubeObject, ref: OwnerReference): Record<string, unknown> {
  return { metadata: { ownerReferences: [ref], uid: object.metadata!.uid } };
}

/** A strategic merge patch that releases an object from its controller. */
export function releasePatch(object: KubeObject, ownerUid: string): Record<string, unknown> {
  return { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid: object.metadata!.uid } };
}
