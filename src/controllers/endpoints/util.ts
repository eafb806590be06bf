// What the Endpoints and EndpointSlice controllers share (upstream
// pkg/controller/util/endpoint): which pods back a service, which services select a
// pod, a service port's number in a pod, and when a pod last changed for endpoints.
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1.d.ts';
import { isDeepStrictEqual } from 'node:util';
import { selectorFromValidatedSet } from '../../apimachinery/labels.ts';
import type { Informer } from '../../client/informer.ts';
import { keyOf } from '../../client/indexer.ts';

/** The annotation recording when the change that the endpoints reflect happened. */
export const lastChangeTriggerTimeAnnotation = 'endpoints.kubernetes.io/last-change-trigger-time';

/** Whether the service's endpoints are managed by controllers (a selector, and not ExternalName). */
export function hasManagedEndpoints(service: Service): boolean {
  // An empty selector is stored as none: the user manages the endpoints.
  return service.spec?.type !== 'ExternalName' && Object.keys(service.spec?.selector ?? {}).length > 0;
}

/** The pods in the service's namespace that its selector picks. */
export function podsOfService(service: Service, pods: Informer<Pod>): Pod[] {
  const selector = selectorFromValidatedSet(service.spec?.selector ?? {});
  return pods.store.byIndex('namespace', service.metadata?.namespace ?? '').filter((pod) => selector.matches(pod.metadata?.labels ?? {}));
}

/** Enqueues the services that select a pod whenever it comes, changes (under its old labels too) or goes. */
export function enqueueServicesOfPods(pods: Informer<Pod>, services: Informer<Service>, enqueue: (serviceKey: string) => void): void {
  const enqueuePod = (pod: Pod) => {
    for (const key of servicesOfPod(pod, services)) enqueue(key);
  };
  pods.addEventHandlers({
    onAdd: enqueuePod,
    onUpdate: (old, pod) => {
      enqueuePod(pod);
      if (!isDeepStrictEqual(old.metadata?.labels, pod.metadata?.labels)) enqueuePod(old);
    },
    onDelete: enqueuePod,
  });
}

/** Keys of the services (with selectors) in the pod's namespace that select it. */
export function servicesOfPod(pod: Pod, services: Informer<Service>): string[] {
  const labels = pod.metadata?.labels ?? {};
  return services.store
    .byIndex('namespace', pod.metadata?.namespace ?? '')
    .filter((s) => hasManagedEndpoints(s) && selectorFromValidatedSet(s.spec!.selector).matches(labels))
    .map(keyOf);
}

/**
 * Upstream ShouldPodBeInEndpoints: pods with an IP that have not finished (a pod whose
 * restartPolicy lets it finish is gone once it does), and terminating pods only when
 * asked.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata?.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
  if (restartPolicy === 'Never') return phase !== 'Failed' && phase !== 'Succeeded';
  if (restartPolicy === 'OnFailure') return phase !== 'Succeeded';
  return true;
}

/** The pod's port for a service port: targetPort by name (a container port of that name and protocol) or number. */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  const protocol = servicePort.protocol ?? 'TCP';
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const container of pod.spec?.containers ?? []) {
    for (const port of container.ports ?? []) if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
  }
  return undefined;
}

/** The time a pod last changed in a way endpoints show: its Ready condition's last transition. */
export function podTriggerTime(pod: Pod): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
}

/**
 * Upstream TriggerTimeTracker: per service, the trigger times of the service and its pods
 * as last synced; a sync reports the earliest time among what changed since, which is
 * when the change the new endpoints reflect began.
 */
export class TriggerTimeTracker {
  private readonly state = new Map<string, { service: string | undefined; pods: Map<string, string | undefined> }>();

  compute(serviceKey: string, service: Service, pods: readonly Pod[]): string | undefined {
    const previous = this.state.get(serviceKey);
    const next = { service: service.metadata?.creationTimestamp, pods: new Map<string, string | undefined>() };
    let earliest: string | undefined;
    const consider = (time: string | undefined) => {
      if (time && (!earliest || Date.parse(time) < Date.parse(earliest))) earliest = time;
    };
    if (!previous || previous.service !== next.service) consider(next.service);
    for (const pod of pods) {
      const key = keyOf(pod);
      const time = podTriggerTime(pod);
      next.pods.set(key, time);
      if (!previous || previous.pods.get(key) !== time) consider(time);
    }
    this.state.set(serviceKey, next);
    return earliest;
  }

  forget(serviceKey: string): void {
    this.state.delete(serviceKey);
  }
}
