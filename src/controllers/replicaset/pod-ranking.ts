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
  // Every pod's sort keys are worked out once (timestamps parsed, ranks bucketed), not
  // in each of the n log n comparisons.
  const ranked = pods.map((pod) => rankOf(pod, onNode.get(pod.spec?.nodeName ?? '') ?? 0, now));
  ranked.sort((a, b) => (deleteBefore(a, b) ? -1 : deleteBefore(b, a) ? 1 : 0));
  return ranked.slice(0, count).map((r) => r.pod);
}

/** What upstream's comparison reads of a pod, worked out once. */
interface Ranked {
  readonly pod: Pod;
  readonly node: string;
  readonly phase: number;
  readonly ready: boolean;
  readonly cost: number;
  /** How many active siblings share the pod's node. */
  readonly rank: number;
  readonly readyTime: number | undefined;
  readonly readyAge: number;
  readonly restarts: number;
  readonly created: number;
  readonly createdAge: number;
  readonly uid: string;
}

function rankOf(pod: Pod, rank: number, now: number): Ranked {
  const readyAt = readyTime(pod);
  const created = time(pod.metadata?.creationTimestamp) ?? 0;
  return {
    pod,
    node: pod.spec?.nodeName ?? '',
    phase: phaseOrdinal[pod.status?.phase ?? ''] ?? 0,
    ready: isPodReady(pod),
    cost: deletionCost(pod),
    rank,
    readyTime: readyAt,
    readyAge: readyAt === undefined ? -1 : logRank(now, readyAt),
    restarts: maxRestarts(pod),
    created,
    createdAge: logRank(now, created),
    uid: pod.metadata?.uid ?? '',
  };
}

/** Whether `a` should be deleted before `b` (upstream ActivePodsWithRanks.Less). */
function deleteBefore(a: Ranked, b: Ranked): boolean {
  if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '';
  if (a.phase !== b.phase) return a.phase < b.phase;
  if (a.ready !== b.ready) return !a.ready;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (a.ready && b.ready && a.readyTime !== b.readyTime) {
    if (a.readyTime === undefined || b.readyTime === undefined) return a.readyTime === undefined;
    if (a.readyAge === b.readyAge) return a.uid < b.uid;
    return a.readyAge < b.readyAge;
  }
  if (a.restarts !== b.restarts) return a.restarts > b.restarts;
  if (a.created !== b.created) {
    if (a.createdAge === b.createdAge) return a.uid < b.uid;
    return a.createdAge < b.createdAge;
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

function time(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
