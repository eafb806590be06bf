// Subresources that present an object differently: `scale` (an autoscaling/v1 Scale
// of a workload's replicas, for kubectl scale and autoscalers) and a pod's `binding`
// (the scheduler's way to assign a node).
import { formatLabelSelector, labelSelectorAsSelector, labelsToString, type LabelSelector } from '../../apimachinery/labels.ts';
import { applyMergePatch } from '../../apimachinery/patch/merge-patch.ts';
import { decodeBody, expectObject } from '../decode.ts';
import { mediaType, readBody, sendJson, successStatus, type Request, type Response } from '../http.ts';
import type { GenericRegistry } from '../registry/generic-registry.ts';
import type { ResourceRequest } from '../request-info.ts';
import { ApiError, errors } from '../status.ts';
import type { ApiObject } from '../watch-cache.ts';

interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: Record<string, unknown>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/**
 * The field a Scale stands for: spec.replicas, except for Jobs: upstream serves no
 * jobs/scale, but the seeds' `kubectl scale job x --replicas N` (which kubectl sends to
 * the scale subresource) changes spec.parallelism, as kubectl's old job scaler did.
 */
function scaledFields(registry: GenericRegistry): { spec: string; status: string } {
  return registry.groupResource.group === 'batch' && registry.groupResource.resource === 'jobs' ? { spec: 'parallelism', status: 'active' } : { spec: 'replicas', status: 'replicas' };
}

/** The Scale view of a workload: spec.replicas, status.replicas and the selector as a string. */
function toScale(object: ApiObject, fields: { spec: string; status: string } = { spec: 'replicas', status: 'replicas' }): Scale {
  const rawSpec = (object.spec ?? {}) as Record<string, unknown>;
  const rawStatus = (object.status ?? {}) as Record<string, unknown>;
  const spec = { replicas: rawSpec[fields.spec] as number | undefined, selector: rawSpec.selector };
  const status = { replicas: rawStatus[fields.status] as number | undefined };
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  const selector = spec.selector as LabelSelector | Record<string, string> | undefined;
  // ReplicationControllers select with a plain map; the others with a LabelSelector.
  const selectorText = !selector ? undefined : 'matchLabels' in selector || 'matchExpressions' in selector ? formatLabelSelector(selector as LabelSelector) : labelsToString(selector as Record<string, string>);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selectorText ? { selector: selectorText } : {}) },
  };
}

function checkReplicas(name: string, scale: Scale): number {
  const replicas = scale.spec?.replicas ?? 0;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw errors.invalid('autoscaling', 'Scale', name, [
      { reason: 'FieldValueInvalid', field: 'spec.replicas', message: `spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0` },
    ]);
  }
  return replicas;
}

export async function handleScale(registry: GenericRegistry, info: ResourceRequest, namespace: string, req: Request, res: Response, dryRun: boolean): Promise<void> {
  const fields = scaledFields(registry);
  if (info.verb === 'get') return sendJson(res, 200, toScale(await registry.get(namespace, info.name), fields));
  const body = decodeBody(await readBody(req), mediaType(req));
  const type = mediaType(req);
  const { object } = await registry.update(
    namespace,
    info.name,
    (current) => {
      if (!current) throw errors.notFound(registry.groupResource, info.name);
      const currentScale = toScale(current, fields);
      let wanted: Scale;
      if (info.verb === 'update') {
        wanted = expectObject(body, { apiVersion: 'autoscaling/v1', kind: 'Scale' }) as unknown as Scale;
        const rv = wanted.metadata?.resourceVersion;
        if (rv && rv !== current.metadata.resourceVersion) throw errors.modified(registry.groupResource, info.name);
      } else if (type === 'application/merge-patch+json' || type === 'application/strategic-merge-patch+json') {
        wanted = applyMergePatch(currentScale, body) as Scale;
      } else {
        throw errors.unsupportedMediaType(type);
      }
      (current.spec as Record<string, unknown>)[fields.spec] = checkReplicas(info.name, wanted);
      return current;
    },
    { dryRun },
  );
  sendJson(res, 200, toScale(object, fields));
}

/** POST pods/{name}/binding: assigns the pod to a node, once, as upstream's binding REST. */
export async function handleBinding(registry: GenericRegistry, info: ResourceRequest, namespace: string, req: Request, res: Response, now: () => string): Promise<void> {
  const binding = expectObject(decodeBody(await readBody(req), mediaType(req)), { apiVersion: 'v1', kind: 'Binding' });
  const target = (binding.target ?? {}) as { kind?: string; name?: string };
  const podName = info.name || String(binding.metadata.name ?? '');
  if (!target.name) {
    throw errors.invalid('', 'Binding', podName, [{ reason: 'FieldValueRequired', field: 'target.name', message: 'target.name: Required value' }]);
  }
  if (target.kind && target.kind !== 'Node') {
    throw errors.invalid('', 'Binding', podName, [
      { reason: 'FieldValueNotSupported', field: 'target.kind', message: `target.kind: Unsupported value: "${target.kind}": supported values: "Node", ""` },
    ]);
  }
  await registry.update(namespace, podName, (pod) => {
    if (!pod) throw errors.notFound(registry.groupResource, podName);
    const spec = pod.spec as Record<string, unknown>;
    if (pod.metadata.deletionTimestamp) throw errors.conflict(registry.groupResource, podName, 'pod is being deleted, cannot be assigned to a host');
    if (spec.nodeName) throw errors.conflict(registry.groupResource, podName, `pod ${podName} is already assigned to node "${String(spec.nodeName)}"`);
    spec.nodeName = target.name;
    const status = (pod.status ??= {}) as { conditions?: Array<Record<string, unknown>> };
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    status.conditions = [...conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now() }];
    return pod;
  }, { subresource: 'binding' });
  sendJson(res, 201, successStatus());
}

interface DisruptionBudget {
  metadata: { name?: string; generation?: number };
  spec?: { selector?: LabelSelector };
  status?: { disruptionsAllowed?: number; observedGeneration?: number; currentHealthy?: number; desiredHealthy?: number; disruptedPods?: Record<string, string> };
}

/**
 * POST pods/{name}/eviction: deletes the pod unless a PodDisruptionBudget forbids it
 * (429, as upstream), spending one allowed disruption of that budget.
 */
export async function handleEviction(
  pods: GenericRegistry,
  budgets: GenericRegistry,
  info: ResourceRequest,
  namespace: string,
  req: Request,
  res: Response,
  now: () => string,
): Promise<void> {
  const eviction = expectObject(decodeBody(await readBody(req), mediaType(req)), { apiVersion: 'policy/v1', kind: 'Eviction' });
  const pod = await pods.get(namespace, info.name);
  const deleteOptions = (eviction.deleteOptions ?? {}) as { gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string } };
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  // Finished pods, and pods already on their way out, go without consulting budgets.
  if (phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp) {
    const labels = pod.metadata.labels ?? {};
    const { items } = await budgets.list(namespace, {});
    const matching = (items as unknown as DisruptionBudget[]).filter((pdb) => {
      const selector = pdb.spec?.selector;
      return selector !== undefined && labelSelectorAsSelector(selector).matches(labels);
    });
    if (matching.length > 1) throw errors.internal('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    const budget = matching[0];
    if (budget) await spendDisruption(budgets, namespace, String(budget.metadata.name), String(pod.metadata.name), now);
  }
  await pods.delete(namespace, info.name, {
    ...(deleteOptions.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: deleteOptions.gracePeriodSeconds } : {}),
    ...(deleteOptions.preconditions ? { preconditions: deleteOptions.preconditions } : {}),
  });
  sendJson(res, 201, { ...successStatus(), code: 201 });
}

async function spendDisruption(budgets: GenericRegistry, namespace: string, name: string, podName: string, now: () => string): Promise<void> {
  const refuse = (message: string) => {
    throw new ApiError(429, 'TooManyRequests', 'Cannot evict pod as it would violate the pod\'s disruption budget.', {
      causes: [{ reason: 'DisruptionBudget', message }],
    });
  };
  await budgets.update(
    namespace,
    name,
    (current) => {
      if (!current) throw errors.notFound(budgets.groupResource, name);
      const pdb = current as unknown as DisruptionBudget;
      const status = (pdb.status ??= {});
      if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) refuse(`The disruption budget ${name} is still being processed by the server.`);
      if ((status.disruptionsAllowed ?? 0) <= 0) {
        refuse(`The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`);
      }
      status.disruptionsAllowed = (status.disruptionsAllowed ?? 0) - 1;
      status.disruptedPods = { ...status.disruptedPods, [podName]: now() };
      return current;
    },
    { subresource: 'status' },
  );
}
