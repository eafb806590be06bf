// The EndpointSlice mirroring controller (upstream pkg/controller/endpointslicemirroring):
// Endpoints that a user manages for a Service without a selector are copied into
// EndpointSlices (managed-by endpointslicemirroring-controller.k8s.io, owned by the
// Endpoints), so readers of slices (kubectl describe service, proxies) see them too.
import type { EndpointAddress, Endpoints, Service } from 'kubernetes-types/core/v1.d.ts';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1.d.ts';
import { isDeepStrictEqual } from 'node:util';
import { isNotFound } from '../../client/errors.ts';
import { keyOf, splitKey, type IndexFunc } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { newControllerRef } from '../util/controller-ref.ts';
import { managedByLabel, planSlices, serviceNameLabel } from './endpointslice-controller.ts';
import { OwnWrites } from './own-writes.ts';

export const mirroringControllerName = 'endpointslicemirroring-controller.k8s.io';
const skipMirrorLabel = 'endpointslice.kubernetes.io/skip-mirror';

/** Slices this controller manages, filed by `namespace/service`. */
export const mirroredSliceIndex: IndexFunc<EndpointSlice> = (slice) => {
  const labels = slice.metadata?.labels ?? {};
  const service = labels[serviceNameLabel];
  return service && labels[managedByLabel] === mirroringControllerName ? [`${slice.metadata?.namespace ?? ''}/${service}`] : [];
};

function toEndpoint(address: EndpointAddress, ready: boolean): Endpoint {
  return {
    addresses: [address.ip],
    conditions: { ready },
    ...(address.hostname ? { hostname: address.hostname } : {}),
    ...(address.nodeName ? { nodeName: address.nodeName } : {}),
    ...(address.targetRef ? { targetRef: address.targetRef } : {}),
  };
}

export class EndpointSliceMirroringController implements Controller {
  readonly name = 'endpointslice-mirroring-controller';
  private readonly ctx: ControllerContext;
  private readonly services: Informer<Service>;
  private readonly endpoints: Informer<Endpoints>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly client: ResourceClient<EndpointSlice>;
  private readonly queue: WorkQueue;
  private readonly ownWrites: OwnWrites;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.client = ctx.clientset.resource<EndpointSlice>('endpointslices', 'discovery.k8s.io');
    this.services = ctx.informers.informer<Service>('services');
    this.endpoints = ctx.informers.informer<Endpoints>('endpoints');
    this.slices = ctx.informers.informer<EndpointSlice>('endpointslices', 'discovery.k8s.io', { indexers: { mirroredEndpointSliceService: mirroredSliceIndex } });
    this.ownWrites = new OwnWrites(ctx.clock, this.slices.store);
    const enqueue = (object: Service | Endpoints) => this.queue.add(keyOf(object));
    this.services.addEventHandlers({ onAdd: enqueue, onUpdate: (_, s) => enqueue(s), onDelete: enqueue });
    this.endpoints.addEventHandlers({ onAdd: enqueue, onUpdate: (_, e) => enqueue(e), onDelete: enqueue });
    const enqueueSlice = (slice: EndpointSlice) => {
      for (const key of mirroredSliceIndex(slice)) this.queue.add(key);
    };
    this.slices.addEventHandlers({ onUpdate: (_, s) => enqueueSlice(s), onDelete: enqueueSlice });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'endpointslice-mirroring', this.queue, 2, (key) => this.sync(key), signal);
  }

  private async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    if (!this.ownWrites.seen(key, namespace)) {
      this.queue.addAfter(key, 50);
      return;
    }
    const existing = this.slices.store.byIndex('mirroredEndpointSliceService', key);
    const service = this.services.store.get(key);
    const endpoints = this.endpoints.store.get(key);
    const mirror = service && endpoints && Object.keys(service.spec?.selector ?? {}).length === 0 && endpoints.metadata?.labels?.[skipMirrorLabel] !== 'true';
    if (!mirror) {
      for (const slice of existing) await this.remove(key, slice);
      return;
    }
    const groups = new Map<string, { addressType: string; ports: EndpointPort[]; endpoints: Map<string, Endpoint> }>();
    for (const subset of endpoints.subsets ?? []) {
      const ports: EndpointPort[] = (subset.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
      for (const [addresses, ready] of [
        [subset.addresses ?? [], true],
        [subset.notReadyAddresses ?? [], false],
      ] as const) {
        for (const address of addresses) {
          const addressType = address.ip.includes(':') ? 'IPv6' : 'IPv4';
          const groupKey = `${addressType}|${JSON.stringify(ports)}`;
          let group = groups.get(groupKey);
          if (!group) groups.set(groupKey, (group = { addressType, ports, endpoints: new Map() }));
          const endpoint = toEndpoint(address, ready);
          group.endpoints.set(endpoint.targetRef?.uid ?? address.ip, endpoint);
        }
      }
    }
    const labels: Record<string, string> = { ...endpoints.metadata?.labels, [serviceNameLabel]: name, [managedByLabel]: mirroringControllerName };
    const ownerRef = newControllerRef(endpoints, 'v1', 'Endpoints');
    const plan = planSlices([...groups.values()], existing, (addressType, ports, list) => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { generateName: `${name.slice(0, 62)}-`, namespace, labels, ownerReferences: [ownerRef] },
      addressType,
      endpoints: list,
      ...(ports.length > 0 ? { ports } : {}),
    }));
    for (const slice of existing) {
      if (plan.update.some((s) => s.metadata?.name === slice.metadata?.name) || plan.delete.includes(slice)) continue;
      if (!isDeepStrictEqual(slice.metadata?.labels ?? {}, labels)) plan.update.push(slice);
    }
    // Mirrored slices need no placeholder: Endpoints without addresses mirror to nothing.
    for (const slice of plan.create) {
      if (slice.endpoints.length === 0) continue;
      const created = await this.client.create(slice);
      this.ownWrites.wrote(key, created.metadata!.name!, created.metadata!.resourceVersion!);
    }
    for (const slice of plan.update) {
      const updated = await this.client.update({ ...slice, metadata: { ...slice.metadata, labels } });
      this.ownWrites.wrote(key, updated.metadata!.name!, updated.metadata!.resourceVersion!);
    }
    for (const slice of plan.delete) await this.remove(key, slice);
  }

  private async remove(key: string, slice: EndpointSlice): Promise<void> {
    try {
      await this.client.delete(slice.metadata?.namespace, slice.metadata!.name!, { preconditions: { uid: slice.metadata!.uid! } });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    this.ownWrites.wrote(key, slice.metadata!.name!, null);
  }
}
