// NetworkPolicy, IngressClass, Ingress and EndpointSlice defaulting, after upstream's
// networking/v1, extensions/v1beta1 and discovery/v1 defaults_test.go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from './index.ts';

type Obj = Record<string, unknown>;
const defaulted = (group: string, version: string, kind: string, object: Obj): Obj => {
  applyDefaults(group, version, kind, object);
  return object;
};

describe('NetworkPolicy', () => {
  for (const [group, version] of [
    ['networking.k8s.io', 'v1'],
    ['extensions', 'v1beta1'],
  ] as const) {
    describe(`${group}/${version}`, () => {
      it('infers Ingress when no type is named and there are no egress rules', () => {
        const np = defaulted(group, version, 'NetworkPolicy', { spec: { podSelector: {}, ingress: [{ ports: [{ port: 80 }, { port: 53, protocol: 'UDP' }] }] } });
        assert.deepEqual(np.spec, { podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }], policyTypes: ['Ingress'] });
      });

      it('infers Ingress and Egress with egress rules', () => {
        const np = defaulted(group, version, 'NetworkPolicy', { spec: { podSelector: {}, egress: [{ ports: [{ port: 443 }] }] } });
        assert.deepEqual(np.spec, { podSelector: {}, egress: [{ ports: [{ port: 443, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] });
      });

      it('keeps named types', () => {
        const np = defaulted(group, version, 'NetworkPolicy', { spec: { podSelector: {}, egress: [{}], policyTypes: ['Egress'] } });
        assert.deepEqual((np.spec as Obj).policyTypes, ['Egress']);
      });

      it('treats a missing spec as empty', () => {
        assert.deepEqual(defaulted(group, version, 'NetworkPolicy', { metadata: { name: 'n' } }).spec, { policyTypes: ['Ingress'] });
      });
    });
  }
});

describe('IngressClass', () => {
  it('scopes parameters to the cluster', () => {
    const ic = defaulted('networking.k8s.io', 'v1', 'IngressClass', { spec: { controller: 'x/y', parameters: { kind: 'K', name: 'n' } } });
    assert.deepEqual(ic.spec, { controller: 'x/y', parameters: { kind: 'K', name: 'n', scope: 'Cluster' } });
    const ns = defaulted('networking.k8s.io', 'v1', 'IngressClass', { spec: { parameters: { kind: 'K', name: 'n', scope: 'Namespace', namespace: 'a' } } });
    assert.equal(((ns.spec as Obj).parameters as Obj).scope, 'Namespace');
    assert.deepEqual(defaulted('networking.k8s.io', 'v1', 'IngressClass', { spec: { controller: 'x/y' } }).spec, { controller: 'x/y' });
  });
});

describe('Ingress', () => {
  const rules = () => [{ host: 'a.example.com', http: { paths: [{ path: '/', backend: {} }, { path: '/x', pathType: 'Prefix', backend: {} }] } }];
  it('extensions/v1beta1 defaults pathType to ImplementationSpecific', () => {
    const ing = defaulted('extensions', 'v1beta1', 'Ingress', { spec: { rules: rules() } });
    const paths = ((((ing.spec as Obj).rules as Obj[])[0]!.http as Obj).paths as Obj[]).map((p) => p.pathType);
    assert.deepEqual(paths, ['ImplementationSpecific', 'Prefix']);
  });
  it('networking.k8s.io/v1 has no defaults', () => {
    const ing = defaulted('networking.k8s.io', 'v1', 'Ingress', { spec: { rules: rules() } });
    assert.deepEqual(ing, { spec: { rules: rules() } });
  });
});

describe('EndpointSlice', () => {
  it('defaults port name and protocol', () => {
    const slice = defaulted('discovery.k8s.io', 'v1', 'EndpointSlice', {
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.1'] }],
      ports: [{ port: 80 }, { name: 'dns', port: 53, protocol: 'UDP' }],
    });
    assert.deepEqual(slice.ports, [
      { port: 80, name: '', protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP' },
    ]);
    assert.deepEqual(slice.endpoints, [{ addresses: ['10.0.0.1'] }]);
  });
});
