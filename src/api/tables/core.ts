/**
 * Tables of the core ("" group) resources, matching kube-apiserver's printers
 * (pkg/printers/internalversion) cell for cell. The server prints as upstream does with
 * `Wide: true`: every row carries the wide (priority 1) cells, kubectl hides them
 * unless `-o wide`.
 */
import { humanDuration, parseTime, translateTimestampSince } from './age.ts';
import type { ApiObject, TableDef } from './types.ts';
import {
  ageColumn,
  ageOf,
  arr,
  bool,
  byteCompare,
  col,
  containerCells,
  def,
  formatLabels,
  has,
  joinHostPort,
  meta,
  nameColumn,
  nameOf,
  num,
  numOrUndef,
  obj,
  objOrUndef,
  objs,
  quantity,
  size,
  str,
  strOrUndef,
  type Json,
} from './util.ts';

// ---------------------------------------------------------------------------- pods

/** A meta.k8s.io/v1 TableRowCondition. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

const podSucceededConditions: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const podFailedConditions: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
];

/** A pod's row conditions: upstream marks finished pods `Completed` (Succeeded or Failed). */
export function podRowConditions(pod: ApiObject): TableRowCondition[] | undefined {
  switch (obj(pod.status).phase) {
    case 'Succeeded':
      return podSucceededConditions;
    case 'Failed':
      return podFailedConditions;
    default:
      return undefined;
  }
}

/** An init container that keeps running beside the app containers (a sidecar: restartPolicy Always). */
function isRestartable(container: Json | undefined): boolean {
  return container !== undefined && container.restartPolicy === 'Always';
}

/** The latest `lastState.terminated.finishedAt`, or `prev`; undefined is Go's zero time. */
function laterRestart(prev: number | undefined, status: Json): number | undefined {
  const terminated = objOrUndef(obj(status.lastState).terminated);
  if (terminated === undefined) return prev;
  const finished = parseTime(terminated.finishedAt);
  if (finished === undefined) return prev;
  return prev === undefined || prev < finished ? finished : prev;
}

function conditionStatus(conditions: unknown, type: string): string | undefined {
  const c = objs(conditions).find((x) => x.type === type);
  return c === undefined ? undefined : str(c.status);
}

/** READY, STATUS and RESTARTS of a pod, as upstream's `printPod` derives them. */
export function podStatusCells(pod: ApiObject, now: number): { ready: string; reason: string; restarts: string } {
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  const specInit = objs(spec.initContainers);

  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = objs(spec.containers).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  const phase = str(status.phase);
  let reason = phase;
  if (str(status.reason) !== '') reason = str(status.reason);

  for (const c of objs(status.conditions)) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Json>();
  for (const c of specInit) {
    initByName.set(str(c.name), c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = objs(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const state = obj(c.state);
    const terminated = objOrUndef(state.terminated);
    const waiting = objOrUndef(state.waiting);
    const restartable = isRestartable(initByName.get(str(c.name)));
    restarts += num(c.restartCount);
    lastRestart = laterRestart(lastRestart, c);
    if (restartable) {
      restartableInitRestarts += num(c.restartCount);
      lastRestartableInitRestart = laterRestart(lastRestartableInitRestart, c);
    }
    if (terminated !== undefined && num(terminated.exitCode) === 0) continue;
    if (restartable && c.started === true) {
      if (bool(c.ready)) readyContainers++;
      continue;
    }
    if (terminated !== undefined) {
      // Initialization failed.
      if (str(terminated.reason) === '') {
        reason =
          num(terminated.signal) !== 0
            ? `Init:Signal:${num(terminated.signal)}`
            : `Init:ExitCode:${num(terminated.exitCode)}`;
      } else {
        reason = `Init:${str(terminated.reason)}`;
      }
    } else if (waiting !== undefined && str(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${specInit.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionStatus(status.conditions, 'Initialized') === 'True') {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = objs(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      const state = obj(c.state);
      const terminated = objOrUndef(state.terminated);
      const waiting = objOrUndef(state.waiting);
      restarts += num(c.restartCount);
      lastRestart = laterRestart(lastRestart, c);
      if (waiting !== undefined && str(waiting.reason) !== '') {
        reason = str(waiting.reason);
      } else if (terminated !== undefined && str(terminated.reason) !== '') {
        reason = str(terminated.reason);
      } else if (terminated !== undefined) {
        reason =
          num(terminated.signal) !== 0 ? `Signal:${num(terminated.signal)}` : `ExitCode:${num(terminated.exitCode)}`;
      } else if (bool(c.ready) && has(state.running)) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose last container completed but another still runs is Running (or NotReady).
    if (reason === 'Completed' && hasRunning) {
      reason = objs(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  const deleting = has(meta(pod).deletionTimestamp);
  if (deleting && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') {
    reason = 'Terminating';
  }

  const restartsText =
    restarts !== 0 && lastRestart !== undefined
      ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
      : String(restarts);
  return { ready: `${readyContainers}/${totalContainers}`, reason, restarts: restartsText };
}

function podWideCells(pod: ApiObject): string[] {
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  // v1 carries the primary IP twice (podIP and podIPs[0]); as in upstream's conversion,
  // podIP wins when both are set and differ.
  const podIP = str(status.podIP) || str(objs(status.podIPs)[0]?.ip) || '<none>';
  const nodeName = str(spec.nodeName) || '<none>';
  const nominated = str(status.nominatedNodeName) || '<none>';
  let readinessGates = '<none>';
  const gates = objs(spec.readinessGates);
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const gate of gates) {
      if (conditionStatus(status.conditions, str(gate.conditionType)) === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  return [podIP, nodeName, nominated, readinessGates];
}

export const pods: TableDef & { rowConditions(o: ApiObject): TableRowCondition[] | undefined } = {
  columns: [
    nameColumn,
    col('Ready', 'string', 'Ready containers of the pod, of all its containers (sidecars included).'),
    col('Status', 'string', 'A one-word summary of the pod and its containers, e.g. Running or CrashLoopBackOff.'),
    col('Restarts', 'string', 'Container restarts of the pod, and how long ago the last one was.'),
    ageColumn,
    col('IP', 'string', "The pod's primary IP address.", 1),
    col('Node', 'string', 'The node the pod is bound to.', 1),
    col('Nominated Node', 'string', 'The node the scheduler preempted pods on for this pod.', 1),
    col('Readiness Gates', 'string', 'Readiness gates whose condition is True, of all gates.', 1),
  ],
  cells(pod, now) {
    const { ready, reason, restarts } = podStatusCells(pod, now);
    return [nameOf(pod), ready, reason, restarts, ageOf(pod, now), ...podWideCells(pod)];
  },
  rowConditions: podRowConditions,
};

export const podTemplates = def(
  [
    nameColumn,
    col('Containers', 'string', 'Names of the containers in the template.'),
    col('Images', 'string', 'Images of the containers in the template.'),
    col('Pod Labels', 'string', 'Labels of the pod template.'),
  ],
  (o) => {
    const template = obj(o.template);
    return [nameOf(o), ...containerCells(template.spec), formatLabels(obj(template.metadata).labels)];
  },
);

// ---------------------------------------------------------------------------- services

/** The first cluster IP (`spec.clusterIPs[0]`, or the older single `spec.clusterIP`). */
function clusterIP(spec: Json): string {
  const ips = arr(spec.clusterIPs);
  if (ips.length > 0) return str(ips[0]);
  return str(spec.clusterIP);
}

/** Load-balancer ingress points: the IP, else the hostname; sorted and deduplicated. */
export function loadBalancerIngress(status: unknown): string {
  const set = new Set<string>();
  for (const ing of objs(obj(status).ingress)) {
    if (str(ing.ip) !== '') set.add(str(ing.ip));
    else if (str(ing.hostname) !== '') set.add(str(ing.hostname));
  }
  // The server prints wide, so upstream's 16-character clipping never applies.
  return [...set].sort(byteCompare).join(',');
}

function serviceExternalIP(svc: ApiObject): string {
  const spec = obj(svc.spec);
  const externalIPs = arr(spec.externalIPs).map(str);
  switch (str(spec.type) || 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(obj(obj(svc.status).loadBalancer));
      if (externalIPs.length > 0) return [...(lb === '' ? [] : lb.split(',')), ...externalIPs].join(',');
      return lb !== '' ? lb : '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

function servicePorts(spec: Json): string {
  return objs(spec.ports)
    .map((p) => {
      const protocol = str(p.protocol) || 'TCP';
      return num(p.nodePort) > 0 ? `${num(p.port)}:${num(p.nodePort)}/${protocol}` : `${num(p.port)}/${protocol}`;
    })
    .join(',');
}

export const services = def(
  [
    nameColumn,
    col('Type', 'string', 'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
    col('Cluster-IP', 'string', 'The virtual IP of the service inside the cluster.'),
    col('External-IP', 'string', 'Addresses the service is reachable at from outside the cluster.'),
    col('Port(s)', 'string', 'Service ports, with node ports, and their protocols.'),
    ageColumn,
    col('Selector', 'string', 'Labels of the pods that back the service.', 1),
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [
      nameOf(o),
      str(spec.type) || 'ClusterIP',
      clusterIP(spec) || '<none>',
      serviceExternalIP(o),
      servicePorts(spec) || '<none>',
      ageOf(o, now),
      formatLabels(spec.selector),
    ];
  },
);

// ---------------------------------------------------------------------------- endpoints

/** Up to three endpoint addresses (`ip:port` for each port), with " + N more..." (`formatEndpoints`). */
export function formatEndpoints(o: ApiObject): string {
  const subsets = objs(o.subsets);
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string): boolean => {
    if (list.length === max) {
      more = true;
      return false;
    }
    list.push(text);
    return true;
  };
  for (const ss of subsets) {
    const addresses = objs(ss.addresses);
    const ports = objs(ss.ports);
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) if (!add(str(a.ip))) break;
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) if (!add(joinHostPort(str(a.ip), num(port.port)))) break;
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpoints = def(
  [nameColumn, col('Endpoints', 'string', 'Addresses and ports the service routes to.'), ageColumn],
  (o, now) => [nameOf(o), formatEndpoints(o), ageOf(o, now)],
);

// ---------------------------------------------------------------------------- nodes

function nodeRoles(node: ApiObject): string {
  const roles = new Set<string>();
  const labels = obj(meta(node).labels);
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (k === 'kubernetes.io/role' && str(v) !== '') {
      roles.add(str(v));
    }
  }
  return [...roles].sort(byteCompare).join(',') || '<none>';
}

function nodeAddress(node: ApiObject, type: string): string {
  const a = objs(obj(node.status).addresses).find((x) => x.type === type);
  return a === undefined ? '<none>' : str(a.address);
}

export const nodes = def(
  [
    nameColumn,
    col('Status', 'string', 'Readiness of the node, and SchedulingDisabled when cordoned.'),
    col('Roles', 'string', 'Roles from the node-role.kubernetes.io/<role> labels.'),
    ageColumn,
    col('Version', 'string', 'Kubelet version the node reports.'),
    col('Internal-IP', 'string', 'The first InternalIP address of the node.', 1),
    col('External-IP', 'string', 'The first ExternalIP address of the node.', 1),
    col('OS-Image', 'string', 'Operating system image the node reports.', 1),
    col('Kernel-Version', 'string', 'Kernel version the node reports.', 1),
    col('Container-Runtime', 'string', 'Container runtime and version the node reports.', 1),
  ],
  (o, now) => {
    const status = obj(o.status);
    // Only the Ready condition counts; the last entry of a type wins, as in a Go map.
    let ready: Json | undefined;
    for (const c of objs(status.conditions)) if (c.type === 'Ready') ready = c;
    const parts = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
    if (bool(obj(o.spec).unschedulable)) parts.push('SchedulingDisabled');
    const info = obj(status.nodeInfo);
    return [
      nameOf(o),
      parts.join(','),
      nodeRoles(o),
      ageOf(o, now),
      str(info.kubeletVersion),
      nodeAddress(o, 'InternalIP'),
      nodeAddress(o, 'ExternalIP'),
      str(info.osImage) || '<unknown>',
      str(info.kernelVersion) || '<unknown>',
      str(info.containerRuntimeVersion) || '<unknown>',
    ];
  },
);

// ---------------------------------------------------------------------------- simple core kinds

export const namespaces = def(
  [nameColumn, col('Status', 'string', 'Phase of the namespace: Active or Terminating.'), ageColumn],
  (o, now) => [nameOf(o), str(obj(o.status).phase), ageOf(o, now)],
);

export const configMaps = def(
  [nameColumn, col('Data', 'string', 'Number of keys in data and binaryData.'), ageColumn],
  (o, now) => [nameOf(o), size(o.data) + size(o.binaryData), ageOf(o, now)],
);

export const secrets = def(
  [
    nameColumn,
    col('Type', 'string', 'Type of the secret, e.g. Opaque or kubernetes.io/tls.'),
    col('Data', 'string', 'Number of keys in data.'),
    ageColumn,
  ],
  (o, now) => [nameOf(o), str(o.type), size(o.data), ageOf(o, now)],
);

export const serviceAccounts = def(
  [nameColumn, col('Secrets', 'string', 'Number of secrets listed by the service account.'), ageColumn],
  (o, now) => [nameOf(o), arr(o.secrets).length, ageOf(o, now)],
);

export const replicationControllers = def(
  [
    nameColumn,
    col('Desired', 'integer', 'Number of pods asked for.'),
    col('Current', 'integer', 'Number of pods that exist.'),
    col('Ready', 'integer', 'Number of pods that are ready.'),
    ageColumn,
    col('Containers', 'string', 'Names of the containers in the template.', 1),
    col('Images', 'string', 'Images of the containers in the template.', 1),
    col('Selector', 'string', 'Labels of the pods the controller manages.', 1),
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    return [
      nameOf(o),
      numOrUndef(spec.replicas) ?? 1,
      num(status.replicas),
      num(status.readyReplicas),
      ageOf(o, now),
      ...containerCells(obj(spec.template).spec),
      formatLabels(spec.selector),
    ];
  },
);

/** Requests and limits of a quota: `name: used/hard` for each hard limit, sorted by name. */
export const resourceQuotas = def(
  [
    nameColumn,
    ageColumn,
    col('Request', 'string', 'Used and hard amounts of each limited resource other than limits.*.'),
    col('Limit', 'string', 'Used and hard amounts of each limits.* resource.'),
  ],
  (o, now) => {
    const status = obj(o.status);
    const hard = obj(status.hard);
    const used = obj(status.used);
    const requests: string[] = [];
    const limits: string[] = [];
    for (const name of Object.keys(hard).sort(byteCompare)) {
      const pieces = name.split('.');
      const target = pieces.length > 1 && pieces[0] === 'limits' ? limits : requests;
      target.push(`${name}: ${quantity(used[name])}/${quantity(hard[name])}`);
    }
    return [nameOf(o), ageOf(o, now), requests.join(', '), limits.join(', ')];
  },
);

/** Access modes in upstream's fixed order and short names (`GetAccessModesAsString`). */
export function accessModes(modes: unknown): string {
  const set = new Set(arr(modes).map(str));
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

export const persistentVolumes = def(
  [
    nameColumn,
    col('Capacity', 'string', 'Storage capacity of the volume.'),
    col('Access Modes', 'string', 'Ways the volume can be mounted: RWO, ROX, RWX, RWOP.'),
    col('Reclaim Policy', 'string', 'What happens to the volume when its claim is released.'),
    col('Status', 'string', 'Phase of the volume.'),
    col('Claim', 'string', 'Namespace and name of the claim bound to the volume.'),
    col('StorageClass', 'string', 'Storage class of the volume.'),
    col('VolumeAttributesClass', 'string', 'Volume attributes class of the volume.'),
    col('Reason', 'string', 'Why the volume is in its phase, when known.'),
    ageColumn,
    col('VolumeMode', 'string', 'Filesystem or Block.', 1),
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    const claimRef = objOrUndef(spec.claimRef);
    const claim = claimRef === undefined ? '' : `${str(claimRef.namespace)}/${str(claimRef.name)}`;
    const phase = has(meta(o).deletionTimestamp) ? 'Terminating' : str(status.phase);
    const annotations = obj(meta(o).annotations);
    const storageClass =
      betaStorageClassAnnotation in annotations
        ? str(annotations[betaStorageClassAnnotation])
        : str(spec.storageClassName);
    return [
      nameOf(o),
      quantity(obj(spec.capacity).storage),
      accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy),
      phase,
      claim,
      storageClass,
      strOrUndef(spec.volumeAttributesClassName) ?? '<unset>',
      str(status.reason),
      ageOf(o, now),
      strOrUndef(spec.volumeMode) ?? '<unset>',
    ];
  },
);

export const persistentVolumeClaims = def(
  [
    nameColumn,
    col('Status', 'string', 'Phase of the claim.'),
    col('Volume', 'string', 'Name of the volume bound to the claim.'),
    col('Capacity', 'string', 'Capacity of the bound volume.'),
    col('Access Modes', 'string', 'Access modes of the bound volume.'),
    col('StorageClass', 'string', 'Storage class the claim asks for.'),
    col('VolumeAttributesClass', 'string', 'Volume attributes class the claim asks for.'),
    ageColumn,
    col('VolumeMode', 'string', 'Filesystem or Block.', 1),
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const status = obj(o.status);
    const phase = has(meta(o).deletionTimestamp) ? 'Terminating' : str(status.phase);
    const volumeName = str(spec.volumeName);
    const bound = volumeName !== '';
    const annotations = obj(meta(o).annotations);
    const storageClass =
      betaStorageClassAnnotation in annotations
        ? str(annotations[betaStorageClassAnnotation])
        : str(spec.storageClassName);
    return [
      nameOf(o),
      phase,
      volumeName,
      bound ? quantity(obj(status.capacity).storage) : '',
      bound ? accessModes(status.accessModes) : '',
      storageClass,
      strOrUndef(spec.volumeAttributesClassName) ?? '<unset>',
      ageOf(o, now),
      strOrUndef(spec.volumeMode) ?? '<unset>',
    ];
  },
);

export const componentStatuses = def(
  [
    nameColumn,
    col('Status', 'string', 'Healthy, Unhealthy or Unknown, from the Healthy condition.'),
    col('Message', 'string', 'Message of the Healthy condition.'),
    col('Error', 'string', 'Error of the Healthy condition.'),
  ],
  (o) => {
    const c = objs(o.conditions).find((x) => x.type === 'Healthy');
    if (c === undefined) return [nameOf(o), 'Unknown', '', ''];
    return [nameOf(o), c.status === 'True' ? 'Healthy' : 'Unhealthy', str(c.message), str(c.error)];
  },
);

// ---------------------------------------------------------------------------- events

/**
 * A core/v1 Event's fields, read from either shape: core/v1 (`involvedObject`,
 * `message`, `source`, ...) or events.k8s.io/v1 (`regarding`, `note`,
 * `deprecatedSource`, ...), which upstream converts to the same internal type.
 */
function eventFields(o: ApiObject): Json {
  if (!('regarding' in o) && !('note' in o) && !str(o.apiVersion).startsWith('events.k8s.io/')) return o;
  return {
    ...o,
    involvedObject: o.regarding,
    related: o.related,
    message: o.note,
    source: o.deprecatedSource,
    firstTimestamp: o.deprecatedFirstTimestamp,
    lastTimestamp: o.deprecatedLastTimestamp,
    count: o.deprecatedCount,
    reportingComponent: o.reportingController,
  };
}

export const events = def(
  [
    col('Last Seen', 'string', 'Time since the event was last observed.'),
    col('Type', 'string', 'Normal or Warning.'),
    col('Reason', 'string', 'Short machine-readable reason for the event.'),
    col('Object', 'string', 'The object the event is about, as kind/name.'),
    col('Subobject', 'string', 'The part of the object the event is about, e.g. a container.', 1),
    col('Source', 'string', 'The component (and host) that reported the event.', 1),
    col('Message', 'string', 'Human-readable description of the event.'),
    col('First Seen', 'string', 'Time since the event was first observed.', 1),
    col('Count', 'string', 'How many times the event has occurred.', 1),
    col('Name', 'string', 'Name of the event object.', 1, 'name'),
  ],
  (raw, now) => {
    const o = eventFields(raw);
    const first = parseTime(o.firstTimestamp) !== undefined ? o.firstTimestamp : o.eventTime;
    const firstSeen = translateTimestampSince(first, now);
    let lastSeen = parseTime(o.lastTimestamp) === undefined ? firstSeen : translateTimestampSince(o.lastTimestamp, now);
    let count = num(o.count);
    const series = objOrUndef(o.series);
    if (series !== undefined) {
      lastSeen = translateTimestampSince(series.lastObservedTime, now);
      count = num(series.count);
    } else if (count === 0) {
      // Singleton events of the new API carry no count.
      count = 1;
    }
    const involved = obj(o.involvedObject);
    const kind = str(involved.kind).toLowerCase();
    const target = str(involved.name) !== '' ? `${kind}/${str(involved.name)}` : kind;
    const source = obj(o.source);
    // core/v1 spells the reporting controller `reportingComponent`.
    const component = str(source.component) || str(o.reportingComponent);
    const host = str(source.host) || str(o.reportingInstance);
    return [
      lastSeen,
      str(o.type),
      str(o.reason),
      target,
      str(involved.fieldPath),
      host === '' ? component : `${component}, ${host}`,
      str(o.message).trim(),
      firstSeen,
      count,
      nameOf(raw),
    ];
  },
);
