import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollbackToAnnotation, templateGenerationAnnotation } from './apps.ts';
import { convert, ConversionError } from './index.ts';
import { deepFreeze, wire } from './testutil.ts';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.7.9', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
};
const selector = { matchLabels: { app: 'web' } };

const deploymentStatus = {
  observedGeneration: 2,
  replicas: 3,
  updatedReplicas: 3,
  readyReplicas: 3,
  availableReplicas: 3,
  conditions: [{ type: 'Available', status: 'True', lastUpdateTime: '2025-01-01T00:00:00Z', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'MinimumReplicasAvailable', message: 'ok' }],
};

function deployment(apiVersion: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>) {
  return deepFreeze({
    apiVersion,
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, ...(annotations ? { annotations } : {}) },
    spec: {
      replicas: 3,
      selector,
      template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
      minReadySeconds: 5,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...spec,
    },
    status: deploymentStatus,
  });
}

describe('Deployment: extensions/v1beta1 and apps/v1beta1 <-> apps/v1', () => {
  for (const old of ['extensions/v1beta1', 'apps/v1beta1']) {
    it(`${old}: the same spec and status, apiVersion changed`, () => {
      assert.deepEqual(convert(deployment(old), 'apps/v1'), deployment('apps/v1'));
      assert.deepEqual(convert(deployment('apps/v1'), old), deployment(old));
    });

    it(`${old}: spec.rollbackTo travels in the ${rollbackToAnnotation} annotation`, () => {
      const withRollback = deployment(old, { rollbackTo: { revision: 4 }, paused: true });
      const stored = convert(withRollback, 'apps/v1');
      const { rollbackTo: _r, ...spec } = withRollback.spec as Record<string, unknown>;
      assert.deepEqual(stored, { ...deployment('apps/v1', { paused: true }, { [rollbackToAnnotation]: '4' }), spec });
      assert.deepEqual(convert(stored, old), withRollback);
      // Revision 0 ("the last one") is `rollbackTo: {}`.
      const toLast = deployment(old, { rollbackTo: {} });
      assert.equal((convert(toLast, 'apps/v1').metadata as { annotations: Record<string, string> }).annotations[rollbackToAnnotation], '0');
      assert.deepEqual(convert(convert(toLast, 'apps/v1'), old), toLast);
    });

    it(`${old}: a stale annotation without rollbackTo is dropped on the way in`, () => {
      const stale = deployment(old, {}, { [rollbackToAnnotation]: '3', keep: 'me' });
      assert.deepEqual((convert(stale, 'apps/v1').metadata as Record<string, unknown>).annotations, { keep: 'me' });
    });

    it(`${old}: a bad annotation fails the conversion as upstream does`, () => {
      assert.throws(
        () => convert(deployment('apps/v1', {}, { [rollbackToAnnotation]: 'x' }), old),
        (e: Error) => e instanceof ConversionError && e.message.startsWith(`failed to parse annotation[${rollbackToAnnotation}]=x as int64`),
      );
    });
  }

  it('apps/v1beta2 is the same as apps/v1, annotation included', () => {
    const stored = deployment('apps/v1', {}, { [rollbackToAnnotation]: '2' });
    assert.deepEqual(convert(stored, 'apps/v1beta2'), deployment('apps/v1beta2', {}, { [rollbackToAnnotation]: '2' }));
    assert.deepEqual(convert(convert(stored, 'apps/v1beta2'), 'apps/v1'), stored);
  });

  it('converts between old versions through apps/v1', () => {
    const ext = deployment('extensions/v1beta1', { rollbackTo: { revision: 2 } });
    assert.deepEqual(convert(ext, 'apps/v1beta1'), deployment('apps/v1beta1', { rollbackTo: { revision: 2 } }));
    assert.deepEqual(convert(ext, 'apps/v1beta2'), deployment('apps/v1beta2', {}, { [rollbackToAnnotation]: '2' }));
  });

  it('the results are valid for their schemas', () => {
    for (const v of ['apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1']) {
      assert.doesNotThrow(() => wire(convert(deployment('extensions/v1beta1', { rollbackTo: { revision: 1 } }), v)), v);
    }
  });
});

describe('ReplicaSet: extensions/v1beta1 and apps/v1beta2 <-> apps/v1', () => {
  const rs = (apiVersion: string) =>
    deepFreeze({
      apiVersion,
      kind: 'ReplicaSet',
      metadata: { name: 'kubia' },
      spec: { replicas: 3, minReadySeconds: 1, selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia'] }] }, template },
      status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 },
    });
  for (const old of ['extensions/v1beta1', 'apps/v1beta2']) {
    it(`${old}: unchanged but for apiVersion`, () => {
      assert.deepEqual(convert(rs(old), 'apps/v1'), rs('apps/v1'));
      assert.deepEqual(convert(rs('apps/v1'), old), rs(old));
    });
  }
});

describe('DaemonSet: extensions/v1beta1 and apps/v1beta2 <-> apps/v1', () => {
  const ds = (apiVersion: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>) =>
    deepFreeze({
      apiVersion,
      kind: 'DaemonSet',
      metadata: { name: 'ssd-monitor', ...(annotations ? { annotations } : {}) },
      spec: {
        selector: { matchLabels: { app: 'ssd-monitor' } },
        template,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
        revisionHistoryLimit: 10,
        ...spec,
      },
      status: { currentNumberScheduled: 1, numberMisscheduled: 0, desiredNumberScheduled: 1, numberReady: 1, observedGeneration: 2, updatedNumberScheduled: 1 },
    });

  it(`extensions/v1beta1: spec.templateGeneration travels in the ${templateGenerationAnnotation} annotation`, () => {
    const old = ds('extensions/v1beta1', { templateGeneration: 2, updateStrategy: { type: 'OnDelete' } });
    const stored = ds('apps/v1', { updateStrategy: { type: 'OnDelete' } }, { [templateGenerationAnnotation]: '2' });
    assert.deepEqual(convert(old, 'apps/v1'), stored);
    assert.deepEqual(convert(stored, 'extensions/v1beta1'), old);
  });

  it('extensions/v1beta1: apps/v1 always has the annotation, "0" when there was no generation (as upstream)', () => {
    const stored = convert(ds('extensions/v1beta1'), 'apps/v1');
    assert.deepEqual((stored.metadata as Record<string, unknown>).annotations, { [templateGenerationAnnotation]: '0' });
    assert.deepEqual(convert(stored, 'extensions/v1beta1'), ds('extensions/v1beta1'));
  });

  it('extensions/v1beta1: an unparsable annotation fails as upstream (strconv.ParseInt)', () => {
    assert.throws(() => convert(ds('apps/v1', {}, { [templateGenerationAnnotation]: '' }), 'extensions/v1beta1'), /strconv.ParseInt: parsing "": invalid syntax/);
  });

  it('apps/v1beta2: unchanged but for apiVersion', () => {
    const stored = ds('apps/v1', {}, { [templateGenerationAnnotation]: '3' });
    assert.deepEqual(convert(stored, 'apps/v1beta2'), ds('apps/v1beta2', {}, { [templateGenerationAnnotation]: '3' }));
    assert.deepEqual(convert(convert(stored, 'apps/v1beta2'), 'apps/v1'), stored);
  });

  it('storage -> extensions/v1beta1 -> storage is the original', () => {
    const stored = ds('apps/v1', {}, { [templateGenerationAnnotation]: '7', other: 'x' });
    assert.deepEqual(convert(convert(stored, 'extensions/v1beta1'), 'apps/v1'), stored);
  });
});

describe('StatefulSet: apps/v1beta1 and apps/v1beta2 <-> apps/v1', () => {
  const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  const sts = (apiVersion: string, status: Record<string, unknown>, claimTemplate: Record<string, unknown> = claim) =>
    deepFreeze({
      apiVersion,
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'db' } },
        template,
        volumeClaimTemplates: [claimTemplate],
        serviceName: 'db',
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        revisionHistoryLimit: 10,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      },
      status,
    });

  it('apps/v1beta1: the same fields; observedGeneration is always printed there', () => {
    const status = { replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, currentRevision: 'db-1', updateRevision: 'db-1', collisionCount: 0, availableReplicas: 2 };
    const stored = sts('apps/v1', status);
    const old = sts('apps/v1beta1', { ...status, observedGeneration: 0 });
    assert.deepEqual(convert(stored, 'apps/v1beta1'), old);
    assert.deepEqual(convert(old, 'apps/v1'), stored);
    const observed = sts('apps/v1', { ...status, observedGeneration: 4 });
    assert.deepEqual(convert(convert(observed, 'apps/v1beta1'), 'apps/v1'), observed);
  });

  it('apps/v1beta1: volume claim templates get apiVersion and kind, as upstream sets them', () => {
    const bare = { metadata: { name: 'data' }, spec: claim.spec };
    const out = convert(sts('apps/v1beta1', {}, bare), 'apps/v1') as { spec: { volumeClaimTemplates: unknown[] } };
    assert.deepEqual(out.spec.volumeClaimTemplates, [claim]);
    const back = convert(sts('apps/v1', {}, bare), 'apps/v1beta1') as { spec: { volumeClaimTemplates: unknown[] } };
    assert.deepEqual(back.spec.volumeClaimTemplates, [claim]);
  });

  it('apps/v1beta2: unchanged but for apiVersion', () => {
    const status = { observedGeneration: 1, replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1 };
    assert.deepEqual(convert(sts('apps/v1beta2', status), 'apps/v1'), sts('apps/v1', status));
    assert.deepEqual(convert(sts('apps/v1', status), 'apps/v1beta2'), sts('apps/v1beta2', status));
  });
});

describe('ControllerRevision and Scale', () => {
  it('ControllerRevision: apps/v1beta1 and v1beta2 are apps/v1 with another apiVersion', () => {
    const cr = (apiVersion: string) => ({ apiVersion, kind: 'ControllerRevision', metadata: { name: 'db-1' }, data: { spec: { template } }, revision: 1 });
    assert.deepEqual(convert(cr('apps/v1beta1'), 'apps/v1'), cr('apps/v1'));
    assert.deepEqual(convert(cr('apps/v1'), 'apps/v1beta2'), cr('apps/v1beta2'));
  });

  for (const old of ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']) {
    it(`${old} Scale <-> autoscaling/v1 Scale: the selector as a map and as targetSelector`, () => {
      const v1 = deepFreeze({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 3 }, status: { replicas: 2, selector: 'app=web,tier=fe' } });
      const oldScale = { apiVersion: old, kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 3 }, status: { replicas: 2, selector: { app: 'web', tier: 'fe' }, targetSelector: 'app=web,tier=fe' } };
      assert.deepEqual(convert(v1, old), oldScale);
      assert.deepEqual(convert(oldScale, 'autoscaling/v1'), v1);
      // A set-based selector has no map form.
      const setBased = convert({ ...v1, status: { replicas: 2, selector: 'app in (a,b)' } }, old);
      assert.deepEqual(setBased.status, { replicas: 2, targetSelector: 'app in (a,b)' });
      // An old client that only knows the map.
      assert.deepEqual(convert({ ...oldScale, status: { replicas: 1, selector: { b: '2', a: '1' } } }, 'autoscaling/v1').status, { replicas: 1, selector: 'a=1,b=2' });
    });
  }
});
