/**
 * Why a pod fits no node, worded as upstream's FitError:
 * `0/3 nodes are available: 1 node(s) had untolerated taint {k: v}, 2 Insufficient cpu.
 * preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`
 * Each reason is counted over the nodes, "count reason" strings sorted bytewise.
 */
import type { NodeToStatus } from './interfaces.ts';

export const noNodeAvailableMsg = (numAllNodes: number) => `0/${numAllNodes} nodes are available`;

/** What was learned about each node while filtering (upstream Diagnosis). */
export interface Diagnosis {
  nodeToStatus: NodeToStatus;
  /** Plugins that rejected the pod on some node, or at PreFilter. */
  unschedulablePlugins: Set<string>;
  /** The message of a PreFilter rejection, if that is what stopped the pod. */
  preFilterMsg: string;
  /** The message of PostFilter's failure (e.g. "preemption: ..."). */
  postFilterMsg: string;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "n reason" for each reason over `numAllNodes` nodes, sorted, joined by ", ". */
export function reasonHistogram(nodeToStatus: NodeToStatus, numAllNodes: number): string {
  const counts = new Map<string, number>();
  for (const status of nodeToStatus.statuses.values()) for (const r of status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absent = numAllNodes - nodeToStatus.statuses.size;
  if (absent > 0) for (const r of nodeToStatus.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absent);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort(byteOrder).join(', ');
}

export class FitError {
  readonly numAllNodes: number;
  readonly diagnosis: Diagnosis;

  constructor(numAllNodes: number, diagnosis: Diagnosis) {
    this.numAllNodes = numAllNodes;
    this.diagnosis = diagnosis;
  }

  /** The message as upstream's FitError.Error(). */
  message(): string {
    let msg = `${noNodeAvailableMsg(this.numAllNodes)}:`;
    const d = this.diagnosis;
    if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
    else {
      const hist = reasonHistogram(d.nodeToStatus, this.numAllNodes);
      if (hist) msg += ` ${hist}.`;
    }
    if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
    return msg;
  }
}
