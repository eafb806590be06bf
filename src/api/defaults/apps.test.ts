// Workload defaulting per version, after upstream's apps/v1, apps/v1beta2, apps/v1beta1
// and extensions/v1beta1 defaults_test.go (TestSetDefaultDeployment, TestSetDefaultDaemonSetSpec,
// TestSetDefaultStatefulSet, TestSetDefaultReplicaSet...).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from './index.ts';

type Obj = Record<string, unknown>;
const defaulted = (group: string, version: string, kind: string, object: Obj): Obj => {
  applyDefaults(group, version, kind, object);
  return object;
};
const spec = (o: Obj) => o.spec as Obj;

const labels = { app: 'web' };
const template = (): Obj => ({ metadata: { labels: { ...labels } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } });
const templateDefaults: Obj = {
  metadata: { labels },
  spec: {
    containers: [{ name: 'c', image: 'nginx:1', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  },
};

describe('apps/v1 Deployment', () => {
  it('fills replicas, rolling update 25%/25%, history and progress deadline', () => {
    const d = defaulted('apps', 'v1', 'Deployment', { metadata: { name: 'd' }, spec: { selector: { matchLabels: labels }, template: template() } });
    assert.deepEqual(d, {
      metadata: { name: 'd' },
      spec: {
        selector: { matchLabels: labels },
        template: templateDefaults,
        replicas: 1,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    });
  });

  it('fills only the missing rolling update parameter', () => {
    const d = defaulted('apps', 'v1', 'Deployment', { spec: { strategy: { rollingUpdate: { maxSurge: 0 } }, replicas: 5, revisionHistoryLimit: 0, progressDeadlineSeconds: 30 } });
    assert.deepEqual(spec(d).strategy, { rollingUpdate: { maxSurge: 0, maxUnavailable: '25%' }, type: 'RollingUpdate' });
    assert.equal(spec(d).replicas, 5);
    assert.equal(spec(d).revisionHistoryLimit, 0);
    assert.equal(spec(d).progressDeadlineSeconds, 30);
  });

  it('adds no rolling update parameters to Recreate', () => {
    const d = defaulted('apps', 'v1', 'Deployment', { spec: { strategy: { type: 'Recreate' } } });
    assert.deepEqual(spec(d).strategy, { type: 'Recreate' });
  });

  it('does not default the selector from the template', () => {
    const d = defaulted('apps', 'v1', 'Deployment', { metadata: { name: 'd' }, spec: { template: template() } });
    assert.equal(spec(d).selector, undefined);
    assert.deepEqual(d.metadata, { name: 'd' });
  });
});

describe('apps/v1 DaemonSet, ReplicaSet, StatefulSet', () => {
  it('DaemonSet rolls 1 unavailable, 0 surge, keeps 10 revisions', () => {
    const ds = defaulted('apps', 'v1', 'DaemonSet', { spec: { selector: { matchLabels: labels }, template: template() } });
    assert.deepEqual(ds.spec, {
      selector: { matchLabels: labels },
      template: templateDefaults,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    });
    const onDelete = defaulted('apps', 'v1', 'DaemonSet', { spec: { updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 1 } });
    // The (required) template is a Go struct: its spec gets the PodSpec defaults even when absent.
    assert.deepEqual(onDelete.spec, { updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 1, template: { spec: podSpecOnly() } });
  });

  it('ReplicaSet replicas', () => {
    const rs = defaulted('apps', 'v1', 'ReplicaSet', { metadata: { name: 'r' }, spec: { template: template() } });
    assert.deepEqual(rs, { metadata: { name: 'r' }, spec: { template: templateDefaults, replicas: 1 } });
  });

  it('StatefulSet: OrderedReady, RollingUpdate partition 0, Retain/Retain, replicas, history', () => {
    const sts = defaulted('apps', 'v1', 'StatefulSet', {
      spec: {
        serviceName: 's',
        selector: { matchLabels: labels },
        template: template(),
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    });
    assert.deepEqual(sts.spec, {
      serviceName: 's',
      selector: { matchLabels: labels },
      template: templateDefaults,
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
          status: { phase: 'Pending' },
        },
      ],
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    });
  });

  it('StatefulSet: an explicit RollingUpdate gets no rollingUpdate block, a given one gets its partition', () => {
    const explicit = defaulted('apps', 'v1', 'StatefulSet', { spec: { updateStrategy: { type: 'RollingUpdate' } } });
    assert.deepEqual(spec(explicit).updateStrategy, { type: 'RollingUpdate' });
    const given = defaulted('apps', 'v1', 'StatefulSet', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: {} } } });
    assert.deepEqual(spec(given).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
    const onDelete = defaulted('apps', 'v1', 'StatefulSet', {
      spec: { podManagementPolicy: 'Parallel', updateStrategy: { type: 'OnDelete' }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' } },
    });
    assert.equal(spec(onDelete).podManagementPolicy, 'Parallel');
    assert.deepEqual(spec(onDelete).updateStrategy, { type: 'OnDelete' });
    assert.deepEqual(spec(onDelete).persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Delete', whenScaled: 'Retain' });
  });
});

function podSpecOnly(): Obj {
  const { containers: _containers, ...rest } = templateDefaults.spec as Obj;
  return rest;
}

describe('apps/v1beta2', () => {
  it('matches apps/v1', () => {
    for (const kind of ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet']) {
      const v1 = defaulted('apps', 'v1', kind, { spec: { template: template() } });
      const v1beta2 = defaulted('apps', 'v1beta2', kind, { spec: { template: template() } });
      assert.deepEqual(v1beta2, v1, kind);
    }
  });
});

describe('apps/v1beta1', () => {
  it('Deployment: selector and labels from the template, 2 revisions', () => {
    const d = defaulted('apps', 'v1beta1', 'Deployment', { metadata: { name: 'd' }, spec: { template: template() } });
    assert.deepEqual(d, {
      metadata: { name: 'd', labels },
      spec: {
        template: templateDefaults,
        selector: { matchLabels: labels },
        replicas: 1,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 2,
        progressDeadlineSeconds: 600,
      },
    });
  });

  it('StatefulSet: OnDelete by default, selector from the template', () => {
    const sts = defaulted('apps', 'v1beta1', 'StatefulSet', { spec: { template: template() } });
    assert.deepEqual(sts, {
      metadata: { labels },
      spec: {
        template: templateDefaults,
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'OnDelete' },
        selector: { matchLabels: labels },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        replicas: 1,
        revisionHistoryLimit: 10,
      },
    });
    const rolling = defaulted('apps', 'v1beta1', 'StatefulSet', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: {} } } });
    assert.deepEqual(spec(rolling).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  });
});

describe('extensions/v1beta1', () => {
  it('Deployment: selector and labels from the template, 1/1 rolling update, MaxInt32 limits', () => {
    const d = defaulted('extensions', 'v1beta1', 'Deployment', { metadata: { name: 'd' }, spec: { template: template() } });
    assert.deepEqual(d, {
      metadata: { name: 'd', labels },
      spec: {
        template: templateDefaults,
        selector: { matchLabels: labels },
        replicas: 1,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } },
        revisionHistoryLimit: 2147483647,
        progressDeadlineSeconds: 2147483647,
      },
    });
  });

  it('Deployment: keeps a given selector and labels, fills a rollingUpdate given with Recreate', () => {
    const d = defaulted('extensions', 'v1beta1', 'Deployment', {
      metadata: { labels: { own: 'x' } },
      spec: { selector: { matchLabels: { other: 'y' } }, template: template(), strategy: { type: 'Recreate', rollingUpdate: {} } },
    });
    assert.deepEqual(d.metadata, { labels: { own: 'x' } });
    assert.deepEqual(spec(d).selector, { matchLabels: { other: 'y' } });
    assert.deepEqual(spec(d).strategy, { type: 'Recreate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } });
  });

  it('Deployment: no selector without template labels', () => {
    const d = defaulted('extensions', 'v1beta1', 'Deployment', { spec: { template: { spec: { containers: [] } } } });
    assert.equal(spec(d).selector, undefined);
    assert.equal(d.metadata, undefined);
  });

  it('DaemonSet: OnDelete by default, selector from the template', () => {
    const ds = defaulted('extensions', 'v1beta1', 'DaemonSet', { spec: { template: template() } });
    assert.deepEqual(ds, {
      metadata: { labels },
      spec: { template: templateDefaults, selector: { matchLabels: labels }, updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 10 },
    });
    const rolling = defaulted('extensions', 'v1beta1', 'DaemonSet', { spec: { updateStrategy: { type: 'RollingUpdate' } } });
    assert.deepEqual(spec(rolling).updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  });

  it('ReplicaSet: selector and labels from the template', () => {
    const rs = defaulted('extensions', 'v1beta1', 'ReplicaSet', { spec: { template: template() } });
    assert.deepEqual(rs, { metadata: { labels }, spec: { template: templateDefaults, selector: { matchLabels: labels }, replicas: 1 } });
  });
});

describe('ControllerRevision', () => {
  it('has no defaults', () => {
    const cr = defaulted('apps', 'v1', 'ControllerRevision', { revision: 1, data: { spec: { template: {} } } });
    assert.deepEqual(cr, { revision: 1, data: { spec: { template: {} } } });
  });
});
