import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { getType, kindType } from '../schema/registry.ts';
import { genericInvalidMessage, PatchError } from './errors.ts';
import { strategicMergePatch } from './strategic-merge-patch.ts';
import { mergeItem, resolveTestType } from './testdata/merge-item.ts';

type Json = Record<string, unknown>;

interface UpstreamCase {
  name: string;
  original: Json;
  patch: unknown;
  result?: Json;
  error?: string;
}

const upstream = JSON.parse(readFileSync(new URL('./testdata/upstream-smp-cases.json', import.meta.url), 'utf8')) as { cases: UpstreamCase[] };

/** Applies a patch to an object of upstream's MergeItem test type. */
const applyToMergeItem = (original: Json, patch: unknown) => strategicMergePatch(original, patch, mergeItem, resolveTestType);

/** Asserts a PatchError with this status code and exact message. */
function assertPatchError(fn: () => unknown, code: number, message: string, reason?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof PatchError, `not a PatchError: ${String(error)}`);
    assert.equal(error.message, message);
    assert.equal(error.code, code);
    if (reason !== undefined) assert.equal(error.reason, reason);
    return true;
  });
}

describe('upstream strategicpatch test cases (MergeItem)', () => {
  assert.ok(upstream.cases.length > 250);
  for (const c of upstream.cases) {
    it(c.name, () => {
      if (c.error !== undefined) {
        assert.throws(() => applyToMergeItem(c.original, c.patch), (error: unknown) => error instanceof PatchError && error.message.includes(c.error!));
        return;
      }
      const before = structuredClone(c.original);
      assert.deepEqual(applyToMergeItem(c.original, c.patch), c.result);
      assert.deepEqual(c.original, before, 'the original is not changed');
    });
  }
});

describe('errors, with upstream wording and status', () => {
  it('a list item without its merge key: 500', () => {
    assertPatchError(
      () => applyToMergeItem({ mergingList: [{ name: 1, value: 'a' }] }, { mergingList: [{ value: 'b' }] }),
      500,
      'map: map[value:b] does not contain declared merge key: name',
      '',
    );
  });

  it('a patch list out of $setElementOrder order: 500', () => {
    assertPatchError(
      () =>
        applyToMergeItem(
          { mergingList: [{ name: 1 }, { name: 3 }, { name: 2 }] },
          {
            '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }, { name: 3 }],
            mergingList: [
              { name: 3, value: 3 },
              { name: 1, value: 1 },
            ],
          },
        ),
      500,
      "The order in patch list:\n[map[name:3 value:3] map[name:1 value:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]\n",
    );
  });

  it('an unknown $patch: 500', () => {
    assertPatchError(() => applyToMergeItem({ name: 'a' }, { $patch: 'frob', value: 'b' }), 500, 'unknown patch type: frob in map: map[$patch:frob value:b]');
    assertPatchError(
      () => applyToMergeItem({ mergingList: [{ name: 'a' }] }, { mergingList: [{ name: 'a', $patch: 1 }] }),
      500,
      'unknown patch type: %!s(int64=1) in map: map[$patch:1 name:a]',
    );
    assertPatchError(
      () => applyToMergeItem({ mergingList: [{ name: 'a' }] }, { mergingList: [{ $patch: 'merge' }] }),
      500,
      'merging lists cannot yet be specified in the patch',
    );
  });

  it('malformed directives: 400', () => {
    assertPatchError(() => applyToMergeItem({}, { $retainKeys: 'name' }), 400, 'invalid patch format of retainKeys', 'BadRequest');
    assertPatchError(() => applyToMergeItem({}, { $retainKeys: ['name'], value: 'x' }), 400, 'invalid patch format of retainKeys');
    assertPatchError(() => applyToMergeItem({}, { '$deleteFromPrimitiveListmergingIntList': [1] }), 400, 'invalid patch format of primitive list');
    assertPatchError(() => applyToMergeItem({}, { $setElementOrder: [] }), 400, 'invalid patch format of setElementOrder list');
  });

  it('a $setElementOrder that is not a list: 500', () => {
    assertPatchError(
      () => applyToMergeItem({}, { '$setElementOrder/mergingList': { name: 1 } }),
      500,
      'expected a []interface {}, but received a map[string]interface {}',
    );
  });

  it('a list of lists: 422 with the generic message', () => {
    assert.throws(
      () => applyToMergeItem({ mergingIntList: [] }, { mergingIntList: [[2]] }),
      (error: unknown) => error instanceof PatchError && error.code === 422 && error.reason === 'Invalid' && error.message === genericInvalidMessage,
    );
  });

  it('items of different types in a merged list: 500', () => {
    assertPatchError(() => applyToMergeItem({ mergingIntList: [1, 2] }, { mergingIntList: ['a'] }), 500, 'list element types are not identical: [[1 2] [a]]');
  });

  it('an object in both documents under a field the type lacks: 500', () => {
    assertPatchError(
      () => applyToMergeItem({ complex: { nested: true } }, { complex: { nested: false } }),
      500,
      'unable to find api field in struct MergeItem for the json field "complex"',
    );
    assertPatchError(
      () => applyToMergeItem({ simpleMap: { a: { b: 1 } } }, { simpleMap: { a: { b: 2 } } }),
      500,
      'merging an object in json but data type is not struct, instead is: map',
    );
  });

  it('a body that is not an object: 400', () => {
    assertPatchError(() => applyToMergeItem({}, [1]), 400, 'json: cannot unmarshal array into Go value of type map[string]interface {}');
    assertPatchError(() => applyToMergeItem({}, 'x'), 400, 'json: cannot unmarshal string into Go value of type map[string]interface {}');
  });

  it('renders as a Status: no reason for the 500s', () => {
    try {
      applyToMergeItem({ mergingList: [{ name: 1 }] }, { mergingList: [{ value: 'b' }] });
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof PatchError);
      assert.deepEqual(error.toStatus(), {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'map: map[value:b] does not contain declared merge key: name',
        code: 500,
      });
    }
  });
});

// ---------------------------------------------------------------------------------------
// Kubernetes types from the schema registry.

const pod = kindType('', 'v1', 'Pod')!;
const deployment = kindType('apps', 'v1', 'Deployment')!;

function podWith(spec: Json, metadata: Json = { name: 'web', namespace: 'default' }): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

const container = (name: string, more: Json = {}) => ({ name, image: `${name}:1`, ...more });

describe('strategic merge of Kubernetes types', () => {
  it('merges containers by name', () => {
    const original = podWith({ containers: [container('a'), container('b')] });
    const result = strategicMergePatch(original, { spec: { containers: [{ name: 'b', image: 'b:2' }] } }, pod);
    assert.deepEqual(result.spec, { containers: [container('a'), { name: 'b', image: 'b:2' }] });
  });

  it('puts new list items before the live ones when the patch gives no order', () => {
    const original = podWith({ containers: [container('a')] });
    const result = strategicMergePatch(original, { spec: { containers: [container('z')] } }, pod);
    assert.deepEqual(result.spec, { containers: [container('z'), container('a')] });
  });

  it('merges env by name inside a container', () => {
    const original = podWith({
      containers: [
        container('app', {
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        }),
      ],
    });
    const patch = {
      spec: {
        containers: [
          {
            name: 'app',
            '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
            env: [
              { name: 'B', value: '20' },
              { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            ],
          },
        ],
      },
    };
    const result = strategicMergePatch(original, patch, pod);
    assert.deepEqual((result.spec as Json).containers, [
      container('app', {
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '20' },
          { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        ],
      }),
    ]);
  });

  it('merges ports by containerPort and deletes one with $patch: delete', () => {
    const original = podWith({
      containers: [
        container('app', {
          ports: [
            { containerPort: 80, protocol: 'TCP' },
            { containerPort: 443, protocol: 'TCP' },
          ],
        }),
      ],
    });
    const patch = {
      spec: {
        containers: [
          {
            name: 'app',
            ports: [
              { containerPort: 80, name: 'http' },
              { containerPort: 443, $patch: 'delete' },
            ],
          },
        ],
      },
    };
    const result = strategicMergePatch(original, patch, pod);
    assert.deepEqual((result.spec as Json).containers, [container('app', { ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] })]);
  });

  it('clears the other volume source with $retainKeys (volumes are merge,retainKeys)', () => {
    const original = podWith({
      containers: [container('app')],
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'conf', configMap: { name: 'c' } },
      ],
    });
    // kubectl apply's patch when the manifest changes volume "data" to a hostPath.
    const patch = {
      spec: {
        '$setElementOrder/volumes': [{ name: 'data' }, { name: 'conf' }],
        volumes: [{ $retainKeys: ['hostPath', 'name'], hostPath: { path: '/srv' }, name: 'data', emptyDir: null }],
      },
    };
    const result = strategicMergePatch(original, patch, pod);
    assert.deepEqual((result.spec as Json).volumes, [
      { name: 'data', hostPath: { path: '/srv' } },
      { name: 'conf', configMap: { name: 'c' } },
    ]);
  });

  it("clears rollingUpdate with the Deployment strategy's $retainKeys", () => {
    const original = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
    };
    const patch = { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } };
    assert.deepEqual(strategicMergePatch(original, patch, deployment).spec, { replicas: 1, strategy: { type: 'Recreate' } });
  });

  it('reorders with $setElementOrder, keeping server-only items where they were', () => {
    const original = podWith({ containers: [container('a'), container('b'), container('c')] });
    const patch = { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }] } };
    const names = ((strategicMergePatch(original, patch, pod).spec as Json).containers as Json[]).map((c) => c.name);
    assert.deepEqual(names, ['b', 'c', 'a']);
  });

  it('deletes one container with $patch: delete', () => {
    const original = podWith({ containers: [container('a'), container('b')] });
    const patch = { spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ $patch: 'delete', name: 'b' }] } };
    assert.deepEqual(strategicMergePatch(original, patch, pod).spec, { containers: [container('a')] });
  });

  it('removes finalizers with $deleteFromPrimitiveList and merges them as a set', () => {
    const original = podWith({ containers: [] }, { name: 'web', finalizers: ['a', 'b', 'c'] });
    const removed = strategicMergePatch(original, { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] } }, pod);
    assert.deepEqual((removed.metadata as Json).finalizers, ['a', 'c']);
    const added = strategicMergePatch(original, { metadata: { finalizers: ['d', 'a'] } }, pod);
    assert.deepEqual((added.metadata as Json).finalizers, ['d', 'a', 'b', 'c']);
    const ordered = strategicMergePatch(
      original,
      { metadata: { '$setElementOrder/finalizers': ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } },
      pod,
    );
    assert.deepEqual((ordered.metadata as Json).finalizers, ['c', 'a']);
  });

  it('replaces lists without a merge strategy', () => {
    const original = podWith({ containers: [container('a', { args: ['x', 'y'], command: ['sh'] })] });
    const patch = { spec: { containers: [{ name: 'a', args: ['z'] }] } };
    assert.deepEqual((strategicMergePatch(original, patch, pod).spec as Json).containers, [container('a', { args: ['z'], command: ['sh'] })]);
  });

  it('honours $patch: replace on a map and on a list', () => {
    const original = podWith({ containers: [container('a'), container('b')] }, { name: 'web', labels: { app: 'web', tier: 'fe' } });
    const labels = strategicMergePatch(original, { metadata: { labels: { $patch: 'replace', team: 'x' } } }, pod);
    assert.deepEqual((labels.metadata as Json).labels, { team: 'x' });
    const list = strategicMergePatch(original, { spec: { containers: [{ $patch: 'replace' }, container('c')] } }, pod);
    assert.deepEqual((list.spec as Json).containers, [container('c')]);
  });

  it('replaces a field whose patchStrategy is replace (PodDisruptionBudget selector)', () => {
    const pdb = kindType('policy', 'v1', 'PodDisruptionBudget')!;
    const original = { spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'k', operator: 'Exists' }] } } };
    const result = strategicMergePatch(original, { spec: { selector: { matchLabels: { app: 'api' } } } }, pdb);
    assert.deepEqual(result.spec, { selector: { matchLabels: { app: 'api' } } });
  });

  it('deletes members set to null', () => {
    const original = podWith({ containers: [container('a')], nodeSelector: { disk: 'ssd' } }, { name: 'web', labels: { app: 'web', tier: 'fe' } });
    const result = strategicMergePatch(original, { metadata: { labels: { tier: null, absent: null } }, spec: { nodeSelector: null } }, pod);
    assert.deepEqual(result.metadata, { name: 'web', labels: { app: 'web' } });
    assert.deepEqual(result.spec, { containers: [container('a')] });
  });

  it('takes a list the original lacks from the patch, without directives or nulls', () => {
    const original = podWith({ containers: [container('a')] });
    const patch = {
      spec: {
        initContainers: [
          { name: 'init', image: 'busybox', command: null, resources: { limits: { cpu: '1', memory: null } } },
          { name: 'gone', $patch: 'delete' },
        ],
      },
    };
    assert.deepEqual((strategicMergePatch(original, patch, pod).spec as Json).initContainers, [
      { name: 'init', image: 'busybox', resources: { limits: { cpu: '1' } } },
    ]);
  });

  it('merges ownerReferences by uid', () => {
    const ref = (uid: string, name: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid });
    const original = podWith({ containers: [] }, { name: 'web', ownerReferences: [ref('1', 'a')] });
    const result = strategicMergePatch(original, { metadata: { ownerReferences: [{ uid: '1', controller: true }, ref('2', 'b')] } }, pod);
    assert.deepEqual((result.metadata as Json).ownerReferences, [{ ...ref('1', 'a'), controller: true }, ref('2', 'b')]);
  });

  it('merges a RawExtension member by member, and fails where both sides nest', () => {
    const revision = kindType('apps', 'v1', 'ControllerRevision')!;
    const original = { data: { spec: { template: {} }, a: 1 }, revision: 1 };
    assert.deepEqual(strategicMergePatch(original, { data: { a: null, b: 2 } }, revision).data, { spec: { template: {} }, b: 2 });
    assertPatchError(
      () => strategicMergePatch(original, { data: { spec: { x: 1 } } }, revision),
      500,
      'unable to find api field in struct RawExtension for the json field "spec"',
    );
  });

  it('keeps directives other than $patch in values the original lacks, as upstream (the decoder then sees unknown fields)', () => {
    const original = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1 } };
    const patch = { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null } } };
    assert.deepEqual(strategicMergePatch(original, patch, deployment).spec, { replicas: 1, strategy: { $retainKeys: ['type'], type: 'Recreate' } });
  });

  it('leaves the original alone and treats a null patch as no change', () => {
    const original = podWith({ containers: [container('a')] });
    const before = structuredClone(original);
    strategicMergePatch(original, { spec: { containers: [{ name: 'a', image: 'x' }] } }, pod);
    assert.deepEqual(original, before);
    assert.deepEqual(strategicMergePatch(original, null, pod), before);
  });

  it('looks fields up through inlined structs (Volume embeds VolumeSource)', () => {
    const volume = getType('io.k8s.api.core.v1.Volume');
    const result = strategicMergePatch({ name: 'v', secret: { secretName: 's', items: [{ key: 'a', path: 'a' }] } }, { secret: { defaultMode: 420 } }, volume);
    assert.deepEqual(result, { name: 'v', secret: { secretName: 's', items: [{ key: 'a', path: 'a' }], defaultMode: 420 } });
  });
});
