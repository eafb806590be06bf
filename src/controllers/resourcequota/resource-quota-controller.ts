// The ResourceQuota controller (upstream pkg/controller/resourcequota): keeps each quota's
// status.hard equal to spec.hard and status.used equal to what the namespace holds of
// every resource the quota names (object counts, pods' compute requests and limits,
// services' node ports, claims' storage), counted from informer caches. Admission
// charges new objects to status.used as they are created, so the controller recounts
// when a quota changes, when objects go (or pods finish), and on a periodic full resync.
import type { ResourceQuota } from 'kubernetes-types/core/v1.d.ts';
import { isDeepStrictEqual } from 'node:util';
import { matchingResources, podCountsForQuota, quotaScopesMatch, toUsage, usageOf, usageToJSON, type GroupResource, type Usage } from '../../api/quota.ts';
import { Quantity } from '../../apimachinery/quantity.ts';
import { isNotFound } from '../../client/errors.ts';
import { keyOf } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { KubeObject, ResourceClient } from '../../client/resource-client.ts';
import { runWorkers, WorkQueue } from '../../client/workqueue.ts';
import { aborted, type Controller, type ControllerContext } from '../controller.ts';

export interface ResourceQuotaOptions {
  /** How often every quota is recounted (upstream --resource-quota-sync-period, 5 minutes). */
  readonly resyncPeriodMs?: number;
}

const computeNames = /^(cpu|memory|ephemeral-storage|(requests|limits)\.(cpu|memory|ephemeral-storage)|hugepages-.*|requests\.hugepages-.*)$/;

/** The resource a quota name counts, if any. */
export function resourceOfQuotaName(name: string): GroupResource | undefined {
  if (name === 'requests.storage' || /\.storageclass\.storage\.k8s\.io\/(requests\.storage|persistentvolumeclaims)$/.test(name)) return { group: '', resource: 'persistentvolumeclaims' };
  if (name === 'pods' || computeNames.test(name)) return { group: '', resource: 'pods' };
  if (name === 'services.nodeports' || name === 'services.loadbalancers') return { group: '', resource: 'services' };
  if (['services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas'].includes(name)) return { group: '', resource: name };
  if (name.startsWith('count/')) {
    const rest = name.slice('count/'.length);
    const dot = rest.indexOf('.');
    return dot < 0 ? { group: '', resource: rest } : { group: rest.slice(dot + 1), resource: rest.slice(0, dot) };
  }
  // Extended resources are quota'd by their requests.
  if (name.startsWith('requests.')) return { group: '', resource: 'pods' };
  return undefined;
}

/** What the objects use of each name in `hard` (0 for names nothing uses). */
export function computeUsed(quota: ResourceQuota, hard: readonly string[], objectsOf: (gr: GroupResource) => readonly KubeObject[] | undefined, now: number): Usage {
  const used: Usage = new Map(hard.map((name) => [name, Quantity.fromInt(0)]));
  const resources = new Map<string, GroupResource>();
  for (const name of hard) {
    const gr = resourceOfQuotaName(name);
    if (gr) resources.set(`${gr.group}/${gr.resource}`, gr);
  }
  const quotaObject = quota as unknown as Record<string, unknown>;
  for (const gr of resources.values()) {
    const names = matchingResources(gr, hard);
    for (const object of objectsOf(gr) ?? []) {
      const o = object as unknown as Record<string, unknown>;
      if (!quotaScopesMatch(quotaObject, gr, o)) continue;
      const usage = usageOf(gr, o, now);
      for (const name of names) {
        const q = usage.get(name);
        if (q) used.set(name, used.get(name)!.add(q));
      }
    }
  }
  return used;
}

function sameQuantities(a: unknown, b: unknown): boolean {
  const x = toUsage(a);
  const y = toUsage(b);
  if (x.size !== y.size) return false;
  for (const [name, q] of x) if (!y.get(name)?.equals(q)) return false;
  return true;
}

export class ResourceQuotaController implements Controller {
  readonly name = 'resourcequota-controller';
  private readonly ctx: ControllerContext;
  private readonly quotas: Informer<ResourceQuota>;
  private readonly client: ResourceClient<ResourceQuota>;
  private readonly queue: WorkQueue;
  private readonly resyncPeriodMs: number;
  /** Informers of the counted resources, made when a quota first names one (undefined: not served). */
  private readonly counted = new Map<string, Informer<KubeObject> | undefined>();

  constructor(ctx: ControllerContext, options: ResourceQuotaOptions = {}) {
    this.ctx = ctx;
    this.resyncPeriodMs = options.resyncPeriodMs ?? 5 * 60_000;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.client = ctx.clientset.resource<ResourceQuota>('resourcequotas');
    this.quotas = ctx.informers.informer<ResourceQuota>('resourcequotas');
    this.quotas.addEventHandlers({
      onAdd: (quota) => this.queue.add(keyOf(quota)),
      onUpdate: (old, quota) => {
        // Status changes are admission's charges: recount only when the limits change or status lags behind them.
        const hard = quota.spec?.hard ?? {};
        const stale = !sameQuantities(hard, quota.status?.hard) || Object.keys(hard).some((name) => quota.status?.used?.[name] === undefined);
        if (stale || !isDeepStrictEqual(old.spec, quota.spec)) this.queue.add(keyOf(quota));
      },
    });
    // Pods are counted by most quotas; other resources are watched once a quota names them.
    this.informerFor({ group: '', resource: 'pods' });
  }

  async run(signal: AbortSignal): Promise<void> {
    const workers = runWorkers(this.queue, 5, (key) => this.sync(key), (key, error) => this.ctx.log(`resourcequota: ${key}: ${(error as Error).message}`));
    const resync = () => {
      for (const key of this.quotas.store.keys()) this.queue.add(key);
      cancel = this.ctx.clock.setTimer(this.resyncPeriodMs, resync);
    };
    let cancel = this.ctx.clock.setTimer(this.resyncPeriodMs, resync);
    await aborted(signal);
    cancel();
    this.queue.shutDown();
    await workers;
  }

  /** The shared informer of a counted resource, with replenishment handlers: objects that go free quota. */
  private informerFor(gr: GroupResource): Informer<KubeObject> | undefined {
    const id = `${gr.group}/${gr.resource}`;
    if (this.counted.has(id)) return this.counted.get(id);
    let informer: Informer<KubeObject> | undefined;
    try {
      informer = this.ctx.informers.informer<KubeObject>(gr.resource, gr.group);
    } catch {
      informer = undefined;
    }
    this.counted.set(id, informer);
    if (!informer) return undefined;
    const replenish = (object: KubeObject) => {
      for (const quota of this.quotas.store.byIndex('namespace', object.metadata?.namespace ?? '')) this.queue.add(keyOf(quota));
    };
    const isPods = !gr.group && gr.resource === 'pods';
    informer.addEventHandlers({
      onUpdate: (old, object) => {
        if (!isPods) return;
        const now = this.ctx.clock.now();
        const before = podCountsForQuota(old as unknown as Record<string, unknown>, now);
        const after = podCountsForQuota(object as unknown as Record<string, unknown>, now);
        if (before !== after || !isDeepStrictEqual((old as { spec?: unknown }).spec, (object as { spec?: unknown }).spec)) replenish(object);
      },
      onDelete: replenish,
    });
    return informer;
  }

  private async sync(key: string): Promise<void> {
    const quota = this.quotas.store.get(key);
    if (!quota) return;
    const namespace = quota.metadata?.namespace ?? '';
    const hard = Object.keys(quota.spec?.hard ?? {});
    const informers = new Map<string, Informer<KubeObject> | undefined>();
    for (const name of hard) {
      const gr = resourceOfQuotaName(name);
      if (!gr) continue;
      const informer = this.informerFor(gr);
      if (informer) await informer.waitForSync();
      informers.set(`${gr.group}/${gr.resource}`, informer);
    }
    const used = computeUsed(quota, hard, (gr) => informers.get(`${gr.group}/${gr.resource}`)?.store.byIndex('namespace', namespace), this.ctx.clock.now());
    const status = { hard: { ...quota.spec?.hard }, used: usageToJSON(used) };
    if (sameQuantities(status.hard, quota.status?.hard) && sameQuantities(status.used, quota.status?.used)) return;
    try {
      await this.client.updateStatus({ ...quota, status });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
