/**
 * The built-in resources the API serves: names, scope, versions, verbs and
 * subresources as upstream's discovery shows them (`kubectl api-resources`).
 * Per-resource behaviour (defaults, validation, status handling) lives in strategies;
 * this file holds the facts discovery and routing need.
 */
export interface ResourceDef {
  /** API group; '' is the core group served under /api. */
  readonly group: string;
  /** Served versions, the preferred one first. */
  readonly versions: readonly string[];
  /** The version objects are stored in. */
  readonly storageVersion: string;
  readonly kind: string;
  /** Lower-case plural, the URL segment: `pods`. */
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: readonly SubresourceDef[];
  /** Storage prefix (under /registry/) when shared with, or named unlike, the plural. */
  readonly storagePrefix: string;
}

export interface SubresourceDef {
  readonly name: string;
  readonly kind: string;
  /** Group and version of the subresource's kind when it differs from the parent's (Scale). */
  readonly group?: string;
  readonly version?: string;
  readonly verbs: readonly string[];
}

const crud = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;
const status = (kind: string): SubresourceDef => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });
const scale: SubresourceDef = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };

interface Entry {
  kind: string;
  plural: string;
  namespaced?: boolean;
  short?: string[];
  all?: boolean;
  verbs?: readonly string[];
  sub?: (kind: string) => SubresourceDef[];
  storagePrefix?: string;
  versions?: string[];
  storageVersion?: string;
}

function group(name: string, versions: string[], entries: Entry[]): ResourceDef[] {
  return entries.map((e) => ({
    group: name,
    versions: e.versions ?? versions,
    storageVersion: e.storageVersion ?? (e.versions ?? versions)[0]!,
    kind: e.kind,
    plural: e.plural,
    singular: e.kind.toLowerCase(),
    namespaced: e.namespaced ?? true,
    shortNames: e.short ?? [],
    categories: e.all ? ['all'] : [],
    verbs: e.verbs ?? crud,
    subresources: e.sub?.(e.kind) ?? [],
    storagePrefix: e.storagePrefix ?? e.plural,
  }));
}

const withStatus = (kind: string) => [status(kind)];
const withScaleAndStatus = (kind: string) => [scale, status(kind)];

export const resources: readonly ResourceDef[] = [
  ...group('', ['v1'], [
    { kind: 'Binding', plural: 'bindings', verbs: ['create'] },
    { kind: 'ComponentStatus', plural: 'componentstatuses', namespaced: false, short: ['cs'], verbs: ['get', 'list'] },
    { kind: 'ConfigMap', plural: 'configmaps', short: ['cm'] },
    { kind: 'Endpoints', plural: 'endpoints', short: ['ep'] },
    { kind: 'Event', plural: 'events', short: ['ev'] },
    { kind: 'LimitRange', plural: 'limitranges', short: ['limits'] },
    {
      kind: 'Namespace',
      plural: 'namespaces',
      namespaced: false,
      short: ['ns'],
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      sub: (kind) => [{ name: 'finalize', kind, verbs: ['update'] }, status(kind)],
    },
    {
      kind: 'Node',
      plural: 'nodes',
      namespaced: false,
      short: ['no'],
      sub: (kind) => [{ name: 'proxy', kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, status(kind)],
      storagePrefix: 'minions',
    },
    { kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', short: ['pvc'], sub: withStatus },
    { kind: 'PersistentVolume', plural: 'persistentvolumes', namespaced: false, short: ['pv'], sub: withStatus },
    {
      kind: 'Pod',
      plural: 'pods',
      short: ['po'],
      all: true,
      sub: (kind) => [
        { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
        { name: 'binding', kind: 'Binding', verbs: ['create'] },
        { name: 'ephemeralcontainers', kind, verbs: ['get', 'patch', 'update'] },
        { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
        { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
        { name: 'log', kind, verbs: ['get'] },
        { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
        { name: 'proxy', kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
        { name: 'resize', kind, verbs: ['get', 'patch', 'update'] },
        status(kind),
      ],
    },
    { kind: 'PodTemplate', plural: 'podtemplates' },
    { kind: 'ReplicationController', plural: 'replicationcontrollers', short: ['rc'], all: true, sub: withScaleAndStatus, storagePrefix: 'controllers' },
    { kind: 'ResourceQuota', plural: 'resourcequotas', short: ['quota'], sub: withStatus },
    { kind: 'Secret', plural: 'secrets' },
    {
      kind: 'ServiceAccount',
      plural: 'serviceaccounts',
      short: ['sa'],
      sub: () => [{ name: 'token', kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] }],
    },
    {
      kind: 'Service',
      plural: 'services',
      short: ['svc'],
      all: true,
      sub: (kind) => [{ name: 'proxy', kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, status(kind)],
      storagePrefix: 'services/specs',
    },
  ]),
  // apps/v1beta1 and v1beta2 are served again for the seed tutorials' manifests.
  ...group('apps', ['v1'], [
    { kind: 'ControllerRevision', plural: 'controllerrevisions', versions: ['v1', 'v1beta2', 'v1beta1'] },
    { kind: 'DaemonSet', plural: 'daemonsets', short: ['ds'], all: true, sub: withStatus, versions: ['v1', 'v1beta2'] },
    { kind: 'Deployment', plural: 'deployments', short: ['deploy'], all: true, sub: withScaleAndStatus, versions: ['v1', 'v1beta2', 'v1beta1'] },
    { kind: 'ReplicaSet', plural: 'replicasets', short: ['rs'], all: true, sub: withScaleAndStatus, versions: ['v1', 'v1beta2'] },
    { kind: 'StatefulSet', plural: 'statefulsets', short: ['sts'], all: true, sub: withScaleAndStatus, versions: ['v1', 'v1beta2', 'v1beta1'] },
  ]),
  ...group('authentication.k8s.io', ['v1'], [
    { kind: 'SelfSubjectReview', plural: 'selfsubjectreviews', namespaced: false, verbs: ['create'] },
    { kind: 'TokenReview', plural: 'tokenreviews', namespaced: false, verbs: ['create'] },
  ]),
  ...group('authorization.k8s.io', ['v1'], [
    { kind: 'LocalSubjectAccessReview', plural: 'localsubjectaccessreviews', verbs: ['create'] },
    { kind: 'SelfSubjectAccessReview', plural: 'selfsubjectaccessreviews', namespaced: false, verbs: ['create'] },
    { kind: 'SelfSubjectRulesReview', plural: 'selfsubjectrulesreviews', namespaced: false, verbs: ['create'] },
    { kind: 'SubjectAccessReview', plural: 'subjectaccessreviews', namespaced: false, verbs: ['create'] },
  ]),
  ...group('autoscaling', ['v2', 'v1'], [{ kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', short: ['hpa'], all: true, sub: withStatus }]),
  ...group('batch', ['v1'], [
    { kind: 'CronJob', plural: 'cronjobs', short: ['cj'], all: true, sub: withStatus, versions: ['v1', 'v1beta1'] },
    // jobs/scale is kubets's own (parallelism), for the seeds' `kubectl scale job`.
    { kind: 'Job', plural: 'jobs', all: true, sub: withScaleAndStatus },
  ]),
  ...group('certificates.k8s.io', ['v1'], [
    {
      kind: 'CertificateSigningRequest',
      plural: 'certificatesigningrequests',
      namespaced: false,
      short: ['csr'],
      sub: (kind) => [{ name: 'approval', kind, verbs: ['get', 'patch', 'update'] }, status(kind)],
    },
  ]),
  ...group('coordination.k8s.io', ['v1'], [{ kind: 'Lease', plural: 'leases' }]),
  ...group('discovery.k8s.io', ['v1'], [{ kind: 'EndpointSlice', plural: 'endpointslices' }]),
  ...group('events.k8s.io', ['v1'], [{ kind: 'Event', plural: 'events', short: ['ev'], storageVersion: 'v1' }]),
  // extensions/v1beta1, removed upstream in 1.16 and 1.22, shares storage with apps and networking.
  ...group('extensions', ['v1beta1'], [
    { kind: 'DaemonSet', plural: 'daemonsets', sub: withStatus },
    { kind: 'Deployment', plural: 'deployments', sub: withScaleAndStatus },
    { kind: 'Ingress', plural: 'ingresses', sub: withStatus },
    { kind: 'NetworkPolicy', plural: 'networkpolicies' },
    { kind: 'ReplicaSet', plural: 'replicasets', sub: withScaleAndStatus },
  ]),
  ...group('networking.k8s.io', ['v1'], [
    { kind: 'IngressClass', plural: 'ingressclasses', namespaced: false },
    { kind: 'Ingress', plural: 'ingresses', short: ['ing'], sub: withStatus },
    { kind: 'NetworkPolicy', plural: 'networkpolicies', short: ['netpol'] },
  ]),
  ...group('policy', ['v1'], [{ kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', short: ['pdb'], sub: withStatus }]),
  ...group('rbac.authorization.k8s.io', ['v1'], [
    { kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', namespaced: false },
    { kind: 'ClusterRole', plural: 'clusterroles', namespaced: false },
    { kind: 'RoleBinding', plural: 'rolebindings' },
    { kind: 'Role', plural: 'roles' },
  ]),
  ...group('scheduling.k8s.io', ['v1'], [{ kind: 'PriorityClass', plural: 'priorityclasses', namespaced: false, short: ['pc'] }]),
  ...group('storage.k8s.io', ['v1'], [{ kind: 'StorageClass', plural: 'storageclasses', namespaced: false, short: ['sc'] }]),
];

/** Groups in the order upstream's discovery lists them. */
export const groupOrder: readonly string[] = [
  '',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'extensions',
];

interface Deprecation {
  readonly deprecatedIn: string;
  readonly removedIn: string;
  readonly replacement: string;
}

/** Versions upstream has removed that kubets serves again, with upstream's deprecation facts. */
const deprecations: Record<string, Deprecation> = {
  'extensions/v1beta1/DaemonSet': { deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1 DaemonSet' },
  'extensions/v1beta1/Deployment': { deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1 Deployment' },
  'extensions/v1beta1/ReplicaSet': { deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1 ReplicaSet' },
  'extensions/v1beta1/NetworkPolicy': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1 NetworkPolicy' },
  'extensions/v1beta1/Ingress': { deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1 Ingress' },
  'apps/v1beta1/Deployment': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 Deployment' },
  'apps/v1beta1/StatefulSet': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 StatefulSet' },
  'apps/v1beta1/ControllerRevision': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 ControllerRevision' },
  'apps/v1beta2/DaemonSet': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 DaemonSet' },
  'apps/v1beta2/Deployment': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 Deployment' },
  'apps/v1beta2/ReplicaSet': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 ReplicaSet' },
  'apps/v1beta2/StatefulSet': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 StatefulSet' },
  'apps/v1beta2/ControllerRevision': { deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1 ControllerRevision' },
  'batch/v1beta1/CronJob': { deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1 CronJob' },
};

/** Upstream's deprecation warning for a removed version, e.g. for extensions/v1beta1 Ingress. */
export function deprecationWarning(group: string, version: string, kind: string): string | undefined {
  const d = deprecations[`${group}/${version}/${kind}`];
  return d && `${group}/${version} ${kind} is deprecated in v${d.deprecatedIn}+, unavailable in v${d.removedIn}+; use ${d.replacement}`;
}

const byGroupVersionPlural = new Map<string, ResourceDef>();
for (const resource of resources) {
  for (const version of resource.versions) byGroupVersionPlural.set(`${resource.group}/${version}/${resource.plural}`, resource);
}

/** The resource served at /{group}/{version}/{plural}, if any. */
export function findResource(group: string, version: string, plural: string): ResourceDef | undefined {
  return byGroupVersionPlural.get(`${group}/${version}/${plural}`);
}

/** Every served group with its versions, preferred first, in discovery order. */
export function servedGroups(): Array<{ group: string; versions: string[] }> {
  const versions = new Map<string, string[]>();
  for (const resource of resources) {
    const list = versions.get(resource.group) ?? [];
    for (const version of resource.versions) if (!list.includes(version)) list.push(version);
    versions.set(resource.group, list);
  }
  return groupOrder.filter((g) => versions.has(g)).map((g) => ({ group: g, versions: versions.get(g)! }));
}

/** `apps/v1`, or `v1` for the core group. */
export const groupVersion = (group: string, version: string) => (group ? `${group}/${version}` : version);
