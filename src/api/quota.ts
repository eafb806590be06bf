// Resource quota evaluation (upstream pkg/quota/v1 and its evaluators): what an object
// costs against a ResourceQuota, which quotas apply to it (scopes), and the pod
// constraints quota puts on compute resources. Shared by the quota admission in the
// API server and the quota controller, so both count alike.
import { Quantity } from '../apimachinery/quantity.ts';

/** Resource name -> quantity. */
export type Usage = Map<string, Quantity>;

/** A group and plural naming what is counted; group '' for the core group. */
export interface GroupResource {
  readonly group: string;
  readonly resource: string;
}

type Obj = Record<string, unknown>;
type ResourceList = Record<string, unknown>;
interface Container {
  name?: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  restartPolicy?: string;
}

const one = () => Quantity.fromInt(1);

function parse(value: unknown): Quantity | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return Quantity.parse(String(value));
  } catch {
    return undefined;
  }
}

/** `count/<resource>` or `count/<resource>.<group>`, upstream's object count names. */
export function objectCountName(gr: GroupResource): string {
  return gr.group ? `count/${gr.resource}.${gr.group}` : `count/${gr.resource}`;
}

/** The names from before object counts had the count/ form. */
const legacyCountNames: Record<string, string> = {
  configmaps: 'configmaps',
  secrets: 'secrets',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
  persistentvolumeclaims: 'persistentvolumeclaims',
  services: 'services',
  pods: 'pods',
};

const podComputeNames = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'count/pods',
]);
/** Resources every container must request or limit once a quota constrains them. */
const podValidationNames = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** The names in `names` that objects of this kind use up. */
export function matchingResources(gr: GroupResource, names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (name === objectCountName(gr) || (!gr.group && legacyCountNames[gr.resource] === name)) out.push(name);
    else if (!gr.group && gr.resource === 'pods' && (podComputeNames.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.'))) out.push(name);
    else if (!gr.group && gr.resource === 'services' && (name === 'services.nodeports' || name === 'services.loadbalancers')) out.push(name);
    else if (!gr.group && gr.resource === 'persistentvolumeclaims' && (name === 'requests.storage' || name.endsWith('.storageclass.storage.k8s.io/requests.storage') || name.endsWith('.storageclass.storage.k8s.io/persistentvolumeclaims'))) out.push(name);
  }
  return out;
}

/** Whether a pod still holds compute resources (upstream QuotaV1Pod): not finished, not past its grace period. */
export function podCountsForQuota(pod: Obj, now: number): boolean {
  const status = (pod.status ?? {}) as Obj;
  if (status.phase === 'Succeeded' || status.phase === 'Failed') return false;
  const meta = (pod.metadata ?? {}) as Obj;
  if (typeof meta.deletionTimestamp === 'string' && typeof meta.deletionGracePeriodSeconds === 'number') {
    if (now > Date.parse(meta.deletionTimestamp) + meta.deletionGracePeriodSeconds * 1000) return false;
  }
  return true;
}

/** Adds `b` into `a` for every name of b. */
function addInto(a: Map<string, Quantity>, b: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(b ?? {})) {
    const q = parse(value);
    if (!q) continue;
    const prev = a.get(name);
    a.set(name, prev ? prev.add(q) : q);
  }
}

/** max(a, b) per name, into a. */
function maxInto(a: Map<string, Quantity>, b: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(b ?? {})) {
    const q = parse(value);
    if (!q) continue;
    const prev = a.get(name);
    if (!prev || q.cmp(prev) > 0) a.set(name, q);
  }
}

/**
 * A pod's effective requests or limits (upstream resourcehelper.PodRequests/PodLimits):
 * the sum over containers and restartable (sidecar) init containers, at least the
 * largest single init container, plus overhead.
 */
export function podResources(spec: Obj | undefined, kind: 'requests' | 'limits'): Map<string, Quantity> {
  const total = new Map<string, Quantity>();
  for (const c of (spec?.containers ?? []) as Container[]) addInto(total, c.resources?.[kind]);
  const init = new Map<string, Quantity>();
  const sidecars = new Map<string, Quantity>();
  for (const c of (spec?.initContainers ?? []) as Container[]) {
    if (c.restartPolicy === 'Always') {
      addInto(sidecars, c.resources?.[kind]);
      addInto(total, c.resources?.[kind]);
      continue;
    }
    // An init container runs beside the sidecars started before it.
    const withSidecars = new Map(sidecars);
    addInto(withSidecars, c.resources?.[kind]);
    maxInto(init, Object.fromEntries([...withSidecars].map(([k, v]) => [k, v.toString()])));
  }
  maxInto(total, Object.fromEntries([...init].map(([k, v]) => [k, v.toString()])));
  if (kind === 'requests' || total.size > 0) addInto(total, (spec?.overhead as ResourceList | undefined) ?? {});
  return total;
}

/** Upstream podComputeUsageHelper: the quota names that requests and limits use up. */
function computeUsage(requests: Map<string, Quantity>, limits: Map<string, Quantity>): Usage {
  const out: Usage = new Map([['pods', one()]]);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(name);
    if (request) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    }
    const limit = limits.get(name);
    if (limit) out.set(`limits.${name}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith('hugepages-')) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    } else if (isExtendedResourceName(name)) out.set(`requests.${name}`, request);
  }
  return out;
}

function isExtendedResourceName(name: string): boolean {
  if (!name.includes('/') || name.startsWith('kubernetes.io/') || name.includes('.kubernetes.io/') || name.startsWith('requests.')) return false;
  return true;
}

/** What one object uses up (upstream Evaluator.Usage). */
export function usageOf(gr: GroupResource, object: Obj, now: number): Usage {
  const usage: Usage = new Map([[objectCountName(gr), one()]]);
  const legacy = gr.group ? undefined : legacyCountNames[gr.resource];
  if (gr.group || !legacy) return usage;
  if (gr.resource === 'pods') {
    if (!podCountsForQuota(object, now)) return usage;
    const spec = object.spec as Obj | undefined;
    for (const [name, q] of computeUsage(podResources(spec, 'requests'), podResources(spec, 'limits'))) usage.set(name, q);
    return usage;
  }
  usage.set(legacy, one());
  const spec = (object.spec ?? {}) as Obj;
  if (gr.resource === 'services') {
    const type = spec.type ?? 'ClusterIP';
    if (type === 'LoadBalancer') usage.set('services.loadbalancers', one());
    if (type === 'NodePort' || type === 'LoadBalancer') usage.set('services.nodeports', Quantity.fromInt(((spec.ports ?? []) as Obj[]).length));
  } else if (gr.resource === 'persistentvolumeclaims') {
    const storage = parse(((spec.resources as { requests?: ResourceList } | undefined)?.requests ?? {}).storage);
    if (storage) usage.set('requests.storage', storage);
    const className = typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
    if (className) {
      usage.set(`${className}.storageclass.storage.k8s.io/persistentvolumeclaims`, one());
      if (storage) usage.set(`${className}.storageclass.storage.k8s.io/requests.storage`, storage);
    }
  }
  return usage;
}

interface ScopeRequirement {
  scopeName?: string;
  operator?: string;
  values?: string[];
}

/** Every scope requirement of a quota: spec.scopes as Exists, then spec.scopeSelector. */
function scopeRequirements(quota: Obj): ScopeRequirement[] {
  const spec = (quota.spec ?? {}) as { scopes?: string[]; scopeSelector?: { matchExpressions?: ScopeRequirement[] } };
  return [...(spec.scopes ?? []).map((scopeName) => ({ scopeName, operator: 'Exists' })), ...(spec.scopeSelector?.matchExpressions ?? [])];
}

function isBestEffort(spec: Obj | undefined): boolean {
  for (const c of [...((spec?.containers ?? []) as Container[]), ...((spec?.initContainers ?? []) as Container[])]) {
    for (const list of [c.resources?.requests, c.resources?.limits]) if (list && ('cpu' in list || 'memory' in list)) return false;
  }
  return true;
}

function podMatchesScope(pod: Obj, req: ScopeRequirement): boolean {
  const spec = (pod.spec ?? {}) as Obj;
  const terminating = typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
  switch (req.scopeName) {
    case 'Terminating':
      return terminating;
    case 'NotTerminating':
      return !terminating;
    case 'BestEffort':
      return isBestEffort(spec);
    case 'NotBestEffort':
      return !isBestEffort(spec);
    case 'PriorityClass': {
      const name = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
      switch (req.operator) {
        case 'Exists':
          return name !== '';
        case 'DoesNotExist':
          return name === '';
        case 'In':
          return (req.values ?? []).includes(name);
        case 'NotIn':
          return !(req.values ?? []).includes(name);
      }
      return false;
    }
    case 'CrossNamespacePodAffinity':
      return false;
  }
  return false;
}

/** Whether the quota constrains this object: it names a resource the object uses and every scope matches. */
export function quotaMatches(quota: Obj, gr: GroupResource, object: Obj): boolean {
  const hard = Object.keys(((quota.status as { hard?: ResourceList } | undefined)?.hard ?? {}) as ResourceList);
  if (matchingResources(gr, hard).length === 0) return false;
  return quotaScopesMatch(quota, gr, object);
}

/** Whether every scope of the quota matches the object (only pods have scopes). */
export function quotaScopesMatch(quota: Obj, gr: GroupResource, object: Obj): boolean {
  for (const req of scopeRequirements(quota)) {
    if (gr.group || gr.resource !== 'pods') return false;
    if (!podMatchesScope(object, req)) return false;
  }
  return true;
}

/**
 * Upstream's pod constraints: when a quota limits cpu or memory, every container must
 * say how much it requests or limits. Returns the message, or undefined when satisfied.
 */
export function podConstraintError(required: readonly string[], pod: Obj): string | undefined {
  const needed = required.filter((r) => podValidationNames.has(r));
  if (needed.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  const spec = (pod.spec ?? {}) as Obj;
  for (const c of [...((spec.containers ?? []) as Container[]), ...((spec.initContainers ?? []) as Container[])]) {
    const requests = new Map<string, Quantity>();
    const limits = new Map<string, Quantity>();
    addInto(requests, c.resources?.requests);
    addInto(limits, c.resources?.limits);
    const has = computeUsage(requests, limits);
    for (const name of needed) {
      if (has.has(name)) continue;
      let names = missing.get(name);
      if (!names) missing.set(name, (names = new Set()));
      names.add(c.name ?? '');
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...missing.get(name)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** A resource list from a status or spec field. */
export function toUsage(list: unknown): Usage {
  const out: Usage = new Map();
  for (const [name, value] of Object.entries((list ?? {}) as ResourceList)) {
    const q = parse(value);
    if (q) out.set(name, q);
  }
  return out;
}

export function usageToJSON(usage: Usage): Record<string, string> {
  return Object.fromEntries([...usage].map(([k, v]) => [k, v.toString()]));
}

/** Sums usages, keeping every name. */
export function addUsage(a: Usage, b: Usage): Usage {
  const out = new Map(a);
  for (const [name, q] of b) {
    const prev = out.get(name);
    out.set(name, prev ? prev.add(q) : q);
  }
  return out;
}

/** Only the given names. */
export function maskUsage(usage: Usage, names: Iterable<string>): Usage {
  const out: Usage = new Map();
  for (const name of names) {
    const q = usage.get(name);
    if (q) out.set(name, q);
  }
  return out;
}

/** upstream prettyPrint: `a=1,b=2` sorted by name. */
export function prettyPrintUsage(usage: Usage): string {
  return [...usage.keys()]
    .sort()
    .map((name) => `${name}=${usage.get(name)!.toString()}`)
    .join(',');
}
