import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getType, kindType } from '../schema/registry.ts';
import type { ResolvedType, TypeDef } from '../schema/types.ts';
import { convert, ConversionError, formatApiVersion, parseApiVersion, storageVersionOf, supportedConversions, type GroupVersionKind } from './index.ts';
import { deepFreeze } from './testutil.ts';

describe('convert', () => {
  const deployment = deepFreeze({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { replicas: 1 } });

  it('is an identity (a new object) for the same version, known kind or not', () => {
    const out = convert(deployment, 'apps/v1');
    assert.deepEqual(out, deployment);
    assert.notEqual(out, deployment);
    assert.notEqual(out.spec, deployment.spec);
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', spec: { x: 1 } };
    assert.deepEqual(convert(widget, 'example.com/v1'), widget);
  });

  it('sets apiVersion and kind on the result', () => {
    const out = convert({ apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *' } }, 'batch/v1');
    assert.deepEqual(out, { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *' } });
  });

  it('throws a ConversionError for a pair it cannot convert', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [deployment, 'batch/v1', 'no conversion from apps/v1, Kind=Deployment to batch/v1'],
      [{ apiVersion: 'v1', kind: 'Pod' }, 'apps/v1', 'no conversion from v1, Kind=Pod to apps/v1'],
      [{ apiVersion: 'apps/v1', kind: 'StatefulSet' }, 'extensions/v1beta1', 'no conversion from apps/v1, Kind=StatefulSet to extensions/v1beta1'],
      [{ apiVersion: 'apps/v1', kind: 'ReplicaSet' }, 'apps/v1beta1', 'no conversion from apps/v1, Kind=ReplicaSet to apps/v1beta1'],
      [{ apiVersion: 'example.com/v1', kind: 'Widget' }, 'example.com/v2', 'no conversion from example.com/v1, Kind=Widget to example.com/v2'],
      [{ apiVersion: 'apps/v1', kind: 'DeploymentList', items: [] }, 'batch/v1', 'no conversion from apps/v1, Kind=Deployment to batch/v1'],
    ];
    for (const [object, to, message] of cases) {
      assert.throws(() => convert(object, to), (e: Error) => e instanceof ConversionError && e.message === message, message);
    }
    assert.throws(() => convert({ kind: 'Deployment' }, 'apps/v1'), ConversionError);
    assert.throws(() => convert({ apiVersion: 'apps/v1' }, 'apps/v1'), ConversionError);
  });

  it('converts lists item by item', () => {
    const list = deepFreeze({
      apiVersion: 'extensions/v1beta1',
      kind: 'DeploymentList',
      metadata: { resourceVersion: '10' },
      items: [{ metadata: { name: 'a' }, spec: { rollbackTo: { revision: 2 } } }, { metadata: { name: 'b' }, spec: {} }],
    });
    assert.deepEqual(convert(list, 'apps/v1'), {
      apiVersion: 'apps/v1',
      kind: 'DeploymentList',
      metadata: { resourceVersion: '10' },
      items: [{ metadata: { name: 'a', annotations: { 'deprecated.deployment.rollback.to': '2' } }, spec: {} }, { metadata: { name: 'b' }, spec: {} }],
    });
  });

  it('parses and formats apiVersions', () => {
    assert.deepEqual(parseApiVersion('v1'), { group: '', version: 'v1' });
    assert.deepEqual(parseApiVersion('networking.k8s.io/v1'), { group: 'networking.k8s.io', version: 'v1' });
    assert.equal(formatApiVersion('', 'v1'), 'v1');
    assert.equal(formatApiVersion('apps', 'v1beta2'), 'apps/v1beta2');
  });
});

describe('storageVersionOf', () => {
  it('names the storage version of the kinds served in several versions', () => {
    const cases: [string, string, string, string][] = [
      ['extensions', 'Ingress', 'networking.k8s.io/v1', 'Ingress'],
      ['extensions', 'NetworkPolicy', 'networking.k8s.io/v1', 'NetworkPolicy'],
      ['extensions', 'Deployment', 'apps/v1', 'Deployment'],
      ['extensions', 'ReplicaSet', 'apps/v1', 'ReplicaSet'],
      ['extensions', 'DaemonSet', 'apps/v1', 'DaemonSet'],
      ['apps', 'Deployment', 'apps/v1', 'Deployment'],
      ['apps', 'StatefulSet', 'apps/v1', 'StatefulSet'],
      ['batch', 'CronJob', 'batch/v1', 'CronJob'],
      ['autoscaling', 'HorizontalPodAutoscaler', 'autoscaling/v2', 'HorizontalPodAutoscaler'],
      ['events.k8s.io', 'Event', 'v1', 'Event'],
      ['', 'Event', 'v1', 'Event'],
      ['networking.k8s.io', 'Ingress', 'networking.k8s.io/v1', 'Ingress'],
    ];
    for (const [group, kind, apiVersion, storedKind] of cases) {
      assert.deepEqual(storageVersionOf(group, kind), { apiVersion, kind: storedKind }, `${group} ${kind}`);
    }
  });

  it('falls back to the resource table for kinds with one version', () => {
    assert.deepEqual(storageVersionOf('', 'Pod'), { apiVersion: 'v1', kind: 'Pod' });
    assert.deepEqual(storageVersionOf('batch', 'Job'), { apiVersion: 'batch/v1', kind: 'Job' });
    assert.throws(() => storageVersionOf('example.com', 'Widget'), ConversionError);
  });

  it('names a version whose schema has the kind', () => {
    for (const { from, hub } of supportedConversions()) {
      const stored = storageVersionOf(from.group, from.kind);
      const { group, version } = parseApiVersion(stored.apiVersion);
      assert.deepEqual([group, version, stored.kind], [hub.group, hub.version, hub.kind]);
      assert.ok(kindType(group, version, stored.kind), `${stored.apiVersion} ${stored.kind}`);
    }
  });
});

/**
 * The fields two versions of a kind do not share, found by walking both schemas: the
 * conversions above handle exactly these, and versions without any convert unchanged.
 */
function schemaDifferences(a: TypeDef, b: TypeDef): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (x: TypeDef, y: TypeDef, path: string) => {
    const k = `${x.name}|${y.name}`;
    if (seen.has(k)) return;
    seen.add(k);
    for (const [name, f] of x.fieldsByName) {
      const g = y.fieldsByName.get(name);
      const p = path === '' ? name : `${path}.${name}`;
      if (!g) out.push(`-${p}`);
      else compare(f.type, g.type, p);
    }
    for (const name of y.fieldsByName.keys()) if (!x.fieldsByName.has(name)) out.push(`+${path === '' ? name : `${path}.${name}`}`);
  };
  const compare = (s: ResolvedType, t: ResolvedType, p: string): void => {
    if (s.kind === 'list' && t.kind === 'list') return compare(s.items, t.items, `${p}[]`);
    if (s.kind === 'map' && t.kind === 'map') return compare(s.values, t.values, `${p}{}`);
    if (s.kind === 'message' && t.kind === 'message') return walk(getType(s.name), getType(t.name), p);
    if (JSON.stringify(s) !== JSON.stringify(t)) out.push(`~${p}`);
  };
  walk(a, b, '');
  return out.sort();
}

describe('the schemas of the versions convert handles', () => {
  const expected: Record<string, string[]> = {
    'extensions/v1beta1 Deployment': ['-spec.rollbackTo'],
    'apps/v1beta1 Deployment': ['-spec.rollbackTo'],
    'extensions/v1beta1 DaemonSet': ['-spec.templateGeneration'],
    'extensions/v1beta1 Ingress': [
      '+spec.defaultBackend',
      '+spec.rules[].http.paths[].backend.service',
      '-spec.backend',
      '-spec.rules[].http.paths[].backend.serviceName',
      '-spec.rules[].http.paths[].backend.servicePort',
    ],
    'extensions/v1beta1 Scale': ['-status.targetSelector', '~status.selector'],
    'apps/v1beta1 Scale': ['-status.targetSelector', '~status.selector'],
    'apps/v1beta2 Scale': ['-status.targetSelector', '~status.selector'],
    'autoscaling/v1 HorizontalPodAutoscaler': [
      '+spec.behavior',
      '+spec.metrics',
      '+status.conditions',
      '+status.currentMetrics',
      '-spec.targetCPUUtilizationPercentage',
      '-status.currentCPUUtilizationPercentage',
    ],
    'events.k8s.io/v1 Event': [
      '+count',
      '+firstTimestamp',
      '+involvedObject',
      '+lastTimestamp',
      '+message',
      '+reportingComponent',
      '+source',
      '-deprecatedCount',
      '-deprecatedFirstTimestamp',
      '-deprecatedLastTimestamp',
      '-deprecatedSource',
      '-note',
      '-regarding',
      '-reportingController',
    ],
  };
  const label = (g: GroupVersionKind) => `${formatApiVersion(g.group, g.version)} ${g.kind}`;

  for (const { from, hub } of supportedConversions()) {
    it(`${label(from)} -> ${label(hub)}: ${expected[label(from)] ? 'differs only where the conversion works' : 'the same fields'}`, () => {
      const a = kindType(from.group, from.version, from.kind);
      const b = kindType(hub.group, hub.version, hub.kind);
      assert.ok(a && b);
      assert.deepEqual(schemaDifferences(a, b), expected[label(from)] ?? []);
    });
  }
});
