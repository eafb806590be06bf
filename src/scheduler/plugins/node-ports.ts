/**
 * NodePorts: a pod's host ports must be free on the node (upstream plugins/nodeports).
 * PreFilter skips pods without host ports.
 */
import type { CycleState } from '../framework/cycle-state.ts';
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status, skipStatus } from '../framework/status.ts';

export const nodePortsName = 'NodePorts';
export const errReasonNodePorts = "node(s) didn't have free ports for the requested pod ports";

const rejected = new Status('Unschedulable', [errReasonNodePorts], nodePortsName);

export class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = nodePortsName;

  preFilter(_state: CycleState, pod: PodInfo): Status | null {
    return pod.hostPorts.length === 0 ? skipStatus : null;
  }

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    if (nodeInfo.usedPorts.size === 0) return null;
    for (const p of pod.hostPorts) if (nodeInfo.usedPorts.conflicts(p)) return rejected;
    return null;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['AssignedPodDelete', 'NodeAdd', 'NodeUpdate'];
  }
}
