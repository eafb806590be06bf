/**
 * Server-side printing: the meta.k8s.io/v1 Table that `kubectl get` asks for.
 *
 * `tableFor(group, resource)` picks the printer of a built-in resource (upstream's
 * columns and cells, see core.ts, apps.ts, ...), or the default NAME / CREATED AT
 * table for anything else (roles, limit ranges, custom resources). `buildTable` turns
 * objects into the Table JSON with each row's object as PartialObjectMetadata, the
 * full object, or nothing (`?includeObject=`).
 */
import { formatRFC3339 } from './age.ts';
import { controllerRevisions, daemonSets, deployments, replicaSets, statefulSets } from './apps.ts';
import { horizontalPodAutoscalers, scales } from './autoscaling.ts';
import { cronJobs, jobs } from './batch.ts';
import {
  componentStatuses,
  configMaps,
  endpoints,
  events,
  namespaces,
  nodes,
  persistentVolumeClaims,
  persistentVolumes,
  podTemplates,
  pods,
  replicationControllers,
  resourceQuotas,
  secrets,
  serviceAccounts,
  services,
  type TableRowCondition,
} from './core.ts';
import { endpointSlices, ingressClasses, ingresses, ipAddresses, networkPolicies, serviceCIDRs } from './networking.ts';
import {
  certificateSigningRequests,
  clusterRoleBindings,
  clusterTrustBundles,
  csiDrivers,
  csiNodes,
  csiStorageCapacities,
  deviceClasses,
  flowSchemas,
  leaseCandidates,
  leases,
  mutatingAdmissionPolicies,
  mutatingAdmissionPolicyBindings,
  mutatingWebhookConfigurations,
  podDisruptionBudgets,
  priorityClasses,
  priorityLevelConfigurations,
  resourceClaims,
  resourceClaimTemplates,
  resourceSlices,
  roleBindings,
  runtimeClasses,
  storageClasses,
  storageVersionMigrations,
  storageVersions,
  validatingAdmissionPolicies,
  validatingAdmissionPolicyBindings,
  validatingWebhookConfigurations,
  volumeAttachments,
  volumeAttributesClasses,
} from './other.ts';
import type { ApiObject, TableColumn, TableDef } from './types.ts';
import { meta, nameColumn, nameOf } from './util.ts';

export type { ApiObject, TableColumn, TableDef } from './types.ts';
export type { TableRowCondition } from './core.ts';
export { humanDuration, translateTimestampSince } from './age.ts';

/**
 * A TableDef that also marks some rows with conditions (upstream does so for pods that
 * finished: `{type: Completed, status: True, reason: Succeeded|Failed}`).
 */
export interface TableDefWithConditions extends TableDef {
  rowConditions(object: ApiObject): TableRowCondition[] | undefined;
}

/** The table of resources without a printer of their own: NAME and CREATED AT (RFC 3339). */
export const defaultTable: TableDef = {
  columns: [
    nameColumn,
    {
      name: 'Created At',
      type: 'date',
      description: 'Time the object was created (metadata.creationTimestamp).',
      priority: 0,
    },
  ],
  cells: (o) => [nameOf(o), formatRFC3339(meta(o).creationTimestamp)],
};

/** Printers by `group/resource` (the core group is ""). */
const printers: ReadonlyMap<string, TableDef> = new Map<string, TableDef>([
  // core
  ['/pods', pods],
  ['/podtemplates', podTemplates],
  ['/services', services],
  ['/endpoints', endpoints],
  ['/nodes', nodes],
  ['/namespaces', namespaces],
  ['/configmaps', configMaps],
  ['/secrets', secrets],
  ['/serviceaccounts', serviceAccounts],
  ['/events', events],
  ['/replicationcontrollers', replicationControllers],
  ['/resourcequotas', resourceQuotas],
  ['/persistentvolumes', persistentVolumes],
  ['/persistentvolumeclaims', persistentVolumeClaims],
  ['/componentstatuses', componentStatuses],
  // apps
  ['apps/deployments', deployments],
  ['apps/replicasets', replicaSets],
  ['apps/daemonsets', daemonSets],
  ['apps/statefulsets', statefulSets],
  ['apps/controllerrevisions', controllerRevisions],
  // batch
  ['batch/jobs', jobs],
  ['batch/cronjobs', cronJobs],
  // autoscaling (v1 and v2 share the resource)
  ['autoscaling/horizontalpodautoscalers', horizontalPodAutoscalers],
  // networking, discovery, events
  ['networking.k8s.io/ingresses', ingresses],
  ['networking.k8s.io/ingressclasses', ingressClasses],
  ['networking.k8s.io/networkpolicies', networkPolicies],
  ['networking.k8s.io/servicecidrs', serviceCIDRs],
  ['networking.k8s.io/ipaddresses', ipAddresses],
  ['discovery.k8s.io/endpointslices', endpointSlices],
  ['events.k8s.io/events', events],
  // coordination, policy, scheduling
  ['coordination.k8s.io/leases', leases],
  ['coordination.k8s.io/leasecandidates', leaseCandidates],
  ['policy/poddisruptionbudgets', podDisruptionBudgets],
  ['scheduling.k8s.io/priorityclasses', priorityClasses],
  // storage
  ['storage.k8s.io/storageclasses', storageClasses],
  ['storage.k8s.io/volumeattributesclasses', volumeAttributesClasses],
  ['storage.k8s.io/csidrivers', csiDrivers],
  ['storage.k8s.io/csinodes', csiNodes],
  ['storage.k8s.io/csistoragecapacities', csiStorageCapacities],
  ['storage.k8s.io/volumeattachments', volumeAttachments],
  // rbac: roles and clusterroles have no printer upstream (default table)
  ['rbac.authorization.k8s.io/rolebindings', roleBindings],
  ['rbac.authorization.k8s.io/clusterrolebindings', clusterRoleBindings],
  // certificates, node
  ['certificates.k8s.io/certificatesigningrequests', certificateSigningRequests],
  ['certificates.k8s.io/clustertrustbundles', clusterTrustBundles],
  ['node.k8s.io/runtimeclasses', runtimeClasses],
  // admissionregistration
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations', mutatingWebhookConfigurations],
  ['admissionregistration.k8s.io/validatingwebhookconfigurations', validatingWebhookConfigurations],
  ['admissionregistration.k8s.io/validatingadmissionpolicies', validatingAdmissionPolicies],
  ['admissionregistration.k8s.io/validatingadmissionpolicybindings', validatingAdmissionPolicyBindings],
  ['admissionregistration.k8s.io/mutatingadmissionpolicies', mutatingAdmissionPolicies],
  ['admissionregistration.k8s.io/mutatingadmissionpolicybindings', mutatingAdmissionPolicyBindings],
  // flowcontrol, resource (DRA), internal
  ['flowcontrol.apiserver.k8s.io/flowschemas', flowSchemas],
  ['flowcontrol.apiserver.k8s.io/prioritylevelconfigurations', priorityLevelConfigurations],
  ['resource.k8s.io/deviceclasses', deviceClasses],
  ['resource.k8s.io/resourceclaims', resourceClaims],
  ['resource.k8s.io/resourceclaimtemplates', resourceClaimTemplates],
  ['resource.k8s.io/resourceslices', resourceSlices],
  ['internal.apiserver.k8s.io/storageversions', storageVersions],
  ['storagemigration.k8s.io/storageversionmigrations', storageVersionMigrations],
]);

/**
 * The printer of `resource` in `group` ("" for core), e.g. ('apps', 'deployments').
 * A subresource: `x/scale` prints as a Scale, `x/status` and others as `x` itself.
 * Unknown resources get `defaultTable`.
 */
export function tableFor(group: string, resource: string): TableDef {
  const [base = '', sub] = resource.split('/', 2);
  if (sub === 'scale') return scales;
  return printers.get(`${group}/${base}`) ?? defaultTable;
}

/** Every group/resource that has its own printer, for discovery checks and tests. */
export function printedResources(): string[] {
  return [...printers.keys()];
}

/** A column as serialized in a Table: every field present, as Go emits them. */
export interface TableColumnJson {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRowJson {
  cells: unknown[];
  conditions?: TableRowCondition[];
  /** PartialObjectMetadata, the full object, or null (`includeObject=None`). */
  object: unknown;
}

/** A meta.k8s.io/v1 Table. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnJson[];
  rows: TableRowJson[];
}

export interface BuildTableOptions {
  /** Epoch milliseconds the ages are computed against. */
  now: number;
  /** What each row's `object` holds: nothing, PartialObjectMetadata (the default), or the object. */
  includeObject: 'None' | 'Metadata' | 'Object';
  /** The list's (or, for one object, the object's) resourceVersion; omitted when empty. */
  resourceVersion?: string;
  /** The list's continue token; omitted when empty. */
  continue?: string;
  remainingItemCount?: number;
}

function columnJson(c: TableColumn): TableColumnJson {
  return { name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority };
}

function rowObject(o: ApiObject, includeObject: BuildTableOptions['includeObject']): unknown {
  switch (includeObject) {
    case 'None':
      return null;
    case 'Object':
      return o;
    default:
      return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata ?? {} };
  }
}

/** The Table for `objects` printed by `def`, as kube-apiserver serializes it. */
export function buildTable(def: TableDef, objects: readonly ApiObject[], options: BuildTableOptions): Table {
  const metadata: Table['metadata'] = {};
  if (options.resourceVersion) metadata.resourceVersion = options.resourceVersion;
  if (options.continue) metadata.continue = options.continue;
  if (options.remainingItemCount !== undefined) metadata.remainingItemCount = options.remainingItemCount;
  const withConditions = 'rowConditions' in def ? (def as TableDefWithConditions) : undefined;
  const rows = objects.map((o): TableRowJson => {
    const cells = def.cells(o, options.now);
    const conditions = withConditions?.rowConditions(o);
    const object = rowObject(o, options.includeObject);
    return conditions ? { cells, conditions, object } : { cells, object };
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: def.columns.map(columnJson),
    rows,
  };
}
