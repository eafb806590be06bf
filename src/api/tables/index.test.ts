import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deployments } from './apps.ts';
import { pods, services } from './core.ts';
import { buildTable, defaultTable, printedResources, tableFor } from './index.ts';
import type { ApiObject } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('tableFor', () => {
  it('picks printers by group and resource', () => {
    assert.equal(tableFor('', 'pods'), pods);
    assert.equal(tableFor('', 'services'), services);
    assert.equal(tableFor('apps', 'deployments'), deployments);
    assert.equal(tableFor('events.k8s.io', 'events'), tableFor('', 'events'));
    assert.deepEqual(
      tableFor('autoscaling', 'horizontalpodautoscalers').columns.map((c) => c.name),
      ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'],
    );
  });
  it('falls back to NAME / CREATED AT for kinds without a printer', () => {
    for (const [group, resource] of [
      ['rbac.authorization.k8s.io', 'roles'],
      ['rbac.authorization.k8s.io', 'clusterroles'],
      ['', 'limitranges'],
      ['example.com', 'widgets'],
      ['apps', 'pods'],
    ] as const) {
      assert.equal(tableFor(group, resource), defaultTable, `${group}/${resource}`);
    }
    assert.deepEqual(defaultTable.cells({ metadata: { name: 'admin', creationTimestamp: '2025-05-01T08:30:00Z' } }, NOW), [
      'admin',
      '2025-05-01T08:30:00Z',
    ]);
    assert.deepEqual(defaultTable.columns.map((c) => [c.name, c.type, c.format ?? '']), [
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
  });
  it('prints subresources: scale as a Scale, status as the resource', () => {
    assert.deepEqual(
      tableFor('apps', 'deployments/scale').columns.map((c) => c.name),
      ['Name', 'Desired', 'Available', 'Age'],
    );
    assert.equal(tableFor('', 'pods/status'), pods);
  });

  it('has the column names kubectl users know (priority 0 / wide)', () => {
    const headers = (group: string, resource: string) => {
      const cols = tableFor(group, resource).columns;
      const up = (n: string) => n.toUpperCase();
      return [cols.filter((c) => c.priority === 0).map((c) => up(c.name)).join(' '), cols.filter((c) => c.priority > 0).map((c) => up(c.name)).join(' ')];
    };
    const want: [string, string, string, string][] = [
      ['', 'pods', 'NAME READY STATUS RESTARTS AGE', 'IP NODE NOMINATED NODE READINESS GATES'],
      ['', 'services', 'NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE', 'SELECTOR'],
      ['', 'endpoints', 'NAME ENDPOINTS AGE', ''],
      ['', 'nodes', 'NAME STATUS ROLES AGE VERSION', 'INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME'],
      ['', 'namespaces', 'NAME STATUS AGE', ''],
      ['', 'configmaps', 'NAME DATA AGE', ''],
      ['', 'secrets', 'NAME TYPE DATA AGE', ''],
      ['', 'serviceaccounts', 'NAME SECRETS AGE', ''],
      ['', 'events', 'LAST SEEN TYPE REASON OBJECT MESSAGE', 'SUBOBJECT SOURCE FIRST SEEN COUNT NAME'],
      ['', 'replicationcontrollers', 'NAME DESIRED CURRENT READY AGE', 'CONTAINERS IMAGES SELECTOR'],
      ['', 'resourcequotas', 'NAME AGE REQUEST LIMIT', ''],
      ['', 'limitranges', 'NAME CREATED AT', ''],
      [
        '',
        'persistentvolumes',
        'NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE',
        'VOLUMEMODE',
      ],
      ['', 'persistentvolumeclaims', 'NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE', 'VOLUMEMODE'],
      ['', 'componentstatuses', 'NAME STATUS MESSAGE ERROR', ''],
      ['apps', 'deployments', 'NAME READY UP-TO-DATE AVAILABLE AGE', 'CONTAINERS IMAGES SELECTOR'],
      ['apps', 'replicasets', 'NAME DESIRED CURRENT READY AGE', 'CONTAINERS IMAGES SELECTOR'],
      ['apps', 'daemonsets', 'NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE', 'CONTAINERS IMAGES SELECTOR'],
      ['apps', 'statefulsets', 'NAME READY AGE', 'CONTAINERS IMAGES'],
      ['apps', 'controllerrevisions', 'NAME CONTROLLER REVISION AGE', ''],
      ['batch', 'jobs', 'NAME STATUS COMPLETIONS DURATION AGE', 'CONTAINERS IMAGES SELECTOR'],
      ['batch', 'cronjobs', 'NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE', 'CONTAINERS IMAGES SELECTOR'],
      ['autoscaling', 'horizontalpodautoscalers', 'NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE', ''],
      ['networking.k8s.io', 'ingresses', 'NAME CLASS HOSTS ADDRESS PORTS AGE', ''],
      ['networking.k8s.io', 'ingressclasses', 'NAME CONTROLLER PARAMETERS AGE', ''],
      ['networking.k8s.io', 'networkpolicies', 'NAME POD-SELECTOR AGE', ''],
      ['discovery.k8s.io', 'endpointslices', 'NAME ADDRESSTYPE PORTS ENDPOINTS AGE', ''],
      ['coordination.k8s.io', 'leases', 'NAME HOLDER AGE', ''],
      ['policy', 'poddisruptionbudgets', 'NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE', ''],
      ['scheduling.k8s.io', 'priorityclasses', 'NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY', ''],
      ['storage.k8s.io', 'storageclasses', 'NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE', ''],
      ['rbac.authorization.k8s.io', 'roles', 'NAME CREATED AT', ''],
      ['rbac.authorization.k8s.io', 'rolebindings', 'NAME ROLE AGE', 'USERS GROUPS SERVICEACCOUNTS'],
      ['rbac.authorization.k8s.io', 'clusterroles', 'NAME CREATED AT', ''],
      ['rbac.authorization.k8s.io', 'clusterrolebindings', 'NAME ROLE AGE', 'USERS GROUPS SERVICEACCOUNTS'],
      ['certificates.k8s.io', 'certificatesigningrequests', 'NAME AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION', ''],
    ];
    for (const [group, resource, narrow, wide] of want) {
      assert.deepEqual(headers(group, resource), [narrow, wide], `${group}/${resource}`);
    }
  });

  it('every printer fills one cell per column, even from an empty object', () => {
    // ipaddresses: upstream appends an age cell beyond its two columns; kubectl ignores it.
    const extraCells: Record<string, number> = { 'networking.k8s.io/ipaddresses': 1 };
    for (const key of printedResources()) {
      const slash = key.indexOf('/');
      const def = tableFor(key.slice(0, slash), key.slice(slash + 1));
      const columns = def.columns.length + (extraCells[key] ?? 0);
      assert.equal(def.cells({}, NOW).length, columns, key);
      assert.equal(def.cells({ metadata: { name: 'x', creationTimestamp: '2025-01-01T00:00:00Z' }, spec: {}, status: {} }, NOW).length, columns, key);
      for (const c of def.columns) {
        assert.ok(c.description.length > 0, `${key}: ${c.name} has a description`);
      }
    }
  });
});

describe('buildTable', () => {
  const web: ApiObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: 'u-1',
      resourceVersion: '42',
      creationTimestamp: '2025-06-01T11:55:00Z',
      labels: { app: 'web' },
    },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], nodeName: 'node-1' },
    status: {
      phase: 'Running',
      podIPs: [{ ip: '10.244.0.7' }],
      containerStatuses: [{ name: 'nginx', ready: true, restartCount: 0, state: { running: { startedAt: '2025-06-01T11:55:03Z' } } }],
    },
  };
  const done: ApiObject = {
    metadata: { name: 'job-x', namespace: 'default', creationTimestamp: '2025-06-01T10:00:00Z' },
    spec: { containers: [{ name: 'c' }] },
    status: { phase: 'Succeeded', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] },
  };

  it('serializes exactly as kube-apiserver does (field order, column fields, PartialObjectMetadata)', () => {
    const table = buildTable(tableFor('', 'pods'), [web], { now: NOW, includeObject: 'Metadata', resourceVersion: '100' });
    const json = JSON.stringify(table);
    assert.ok(json.startsWith('{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"100"},"columnDefinitions":[{"name":"Name","type":"string","format":"name","description":'));
    assert.ok(json.includes('{"name":"Ready","type":"string","format":"","description":'));
    assert.ok(json.includes('"priority":1}'));
    assert.deepEqual(table.rows, [
      {
        cells: ['web', '1/1', 'Running', '0', '5m', '10.244.0.7', 'node-1', '<none>', '<none>'],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: web.metadata },
      },
    ]);
    assert.ok(JSON.stringify(table.rows[0]).startsWith('{"cells":['));
    assert.equal(table.columnDefinitions.length, 9);
    assert.deepEqual(table.columnDefinitions[5], {
      name: 'IP',
      type: 'string',
      format: '',
      description: table.columnDefinitions[5]!.description,
      priority: 1,
    });
  });

  it('includes the full object, or none', () => {
    const full = buildTable(pods, [web], { now: NOW, includeObject: 'Object' });
    assert.equal(full.rows[0]!.object, web);
    assert.deepEqual(full.metadata, {});
    const none = buildTable(pods, [web], { now: NOW, includeObject: 'None' });
    assert.equal(none.rows[0]!.object, null);
    assert.equal(JSON.stringify(none.rows[0]).endsWith('"object":null}'), true);
  });

  it('carries continue and remainingItemCount, omits empty ones', () => {
    const t = buildTable(pods, [], { now: NOW, includeObject: 'Metadata', resourceVersion: '7', continue: 'abc', remainingItemCount: 3 });
    assert.deepEqual(t.metadata, { resourceVersion: '7', continue: 'abc', remainingItemCount: 3 });
    assert.deepEqual(t.rows, []);
    assert.deepEqual(buildTable(pods, [], { now: NOW, includeObject: 'Metadata', resourceVersion: '', continue: '' }).metadata, {});
  });

  it('marks finished pods with row conditions, between cells and object', () => {
    const t = buildTable(pods, [done, web], { now: NOW, includeObject: 'None' });
    assert.deepEqual(t.rows[0]!.conditions, [
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    assert.equal(t.rows[1]!.conditions, undefined);
    assert.deepEqual(Object.keys(t.rows[0]!), ['cells', 'conditions', 'object']);
    assert.deepEqual(t.rows[0]!.cells.slice(0, 5), ['job-x', '0/1', 'Completed', '0', '120m']);
  });

  it('prints unknown kinds with the default table', () => {
    const t = buildTable(tableFor('rbac.authorization.k8s.io', 'roles'), [{ metadata: { name: 'reader', creationTimestamp: '2025-05-31T09:00:00Z' } }], {
      now: NOW,
      includeObject: 'Metadata',
    });
    assert.deepEqual(t.rows[0]!.cells, ['reader', '2025-05-31T09:00:00Z']);
    assert.deepEqual(t.columnDefinitions.map((c) => c.name), ['Name', 'Created At']);
  });
});
