import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allGroupVersions,
  allTypes,
  findType,
  getType,
  isWellKnown,
  kindType,
  kindsOf,
  resolveTypeExpr,
} from './registry.ts';
import { wellKnownTypes, type FieldDef, type ResolvedType, type TypeDef } from './types.ts';

const core = 'io.k8s.api.core.v1';
const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1';

function field(type: string, name: string): FieldDef {
  const f = getType(type).fieldsByName.get(name);
  assert.ok(f, `${type}.${name} exists`);
  return f;
}

function message(name: string): ResolvedType {
  return { kind: 'message', name };
}

describe('schema registry: integrity', () => {
  const types = allTypes();

  it('loads every package of the index', () => {
    assert.equal(allGroupVersions().length, 21);
    assert.ok(types.length > 500, `${types.length} types`);
    const names = new Set(types.map((t) => t.name));
    assert.equal(names.size, types.length);
  });

  it('resolves every referenced type', () => {
    const missing: string[] = [];
    const check = (where: string, t: ResolvedType) => {
      if (t.kind === 'list') check(where, t.items);
      else if (t.kind === 'map') check(where, t.values);
      else if (t.kind === 'message' && !findType(t.name)) missing.push(`${where} -> ${t.name}`);
      else if (t.kind === 'wellKnown') assert.ok(isWellKnown(t.name), t.name);
    };
    for (const t of types) {
      for (const f of t.fields) check(`${t.name}.${f.name}`, f.type);
      if (t.wraps) check(t.name, t.wraps.type);
    }
    assert.deepEqual(missing, []);
  });

  it('never names a well-known type as a message, nor defines one', () => {
    for (const name of Object.values(wellKnownTypes)) {
      assert.equal(findType(name), undefined, name);
      assert.deepEqual(resolveTypeExpr(name, core), { kind: 'wellKnown', name });
    }
  });

  it('has unique protobuf numbers, and 0 only for JSON-only fields', () => {
    for (const t of types) {
      const numbered = t.fields.filter((f) => f.number !== 0);
      assert.equal(t.fieldsByNumber.size, numbered.length, `${t.name}: duplicate numbers`);
      for (const f of t.fields) assert.ok(Number.isInteger(f.number) && f.number >= 0, `${t.name}.${f.name}`);
    }
  });

  it('flattens inline fields without losing any to a name clash', () => {
    const jsonCount = (t: TypeDef): number =>
      t.fields.reduce((n, f) => n + (f.inline && f.type.kind === 'message' ? jsonCount(getType(f.type.name)) : 1), 0);
    for (const t of types) assert.equal(t.fieldsByName.size, jsonCount(t), t.name);
  });

  it('keeps merge keys, list map keys and enums consistent with the field types', () => {
    for (const t of types) {
      for (const f of t.fields) {
        const where = `${t.name}.${f.name}`;
        if (f.listMapKeys) assert.equal(f.listType, 'map', where);
        if (f.patchMergeKey || f.listMapKeys) {
          assert.equal(f.type.kind, 'list', where);
          const items = f.type.kind === 'list' ? f.type.items : f.type;
          assert.equal(items.kind, 'message', where);
          const itemType = getType(items.kind === 'message' ? items.name : '');
          for (const k of [...(f.listMapKeys ?? []), ...(f.patchMergeKey ? [f.patchMergeKey] : [])]) {
            assert.ok(itemType.fieldsByName.has(k), `${where}: key ${k}`);
          }
        }
        if (f.enum) assert.ok(f.enum.length > 0 && [...f.enum].sort().join() === f.enum.join(), where);
      }
    }
  });

  it('gives every kind a type, with kind and apiVersion first where TypeMeta is inlined', () => {
    for (const gv of allGroupVersions()) {
      assert.ok(gv.kinds.length > 0, gv.package);
      for (const kind of gv.kinds) {
        const t = kindType(gv.group, gv.version, kind);
        assert.ok(t, `${gv.group}/${gv.version} ${kind}`);
        assert.equal(t.name, `${gv.package}.${kind}`);
        if (kind.endsWith('List') && kind !== 'APIGroupList' && kind !== 'APIResourceList') {
          assert.equal(t.fieldsByName.get('items')?.type.kind, 'list', t.name);
        }
        const [first, second] = t.fields;
        if (first?.number === 0) {
          assert.deepEqual([first.name, second?.name, second?.number], ['kind', 'apiVersion', 0], t.name);
        }
      }
    }
  });
});

describe('schema registry: lookups', () => {
  it('finds kinds by group, version and kind', () => {
    assert.equal(kindType('', 'v1', 'Pod')?.name, `${core}.Pod`);
    assert.equal(kindType('', 'v1', 'PodList')?.name, `${core}.PodList`);
    assert.equal(kindType('apps', 'v1', 'Deployment')?.name, 'io.k8s.api.apps.v1.Deployment');
    assert.equal(kindType('extensions', 'v1beta1', 'Deployment')?.name, 'io.k8s.api.extensions.v1beta1.Deployment');
    assert.equal(kindType('rbac.authorization.k8s.io', 'v1', 'ClusterRole')?.name, 'io.k8s.api.rbac.v1.ClusterRole');
    assert.equal(kindType('meta.k8s.io', 'v1', 'Table')?.name, `${meta}.Table`);
    assert.equal(kindType('', 'v1', 'Deployment'), undefined);
    assert.equal(kindType('nope.example.com', 'v1', 'Pod'), undefined);
  });

  it('serves meta kinds where upstream scheme registers them', () => {
    assert.equal(kindType('apps', 'v1', 'DeleteOptions')?.name, `${meta}.DeleteOptions`);
    assert.equal(kindType('batch', 'v1', 'WatchEvent')?.name, `${meta}.WatchEvent`);
    assert.equal(kindType('', 'v1', 'Status')?.name, `${meta}.Status`);
    assert.equal(kindType('', 'v1', 'APIResourceList')?.name, `${meta}.APIResourceList`);
  });

  it('lists kinds per group version', () => {
    const coreKinds = kindsOf('', 'v1');
    for (const k of ['Pod', 'PodList', 'Binding', 'Namespace', 'Secret', 'Service', 'PodExecOptions', 'List']) {
      assert.ok(coreKinds.includes(k), k);
    }
    assert.ok(!coreKinds.includes('ObjectReference'));
    assert.ok(!coreKinds.includes('PodSpec'));
    assert.deepEqual([...kindsOf('coordination.k8s.io', 'v1')], ['Lease', 'LeaseList']);
    assert.deepEqual(kindsOf('nope', 'v1'), []);
  });

  it('throws on unknown names in getType, not in findType', () => {
    assert.throws(() => getType(`${core}.NoSuchType`), /unknown type/);
    assert.equal(findType(`${core}.NoSuchType`), undefined);
    assert.equal(findType('io.k8s.api.nope.v1.Pod'), undefined);
    assert.equal(findType(`${core}.toString`), undefined);
  });

  it('returns one shared TypeDef per name', () => {
    assert.equal(getType(`${core}.Pod`), kindType('', 'v1', 'Pod'));
  });
});

describe('schema registry: upstream facts', () => {
  it('Pod', () => {
    const pod = getType(`${core}.Pod`);
    assert.deepEqual(
      pod.fields.map((f) => [f.name, f.number]),
      [
        ['kind', 0],
        ['apiVersion', 0],
        ['metadata', 1],
        ['spec', 2],
        ['status', 3],
      ],
    );
    assert.deepEqual(field(`${core}.Pod`, 'metadata').type, message(`${meta}.ObjectMeta`));
  });

  it('PodSpec lists', () => {
    const containers = field(`${core}.PodSpec`, 'containers');
    assert.equal(containers.number, 2);
    assert.deepEqual(containers.type, { kind: 'list', items: message(`${core}.Container`) });
    assert.equal(containers.patchStrategy, 'merge');
    assert.equal(containers.patchMergeKey, 'name');
    assert.equal(containers.listType, 'map');
    assert.deepEqual(containers.listMapKeys, ['name']);
    assert.equal(containers.required, true);
    const volumes = field(`${core}.PodSpec`, 'volumes');
    assert.equal(volumes.number, 1);
    assert.equal(volumes.patchStrategy, 'merge,retainKeys');
    assert.equal(volumes.patchMergeKey, 'name');
    assert.equal(field(`${core}.PodSpec`, 'initContainers').number, 20);
    assert.equal(field(`${core}.PodSpec`, 'nodeSelector').mapType, 'atomic');
    assert.deepEqual(field(`${core}.PodSpec`, 'terminationGracePeriodSeconds'), {
      name: 'terminationGracePeriodSeconds',
      number: 4,
      type: { kind: 'scalar', scalar: 'int64' },
      pointer: true,
    });
  });

  it('Container', () => {
    const ports = field(`${core}.Container`, 'ports');
    assert.equal(ports.number, 6);
    assert.equal(ports.patchStrategy, 'merge');
    assert.equal(ports.patchMergeKey, 'containerPort');
    assert.equal(ports.listType, 'map');
    assert.deepEqual(ports.listMapKeys, ['containerPort', 'protocol']);
    const env = field(`${core}.Container`, 'env');
    assert.equal(env.number, 7);
    assert.equal(env.patchMergeKey, 'name');
    assert.equal(env.patchStrategy, 'merge');
    const name = field(`${core}.Container`, 'name');
    assert.deepEqual([name.number, name.required, name.always, name.pointer], [1, true, true, undefined]);
    assert.equal(field(`${core}.Container`, 'image').required, undefined);
    assert.deepEqual(field(`${core}.Container`, 'imagePullPolicy').enum, ['Always', 'IfNotPresent', 'Never']);
    assert.equal(field(`${core}.Container`, 'imagePullPolicy').number, 14);
    assert.deepEqual(field(`${core}.Container`, 'livenessProbe').type, message(`${core}.Probe`));
    assert.equal(field(`${core}.Container`, 'livenessProbe').pointer, true);
    const containerPort = field(`${core}.ContainerPort`, 'containerPort');
    assert.deepEqual([containerPort.number, containerPort.required], [3, true]);
  });

  it('defaults', () => {
    const protocol = field(`${core}.ContainerPort`, 'protocol');
    assert.equal(protocol.default, 'TCP');
    assert.deepEqual(protocol.enum, ['SCTP', 'TCP', 'UDP']);
    assert.equal(field(`${core}.ReplicationControllerSpec`, 'replicas').default, 1);
    // +default=ref(AzureDataDiskCachingReadWrite)
    assert.equal(field(`${core}.AzureDiskVolumeSource`, 'cachingMode').default, 'ReadWrite');
    assert.equal(field(`${core}.AzureDiskVolumeSource`, 'readOnly').default, false);
  });

  it('ObjectMeta', () => {
    const t = `${meta}.ObjectMeta`;
    const labels = field(t, 'labels');
    assert.equal(labels.number, 11);
    assert.deepEqual(labels.type, { kind: 'map', values: { kind: 'scalar', scalar: 'string' } });
    assert.equal(field(t, 'annotations').number, 12);
    const finalizers = field(t, 'finalizers');
    assert.equal(finalizers.patchStrategy, 'merge');
    assert.equal(finalizers.listType, 'set');
    assert.equal(finalizers.number, 14);
    const owners = field(t, 'ownerReferences');
    assert.equal(owners.patchMergeKey, 'uid');
    assert.equal(owners.patchStrategy, 'merge');
    assert.deepEqual(owners.listMapKeys, ['uid']);
    assert.equal(owners.number, 13);
    const created = field(t, 'creationTimestamp');
    assert.deepEqual(created.type, { kind: 'wellKnown', name: wellKnownTypes.time });
    assert.deepEqual([created.number, created.pointer], [8, undefined]);
    assert.equal(field(t, 'deletionTimestamp').pointer, true);
    assert.equal(field(t, 'managedFields').number, 17);
    assert.deepEqual(field(`${meta}.ManagedFieldsEntry`, 'fieldsV1').type, { kind: 'wellKnown', name: wellKnownTypes.fieldsV1 });
    assert.deepEqual(field(`${meta}.ManagedFieldsEntry`, 'time').type, { kind: 'wellKnown', name: wellKnownTypes.time });
    assert.equal(field(`${meta}.OwnerReference`, 'uid').required, true);
  });

  it('Deployment in apps/v1 and extensions/v1beta1', () => {
    const v1 = kindType('apps', 'v1', 'Deployment');
    assert.ok(v1);
    assert.deepEqual(field(v1.name, 'spec').type, message('io.k8s.api.apps.v1.DeploymentSpec'));
    const spec = 'io.k8s.api.apps.v1.DeploymentSpec';
    assert.deepEqual(field(spec, 'template').type, message(`${core}.PodTemplateSpec`));
    assert.equal(field(spec, 'template').number, 3);
    assert.deepEqual(field(spec, 'selector').type, message(`${meta}.LabelSelector`));
    assert.equal(field(spec, 'selector').required, true);
    assert.equal(field(spec, 'strategy').patchStrategy, 'retainKeys');
    assert.equal(field(spec, 'replicas').pointer, true);
    assert.equal(field('io.k8s.api.apps.v1.DeploymentStatus', 'conditions').patchMergeKey, 'type');
    const ext = kindType('extensions', 'v1beta1', 'Deployment');
    assert.ok(ext);
    const extSpec = 'io.k8s.api.extensions.v1beta1.DeploymentSpec';
    assert.deepEqual(field(ext.name, 'spec').type, message(extSpec));
    assert.equal(field(extSpec, 'selector').required, undefined);
    assert.deepEqual(field(extSpec, 'rollbackTo').type, message('io.k8s.api.extensions.v1beta1.RollbackConfig'));
    assert.equal(field(extSpec, 'rollbackTo').number, 8);
    assert.ok(kindsOf('extensions', 'v1beta1').includes('DeploymentRollback'));
  });

  it('Service ports', () => {
    const ports = field(`${core}.ServiceSpec`, 'ports');
    assert.equal(ports.number, 1);
    assert.equal(ports.patchStrategy, 'merge');
    assert.equal(ports.patchMergeKey, 'port');
    assert.equal(ports.listType, 'map');
    assert.deepEqual(ports.listMapKeys, ['port', 'protocol']);
    const target = field(`${core}.ServicePort`, 'targetPort');
    assert.deepEqual(target.type, { kind: 'wellKnown', name: wellKnownTypes.intOrString });
    assert.equal(target.number, 4);
    assert.deepEqual(field(`${core}.ServiceSpec`, 'type').enum, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  });

  it('Secret data and resource lists', () => {
    const data = field(`${core}.Secret`, 'data');
    assert.deepEqual(data.type, { kind: 'map', values: { kind: 'scalar', scalar: 'bytes' } });
    assert.equal(data.number, 2);
    assert.deepEqual(field(`${core}.Secret`, 'stringData').type, { kind: 'map', values: { kind: 'scalar', scalar: 'string' } });
    assert.equal(field(`${core}.Secret`, 'stringData').number, 4);
    const limits = field(`${core}.ResourceRequirements`, 'limits');
    assert.deepEqual(limits.type, { kind: 'map', values: { kind: 'wellKnown', name: wellKnownTypes.quantity } });
    assert.equal(limits.number, 1);
    assert.equal(limits.pointer, true);
  });

  it('ExtraValue wrappers in authentication/v1 and authorization/v1', () => {
    for (const [type, fieldName, number] of [
      ['io.k8s.api.authentication.v1.UserInfo', 'extra', 4],
      ['io.k8s.api.authorization.v1.SubjectAccessReviewSpec', 'extra', 5],
    ] as const) {
      const pkg = type.slice(0, type.lastIndexOf('.'));
      const f = field(type, fieldName);
      assert.equal(f.number, number);
      assert.deepEqual(f.type, { kind: 'map', values: message(`${pkg}.ExtraValue`) });
      const wrapper = getType(`${pkg}.ExtraValue`);
      assert.deepEqual(wrapper.wraps, { type: { kind: 'list', items: { kind: 'scalar', scalar: 'string' } }, field: 1 });
      assert.equal(wrapper.fields.length, 0);
    }
    assert.deepEqual(getType(`${meta}.Verbs`).wraps?.field, 1);
    assert.deepEqual(field(`${meta}.APIResource`, 'verbs').type, message(`${meta}.Verbs`));
  });

  it('inline structs: JSON flat, protobuf nested', () => {
    const volume = getType(`${core}.Volume`);
    const source = volume.fieldsByNumber.get(2);
    assert.ok(source);
    assert.deepEqual([source.name, source.inline, source.type], ['volumeSource', true, message(`${core}.VolumeSource`)]);
    assert.equal(volume.fieldsByName.has('volumeSource'), false);
    assert.equal(volume.fieldsByName.get('hostPath')?.number, 1);
    assert.deepEqual([...volume.fieldsByName.keys()].slice(0, 3), ['name', 'hostPath', 'emptyDir']);
    const probe = getType(`${core}.Probe`);
    assert.equal(probe.fieldsByNumber.get(1)?.name, 'handler');
    assert.ok(probe.fieldsByName.has('httpGet'));
    assert.ok(probe.fieldsByName.has('initialDelaySeconds'));
    const eph = getType(`${core}.EphemeralContainer`);
    assert.equal(eph.fieldsByNumber.get(1)?.name, 'ephemeralContainerCommon');
    assert.equal(eph.fieldsByName.get('targetContainerName')?.number, 2);
    assert.equal(eph.fieldsByName.get('ports')?.patchMergeKey, 'containerPort');
    assert.deepEqual(
      [...getType(`${core}.ConfigMapKeySelector`).fieldsByName.keys()],
      ['name', 'key', 'optional'],
    );
    assert.ok(getType('io.k8s.api.networking.v1.IngressRule').fieldsByName.has('http'));
  });

  it('meta/v1 kinds and JSON-only types', () => {
    const status = getType(`${meta}.Status`);
    assert.deepEqual(status.fields.map((f) => f.name).slice(0, 4), ['kind', 'apiVersion', 'metadata', 'status']);
    assert.equal(field(`${meta}.Status`, 'code').number, 6);
    assert.equal(field(`${meta}.StatusDetails`, 'causes').number, 4);
    assert.equal(field(`${meta}.DeleteOptions`, 'propagationPolicy').number, 4);
    assert.deepEqual(field(`${meta}.WatchEvent`, 'object').type, { kind: 'wellKnown', name: wellKnownTypes.rawExtension });
    const table = getType(`${meta}.Table`);
    assert.equal(table.fieldsByNumber.size, 0);
    assert.deepEqual(table.fields.map((f) => f.name), ['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows']);
    assert.deepEqual(field(`${meta}.LabelSelector`, 'matchLabels').type, { kind: 'map', values: { kind: 'scalar', scalar: 'string' } });
    assert.equal(field(`${meta}.LabelSelectorRequirement`, 'values').listType, 'atomic');
    assert.ok(findType(`${meta}.PartialObjectMetadataList`));
    assert.deepEqual(field(`${meta}.Condition`, 'lastTransitionTime').type, { kind: 'wellKnown', name: wellKnownTypes.time });
    assert.deepEqual(field('io.k8s.api.coordination.v1.LeaseSpec', 'renewTime').type, {
      kind: 'wellKnown',
      name: wellKnownTypes.microTime,
    });
  });

  it('atomic structs', () => {
    assert.equal(getType(`${core}.ObjectReference`).structType, 'atomic');
    assert.equal(getType(`${meta}.LabelSelector`).structType, 'atomic');
    assert.equal(getType(`${core}.PodSpec`).structType, undefined);
  });
});
