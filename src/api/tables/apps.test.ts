// Cases follow upstream's printers_test.go (TestPrintDeployment, TestPrintReplicaSet,
// TestPrintDaemonSet, TestPrintStatefulSet, TestPrintControllerRevision).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controllerRevisions, daemonSets, deployments, replicaSets, statefulSets } from './apps.ts';
import type { ApiObject, TableDef } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const SOON = new Date(NOW + 1000).toISOString().replace('.000Z', 'Z');
const cells = (def: TableDef, o: ApiObject) => def.cells(o, NOW);

const template = {
  spec: {
    containers: [
      { name: 'fake-container1', image: 'fake-image1' },
      { name: 'fake-container2', image: 'fake-image2' },
    ],
  },
};
const selector = { matchLabels: { foo: 'bar' } };

describe('deployments', () => {
  it('READY UP-TO-DATE AVAILABLE AGE, then containers, images, selector', () => {
    const d: ApiObject = {
      metadata: { name: 'test1', creationTimestamp: SOON },
      spec: { replicas: 5, template, selector },
      status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
    };
    assert.deepEqual(cells(deployments, d), [
      'test1',
      '0/5',
      2,
      1,
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ]);
  });
  it('selector expressions, missing replicas (defaults to 1), invalid selector', () => {
    const d: ApiObject = {
      metadata: { name: 'web' },
      spec: {
        template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
        selector: {
          matchLabels: { app: 'web' },
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['front', 'back'] },
            { key: 'canary', operator: 'DoesNotExist' },
            { key: 'env', operator: 'NotIn', values: ['prod'] },
            { key: 'zone', operator: 'Exists' },
          ],
        },
      },
      status: { readyReplicas: 1 },
    };
    assert.deepEqual(cells(deployments, d), [
      'web',
      '1/1',
      0,
      0,
      '<unknown>',
      'nginx',
      'nginx:1.27',
      'app=web,!canary,env notin (prod),tier in (back,front),zone',
    ]);
    const bad = { ...d, spec: { selector: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] } } };
    assert.equal(cells(deployments, bad)[7], '<invalid>');
    assert.equal(cells(deployments, { metadata: { name: 'x' }, spec: { selector: {} } })[7], '');
  });
});

describe('replica sets', () => {
  it('DESIRED CURRENT READY AGE, then containers, images, selector', () => {
    const rs: ApiObject = {
      metadata: { name: 'test1', creationTimestamp: SOON },
      spec: { replicas: 5, template, selector },
      status: { replicas: 5, readyReplicas: 2 },
    };
    assert.deepEqual(cells(replicaSets, rs), [
      'test1',
      5,
      5,
      2,
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ]);
    assert.deepEqual(cells(replicaSets, { metadata: { name: 'replicaset2', creationTimestamp: SOON }, spec: { replicas: 4, template: {}, selector }, status: { replicas: 3, readyReplicas: 1 } }).slice(0, 5), [
      'replicaset2',
      4,
      3,
      1,
      '0s',
    ]);
  });
});

describe('daemon sets', () => {
  it('counts, node selector and age, then containers, images, selector', () => {
    const ds: ApiObject = {
      metadata: { name: 'test1', creationTimestamp: SOON },
      spec: { template, selector },
      status: { currentNumberScheduled: 2, desiredNumberScheduled: 3, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 0 },
    };
    assert.deepEqual(cells(daemonSets, ds), [
      'test1',
      3,
      2,
      1,
      2,
      0,
      '<none>',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ]);
    const withNodeSelector = {
      ...ds,
      spec: { template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' } } } },
    };
    assert.deepEqual(cells(daemonSets, withNodeSelector).slice(6, 7), ['disk=ssd,kubernetes.io/os=linux']);
    assert.equal(cells(daemonSets, withNodeSelector)[10], '<none>');
    // Selectors that do not validate print "<error>" (deployments: "<invalid>").
    assert.equal(cells(daemonSets, { ...ds, spec: { selector: { matchLabels: { 'bad key!': 'x' } } } })[10], '<error>');
    assert.equal(cells(deployments, { metadata: { name: 'd' }, spec: { selector: { matchLabels: { 'bad key!': 'x' } } } })[7], '<invalid>');
  });
});

describe('stateful sets', () => {
  it('READY AGE, then containers and images', () => {
    const ss: ApiObject = {
      metadata: { name: 'test1', creationTimestamp: SOON },
      spec: { replicas: 5, template },
      status: { replicas: 5, readyReplicas: 2 },
    };
    assert.deepEqual(cells(statefulSets, ss), ['test1', '2/5', '0s', 'fake-container1,fake-container2', 'fake-image1,fake-image2']);
  });
});

describe('controller revisions', () => {
  const rev = (name: string, revision: number, ownerReferences?: unknown): ApiObject => ({
    metadata: { name, creationTimestamp: SOON, ownerReferences },
    revision,
  });
  it('follows upstream cases', () => {
    assert.deepEqual(cells(controllerRevisions, rev('test1', 1, [{ controller: true, apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo' }])), [
      'test1',
      'daemonset.apps/foo',
      1,
      '0s',
    ]);
    assert.deepEqual(cells(controllerRevisions, rev('test2', 2, [{ controller: false, kind: 'ABC', name: 'foo' }])), ['test2', '<none>', 2, '0s']);
    assert.deepEqual(cells(controllerRevisions, rev('test3', 3, [])), ['test3', '<none>', 3, '0s']);
    assert.deepEqual(cells(controllerRevisions, rev('test4', 4)), ['test4', '<none>', 4, '0s']);
    assert.deepEqual(cells(controllerRevisions, rev('core', 5, [{ controller: true, apiVersion: 'v1', kind: 'Pod', name: 'p' }])), [
      'core',
      'pod/p',
      5,
      '0s',
    ]);
  });
});
