/**
 * NodeName: a pod with spec.nodeName fits only that node (upstream plugins/nodename).
 * PreFilter skips the Filter for the usual pod without a nodeName.
 */
import type { CycleState } from '../framework/cycle-state.ts';
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin } from '../framework/interfaces.ts';
import type { NodeInfo } from '../framework/node-info.ts';
import type { PodInfo } from '../framework/pod-info.ts';
import { Status, skipStatus } from '../framework/status.ts';

export const nodeNameName = 'NodeName';
export const errReasonNodeName = "node(s) didn't match the requested node name";

const rejected = new Status('UnschedulableAndUnresolvable', [errReasonNodeName], nodeNameName);

export class NodeName implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = nodeNameName;

  preFilter(_state: CycleState, pod: PodInfo): Status | null {
    return pod.pod.spec?.nodeName ? null : skipStatus;
  }

  filter(_state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const want = pod.pod.spec?.nodeName;
    return !want || want === nodeInfo.name ? null : rejected;
  }

  eventsToRegister(): readonly ClusterEvent[] {
    return ['NodeAdd', 'NodeUpdate'];
  }
}
