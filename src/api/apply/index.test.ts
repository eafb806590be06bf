import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindType } from '../schema/registry.ts';
import {
  ApplyConflictError,
  ApplyError,
  FieldSet,
  buildLastApplied,
  decodeFieldsV1,
  encodeFieldsV1,
  fieldSetOf,
  lastAppliedConfigAnnotation,
  serverSideApply,
  updateManagedFields,
  upgradeClientSideApplyManagedFields,
  withManagedFields,
  type JsonObject,
  type ManagedFieldsEntry,
} from './index.ts';

const deploymentType = kindType('apps', 'v1', 'Deployment')!;
const configMapType = kindType('', 'v1', 'ConfigMap')!;
const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:01:00Z';
const T2 = '2025-01-01T00:02:00Z';

function deployment(replicas: number | undefined, image = 'nginx:1.27', extra: JsonObject = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image }] },
      },
      ...extra,
    },
  };
}

const apply = (live: JsonObject | undefined, applied: JsonObject, manager: string, opts: { force?: boolean; time?: string } = {}) =>
  serverSideApply(live, applied, { manager, apiVersion: applied['apiVersion'] as string, time: opts.time ?? T0, force: opts.force ?? false });

const entry = (mf: readonly ManagedFieldsEntry[], manager: string, operation = 'Apply') => mf.find((e) => e.manager === manager && e.operation === operation);
const meta = (o: JsonObject) => o['metadata'] as JsonObject;
const spec = (o: JsonObject) => o['spec'] as JsonObject;

describe('fieldsV1', () => {
  it('encodes a Deployment with containers by name as upstream', () => {
    const set = fieldSetOf(deploymentType, {
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    assert.equal(
      JSON.stringify(encodeFieldsV1(set)),
      '{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}',
    );
  });

  it('sorts fields, then keys, and keys ports by sorted key fields', () => {
    const set = fieldSetOf(kindType('', 'v1', 'Pod')!, {
      metadata: { finalizers: ['b', 'a'], labels: { z: '1', a: '2' } },
      spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, protocol: 'TCP' }] }], nodeSelector: { a: 'b' } },
    });
    assert.deepEqual(encodeFieldsV1(set), {
      'f:metadata': { 'f:finalizers': { 'v:"a"': {}, 'v:"b"': {} }, 'f:labels': { 'f:a': {}, 'f:z': {} } },
      'f:spec': {
        'f:containers': {
          'k:{"name":"c"}': { '.': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } } },
        },
        // PodSpec.nodeSelector is +mapType=atomic
        'f:nodeSelector': {},
      },
    });
    assert.deepEqual(Object.keys(encodeFieldsV1(set)['f:metadata'] as object), ['f:finalizers', 'f:labels']);
  });

  it('sorts field names by code point, as Go compares strings', () => {
    // JavaScript's '<' puts U+1F600 (a surrogate pair) before U+FFFD; Go's order is the other way.
    const set = fieldSetOf(configMapType, { data: { '\u{1F600}': 'x', b: 'y', '\uFFFD': 'z', a: 'w' } });
    assert.deepEqual(Object.keys(encodeFieldsV1(set)['f:data'] as object), ['f:a', 'f:b', 'f:\uFFFD', 'f:\u{1F600}']);
  });

  it('treats atomic structs and lists as leaves', () => {
    const set = fieldSetOf(deploymentType, { spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'x', args: ['a'] }] } } } });
    assert.deepEqual(encodeFieldsV1(set), {
      'f:spec': { 'f:selector': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"x"}': { '.': {}, 'f:args': {}, 'f:name': {} } } } } },
    });
  });

  it('round-trips through decode', () => {
    const json = { 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { 'f:x': {} } } };
    const set = decodeFieldsV1(JSON.stringify(json));
    assert.deepEqual(encodeFieldsV1(set), json);
    assert.equal(set.paths().length, 3);
  });
});

describe('serverSideApply', () => {
  it('creates with an Apply entry', () => {
    const r = apply(undefined, deployment(3), 'kubectl');
    assert.equal(spec(r.object)['replicas'], 3);
    assert.deepEqual(r.managedFields, [
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
            },
          },
        },
      },
    ]);
    assert.deepEqual(meta(r.object)['managedFields'], r.managedFields);
  });

  it('reports a conflict with upstream message and causes', () => {
    const created = apply(undefined, deployment(3), 'kubectl').object;
    assert.throws(
      () => apply(created, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 5 } }, 'other'),
      (e: unknown) => {
        assert.ok(e instanceof ApplyConflictError);
        assert.equal(e.code, 409);
        assert.equal(e.message, 'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas');
        assert.deepEqual(e.toStatus(), {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas',
          reason: 'Conflict',
          details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl"', field: '.spec.replicas' }] },
          code: 409,
        });
        return true;
      },
    );
  });

  it('names Update managers with their apiVersion in conflicts', () => {
    const created = apply(undefined, deployment(3), 'a').object;
    const edited = { ...created, spec: { ...spec(created), replicas: 4 } };
    const mf = updateManagedFields(created, edited, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', time: T1 });
    const live = withManagedFields(edited, mf);
    assert.throws(
      () => apply(live, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 5 } }, 'b'),
      { message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas' },
    );
  });

  it('lists several conflicts by manager', () => {
    const created = apply(undefined, deployment(3), 'a').object;
    assert.throws(() => apply(created, deployment(5, 'nginx:2'), 'b'), (e: unknown) => {
      assert.ok(e instanceof ApplyConflictError);
      assert.equal(
        e.message,
        'Apply failed with 2 conflicts: conflicts with "a":\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
      );
      assert.deepEqual(
        e.causes?.map((c) => c.field),
        ['.spec.replicas', '.spec.template.spec.containers[name="nginx"].image'],
      );
      return true;
    });
  });

  it('applying the same value shares ownership without conflict', () => {
    const created = apply(undefined, deployment(3), 'a').object;
    const r = apply(created, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3 } }, 'b', { time: T1 });
    assert.equal(r.changed, false);
    assert.ok(entry(r.managedFields, 'a'));
    assert.deepEqual(entry(r.managedFields, 'b')?.fieldsV1, { 'f:spec': { 'f:replicas': {} } });
    assert.equal(entry(r.managedFields, 'b')?.time, undefined);
  });

  it('force takes fields over', () => {
    const created = apply(undefined, deployment(3), 'a').object;
    const r = apply(created, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 5 } }, 'b', { force: true, time: T1 });
    assert.equal(spec(r.object)['replicas'], 5);
    const a = FieldSet.fromFieldsV1(entry(r.managedFields, 'a')!.fieldsV1);
    assert.equal(a.has([{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }]), false);
    assert.deepEqual(entry(r.managedFields, 'b')?.fieldsV1, { 'f:spec': { 'f:replicas': {} } });
    assert.equal(entry(r.managedFields, 'b')?.time, T1);
    assert.deepEqual(
      r.managedFields.map((e) => e.manager),
      ['a', 'b'],
    );
  });

  it('removing a field from the applied config deletes it', () => {
    const created = apply(undefined, deployment(3, 'nginx', { minReadySeconds: 5 }), 'kubectl').object;
    assert.equal(spec(created)['minReadySeconds'], 5);
    const r = apply(created, deployment(3), 'kubectl', { time: T1 });
    assert.equal(Object.hasOwn(spec(r.object), 'minReadySeconds'), false);
    assert.equal(spec(r.object)['replicas'], 3);
  });

  it('keeps a removed field that another manager also owns', () => {
    const created = apply(undefined, deployment(3), 'a').object;
    const shared = apply(created, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3 } }, 'b').object;
    const r = apply(shared, deployment(undefined), 'a', { time: T1 });
    assert.equal(spec(r.object)['replicas'], 3);
  });

  it('merges map lists by key and removes items no longer applied', () => {
    const two = deployment(1);
    ((spec(two)['template'] as JsonObject)['spec'] as JsonObject)['containers'] = [
      { name: 'nginx', image: 'nginx' },
      { name: 'sidecar', image: 'busybox' },
    ];
    const created = apply(undefined, two, 'a').object;
    const r = apply(created, deployment(1, 'nginx:2'), 'a', { time: T1 });
    const containers = ((spec(r.object)['template'] as JsonObject)['spec'] as JsonObject)['containers'] as JsonObject[];
    assert.deepEqual(containers, [{ name: 'nginx', image: 'nginx:2' }]);
    // a second manager adds its own container: both kept
    const added = apply(
      r.object,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { template: { spec: { containers: [{ name: 'log', image: 'fluentd' }] } } },
      },
      'b',
    );
    const after = ((spec(added.object)['template'] as JsonObject)['spec'] as JsonObject)['containers'] as JsonObject[];
    assert.deepEqual(
      after.map((c) => c['name']),
      ['nginx', 'log'],
    );
  });

  it('rejects a wrong apiVersion or kind and managedFields in the configuration', () => {
    assert.throws(
      () => serverSideApply(undefined, { apiVersion: 'apps/v1beta1', kind: 'Deployment' }, { manager: 'm', apiVersion: 'apps/v1', kind: 'Deployment' }),
      (e: unknown) => e instanceof ApplyError && e.code === 400 && e.message === 'invalid object type: apps/v1beta1, Kind=Deployment',
    );
    assert.throws(
      () => serverSideApply(undefined, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', managedFields: [] } }, { manager: 'm', apiVersion: 'v1' }),
      { message: 'metadata.managedFields must be nil' },
    );
  });

  it('resetFields: status on the main resource is not owned', () => {
    const cfg = { ...deployment(1), status: { replicas: 9 } };
    const r = serverSideApply(undefined, cfg, { manager: 'm', apiVersion: 'apps/v1', time: T0, resetFields: [['status']] });
    const set = FieldSet.fromFieldsV1(r.managedFields[0]!.fieldsV1);
    assert.equal(set.has([{ kind: 'field', name: 'status' }, { kind: 'field', name: 'replicas' }]), false);
  });

  it('ConfigMap: data keys owned per manager', () => {
    const cm = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data });
    const created = serverSideApply(undefined, cm({ a: '1', b: '2' }), { manager: 'm1', apiVersion: 'v1', type: configMapType, time: T0 }).object;
    const r = serverSideApply(created, cm({ c: '3' }), { manager: 'm2', apiVersion: 'v1', time: T1 });
    assert.deepEqual(r.object['data'], { a: '1', b: '2', c: '3' });
    const r2 = serverSideApply(r.object, cm({ a: '1' }), { manager: 'm1', apiVersion: 'v1', time: T2 });
    assert.deepEqual(r2.object['data'], { a: '1', c: '3' });
    assert.deepEqual(entry(r2.managedFields, 'm1')?.fieldsV1, { 'f:data': { 'f:a': {} } });
  });

  it('attributes fields set before the first apply to before-first-apply', () => {
    const live = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', uid: 'u' }, data: { a: '1' } };
    const r = serverSideApply(live, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { b: '2' } }, { manager: 'm', apiVersion: 'v1', time: T1 });
    assert.deepEqual(
      r.managedFields.map((e) => [e.manager, e.operation]),
      [
        ['m', 'Apply'],
        ['before-first-apply', 'Update'],
      ],
    );
    assert.deepEqual(entry(r.managedFields, 'before-first-apply', 'Update')?.fieldsV1, { 'f:data': { '.': {}, 'f:a': {} } });
  });
});

describe('updateManagedFields', () => {
  it('records a create as an Update entry from the zero object', () => {
    const obj = deployment(2, 'nginx', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } });
    const mf = updateManagedFields(undefined, obj, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', time: T0 });
    assert.deepEqual(mf, [
      {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {} }, 'f:type': {} },
            'f:template': {
              'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
              'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
            },
          },
        },
      },
    ]);
  });

  it('an Update by kubectl-edit after an apply splits ownership', () => {
    const created = apply(undefined, deployment(3), 'kubectl').object;
    const edited = { ...created, spec: { ...spec(created), replicas: 7 } };
    const mf = updateManagedFields(created, edited, { manager: 'kubectl-edit', apiVersion: 'apps/v1', time: T1 });
    assert.deepEqual(
      mf.map((e) => [e.manager, e.operation, e.time]),
      [
        ['kubectl', 'Apply', T0],
        ['kubectl-edit', 'Update', T1],
      ],
    );
    assert.deepEqual(entry(mf, 'kubectl-edit', 'Update')?.fieldsV1, { 'f:spec': { 'f:replicas': {} } });
    const applier = FieldSet.fromFieldsV1(entry(mf, 'kubectl')!.fieldsV1);
    assert.equal(applier.has([{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }]), false);
    assert.equal(applier.has([{ kind: 'field', name: 'metadata' }, { kind: 'field', name: 'labels' }, { kind: 'field', name: 'app' }]), true);
    // re-applying replicas now conflicts with kubectl-edit
    const live = withManagedFields(edited, mf);
    assert.throws(() => apply(live, deployment(3), 'kubectl'), {
      message: 'Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas',
    });
  });

  it('merges repeated updates by the same manager and keeps managedFields sent by the client', () => {
    const created = apply(undefined, deployment(3), 'kubectl').object;
    const e1 = { ...created, spec: { ...spec(created), replicas: 4 } };
    const mf1 = updateManagedFields(created, e1, { manager: 'ed', apiVersion: 'apps/v1', time: T1 });
    const l1 = withManagedFields(e1, mf1);
    const e2 = { ...l1, spec: { ...spec(l1), minReadySeconds: 9 } };
    const mf2 = updateManagedFields(l1, e2, { manager: 'ed', apiVersion: 'apps/v1', time: T2 });
    assert.deepEqual(entry(mf2, 'ed', 'Update')?.fieldsV1, { 'f:spec': { 'f:minReadySeconds': {}, 'f:replicas': {} } });
    assert.equal(entry(mf2, 'ed', 'Update')?.time, T2);
    // a client clearing managedFields
    const cleared = withManagedFields(e2, []);
    (cleared['metadata'] as JsonObject)['managedFields'] = [];
    assert.deepEqual(updateManagedFields({ ...l1, metadata: { ...meta(l1), uid: 'u' } }, cleared, { manager: 'ed', apiVersion: 'apps/v1' }), []);
  });

  it('removed fields leave their owners', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1', b: '2' } };
    const created = serverSideApply(undefined, cm, { manager: 'm', apiVersion: 'v1', time: T0 }).object;
    const next = { ...created, data: { a: '1' } };
    const mf = updateManagedFields(created, next, { manager: 'x', apiVersion: 'v1', time: T1 });
    assert.deepEqual(mf, [{ manager: 'm', operation: 'Apply', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } }]);
  });

  it('caps Update managers at 10, merging the oldest into ancient-changes', () => {
    let obj: JsonObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: {} };
    obj = withManagedFields(obj, updateManagedFields(undefined, obj, { manager: 'creator', apiVersion: 'v1', time: T0 }));
    for (let i = 0; i < 12; i++) {
      const next = { ...obj, data: { ...(obj['data'] as JsonObject), [`k${i}`]: 'v' } };
      const time = new Date(Date.parse(T0) + (i + 1) * 1000);
      obj = withManagedFields(next, updateManagedFields(obj, next, { manager: `m${i}`, apiVersion: 'v1', time }));
    }
    const mf = meta(obj)['managedFields'] as ManagedFieldsEntry[];
    assert.equal(mf.length, 10);
    assert.ok(mf.some((e) => e.manager === 'ancient-changes'));
  });
});

describe('client-side apply migration', () => {
  it('kubectl server-side apply takes over what client-side apply last applied', () => {
    const csa = deployment(3);
    const lastApplied = buildLastApplied(csa);
    const withAnnotation = { ...csa, metadata: { ...meta(csa), annotations: { [lastAppliedConfigAnnotation]: lastApplied } } };
    const mf = updateManagedFields(undefined, withAnnotation, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', time: T0 });
    const live = withManagedFields(withAnnotation, mf);
    // another manager conflicts
    assert.throws(() => apply(live, deployment(5), 'someone'), ApplyConflictError);
    // kubectl does not: the fields are as client-side apply last applied them
    const r = apply(live, deployment(5), 'kubectl', { time: T1 });
    assert.equal(spec(r.object)['replicas'], 5);
    const kubectl = FieldSet.fromFieldsV1(entry(r.managedFields, 'kubectl')!.fieldsV1);
    assert.equal(kubectl.has([{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }]), true);
    const csaSet = FieldSet.fromFieldsV1(entry(r.managedFields, 'kubectl-client-side-apply', 'Update')!.fieldsV1);
    assert.equal(csaSet.has([{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }]), false);
    // the annotation follows the applied configuration
    const annotation = (meta(r.object)['annotations'] as JsonObject)[lastAppliedConfigAnnotation] as string;
    assert.equal(JSON.parse(annotation).spec.replicas, 5);
    assert.ok(annotation.endsWith('\n'));
  });

  it('still conflicts on fields changed since the last client-side apply', () => {
    const csa = deployment(3);
    const withAnnotation = { ...csa, metadata: { ...meta(csa), annotations: { [lastAppliedConfigAnnotation]: buildLastApplied(csa) } } };
    const live0 = withManagedFields(withAnnotation, updateManagedFields(undefined, withAnnotation, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', time: T0 }));
    const scaled = { ...live0, spec: { ...spec(live0), replicas: 4 } };
    const live = withManagedFields(scaled, updateManagedFields(live0, scaled, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', time: T1 }));
    assert.throws(() => apply(live, deployment(5), 'kubectl'), {
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
    });
  });

  it('upgrades client-side apply entries to the kubectl Apply entry (csaupgrade)', () => {
    const mf: ManagedFieldsEntry[] = [
      { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
      { manager: 'other', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:paused': {} } } },
    ];
    assert.deepEqual(upgradeClientSideApplyManagedFields(mf), [
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
      mf[1],
    ]);
  });
});

describe("updateManagedFields through a pod's life", () => {
  // Expected JSON text, byte for byte, as the unoptimized implementation printed it.
  const controllerEntry =
    '{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","time":"2025-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}},"f:ownerReferences":{".":{},"k:{\\"uid\\":\\"rs-uid\\"}":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"app\\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{".":{},"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{},"f:protocol":{}}},"f:resources":{".":{},"f:requests":{".":{},"f:cpu":{}}}}},"f:restartPolicy":{}}}}';
  const kubeletEntry = (time: string) =>
    `{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"${time}","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:conditions":{".":{},"k:{\\"type\\":\\"Ready\\"}":{".":{},"f:lastTransitionTime":{},"f:status":{},"f:type":{}}},"f:containerStatuses":{},"f:phase":{},"f:podIP":{},"f:podIPs":{".":{},"k:{\\"ip\\":\\"10.0.0.5\\"}":{".":{},"f:ip":{}}}}},"subresource":"status"}`;
  const labelEntry = '{"manager":"kubectl-label","operation":"Update","apiVersion":"v1","time":"2025-01-01T00:02:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{"f:extra":{}}}}}';

  const pod: JsonObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true }] },
    spec: { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { requests: { cpu: '100m' } } }], restartPolicy: 'Always' },
    status: {},
  };
  const statusUpdate = { manager: 'kubelet', apiVersion: 'v1', resetFields: [['spec']], subresource: 'status' };

  it('records the creator, the kubelet on the status subresource, and a later label edit', () => {
    const created = withManagedFields(pod, updateManagedFields(undefined, pod, { manager: 'kube-controller-manager', apiVersion: 'v1', time: T0, resetFields: [['status']] }));
    assert.equal(JSON.stringify(meta(created)['managedFields']), `[${controllerEntry}]`);

    // Scheduled, then running: the kubelet's status update changes no field of the spec's owner.
    const stored = { ...created, metadata: { ...meta(created), uid: 'pod-uid' }, spec: { ...spec(created), nodeName: 'node-1' } };
    const status = {
      phase: 'Running',
      podIP: '10.0.0.5',
      podIPs: [{ ip: '10.0.0.5' }],
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: T1 }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image: 'nginx', imageID: '', started: true }],
    };
    const running = { ...stored, status };
    const first = updateManagedFields(stored, running, { ...statusUpdate, time: T1 });
    assert.equal(JSON.stringify(first), `[${controllerEntry},${kubeletEntry(T1)}]`);

    // The same manager again: its entry takes the new time.
    const live = withManagedFields(running, first);
    const notReady = { ...live, status: { ...status, conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: T2 }] } };
    assert.equal(JSON.stringify(updateManagedFields(live, notReady, { ...statusUpdate, time: T2 })), `[${controllerEntry},${kubeletEntry(T2)}]`);

    // A client that sends managedFields with keys out of order gets them in upstream's order.
    const reordered = first.map((e) => ({ ...e, fieldsV1: Object.fromEntries(Object.entries(e.fieldsV1!).reverse()) }));
    const relabeled = { ...live, metadata: { ...meta(live), labels: { app: 'web', extra: 'x' }, managedFields: reordered } };
    const third = updateManagedFields(live, relabeled, { manager: 'kubectl-label', apiVersion: 'v1', time: T2, resetFields: [['status']] });
    assert.equal(JSON.stringify(third), `[${controllerEntry},${kubeletEntry(T1)},${labelEntry}]`);
  });

  it('reports a bad map list item on the ignored side as before', () => {
    const live = withManagedFields(pod, updateManagedFields(undefined, pod, { manager: 'kube-controller-manager', apiVersion: 'v1', time: T0 }));
    // The spec is the status subresource's reset field, yet its containers are still read.
    const broken = { ...live, spec: { containers: [{ image: 'nginx' }] } };
    assert.throws(() => updateManagedFields(live, broken, { ...statusUpdate, time: T1 }), {
      name: 'ApplyTypeError',
      message: 'associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    });
  });
});
