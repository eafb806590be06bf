/**
 * The default profile: upstream's default plugins (those that need no volumes or images)
 * in upstream's order, with upstream's default score weights.
 */
import type { PluginEntry } from './framework/framework.ts';
import type { NodeInfoLister } from './framework/interfaces.ts';
import { DefaultPreemption } from './plugins/default-preemption.ts';
import { InterPodAffinity } from './plugins/inter-pod-affinity.ts';
import { NodeAffinity } from './plugins/node-affinity.ts';
import { NodeName } from './plugins/node-name.ts';
import { NodePorts } from './plugins/node-ports.ts';
import { BalancedAllocation, NodeResourcesFit } from './plugins/node-resources-fit.ts';
import { NodeUnschedulable } from './plugins/node-unschedulable.ts';
import { PodTopologySpread } from './plugins/pod-topology-spread.ts';
import { TaintToleration } from './plugins/taint-toleration.ts';

/** The default plugins; `snapshot` gives plugins that look across nodes the cycle's view. */
export function defaultPlugins(snapshot: () => NodeInfoLister): PluginEntry[] {
  return [
    { plugin: new NodeUnschedulable() },
    { plugin: new NodeName() },
    { plugin: new TaintToleration(), weight: 3 },
    { plugin: new NodeAffinity(), weight: 2 },
    { plugin: new NodePorts() },
    { plugin: new NodeResourcesFit(), weight: 1 },
    { plugin: new PodTopologySpread(snapshot), weight: 2 },
    { plugin: new InterPodAffinity(snapshot), weight: 2 },
    { plugin: new DefaultPreemption() },
    { plugin: new BalancedAllocation(), weight: 1 },
  ];
}
