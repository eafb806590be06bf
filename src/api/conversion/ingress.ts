/**
 * extensions/v1beta1 Ingress <-> networking.k8s.io/v1 Ingress (storage), as upstream's
 * pkg/apis/extensions/v1beta1/conversion.go:
 * - `spec.backend` <-> `spec.defaultBackend`;
 * - a backend's `serviceName` / `servicePort` <-> `service: {name, port: {number | name}}`:
 *   a string port is a port name, a number a port number; a backend with neither a
 *   service name nor a port (a `resource` backend) has no `service`;
 * - everything else (rules, paths, pathType, tls, ingressClassName, status) is the same.
 */
import { arrayAt, clone, isObject, objectAt, present, rename, type JsonObject } from './util.ts';

function backendToV1(b: JsonObject): void {
  const serviceName = b.serviceName;
  const servicePort = b.servicePort;
  delete b.serviceName;
  delete b.servicePort;
  delete b.service;
  const name = typeof serviceName === 'string' ? serviceName : '';
  // Upstream: len(ServiceName) > 0 || IntVal != 0 || StrVal != "" || Type == String.
  if (name !== '' || typeof servicePort === 'string' || (typeof servicePort === 'number' && servicePort !== 0)) {
    const port: JsonObject = {};
    if (typeof servicePort === 'string') {
      if (servicePort !== '') port.name = servicePort;
    } else if (typeof servicePort === 'number' && servicePort !== 0) {
      port.number = servicePort;
    }
    b.service = { name, port };
  }
}

function backendFromV1(b: JsonObject): void {
  const service = b.service;
  delete b.service;
  delete b.serviceName;
  delete b.servicePort;
  if (isObject(service)) {
    const port = objectAt(service, 'port') ?? {};
    b.serviceName = typeof service.name === 'string' ? service.name : '';
    b.servicePort = typeof port.name === 'string' && port.name !== '' ? port.name : present(port.number) ? port.number : 0;
  }
}

function eachBackend(spec: JsonObject | undefined, defaultKey: string, f: (b: JsonObject) => void): void {
  if (!spec) return;
  const d = objectAt(spec, defaultKey);
  if (d) f(d);
  for (const rule of arrayAt(spec, 'rules') ?? []) {
    const http = isObject(rule) ? objectAt(rule, 'http') : undefined;
    for (const path of arrayAt(http, 'paths') ?? []) {
      const b = isObject(path) ? objectAt(path, 'backend') : undefined;
      if (b) f(b);
    }
  }
}

/** extensions/v1beta1 -> networking.k8s.io/v1. */
export function ingressToV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const spec = objectAt(out, 'spec');
  if (spec) rename(spec, 'backend', 'defaultBackend');
  eachBackend(spec, 'defaultBackend', backendToV1);
  return out;
}

/** networking.k8s.io/v1 -> extensions/v1beta1. */
export function ingressFromV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const spec = objectAt(out, 'spec');
  if (spec) rename(spec, 'defaultBackend', 'backend');
  eachBackend(spec, 'backend', backendFromV1);
  return out;
}
