// The strategy of each built-in resource: which have a status subresource, which
// track generation, graceful deletion, TTLs, and the per-kind selectable fields
// (upstream's GetAttrs / field label conversion functions).
import { isDeepStrictEqual } from 'node:util';
import { parseApiVersion, storageVersionOf } from '../../api/conversion/index.ts';
import type { ResourceDef } from '../../api/resources.ts';
import type { ApiObject } from '../watch-cache.ts';
import { qosClassOf } from '../../api/pod-qos.ts';
import { addDefaultTolerations, admitPriority, type PodAdmissionOptions } from '../admission/pod-admission.ts';
import { admitLimitRanges } from '../admission/limit-ranger.ts';
import { admitQuota, type QuotaAdmissionDeps } from '../admission/resource-quota.ts';
import { generateJobSelector } from '../../api/validation/batch.ts';
import { prepareServiceWrite } from '../../api/validation/core/service.ts';
import { dropTypeDependentFields, type ServiceAllocator } from './service-allocator.ts';
import { defaultStrategy, type Strategy } from './strategy.ts';

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const get = (object: ApiObject, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);

/** Field selector values read straight from the object at the given paths. */
const fields =
  (...paths: string[]) =>
  (object: ApiObject): Record<string, string> =>
    Object.fromEntries(paths.map((path) => [path, str(get(object, path))]));

const withStatus: Strategy = { ...defaultStrategy, hasStatus: true, tracksGeneration: true };

/** Pods: status is a subresource; a pod on a node waits for its kubelet (grace period) before it goes. */
const pods: Strategy = {
  ...defaultStrategy,
  hasStatus: true,
  returnDeletedObject: true,
  prepareForCreate(object) {
    object.status = { phase: 'Pending', qosClass: qosClassOf(object.spec as Parameters<typeof qosClassOf>[0]) };
  },
  gracePeriodSeconds(object, requested) {
    const spec = (object.spec ?? {}) as Record<string, unknown>;
    // Unscheduled pods and pods that already finished go at once, as upstream.
    const phase = get(object, 'status.phase');
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    return requested ?? Number(spec.terminationGracePeriodSeconds ?? 30);
  },
  selectableFields(object) {
    const podIPs = get(object, 'status.podIPs');
    return {
      ...fields('spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName')(object),
      'spec.hostNetwork': String(get(object, 'spec.hostNetwork') === true),
      'status.podIPs': Array.isArray(podIPs) ? podIPs.map((ip) => str((ip as { ip?: string }).ip)).join(',') : '',
    };
  },
};

const namespaces: Strategy = {
  ...defaultStrategy,
  hasStatus: true,
  returnDeletedObject: true,
  prepareForCreate(object) {
    object.spec = { finalizers: ['kubernetes'] };
    object.status = { phase: 'Active' };
  },
  deletionPending(object) {
    const finalizers = (object.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    if (finalizers.length === 0) return false;
    object.status = { ...((object.status as object | undefined) ?? {}), phase: 'Terminating' };
    return true;
  },
  selectableFields: fields('status.phase'),
};

const events: Strategy = {
  ...defaultStrategy,
  ttlSeconds: 3600,
  selectableFields: fields(
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ),
};

/** Secrets: stringData is a write-only convenience, merged into data as upstream's conversion does. */
const secrets: Strategy = {
  ...defaultStrategy,
  defaults(object) {
    const stringData = object.stringData as Record<string, string> | undefined;
    if (stringData && typeof stringData === 'object') {
      const data = { ...((object.data as Record<string, string> | undefined) ?? {}) };
      for (const [key, value] of Object.entries(stringData)) data[key] = Buffer.from(String(value)).toString('base64');
      object.data = data;
    }
    delete object.stringData;
    object.type ??= 'Opaque';
  },
  selectableFields: fields('type'),
};

/**
 * DaemonSets: the template generation (apps/v1 carries it in an annotation) starts at 1
 * and goes up by one with each template change, as upstream's strategy sets it.
 */
const templateGeneration = 'deprecated.daemonset.template.generation';
const daemonSets: Strategy = {
  ...withStatus,
  prepareForCreate(object) {
    object.metadata.annotations = { ...((object.metadata.annotations as Record<string, string> | undefined) ?? {}), [templateGeneration]: '1' };
  },
  prepareForUpdate(object, old) {
    const previous = Number((old.metadata.annotations as Record<string, string> | undefined)?.[templateGeneration] ?? 0) || 0;
    const changed = !isDeepStrictEqual(get(object, 'spec.template'), get(old, 'spec.template'));
    object.metadata.annotations = { ...((object.metadata.annotations as Record<string, string> | undefined) ?? {}), [templateGeneration]: String(changed ? previous + 1 : previous) };
  },
};

const byResource: Record<string, Strategy> = {
  '/pods': pods,
  '/namespaces': namespaces,
  '/nodes': { ...defaultStrategy, hasStatus: true, selectableFields: (o) => ({ 'spec.unschedulable': String(get(o, 'spec.unschedulable') === true) }) },
  '/services': { ...defaultStrategy, hasStatus: true, selectableFields: fields('spec.clusterIP', 'spec.type') },
  '/secrets': secrets,
  '/events': events,
  '/replicationcontrollers': { ...withStatus, selectableFields: (o) => ({ 'status.replicas': str(get(o, 'status.replicas') ?? 0) }) },
  '/persistentvolumeclaims': { ...defaultStrategy, hasStatus: true },
  '/persistentvolumes': { ...defaultStrategy, hasStatus: true },
  '/resourcequotas': { ...defaultStrategy, hasStatus: true },
  'apps/deployments': withStatus,
  'apps/replicasets': { ...withStatus, selectableFields: (o) => ({ 'status.replicas': str(get(o, 'status.replicas') ?? 0) }) },
  'apps/statefulsets': withStatus,
  'apps/daemonsets': daemonSets,
  'batch/jobs': { ...withStatus, prepareForCreate: (object) => generateJobSelector(object), selectableFields: (o) => ({ 'status.successful': str(get(o, 'status.succeeded') ?? 0) }) },
  'batch/cronjobs': withStatus,
  'autoscaling/horizontalpodautoscalers': { ...defaultStrategy, hasStatus: true },
  'networking.k8s.io/ingresses': withStatus,
  'policy/poddisruptionbudgets': withStatus,
  'certificates.k8s.io/certificatesigningrequests': { ...defaultStrategy, hasStatus: true },
};

export interface StrategyDeps {
  readonly serviceAllocator: ServiceAllocator;
  readonly podAdmission: PodAdmissionOptions;
  /** ResourceQuota and LimitRanger admission; without it neither runs. */
  readonly quotaAdmission?: QuotaAdmissionDeps & { listLimitRanges(namespace: string): Promise<ApiObject[]> };
}

export function strategyFor(def: ResourceDef, deps: StrategyDeps): Strategy {
  const strategy = baseStrategyFor(def, deps);
  const admission = deps.quotaAdmission;
  if (!admission || !def.namespaced) return strategy;
  // Quota comes last, after every other admission step changed the object (upstream's order).
  const gr = { group: def.group, resource: def.plural };
  return {
    ...strategy,
    async admitCreate(object, options) {
      await strategy.admitCreate?.(object, options);
      await admitQuota(gr, object, admission, options);
    },
  };
}

function baseStrategyFor(def: ResourceDef, deps: StrategyDeps): Strategy {
  // Behaviour follows the stored kind: extensions/v1beta1 Deployments act as apps/v1 ones.
  const key = `${parseApiVersion(storageVersionOf(def.group, def.kind).apiVersion).group}/${def.plural}`;
  if (key === '/services') {
    return {
      ...byResource[key],
      // Keep what was allocated when a client leaves it out, and clusterIP in step with clusterIPs.
      prepareForCreate: (object) => Object.assign(object, prepareServiceWrite(object, undefined)),
      prepareForUpdate: (object, old) => {
        dropTypeDependentFields(object, old);
        Object.assign(object, prepareServiceWrite(object, old));
      },
      afterUpdate: (object, old) => deps.serviceAllocator.releaseDropped(object, old),
      allocate: (object, old) => deps.serviceAllocator.allocate(object, old),
      release: (object) => deps.serviceAllocator.release(object),
    };
  }
  if (key === '/pods') {
    return {
      ...pods,
      async admitCreate(object) {
        object.spec ??= {};
        addDefaultTolerations(object.spec as Record<string, unknown>, deps.podAdmission);
        await admitPriority(object, deps.podAdmission);
        if (deps.quotaAdmission) {
          const limitRanges = await deps.quotaAdmission.listLimitRanges(String(object.metadata.namespace ?? ''));
          if (limitRanges.length > 0) {
            admitLimitRanges(object, limitRanges);
            // The QoS class follows the requests and limits the limit ranges filled in.
            object.status = { ...((object.status as object | undefined) ?? {}), qosClass: qosClassOf(object.spec as Parameters<typeof qosClassOf>[0]) };
          }
        }
      },
    };
  }
  return byResource[key] ?? defaultStrategy;
}
