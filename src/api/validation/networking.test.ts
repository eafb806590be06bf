import { describe } from 'node:test';
import { validateIngress, validateIngressClass, validateNetworkPolicy } from './networking.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

const spec = (o: Obj) => o.spec as Obj;
const dns1123SubdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const wildcardMsg =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const dns1035Msg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe('Ingress', () => {
  const backend = (name: string, port: Obj) => ({ service: { name, port } });
  const ingress: Obj = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      ingressClassName: 'nginx',
      rules: [{ host: 'example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', { number: 80 }) }] } }],
      tls: [{ hosts: ['example.com'], secretName: 'web-tls' }],
    },
  };
  const stored = mutate(ingress, (o) => (o.metadata = storedMeta('web', 'default')));
  const rule0 = (o: Obj) => (spec(o).rules as Obj[])[0]!;
  const path0 = (o: Obj) => ((rule0(o).http as Obj).paths as Obj[])[0]!;
  runCases(validateIngress, [
    { name: 'valid', object: ingress, want: [] },
    {
      name: 'rules or defaultBackend required',
      object: mutate(ingress, (o) => delete spec(o).rules),
      want: ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'],
    },
    {
      name: 'empty rules',
      object: mutate(ingress, (o) => (spec(o).rules = [])),
      want: ['spec: Invalid value: []networking.IngressRule{}: either `defaultBackend` or `rules` must be specified'],
    },
    { name: 'default backend alone is fine', object: mutate(ingress, (o) => Object.assign(spec(o), { rules: undefined, defaultBackend: backend('web', { name: 'http' }) })), want: [] },
    {
      name: 'host is an IP',
      object: mutate(ingress, (o) => (rule0(o).host = '10.0.0.1')),
      want: ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address'],
    },
    {
      name: 'bad host',
      object: mutate(ingress, (o) => (rule0(o).host = 'Example.com')),
      want: [`spec.rules[0].host: Invalid value: "Example.com": ${dns1123SubdomainMsg}`],
    },
    { name: 'wildcard host', object: mutate(ingress, (o) => (rule0(o).host = '*.example.com')), want: [] },
    {
      name: 'bad wildcard host',
      object: mutate(ingress, (o) => (rule0(o).host = 'foo.*.example.com')),
      want: [`spec.rules[0].host: Invalid value: "foo.*.example.com": ${wildcardMsg}`],
    },
    {
      name: 'pathType required',
      object: mutate(ingress, (o) => delete path0(o).pathType),
      want: ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
    },
    {
      name: 'pathType values',
      object: mutate(ingress, (o) => (path0(o).pathType = 'Regex')),
      want: ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'],
    },
    {
      name: 'path syntax for Prefix',
      object: mutate(ingress, (o) => (path0(o).path = 'api//v1/..')),
      want: [
        'spec.rules[0].http.paths[0].path: Invalid value: "api//v1/..": must be an absolute path',
        "spec.rules[0].http.paths[0].path: Invalid value: \"api//v1/..\": must not contain '//'",
        "spec.rules[0].http.paths[0].path: Invalid value: \"api//v1/..\": cannot end with '/..'",
      ],
    },
    {
      name: 'ImplementationSpecific only needs an absolute path',
      object: mutate(ingress, (o) => Object.assign(path0(o), { pathType: 'ImplementationSpecific', path: '/a//b' })),
      want: [],
    },
    { name: 'http paths required', object: mutate(ingress, (o) => (rule0(o).http = { paths: [] })), want: ['spec.rules[0].http.paths: Required value'] },
    {
      name: 'backend service name and port',
      object: mutate(ingress, (o) => (path0(o).backend = backend('Web', { name: 'http', number: 80 }))),
      want: [
        `spec.rules[0].http.paths[0].backend.service.name: Invalid value: "Web": ${dns1035Msg}`,
        'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
      ],
    },
    {
      name: 'backend port required',
      object: mutate(ingress, (o) => (path0(o).backend = backend('web', {}))),
      want: ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required'],
    },
    {
      name: 'backend port number range',
      object: mutate(ingress, (o) => (path0(o).backend = backend('web', { number: 70000 }))),
      want: ['spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    },
    {
      name: 'service and resource backends together',
      object: mutate(ingress, (o) => (path0(o).backend = { ...backend('web', { number: 80 }), resource: { kind: 'StorageBucket', name: 'assets' } })),
      want: ['spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both resource and service backends'],
    },
    {
      name: 'resource backend',
      object: mutate(ingress, (o) => (path0(o).backend = { resource: { apiGroup: 'k8s.example.com', kind: '', name: 'a%b' } })),
      want: ['spec.rules[0].http.paths[0].backend.resource.kind: Required value: kind is required', "spec.rules[0].http.paths[0].backend.resource.name: Invalid value: \"a%b\": may not contain '%'"],
    },
    {
      name: 'no backend',
      object: mutate(ingress, (o) => (path0(o).backend = {})),
      want: ['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required'],
    },
    {
      name: 'tls host and secret name',
      object: mutate(ingress, (o) => (spec(o).tls = [{ hosts: ['Example.com'], secretName: 'Web_TLS' }])),
      want: [`spec.tls[0].hosts[0]: Invalid value: "Example.com": ${dns1123SubdomainMsg}`, `spec.tls[0].secretName: Invalid value: "Web_TLS": ${dns1123SubdomainMsg}`],
    },
    {
      name: 'ingressClassName',
      object: mutate(ingress, (o) => (spec(o).ingressClassName = 'Nginx')),
      want: [`spec.ingressClassName: Invalid value: "Nginx": ${dns1123SubdomainMsg}`],
    },
    {
      name: 'class annotation must match ingressClassName',
      object: mutate(ingress, (o) => ((o.metadata as Obj).annotations = { 'kubernetes.io/ingress.class': 'traefik' })),
      want: ['annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified'],
    },
    {
      name: 'update: a stored invalid TLS secret name is tolerated',
      object: mutate(stored, (o) => (spec(o).tls = [{ hosts: ['example.com'], secretName: 'Web_TLS' }])),
      old: mutate(stored, (o) => (spec(o).tls = [{ hosts: ['example.com'], secretName: 'Web_TLS' }])),
      want: [],
    },
  ]);
});

describe('IngressClass', () => {
  const ic: Obj = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external', scope: 'Cluster' } },
  };
  const stored = mutate(ic, (o) => (o.metadata = storedMeta('nginx')));
  const params = (o: Obj) => spec(o).parameters as Obj;
  runCases(validateIngressClass, [
    { name: 'valid', object: ic, want: [] },
    { name: 'namespaced metadata forbidden', object: mutate(ic, (o) => ((o.metadata as Obj).namespace = 'default')), want: ['metadata.namespace: Forbidden: not allowed on this type'] },
    {
      name: 'controller must be a domain-prefixed path',
      object: mutate(ic, (o) => (spec(o).controller = 'nginx')),
      want: ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")'],
    },
    { name: 'controller required', object: mutate(ic, (o) => (spec(o).controller = '')), want: ['spec.controller: Required value'] },
    { name: 'parameters scope required', object: mutate(ic, (o) => delete params(o).scope), want: ['spec.parameters.scope: Required value'] },
    {
      name: 'parameters scope values',
      object: mutate(ic, (o) => (params(o).scope = 'Global')),
      want: ['spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"'],
    },
    {
      name: 'Namespace scope needs a namespace',
      object: mutate(ic, (o) => (params(o).scope = 'Namespace')),
      want: ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"],
    },
    {
      name: 'Cluster scope forbids a namespace',
      object: mutate(ic, (o) => (params(o).namespace = 'default')),
      want: ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"],
    },
    {
      name: 'update: controller is immutable',
      object: mutate(stored, (o) => (spec(o).controller = 'example.com/other')),
      old: stored,
      want: ['spec.controller: Invalid value: "example.com/other": field is immutable'],
    },
  ]);
});

describe('NetworkPolicy', () => {
  const np: Obj = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'allow-web', namespace: 'default' },
    spec: {
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.1.0/24'] } }, { namespaceSelector: {} }], ports: [{ protocol: 'TCP', port: 80 }] }],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432, endPort: 5440 }] }],
      policyTypes: ['Ingress', 'Egress'],
    },
  };
  const ingressRule = (o: Obj) => (spec(o).ingress as Obj[])[0]!;
  runCases(validateNetworkPolicy, [
    { name: 'valid', object: np, want: [] },
    {
      name: 'port protocol and range',
      object: mutate(np, (o) => (ingressRule(o).ports = [{ protocol: 'ICMP', port: 0 }, { port: 'http', endPort: 90 }, { endPort: 10 }, { port: 100, endPort: 90 }])),
      want: [
        'spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"',
        'spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
        'spec.ingress[0].ports[2].endPort: Invalid value: 10: may not be specified when `port` is not specified',
        'spec.ingress[0].ports[3].endPort: Invalid value: 100: must be greater than or equal to `port`',
      ],
    },
    {
      name: 'named port',
      object: mutate(np, (o) => (ingressRule(o).ports = [{ port: 'HTTP' }])),
      want: ['spec.ingress[0].ports[0].port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'spec.ingress[0].ports[0].port: Invalid value: "HTTP": must contain at least one letter (a-z)'],
    },
    {
      name: 'peer required',
      object: mutate(np, (o) => (ingressRule(o).from = [{}])),
      want: ['spec.ingress[0].from[0]: Required value: must specify a peer'],
    },
    {
      name: 'ipBlock with another peer',
      object: mutate(np, (o) => (ingressRule(o).from = [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }])),
      want: ['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer'],
    },
    {
      name: 'ipBlock cidr',
      object: mutate(np, (o) => (ingressRule(o).from = [{ ipBlock: { cidr: '' } }, { ipBlock: { cidr: '10.0.0.0/33' } }])),
      want: ['spec.ingress[0].from[0].ipBlock.cidr: Required value', 'spec.ingress[0].from[1].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    },
    {
      name: 'except must be a strict subset',
      object: mutate(np, (o) => (ingressRule(o).from = [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.0.0.0/16', '192.168.0.0/24', 'bad'] } }])),
      want: [
        'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`',
        'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "192.168.0.0/24": must be a strict subset of `cidr`',
        'spec.ingress[0].from[0].ipBlock.except[2]: Invalid value: "bad": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      ],
    },
    {
      name: 'policyTypes',
      object: mutate(np, (o) => (spec(o).policyTypes = ['Ingress', 'Sideways'])),
      want: ['spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"'],
    },
    {
      name: 'too many policyTypes',
      object: mutate(np, (o) => (spec(o).policyTypes = ['Ingress', 'Egress', 'Ingress'])),
      want: ['spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes'],
    },
    {
      name: 'update: stored invalid selector values are tolerated',
      object: mutate(np, (o) => {
        o.metadata = storedMeta('allow-web', 'default');
        spec(o).podSelector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['bad value!'] }] };
      }),
      old: mutate(np, (o) => {
        o.metadata = storedMeta('allow-web', 'default');
        spec(o).podSelector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['bad value!'] }] };
      }),
      want: [],
    },
  ]);
});
