// The EndpointSlice controller (upstream pkg/controller/endpointslice): for every Service
// with a selector, EndpointSlices named <service>-<random>, labelled with the service's
// name and this controller as their manager and owned by the Service, holding one
// endpoint per selected pod (its IP, ready/serving/terminating conditions, node, zone,
// pod reference) grouped by the ports they offer, at most 100 to a slice. Existing
// slices are kept and edited in place where possible; a service without endpoints keeps
// one empty placeholder slice. Services without a selector get nothing from here.
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1.d.ts';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1.d.ts';
import { isDeepStrictEqual } from 'node:util';
import { isNotFound } from '../../client/errors.ts';
import { keyOf, splitKey, type IndexFunc } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { headlessServiceLabel } from '../endpoints/endpoints-controller.ts';
import { findPort, hasManagedEndpoints, lastChangeTriggerTimeAnnotation, podsOfService, enqueueServicesOfPods, shouldPodBeInEndpoints, TriggerTimeTracker } from '../endpoints/util.ts';
import { isPodReady } from '../util/pod-template.ts';
import { newControllerRef } from '../util/controller-ref.ts';
import { OwnWrites } from './own-writes.ts';

export const serviceNameLabel = 'kubernetes.io/service-name';
export const managedByLabel = 'endpointslice.kubernetes.io/managed-by';
export const controllerName = 'endpointslice-controller.k8s.io';
export const maxEndpointsPerSlice = 100;
const zoneLabel = 'topology.kubernetes.io/zone';

/** Slices this controller manages, filed by `namespace/service`. */
export const managedSliceIndex: IndexFunc<EndpointSlice> = (slice) => {
  const labels = slice.metadata?.labels ?? {};
  const service = labels[serviceNameLabel];
  return service && labels[managedByLabel] === controllerName ? [`${slice.metadata?.namespace ?? ''}/${service}`] : [];
};

const portsKey = (ports: readonly EndpointPort[] | undefined) =>
  JSON.stringify((ports ?? []).map((p) => [p.name ?? '', p.port ?? 0, p.protocol ?? '', p.appProtocol ?? '']).sort());
const endpointKey = (e: Endpoint) => e.targetRef?.uid ?? e.addresses[0] ?? '';

/** The ports a pod offers for a service (upstream getEndpointPorts): every service port it can resolve. */
export function endpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const servicePort of service.spec?.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    out.push({
      name: servicePort.name ?? '',
      port,
      protocol: servicePort.protocol ?? 'TCP',
      ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
    });
  }
  return out;
}

/** A pod as a slice endpoint (upstream podToEndpoint). */
export function podEndpoint(pod: Pod, service: Service, node: Node | undefined, ip: string): Endpoint {
  const serving = isPodReady(pod);
  const terminating = Boolean(pod.metadata?.deletionTimestamp);
  // Ready is never true for a terminating pod unless the service publishes not-ready addresses.
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const endpoint: Endpoint = {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
  };
  if (pod.spec?.hostname && pod.spec.subdomain === service.metadata?.name) endpoint.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) endpoint.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.[zoneLabel];
  if (zone) endpoint.zone = zone;
  return endpoint;
}

function podIP(pod: Pod, addressType: string): string | undefined {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip ?? '').concat(pod.status?.podIP ? [pod.status.podIP] : []);
  return ips.find((ip) => ip !== '' && (addressType === 'IPv6') === ip.includes(':'));
}

/** A desired group of endpoints sharing one port set. */
interface Group {
  addressType: string;
  ports: EndpointPort[];
  endpoints: Map<string, Endpoint>;
}

/** What a slice write does, for the caller to perform. */
export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

/**
 * Plans the writes that turn `existing` into slices holding `groups`: endpoints stay in
 * the slice they are in when it still offers their ports, new ones fill slices with room
 * before new slices are made, emptied slices go. `fresh(addressType, ports, endpoints)`
 * makes a new slice.
 */
export function planSlices(
  groups: readonly Group[],
  existing: readonly EndpointSlice[],
  fresh: (addressType: string, ports: EndpointPort[], endpoints: Endpoint[]) => EndpointSlice,
): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const byKey = new Map<string, EndpointSlice[]>();
  for (const slice of existing) {
    const key = `${slice.addressType}|${portsKey(slice.ports)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), slice]);
  }
  const used = new Set<EndpointSlice>();
  const total = groups.reduce((n, g) => n + g.endpoints.size, 0);
  for (const group of groups) {
    const slices = byKey.get(`${group.addressType}|${portsKey(group.ports)}`) ?? [];
    const placed = new Set<string>();
    const kept: Array<{ slice: EndpointSlice; endpoints: Endpoint[]; changed: boolean }> = [];
    for (const slice of slices) {
      used.add(slice);
      const endpoints: Endpoint[] = [];
      let changed = false;
      for (const e of slice.endpoints ?? []) {
        const key = endpointKey(e);
        const want = group.endpoints.get(key);
        if (!want || placed.has(key)) {
          changed = true;
          continue;
        }
        placed.add(key);
        if (!isDeepStrictEqual(want, e)) changed = true;
        endpoints.push(want);
      }
      kept.push({ slice, endpoints, changed });
    }
    const unplaced = [...group.endpoints.entries()].filter(([key]) => !placed.has(key)).map(([, e]) => e);
    for (const k of kept) {
      while (unplaced.length > 0 && k.endpoints.length < maxEndpointsPerSlice) {
        k.endpoints.push(unplaced.shift()!);
        k.changed = true;
      }
    }
    for (const k of kept) {
      if (k.endpoints.length === 0) plan.delete.push(k.slice);
      else if (k.changed) plan.update.push({ ...k.slice, endpoints: k.endpoints });
    }
    while (unplaced.length > 0) plan.create.push(fresh(group.addressType, group.ports, unplaced.splice(0, maxEndpointsPerSlice)));
  }
  for (const slice of existing) if (!used.has(slice)) plan.delete.push(slice);
  if (total === 0) {
    // No endpoints at all: one empty slice without ports stays as a placeholder.
    const placeholder = existing.find((s) => (s.endpoints ?? []).length === 0 && (s.ports ?? []).length === 0);
    plan.delete = plan.delete.filter((s) => s !== placeholder);
    plan.update = plan.update.filter((s) => s.metadata?.name !== placeholder?.metadata?.name);
    if (!placeholder) plan.create.push(fresh('IPv4', [], []));
  }
  return plan;
}

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  private readonly ctx: ControllerContext;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly client: ResourceClient<EndpointSlice>;
  private readonly queue: WorkQueue;
  private readonly triggerTimes = new TriggerTimeTracker();
  private readonly ownWrites: OwnWrites;

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.client = ctx.clientset.resource<EndpointSlice>('endpointslices', 'discovery.k8s.io');
    this.services = ctx.informers.informer<Service>('services');
    this.pods = ctx.informers.informer<Pod>('pods');
    this.nodes = ctx.informers.informer<Node>('nodes');
    this.slices = ctx.informers.informer<EndpointSlice>('endpointslices', 'discovery.k8s.io', { indexers: { managedEndpointSliceService: managedSliceIndex } });
    this.ownWrites = new OwnWrites(ctx.clock, this.slices.store);
    const enqueue = (service: Service) => this.queue.add(keyOf(service));
    this.services.addEventHandlers({ onAdd: enqueue, onUpdate: (_, s) => enqueue(s), onDelete: enqueue });
    const enqueueSlice = (slice: EndpointSlice) => {
      for (const key of managedSliceIndex(slice)) this.queue.add(key);
    };
    this.slices.addEventHandlers({ onUpdate: (_, s) => enqueueSlice(s), onDelete: enqueueSlice });
    enqueueServicesOfPods(this.pods, this.services, (key) => this.queue.add(key));
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'endpointslice', this.queue, 5, (key) => this.sync(key), signal);
  }

  private async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    if (!this.ownWrites.seen(key, namespace)) {
      this.queue.addAfter(key, 50);
      return;
    }
    const existing = this.slices.store.byIndex('managedEndpointSliceService', key);
    const service = this.services.store.get(key);
    if (!service) {
      // The garbage collector would remove them by owner; do it now.
      this.triggerTimes.forget(key);
      for (const slice of existing) await this.remove(key, slice);
      return;
    }
    if (!hasManagedEndpoints(service) || service.metadata?.deletionTimestamp) return;

    const pods = podsOfService(service, this.pods);
    const addressTypes = (service.spec?.ipFamilies ?? ['IPv4']).filter((f) => f === 'IPv4' || f === 'IPv6');
    const groups = new Map<string, Group>();
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const node = pod.spec?.nodeName ? this.nodes.store.get(pod.spec.nodeName) : undefined;
      const ports = endpointPorts(service, pod);
      for (const addressType of addressTypes) {
        const ip = podIP(pod, addressType);
        if (!ip) continue;
        const groupKey = `${addressType}|${portsKey(ports)}`;
        let group = groups.get(groupKey);
        if (!group) groups.set(groupKey, (group = { addressType, ports, endpoints: new Map() }));
        const endpoint = podEndpoint(pod, service, node, ip);
        group.endpoints.set(endpointKey(endpoint), endpoint);
      }
    }
    const triggerTime = this.triggerTimes.compute(key, service, pods);
    const labels: Record<string, string> = { ...service.metadata?.labels, [serviceNameLabel]: name, [managedByLabel]: controllerName };
    if (service.spec?.clusterIP === 'None') labels[headlessServiceLabel] = '';
    else delete labels[headlessServiceLabel];
    const ownerRef = newControllerRef(service, 'v1', 'Service');
    const meta = (slice: EndpointSlice | undefined) => {
      const annotations: Record<string, string> = { ...slice?.metadata?.annotations };
      if (triggerTime) annotations[lastChangeTriggerTimeAnnotation] = triggerTime;
      return { labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
    };
    const plan = planSlices([...groups.values()], existing, (addressType, ports, endpoints) => ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { generateName: `${name.slice(0, 62)}-`, namespace, ownerReferences: [ownerRef], ...meta(undefined) },
      addressType,
      endpoints,
      ...(ports.length > 0 ? { ports } : {}),
    }));
    // Slices whose labels no longer follow the service's are rewritten too.
    for (const slice of existing) {
      if (plan.update.some((s) => s.metadata?.name === slice.metadata?.name) || plan.delete.includes(slice)) continue;
      if (!isDeepStrictEqual(slice.metadata?.labels ?? {}, labels)) plan.update.push(slice);
    }
    for (const slice of plan.create) {
      const created = await this.client.create(slice);
      this.ownWrites.wrote(key, created.metadata!.name!, created.metadata!.resourceVersion!);
    }
    for (const slice of plan.update) {
      const next: EndpointSlice = { ...slice, metadata: { ...slice.metadata, ...meta(slice) } };
      const updated = await this.client.update(next);
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
