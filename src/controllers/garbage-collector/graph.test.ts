import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OwnerReference } from 'kubernetes-types/meta/v1.d.ts';
import type { KubeObject } from '../../client/resource-client.ts';
import { resourceDef } from '../../client/resource-client.ts';
import { DependencyGraph, type GraphNode } from './graph.ts';
import { garbageCollectedResources, namespacedDeletableResources, resourceForKind } from './resources.ts';

const pods = resourceDef('pods');
const replicaSets = resourceDef('replicasets', 'apps');

function recorder() {
  const deletes: string[] = [];
  const orphans: string[] = [];
  const graph = new DependencyGraph({
    attemptToDelete: (node: GraphNode) => deletes.push(node.identity.uid),
    attemptToOrphan: (node: GraphNode) => orphans.push(node.identity.uid),
  });
  return { graph, deletes, orphans };
}

const ref = (uid: string, extra: Partial<OwnerReference> = {}): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, ...extra });
const rs = (uid: string, meta: KubeObject['metadata'] = {}): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `rs-${uid}`, namespace: 'ns', uid, ...meta } });
const pod = (uid: string, owners: OwnerReference[], meta: KubeObject['metadata'] = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `pod-${uid}`, namespace: 'ns', uid, ownerReferences: owners, ...meta },
});

describe('dependency graph', () => {
  it('links dependents to owners and asks about owners it has not seen', () => {
    const { graph, deletes } = recorder();
    graph.apply({ type: 'upsert', object: pod('p1', [ref('r1')]), old: undefined, resource: pods });
    assert.equal(graph.get('r1')?.virtual, true);
    assert.deepEqual(deletes, ['r1']);
    graph.apply({ type: 'upsert', object: rs('r1'), old: undefined, resource: replicaSets });
    assert.equal(graph.get('r1')?.virtual, false);
    assert.deepEqual([...graph.get('r1')!.dependents].map((d) => d.identity.uid), ['p1']);
    assert.deepEqual(deletes, ['r1'], 'a dependent whose reference matches is not suspect');
  });

  it('looks at the dependents of an owner that is deleted', () => {
    const { graph, deletes } = recorder();
    graph.apply({ type: 'upsert', object: rs('r1'), old: undefined, resource: replicaSets });
    graph.apply({ type: 'upsert', object: pod('p1', [ref('r1')]), old: undefined, resource: pods });
    graph.apply({ type: 'upsert', object: pod('p2', [ref('r1')]), old: undefined, resource: pods });
    assert.deepEqual(deletes, []);
    graph.apply({ type: 'delete', object: rs('r1') });
    assert.deepEqual(deletes.sort(), ['p1', 'p2']);
    assert.equal(graph.get('r1'), undefined);
    assert.ok(graph.isAbsent('r1'));
  });

  it('drops a virtual owner the API does not know, and looks at its dependents', () => {
    const { graph, deletes } = recorder();
    graph.apply({ type: 'upsert', object: pod('p1', [ref('gone')]), old: undefined, resource: pods });
    deletes.length = 0;
    graph.apply({ type: 'virtualDelete', identity: graph.get('gone')!.identity });
    assert.equal(graph.get('gone'), undefined);
    assert.deepEqual(deletes, ['p1']);
  });

  it('queues an owner that starts deleting in the foreground, with its dependents', () => {
    const { graph, deletes } = recorder();
    const owner = rs('r1');
    graph.apply({ type: 'upsert', object: owner, old: undefined, resource: replicaSets });
    graph.apply({ type: 'upsert', object: pod('p1', [ref('r1', { blockOwnerDeletion: true })]), old: undefined, resource: pods });
    const deleting = rs('r1', { deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['foregroundDeletion'] });
    graph.apply({ type: 'upsert', object: deleting, old: owner, resource: replicaSets });
    assert.equal(graph.get('r1')!.deletingDependents, true);
    assert.deepEqual(deletes.sort(), ['p1', 'r1']);
    assert.equal(graph.get('r1')!.blockingDependents().length, 1);
    deletes.length = 0;
    // The same state again is no new transition.
    graph.apply({ type: 'upsert', object: deleting, old: deleting, resource: replicaSets });
    assert.deepEqual(deletes, []);
    // The dependent goes: the owner is looked at again.
    graph.apply({ type: 'delete', object: pod('p1', []) });
    assert.deepEqual(deletes, ['r1']);
    assert.equal(graph.get('r1')!.blockingDependents().length, 0);
  });

  it('queues an owner deleted with the orphan policy for orphaning', () => {
    const { graph, orphans } = recorder();
    graph.apply({ type: 'upsert', object: rs('r1', { deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['orphan'] }), old: undefined, resource: replicaSets });
    assert.deepEqual(orphans, ['r1']);
  });

  it('follows changed references: new owners, removed owners, unblocked owners', () => {
    const { graph, deletes } = recorder();
    graph.apply({ type: 'upsert', object: rs('r1'), old: undefined, resource: replicaSets });
    graph.apply({ type: 'upsert', object: rs('r2'), old: undefined, resource: replicaSets });
    const before = pod('p1', [ref('r1', { blockOwnerDeletion: true })]);
    graph.apply({ type: 'upsert', object: before, old: undefined, resource: pods });
    const after = pod('p1', [ref('r2')]);
    graph.apply({ type: 'upsert', object: after, old: before, resource: pods });
    assert.equal(graph.get('r1')!.dependents.size, 0);
    assert.equal(graph.get('r2')!.dependents.size, 1);
    assert.deepEqual(deletes, ['r1'], 'the owner it stopped blocking is looked at');
  });

  it('suspects dependents whose reference names the owner by other coordinates', () => {
    const { graph, deletes } = recorder();
    graph.apply({ type: 'upsert', object: pod('p1', [ref('r1', { name: 'wrong-name' })]), old: undefined, resource: pods });
    deletes.length = 0;
    graph.apply({ type: 'upsert', object: rs('r1'), old: undefined, resource: replicaSets });
    assert.deepEqual(deletes, ['p1']);
  });
});

describe('collected resources', () => {
  it('covers every owner kind once per storage, without events', () => {
    const names = garbageCollectedResources().map((r) => `${r.plural}.${r.group}`);
    for (const name of ['pods.', 'replicasets.apps', 'deployments.apps', 'replicationcontrollers.', 'daemonsets.apps', 'statefulsets.apps', 'controllerrevisions.apps', 'jobs.batch', 'cronjobs.batch', 'endpointslices.discovery.k8s.io', 'configmaps.', 'secrets.', 'services.', 'persistentvolumeclaims.', 'nodes.', 'ingresses.networking.k8s.io']) {
      assert.ok(names.includes(name), name);
    }
    assert.ok(!names.some((n) => n.startsWith('events.') || n.endsWith('.extensions')), names.join(' '));
    assert.equal(new Set(names).size, names.length);
    const namespaced = namespacedDeletableResources().map((r) => r.plural);
    assert.ok(namespaced.includes('events') && namespaced.includes('pods') && !namespaced.includes('nodes') && !namespaced.includes('bindings'));
  });

  it('maps an owner reference to its resource, legacy groups to the current one', () => {
    assert.equal(resourceForKind('apps/v1', 'ReplicaSet')?.plural, 'replicasets');
    assert.equal(resourceForKind('extensions/v1beta1', 'ReplicaSet')?.group, 'apps');
    assert.equal(resourceForKind('v1', 'Node')?.plural, 'nodes');
    assert.equal(resourceForKind('example.com/v1', 'Widget'), undefined);
  });
});
