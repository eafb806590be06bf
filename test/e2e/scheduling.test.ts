// The scheduler in a real server, driven with real kubectl against three nodes the test
// registers: pods land only where nodeSelector, affinity, taints and resources allow; an
// impossible pod stays Pending with upstream's message; preemption by priority; drain.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Node } from 'kubernetes-types/core/v1.d.ts';
import { Clientset } from '../../src/client/clientset.ts';
import { loadKubeconfig } from '../../src/client/config.ts';
import { microTime } from '../../src/apimachinery/time.ts';
import { HollowNodes } from '../../src/sim/hollow-nodes.ts';
import { gitVersion } from '../../src/version.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { until } from '../support/until.ts';

interface NodeSpec {
  name: string;
  cpu: string;
  labels?: Record<string, string>;
  taints?: NonNullable<Node['spec']>['taints'];
}

const nodes: NodeSpec[] = [
  { name: 'small', cpu: '1', labels: { disk: 'ssd' } },
  { name: 'gpu', cpu: '4', labels: { gpu: 'true' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
  { name: 'big', cpu: '8', labels: { disk: 'hdd' } },
];

describe('scheduling', { timeout: 180_000 }, () => {
  let cluster: TestServer;
  let clients: Clientset;
  let heartbeat: NodeJS.Timeout;

  before(async () => {
    cluster = await startTestServer({ backend: 'sqlite', controlPlane: { scheduler: { podInitialBackoffMs: 100, podMaxBackoffMs: 500 } } });
    clients = new Clientset(await loadKubeconfig(cluster.kubeconfig));
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    for (const spec of nodes) {
      const node = await clients.nodes.create({
        metadata: { name: spec.name, labels: { 'kubernetes.io/hostname': spec.name, ...spec.labels } },
        spec: spec.taints ? { taints: spec.taints } : {},
      });
      const capacity = { cpu: spec.cpu, memory: '16Gi', pods: '110' };
      await clients.nodes.patch(undefined, node.metadata!.name!, 'merge', { status: { capacity, allocatable: capacity, conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now }] } }, { subresource: 'status' });
      await clients.leases.create({ metadata: { name: spec.name, namespace: 'kube-node-lease' }, spec: { holderIdentity: spec.name, leaseDurationSeconds: 40, renewTime: microTime(Date.now()) } });
    }
    heartbeat = setInterval(() => {
      for (const spec of nodes) void clients.leases.patch('kube-node-lease', spec.name, 'merge', { spec: { renewTime: microTime(Date.now()) } }).catch(() => {});
    }, 5000);
  });
  after(async () => {
    clearInterval(heartbeat);
    clients?.close();
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectl.ok(args);
  const apply = (yaml: string) => cluster.kubectl.ok(['apply', '-f', '-'], { input: yaml });
  const nodeOf = async (pod: string) => {
    await until(async () => (await kubectl('get', 'pod', pod, '-o', 'jsonpath={.spec.nodeName}')) !== '', `${pod} to be scheduled`);
    return kubectl('get', 'pod', pod, '-o', 'jsonpath={.spec.nodeName}');
  };
  const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: c
    image: busybox
${spec}`;

  it('follows nodeSelector, node affinity and tolerations (the seed examples)', async () => {
    await apply(pod('ssd', '  nodeSelector:\n    disk: ssd'));
    assert.equal(await nodeOf('ssd'), 'small');
    await apply(
      pod(
        'gpu-job',
        `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: gpu, operator: In, values: ["true"]}
  tolerations:
  - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}`,
      ),
    );
    assert.equal(await nodeOf('gpu-job'), 'gpu');
    // Without a toleration nothing lands on the tainted node.
    for (let i = 0; i < 6; i++) await kubectl('run', `plain-${i}`, '--image=busybox');
    for (let i = 0; i < 6; i++) assert.notEqual(await nodeOf(`plain-${i}`), 'gpu');
    assert.match(await kubectl('get', 'events', '--field-selector', 'involvedObject.name=ssd,reason=Scheduled'), /Successfully assigned default\/ssd to small/);
  });

  it('keeps an impossible pod Pending with the upstream message, and places it when room appears', async () => {
    await apply(pod('huge', '    resources:\n      requests:\n        cpu: "6"\n  nodeSelector:\n    disk: ssd').replace('    image: busybox\n  nodeSelector', '    image: busybox\n  nodeSelector'));
    const message = '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn\'t match Pod\'s node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    await until(async () => (await kubectl('get', 'pod', 'huge', '-o', 'jsonpath={.status.conditions[?(@.type=="PodScheduled")].message}')) !== '', 'the PodScheduled condition');
    assert.equal(await kubectl('get', 'pod', 'huge', '-o', 'jsonpath={.status.conditions[?(@.type=="PodScheduled")].reason}'), 'Unschedulable');
    assert.equal(await kubectl('get', 'pod', 'huge', '-o', 'jsonpath={.status.conditions[?(@.type=="PodScheduled")].message}'), message);
    assert.match(await kubectl('get', 'pods', 'huge'), /huge\s+0\/1\s+Pending\s+0/);
    const described = await kubectl('describe', 'pod', 'huge');
    assert.match(described, /Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/3 nodes are available/);
    // A bigger ssd node joins: the pod is retried on the node event and lands there.
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const node = await clients.nodes.create({ metadata: { name: 'ssd-big', labels: { disk: 'ssd' } } });
    const capacity = { cpu: '16', memory: '16Gi', pods: '110' };
    await clients.nodes.patch(undefined, node.metadata!.name!, 'merge', { status: { capacity, allocatable: capacity, conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'ready', lastHeartbeatTime: now, lastTransitionTime: now }] } }, { subresource: 'status' });
    assert.equal(await nodeOf('huge'), 'ssd-big');
    await kubectl('delete', 'node', 'ssd-big');
  });

  it('preempts lower-priority pods for a higher-priority one', async () => {
    await apply(`apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: low
value: 10`);
    await apply(pod('filler', '    resources:\n      requests:\n        cpu: "800m"\n  nodeSelector:\n    disk: ssd\n  priorityClassName: low'));
    assert.equal(await nodeOf('filler'), 'small');
    await apply(pod('important', '    resources:\n      requests:\n        cpu: "800m"\n  nodeSelector:\n    disk: ssd\n  priorityClassName: high'));
    // The victim is deleted gracefully; with no kubelet here, the test confirms it as one would.
    await until(async () => (await kubectl('get', 'pod', 'filler', '-o', 'jsonpath={.metadata.deletionTimestamp}')) !== '', 'the victim to be deleted');
    assert.equal(await kubectl('get', 'pod', 'important', '-o', 'jsonpath={.status.nominatedNodeName}'), 'small');
    assert.equal(await kubectl('get', 'pod', 'filler', '-o', 'jsonpath={.status.conditions[?(@.type=="DisruptionTarget")].reason}'), 'PreemptionByScheduler');
    await kubectl('delete', 'pod', 'filler', '--grace-period=0', '--force');
    assert.equal(await nodeOf('important'), 'small');
    assert.match(await kubectl('get', 'events', '--field-selector', 'involvedObject.name=filler'), /Preempted\s+pod\/filler\s+Preempted by pod \S+ on node small/);
  });

  it('drains a hollow node through evictions, honouring a PodDisruptionBudget', async () => {
    // A hollow node plays kubelet, so evicted pods really finish terminating.
    const sim = new HollowNodes({ clientset: clients, nodes: 1, namePrefix: 'drainable-', labels: { pool: 'drain' }, kubeletVersion: gitVersion, runtimeVersion: 'sim://test', deletionDelayMs: 100 });
    try {
      await sim.start();
      for (let i = 0; i < 2; i++) await apply(pod(`web-${i}`, '  nodeSelector:\n    pool: drain').replace('name: web', 'labels:\n    app: web\n  name: web'));
      for (let i = 0; i < 2; i++) assert.equal(await nodeOf(`web-${i}`), 'drainable-0');
      await until(async () => /web-1\s+1\/1\s+Running/.test(await kubectl('get', 'pods', 'web-1')), 'the pods to run');
      await apply(`apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 0
  selector:
    matchLabels:
      app: web`);
      const blocked = await cluster.kubectl.run(['drain', 'drainable-0', '--force', '--timeout=3s']);
      assert.notEqual(blocked.code, 0);
      assert.match(blocked.stdout + blocked.stderr, /Cannot evict pod as it would violate the pod's disruption budget/);
      assert.match(await kubectl('get', 'nodes', 'drainable-0'), /drainable-0\s+Ready,SchedulingDisabled/);
      await kubectl('delete', 'pdb', 'web');
      const drained = await kubectl('drain', 'drainable-0', '--force', '--timeout=30s');
      assert.match(drained, /pod\/web-0 evicted/);
      assert.match(drained, /node\/drainable-0 drained/);
      assert.equal(await kubectl('get', 'pods', '--field-selector', 'spec.nodeName=drainable-0', '-o', 'name'), '');
    } finally {
      await sim.stop();
    }
  });

  it('rejects bad scheduling input with upstream messages', async () => {
    const badOperator = await cluster.kubectl.run(['apply', '-f', '-'], {
      input: pod('bad-op', '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - {key: disk, operator: Near, values: ["ssd"]}'),
    });
    assert.match(badOperator.stderr, /spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms\[0\].matchExpressions\[0\].operator: Invalid value: "Near": not a valid selector operator/);
    const negative = await cluster.kubectl.run(['apply', '-f', '-'], { input: pod('neg', '    resources:\n      requests:\n        cpu: "-1"') });
    assert.match(negative.stderr, /spec.containers\[0\].resources.requests\[cpu\]: Invalid value: "-1": must be greater than or equal to 0/);
    const unknownClass = await cluster.kubectl.run(['apply', '-f', '-'], { input: pod('nopc', '  priorityClassName: missing') });
    assert.match(unknownClass.stderr, /pods "nopc" is forbidden: no PriorityClass with name missing was found/);
  });
});
