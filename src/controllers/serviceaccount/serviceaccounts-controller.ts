// The service accounts controller (upstream pkg/controller/serviceaccount): every active
// namespace has a `default` ServiceAccount, created when the namespace appears and again
// whenever it is deleted. No token Secret goes with it (upstream since 1.24).
import type { Namespace, ServiceAccount } from 'kubernetes-types/core/v1.d.ts';
import { isAlreadyExists, isNotFound } from '../../client/errors.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';

export interface ServiceAccountsControllerOptions {
  /** The accounts every namespace gets (upstream: just `default`). */
  readonly accounts?: readonly string[];
}

export class ServiceAccountsController implements Controller {
  readonly name = 'serviceaccount-controller';
  private readonly ctx: ControllerContext;
  private readonly accounts: readonly string[];
  private readonly namespaces: Informer<Namespace>;
  private readonly serviceAccounts: Informer<ServiceAccount>;
  private readonly client: ResourceClient<ServiceAccount>;
  private readonly queue: WorkQueue;

  constructor(ctx: ControllerContext, options: ServiceAccountsControllerOptions = {}) {
    this.ctx = ctx;
    this.accounts = options.accounts ?? ['default'];
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.client = ctx.clientset.resource<ServiceAccount>('serviceaccounts');
    this.namespaces = ctx.informers.informer<Namespace>('namespaces');
    this.serviceAccounts = ctx.informers.informer<ServiceAccount>('serviceaccounts');
    this.namespaces.addEventHandlers({
      onAdd: (ns) => this.queue.add(ns.metadata!.name!),
      onUpdate: (_, ns) => this.queue.add(ns.metadata!.name!),
    });
    this.serviceAccounts.addEventHandlers({
      onDelete: (sa) => {
        if (this.accounts.includes(sa.metadata!.name!)) this.queue.add(sa.metadata!.namespace!);
      },
    });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'serviceaccount controller', this.queue, 3, (name) => this.sync(name), signal);
  }

  private async sync(namespace: string): Promise<void> {
    const ns = this.namespaces.store.get(namespace);
    if (!ns || ns.metadata?.deletionTimestamp || (ns.status?.phase ?? 'Active') !== 'Active') return;
    for (const name of this.accounts) {
      if (this.serviceAccounts.store.getByName(namespace, name)) continue;
      try {
        await this.client.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
      } catch (error) {
        // Already there (the cache is behind), or the namespace went meanwhile.
        if (isAlreadyExists(error) || isNotFound(error)) continue;
        throw error;
      }
    }
  }
}
