// ResourceQuota admission (upstream apiserver/pkg/admission/plugin/resourcequota): a new
// object in a namespace with quotas is charged to each quota that covers it, by a
// compare-and-swap of the quota's status.used, so concurrent creates cannot both take
// the last unit; a create that would go over a hard limit is refused with 403 Forbidden.
// The quota controller later recounts status.used from what exists.
import {
  addUsage,
  maskUsage,
  matchingResources,
  podConstraintError,
  prettyPrintUsage,
  quotaMatches,
  toUsage,
  usageOf,
  usageToJSON,
  type GroupResource,
  type Usage,
} from '../../api/quota.ts';
import { ApiError, errors } from '../status.ts';
import type { ApiObject } from '../watch-cache.ts';

export interface QuotaAdmissionDeps {
  /** The namespace's quotas as the watch cache has them. */
  listQuotas(namespace: string): Promise<ApiObject[]>;
  /** Replaces a quota's status through `update(current)` with compare-and-swap (retried on conflict). */
  updateQuotaStatus(namespace: string, name: string, update: (current: ApiObject) => ApiObject): Promise<void>;
  now(): number;
}

/** Resources quota never counts, as upstream's default ignored list. */
const ignored = new Set(['/events', 'events.k8s.io/events', 'authorization.k8s.io/localsubjectaccessreviews']);

const hardOf = (quota: ApiObject): Usage => toUsage((quota.status as { hard?: unknown } | undefined)?.hard);
const usedOf = (quota: ApiObject): Usage => toUsage((quota.status as { used?: unknown } | undefined)?.used);

function nonZero(usage: Usage): Usage {
  return new Map([...usage].filter(([, q]) => !q.isZero()));
}

/** The names whose new usage goes over the hard limit. */
function exceeded(newUsage: Usage, hard: Usage): string[] {
  return [...newUsage.keys()].filter((name) => {
    const limit = hard.get(name);
    return limit !== undefined && newUsage.get(name)!.cmp(limit) > 0;
  });
}

/** Checks and charges the quotas covering a new object; throws 403 Forbidden when one would be exceeded. */
export async function admitQuota(gr: GroupResource, object: ApiObject, deps: QuotaAdmissionDeps, options: { dryRun?: boolean } = {}): Promise<void> {
  if (ignored.has(`${gr.group}/${gr.resource}`)) return;
  const namespace = String(object.metadata.namespace ?? '');
  if (!namespace) return;
  const quotas = await deps.listQuotas(namespace);
  if (quotas.length === 0) return;
  const name = String(object.metadata.name ?? '');
  const forbidden = (message: string) => errors.forbidden(gr, name, message);
  const interesting: ApiObject[] = [];
  for (const quota of quotas) {
    if (!quotaMatches(quota, gr, object)) continue;
    const restricted = matchingResources(gr, hardOf(quota).keys());
    const quotaName = String(quota.metadata.name);
    if (!gr.group && gr.resource === 'pods') {
      const problem = podConstraintError(restricted, object);
      if (problem) throw forbidden(`failed quota: ${quotaName}: ${problem}`);
    }
    const used = usedOf(quota);
    if (restricted.some((r) => !used.has(r))) throw forbidden(`status unknown for quota: ${quotaName}, resources: ${[...restricted].sort().join(',')}`);
    interesting.push(quota);
  }
  if (interesting.length === 0) return;
  const usage = nonZero(usageOf(gr, object, deps.now()));
  if (usage.size === 0) return;

  /** The quota with this object charged, or the refusal. */
  const charge = (quota: ApiObject): ApiObject => {
    const hard = hardOf(quota);
    const used = usedOf(quota);
    const requested = maskUsage(usage, hard.keys());
    if (requested.size === 0) return quota;
    const newUsed = addUsage(used, requested);
    const over = exceeded(maskUsage(newUsed, requested.keys()), hard);
    if (over.length > 0) {
      throw forbidden(
        `exceeded quota: ${String(quota.metadata.name)}, requested: ${prettyPrintUsage(maskUsage(requested, over))}, used: ${prettyPrintUsage(maskUsage(used, over))}, limited: ${prettyPrintUsage(maskUsage(hard, over))}`,
      );
    }
    const status = (quota.status ?? {}) as Record<string, unknown>;
    return { ...quota, status: { ...status, used: usageToJSON(newUsed) } };
  };

  // Every quota is checked before any is charged; a dry run charges nothing.
  for (const quota of interesting) charge(quota);
  if (options.dryRun) return;
  for (const quota of interesting) {
    try {
      await deps.updateQuotaStatus(namespace, String(quota.metadata.name), (current) => (quotaMatches(current, gr, object) ? charge(current) : current));
    } catch (error) {
      // A quota deleted meanwhile limits nothing.
      if (!(error instanceof ApiError && error.code === 404)) throw error;
    }
  }
}
