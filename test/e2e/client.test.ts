// kubets' own client library against a real server: typed REST calls with Status errors,
// the informer beside @kubernetes/client-node's (both must see the same events), relist
// after 410, the event recorder's aggregation, and leader election on a Lease.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import type { ConfigMap } from 'kubernetes-types/core/v1.d.ts';
import { Clientset } from '../../src/client/clientset.ts';
import { loadKubeconfig } from '../../src/client/config.ts';
import { ApiStatusError, isAlreadyExists, isNotFound } from '../../src/client/errors.ts';
import { EventRecorder } from '../../src/client/events.ts';
import { Informer } from '../../src/client/informer.ts';
import { LeaderElector } from '../../src/client/leader-election.ts';
import { e2eBackends, startTestServer, type TestServer } from '../support/test-server.ts';
import { until } from '../support/until.ts';

for (const backend of e2eBackends) {
  describe(`the kubets client library (${backend})`, { timeout: 120_000 }, () => {
    let cluster: TestServer;
    let clients: Clientset;

    before(async () => {
      cluster = await startTestServer({ backend });
      clients = new Clientset({ ...(await loadKubeconfig(cluster.kubeconfig)), userAgent: 'client-test' });
    });
    after(async () => {
      clients?.close();
      await cluster?.close();
    });

    it('creates, reads, patches and deletes, with the server Status on failure', async () => {
      const configMaps = clients.resource<ConfigMap>('configmaps');
      const created = await configMaps.create({ metadata: { name: 'rest', namespace: 'default' }, data: { a: '1' } });
      assert.match(created.metadata?.resourceVersion ?? '', /^\d+$/);
      await assert.rejects(configMaps.create({ metadata: { name: 'rest', namespace: 'default' } }), (e) => isAlreadyExists(e));
      const patched = await configMaps.patch('default', 'rest', 'merge', { data: { b: '2' } });
      assert.deepEqual(patched.data, { a: '1', b: '2' });
      // A uid in a patch is a precondition (controllers adopt and release this way).
      const stale = await configMaps.patch('default', 'rest', 'strategic', { metadata: { uid: 'not-the-uid' }, data: { c: '3' } }).catch((e: unknown) => e);
      assert.ok(stale instanceof ApiStatusError);
      assert.equal(stale.code, 409);
      assert.match(stale.message, /Precondition failed: UID in precondition: not-the-uid, UID in object meta: /);
      assert.deepEqual((await configMaps.get('default', 'rest')).data, { a: '1', b: '2' });
      const bad = await configMaps.create({ metadata: { name: 'Bad_Name', namespace: 'default' } }).catch((e: unknown) => e);
      assert.ok(bad instanceof ApiStatusError);
      assert.equal(bad.code, 422);
      assert.equal(bad.reason, 'Invalid');
      assert.match(bad.message, /ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/);
      await configMaps.delete('default', 'rest');
      await assert.rejects(configMaps.get('default', 'rest'), (e) => isNotFound(e));
      const list = await clients.namespaces.list();
      assert.ok(list.items.some((ns) => ns.metadata?.name === 'kube-system'));
    });

    it('informs of the same events as client-node, and relists after 410 Expired', async () => {
      const namespace = 'informed';
      await clients.namespaces.create({ metadata: { name: namespace } });
      const ours: string[] = [];
      const informer = new Informer(clients.resource<ConfigMap>('configmaps'), { namespace });
      informer.addEventHandlers({
        onAdd: (cm) => ours.push(`add ${cm.metadata?.name} ${cm.metadata?.resourceVersion}`),
        onUpdate: (_, cm) => ours.push(`update ${cm.metadata?.name} ${cm.metadata?.resourceVersion}`),
        onDelete: (cm) => ours.push(`delete ${cm.metadata?.name}`),
      });
      const kc = new k8s.KubeConfig();
      kc.loadFromFile(cluster.kubeconfig);
      const core = kc.makeApiClient(k8s.CoreV1Api);
      const theirs: string[] = [];
      const peer = k8s.makeInformer(kc, `/api/v1/namespaces/${namespace}/configmaps`, () => core.listNamespacedConfigMap({ namespace }));
      peer.on('add', (cm) => theirs.push(`add ${cm.metadata?.name} ${cm.metadata?.resourceVersion}`));
      peer.on('update', (cm) => theirs.push(`update ${cm.metadata?.name} ${cm.metadata?.resourceVersion}`));
      peer.on('delete', (cm) => theirs.push(`delete ${cm.metadata?.name}`));
      const configMaps = clients.resource<ConfigMap>('configmaps');
      await configMaps.create({ metadata: { name: 'before-start', namespace } });
      informer.start();
      await peer.start();
      await informer.waitForSync();
      try {
        await configMaps.create({ metadata: { name: 'one', namespace }, data: { v: '1' } });
        await configMaps.patch(namespace, 'one', 'merge', { data: { v: '2' } });
        await configMaps.create({ metadata: { name: 'two', namespace } });
        await configMaps.delete(namespace, 'one');
        await until(() => ours.length >= 5 && theirs.length >= 5, 'five events on both informers');
        assert.deepEqual(ours, theirs);
        assert.deepEqual(
          ours.map((e) => e.split(' ').slice(0, 2).join(' ')),
          ['add before-start', 'add one', 'update one', 'add two', 'delete one'],
        );

        cluster.server.expireWatches('', 'configmaps');
        await configMaps.create({ metadata: { name: 'after-expiry', namespace } });
        await until(() => informer.store.getByName(namespace, 'after-expiry') !== undefined, 'the object after the relist');
        assert.deepEqual(informer.store.list().map((cm) => cm.metadata?.name).sort(), ['after-expiry', 'before-start', 'two']);
        assert.equal(informer.store.byIndex('namespace', namespace).length, 3);
      } finally {
        await informer.stop();
        await peer.stop();
      }
    });

    it('records events, counting repeats on one Event as upstream', async () => {
      const recorder = new EventRecorder(clients, { component: 'client-test' });
      const pod = await clients.pods.create({ metadata: { name: 'evented', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
      recorder.event({ ...pod, kind: 'Pod', apiVersion: 'v1' }, 'Warning', 'Testing', 'something happened');
      recorder.event({ ...pod, kind: 'Pod', apiVersion: 'v1' }, 'Warning', 'Testing', 'something happened');
      recorder.event({ ...pod, kind: 'Pod', apiVersion: 'v1' }, 'Normal', 'Other', 'another thing');
      await recorder.flush();
      const out = await cluster.kubectl.ok(['get', 'events', '--field-selector', 'involvedObject.name=evented', '-o', 'custom-columns=REASON:.reason,COUNT:.count,TYPE:.type,SOURCE:.source.component,KIND:.involvedObject.kind', '--sort-by=.reason']);
      assert.deepEqual(out.trim().split('\n').map((line) => line.split(/\s+/)), [
        ['REASON', 'COUNT', 'TYPE', 'SOURCE', 'KIND'],
        ['Other', '1', 'Normal', 'client-test', 'Pod'],
        ['Testing', '2', 'Warning', 'client-test', 'Pod'],
      ]);
      assert.match(await cluster.kubectl.ok(['describe', 'pod', 'evented']), /Warning\s+Testing\s+\S+ \(x2 over \S+\)\s+client-test\s+something happened/);
    });

    it('elects one leader on a Lease; a stopped leader hands over at once', async () => {
      const timings = { leaseDurationMs: 2000, renewDeadlineMs: 1500, retryPeriodMs: 200 };
      const leading: string[] = [];
      const elector = (identity: string) =>
        new LeaderElector(clients, { name: 'client-test', identity, ...timings, onStartedLeading: () => void leading.push(identity) });
      const first = elector('first').start();
      await until(() => leading.length === 1, 'a first leader');
      const second = elector('second').start();
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.deepEqual(leading, ['first'], 'the second candidate waits while the first renews');
      assert.equal(second.isLeader, false);
      await first.stop();
      await until(() => leading.length === 2, 'the second to take over');
      assert.deepEqual(leading, ['first', 'second']);
      const holder = await cluster.kubectl.ok(['get', 'lease', 'client-test', '-n', 'kube-system', '-o', 'jsonpath={.spec.holderIdentity} {.spec.leaseTransitions}']);
      assert.equal(holder, 'second 1');
      await second.stop();
    });
  });
}
