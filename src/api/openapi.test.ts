import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  createOpenAPI,
  openapiStats,
  openapiV2,
  openapiV3Document,
  openapiV3Index,
  servedOpenAPIV2,
  servedOpenAPIV2Protobuf,
  servedOpenAPIV3,
} from './openapi.ts';
import { kubectlDir, startHarness, type KubectlRun } from './openapi/kubectl-harness.ts';
import type { ResourceDef } from './resources.ts';
import { resolveTypeExpr } from './schema/registry.ts';
import type { FieldDef, FieldSpec, TypeDef } from './schema/types.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const v3 = (path: string) => openapiV3Document(path) as Json;
const v2 = () => openapiV2() as Json;

/** Every `$ref` anywhere in a value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

/** Whether some schema object anywhere has `$ref` beside other keys. */
function refWithSiblings(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(refWithSiblings);
  if (value && typeof value === 'object') {
    if ('$ref' in value && Object.keys(value).length > 1) return true;
    return Object.values(value).some(refWithSiblings);
  }
  return false;
}

/** Whether a schema, or any schema inside it, has `key` (property names are not keys). */
function schemaHasKey(schema: unknown, key: string): boolean {
  if (Array.isArray(schema)) return schema.some((s) => schemaHasKey(s, key));
  if (!schema || typeof schema !== 'object') return false;
  const s = schema as Json;
  if (key in s) return true;
  const nested = [s.items, s.additionalProperties, s.allOf, s.oneOf, ...Object.values((s.properties ?? {}) as Json)];
  return nested.some((n) => schemaHasKey(n, key));
}

describe('/openapi/v3 index', () => {
  it('lists every document with the upper-case SHA-512 of its served bytes', () => {
    const index = openapiV3Index() as { paths: Record<string, { serverRelativeURL: string }> };
    for (const path of ['api', 'api/v1', 'apis', 'apis/apps', 'apis/apps/v1', 'apis/autoscaling/v2', 'apis/rbac.authorization.k8s.io/v1', 'version']) {
      assert.ok(index.paths[path], path);
    }
    for (const [path, { serverRelativeURL }] of Object.entries(index.paths)) {
      const served = servedOpenAPIV3(path)!;
      const hash = createHash('sha512').update(served.body).digest('hex').toUpperCase();
      assert.equal(serverRelativeURL, `/openapi/v3/${path}?hash=${hash}`);
      assert.equal(served.hash, hash);
      assert.equal(served.etag, `"${hash}"`);
      assert.deepEqual(JSON.parse(served.body.toString()), served.object);
    }
    assert.equal(servedOpenAPIV3('')!.object, openapiV3Index());
    assert.equal(openapiV3Document('nope/v1'), undefined);
  });

  it('is built once and shared', () => {
    assert.equal(openapiV3Document('api/v1'), openapiV3Document('/api/v1/'));
    assert.equal(openapiV3Index(), openapiV3Index());
    assert.equal(servedOpenAPIV2(), servedOpenAPIV2());
  });
});

describe('v3 group-version documents', () => {
  it('are OpenAPI 3.0 with every $ref resolving inside the document and no $ref siblings', () => {
    const index = openapiV3Index() as { paths: Record<string, unknown> };
    for (const path of Object.keys(index.paths)) {
      const doc = v3(path);
      assert.equal(doc.openapi, '3.0.0');
      assert.equal(doc.info.title, 'Kubernetes');
      assert.match(doc.info.version, /^v1\.33\.\d+$/);
      const schemas = doc.components.schemas as Json;
      for (const ref of refs(doc)) {
        assert.ok(ref.startsWith('#/components/schemas/'), ref);
        assert.ok(schemas[ref.slice('#/components/schemas/'.length)], `${path}: dangling ${ref}`);
      }
      assert.equal(refWithSiblings(doc), false, path);
    }
  });

  it('declares a PATCH with fieldValidation and the kind for kubectl create/apply', () => {
    const doc = v3('api/v1');
    const item = doc.paths['/api/v1/namespaces/{namespace}/configmaps/{name}'];
    assert.deepEqual(
      item.parameters.map((p: Json) => `${p.in}:${p.name}`),
      ['path:name', 'path:namespace', 'query:pretty'],
    );
    const patch = item.patch;
    assert.equal(patch.operationId, 'patchCoreV1NamespacedConfigMap');
    assert.equal(patch['x-kubernetes-action'], 'patch');
    assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', kind: 'ConfigMap', version: 'v1' });
    assert.deepEqual(
      patch.parameters.map((p: Json) => [p.name, p.in, p.schema.type]),
      [
        ['dryRun', 'query', 'string'],
        ['fieldManager', 'query', 'string'],
        ['fieldValidation', 'query', 'string'],
        ['force', 'query', 'boolean'],
      ],
    );
    assert.deepEqual(Object.keys(patch.requestBody.content), [
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
    ]);
    assert.equal(patch.requestBody.content['application/json-patch+json'].schema.$ref, '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Patch');
    assert.equal(patch.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/io.k8s.api.core.v1.ConfigMap');
  });

  it('names operations like upstream', () => {
    const core = v3('api/v1').paths;
    const apps = v3('apis/apps/v1').paths;
    const ids = (paths: Json) => new Set(Object.values(paths).flatMap((item: Json) => Object.values(item).map((op: Json) => op.operationId).filter(Boolean)));
    const coreIds = ids(core);
    const appsIds = ids(apps);
    for (const id of [
      'getCoreV1APIResources',
      'createCoreV1NamespacedPod',
      'listCoreV1NamespacedPod',
      'listCoreV1PodForAllNamespaces',
      'readCoreV1NamespacedPod',
      'replaceCoreV1NamespacedPod',
      'deleteCoreV1NamespacedPod',
      'deleteCoreV1CollectionNamespacedPod',
      'watchCoreV1NamespacedPod',
      'watchCoreV1NamespacedPodList',
      'watchCoreV1PodListForAllNamespaces',
      'readCoreV1NamespacedPodStatus',
      'patchCoreV1NamespacedPodStatus',
      'readCoreV1NamespacedPodLog',
      'connectCoreV1GetNamespacedPodExec',
      'connectCoreV1PostNamespacedPodPortforward',
      'connectCoreV1GetNamespacedPodProxyWithPath',
      'createCoreV1NamespacedPodEviction',
      'createCoreV1NamespacedPodBinding',
      'readCoreV1NamespacedPodEphemeralcontainers',
      'createCoreV1Namespace',
      'replaceCoreV1NamespaceFinalize',
      'listCoreV1Node',
      'createCoreV1NamespacedServiceAccountToken',
      'readCoreV1NamespacedReplicationControllerScale',
    ]) {
      assert.ok(coreIds.has(id), id);
    }
    for (const id of ['createAppsV1NamespacedDeployment', 'patchAppsV1NamespacedDeployment', 'replaceAppsV1NamespacedDeploymentScale', 'listAppsV1DeploymentForAllNamespaces']) {
      assert.ok(appsIds.has(id), id);
    }
    const rbac = ids(v3('apis/rbac.authorization.k8s.io/v1').paths);
    assert.ok(rbac.has('createRbacAuthorizationV1ClusterRole'));
    assert.ok(rbac.has('listRbacAuthorizationV1RoleBindingForAllNamespaces'));
  });

  it('declares write parameters, bodies and actions per verb', () => {
    const apps = v3('apis/apps/v1').paths;
    const collection = apps['/apis/apps/v1/namespaces/{namespace}/deployments'];
    assert.deepEqual(
      collection.post.parameters.map((p: Json) => p.name),
      ['dryRun', 'fieldManager', 'fieldValidation'],
    );
    assert.equal(collection.post['x-kubernetes-action'], 'post');
    assert.equal(collection.post.requestBody.content['*/*'].schema.$ref, '#/components/schemas/io.k8s.api.apps.v1.Deployment');
    assert.deepEqual(Object.keys(collection.post.responses), ['200', '201', '202', '401']);
    assert.equal(collection.get['x-kubernetes-action'], 'list');
    assert.ok(collection.get.parameters.some((p: Json) => p.name === 'watch'));
    assert.ok(collection.get.responses['200'].content['application/json;stream=watch']);
    assert.equal(collection.delete['x-kubernetes-action'], 'deletecollection');
    const named = apps['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
    assert.deepEqual(
      named.put.parameters.map((p: Json) => p.name),
      ['dryRun', 'fieldManager', 'fieldValidation'],
    );
    assert.equal(named.delete.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status');
    const scale = apps['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
    assert.deepEqual(scale.patch['x-kubernetes-group-version-kind'], { group: 'autoscaling', kind: 'Scale', version: 'v1' });
    const watch = apps['/apis/apps/v1/watch/namespaces/{namespace}/deployments/{name}'];
    assert.equal(watch.get['x-kubernetes-action'], 'watch');
    assert.equal(watch.get.responses['200'].content['application/json'].schema.$ref, '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent');
    // Pods answer DELETE with the pod (graceful deletion), as upstream declares.
    const pod = v3('api/v1').paths['/api/v1/namespaces/{namespace}/pods/{name}'];
    assert.equal(pod.delete.responses['202'].content['application/json'].schema.$ref, '#/components/schemas/io.k8s.api.core.v1.Pod');
  });

  it('describes schemas with the Kubernetes extensions', () => {
    const schemas = v3('api/v1').components.schemas as Json;
    const pod = schemas['io.k8s.api.core.v1.Pod'];
    assert.deepEqual(pod['x-kubernetes-group-version-kind'], [{ group: '', kind: 'Pod', version: 'v1' }]);
    assert.deepEqual(pod.properties.metadata, { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }], default: {} });
    const containers = schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    assert.deepEqual(containers, {
      items: { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }], default: {} },
      type: 'array',
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    });
    assert.deepEqual(schemas['io.k8s.api.core.v1.PodSpec'].required, ['containers']);
    assert.equal(schemas['io.k8s.api.core.v1.PodSpec'].properties.volumes['x-kubernetes-patch-strategy'], 'merge,retainKeys');
    const container = schemas['io.k8s.api.core.v1.Container'];
    assert.deepEqual(container.required, ['name']);
    assert.deepEqual(container.properties.name, { default: '', type: 'string' });
    assert.deepEqual(container.properties.args, { items: { default: '', type: 'string' }, type: 'array', 'x-kubernetes-list-type': 'atomic' });
    const port = schemas['io.k8s.api.core.v1.ContainerPort'].properties;
    assert.deepEqual(port.containerPort, { default: 0, format: 'int32', type: 'integer' });
    assert.equal(port.protocol.default, 'TCP');
    assert.ok(port.protocol.enum.includes('UDP'));
    // Inline (embedded) structs are flattened: Volume carries VolumeSource's fields.
    assert.ok(schemas['io.k8s.api.core.v1.Volume'].properties.configMap);
    assert.deepEqual(schemas['io.k8s.api.core.v1.Volume'].required, ['name']);
    const meta = schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties;
    assert.deepEqual(meta.labels, { additionalProperties: { default: '', type: 'string' }, type: 'object' });
    assert.equal(meta.ownerReferences['x-kubernetes-patch-merge-key'], 'uid');
    assert.deepEqual(meta.creationTimestamp, { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time' });
    assert.equal(meta.generation.format, 'int64');
    assert.equal(schemas['io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector']['x-kubernetes-map-type'], 'atomic');
    assert.deepEqual(schemas['io.k8s.api.core.v1.ConfigMap'].properties.binaryData.additionalProperties, { format: 'byte', type: 'string' });
    // Well-known types.
    assert.deepEqual({ ...schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Time'], description: undefined }, { description: undefined, format: 'date-time', type: 'string' });
    assert.deepEqual(schemas['io.k8s.apimachinery.pkg.api.resource.Quantity'].oneOf, [{ type: 'string' }, { type: 'number' }]);
    assert.equal(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].format, 'int-or-string');
    assert.deepEqual(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf, [{ type: 'integer' }, { type: 'string' }]);
    // Kinds served everywhere list every served group version.
    const deleteKinds = schemas['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']['x-kubernetes-group-version-kind'] as Json[];
    assert.deepEqual(deleteKinds[0], { group: '', kind: 'DeleteOptions', version: 'v1' });
    assert.ok(deleteKinds.some((g) => g.group === 'apps' && g.version === 'v1'));
  });

  it('puts referenced types of other groups in the document (apps/v1 has core PodSpec and autoscaling Scale)', () => {
    const schemas = v3('apis/apps/v1').components.schemas as Json;
    assert.ok(schemas['io.k8s.api.core.v1.PodSpec']);
    assert.deepEqual(schemas['io.k8s.api.autoscaling.v1.Scale']['x-kubernetes-group-version-kind'], [{ group: 'autoscaling', kind: 'Scale', version: 'v1' }]);
    const strategy = schemas['io.k8s.api.apps.v1.DeploymentSpec'].properties.strategy;
    assert.deepEqual(strategy, { allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy' }], default: {}, 'x-kubernetes-patch-strategy': 'retainKeys' });
    assert.equal(schemas['io.k8s.api.core.v1.Pod'], undefined, 'only reachable types');
  });
});

describe('/openapi/v2', () => {
  it('is Swagger 2.0 with #/definitions refs, refs with siblings, and no defaults', () => {
    const doc = v2();
    assert.equal(doc.swagger, '2.0');
    for (const ref of refs(doc)) {
      assert.ok(ref.startsWith('#/definitions/'), ref);
      assert.ok(doc.definitions[ref.slice('#/definitions/'.length)], `dangling ${ref}`);
    }
    for (const definition of Object.values(doc.definitions)) {
      assert.equal(schemaHasKey(definition, 'default'), false);
      assert.equal(schemaHasKey(definition, 'allOf'), false);
    }
    assert.ok(schemaHasKey(v3('api/v1').components.schemas['io.k8s.api.core.v1.Pod'], 'allOf'), 'the walk sees v3 wrapping');
    const spec = doc.definitions['io.k8s.api.apps.v1.DeploymentSpec'].properties;
    assert.deepEqual(spec.strategy, { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentStrategy', 'x-kubernetes-patch-strategy': 'retainKeys' });
    assert.equal(doc.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].type, 'string');
    const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    assert.equal(patch.operationId, 'patchCoreV1NamespacedPod');
    assert.deepEqual(patch.consumes, ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']);
    assert.deepEqual(patch.parameters[0], { in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } });
    assert.ok(patch.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query' && p.type === 'string'));
    assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', kind: 'Pod', version: 'v1' });
    // Every group-version's paths are in the one document.
    assert.ok(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments']);
    assert.ok(doc.paths['/apis/']);
  });

  it('encodes as gnostic protobuf', () => {
    const served = servedOpenAPIV2Protobuf();
    const doc = decode(served.body);
    assert.equal(text(doc.get(1)![0]!), '2.0');
    const pathEntries = decode(doc.get(8)![0] as Buffer).get(2)!;
    assert.equal(pathEntries.length, Object.keys(v2().paths).length);
    // Find the deployments item path and its PATCH's vendor extensions and query parameters.
    const entry = pathEntries.map((e) => decode(e as Buffer)).find((e) => text(e.get(1)![0]!) === '/apis/apps/v1/namespaces/{namespace}/deployments/{name}')!;
    const patch = decode(decode(entry.get(2)![0] as Buffer).get(8)![0] as Buffer);
    assert.equal(text(patch.get(5)![0]!), 'patchAppsV1NamespacedDeployment');
    const extensions = new Map(patch.get(13)!.map((e) => decode(e as Buffer)).map((e) => [text(e.get(1)![0]!), JSON.parse(text(decode(e.get(2)![0] as Buffer).get(2)![0]!))]));
    assert.deepEqual(extensions.get('x-kubernetes-group-version-kind'), { group: 'apps', kind: 'Deployment', version: 'v1' });
    const queryNames = patch.get(8)!.flatMap((item) => {
      const param = decode(decode(item as Buffer).get(1)![0] as Buffer);
      const nonBody = param.get(2);
      if (!nonBody) return [];
      const query = decode(nonBody[0] as Buffer).get(3);
      return query ? [text(decode(query[0] as Buffer).get(4)![0]!)] : [];
    });
    assert.deepEqual(queryNames, ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    const definitions = decode(doc.get(9)![0] as Buffer).get(1)!;
    assert.equal(definitions.length, Object.keys(v2().definitions).length);
  });
});

describe('schema rules (synthetic types)', () => {
  const pkg = 'io.k8s.api.example.v1';
  const type = (name: string, fields: Record<string, FieldSpec>, extra: Partial<TypeDef> = {}): TypeDef => {
    const list: FieldDef[] = Object.entries(fields).map(([n, [number, expr, options]]) => ({ ...options, name: n, number, type: resolveTypeExpr(expr, pkg) }));
    return { name: `${pkg}.${name}`, fields: list, fieldsByName: new Map(list.map((f) => [f.name, f])), fieldsByNumber: new Map(), ...extra };
  };
  const types = new Map<string, TypeDef>();
  for (const t of [
    type('Widget', {
      kind: [0, 'string'],
      apiVersion: [0, 'string'],
      spec: [1, 'WidgetSpec'],
      status: [2, 'WidgetSpec', { pointer: true, description: 'Observed.' }],
    }),
    type('WidgetList', { items: [1, '[]Widget', { pointer: true, always: true, required: true }] }),
    type('WidgetSpec', {
      size: [1, 'int32', { always: true, required: true }],
      count: [2, 'int64', { pointer: true }],
      ratio: [3, 'double', { always: true }],
      flag: [4, 'bool', { always: true }],
      note: [5, 'string'],
      tags: [6, 'Tags'],
      port: [7, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { always: true }],
      mode: [8, 'string', { enum: ['A', 'B'], default: 'A' }],
      limits: [9, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true, mapType: 'atomic' }],
      raw: [10, 'bytes', { always: true }],
    }),
    type('Tags', {}, { wraps: { type: resolveTypeExpr('[]string', pkg), field: 1 } }),
  ]) {
    types.set(t.name, t);
  }
  const resource: ResourceDef = {
    group: 'example.k8s.io',
    versions: ['v1'],
    storageVersion: 'v1',
    kind: 'Widget',
    plural: 'widgets',
    singular: 'widget',
    namespaced: false,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list', 'patch'],
    subresources: [],
    storagePrefix: 'widgets',
  };
  const api = createOpenAPI({ types: { findType: (n) => types.get(n) }, resources: [resource], version: 'v1.33.0' });
  const doc = api.v3('apis/example.k8s.io/v1')!.object as Json;
  const schemas = doc.components.schemas as Json;

  it('enforces zero-value defaults as kube-openapi does, v3 only', () => {
    const spec = schemas[`${pkg}.WidgetSpec`].properties;
    assert.deepEqual(spec.size, { default: 0, format: 'int32', type: 'integer' });
    assert.deepEqual(spec.count, { format: 'int64', type: 'integer' });
    assert.deepEqual(spec.ratio, { default: 0, format: 'double', type: 'number' });
    assert.deepEqual(spec.flag, { default: false, type: 'boolean' });
    assert.deepEqual(spec.note, { type: 'string' });
    assert.deepEqual(spec.port, { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }, 'custom JSON types get no default');
    assert.deepEqual(spec.mode, { default: 'A', enum: ['A', 'B'], type: 'string' });
    assert.deepEqual(spec.raw, { format: 'byte', type: 'string' });
    const widget = schemas[`${pkg}.Widget`];
    assert.deepEqual(widget.properties.spec, { allOf: [{ $ref: `#/components/schemas/${pkg}.WidgetSpec` }], default: {} });
    assert.deepEqual(widget.properties.status, { allOf: [{ $ref: `#/components/schemas/${pkg}.WidgetSpec` }], description: 'Observed.' });
    assert.deepEqual(widget['x-kubernetes-group-version-kind'], [{ group: 'example.k8s.io', kind: 'Widget', version: 'v1' }]);
    const v2spec = (api.v2().object as Json).definitions[`${pkg}.WidgetSpec`].properties;
    assert.deepEqual(v2spec.size, { format: 'int32', type: 'integer' });
  });

  it('inlines wrapper types and marks map types', () => {
    const spec = schemas[`${pkg}.WidgetSpec`].properties;
    assert.deepEqual(spec.tags, { items: { default: '', type: 'string' }, type: 'array' });
    assert.equal(schemas[`${pkg}.Tags`], undefined);
    assert.deepEqual(spec.limits, {
      additionalProperties: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' },
      type: 'object',
      'x-kubernetes-map-type': 'atomic',
    });
    assert.deepEqual(schemas[`${pkg}.WidgetSpec`].required, ['size']);
  });

  it('only declares the verbs a resource has, and reports what the types lack', () => {
    const paths = doc.paths as Json;
    assert.deepEqual(Object.keys(paths['/apis/example.k8s.io/v1/widgets/{name}']).sort(), ['get', 'parameters', 'patch']);
    assert.deepEqual(Object.keys(paths['/apis/example.k8s.io/v1/widgets']), ['get', 'parameters']);
    assert.equal(paths['/apis/example.k8s.io/v1/watch/widgets'], undefined);
    const stats = api.stats();
    assert.ok(stats.missingTypes.includes('io.k8s.apimachinery.pkg.apis.meta.v1.Patch'));
  });
});

it('reports build time and sizes', (t) => {
  servedOpenAPIV2Protobuf();
  const stats = openapiStats();
  assert.ok(stats.v3.find((d) => d.path === 'api/v1')!.bytes > 100_000);
  assert.ok(stats.v2 && stats.v2.bytes > stats.v3.find((d) => d.path === 'api/v1')!.bytes);
  assert.ok(stats.v2ProtobufBytes! > 0);
  const line = (label: string, bytes: number) => `${label} ${(bytes / 1024).toFixed(0)} KiB`;
  t.diagnostic(
    `openapi: v3 built in ${stats.v3BuildMs.toFixed(0)} ms (${stats.v3.length} documents; ${line('api/v1', stats.v3.find((d) => d.path === 'api/v1')!.bytes)}, ` +
      `${line('apis/apps/v1', stats.v3.find((d) => d.path === 'apis/apps/v1')!.bytes)}), v2 JSON in ${stats.v2BuildMs!.toFixed(0)} ms (${line('', stats.v2.bytes).trim()}), ` +
      `v2 protobuf in ${stats.v2ProtobufMs!.toFixed(0)} ms (${line('', stats.v2ProtobufBytes!).trim()}); missing types: ${stats.missingTypes.join(', ') || 'none'}; ` +
      `missing kinds: ${stats.missingKinds.join(', ') || 'none'}`,
  );
});

// End to end with the real kubectl binaries (skipped where kubectl is not installed).
const binDir = kubectlDir();
describe('with the real kubectl', { skip: binDir ? false : 'kubectl is not installed' }, () => {
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm1\ndata:\n  a: b\n';
  const unknownField = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm2\nbogus: 1\ndata:\n  a: b\n';
  const deployment = (image: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d1\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers:\n      - name: c\n        image: ${image}\n`;
  const docs = { v3: servedOpenAPIV3, v2: servedOpenAPIV2, v2Protobuf: servedOpenAPIV2Protobuf };
  const openapiRequests = (run: KubectlRun) => run.requests.filter((r) => r.url.startsWith('/openapi')).map((r) => `${r.url.replace(/\?.*/, '')} ${r.accept}`);
  const writes = (run: KubectlRun) => run.requests.filter((r) => r.method !== 'GET');
  const ok = (run: KubectlRun) => assert.equal(run.exitCode, 0, `kubectl failed: ${run.stderr}`);

  for (const version of ['1.33', '1.31', '1.27']) {
    it(`kubectl ${version} create -f validates through the server (fieldValidation=Strict)`, async () => {
      await using harness = await startHarness(docs);
      const run = await harness.kubectl(version, ['create', '-f', 'cm.yaml'], { 'cm.yaml': configMap });
      ok(run);
      assert.match(run.stdout, /configmap\/cm1 created/);
      const [post] = writes(run);
      assert.equal(post!.method, 'POST');
      assert.equal(post!.url, '/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict');
      const asked = openapiRequests(run);
      assert.ok(asked.includes('/openapi/v3 application/json, */*'), asked.join('\n'));
      assert.ok(asked.some((a) => a.startsWith('/openapi/v3/api/v1 ')), asked.join('\n'));
      if (version === '1.27') {
        // 1.27 (and 1.28) load the v2 protobuf before anything else and fail without it.
        assert.equal(asked[0], '/openapi/v2 application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
      } else {
        assert.ok(!asked.some((a) => a.startsWith('/openapi/v2')), asked.join('\n'));
      }

      // An unknown field is not rejected client-side: kubectl trusts the server (v3 says it
      // validates) and sends the field with fieldValidation=Strict for the server to reject.
      const unknown = await harness.kubectl(version, ['create', '-f', 'bad.yaml'], { 'bad.yaml': unknownField });
      ok(unknown);
      const [sent] = writes(unknown);
      assert.match(sent!.url, /fieldValidation=Strict/);
      assert.equal((JSON.parse(sent!.body) as Json).bogus, 1);
    });

    it(`kubectl ${version} explain reads the schemas`, async () => {
      await using harness = await startHarness(docs);
      const pods = await harness.kubectl(version, ['explain', 'pods.spec.containers']);
      ok(pods);
      assert.match(pods.stdout, /KIND:\s+Pod/);
      assert.match(pods.stdout, /FIELD: containers <\[\]Container>/);
      assert.match(pods.stdout, /^ {2}name\t<string> -required-$/m);
      assert.match(pods.stdout, /^ {2}image\t<string>$/m);
      assert.match(pods.stdout, /^ {2}ports\t<\[\]ContainerPort>$/m);
      assert.match(pods.stdout, /^ {2}resources\t<ResourceRequirements>$/m);
      const strategy = await harness.kubectl(version, ['explain', 'deployment.spec.strategy']);
      ok(strategy);
      assert.match(strategy.stdout, /GROUP:\s+apps/);
      assert.match(strategy.stdout, /FIELD: strategy <DeploymentStrategy>/);
      assert.match(strategy.stdout, /^ {2}rollingUpdate\t<RollingUpdateDeployment>$/m);
      assert.match(strategy.stdout, /^ {2}type\t<string>$/m);
      const rolling = await harness.kubectl(version, ['explain', 'deployment.spec.strategy.rollingUpdate']);
      ok(rolling);
      assert.match(rolling.stdout, /^ {2}maxSurge\t<IntOrString>$/m);
      // The v2 (protobuf) path of explain.
      const v2explain = await harness.kubectl(version, ['explain', '--output=plaintext-openapiv2', 'deployment.spec.strategy']);
      ok(v2explain);
      assert.match(v2explain.stdout, /rollingUpdate\t<Object>/);
    });
  }

  it('kubectl 1.33 client-side apply computes a strategic merge patch from the merge keys', async () => {
    await using harness = await startHarness(docs);
    ok(await harness.kubectl('1.33', ['apply', '-f', 'd.yaml'], { 'd.yaml': deployment('nginx:1.25') }));
    const second = await harness.kubectl('1.33', ['apply', '-f', 'd.yaml'], { 'd.yaml': deployment('nginx:1.26') });
    ok(second);
    const [patch] = writes(second);
    assert.equal(patch!.method, 'PATCH');
    assert.equal(patch!.contentType, 'application/strategic-merge-patch+json');
    const body = JSON.parse(patch!.body) as Json;
    assert.deepEqual(body.spec, { template: { spec: { '$setElementOrder/containers': [{ name: 'c' }], containers: [{ image: 'nginx:1.26', name: 'c' }] } } });
  });

  it('kubectl 1.27 falls back to the v2 protobuf when there is no v3', async () => {
    await using harness = await startHarness({ ...docs, v3: () => undefined });
    const run = await harness.kubectl('1.27', ['create', '-f', 'cm.yaml'], { 'cm.yaml': configMap });
    ok(run);
    assert.match(writes(run)[0]!.url, /fieldValidation=Strict/);
  });
});

// A minimal protobuf reader for the checks above: field number -> raw values (varints or bytes).
function decode(buf: Buffer): Map<number, Array<Buffer | number>> {
  const out = new Map<number, Array<Buffer | number>>();
  let i = 0;
  const varint = () => {
    let result = 0;
    let shift = 1;
    for (;;) {
      const b = buf[i++]!;
      result += (b & 0x7f) * shift;
      if (b < 0x80) return result;
      shift *= 128;
    }
  };
  while (i < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let value: Buffer | number;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = varint();
      value = buf.subarray(i, i + length);
      i += length;
    } else throw new Error(`unexpected wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

const text = (value: Buffer | number) => (typeof value === 'number' ? String(value) : value.toString('utf8'));
