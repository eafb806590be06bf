// StatefulSets against a real server, its control plane and hollow nodes, driven by real
// kubectl: ordered creation (each pod Ready before the next), claims from
// volumeClaimTemplates, a rolling image update from the highest ordinal down,
// `kubectl rollout status|history`, `kubectl scale` down in reverse order, Parallel
// management, a partition, and bad input rejected.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const manifest = (name: string, options: { replicas?: number; policy?: string; partition?: number; readyAfter?: number } = {}) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: None
  selector: {app: ${name}}
  ports: [{port: 80, name: web}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  replicas: ${options.replicas ?? 3}
  podManagementPolicy: ${options.policy ?? 'OrderedReady'}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: ${options.partition ?? 0}}}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80, name: web}]
        readinessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: ${options.readyAfter ?? 1}}
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`;

/** Polls the set's pods and notes when each name (and uid) was first seen, seen Ready, and seen gone. */
class PodTimeline {
  readonly seen = new Map<string, number>();
  readonly ready = new Map<string, number>();
  readonly gone = new Map<string, number>();
  /** When each name was first seen with a deletionTimestamp. */
  readonly terminating = new Map<string, number>();
  /** Names in the order a new uid appeared for them. */
  readonly created: string[] = [];
  /** Names that existed while each name was first seen. */
  readonly coexisting = new Map<string, string[]>();
  private readonly uids = new Map<string, string>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(cluster: TestCluster, app: string) {
    this.loop = (async () => {
      while (!this.stopped) {
        const pods: Pod[] = (await cluster.clients.pods.list('default', { labelSelector: `app=${app}` })).items;
        const now = Date.now();
        const names = pods.map((p) => p.metadata!.name!);
        for (const pod of pods) {
          const name = pod.metadata!.name!;
          if (this.uids.get(name) !== pod.metadata!.uid) {
            this.uids.set(name, pod.metadata!.uid!);
            this.seen.set(name, now);
            this.ready.delete(name);
            this.created.push(name);
            this.coexisting.set(name, names.filter((n) => n !== name));
          }
          if (pod.metadata!.deletionTimestamp && !this.terminating.has(name)) this.terminating.set(name, now);
          if (!this.ready.has(name) && pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) this.ready.set(name, now);
        }
        for (const name of this.uids.keys()) {
          if (!names.includes(name) && !this.gone.has(name)) this.gone.set(name, now);
          if (names.includes(name)) this.gone.delete(name);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

describe('statefulsets', { timeout: 150_000 }, () => {
  let cluster: TestCluster;

  before(async () => {
    cluster = await startTestCluster({ nodes: 3 });
  });
  after(async () => {
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);
  const apply = async (yaml: string) => {
    const r = await cluster.kubectl.run(['apply', '-f', '-'], { input: yaml });
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };
  const pods = async (app: string): Promise<Pod[]> => (await cluster.clients.pods.list('default', { labelSelector: `app=${app}` })).items;

  it('creates web-0, web-1, web-2 in order, each Running and Ready before the next, with their claims', async () => {
    const timeline = new PodTimeline(cluster, 'web');
    try {
      assert.match(await apply(manifest('web')), /statefulset.apps\/web created/);
      await until(async () => /^web\s+3\/3\s/m.test(await kubectl('get', 'sts', 'web')), 'web 3/3', 30_000);
    } finally {
      await timeline.stop();
    }
    assert.deepEqual(timeline.created, ['web-0', 'web-1', 'web-2']);
    assert.ok(timeline.seen.get('web-1')! >= timeline.ready.get('web-0')!, 'web-1 only after web-0 is Ready');
    assert.ok(timeline.seen.get('web-2')! >= timeline.ready.get('web-1')!, 'web-2 only after web-1 is Ready');
    assert.deepEqual(timeline.coexisting.get('web-1'), ['web-0']);

    assert.match((await kubectl('get', 'sts')).split('\n')[0]!, /^NAME\s+READY\s+AGE$/);
    const pvcs = await kubectl('get', 'pvc', '--no-headers');
    assert.deepEqual(
      pvcs
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
      ['www-web-0 Pending', 'www-web-1 Pending', 'www-web-2 Pending'],
    );
    assert.equal(await kubectl('get', 'pvc', 'www-web-1', '-o', 'jsonpath={.metadata.labels.app}'), 'web');
    const web1 = (await pods('web')).find((p) => p.metadata!.name === 'web-1')!;
    assert.equal(web1.spec!.hostname, 'web-1');
    assert.equal(web1.spec!.subdomain, 'web');
    assert.equal(web1.metadata!.labels!['statefulset.kubernetes.io/pod-name'], 'web-1');
    assert.equal(web1.metadata!.labels!['apps.kubernetes.io/pod-index'], '1');
    assert.deepEqual(web1.spec!.volumes!.find((v) => v.name === 'www'), { name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    const status = JSON.parse(await kubectl('get', 'sts', 'web', '-o', 'jsonpath={.status}')) as Record<string, unknown>;
    assert.equal(status.replicas, 3);
    assert.equal(status.readyReplicas, 3);
    assert.equal(status.availableReplicas, 3);
    assert.equal(status.currentReplicas, 3);
    assert.equal(status.updatedReplicas, 3);
    assert.equal(status.observedGeneration, 1);
    assert.match(String(status.currentRevision), /^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    assert.equal(status.updateRevision, status.currentRevision);
    assert.equal(web1.metadata!.labels!['controller-revision-hash'], status.currentRevision);
    assert.match(await kubectl('rollout', 'status', 'sts/web', '--timeout=10s'), /partitioned roll out complete: 3 new pods have been updated/);
    const events = await kubectl('get', 'events', '--field-selector', 'involvedObject.name=web', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}');
    assert.match(events, /create Claim www-web-0 Pod web-0 in StatefulSet web success/);
    assert.match(events, /create Pod web-2 in StatefulSet web successful/);
  });

  it('rolls a new image out from the highest ordinal down; rollout status and history follow', async () => {
    const timeline = new PodTimeline(cluster, 'web');
    try {
      await kubectl('set', 'image', 'sts/web', 'nginx=nginx:1.28');
      assert.match(await kubectl('rollout', 'status', 'sts/web', '--timeout=60s'), /partitioned roll out complete: 3 new pods have been updated/);
      await until(async () => {
        const s = JSON.parse(await kubectl('get', 'sts', 'web', '-o', 'jsonpath={.status}')) as Record<string, unknown>;
        return s.currentRevision === s.updateRevision && s.readyReplicas === 3;
      }, 'the update revision current');
    } finally {
      await timeline.stop();
    }
    assert.deepEqual(timeline.created.slice(3), ['web-2', 'web-1', 'web-0']);
    const images = (await pods('web')).map((p) => `${p.metadata!.name} ${p.spec!.containers[0]!.image}`).sort();
    assert.deepEqual(images, ['web-0 nginx:1.28', 'web-1 nginx:1.28', 'web-2 nginx:1.28']);
    assert.match(await kubectl('rollout', 'history', 'sts/web'), /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
    assert.match(await kubectl('rollout', 'history', 'sts/web', '--revision=1'), /Image:\s+nginx:1.27/);
  });

  it('scales down with kubectl scale from the highest ordinal, keeping the claims', async () => {
    const timeline = new PodTimeline(cluster, 'web');
    try {
      await until(async () => timeline.seen.size === 3, 'the timeline primed');
      assert.match(await kubectl('scale', 'sts', 'web', '--replicas=1'), /statefulset.apps\/web scaled/);
      await until(async () => (await pods('web')).length === 1, 'one pod left', 30_000);
      await until(async () => /^web\s+1\/1\s/m.test(await kubectl('get', 'sts', 'web')), 'web 1/1');
    } finally {
      await timeline.stop();
    }
    // web-1 is deleted only once web-2 is gone. The timeline polls, so both may change
    // between two polls (equal times); web-1 going first would show as earlier.
    const web1Deleted = timeline.terminating.get('web-1') ?? timeline.gone.get('web-1')!;
    assert.ok(web1Deleted >= timeline.gone.get('web-2')!, 'web-2 went before web-1 was deleted');
    assert.deepEqual(
      (await pods('web')).map((p) => p.metadata!.name),
      ['web-0'],
    );
    assert.equal((await kubectl('get', 'pvc', '--no-headers')).trim().split('\n').length, 3);
    await kubectl('scale', 'sts', 'web', '--replicas=2');
    await until(async () => /^web\s+2\/2\s/m.test(await kubectl('get', 'sts', 'web')), 'web 2/2', 30_000);
    const back = (await pods('web')).find((p) => p.metadata!.name === 'web-1')!;
    assert.equal(back.spec!.containers[0]!.image, 'nginx:1.28');
  });

  it('starts every pod at once with Parallel, and updates only from the partition up', async () => {
    const timeline = new PodTimeline(cluster, 'par');
    try {
      await apply(manifest('par', { policy: 'Parallel', partition: 2, readyAfter: 2 }));
      await until(async () => /^par\s+3\/3\s/m.test(await kubectl('get', 'sts', 'par')), 'par 3/3', 30_000);
    } finally {
      await timeline.stop();
    }
    const firstReady = Math.min(...timeline.ready.values());
    assert.ok(
      ['par-0', 'par-1', 'par-2'].every((n) => timeline.seen.get(n)! <= firstReady),
      'all three created before any was Ready',
    );
    await kubectl('set', 'image', 'sts/par', 'nginx=nginx:1.28');
    await until(async () => (await pods('par')).some((p) => p.metadata!.name === 'par-2' && p.spec!.containers[0]!.image === 'nginx:1.28' && !p.metadata!.deletionTimestamp), 'par-2 updated', 30_000);
    assert.match(await kubectl('rollout', 'status', 'sts/par', '--timeout=30s'), /partitioned roll out complete: 1 new pods have been updated/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const images = (await pods('par')).map((p) => `${p.metadata!.name} ${p.spec!.containers[0]!.image}`).sort();
    assert.deepEqual(images, ['par-0 nginx:1.27', 'par-1 nginx:1.27', 'par-2 nginx:1.28']);
  });

  it('rejects bad input with the upstream messages', async () => {
    const negative = manifest('bad', { replicas: -1 }).split('---\n')[1]!;
    const r = await cluster.kubectl.run(['create', '-f', '-'], { input: negative });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /The StatefulSet "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0/);
    const mismatched = manifest('bad').split('---\n')[1]!.replace('labels: {app: bad}', 'labels: {app: other}');
    const m = await cluster.kubectl.run(['create', '-f', '-'], { input: mismatched });
    assert.match(m.stderr, /spec.template.metadata.labels: Invalid value: map\[string\]string\{"app":"other"\}: `selector` does not match template `labels`/);
    const s = await cluster.kubectl.run(['scale', 'sts', 'web', '--replicas=-1'], {});
    assert.notEqual(s.code, 0);
    assert.match(await kubectl('get', 'sts', 'web', '-o', 'jsonpath={.spec.replicas}'), /^2$/);
  });
});
