// The garbage collector (upstream pkg/controller/garbagecollector): deletes objects whose
// owners are gone, and carries out the propagation policies the API server records as
// finalizers on a deleted owner:
// - Background: the owner goes at once; its dependents are deleted after it.
// - Foreground (`foregroundDeletion`): dependents are deleted first; the owner waits for
//   those with blockOwnerDeletion, then loses the finalizer and goes.
// - Orphan (`orphan`): dependents lose their reference to the owner, then it goes.
// Informers on every deletable resource feed a graph of owners and dependents; workers
// check each candidate against the API before deleting anything.
import type { OwnerReference } from 'kubernetes-types/meta/v1.d.ts';
import type { ResourceDef } from '../../api/resources.ts';
import { isConflict, isNotFound } from '../../client/errors.ts';
import type { KubeObject, ResourceClient } from '../../client/resource-client.ts';
import { runWorkers, WorkQueue } from '../../client/workqueue.ts';
import { aborted, type Controller, type ControllerContext } from '../controller.ts';
import { releasePatch } from '../util/controller-ref.ts';
import { DependencyGraph, foregroundFinalizer, orphanFinalizer, refersTo, type GraphChange, type GraphNode, type ObjectIdentity } from './graph.ts';
import { garbageCollectedResources, resourceForKind } from './resources.ts';

export interface GarbageCollectorOptions {
  /** Workers deleting and checking objects (upstream --concurrent-gc-syncs: 20). */
  readonly workers?: number;
}

/** The node is not yet on an informer: look again later (upstream requeues too). */
class NotObservedYet extends Error {}

type Policy = 'Orphan' | 'Background' | 'Foreground';

interface Classified {
  solid: OwnerReference[];
  dangling: OwnerReference[];
  waiting: OwnerReference[];
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';
  readonly graph: DependencyGraph;
  private readonly ctx: ControllerContext;
  private readonly workers: number;
  private readonly attemptToDelete: WorkQueue;
  private readonly attemptToOrphan: WorkQueue;
  private readonly clients = new Map<ResourceDef, ResourceClient<KubeObject>>();
  private readonly changes: GraphChange[] = [];
  private draining = false;

  constructor(ctx: ControllerContext, options: GarbageCollectorOptions = {}) {
    this.ctx = ctx;
    this.workers = options.workers ?? 10;
    this.attemptToDelete = new WorkQueue({ clock: ctx.clock });
    this.attemptToOrphan = new WorkQueue({ clock: ctx.clock });
    this.graph = new DependencyGraph({
      attemptToDelete: (node) => this.attemptToDelete.add(node.identity.uid),
      attemptToOrphan: (node) => this.attemptToOrphan.add(node.identity.uid),
    });
    for (const resource of garbageCollectedResources()) {
      ctx.informers.informer<KubeObject>(resource.plural, resource.group).addEventHandlers({
        onAdd: (object) => this.enqueueChange({ type: 'upsert', object, old: undefined, resource }),
        onUpdate: (old, object) => this.enqueueChange({ type: 'upsert', object, old, resource }),
        onDelete: (object) => this.enqueueChange({ type: 'delete', object }),
      });
    }
  }

  /** Handlers only queue graph changes; one drain applies them in order (upstream's graphChanges queue). */
  private enqueueChange(change: GraphChange): void {
    this.changes.push(change);
    if (this.draining) return;
    this.draining = true;
    queueMicrotask(() => {
      for (let i = 0; i < this.changes.length; i++) this.graph.apply(this.changes[i]!);
      this.changes.length = 0;
      this.draining = false;
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    const onError = (what: string) => (uid: string, error: unknown) => {
      if (!(error instanceof NotObservedYet)) this.ctx.log(`garbage collector: ${what} ${uid}: ${(error as Error).message}`);
    };
    const deleting = runWorkers(this.attemptToDelete, this.workers, (uid) => this.attemptToDeleteItem(uid), onError('attempt to delete'));
    const orphaning = runWorkers(this.attemptToOrphan, Math.max(1, this.workers >> 1), (uid) => this.attemptToOrphanItem(uid), onError('attempt to orphan'));
    await aborted(signal);
    this.attemptToDelete.shutDown();
    this.attemptToOrphan.shutDown();
    await Promise.all([deleting, orphaning]);
  }

  private client(def: ResourceDef): ResourceClient<KubeObject> {
    let client = this.clients.get(def);
    if (!client) this.clients.set(def, (client = this.ctx.clientset.resource<KubeObject>(def.plural, def.group)));
    return client;
  }

  /** The resource of a node: its informer's, or from a virtual node's kind. */
  private resourceOf(identity: ObjectIdentity, observed?: ResourceDef): ResourceDef {
    const def = observed ?? resourceForKind(identity.apiVersion, identity.kind);
    if (!def) throw new Error(`unable to get REST mapping for ${identity.apiVersion}/${identity.kind}`);
    return def;
  }

  /** The live object at the node's coordinates, or undefined when it is gone or another object has its name. */
  private async getLive(node: GraphNode): Promise<KubeObject | undefined> {
    const def = this.resourceOf(node.identity, node.resource);
    const namespace = def.namespaced ? node.identity.namespace : undefined;
    if (def.namespaced && !namespace) return undefined;
    try {
      const live = await this.client(def).get(namespace, node.identity.name);
      return live.metadata?.uid === node.identity.uid ? live : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async attemptToDeleteItem(uid: string): Promise<void> {
    const node = this.graph.get(uid);
    if (!node) return;
    if (node.beingDeleted && !node.deletingDependents) return;
    if (node.virtual && !resourceForKind(node.identity.apiVersion, node.identity.kind)) {
      // An owner of a kind this server does not serve: nothing to look up; its dependents are judged on their own.
      this.enqueueChange({ type: 'virtualDelete', identity: node.identity });
      return;
    }
    const live = await this.getLive(node);
    if (!live) {
      // Absent (or replaced by another object of that name): the graph drops it, its dependents are looked at.
      this.enqueueChange({ type: 'virtualDelete', identity: node.identity });
      return;
    }
    await this.decide(node, live);
    if (node.virtual) throw new NotObservedYet(`${node.identity.kind} ${node.identity.name} is not observed yet`);
  }

  private async decide(node: GraphNode, live: KubeObject): Promise<void> {
    if (node.deletingDependents) return this.processDeletingDependents(node);
    const refs = live.metadata?.ownerReferences ?? [];
    if (refs.length === 0) return;
    const { solid, dangling, waiting } = await this.classify(live, refs);
    if (solid.length > 0) {
      // Still owned: only drop the references to owners that are gone or deleting in the foreground.
      for (const ref of [...dangling, ...waiting]) await this.patchOwnerRefs(node, releasePatch(live, ref.uid));
      return;
    }
    if (waiting.length > 0 && node.dependents.size > 0) {
      // An owner waits for this one, which has dependents of its own: delete it in the foreground too.
      if ([...node.dependents].some((dep) => dep.deletingDependents)) {
        // A cycle may be forming: stop blocking the waiting owners so they are not stuck.
        await this.patchOwnerRefs(node, { metadata: { ownerReferences: waiting.map((ref) => ({ uid: ref.uid, blockOwnerDeletion: false })), uid: node.identity.uid } });
      }
      return this.deleteObject(node, 'Foreground');
    }
    const finalizers = live.metadata?.finalizers ?? [];
    const policy: Policy = finalizers.includes(orphanFinalizer) ? 'Orphan' : finalizers.includes(foregroundFinalizer) ? 'Foreground' : 'Background';
    return this.deleteObject(node, policy);
  }

  /** Sorts the references: owners that exist, owners that are gone, owners deleting in the foreground. */
  private async classify(live: KubeObject, refs: readonly OwnerReference[]): Promise<Classified> {
    const result: Classified = { solid: [], dangling: [], waiting: [] };
    const namespace = live.metadata?.namespace || undefined;
    for (const ref of refs) {
      const owner = await this.ownerState(ref, namespace);
      if (owner === 'absent') result.dangling.push(ref);
      else if (owner === 'waiting') result.waiting.push(ref);
      else result.solid.push(ref);
    }
    return result;
  }

  private async ownerState(ref: OwnerReference, namespace: string | undefined): Promise<'absent' | 'waiting' | 'solid'> {
    if (this.graph.isAbsent(ref.uid)) return 'absent';
    const def = resourceForKind(ref.apiVersion, ref.kind);
    if (!def) throw new Error(`unable to get REST mapping for ${ref.apiVersion}/${ref.kind}`);
    // A cluster-scoped dependent cannot have a namespaced owner.
    if (def.namespaced && !namespace) return 'absent';
    const known = this.graph.get(ref.uid);
    if (known && !known.virtual && refersTo(ref, namespace, known.identity)) {
      return known.deletingDependents ? 'waiting' : 'solid';
    }
    // Not in the cache (or under other coordinates): ask the API, which may be ahead of the informers.
    let owner: KubeObject;
    try {
      owner = await this.client(def).get(def.namespaced ? namespace : undefined, ref.name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      this.graph.markAbsent(ref.uid);
      return 'absent';
    }
    if (owner.metadata?.uid !== ref.uid) {
      this.graph.markAbsent(ref.uid);
      return 'absent';
    }
    const meta = owner.metadata;
    return meta?.deletionTimestamp && meta.finalizers?.includes(foregroundFinalizer) ? 'waiting' : 'solid';
  }

  /** The owner deletes in the foreground: wait for blocking dependents, then drop the finalizer. */
  private async processDeletingDependents(node: GraphNode): Promise<void> {
    const blocking = node.blockingDependents();
    if (blocking.length === 0) return this.removeFinalizer(node, foregroundFinalizer);
    for (const dep of blocking) if (!dep.deletingDependents) this.attemptToDelete.add(dep.identity.uid);
  }

  private async deleteObject(node: GraphNode, propagationPolicy: Policy): Promise<void> {
    const def = this.resourceOf(node.identity, node.resource);
    try {
      await this.client(def).delete(def.namespaced ? node.identity.namespace : undefined, node.identity.name, { propagationPolicy, preconditions: { uid: node.identity.uid } });
    } catch (error) {
      // Gone already, or the name now belongs to another object.
      if (isNotFound(error) || isConflict(error)) return;
      throw error;
    }
  }

  private async patchOwnerRefs(node: GraphNode, patch: unknown): Promise<void> {
    const def = this.resourceOf(node.identity, node.resource);
    try {
      await this.client(def).patch(def.namespaced ? node.identity.namespace : undefined, node.identity.name, 'strategic', patch);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** Removes one finalizer from the live object (compare-and-swap on its resourceVersion). */
  private async removeFinalizer(node: GraphNode, finalizer: string): Promise<void> {
    const def = this.resourceOf(node.identity, node.resource);
    const namespace = def.namespaced ? node.identity.namespace : undefined;
    for (;;) {
      const live = await this.getLive(node);
      const finalizers = live?.metadata?.finalizers ?? [];
      if (!live || !finalizers.includes(finalizer)) return;
      const rest = finalizers.filter((f) => f !== finalizer);
      try {
        await this.client(def).patch(namespace, node.identity.name, 'merge', { metadata: { finalizers: rest.length > 0 ? rest : null, resourceVersion: live.metadata!.resourceVersion } });
        return;
      } catch (error) {
        if (isNotFound(error)) return;
        if (!isConflict(error)) throw error;
      }
    }
  }

  /** The owner is deleted with the orphan policy: its dependents lose their reference to it, then it goes. */
  private async attemptToOrphanItem(uid: string): Promise<void> {
    const owner = this.graph.get(uid);
    if (!owner) return;
    const failures: string[] = [];
    for (const dep of [...owner.dependents]) {
      try {
        await this.patchOwnerRefs(dep, releasePatch({ metadata: { uid: dep.identity.uid } }, uid));
      } catch (error) {
        failures.push(`orphaning ${dep.identity.kind} ${dep.identity.namespace ?? ''}/${dep.identity.name}: ${(error as Error).message}`);
      }
    }
    if (failures.length > 0) throw new Error(failures.join('; '));
    await this.removeFinalizer(owner, orphanFinalizer);
  }
}
