// The official @kubernetes/client-node drives kubets unchanged: typed list, the
// informer (including a relist after 410 Expired), and KubernetesObjectApi.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { e2eBackends, startTestServer, type TestServer } from '../support/test-server.ts';
import { until } from '../support/until.ts';


for (const backend of e2eBackends) {
  describe(`@kubernetes/client-node against kubets (${backend})`, { timeout: 120_000 }, () => {
    let cluster: TestServer;
    let kc: k8s.KubeConfig;
    let core: k8s.CoreV1Api;

    before(async () => {
      cluster = await startTestServer({ backend });
      kc = new k8s.KubeConfig();
      kc.loadFromFile(cluster.kubeconfig);
      core = kc.makeApiClient(k8s.CoreV1Api);
    });
    after(async () => {
      await cluster?.close();
    });

    it('lists namespaces with the typed client', async () => {
      const list = await core.listNamespace();
      assert.deepEqual(
        list.items.map((ns) => ns.metadata?.name),
        ['default', 'kube-node-lease', 'kube-public', 'kube-system'],
      );
      assert.match(list.metadata?.resourceVersion ?? '', /^\d+$/);
    });

    it('creates, reads and deletes through KubernetesObjectApi', async () => {
      const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
      const header = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'by-object-api', namespace: 'default' } };
      const created = (await objects.create({ ...header, data: { k: 'v' } } as k8s.V1ConfigMap)) as k8s.V1ConfigMap;
      assert.equal(created.metadata?.name, 'by-object-api');
      const read = (await objects.read(header)) as k8s.V1ConfigMap;
      assert.deepEqual(read.data, { k: 'v' });
      assert.equal(read.metadata?.uid, created.metadata?.uid);
      await objects.delete(header);
      await assert.rejects(objects.read(header), (error: { code?: number }) => error.code === 404);
    });

    it('informs of ADDED, MODIFIED and DELETED in order, and relists after 410 Expired', async () => {
      const seen: string[] = [];
      const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/configmaps', () => core.listNamespacedConfigMap({ namespace: 'default' }));
      informer.on('add', (cm) => seen.push(`add ${cm.metadata?.name}`));
      informer.on('update', (cm) => seen.push(`update ${cm.metadata?.name} ${JSON.stringify(cm.data)}`));
      informer.on('delete', (cm) => seen.push(`delete ${cm.metadata?.name}`));
      let connects = 0;
      informer.on('connect', () => connects++);
      await informer.start();
      try {
        await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' }, data: { v: '1' } } });
        await core.patchNamespacedConfigMap({ namespace: 'default', name: 'watched', body: { data: { v: '2' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
        await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'watched' });
        await until(() => seen.length >= 3, 'three informer events');
        assert.deepEqual(seen, ['add watched', 'update watched {"v":"2"}', 'delete watched']);

        // A 410 Expired ends the watch; the informer lists again and carries on.
        const before = connects;
        cluster.server.expireWatches('', 'configmaps');
        await until(() => connects > before, 'the informer to reconnect');
        await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'after-expiry' } } });
        await until(() => seen.includes('add after-expiry'), 'the event after the relist');
        assert.ok(informer.get('after-expiry', 'default'), 'the informer cache has the object');
      } finally {
        await informer.stop();
      }
    });
  });
}
