// The namespace controller (upstream pkg/controller/namespace): a namespace being deleted
// (deletionTimestamp set, `kubernetes` in spec.finalizers) has every namespaced object in
// it deleted, reports progress in its status conditions, and once nothing is left gives
// up its `kubernetes` finalizer through namespaces/finalize, after which the API server
// removes it.
import type { Namespace, Pod } from 'kubernetes-types/core/v1.d.ts';
import type { ResourceDef } from '../../api/resources.ts';
import { isConflict, isNotFound } from '../../client/errors.ts';
import type { Informer } from '../../client/informer.ts';
import type { KubeObject } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { namespacedDeletableResources } from '../garbage-collector/resources.ts';
import { updatedConditions, type DeletionReport } from './namespace-conditions.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

const finalizerToken = 'kubernetes';
/** How long upstream expects finalizers on remaining items to take. */
const finalizerEstimateSeconds = 15;

export interface NamespaceControllerOptions {
  /** Workers (upstream --concurrent-namespace-syncs: 10). */
  readonly workers?: number;
  /**
   * The longest wait before looking at a namespace whose content is still going. Upstream
   * waits half the estimate; content here usually goes sooner, so it is looked at again sooner.
   */
  readonly maxRecheckMs?: number;
}

interface ContentResult {
  /** Seconds until the content is expected to be gone; 0 when nothing remains. */
  estimate: number;
  report: DeletionReport;
}

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  private readonly ctx: ControllerContext;
  private readonly namespaces: Informer<Namespace>;
  private readonly queue: WorkQueue;
  private readonly workers: number;
  private readonly maxRecheckMs: number;
  private readonly resources: ResourceDef[];

  constructor(ctx: ControllerContext, options: NamespaceControllerOptions = {}) {
    this.ctx = ctx;
    this.workers = options.workers ?? 10;
    this.maxRecheckMs = options.maxRecheckMs ?? 1000;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.resources = namespacedDeletableResources();
    this.namespaces = ctx.informers.informer<Namespace>('namespaces');
    this.namespaces.addEventHandlers({
      onAdd: (ns) => this.enqueue(ns),
      onUpdate: (_, ns) => this.enqueue(ns),
    });
  }

  private enqueue(ns: Namespace): void {
    if (ns.metadata?.deletionTimestamp) this.queue.add(ns.metadata.name!);
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'namespace controller', this.queue, this.workers, (name) => this.sync(name), signal);
  }

  private async sync(name: string): Promise<void> {
    if (!this.namespaces.store.get(name)?.metadata?.deletionTimestamp) return;
    // Several loops edit a namespace being deleted: work from its latest state.
    let ns: Namespace;
    try {
      ns = await this.ctx.clientset.namespaces.get(undefined, name);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    if (!ns.metadata?.deletionTimestamp) return;
    if (ns.status?.phase !== 'Terminating') {
      ns = await this.ctx.clientset.namespaces.patch(undefined, name, 'merge', { status: { phase: 'Terminating' } }, { subresource: 'status' });
    }
    if (!(ns.spec?.finalizers ?? []).includes(finalizerToken)) return;

    const { estimate, report } = await this.deleteAllContent(ns);
    const conditions = updatedConditions(ns.status?.conditions, report, rfc3339(this.ctx.clock.now()));
    if (conditions) {
      ns = await this.ctx.clientset.namespaces.patch(undefined, name, 'merge', { metadata: { resourceVersion: ns.metadata?.resourceVersion }, status: { conditions } }, { subresource: 'status' });
    }
    if (report.errors.length > 0) throw new Error(`failed to delete all content: ${report.errors.join(', ')}`);
    if (estimate > 0) {
      this.queue.addAfter(name, Math.min((estimate / 2 + 1) * 1000, this.maxRecheckMs));
      return;
    }
    await this.finalize(ns);
  }

  /** Drops the `kubernetes` finalizer through namespaces/finalize (retrying on conflict). */
  private async finalize(ns: Namespace): Promise<void> {
    const client = this.ctx.clientset.namespaces;
    for (;;) {
      const finalizers = [...new Set((ns.spec?.finalizers ?? []).filter((f) => f !== finalizerToken))].sort();
      try {
        await client.replaceSubresource(undefined, ns.metadata!.name!, 'finalize', { ...ns, spec: { ...ns.spec, finalizers } });
        return;
      } catch (error) {
        if (isNotFound(error)) return;
        if (!isConflict(error)) throw error;
      }
      const latest = await client.get(undefined, ns.metadata!.name!).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      if (!latest || latest.metadata?.uid !== ns.metadata?.uid) return;
      ns = latest;
    }
  }

  /** One pass over every namespaced resource: delete what is there, count what remains. */
  private async deleteAllContent(ns: Namespace): Promise<ContentResult> {
    const namespace = ns.metadata!.name!;
    const deletedAt = Date.parse(ns.metadata!.deletionTimestamp!);
    const errors: string[] = [];
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    let estimate = 0;
    for (const def of this.resources) {
      try {
        const result = await this.deleteResource(def, namespace, deletedAt);
        estimate = Math.max(estimate, result.estimate);
        if (result.remaining.length === 0) continue;
        remaining.set(`${def.plural}.${def.group}`, result.remaining.length);
        for (const item of result.remaining) for (const f of item.metadata?.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
        if (result.error) errors.push(result.error);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    return { estimate, report: { errors, remaining, finalizers } };
  }

  private async deleteResource(def: ResourceDef, namespace: string, deletedAt: number): Promise<{ estimate: number; remaining: KubeObject[]; error?: string }> {
    const client = this.ctx.clientset.resource<KubeObject>(def.plural, def.group);
    let { items } = await client.list(namespace);
    if (items.length === 0) return { estimate: 0, remaining: [] };
    let estimate = def.group === '' && def.plural === 'pods' ? this.estimateGracefulTermination(items as Pod[], deletedAt) : 0;
    if (items.some((item) => !item.metadata?.deletionTimestamp)) {
      // The namespace goes whatever the objects' own defaults say: dependents are collected, never orphaned.
      await client.deleteCollection(namespace, { propagationPolicy: 'Background' });
      ({ items } = await client.list(namespace));
    }
    if (items.length === 0) return { estimate, remaining: [] };
    if (estimate > 0) return { estimate, remaining: items };
    // Items with finalizers wait for whoever owns the finalizer; anything else should have gone.
    if (items.some((item) => (item.metadata?.finalizers ?? []).length > 0)) estimate = finalizerEstimateSeconds;
    if (estimate > 0) return { estimate, remaining: items };
    const gvr = `${def.group}/${def.versions[0]}, Resource=${def.plural}`;
    return { estimate, remaining: items, error: `unexpected items still remain in namespace: ${namespace} for gvr: ${gvr}` };
  }

  /** The longest grace period of the running pods, less the time since the namespace's deletion began. */
  private estimateGracefulTermination(pods: readonly Pod[], deletedAt: number): number {
    let estimate = 0;
    for (const pod of pods) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 0);
    }
    return this.ctx.clock.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
  }
}
