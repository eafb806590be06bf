import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convert } from './index.ts';
import { deepFreeze, wire } from './testutil.ts';

const status = { loadBalancer: { ingress: [{ ip: '10.0.0.1', ports: [{ port: 80, protocol: 'TCP' }] }] } };

const old = deepFreeze({
  apiVersion: 'extensions/v1beta1',
  kind: 'Ingress',
  metadata: { name: 'kubia', namespace: 'default' },
  spec: {
    ingressClassName: 'nginx',
    backend: { serviceName: 'default-http', servicePort: 8080 },
    tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }],
    rules: [
      {
        host: 'kubia.example.com',
        http: {
          paths: [
            { path: '/kubia', pathType: 'Prefix', backend: { serviceName: 'kubia', servicePort: 80 } },
            { path: '/foo', pathType: 'ImplementationSpecific', backend: { serviceName: 'bar', servicePort: 'http' } },
            { path: '/static', pathType: 'Exact', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } } },
          ],
        },
      },
    ],
  },
  status,
});

const stored = deepFreeze({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'kubia', namespace: 'default' },
  spec: {
    ingressClassName: 'nginx',
    defaultBackend: { service: { name: 'default-http', port: { number: 8080 } } },
    tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }],
    rules: [
      {
        host: 'kubia.example.com',
        http: {
          paths: [
            { path: '/kubia', pathType: 'Prefix', backend: { service: { name: 'kubia', port: { number: 80 } } } },
            { path: '/foo', pathType: 'ImplementationSpecific', backend: { service: { name: 'bar', port: { name: 'http' } } } },
            { path: '/static', pathType: 'Exact', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } } },
          ],
        },
      },
    ],
  },
  status,
});

describe('Ingress: extensions/v1beta1 <-> networking.k8s.io/v1', () => {
  it('serviceName/servicePort become service {name, port: {number | name}}, backend becomes defaultBackend', () => {
    assert.deepEqual(convert(old, 'networking.k8s.io/v1'), stored);
  });

  it('and back', () => {
    assert.deepEqual(convert(stored, 'extensions/v1beta1'), old);
  });

  it('round trips both ways, also on the wire', () => {
    assert.deepEqual(convert(convert(old, 'networking.k8s.io/v1'), 'extensions/v1beta1'), old);
    assert.deepEqual(convert(convert(stored, 'extensions/v1beta1'), 'networking.k8s.io/v1'), stored);
    assert.deepEqual(wire(convert(old, 'networking.k8s.io/v1')), wire(stored));
    assert.deepEqual(wire(convert(stored, 'extensions/v1beta1')), wire(old));
  });

  it('a service backend without a port number reads as servicePort 0', () => {
    const v1 = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'a' },
      spec: { defaultBackend: { service: { name: 'svc', port: {} } } },
    };
    assert.deepEqual(convert(v1, 'extensions/v1beta1').spec, { backend: { serviceName: 'svc', servicePort: 0 } });
  });

  it('a port alone (no service name) still makes a service, as upstream', () => {
    const ext = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'a' }, spec: { backend: { servicePort: 'web' } } };
    assert.deepEqual(convert(ext, 'networking.k8s.io/v1').spec, { defaultBackend: { service: { name: '', port: { name: 'web' } } } });
  });

  it('converts IngressLists', () => {
    const { apiVersion: _a, kind: _k, ...item } = old;
    const list = { apiVersion: 'extensions/v1beta1', kind: 'IngressList', metadata: {}, items: [item] };
    const { apiVersion: _b, kind: _l, ...want } = stored;
    assert.deepEqual(convert(list, 'networking.k8s.io/v1'), { apiVersion: 'networking.k8s.io/v1', kind: 'IngressList', metadata: {}, items: [want] });
  });
});

describe('NetworkPolicy: extensions/v1beta1 <-> networking.k8s.io/v1', () => {
  it('has the same fields', () => {
    const np = (apiVersion: string) => ({
      apiVersion,
      kind: 'NetworkPolicy',
      metadata: { name: 'deny' },
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
        policyTypes: ['Ingress'],
      },
    });
    assert.deepEqual(convert(np('extensions/v1beta1'), 'networking.k8s.io/v1'), np('networking.k8s.io/v1'));
    assert.deepEqual(convert(np('networking.k8s.io/v1'), 'extensions/v1beta1'), np('extensions/v1beta1'));
  });
});
