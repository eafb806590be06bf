// The garbage collector's dependency graph (upstream graph_builder.go): one node per object
// seen on an informer, linked to its owners by ownerReferences uid. An owner referred to but
// not (yet) seen is a "virtual" node until the API confirms it exists or is gone. Graph
// changes come in as informer events and tell the collector which nodes to look at: the
// dependents of an owner that went away, an owner waiting for its dependents (foreground
// deletion), an owner whose dependents are to be orphaned.
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1.d.ts';
import type { ResourceDef } from '../../api/resources.ts';
import type { KubeObject } from '../../client/resource-client.ts';
import { groupOf } from './resources.ts';

export const orphanFinalizer = 'orphan';
export const foregroundFinalizer = 'foregroundDeletion';

/** Where an object is: enough to get it from the API and to compare with an owner reference. */
export interface ObjectIdentity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** The object's namespace; for a virtual owner, its dependent's. */
  readonly namespace: string | undefined;
  readonly uid: string;
}

export class GraphNode {
  identity: ObjectIdentity;
  /** The object's ownerReferences as last seen. */
  owners: readonly OwnerReference[] = [];
  readonly dependents = new Set<GraphNode>();
  /** Seen only as an owner in someone's references, never on an informer. */
  virtual: boolean;
  /** The object has a deletionTimestamp. */
  beingDeleted = false;
  /** The object is being deleted in the foreground: it waits for its blocking dependents. */
  deletingDependents = false;
  /** The served resource of an observed object. */
  resource: ResourceDef | undefined;

  constructor(identity: ObjectIdentity, virtual: boolean) {
    this.identity = identity;
    this.virtual = virtual;
  }

  /** Dependents whose reference to this node has blockOwnerDeletion. */
  blockingDependents(): GraphNode[] {
    return [...this.dependents].filter((dep) => dep.owners.some((ref) => ref.uid === this.identity.uid && ref.blockOwnerDeletion === true));
  }
}

/** What the graph asks the collector to do. */
export interface GraphActions {
  attemptToDelete(node: GraphNode): void;
  attemptToOrphan(node: GraphNode): void;
}

export type GraphChange =
  | { readonly type: 'upsert'; readonly object: KubeObject; readonly old: KubeObject | undefined; readonly resource: ResourceDef }
  | { readonly type: 'delete'; readonly object: KubeObject }
  /** The API confirmed that no object with this uid exists at these coordinates. */
  | { readonly type: 'virtualDelete'; readonly identity: ObjectIdentity };

const hasFinalizer = (meta: ObjectMeta | undefined, finalizer: string) => meta?.finalizers?.includes(finalizer) ?? false;

/** Whether `object` has just started deleting with `finalizer` (old lacked either). */
function deletionStartsWith(old: KubeObject | undefined, object: KubeObject, finalizer: string): boolean {
  if (!object.metadata?.deletionTimestamp || !hasFinalizer(object.metadata, finalizer)) return false;
  return !old?.metadata?.deletionTimestamp || !hasFinalizer(old.metadata, finalizer);
}

export function identityOf(object: KubeObject): ObjectIdentity {
  const meta = object.metadata ?? {};
  return { apiVersion: object.apiVersion ?? '', kind: object.kind ?? '', name: meta.name ?? '', namespace: meta.namespace || undefined, uid: meta.uid ?? '' };
}

/** Whether an owner reference (from a dependent in `namespace`) names this identity. */
export function refersTo(ref: OwnerReference, namespace: string | undefined, identity: ObjectIdentity): boolean {
  return (
    ref.uid === identity.uid &&
    ref.kind === identity.kind &&
    ref.name === identity.name &&
    groupOf(ref.apiVersion) === groupOf(identity.apiVersion) &&
    (identity.namespace === undefined || identity.namespace === namespace)
  );
}

export class DependencyGraph {
  private readonly byUid = new Map<string, GraphNode>();
  private readonly actions: GraphActions;
  /** Uids of owners known to be gone (upstream's absentOwnerCache), most recent last. */
  private readonly absent = new Map<string, true>();
  private readonly absentCapacity: number;

  constructor(actions: GraphActions, options: { absentCapacity?: number } = {}) {
    this.actions = actions;
    this.absentCapacity = options.absentCapacity ?? 500;
  }

  get size(): number {
    return this.byUid.size;
  }

  get(uid: string): GraphNode | undefined {
    return this.byUid.get(uid);
  }

  isAbsent(uid: string): boolean {
    return this.absent.has(uid);
  }

  markAbsent(uid: string): void {
    this.absent.delete(uid);
    this.absent.set(uid, true);
    if (this.absent.size > this.absentCapacity) this.absent.delete(this.absent.keys().next().value!);
  }

  apply(change: GraphChange): void {
    if (change.type === 'upsert') this.upsert(change.object, change.old, change.resource);
    else if (change.type === 'delete') this.remove(change.object);
    else this.virtualDelete(change.identity);
  }

  private upsert(object: KubeObject, old: KubeObject | undefined, resource: ResourceDef): void {
    const identity = identityOf(object);
    if (!identity.uid) return;
    let node = this.byUid.get(identity.uid);
    const owners = object.metadata?.ownerReferences ?? [];
    if (!node) {
      node = new GraphNode(identity, false);
      node.resource = resource;
      node.owners = owners;
      this.byUid.set(identity.uid, node);
      this.addToOwners(node, owners);
    } else {
      if (node.virtual || node.resource === undefined) {
        // First sight of an owner known so far only from references: dependents that named it
        // by other coordinates may have a bad reference; let the collector look at them.
        node.virtual = false;
        for (const dep of node.dependents) {
          if (!dep.owners.some((ref) => ref.uid === identity.uid && refersTo(ref, dep.identity.namespace, identity))) this.actions.attemptToDelete(dep);
        }
      }
      node.identity = identity;
      node.resource = resource;
      this.updateOwners(node, owners);
    }
    node.beingDeleted = Boolean(object.metadata?.deletionTimestamp);
    node.deletingDependents = node.beingDeleted && hasFinalizer(object.metadata, foregroundFinalizer);
    this.transitions(node, old, object);
  }

  private transitions(node: GraphNode, old: KubeObject | undefined, object: KubeObject): void {
    if (deletionStartsWith(old, object, orphanFinalizer)) {
      this.actions.attemptToOrphan(node);
      return;
    }
    if (deletionStartsWith(old, object, foregroundFinalizer)) {
      node.deletingDependents = true;
      for (const dep of node.dependents) this.actions.attemptToDelete(dep);
      this.actions.attemptToDelete(node);
    }
  }

  private addToOwners(node: GraphNode, refs: readonly OwnerReference[]): void {
    for (const ref of refs) {
      let owner = this.byUid.get(ref.uid);
      const created = !owner;
      if (!owner) {
        owner = new GraphNode({ apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, namespace: node.identity.namespace, uid: ref.uid }, true);
        this.byUid.set(ref.uid, owner);
      }
      owner.dependents.add(node);
      // The collector asks the API whether a virtual owner exists, and drops it if not.
      if (created) this.actions.attemptToDelete(owner);
    }
  }

  private updateOwners(node: GraphNode, refs: readonly OwnerReference[]): void {
    const before = new Map(node.owners.map((ref) => [ref.uid, ref]));
    const after = new Map(refs.map((ref) => [ref.uid, ref]));
    const added = refs.filter((ref) => !before.has(ref.uid));
    const removed = node.owners.filter((ref) => !after.has(ref.uid));
    // Owners waiting on this dependent may go on when it stops blocking them.
    for (const ref of node.owners) {
      const now = after.get(ref.uid);
      if (ref.blockOwnerDeletion === true && now?.blockOwnerDeletion !== true) {
        const owner = this.byUid.get(ref.uid);
        if (owner) this.actions.attemptToDelete(owner);
      }
    }
    node.owners = refs;
    this.addToOwners(node, added);
    for (const ref of removed) this.byUid.get(ref.uid)?.dependents.delete(node);
  }

  private remove(object: KubeObject): void {
    const uid = object.metadata?.uid;
    const node = uid ? this.byUid.get(uid) : undefined;
    if (node) this.removeNode(node);
  }

  private virtualDelete(identity: ObjectIdentity): void {
    const node = this.byUid.get(identity.uid);
    if (!node) return;
    if (!node.virtual) {
      // The object exists under other coordinates: only dependents naming the absent ones are suspect.
      this.markAbsent(identity.uid);
      for (const dep of node.dependents) {
        if (dep.owners.some((ref) => ref.uid === identity.uid && !refersTo(ref, dep.identity.namespace, node.identity))) this.actions.attemptToDelete(dep);
      }
      return;
    }
    this.removeNode(node);
  }

  private removeNode(node: GraphNode): void {
    this.byUid.delete(node.identity.uid);
    for (const ref of node.owners) this.byUid.get(ref.uid)?.dependents.delete(node);
    if (node.dependents.size > 0) this.markAbsent(node.identity.uid);
    for (const dep of node.dependents) this.actions.attemptToDelete(dep);
    // An owner deleting in the foreground may be done once this dependent is gone.
    for (const ref of node.owners) {
      const owner = this.byUid.get(ref.uid);
      if (owner?.deletingDependents) this.actions.attemptToDelete(owner);
    }
  }
}
