import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPatch, applyPatchDetailed, genericInvalidMessage, PatchError, patchTypeOf, type PatchKind } from './index.ts';

type Json = Record<string, unknown>;

const deploymentKind: PatchKind = { group: 'apps', version: 'v1', kind: 'Deployment' };

const lastApplied = (image: string) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { annotations: {}, name: 'web', namespace: 'default' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image, name: 'nginx' }] } },
    },
  }) + '\n';

const nginx = (image: string, more: Json = {}) => ({
  image,
  imagePullPolicy: 'IfNotPresent',
  name: 'nginx',
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  ...more,
});

/** A Deployment as the API server stores it after `kubectl apply` (defaults filled in). */
function liveDeployment(containers: Json[], annotations: Json = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '3f1c2a4e-0000-4000-8000-000000000001',
      resourceVersion: '42',
      generation: 1,
      creationTimestamp: '2025-01-01T00:00:00Z',
      annotations: { 'deployment.kubernetes.io/revision': '1', ...annotations },
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers,
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
  };
}

const templateSpec = (o: Json) => ((o.spec as Json).template as Json).spec as Json;

function assertPatchError(fn: () => unknown, code: number, reason: string, message: string): PatchError {
  let caught: unknown;
  assert.throws(fn, (error: unknown) => {
    caught = error;
    return error instanceof PatchError && error.code === code && error.reason === reason && error.message === message;
  });
  return caught as PatchError;
}

describe('the patches kubectl sends', () => {
  it("client-side apply's second apply (strategic merge with $setElementOrder)", () => {
    const live = liveDeployment([nginx('nginx:1.25')], { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied('nginx:1.25') });
    const patch = {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied('nginx:1.26') } },
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }], containers: [{ image: 'nginx:1.26', name: 'nginx' }] } } },
    };
    const result = applyPatch('strategic', live, patch, deploymentKind);

    const expected = structuredClone(live) as Json;
    ((expected.metadata as Json).annotations as Json)['kubectl.kubernetes.io/last-applied-configuration'] = lastApplied('nginx:1.26');
    templateSpec(expected).containers = [nginx('nginx:1.26')];
    assert.deepEqual(result, expected);
  });

  it('client-side apply dropping a label and a container (three-way patch)', () => {
    const live = liveDeployment([nginx('nginx:1.25'), { name: 'sidecar', image: 'busybox', resources: {} }]);
    (live.metadata as Json).labels = { app: 'web', tier: 'fe' };
    const patch = {
      metadata: { labels: { tier: null } },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ $patch: 'delete', name: 'sidecar' }],
          },
        },
      },
    };
    const result = applyPatch('strategic', live, patch, deploymentKind);
    assert.deepEqual((result.metadata as Json).labels, { app: 'web' });
    assert.deepEqual(templateSpec(result).containers, [nginx('nginx:1.25')]);
  });

  it('kubectl set image (strategic merge)', () => {
    const live = liveDeployment([nginx('nginx:1.25'), { name: 'log', image: 'fluent-bit:2', resources: {} }]);
    const patch = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'log' }],
            containers: [{ image: 'nginx:1.27', name: 'nginx' }],
          },
        },
      },
    };
    const result = applyPatch('strategic', live, patch, deploymentKind);
    assert.deepEqual(templateSpec(result).containers, [nginx('nginx:1.27'), { name: 'log', image: 'fluent-bit:2', resources: {} }]);
    assert.deepEqual(result.status, live.status);
  });

  it('kubectl rollout restart (strategic merge of an annotation)', () => {
    const live = liveDeployment([nginx('nginx:1.25')]);
    const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T10:00:00Z' } } } } };
    const result = applyPatch('strategic', live, patch, deploymentKind);
    assert.deepEqual(((result.spec as Json).template as Json).metadata, {
      labels: { app: 'web' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-06-01T10:00:00Z' },
    });
  });

  it('kubectl edit removing an env var (two-way strategic patch)', () => {
    const env = [
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ];
    const live = liveDeployment([nginx('nginx:1.25', { env })]);
    const patch = {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ '$setElementOrder/env': [{ name: 'A' }], env: [{ $patch: 'delete', name: 'B' }], name: 'nginx' }],
          },
        },
      },
    };
    const result = applyPatch('strategic', live, patch, deploymentKind, { fieldValidation: 'Strict' });
    assert.deepEqual(templateSpec(result).containers, [nginx('nginx:1.25', { env: [{ name: 'A', value: '1' }] })]);
  });

  it("kubectl rollout undo (JSON patch replacing /spec/template and /metadata/annotations)", () => {
    const live = liveDeployment([nginx('nginx:1.26')], { 'deployment.kubernetes.io/revision': '2' });
    const oldTemplate = {
      metadata: { creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        containers: [nginx('nginx:1.25')],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        schedulerName: 'default-scheduler',
      },
    };
    const annotations = { 'deployment.kubernetes.io/revision': '2' };
    const patch = [
      { op: 'replace', path: '/spec/template', value: oldTemplate },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ];
    const result = applyPatch('json', live, patch, deploymentKind);
    assert.deepEqual((result.spec as Json).template, oldTemplate);
    assert.deepEqual((result.metadata as Json).annotations, annotations);
    assert.equal((result.spec as Json).replicas, 2);
  });

  it('kubectl scale (merge patch on the Scale subresource) and kubectl label (merge patch)', () => {
    const scale = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 2 }, status: { replicas: 2, selector: 'app=web' } };
    const scaled = applyPatch('merge', scale, { spec: { replicas: 3 } }, { group: 'autoscaling', version: 'v1', kind: 'Scale' });
    assert.deepEqual(scaled.spec, { replicas: 3 });
    const labelled = applyPatch('merge', liveDeployment([]), { metadata: { labels: { env: 'prod' } } }, deploymentKind);
    assert.deepEqual((labelled.metadata as Json).labels, { env: 'prod' });
  });

  it('leaves the current object unchanged', () => {
    const live = liveDeployment([nginx('nginx:1.25')]);
    const before = structuredClone(live);
    applyPatch('strategic', live, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'x' }] } } } }, deploymentKind);
    applyPatch('json', live, [{ op: 'remove', path: '/spec/replicas' }], deploymentKind);
    applyPatch('merge', live, { spec: { replicas: null } }, deploymentKind);
    assert.deepEqual(live, before);
  });
});

describe('failures, as kube-apiserver answers them', () => {
  const live = liveDeployment([nginx('nginx:1.25')]);

  it('JSON patch operations that fail: 422 with the generic message; the reason stays in detail', () => {
    const error = assertPatchError(
      () => applyPatch('json', live, [{ op: 'test', path: '/spec/replicas', value: 3 }], deploymentKind),
      422,
      'Invalid',
      genericInvalidMessage,
    );
    assert.equal(error.detail, 'testing value /spec/replicas failed: test failed');
    assert.deepEqual(error.toStatus(), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: {},
      code: 422,
    });
    const missing = assertPatchError(
      () => applyPatch('json', live, [{ op: 'add', path: '/spec/nope/x', value: 1 }], deploymentKind),
      422,
      'Invalid',
      genericInvalidMessage,
    );
    assert.equal(missing.detail, 'add operation does not apply: doc is missing path: "/spec/nope/x": missing value');
  });

  it('JSON patch bodies that do not decode: 400', () => {
    assertPatchError(
      () => applyPatch('json', live, { op: 'add' }, deploymentKind),
      400,
      'BadRequest',
      'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
    );
    assertPatchError(
      () => applyPatch('json', live, { op: 'add' }, deploymentKind, { fieldValidation: 'Ignore' }),
      400,
      'BadRequest',
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  });

  it('more than 10000 JSON patch operations: 413', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/kind', value: 'Deployment' }));
    assertPatchError(
      () => applyPatch('json', live, ops, deploymentKind),
      413,
      'RequestEntityTooLarge',
      'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
    );
  });

  it('JSON patch strict errors are returned for the caller to report', () => {
    const { object, strictErrors } = applyPatchDetailed('json', live, [{ op: 'replace', path: '/spec/replicas', value: 5, note: 'x' }], deploymentKind);
    assert.equal((object.spec as Json).replicas, 5);
    assert.deepEqual(strictErrors, ['json patch unknown field "note"']);
    assert.deepEqual(
      applyPatchDetailed('json', live, [{ op: 'replace', path: '/spec/replicas', value: 5, note: 'x' }], deploymentKind, { fieldValidation: 'Ignore' }).strictErrors,
      [],
    );
  });

  it('a JSON patch whose result is not an object: 422 on the patch field', () => {
    const error = assertPatchError(
      () => applyPatch('json', live, [{ op: 'replace', path: '', value: [1] }], deploymentKind),
      422,
      'Invalid',
      ' "" is invalid: patch: Invalid value: "[1]": couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    );
    assert.equal(error.details?.causes?.[0]?.field, 'patch');
  });

  it('merge patches that are not objects: 400', () => {
    assertPatchError(() => applyPatch('merge', live, null, deploymentKind), 400, 'BadRequest', 'Invalid JSON Patch');
    assertPatchError(() => applyPatch('merge', live, 'x', deploymentKind, { fieldValidation: 'Ignore' }), 400, 'BadRequest', 'Invalid JSON Patch');
    assertPatchError(
      () => applyPatch('merge', live, [1], deploymentKind),
      400,
      'BadRequest',
      'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
    assertPatchError(
      () => applyPatch('merge', live, [1], deploymentKind, { fieldValidation: 'Ignore' }),
      422,
      'Invalid',
      ' "" is invalid: patch: Invalid value: "[1]": couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
    );
  });

  it('a strategic merge patch for a kind without a schema (custom resources): 415', () => {
    assertPatchError(
      () => applyPatch('strategic', { apiVersion: 'example.com/v1', kind: 'Widget' }, { spec: { a: 1 } }, { group: 'example.com', version: 'v1', kind: 'Widget' }),
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
    // JSON and merge patches work on anything.
    assert.deepEqual(
      applyPatch('merge', { kind: 'Widget', spec: { a: 1 } }, { spec: { b: 2 } }, { group: 'example.com', version: 'v1', kind: 'Widget' }),
      { kind: 'Widget', spec: { a: 1, b: 2 } },
    );
  });

  it('a strategic merge patch that is not an object: 400; null: no change', () => {
    assertPatchError(() => applyPatch('strategic', live, [1], deploymentKind), 400, 'BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}');
    assert.deepEqual(applyPatch('strategic', live, null, deploymentKind), live);
    assert.deepEqual(applyPatch('json', live, null, deploymentKind), live);
  });

  it('a malformed strategic merge directive: 400, other strategic merge errors: 500 without reason', () => {
    assertPatchError(
      () => applyPatch('strategic', live, { spec: { strategy: { $retainKeys: 'type' } } }, deploymentKind),
      400,
      'BadRequest',
      'invalid patch format of retainKeys',
    );
    const error = assertPatchError(
      () => applyPatch('strategic', live, { spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, deploymentKind),
      500,
      '',
      'map: map[image:x] does not contain declared merge key: name',
    );
    assert.equal(error.toStatus().reason, undefined);
  });
});

describe('patchTypeOf', () => {
  it('maps the patch media types, ignoring parameters', () => {
    assert.equal(patchTypeOf('application/json-patch+json'), 'json');
    assert.equal(patchTypeOf('application/merge-patch+json; charset=utf-8'), 'merge');
    assert.equal(patchTypeOf('application/strategic-merge-patch+json'), 'strategic');
    assert.equal(patchTypeOf('application/apply-patch+yaml'), undefined);
    assert.equal(patchTypeOf('application/json'), undefined);
  });
});
