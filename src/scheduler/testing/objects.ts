/** Small builders of Nodes and Pods for the scheduler's tests and benchmarks. */
import type { Container, Node, Pod, PodSpec, Taint } from 'kubernetes-types/core/v1.d.ts';

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  extra?: Record<string, string>;
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  const allocatable = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', ...o.extra };
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable, capacity: allocatable },
  };
}

export interface PodOptions {
  namespace?: string;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  priority?: number;
  hostPort?: number;
  extra?: Record<string, string>;
  spec?: Partial<PodSpec>;
}

export function makePod(name: string, o: PodOptions = {}): Pod {
  const requests: Record<string, string> = { ...o.extra };
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const container: Container = { name: 'c', image: 'busybox', resources: { requests } };
  if (o.hostPort) container.ports = [{ containerPort: 80, hostPort: o.hostPort }];
  return {
    metadata: { name, namespace: o.namespace ?? 'default', uid: `uid-${name}`, labels: o.labels, creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { containers: [container], nodeName: o.nodeName, priority: o.priority, ...o.spec },
  };
}
