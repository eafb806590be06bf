// Deployments against a real server, its control plane and hollow nodes, driven by real
// kubectl: the seed flows (`kubectl create deployment`, `scale --current-replicas`, `set
// image` followed with `rollout status`, `rollout history|undo [--to-revision]`), pause and
// resume, restart, Recreate, proportional scaling mid-rollout, revisionHistoryLimit, the
// progress deadline, bad input, and 100 replicas on 5 nodes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ReplicaSet } from 'kubernetes-types/apps/v1.d.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const manifest = (name: string, spec: Record<string, unknown>, podSpec: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'busybox:1', ...podSpec }] } }, ...spec },
  });

/** A readiness probe the hollow nodes honour by staying not ready for an hour. */
const neverReady = { readinessProbe: { exec: { command: ['true'] }, initialDelaySeconds: 3600 } };

describe('deployments', { timeout: 180_000 }, () => {
  let cluster: TestCluster;

  before(async () => {
    cluster = await startTestCluster({ nodes: 5 });
  });
  after(async () => {
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);
  const apply = (input: string) => cluster.kubectl.ok(['apply', '-f', '-'], { input });
  const replicaSets = async (app: string): Promise<ReplicaSet[]> =>
    (await cluster.clients.resource<ReplicaSet>('replicasets', 'apps').list('default', { labelSelector: `app=${app}` })).items.sort((a, b) => Number(a.metadata!.annotations!['deployment.kubernetes.io/revision']) - Number(b.metadata!.annotations!['deployment.kubernetes.io/revision']));
  const rolloutStatus = (name: string) => kubectl('rollout', 'status', `deployment/${name}`, '--timeout=40s');
  const image = (name: string) => kubectl('get', 'deployment', name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}');

  it('creates a deployment, scales it with --current-replicas and follows an image change to completion', async () => {
    assert.match(await kubectl('create', 'deployment', 'httpenv', '--image=jpetazzo/httpenv'), /deployment.apps\/httpenv created/);
    assert.match(await rolloutStatus('httpenv'), /deployment "httpenv" successfully rolled out/);
    assert.match(await kubectl('get', 'deployments'), /^httpenv\s+1\/1\s+1\s+1\s+\S+$/m);
    const [rs] = await replicaSets('httpenv');
    const hash = rs!.metadata!.labels!['pod-template-hash']!;
    assert.equal(rs!.metadata!.name, `httpenv-${hash}`);
    assert.deepEqual(rs!.spec!.selector!.matchLabels, { app: 'httpenv', 'pod-template-hash': hash });
    assert.equal(rs!.metadata!.annotations!['deployment.kubernetes.io/revision'], '1');
    assert.match(await kubectl('get', 'pods', '-l', 'app=httpenv'), new RegExp(`^httpenv-${hash}-[a-z0-9]{5}\\s+1/1\\s+Running`, 'm'));

    assert.match(await kubectl('scale', 'deployment', 'httpenv', '--replicas=10'), /deployment.apps\/httpenv scaled/);
    assert.match(await rolloutStatus('httpenv'), /successfully rolled out/);
    await until(async () => /^httpenv\s+10\/10\s+10\s+10\s/m.test(await kubectl('get', 'deployments', 'httpenv')), '10/10', 20_000);
    const wrong = await cluster.kubectl.run(['scale', '--current-replicas=4', '--replicas=2', 'deployment/httpenv']);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /Expected replicas to be 4, was 10/);
    await kubectl('scale', '--current-replicas=10', '--replicas=4', 'deployment/httpenv');
    await until(async () => /^httpenv\s+4\/4\s+4\s+4\s/m.test(await kubectl('get', 'deployments', 'httpenv')), '4/4', 20_000);

    assert.match(await kubectl('set', 'image', 'deployment/httpenv', 'httpenv=jpetazzo/httpenv:v2'), /image updated/);
    const status = await rolloutStatus('httpenv');
    assert.match(status, /deployment "httpenv" successfully rolled out\n$/);
    const [old, current] = await replicaSets('httpenv');
    assert.equal(old!.spec!.replicas, 0);
    assert.equal(current!.spec!.replicas, 4);
    assert.equal(current!.metadata!.annotations!['deployment.kubernetes.io/revision'], '2');
    assert.equal(await kubectl('get', 'deployment', 'httpenv', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}'), '2');
    const conditions = await kubectl('get', 'deployment', 'httpenv', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.status}/{.reason};{end}');
    assert.match(conditions, /Available=True\/MinimumReplicasAvailable/);
    assert.match(conditions, /Progressing=True\/NewReplicaSetAvailable/);
    const events = await kubectl('get', 'events', '--field-selector', 'involvedObject.kind=Deployment,involvedObject.name=httpenv', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}');
    assert.match(events, new RegExp(`Scaled up replica set httpenv-${hash} from 0 to 1`));
    assert.match(events, new RegExp(`Scaled up replica set httpenv-${hash} to 10 from 1`));
    assert.match(events, new RegExp(`Scaled down replica set httpenv-${hash} to 0 from \\d`));
    const described = await kubectl('describe', 'deployment', 'httpenv');
    assert.match(described, /Replicas:\s+4 desired \| 4 updated \| 4 total \| 4 available \| 0 unavailable/);
    assert.match(described, new RegExp(`NewReplicaSet:\\s+${current!.metadata!.name} \\(4/4 replicas created\\)`));
  });

  it('keeps revision history with change causes, and undoes to the previous or a given revision', async () => {
    await kubectl('annotate', 'deployment/httpenv', 'kubernetes.io/change-cause=image v2');
    await until(async () => (await replicaSets('httpenv'))[1]!.metadata!.annotations!['kubernetes.io/change-cause'] === 'image v2', 'the change cause copied to the new ReplicaSet', 20_000);
    assert.match(await kubectl('rollout', 'history', 'deployment/httpenv'), /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+image v2\n/);
    assert.match(await kubectl('rollout', 'history', 'deployment/httpenv', '--revision=1'), /Image:\s+jpetazzo\/httpenv\n/);

    assert.match(await kubectl('rollout', 'undo', 'deployment/httpenv'), /deployment.apps\/httpenv rolled back/);
    assert.match(await rolloutStatus('httpenv'), /successfully rolled out/);
    assert.equal(await image('httpenv'), 'jpetazzo/httpenv');
    const rses = await replicaSets('httpenv');
    assert.equal(rses.length, 2, 'the old ReplicaSet is reused, not a new one made');
    assert.deepEqual(
      rses.map((rs) => rs.metadata!.annotations!['deployment.kubernetes.io/revision']),
      ['2', '3'],
    );
    assert.equal(rses[1]!.metadata!.annotations!['deployment.kubernetes.io/revision-history'], '1');
    assert.match(await kubectl('rollout', 'history', 'deployment/httpenv'), /\n2\s+image v2\n3\s+/);

    await kubectl('rollout', 'undo', 'deployment/httpenv', '--to-revision=2');
    assert.match(await rolloutStatus('httpenv'), /successfully rolled out/);
    assert.equal(await image('httpenv'), 'jpetazzo/httpenv:v2');
    assert.equal(await kubectl('get', 'deployment', 'httpenv', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}'), '4');
  });

  it('pauses, resumes and restarts a rollout', async () => {
    assert.match(await kubectl('rollout', 'pause', 'deployment/httpenv'), /deployment.apps\/httpenv paused/);
    await until(async () => (await kubectl('get', 'deployment', 'httpenv', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}')) === 'DeploymentPaused', 'the paused condition', 20_000);
    await kubectl('set', 'image', 'deployment/httpenv', 'httpenv=jpetazzo/httpenv:v3');
    const undo = await cluster.kubectl.run(['rollout', 'undo', 'deployment/httpenv']);
    assert.match(undo.stderr, /you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal((await replicaSets('httpenv')).length, 2, 'no new ReplicaSet while paused');
    assert.match(await kubectl('rollout', 'resume', 'deployment/httpenv'), /deployment.apps\/httpenv resumed/);
    assert.match(await rolloutStatus('httpenv'), /successfully rolled out/);
    assert.equal((await replicaSets('httpenv')).length, 3);

    assert.match(await kubectl('rollout', 'restart', 'deployment/httpenv'), /deployment.apps\/httpenv restarted/);
    assert.match(await rolloutStatus('httpenv'), /successfully rolled out/);
    const rses = await replicaSets('httpenv');
    assert.equal(rses.length, 4);
    assert.ok(rses[3]!.spec!.template!.metadata!.annotations!['kubectl.kubernetes.io/restartedAt']);
    const restarted = `pod-template-hash=${rses[3]!.metadata!.labels!['pod-template-hash']}`;
    await until(async () => (await cluster.clients.pods.list('default', { labelSelector: restarted })).items.length === 4, 'four restarted pods', 20_000);
  });

  it('Recreate scales the old ReplicaSet to zero before the new one comes up', async () => {
    await apply(manifest('recreate', { replicas: 2, strategy: { type: 'Recreate' } }));
    await rolloutStatus('recreate');
    await kubectl('set', 'image', 'deployment/recreate', 'main=busybox:2');
    assert.match(await rolloutStatus('recreate'), /successfully rolled out/);
    const events = await kubectl('get', 'events', '--field-selector', 'involvedObject.name=recreate', '--sort-by=.metadata.creationTimestamp', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}');
    const [old, current] = await replicaSets('recreate');
    const down = events.indexOf(`Scaled down replica set ${old!.metadata!.name} to 0 from 2`);
    const up = events.indexOf(`Scaled up replica set ${current!.metadata!.name} from 0 to 2`);
    assert.ok(down >= 0 && up > down, events);
  });

  it('scales a stalled rollout in proportion, and reports the passed progress deadline', async () => {
    await apply(manifest('prop', { replicas: 10, progressDeadlineSeconds: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    await rolloutStatus('prop');
    await cluster.kubectl.ok(['patch', 'deployment', 'prop', '--type=strategic', '-p', JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'main', image: 'busybox:2', ...neverReady }] } } } })]);
    await until(async () => (await replicaSets('prop')).map((rs) => rs.spec!.replicas).join() === '8,5', 'old 8, new 5 (surge 3, 2 unavailable)', 20_000);
    const stuck = await cluster.kubectl.run(['rollout', 'status', 'deployment/prop', '--timeout=20s']);
    assert.notEqual(stuck.code, 0);
    assert.match(stuck.stderr, /deployment "prop" exceeded its progress deadline/);
    assert.match(await kubectl('get', 'deployment', 'prop', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].message}'), /^ReplicaSet "prop-\w+" has timed out progressing\.$/);

    await kubectl('scale', 'deployment/prop', '--replicas=20');
    await until(async () => (await replicaSets('prop')).map((rs) => rs.spec!.replicas).join() === '14,9', 'old 14, new 9: 23 shared as 8:5', 20_000);
  });

  it('deletes old ReplicaSets beyond revisionHistoryLimit', async () => {
    await apply(manifest('limited', { replicas: 1, revisionHistoryLimit: 1 }));
    for (const tag of ['2', '3', '4']) {
      await kubectl('set', 'image', 'deployment/limited', `main=busybox:${tag}`);
      await rolloutStatus('limited');
    }
    await until(async () => (await replicaSets('limited')).length === 2, 'one old ReplicaSet kept', 20_000);
    const history = await kubectl('rollout', 'history', 'deployment/limited');
    assert.match(history, /REVISION\s+CHANGE-CAUSE\n3\s+<none>\n4\s+<none>\n\n$/);
  });

  it('runs the seed extensions/v1beta1 Deployment: no selector, updated with `kubectl apply`', async () => {
    const seed = (image: string) => `---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: nginx-deployment-dev
spec:
  replicas: 1
  template:
    metadata:
      labels:
        app: nginx-deployment-dev
    spec:
      containers:
      - name: nginx-deployment-dev
        image: ${image}
        ports:
        - containerPort: 80
`;
    await cluster.kubectl.ok(['create', '--validate', '-f', '-'], { input: seed('nginx:1.7.9') });
    assert.match(await rolloutStatus('nginx-deployment-dev'), /successfully rolled out/);
    const described = await kubectl('describe', 'deployments', '-l', 'app=nginx-deployment-dev');
    assert.match(described, /Selector:\s+app=nginx-deployment-dev\n/);
    assert.match(described, /RollingUpdateStrategy:\s+1 max unavailable, 1 max surge/);
    assert.match(described, /NewReplicaSet:\s+nginx-deployment-dev-\w+ \(1\/1 replicas created\)/);
    await apply(seed('nginx:1.8'));
    assert.match(await rolloutStatus('nginx-deployment-dev'), /successfully rolled out/);
    await until(async () => {
      const pods = (await cluster.clients.pods.list('default', { labelSelector: 'app=nginx-deployment-dev' })).items;
      return pods.length === 1 && pods[0]!.spec!.containers[0]!.image === 'nginx:1.8';
    }, 'one pod of the new image', 20_000);
  });

  it('rejects bad input with upstream messages', async () => {
    const mismatch = await cluster.kubectl.run(['create', '-f', '-'], {
      input: manifest('bad', { selector: { matchLabels: { app: 'other' } } }),
    });
    assert.notEqual(mismatch.code, 0);
    assert.match(mismatch.stderr, /spec.template.metadata.labels: Invalid value: map\[string\]string\{"app":"bad"\}: `selector` does not match template `labels`/);
    const negative = await cluster.kubectl.run(['create', '-f', '-'], { input: manifest('bad', { replicas: -1 }) });
    assert.notEqual(negative.code, 0);
    assert.match(negative.stderr, /spec.replicas: Invalid value: -1: must be greater than or equal to 0/);
  });

  it('brings 100 replicas on 5 nodes to all available', async () => {
    await kubectl('create', 'deployment', 'hundred', '--image=busybox', '--replicas=100');
    assert.match(await rolloutStatus('hundred'), /successfully rolled out/);
    assert.match(await kubectl('get', 'deployment', 'hundred'), /^hundred\s+100\/100\s+100\s+100\s/m);
    const nodes = new Set((await cluster.clients.pods.list('default', { labelSelector: 'app=hundred' })).items.map((p) => p.spec!.nodeName));
    assert.equal(nodes.size, 5);
  });
});

// The seed's "Failure and recovery": a 2-replica deployment on 3 nodes; two nodes stop one
// after the other and both pods end on the last one; a node comes back and a deleted pod
// lands there.
describe('deployment failure and recovery', { timeout: 300_000 }, () => {
  let cluster: TestCluster;

  before(async () => {
    cluster = await startTestCluster({
      nodes: 3,
      defaultNotReadyTolerationSeconds: 1,
      defaultUnreachableTolerationSeconds: 1,
      // A 10 s grace (upstream: 40 s): the live nodes' 1 s heartbeats must not look missed
      // while a loaded CI machine stalls the event loop, or every node goes NotReady.
      controlPlane: { controllers: { nodeLifecycle: { gracePeriodMs: 10_000, monitorPeriodMs: 300 } } },
    });
  });
  after(async () => {
    await cluster?.close();
  });

  /** Node of each live (not terminating) pod of the deployment. */
  const placement = async (): Promise<Map<string, string>> => {
    const pods = (await cluster.clients.pods.list('default', { labelSelector: 'app=myrecovery' })).items;
    return new Map(pods.filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase === 'Running').map((p) => [p.metadata!.name!, p.spec!.nodeName!]));
  };

  it('moves pods off stopped nodes and back onto a node that returns', async () => {
    await cluster.kubectlOk('create', 'deployment', 'myrecovery', '--image=latest123/apache', '--port=80', '--replicas=2');
    assert.match(await cluster.kubectlOk('rollout', 'status', 'deployment/myrecovery', '--timeout=30s'), /successfully rolled out/);
    let live = await placement();
    const first = [...live.values()][0]!;

    cluster.sim.stopHeartbeat(first);
    await until(async () => {
      live = await placement();
      return live.size === 2 && ![...live.values()].includes(first);
    }, `both pods off ${first}`, 90_000);
    const second = [...live.values()][0]!;
    const last = ['hollow-node-0', 'hollow-node-1', 'hollow-node-2'].find((n) => n !== first && n !== second)!;
    cluster.sim.stopHeartbeat(second);
    await until(async () => {
      live = await placement();
      return live.size === 2 && [...live.values()].every((n) => n === last);
    }, `both pods on ${last}`, 90_000);
    assert.match(await cluster.kubectlOk('get', 'deployments', 'myrecovery'), /^myrecovery\s+2\/2\s+2\s+2\s/m);

    cluster.sim.resumeHeartbeat(first);
    await until(async () => (await cluster.kubectlOk('get', 'node', first, '-o', 'jsonpath={.spec.taints}')) === '', `${first} without taints`, 30_000);
    await cluster.kubectlOk('delete', 'pod', [...live.keys()][0]!);
    await until(async () => {
      live = await placement();
      return live.size === 2 && [...live.values()].sort().join() === [first, last].sort().join();
    }, `a pod on ${first} again`, 30_000);
  });
});
