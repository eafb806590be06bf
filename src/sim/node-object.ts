// The Node a hollow node registers, and the status it posts: what a kubelet sends, with
// addresses from the documentation ranges (never contacted).
import { createHash } from 'node:crypto';
import type { Node, NodeCondition, NodeStatus } from 'kubernetes-types/core/v1.d.ts';
import { formatIPv4 } from './ip-allocator.ts';
import { rfc3339 } from '../apimachinery/time.ts';

export interface NodeShape {
  readonly cpu: string;
  readonly memory: string;
  readonly maxPods: number;
  readonly ephemeralStorage: string;
  readonly labels: Readonly<Record<string, string>>;
  /** nodeInfo.kubeletVersion, e.g. v1.33.0-kubets.0.1.0. */
  readonly kubeletVersion: string;
  /** nodeInfo.containerRuntimeVersion, e.g. sim://0.1.0. */
  readonly runtimeVersion: string;
}

/** Marks a node as hollow (for people and tools; the simulator goes by name). */
export const hollowAnnotation = 'sim.kubets.io/hollow';

/**
 * The InternalIP of the index-th node: TEST-NET-1, -2 and -3 (RFC 5737) first, then the
 * benchmarking range 198.18.0.0/15 (RFC 2544). None of them is ever routed anywhere.
 */
export function nodeAddress(index: number): string {
  const testNets = [parseInt('c0000200', 16), parseInt('c6336400', 16), parseInt('cb007100', 16)];
  if (index < testNets.length * 254) return formatIPv4(testNets[Math.floor(index / 254)]! + (index % 254) + 1);
  const offset = index - testNets.length * 254;
  return formatIPv4(parseInt('c6120000', 16) + 1 + offset);
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** The four conditions a healthy kubelet posts, in its order, with its reasons and messages. */
export function healthyConditions(now: number): NodeCondition[] {
  const time = rfc3339(now);
  const condition = (type: string, status: string, reason: string, message: string): NodeCondition => ({ type, status, lastHeartbeatTime: time, lastTransitionTime: time, reason, message });
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** The status fields a kubelet owns (conditions with heartbeat `now`). */
export function nodeStatus(name: string, index: number, shape: NodeShape, bootID: string, now: number): NodeStatus {
  const resources = { cpu: shape.cpu, 'ephemeral-storage': shape.ephemeralStorage, memory: shape.memory, pods: String(shape.maxPods) };
  const machine = hash(`kubets-sim/${name}`);
  return {
    capacity: resources,
    allocatable: { ...resources },
    conditions: healthyConditions(now),
    addresses: [
      { type: 'InternalIP', address: nodeAddress(index) },
      { type: 'Hostname', address: name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: machine.slice(0, 32),
      systemUUID: uuidOf(machine.slice(32)),
      bootID,
      kernelVersion: 'sim',
      osImage: 'kubets hollow node',
      containerRuntimeVersion: shape.runtimeVersion,
      kubeletVersion: shape.kubeletVersion,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  };
}

export function nodeObject(name: string, index: number, shape: NodeShape, bootID: string, now: number): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...shape.labels,
      },
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true', [hollowAnnotation]: 'true' },
    },
    spec: {},
    status: nodeStatus(name, index, shape, bootID, now),
  };
}
