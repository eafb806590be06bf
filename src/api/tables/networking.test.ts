// Cases follow upstream's printers_test.go (TestPrintIngress, TestPrintIngressClass,
// TestPrintNetworkPolicy, TestPrintEndpointSlice).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointSlices, ingressClasses, ingresses, ipAddresses, networkPolicies, serviceCIDRs } from './networking.ts';
import type { ApiObject, TableDef } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const SOON = iso(NOW + 1000);
const FIVE_MIN = iso(NOW - 5 * 60_000);
const years = (n: number) => iso(NOW - n * 365 * 24 * 3600_000);
const cells = (def: TableDef, o: ApiObject) => def.cells(o, NOW);

describe('ingresses', () => {
  it('class, hosts, address, ports, age', () => {
    assert.deepEqual(
      cells(ingresses, {
        metadata: { name: 'test1', creationTimestamp: years(10) },
        spec: {
          ingressClassName: 'foo',
          defaultBackend: { service: { name: 'default-backend', port: { name: 'default-backend', number: 80 } } },
        },
        status: { loadBalancer: { ingress: [{ ip: '2.3.4.5', hostname: 'localhost.localdomain' }] } },
      }),
      ['test1', 'foo', '*', '2.3.4.5', '80', '10y'],
    );
  });
  it('hosts beyond three, TLS, hostnames', () => {
    assert.deepEqual(
      cells(ingresses, {
        metadata: { name: 'many', creationTimestamp: FIVE_MIN },
        spec: {
          rules: [{ host: 'a.example.com' }, {}, { host: 'b.example.com' }, { host: 'c.example.com' }, { host: 'd.example.com' }],
          tls: [{ hosts: ['a.example.com'] }],
        },
        status: { loadBalancer: { ingress: [{ hostname: 'lb.example.net' }, { ip: '10.0.0.1' }, { ip: '10.0.0.1' }] } },
      }),
      ['many', '<none>', 'a.example.com,b.example.com,c.example.com + 2 more...', '10.0.0.1,lb.example.net', '80, 443', '5m'],
    );
  });
});

describe('ingress classes', () => {
  const ic = (name: string, spec: object, created: string): ApiObject => ({ metadata: { name, creationTimestamp: created }, spec });
  it('follows upstream cases', () => {
    assert.deepEqual(cells(ingressClasses, ic('test1', { controller: 'example.com/controller', parameters: { kind: 'customgroup', name: 'example' } }, years(10))), [
      'test1',
      'example.com/controller',
      'customgroup/example',
      '10y',
    ]);
    assert.deepEqual(
      cells(
        ingressClasses,
        ic('test1', { controller: 'example.com/controller', parameters: { apiGroup: 'example.com', kind: 'customgroup', name: 'example' } }, years(10)),
      ),
      ['test1', 'example.com/controller', 'customgroup.example.com/example', '10y'],
    );
    assert.deepEqual(cells(ingressClasses, ic('test2', { controller: 'example.com/controller2' }, years(11))), [
      'test2',
      'example.com/controller2',
      '<none>',
      '11y',
    ]);
  });
});

describe('network policies', () => {
  it('follows upstream cases', () => {
    assert.deepEqual(cells(networkPolicies, { metadata: { name: 'policy1', creationTimestamp: SOON }, spec: {} }), ['policy1', '<none>', '0s']);
    assert.deepEqual(cells(networkPolicies, { metadata: { name: 'policy1', creationTimestamp: SOON }, spec: { podSelector: {} } }), [
      'policy1',
      '<none>',
      '0s',
    ]);
    assert.deepEqual(
      cells(networkPolicies, { metadata: { name: 'policy2', creationTimestamp: SOON }, spec: { podSelector: { matchLabels: { foo: 'bar' } } } }),
      ['policy2', 'foo=bar', '0s'],
    );
  });
});

describe('endpoint slices', () => {
  it('follows upstream cases', () => {
    assert.deepEqual(
      cells(endpointSlices, {
        metadata: { name: 'abcslice.123', creationTimestamp: SOON },
        addressType: 'IPv4',
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
        endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }],
      }),
      ['abcslice.123', 'IPv4', '80', '10.1.2.3,2001:db8::1234:5678', '0s'],
    );
    assert.deepEqual(
      cells(endpointSlices, {
        metadata: { name: 'longerslicename.123', creationTimestamp: FIVE_MIN },
        addressType: 'IPv6',
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'https', port: 443, protocol: 'TCP' },
        ],
        endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }, { addresses: ['10.2.3.4', '2001:db8::2345:6789'] }],
      }),
      ['longerslicename.123', 'IPv6', '80,443', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m'],
    );
    assert.deepEqual(
      cells(endpointSlices, {
        metadata: { name: 'multiportslice.123', creationTimestamp: FIVE_MIN },
        addressType: 'IPv4',
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'https', port: 443, protocol: 'TCP' },
          { name: 'extra1', port: 3000, protocol: 'TCP' },
          { name: 'extra2', port: 3001, protocol: 'TCP' },
        ],
        endpoints: [{ addresses: ['10.1.2.3', '2001:db8::1234:5678'] }, { addresses: ['10.2.3.4', '2001:db8::2345:6789'] }],
      }),
      ['multiportslice.123', 'IPv4', '80,443,3000 + 1 more...', '10.1.2.3,2001:db8::1234:5678,10.2.3.4 + 1 more...', '5m'],
    );
  });
  it('unset ports and endpoints, ports without numbers', () => {
    assert.deepEqual(cells(endpointSlices, { metadata: { name: 'empty', creationTimestamp: SOON }, addressType: 'IPv4' }), [
      'empty',
      'IPv4',
      '<unset>',
      '<unset>',
      '0s',
    ]);
    assert.equal(cells(endpointSlices, { metadata: { name: 'x' }, ports: [{ name: 'dns' }, {}] })[2], 'dns,*');
  });
});

describe('service CIDRs and IP addresses', () => {
  it('service CIDRs', () => {
    assert.deepEqual(cells(serviceCIDRs, { metadata: { name: 'kubernetes', creationTimestamp: FIVE_MIN }, spec: { cidrs: ['10.96.0.0/12', 'fd00::/108'] } }), [
      'kubernetes',
      '10.96.0.0/12,fd00::/108',
      '5m',
    ]);
  });
  it('IP addresses: parent reference (and, as upstream, an age cell past the columns)', () => {
    assert.deepEqual(
      cells(ipAddresses, {
        metadata: { name: '10.96.0.1', creationTimestamp: FIVE_MIN },
        spec: { parentRef: { group: '', resource: 'services', namespace: 'default', name: 'kubernetes' } },
      }),
      ['10.96.0.1', 'services/default/kubernetes', '5m'],
    );
    assert.deepEqual(cells(ipAddresses, { metadata: { name: 'x' }, spec: { parentRef: { group: 'gateway.networking.k8s.io', resource: 'Gateways', name: 'gw' } } })[1], 'gateways.gateway.networking.k8s.io/gw');
    assert.equal(cells(ipAddresses, { metadata: { name: 'x' }, spec: {} })[1], '<none>');
  });
});
