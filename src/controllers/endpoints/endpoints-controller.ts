// The Endpoints controller (upstream pkg/controller/endpoint): for every Service with a
// selector, an Endpoints object of the same name listing the selected pods' IPs, ready
// ones under addresses and the others under notReadyAddresses (all ready with
// publishNotReadyAddresses), with each service port resolved in the pod by name or
// number, and subsets packed by the port sets addresses share. Services without a
// selector keep whatever Endpoints the user made; a deleted Service loses its Endpoints.
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from 'kubernetes-types/core/v1.d.ts';
import { isDeepStrictEqual } from 'node:util';
import { isNotFound } from '../../client/errors.ts';
import { keyOf, splitKey } from '../../client/indexer.ts';
import type { Informer } from '../../client/informer.ts';
import type { ResourceClient } from '../../client/resource-client.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import { runQueue, type Controller, type ControllerContext } from '../controller.ts';
import { isPodReady } from '../util/pod-template.ts';
import { findPort, hasManagedEndpoints, lastChangeTriggerTimeAnnotation, podsOfService, enqueueServicesOfPods, shouldPodBeInEndpoints, TriggerTimeTracker } from './util.ts';

export const headlessServiceLabel = 'service.kubernetes.io/headless';

/** One address, with whether it is ready, offering one port (undefined: a headless service without ports). */
interface AddressOnPort {
  address: EndpointAddress;
  ready: boolean;
  port: EndpointPort | undefined;
}

const addressKey = (a: EndpointAddress) => `${a.ip}|${a.targetRef?.uid ?? ''}`;
const portKey = (p: EndpointPort | undefined) => (p ? `${p.name ?? ''}|${p.port}|${p.protocol ?? ''}|${p.appProtocol ?? ''}` : '');
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareIPs = (a: EndpointAddress, b: EndpointAddress) => compareText(a.ip, b.ip) || compareText(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');

/**
 * Upstream RepackSubsets: addresses that offer the same set of ports share one subset;
 * addresses sorted by IP, ports by name and number, subsets by their first address.
 */
export function repackSubsets(entries: readonly AddressOnPort[]): EndpointSubset[] {
  // port -> addresses offering it (with readiness)
  const byPort = new Map<string, { port: EndpointPort | undefined; addresses: Map<string, { address: EndpointAddress; ready: boolean }> }>();
  for (const e of entries) {
    const key = portKey(e.port);
    let group = byPort.get(key);
    if (!group) byPort.set(key, (group = { port: e.port, addresses: new Map() }));
    group.addresses.set(`${addressKey(e.address)}|${e.ready}`, { address: e.address, ready: e.ready });
  }
  // address set -> the ports its addresses all offer
  const byAddresses = new Map<string, { addresses: Array<{ address: EndpointAddress; ready: boolean }>; ports: EndpointPort[] }>();
  for (const { port, addresses } of byPort.values()) {
    const key = [...addresses.keys()].sort().join(',');
    let group = byAddresses.get(key);
    if (!group) byAddresses.set(key, (group = { addresses: [...addresses.values()], ports: [] }));
    if (port) group.ports.push(port);
  }
  const subsets: EndpointSubset[] = [];
  for (const { addresses, ports } of byAddresses.values()) {
    const ready = addresses.filter((a) => a.ready).map((a) => a.address).sort(compareIPs);
    const notReady = addresses.filter((a) => !a.ready).map((a) => a.address).sort(compareIPs);
    ports.sort((a, b) => compareText(a.name ?? '', b.name ?? '') || a.port - b.port || compareText(a.protocol ?? '', b.protocol ?? ''));
    subsets.push({ ...(ready.length > 0 ? { addresses: ready } : {}), ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}), ...(ports.length > 0 ? { ports } : {}) });
  }
  const first = (s: EndpointSubset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return subsets.sort((a, b) => compareText(first(a), first(b)) || compareText(portKey(a.ports?.[0]), portKey(b.ports?.[0])));
}

/** The address of a pod in a service's endpoints (upstream podToEndpointAddressForService). */
export function podAddress(pod: Pod, service: Service): EndpointAddress {
  const address: EndpointAddress = {
    ip: pod.status?.podIP ?? pod.status?.podIPs?.[0]?.ip ?? '',
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid },
  };
  // A pod's hostname is published when its subdomain is the service (upstream ShouldSetHostname).
  if (pod.spec?.hostname && pod.spec.subdomain === service.metadata?.name && pod.metadata?.namespace === service.metadata?.namespace) {
    address.hostname = pod.spec.hostname;
  }
  return address;
}

/** The subsets a service's endpoints should hold for these pods. */
export function desiredSubsets(service: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const entries: AddressOnPort[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address = podAddress(pod, service);
    const ready = publishNotReady || isPodReady(pod);
    const ports = service.spec?.ports ?? [];
    if (ports.length === 0) {
      // A headless service may have no ports: its addresses are listed alone.
      if (service.spec?.clusterIP === 'None') entries.push({ address, ready, port: undefined });
      continue;
    }
    for (const servicePort of ports) {
      const port = findPort(pod, servicePort);
      if (port === undefined) continue;
      entries.push({
        address,
        ready,
        port: {
          ...(servicePort.name ? { name: servicePort.name } : {}),
          port,
          protocol: servicePort.protocol ?? 'TCP',
          ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
        },
      });
    }
  }
  return repackSubsets(entries);
}

export class EndpointsController implements Controller {
  readonly name = 'endpoints-controller';
  private readonly ctx: ControllerContext;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly endpoints: Informer<Endpoints>;
  private readonly client: ResourceClient<Endpoints>;
  private readonly queue: WorkQueue;
  private readonly triggerTimes = new TriggerTimeTracker();

  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
    this.queue = new WorkQueue({ clock: ctx.clock });
    this.client = ctx.clientset.resource<Endpoints>('endpoints');
    this.services = ctx.informers.informer<Service>('services');
    this.pods = ctx.informers.informer<Pod>('pods');
    this.endpoints = ctx.informers.informer<Endpoints>('endpoints');
    const enqueue = (object: Service | Endpoints) => this.queue.add(keyOf(object));
    this.services.addEventHandlers({ onAdd: enqueue, onUpdate: (_, s) => enqueue(s), onDelete: enqueue });
    // Endpoints changed or deleted by someone else are put back.
    this.endpoints.addEventHandlers({ onUpdate: (_, e) => enqueue(e), onDelete: enqueue });
    enqueueServicesOfPods(this.pods, this.services, (key) => this.queue.add(key));
  }

  async run(signal: AbortSignal): Promise<void> {
    await runQueue(this.ctx, 'endpoints', this.queue, 5, (key) => this.sync(key), signal);
  }

  private async sync(key: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    const service = this.services.store.get(key);
    if (!service) {
      this.triggerTimes.forget(key);
      if (!this.endpoints.store.get(key)) return;
      try {
        await this.client.delete(namespace, name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      return;
    }
    if (!hasManagedEndpoints(service)) return;
    const pods = podsOfService(service, this.pods);
    const subsets = desiredSubsets(service, pods);
    const triggerTime = this.triggerTimes.compute(key, service, pods);
    const labels: Record<string, string> = { ...service.metadata?.labels };
    if (service.spec?.clusterIP === 'None') labels[headlessServiceLabel] = '';
    const current = this.endpoints.store.get(key);
    if (current && isDeepStrictEqual(current.subsets ?? [], subsets) && isDeepStrictEqual(current.metadata?.labels ?? {}, labels)) return;
    const annotations: Record<string, string> = { ...current?.metadata?.annotations };
    if (triggerTime) annotations[lastChangeTriggerTimeAnnotation] = triggerTime;
    else delete annotations[lastChangeTriggerTimeAnnotation];
    const next: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace,
        ...(Object.keys(labels).length > 0 ? { labels } : {}),
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
        ...(current ? { resourceVersion: current.metadata?.resourceVersion } : {}),
      },
      ...(subsets.length > 0 ? { subsets } : {}),
    };
    if (current) await this.client.update(next);
    else await this.client.create(next);
  }
}
