/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate the
 * node.kubernetes.io/unschedulable:NoSchedule taint (upstream plugins/nodeunschedulable).
 */
import type { CycleState } from '../framework/cycle-state.ts';
import type { ClusterEvent, EnqueueExtensions, FilterPlugin } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status } from '../framework/status.ts';
import { tolerationsTolerateTaint } from './helpers.ts';

export const nodeUnschedulableName = 'NodeUnschedulable';
export const errReasonUnknownCondition = 'node(s) had unknown conditions';
export const errReasonUnschedulable = 'node(s) were unschedulable';

const unknown = new Status('UnschedulableAndUnresolvable', [errReasonUnknownCondition], nodeUnschedulableName);
const unschedulable = new Status('UnschedulableAndUnresolvable', [errReasonUnschedulable], nodeUnschedulableName);
const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  readonly name = nodeUnschedulableName;

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    if (!nodeInfo.node) return unknown;
    if (nodeInfo.unschedulable && !tolerationsTolerateTaint(pod.pod.spec?.tolerations, unschedulableTaint)) return unschedulable;
    return null;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['NodeAdd', 'NodeUpdate'];
  }
}
