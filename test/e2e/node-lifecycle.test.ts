// Node lifecycle against a real server running its control plane, with the test playing
// the kubelet of one node (Lease renewals and status): pod subnet assignment, Unknown
// after the grace period, the unreachable taints, eviction after the pods' toleration,
// recovery, cordon; plus the pod admission these rely on (default tolerations, priority).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Node } from 'kubernetes-types/core/v1.d.ts';
import { Clientset } from '../../src/client/clientset.ts';
import { loadKubeconfig } from '../../src/client/config.ts';
import { microTime } from '../../src/apimachinery/time.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { until } from '../support/until.ts';

const readyStatus = (now: string): Node['status'] => ({
  capacity: { cpu: '4', memory: '8Gi', pods: '110' },
  allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
  conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: now, lastTransitionTime: now }],
});

describe('node lifecycle', { timeout: 120_000 }, () => {
  let cluster: TestServer;
  let clients: Clientset;
  let beating = true;
  let heartbeat: NodeJS.Timeout;

  before(async () => {
    cluster = await startTestServer({
      backend: 'sqlite',
      defaultNotReadyTolerationSeconds: 2,
      defaultUnreachableTolerationSeconds: 2,
      controlPlane: { controllers: { nodeLifecycle: { gracePeriodMs: 1500, monitorPeriodMs: 200 } } },
    });
    clients = new Clientset(await loadKubeconfig(cluster.kubeconfig));
  });
  after(async () => {
    clearInterval(heartbeat);
    clients?.close();
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectl.ok(args);

  it('gives a new node a pod subnet and keeps it Ready while its lease is renewed', async () => {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const node = await clients.nodes.create({ metadata: { name: 'node-a', labels: { 'kubernetes.io/hostname': 'node-a' } } });
    await clients.nodes.patch(undefined, node.metadata!.name!, 'merge', { status: readyStatus(now) }, { subresource: 'status' });
    await clients.leases.create({ metadata: { name: 'node-a', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-a', leaseDurationSeconds: 40, renewTime: microTime(Date.now()) } });
    heartbeat = setInterval(() => {
      if (!beating) return;
      void clients.leases.patch('kube-node-lease', 'node-a', 'merge', { spec: { renewTime: microTime(Date.now()) } }).catch(() => {});
    }, 200);
    await until(async () => (await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.podCIDR}')) === '10.42.0.0/24', 'a pod subnet');
    assert.equal(await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.podCIDRs[0]}'), '10.42.0.0/24');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.match(await kubectl('get', 'nodes', 'node-a'), /node-a\s+Ready\s/);
    assert.equal(await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.taints}'), '');
  });

  it('admits pods with the default tolerations and priority 0', async () => {
    await clients.pods.create({ metadata: { name: 'short', namespace: 'default' }, spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'busybox' }] } });
    await clients.pods.create({
      metadata: { name: 'forever', namespace: 'default' },
      spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'busybox' }], tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] },
    });
    const tolerations = JSON.parse(await kubectl('get', 'pod', 'short', '-o', 'jsonpath={.spec.tolerations}')) as unknown;
    assert.deepEqual(tolerations, [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 2 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 2 },
    ]);
    const forever = JSON.parse(await kubectl('get', 'pod', 'forever', '-o', 'jsonpath={.spec.tolerations}')) as Array<{ key: string }>;
    assert.deepEqual(forever.map((t) => t.key), ['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready'], 'only the missing one is added');
    assert.equal(await kubectl('get', 'pod', 'short', '-o', 'jsonpath={.spec.priority} {.spec.preemptionPolicy} {.status.qosClass}'), '0 PreemptLowerPriority BestEffort');
    for (const name of ['short', 'forever']) {
      await clients.pods.patch('default', name, 'strategic', { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }, { subresource: 'status' });
    }
  });

  it('rejects an unknown priority class and a hand-set priority with upstream messages', async () => {
    const bad = await cluster.kubectl.run(['run', 'nopc', '--image=busybox', '--overrides={"spec":{"priorityClassName":"nope"}}']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /Error from server \(Forbidden\): pods "nopc" is forbidden: no PriorityClass with name nope was found/);
    const handSet = await cluster.kubectl.run(['run', 'handset', '--image=busybox', '--overrides={"spec":{"priority":5}}']);
    assert.match(handSet.stderr, /pods "handset" is forbidden: the integer value of priority \(5\) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name/);
    assert.match(await kubectl('get', 'priorityclasses'), /system-cluster-critical\s+2000000000\s+false/);
    await kubectl('run', 'critical', '--image=busybox', '--overrides={"spec":{"priorityClassName":"system-node-critical"}}');
    assert.equal(await kubectl('get', 'pod', 'critical', '-o', 'jsonpath={.spec.priority}'), '2000001000');
  });

  it('marks a silent node Unknown, taints it, and evicts pods after their toleration', async () => {
    beating = false;
    await until(async () => /node-a\s+NotReady\s/.test(await kubectl('get', 'nodes', 'node-a')), 'the node to go NotReady', 10_000);
    const conditions = JSON.parse(await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.status.conditions}')) as Array<Record<string, string>>;
    assert.deepEqual(
      conditions.map((c) => [c.type, c.status, c.reason, c.message]),
      [['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']],
    );
    await until(async () => (await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.taints[*].key}')).includes('unreachable'), 'the taints');
    const taints = JSON.parse(await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.taints}')) as Array<Record<string, string>>;
    assert.deepEqual(
      taints.map((t) => `${t.key}:${t.effect}${t.timeAdded ? ' timed' : ''}`).sort(),
      ['node.kubernetes.io/unreachable:NoExecute timed', 'node.kubernetes.io/unreachable:NoSchedule'],
    );
    await until(async () => (await kubectl('get', 'pod', 'forever', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}')) === 'False', 'pods marked not ready');

    // `short` tolerates the taint for 2 s, then is deleted (it stays Terminating: its kubelet is gone).
    await until(async () => (await kubectl('get', 'pod', 'short', '-o', 'jsonpath={.metadata.deletionTimestamp}')) !== '', 'the eviction', 10_000);
    assert.equal(await kubectl('get', 'pod', 'short', '-o', 'jsonpath={.status.conditions[?(@.type=="DisruptionTarget")].reason}'), 'DeletionByTaintManager');
    assert.match(await kubectl('get', 'pods', 'short'), /short\s+0\/1\s+Terminating/);
    assert.match(await kubectl('get', 'events', '--field-selector', 'involvedObject.name=short'), /TaintManagerEviction\s+pod\/short\s+Marking for deletion Pod default\/short/);
    assert.equal(await kubectl('get', 'pod', 'forever', '-o', 'jsonpath={.metadata.deletionTimestamp}'), '', 'a pod tolerating for ever stays');
    assert.match(await kubectl('get', 'events', '--field-selector', 'involvedObject.kind=Node'), /NodeNotReady\s+node\/node-a\s+Node node-a status is now: NodeNotReady/);
  });

  it('clears the taints when the node is back, and follows cordon and uncordon', async () => {
    const node = await clients.nodes.get(undefined, 'node-a');
    await clients.nodes.patch(undefined, node.metadata!.name!, 'merge', { status: readyStatus(new Date().toISOString().replace(/\.\d+Z$/, 'Z')) }, { subresource: 'status' });
    beating = true;
    await until(async () => (await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.taints}')) === '', 'the taints to go');
    assert.match(await kubectl('cordon', 'node-a'), /node\/node-a cordoned/);
    await until(async () => (await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.taints[*].key}')) === 'node.kubernetes.io/unschedulable', 'the unschedulable taint');
    assert.match(await kubectl('get', 'nodes', 'node-a'), /node-a\s+Ready,SchedulingDisabled\s/);
    assert.match(await kubectl('uncordon', 'node-a'), /node\/node-a uncordoned/);
    await until(async () => (await kubectl('get', 'node', 'node-a', '-o', 'jsonpath={.spec.taints}')) === '', 'the unschedulable taint to go');
  });
});

describe('a hollow node that stops', { timeout: 120_000 }, () => {
  let cluster: TestCluster;

  before(async () => {
    cluster = await startTestCluster({
      nodes: 2,
      defaultUnreachableTolerationSeconds: 1,
      controlPlane: { controllers: { nodeLifecycle: { gracePeriodMs: 2000, monitorPeriodMs: 250 } } },
    });
  });
  after(async () => {
    await cluster?.close();
  });

  it('goes NotReady, is tainted, and loses its pods after their toleration; comes back Ready', async () => {
    const k = cluster.kubectlOk;
    await k('run', 'doomed', '--image=busybox', '--overrides={"spec":{"nodeName":"hollow-node-0"}}');
    await k('run', 'safe', '--image=busybox', '--overrides={"spec":{"nodeName":"hollow-node-1"}}');
    await until(async () => /doomed\s+1\/1\s+Running/.test(await k('get', 'pods')), 'the pods to run');
    assert.match(await k('get', 'pod', 'doomed', '-o', 'wide'), /10\.42\.\d+\.\d+\s+hollow-node-0/);

    cluster.sim.stopHeartbeat('hollow-node-0');
    await until(async () => /hollow-node-0\s+NotReady/.test(await k('get', 'nodes')), 'hollow-node-0 to go NotReady', 20_000);
    assert.match(await k('get', 'nodes'), /hollow-node-1\s+Ready/);
    assert.match(await k('describe', 'node', 'hollow-node-0'), /Taints:\s+node\.kubernetes\.io\/unreachable:NoExecute\n\s+node\.kubernetes\.io\/unreachable:NoSchedule/);
    await until(async () => (await k('get', 'pod', 'doomed', '-o', 'jsonpath={.metadata.deletionTimestamp}')) !== '', 'the eviction', 20_000);
    assert.equal(await k('get', 'pod', 'safe', '-o', 'jsonpath={.metadata.deletionTimestamp}'), '');

    // Its kubelet comes back: it reports Ready, finishes the pending deletion, and the taints go.
    cluster.sim.resumeHeartbeat('hollow-node-0');
    await until(async () => /hollow-node-0\s+Ready/.test(await k('get', 'nodes')), 'hollow-node-0 to be Ready again', 20_000);
    await until(async () => !(await k('get', 'pods', '-o', 'name')).includes('doomed'), 'the evicted pod to go');
    await until(async () => (await k('get', 'node', 'hollow-node-0', '-o', 'jsonpath={.spec.taints}')) === '', 'the taints to go');
  });
});
