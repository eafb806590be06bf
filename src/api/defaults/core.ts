/**
 * core/v1 defaulting: upstream's hand-written `SetDefaults_*` functions of
 * pkg/apis/core/v1, as of Kubernetes 1.33 with its default feature gates, keyed by the
 * type they default. The generic walk (walk.ts) calls them wherever the type occurs,
 * so Containers, Volumes and Probes inside every workload's pod template get them too,
 * while `Pod` itself (requests from limits, enableServiceLinks, host-network ports) is
 * only defaulted on Pods, not on templates.
 *
 * Left at their 1.33 default (off), so not applied: ImageVolume (pull policy of `image`
 * volumes), PodLevelResources (pod-level requests and limits), PodLogsQuerySplitStreams.
 */
import { defaultPullPolicy } from './image.ts';
import {
  child,
  clone,
  defaultNumber,
  defaultPointer,
  defaultString,
  ensureChild,
  isEmptyCollection,
  isEmptyString,
  isNil,
  isObject,
  isZeroNumber,
  labelsFromTemplate,
  objectItems,
  templateLabels,
  type Obj,
} from './util.ts';
import type { HookTable } from './walk.ts';
import { findType } from '../schema/registry.ts';

const core = 'io.k8s.api.core.v1';

/** 0644, the default mode of secret, configMap, downwardAPI and projected volumes. */
const defaultVolumeMode = 0o644;
const defaultTokenExpirationSeconds = 60 * 60;
/** Three hours, upstream's DefaultClientIPServiceAffinitySeconds. */
const defaultClientIPAffinitySeconds = 10800;

/** Containers: pull policy from the image tag, termination message path and policy. */
export function defaultContainer(c: Obj): void {
  if (isEmptyString(c.imagePullPolicy)) c.imagePullPolicy = defaultPullPolicy(c.image);
  defaultString(c, 'terminationMessagePath', '/dev/termination-log');
  defaultString(c, 'terminationMessagePolicy', 'File');
}

/** Fields of PodSpec every pod template gets (SetDefaults_PodSpec). */
function defaultPodSpec(spec: Obj): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  defaultPointer(spec, 'securityContext', {});
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30);
  defaultString(spec, 'schedulerName', 'default-scheduler');
}

/** What only Pods get (SetDefaults_Pod), not pod templates. */
function defaultPod(pod: Obj): void {
  const spec = ensureChild(pod, 'spec');
  if (!spec) return;
  for (const key of ['containers', 'initContainers']) {
    for (const c of objectItems(spec, key)) requestsFromLimits(c);
  }
  defaultPointer(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const key of ['containers', 'initContainers']) {
      for (const c of objectItems(spec, key)) {
        for (const port of objectItems(c, 'ports')) {
          if (isZeroNumber(port.hostPort) && !isNil(port.containerPort)) port.hostPort = port.containerPort;
        }
      }
    }
  }
}

/** A container's requests default to its limits, resource by resource. */
function requestsFromLimits(c: Obj): void {
  const resources = child(c, 'resources');
  const limits = resources && child(resources, 'limits');
  if (!resources || !limits) return;
  const missing = Object.keys(limits).filter((k) => {
    const requests = resources.requests;
    return !isObject(requests) || !Object.hasOwn(requests, k);
  });
  if (missing.length === 0) return;
  const requests = ensureChild(resources, 'requests');
  if (!requests) return;
  for (const key of missing) requests[key] = clone(limits[key]);
}

let volumeSourceFields: readonly string[] | undefined;
/** The JSON names of VolumeSource's (all pointer) fields. */
function volumeSources(): readonly string[] {
  volumeSourceFields ??= [...(findType(`${core}.VolumeSource`)?.fieldsByName.keys() ?? [])];
  return volumeSourceFields;
}

/** A volume that names no source is an emptyDir. */
function defaultVolume(volume: Obj): void {
  if (volumeSources().every((key) => isNil(volume[key]))) volume.emptyDir = {};
}

function defaultProbe(probe: Obj): void {
  defaultNumber(probe, 'timeoutSeconds', 1);
  defaultNumber(probe, 'periodSeconds', 10);
  defaultNumber(probe, 'successThreshold', 1);
  defaultNumber(probe, 'failureThreshold', 3);
}

function defaultHTTPGet(action: Obj): void {
  defaultString(action, 'path', '/');
  defaultString(action, 'scheme', 'HTTP');
}

const defaultModeHook = (o: Obj) => defaultPointer(o, 'defaultMode', defaultVolumeMode);

function defaultService(service: Obj): void {
  const spec = ensureChild(service, 'spec');
  if (!spec) return;
  defaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = child(spec, 'sessionAffinityConfig');
    const clientIP = config && child(config, 'clientIP');
    if (!clientIP || isNil(clientIP.timeoutSeconds)) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: defaultClientIPAffinitySeconds } };
    }
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const port of objectItems(spec, 'ports')) {
    defaultString(port, 'protocol', 'TCP');
    const target = port.targetPort;
    if (isNil(target) || target === 0 || target === '') {
      const number = isNil(port.port) ? 0 : port.port;
      if (typeof number === 'number') port.targetPort = number;
    }
  }
  const type = spec.type;
  const externallyAccessible =
    type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (externallyAccessible) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') defaultPointer(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true);
    const status = child(service, 'status');
    const loadBalancer = status && child(status, 'loadBalancer');
    for (const ingress of objectItems(loadBalancer, 'ingress')) {
      if (!isEmptyString(ingress.ip)) defaultPointer(ingress, 'ipMode', 'VIP');
    }
  }
}

function defaultPersistentVolume(pv: Obj): void {
  const status = ensureChild(pv, 'status');
  if (status) defaultString(status, 'phase', 'Pending');
  const spec = ensureChild(pv, 'spec');
  if (!spec) return;
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultPointer(spec, 'volumeMode', 'Filesystem');
}

function defaultNamespace(ns: Obj): void {
  const metadata = child(ns, 'metadata');
  const name = metadata?.name;
  if (!metadata || typeof name !== 'string' || name === '') return;
  const labels = ensureChild(metadata, 'labels');
  if (labels) labels['kubernetes.io/metadata.name'] = name;
}

function defaultNodeStatus(status: Obj): void {
  if (isNil(status.allocatable) && isObject(status.capacity)) status.allocatable = clone(status.capacity);
}

function defaultLimitRangeItem(item: Obj): void {
  if (item.type !== 'Container') return;
  const defaults = ensureChild(item, 'default');
  const defaultRequest = ensureChild(item, 'defaultRequest');
  if (!defaults || !defaultRequest) return;
  const fill = (target: Obj, source: Obj | undefined) => {
    for (const [key, value] of Object.entries(source ?? {})) if (!Object.hasOwn(target, key)) target[key] = clone(value);
  };
  fill(defaults, child(item, 'max'));
  fill(defaultRequest, defaults);
  fill(defaultRequest, child(item, 'min'));
}

/** Selector and labels from the pod template's labels; replicas comes from its `+default` marker. */
function defaultReplicationController(rc: Obj): void {
  const spec = child(rc, 'spec');
  const labels = templateLabels(spec);
  if (!spec || !labels) return;
  if (isEmptyCollection(spec.selector)) spec.selector = clone(labels);
  labelsFromTemplate(rc, labels);
}

function defaultEndpoints(endpoints: Obj): void {
  for (const subset of objectItems(endpoints, 'subsets')) {
    for (const port of objectItems(subset, 'ports')) defaultString(port, 'protocol', 'TCP');
  }
}

export const coreHooks: HookTable = {
  [`${core}.Pod`]: defaultPod,
  [`${core}.PodSpec`]: defaultPodSpec,
  [`${core}.Container`]: defaultContainer,
  [`${core}.EphemeralContainer`]: defaultContainer,
  [`${core}.Volume`]: defaultVolume,
  [`${core}.Probe`]: defaultProbe,
  [`${core}.HTTPGetAction`]: defaultHTTPGet,
  [`${core}.SecretVolumeSource`]: defaultModeHook,
  [`${core}.ConfigMapVolumeSource`]: defaultModeHook,
  [`${core}.DownwardAPIVolumeSource`]: defaultModeHook,
  [`${core}.ProjectedVolumeSource`]: defaultModeHook,
  [`${core}.ServiceAccountTokenProjection`]: (o) => defaultPointer(o, 'expirationSeconds', defaultTokenExpirationSeconds),
  [`${core}.HostPathVolumeSource`]: (o) => defaultPointer(o, 'type', ''),
  [`${core}.ObjectFieldSelector`]: (o) => defaultString(o, 'apiVersion', 'v1'),
  [`${core}.Secret`]: (o) => defaultString(o, 'type', 'Opaque'),
  [`${core}.Service`]: defaultService,
  [`${core}.PersistentVolume`]: defaultPersistentVolume,
  [`${core}.PersistentVolumeClaim`]: (o) => {
    const status = ensureChild(o, 'status');
    if (status) defaultString(status, 'phase', 'Pending');
  },
  [`${core}.PersistentVolumeClaimSpec`]: (o) => defaultPointer(o, 'volumeMode', 'Filesystem'),
  [`${core}.Endpoints`]: defaultEndpoints,
  [`${core}.Namespace`]: defaultNamespace,
  [`${core}.NamespaceStatus`]: (o) => defaultString(o, 'phase', 'Active'),
  [`${core}.NodeStatus`]: defaultNodeStatus,
  [`${core}.LimitRangeItem`]: defaultLimitRangeItem,
  [`${core}.ReplicationController`]: defaultReplicationController,
};
