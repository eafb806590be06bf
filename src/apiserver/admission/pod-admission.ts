// Admission for new pods, as upstream's plugins of the same names:
// - DefaultTolerationSeconds: every pod tolerates the not-ready and unreachable
//   NoExecute taints for a while (300 s by default), so a node that blinks does not
//   lose its pods at once, but a dead node's pods are evicted.
// - Priority: spec.priority (and preemptionPolicy) from the pod's PriorityClass, or
//   the global default class, or 0; an unknown class is forbidden.
import { notReadyTaintKey, unreachableTaintKey } from '../../api/helpers/taints.ts';
import type { ApiObject } from '../watch-cache.ts';
import { errors } from '../status.ts';

export interface PodAdmissionOptions {
  readonly notReadyTolerationSeconds: number;
  readonly unreachableTolerationSeconds: number;
  /** The PriorityClass of that name, if it exists. */
  getPriorityClass(name: string): Promise<ApiObject | undefined>;
  /** Every PriorityClass, to find the global default. */
  listPriorityClasses(): Promise<ApiObject[]>;
}

interface Toleration {
  key?: string;
  operator?: string;
  effect?: string;
  tolerationSeconds?: number;
}


/** Whether a toleration matches a NoExecute taint with this key (any value). */
function toleratesNoExecute(t: Toleration, key: string): boolean {
  const effectMatches = !t.effect || t.effect === 'NoExecute';
  if (!effectMatches) return false;
  if (!t.key) return t.operator === 'Exists';
  return t.key === key;
}

export function addDefaultTolerations(spec: Record<string, unknown>, options: Pick<PodAdmissionOptions, 'notReadyTolerationSeconds' | 'unreachableTolerationSeconds'>): void {
  const tolerations = (spec.tolerations as Toleration[] | undefined) ?? [];
  const added: Toleration[] = [];
  for (const [key, seconds] of [
    [notReadyTaintKey, options.notReadyTolerationSeconds],
    [unreachableTaintKey, options.unreachableTolerationSeconds],
  ] as const) {
    if (!tolerations.some((t) => toleratesNoExecute(t, key))) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}

export async function admitPriority(pod: ApiObject, options: Pick<PodAdmissionOptions, 'getPriorityClass' | 'listPriorityClasses'>): Promise<void> {
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  const name = String(pod.metadata.name ?? '');
  const forbidden = (message: string) => errors.forbidden({ group: '', resource: 'pods' }, name, message);
  let priority = 0;
  let preemptionPolicy: string | undefined = 'PreemptLowerPriority';
  const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  if (!className) {
    const globalDefault = (await options.listPriorityClasses())
      .filter((pc) => pc.globalDefault === true)
      .sort((a, b) => Number(a.value ?? 0) - Number(b.value ?? 0))[0];
    if (globalDefault) {
      priority = Number(globalDefault.value ?? 0);
      preemptionPolicy = globalDefault.preemptionPolicy as string | undefined;
      spec.priorityClassName = globalDefault.metadata.name;
    }
  } else {
    const pc = await options.getPriorityClass(className);
    if (!pc) throw forbidden(`no PriorityClass with name ${className} was found`);
    priority = Number(pc.value ?? 0);
    preemptionPolicy = pc.preemptionPolicy as string | undefined;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw forbidden(`the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (preemptionPolicy) {
    if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== preemptionPolicy) {
      throw forbidden(`the string value of PreemptionPolicy (${String(spec.preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = preemptionPolicy;
  }
  pod.spec = spec;
}

/** The classes every cluster has, as upstream creates them at start-up. */
export const systemPriorityClasses = [
  { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];
