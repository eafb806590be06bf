import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatefulSet } from 'kubernetes-types/apps/v1.d.ts';
import { claimsFor, identityMatches, isMemberOf, newStatefulPod, parentAndOrdinal } from './stateful-pods.ts';

const set: StatefulSet = {
  metadata: { name: 'web', namespace: 'default', uid: 'u1' },
  spec: {
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c' }], volumes: [{ name: 'www', emptyDir: {} }, { name: 'cfg', emptyDir: {} }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'] } }],
  },
};

describe('stateful pods', () => {
  it('parse <parent>-<ordinal> names', () => {
    assert.deepEqual(parentAndOrdinal({ metadata: { name: 'my-web-12' } }), { parent: 'my-web', ordinal: 12 });
    assert.equal(parentAndOrdinal({ metadata: { name: 'web' } }).ordinal, -1);
    assert.equal(isMemberOf(set, { metadata: { name: 'web-0' } }), true);
    assert.equal(isMemberOf(set, { metadata: { name: 'webby-0' } }), false);
  });

  it('make pod N with its hostname, subdomain, identity labels, revision and claim volumes', () => {
    const pod = newStatefulPod(set, set.spec!.template, 'web-abc', 2);
    assert.equal(pod.metadata!.name, 'web-2');
    assert.equal(pod.metadata!.generateName, undefined);
    assert.deepEqual(pod.metadata!.labels, { app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2', 'controller-revision-hash': 'web-abc' });
    assert.equal(pod.spec!.hostname, 'web-2');
    assert.equal(pod.spec!.subdomain, 'nginx');
    assert.deepEqual(pod.spec!.volumes, [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }, { name: 'cfg', emptyDir: {} }]);
    assert.equal(pod.metadata!.ownerReferences![0]!.kind, 'StatefulSet');
    assert.equal(identityMatches(set, pod), true);
    assert.equal(identityMatches(set, { ...pod, metadata: { ...pod.metadata, labels: {} } }), false);
  });

  it('name claims <template>-<set>-<ordinal> with the template and selector labels', () => {
    const claim = claimsFor(set, 1).get('www')!;
    assert.equal(claim.metadata!.name, 'www-web-1');
    assert.deepEqual(claim.metadata!.labels, { tier: 'data', app: 'web' });
    assert.deepEqual(claim.spec, { accessModes: ['ReadWriteOnce'] });
  });
});
