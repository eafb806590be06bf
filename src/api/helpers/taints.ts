// Taints and tolerations as upstream's core/v1 helpers (Toleration.ToleratesTaint).
import type { Taint, Toleration } from 'kubernetes-types/core/v1.d.ts';

/** The taints the node lifecycle controller puts on nodes that are not ready or not heard from. */
export const notReadyTaintKey = 'node.kubernetes.io/not-ready';
export const unreachableTaintKey = 'node.kubernetes.io/unreachable';
export const unschedulableTaintKey = 'node.kubernetes.io/unschedulable';

/** Whether one toleration matches a taint: effect, key and (for Equal) value. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key !== undefined && toleration.key !== '' && toleration.key !== taint.key) return false;
  // An empty key with Exists matches every taint; an empty key otherwise matches none.
  if ((toleration.key === undefined || toleration.key === '') && toleration.operator !== 'Exists') return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** `key=value:Effect`, or `key:Effect` without a value, as kubectl and the scheduler print taints. */
export function taintToString(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}
