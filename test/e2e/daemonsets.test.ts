// DaemonSets against a real server, its control plane and hollow nodes, driven by real
// kubectl: the seed's ssd-monitor following a node label, one pod per node (a node that
// joins gets one, a NoExecute taint takes it away), a rolling update with
// `kubectl rollout status|history`, OnDelete, and bad input rejected.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { HollowNodes } from '../../src/sim/hollow-nodes.ts';
import { gitVersion } from '../../src/version.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const ssdMonitor = `apiVersion: apps/v1beta2
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector:
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: main
        image: luksa/ssd-monitor
`;

const everywhere = (name: string, strategy = '{type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  updateStrategy: ${strategy}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: main
        image: busybox:1.36
`;

describe('daemonsets', { timeout: 120_000 }, () => {
  let cluster: TestCluster;
  let joiner: HollowNodes | undefined;

  before(async () => {
    cluster = await startTestCluster({ nodes: 3 });
  });
  after(async () => {
    await joiner?.stop();
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);
  const podsOf = async (app: string): Promise<Pod[]> => (await cluster.clients.pods.list('default', { labelSelector: `app=${app}` })).items;
  const livePods = async (app: string) => (await podsOf(app)).filter((p) => !p.metadata?.deletionTimestamp);
  const nodesOf = async (app: string) => (await livePods(app)).map((p) => p.spec?.nodeName ?? '-').sort();
  const dsRow = async (name: string) => (await kubectl('get', 'ds', name, '--no-headers')).trim().split(/\s+/);

  it('runs the seed ssd-monitor only on nodes labelled disk=ssd, and follows the label', async () => {
    assert.match(await cluster.kubectl.run(['create', '-f', '-'], { input: ssdMonitor }).then((r) => r.stdout + r.stderr), /daemonset.apps\/ssd-monitor created/);
    await until(async () => (await kubectl('get', 'ds', 'ssd-monitor', '-o', 'jsonpath={.status.observedGeneration}')) === '1', 'status observed');
    const header = (await kubectl('get', 'ds')).split('\n')[0]!;
    assert.match(header, /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE$/);
    assert.deepEqual((await dsRow('ssd-monitor')).slice(0, 7), ['ssd-monitor', '0', '0', '0', '0', '0', 'disk=ssd']);

    await kubectl('label', 'node', 'hollow-node-1', 'disk=ssd');
    await until(async () => (await dsRow('ssd-monitor')).slice(1, 6).join(' ') === '1 1 1 1 1', 'one ready pod', 20_000);
    const [pod] = await livePods('ssd-monitor');
    assert.equal(pod!.spec!.nodeName, 'hollow-node-1');
    assert.equal(pod!.status!.phase, 'Running');
    // Placed by the default scheduler through node affinity, with the daemon tolerations.
    assert.deepEqual(pod!.spec!.affinity!.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms, [
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['hollow-node-1'] }] },
    ]);
    assert.deepEqual(
      pod!.spec!.tolerations!.map((t) => `${t.key}:${t.effect}`),
      ['not-ready:NoExecute', 'unreachable:NoExecute', 'disk-pressure:NoSchedule', 'memory-pressure:NoSchedule', 'pid-pressure:NoSchedule', 'unschedulable:NoSchedule'].map(
        (t) => `node.kubernetes.io/${t}`,
      ),
    );
    assert.equal(pod!.metadata!.labels!['pod-template-generation'], '1');
    assert.match(pod!.metadata!.labels!['controller-revision-hash']!, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
    assert.match(pod!.metadata!.name!, /^ssd-monitor-[a-z0-9]{5}$/);
    const events = await kubectl('get', 'events', '--field-selector', 'involvedObject.name=ssd-monitor', '-o', 'jsonpath={.items[*].message}');
    assert.match(events, new RegExp(`Created pod: ${pod!.metadata!.name}`));

    await kubectl('label', 'node', 'hollow-node-1', 'disk-');
    await until(async () => (await podsOf('ssd-monitor')).length === 0, 'the pod removed from the unlabelled node', 20_000);
    await until(async () => (await dsRow('ssd-monitor')).slice(1, 6).join(' ') === '0 0 0 0 0', 'status back to 0');
    await kubectl('delete', 'ds', 'ssd-monitor');
  });

  it('puts one pod on every node, and on a node that joins; a NoExecute taint takes it away', async () => {
    await cluster.kubectl.run(['apply', '-f', '-'], { input: everywhere('agent') });
    await until(async () => (await nodesOf('agent')).join(',') === 'hollow-node-0,hollow-node-1,hollow-node-2', 'a pod on each node', 20_000);
    await until(async () => (await dsRow('agent')).slice(1, 6).join(' ') === '3 3 3 3 3', 'status 3/3', 20_000);

    joiner = new HollowNodes({
      clientset: cluster.clients,
      nodes: 1,
      namePrefix: 'joiner-',
      kubeletVersion: gitVersion,
      runtimeVersion: 'sim://test',
      heartbeatIntervalMs: 1000,
      deletionDelayMs: 100,
      log: () => {},
    });
    await joiner.start();
    await until(async () => (await nodesOf('agent')).includes('joiner-0'), 'a pod on the node that joined', 20_000);
    await until(async () => (await dsRow('agent')).slice(1, 6).join(' ') === '4 4 4 4 4', 'status 4/4', 20_000);

    await kubectl('taint', 'node', 'hollow-node-2', 'dedicated=infra:NoExecute');
    await until(async () => !(await nodesOf('agent')).includes('hollow-node-2'), 'the pod gone from the tainted node', 20_000);
    await until(async () => (await dsRow('agent')).slice(1, 6).join(' ') === '3 3 3 3 3', 'status 3/3 after the taint', 20_000);
    await kubectl('taint', 'node', 'hollow-node-2', 'dedicated=infra:NoExecute-');
    await until(async () => (await nodesOf('agent')).length === 4, 'the pod back on the untainted node', 20_000);
  });

  it('rolls out a new image node by node; rollout status and history follow', async () => {
    await until(async () => (await dsRow('agent')).slice(1, 6).join(' ') === '4 4 4 4 4', 'status 4/4', 20_000);
    assert.match(await kubectl('rollout', 'status', 'ds/agent', '--timeout=20s'), /daemon set "agent" successfully rolled out/);
    await kubectl('set', 'image', 'ds/agent', 'main=busybox:1.37');
    const status = await kubectl('rollout', 'status', 'ds/agent', '--timeout=40s');
    assert.match(status, /daemon set "agent" successfully rolled out/);
    const pods = await livePods('agent');
    assert.equal(pods.length, 4);
    assert.deepEqual(new Set(pods.map((p) => p.spec!.containers[0]!.image)), new Set(['busybox:1.37']));
    assert.deepEqual(new Set(pods.map((p) => p.metadata!.labels!['pod-template-generation'])), new Set(['2']));
    const history = await kubectl('rollout', 'history', 'ds/agent');
    assert.match(history, /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
    assert.match(await kubectl('rollout', 'history', 'ds/agent', '--revision=1'), /Image:\s+busybox:1.36/);
    const revisions = await kubectl('get', 'controllerrevisions', '-l', 'app=agent', '--no-headers');
    assert.equal(revisions.trim().split('\n').length, 2);
    assert.match(revisions, /daemonset.apps\/agent\s+2/);

    assert.match(await kubectl('rollout', 'undo', 'ds/agent'), /daemonset.apps\/agent rolled back/);
    assert.match(await kubectl('rollout', 'status', 'ds/agent', '--timeout=40s'), /successfully rolled out/);
    assert.deepEqual(new Set((await livePods('agent')).map((p) => p.spec!.containers[0]!.image)), new Set(['busybox:1.36']));
    assert.match(await kubectl('rollout', 'history', 'ds/agent'), /REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>/);
  });

  it('surges with maxSurge: the new pod is available before the old one goes', async () => {
    await cluster.kubectl.run(['apply', '-f', '-'], { input: everywhere('surge', '{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}') });
    await until(async () => (await dsRow('surge')).slice(1, 6).join(' ') === '4 4 4 4 4', 'status 4/4', 20_000);
    await kubectl('set', 'image', 'ds/surge', 'main=busybox:1.37');
    let minAvailable = 4;
    let done = false;
    // Pods, not the status column: a status snapshot may lag a step behind the pods it counts.
    const ready = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const watching = (async () => {
      while (!done) {
        minAvailable = Math.min(minAvailable, (await livePods('surge')).filter(ready).length);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    assert.match(await kubectl('rollout', 'status', 'ds/surge', '--timeout=40s'), /successfully rolled out/);
    done = true;
    await watching;
    assert.equal(minAvailable, 4, 'never fewer than 4 available');
    await until(async () => (await livePods('surge')).length === 4, 'the old pods gone', 20_000);
    assert.deepEqual(new Set((await livePods('surge')).map((p) => p.spec!.containers[0]!.image)), new Set(['busybox:1.37']));
  });

  it('leaves pods alone with OnDelete until they are deleted', async () => {
    await cluster.kubectl.run(['apply', '-f', '-'], { input: everywhere('manual', '{type: OnDelete}') });
    await until(async () => (await dsRow('manual')).slice(1, 6).join(' ') === '4 4 4 4 4', 'status 4/4', 20_000);
    await kubectl('set', 'image', 'ds/manual', 'main=busybox:1.37');
    await until(async () => (await dsRow('manual'))[4] === '0', 'nothing up to date');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(new Set((await livePods('manual')).map((p) => p.spec!.containers[0]!.image)), new Set(['busybox:1.36']));
    const victim = (await livePods('manual')).find((p) => p.spec?.nodeName === 'hollow-node-0')!;
    await kubectl('delete', 'pod', victim.metadata!.name!);
    await until(async () => (await dsRow('manual'))[4] === '1', 'the recreated pod up to date', 20_000);
    const replaced = (await livePods('manual')).find((p) => p.spec?.nodeName === 'hollow-node-0')!;
    assert.equal(replaced.spec!.containers[0]!.image, 'busybox:1.37');
  });

  it('rejects bad input with the upstream messages', async () => {
    const mismatched = everywhere('bad').replace('labels: {app: bad}', 'labels: {app: other}');
    const r = await cluster.kubectl.run(['create', '-f', '-'], { input: mismatched });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /The DaemonSet "bad" is invalid: spec.template.metadata.labels: Invalid value: map\[string\]string\{"app":"other"\}: `selector` does not match template `labels`/);
    const zero = everywhere('bad', '{type: RollingUpdate, rollingUpdate: {maxUnavailable: 0}}');
    const z = await cluster.kubectl.run(['create', '-f', '-'], { input: zero });
    assert.match(z.stderr, /The DaemonSet "bad" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0/);
    assert.match(await cluster.kubectl.run(['get', 'ds', 'bad'], {}).then((x) => x.stderr), /NotFound|not found/);
  });
});
