// Which pods a replica manager deletes first when it has too many (upstream
// getPodsToDelete and ActivePodsWithRanks, with logarithmic scale-down): unscheduled
// before scheduled, Pending before Unknown before Running, not ready before ready, lower
// pod-deletion-cost first, pods doubled up on a node with more of their siblings first,
// then the more recently ready, the more restarted and the more recently created.
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { isPodActive, isPodReady } from '../util/pod-template.ts';

export const podDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * The `count` pods of `pods` to delete first. `related` are the active pods of the owner
 * and its siblings (a Deployment's other ReplicaSets): a pod sharing its node with more
 * of them goes first. `now` (ms) buckets ready and creation times by powers of two.
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number, now: number): Pod[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const pod of related) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (deleteBefore(a, b, now) ? -1 : deleteBefore(b, a, now) ? 1 : 0));
  return ranked.slice(0, count).map((r) => r.pod);
}

interface Ranked {
  readonly pod: Pod;
  readonly rank: number;
}

/** Whether `a` should be deleted before `b` (upstream ActivePodsWithRanks.Less). */
export function deleteBefore(a: Ranked, b: Ranked, now: number): boolean {
  const nodeA = a.pod.spec?.nodeName ?? '';
  const nodeB = b.pod.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  const phaseA = phaseOrdinal[a.pod.status?.phase ?? ''] ?? 0;
  const phaseB = phaseOrdinal[b.pod.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  const readyA = isPodReady(a.pod);
  const readyB = isPodReady(b.pod);
  if (readyA !== readyB) return !readyA;
  const costA = deletionCost(a.pod);
  const costB = deletionCost(b.pod);
  if (costA !== costB) return costA < costB;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (readyA && readyB) {
    const timeA = readyTime(a.pod);
    const timeB = readyTime(b.pod);
    if (timeA !== timeB) {
      if (timeA === undefined || timeB === undefined) return timeA === undefined;
      const diff = logRank(now, timeA) - logRank(now, timeB);
      if (diff === 0) return uid(a.pod) < uid(b.pod);
      return diff < 0;
    }
  }
  const restartsA = maxRestarts(a.pod);
  const restartsB = maxRestarts(b.pod);
  if (restartsA !== restartsB) return restartsA > restartsB;
  const createdA = time(a.pod.metadata?.creationTimestamp) ?? 0;
  const createdB = time(b.pod.metadata?.creationTimestamp) ?? 0;
  if (createdA !== createdB) {
    const diff = logRank(now, createdA) - logRank(now, createdB);
    if (diff === 0) return uid(a.pod) < uid(b.pod);
    return diff < 0;
  }
  return false;
}

/** floor(log2(age in nanoseconds)), or -1 for no age: equal ranks mean "about as old". */
function logRank(now: number, at: number): number {
  const ageNs = (now - at) * 1e6;
  return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : -1;
}

function deletionCost(pod: Pod): number {
  const raw = pod.metadata?.annotations?.[podDeletionCostAnnotation];
  if (raw === undefined || !/^-?\d+$/.test(raw)) return 0;
  const cost = Number(raw);
  return cost >= -(2 ** 31) && cost < 2 ** 31 ? cost : 0;
}

function readyTime(pod: Pod): number | undefined {
  return time(pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const status of pod.status?.containerStatuses ?? []) max = Math.max(max, status.restartCount ?? 0);
  return max;
}

const uid = (pod: Pod) => pod.metadata?.uid ?? '';

function time(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
