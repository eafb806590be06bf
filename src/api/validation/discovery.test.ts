import { describe } from 'node:test';
import { validateEndpointSlice } from './discovery.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

const dns1123LabelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('EndpointSlice', () => {
  const slice: Obj = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc12', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.1.2.3'], conditions: { ready: true }, nodeName: 'node-1', zone: 'us-east-1a', hints: { forZones: [{ name: 'us-east-1a' }] } }],
    ports: [{ name: 'http', protocol: 'TCP', port: 80 }],
  };
  const stored = mutate(slice, (o) => (o.metadata = storedMeta('web-abc12', 'default')));
  const ep = (o: Obj) => (o.endpoints as Obj[])[0]!;
  runCases(validateEndpointSlice, [
    { name: 'valid', object: slice, want: [] },
    { name: 'addressType required', object: mutate(slice, (o) => delete o.addressType), want: ['addressType: Required value'] },
    {
      name: 'addressType values',
      object: mutate(slice, (o) => (o.addressType = 'IP')),
      want: ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"'],
    },
    { name: 'addresses required', object: mutate(slice, (o) => (ep(o).addresses = [])), want: ['endpoints[0].addresses: Required value: must contain at least 1 address'] },
    {
      name: 'IPv4 addresses',
      object: mutate(slice, (o) => (ep(o).addresses = ['10.1.2', 'fd00::1', '127.0.0.1', '169.254.169.254', '0.0.0.0'])),
      want: [
        'endpoints[0].addresses[0]: Invalid value: "10.1.2": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'endpoints[0].addresses[1]: Invalid value: "fd00::1": must be an IPv4 address',
        'endpoints[0].addresses[2]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'endpoints[0].addresses[3]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
        'endpoints[0].addresses[4]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
      ],
    },
    {
      name: 'IPv6 addresses',
      object: mutate(slice, (o) => {
        o.addressType = 'IPv6';
        ep(o).addresses = ['fd00::1', '10.0.0.1', '::1', 'ff02::1'];
      }),
      want: [
        'endpoints[0].addresses[1]: Invalid value: "10.0.0.1": must be an IPv6 address',
        'endpoints[0].addresses[2]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'endpoints[0].addresses[3]: Invalid value: "ff02::1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ],
    },
    {
      name: 'FQDN addresses',
      object: mutate(slice, (o) => {
        o.addressType = 'FQDN';
        ep(o).addresses = ['web.example.com', 'localhost'];
      }),
      want: ['endpoints[0].addresses[1]: Invalid value: "localhost": should be a domain with at least two segments separated by dots'],
    },
    {
      name: 'hostname, nodeName and hints',
      object: mutate(slice, (o) => Object.assign(ep(o), { hostname: 'Web_0', nodeName: 'Node_1', hints: { forZones: [{ name: 'a' }, { name: 'a' }] } })),
      want: [
        'endpoints[0].nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')',
        `endpoints[0].hostname: Invalid value: "Web_0": ${dns1123LabelMsg}`,
        'endpoints[0].hints.forZones[1].name: Duplicate value: "a"',
      ],
    },
    {
      name: 'deprecatedTopology may not hold the zone label',
      object: mutate(slice, (o) => (ep(o).deprecatedTopology = { 'topology.kubernetes.io/zone': 'a' })),
      want: ['endpoints[0].deprecatedTopology[topology.kubernetes.io/zone]: Internal error: reserved key was not removed in conversion'],
    },
    {
      name: 'ports',
      object: mutate(slice, (o) => (o.ports = [{ name: 'http', protocol: 'TCP' }, { name: 'http', protocol: 'ICMP' }, { name: 'Metrics', appProtocol: 'a/b/c' }])),
      want: [
        'ports[1].name: Duplicate value: "http"',
        'ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
        `ports[2].name: Invalid value: "Metrics": ${dns1123LabelMsg}`,
        'ports[2].protocol: Required value',
        "ports[2].appProtocol: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    },
    {
      name: 'update: addressType is immutable',
      object: mutate(stored, (o) => {
        o.addressType = 'IPv6';
        ep(o).addresses = ['fd00::1'];
      }),
      old: stored,
      want: ['addressType: Invalid value: "IPv6": field is immutable'],
    },
  ]);
});
