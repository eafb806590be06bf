/**
 * Tables of networking.k8s.io (ingresses, ingress classes, network policies, service
 * CIDRs, IP addresses) and discovery.k8s.io (endpoint slices).
 */
import { loadBalancerIngress } from './core.ts';
import {
  ageColumn,
  ageOf,
  arr,
  col,
  def,
  formatLabelSelector,
  listWithMore,
  nameColumn,
  nameOf,
  numOrUndef,
  obj,
  objOrUndef,
  objs,
  str,
  strOrUndef,
} from './util.ts';

/** Up to three rule hosts, "*" when no rule names a host (`formatHosts`). */
function formatHosts(rules: Record<string, unknown>[]): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && str(rule.host) !== '') list.push(str(rule.host));
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rules.length - max} more...` : ret;
}

export const ingresses = def(
  [
    nameColumn,
    col('Class', 'string', 'The IngressClass that handles the ingress.'),
    col('Hosts', 'string', 'Host names the rules match.'),
    col('Address', 'string', 'Addresses of the load balancer serving the ingress.'),
    col('Ports', 'string', 'Ports the ingress serves: 80, and 443 with TLS.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [
      nameOf(o),
      strOrUndef(spec.ingressClassName) ?? '<none>',
      formatHosts(objs(spec.rules)),
      loadBalancerIngress(obj(obj(o.status).loadBalancer)),
      arr(spec.tls).length > 0 ? '80, 443' : '80',
      ageOf(o, now),
    ];
  },
);

export const ingressClasses = def(
  [
    nameColumn,
    col('Controller', 'string', 'The controller that implements the class.'),
    col('Parameters', 'string', 'The resource holding extra configuration, as kind.group/name.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const p = objOrUndef(spec.parameters);
    let parameters = '<none>';
    if (p !== undefined) {
      parameters = str(p.kind);
      const group = strOrUndef(p.apiGroup);
      if (group !== undefined) parameters += `.${group}`;
      parameters += `/${str(p.name)}`;
    }
    return [nameOf(o), str(spec.controller), parameters, ageOf(o, now)];
  },
);

export const networkPolicies = def(
  [nameColumn, col('Pod-Selector', 'string', 'Labels of the pods the policy applies to.'), ageColumn],
  (o, now) => [nameOf(o), formatLabelSelector(obj(obj(o.spec).podSelector)), ageOf(o, now)],
);

export const endpointSlices = def(
  [
    nameColumn,
    col('AddressType', 'string', 'IPv4, IPv6 or FQDN.'),
    col('Ports', 'string', 'Port numbers of the slice.'),
    col('Endpoints', 'string', 'Addresses of the endpoints in the slice.'),
    ageColumn,
  ],
  (o, now) => {
    const ports = objs(o.ports).map((p) => {
      const port = numOrUndef(p.port);
      if (port !== undefined) return String(port);
      return strOrUndef(p.name) ?? '*';
    });
    const addresses = objs(o.endpoints).flatMap((e) => arr(e.addresses).map(str));
    return [nameOf(o), str(o.addressType), listWithMore(ports), listWithMore(addresses), ageOf(o, now)];
  },
);

export const serviceCIDRs = def(
  [nameColumn, col('CIDRs', 'string', 'The IP ranges service IPs are allocated from.'), ageColumn],
  (o, now) => [nameOf(o), arr(obj(o.spec).cidrs).map(str).join(','), ageOf(o, now)],
);

export const ipAddresses = def(
  [nameColumn, col('ParentRef', 'string', 'The object the address is allocated to.')],
  (o, now) => {
    const ref = objOrUndef(obj(o.spec).parentRef);
    let parent = '<none>';
    if (ref !== undefined) {
      const group = str(ref.group);
      const resource = str(ref.resource);
      parent = (group === '' ? resource : `${resource}.${group}`).toLowerCase();
      if (str(ref.namespace) !== '') parent += `/${str(ref.namespace)}`;
      parent += `/${str(ref.name)}`;
    }
    // Upstream appends the age although the table declares only two columns.
    return [nameOf(o), parent, ageOf(o, now)];
  },
);
