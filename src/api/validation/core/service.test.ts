import { describe } from 'node:test';
import { type Obj, dns1123LabelMsg, dns1123SubdomainMsg, labelValueMsg, mutate, runCoreCases, storedMeta } from './fixtures.ts';

const spec = (o: Obj) => o.spec as Obj;
const port = (o: Obj, i = 0) => (spec(o).ports as Obj[])[i]!;

describe('Service create', () => {
  const base: Obj = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      type: 'ClusterIP',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      clusterIP: '10.43.0.10',
      clusterIPs: ['10.43.0.10'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  };
  const nodePort = mutate(base, (o) => {
    spec(o).type = 'NodePort';
    spec(o).externalTrafficPolicy = 'Cluster';
    port(o).nodePort = 30080;
  });
  const loadBalancer = mutate(nodePort, (o) => {
    spec(o).type = 'LoadBalancer';
    spec(o).allocateLoadBalancerNodePorts = true;
  });
  const externalName: Obj = {
    metadata: { name: 'ext', namespace: 'default' },
    spec: { type: 'ExternalName', externalName: 'example.com.', sessionAffinity: 'None' },
  };

  runCoreCases('Service', [
    { name: 'valid ClusterIP', object: base, want: [] },
    { name: 'valid NodePort', object: nodePort, want: [] },
    { name: 'valid LoadBalancer', object: loadBalancer, want: [] },
    { name: 'valid ExternalName', object: externalName, want: [] },
    {
      name: 'valid headless without ports',
      object: mutate(base, (o) => {
        delete spec(o).ports;
        spec(o).clusterIP = 'None';
        spec(o).clusterIPs = ['None'];
      }),
      want: [],
    },
    { name: 'clusterIP alone (an old client)', object: mutate(base, (o) => delete spec(o).clusterIPs), want: [] },
    { name: 'no ports', object: mutate(base, (o) => delete spec(o).ports), want: ['spec.ports: Required value'] },
    {
      name: 'bad port and a nodePort on ClusterIP',
      object: mutate(base, (o) => {
        port(o).port = 0;
        port(o).nodePort = 30001;
      }),
      want: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    },
    {
      name: 'nodePort outside the range',
      object: mutate(nodePort, (o) => (port(o).nodePort = 80)),
      want: ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    },
    {
      name: 'port names required when more than one, unique, labels',
      object: mutate(base, (o) => {
        spec(o).ports = [
          { port: 80, protocol: 'TCP', targetPort: 80 },
          { name: 'a', port: 81, protocol: 'TCP', targetPort: 81 },
          { name: 'a', port: 82, protocol: 'TCP', targetPort: 82 },
          { name: 'B', port: 83, protocol: 'HTTP', targetPort: 'Bad_Name' },
        ];
      }),
      want: [
        'spec.ports[0].name: Required value',
        'spec.ports[2].name: Duplicate value: "a"',
        `spec.ports[3].name: Invalid value: "B": ${dns1123LabelMsg}`,
        'spec.ports[3].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
        'spec.ports[3].targetPort: Invalid value: "Bad_Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    },
    {
      name: 'duplicate port and protocol',
      object: mutate(base, (o) => {
        spec(o).ports = [
          { name: 'a', port: 80, protocol: 'TCP', targetPort: 80 },
          { name: 'b', port: 80, protocol: 'TCP', targetPort: 81 },
        ];
      }),
      want: [
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    },
    {
      name: 'bad type',
      object: mutate(base, (o) => (spec(o).type = 'Foo')),
      want: ['spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    },
    {
      name: 'bad selector',
      object: mutate(base, (o) => (spec(o).selector = { app: 'a b' })),
      want: [`spec.selector: Invalid value: "a b": ${labelValueMsg}`],
    },
    {
      name: 'bad name',
      object: mutate(base, (o) => ((o.metadata as Obj).name = '1web')),
      want: [
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    {
      name: 'ExternalName without a name',
      object: mutate(externalName, (o) => delete spec(o).externalName),
      want: ['spec.externalName: Required value'],
    },
    {
      name: 'ExternalName with a bad name and cluster IPs',
      object: mutate(externalName, (o) => {
        spec(o).externalName = 'Bad_Host';
        spec(o).clusterIPs = ['10.43.0.1'];
      }),
      want: ['spec.clusterIPs: Forbidden: may not be set for ExternalName services', `spec.externalName: Invalid value: "Bad_Host": ${dns1123SubdomainMsg}`],
    },
    {
      name: 'clusterIPs do not match clusterIP',
      object: mutate(base, (o) => (spec(o).clusterIPs = ['10.43.0.11'])),
      want: ['spec.clusterIPs: Invalid value: []string{"10.43.0.11"}: first value must match `clusterIP`'],
    },
    {
      name: 'bad cluster IP and family',
      object: mutate(base, (o) => {
        spec(o).clusterIP = '10.43.0.300';
        spec(o).clusterIPs = ['10.43.0.300'];
        spec(o).ipFamilies = ['IPv5'];
      }),
      want: [
        'spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"',
        'spec.clusterIPs[0]: Invalid value: "10.43.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    },
    {
      name: 'IPv6 address for an IPv4 family',
      object: mutate(base, (o) => {
        spec(o).clusterIP = 'fd00::10';
        spec(o).clusterIPs = ['fd00::10'];
      }),
      want: ['spec.clusterIPs[0]: Invalid value: "fd00::10": expected an IPv4 value as indicated by `ipFamilies[0]`'],
    },
    {
      name: 'headless LoadBalancer',
      object: mutate(loadBalancer, (o) => {
        spec(o).clusterIP = 'None';
        spec(o).clusterIPs = ['None'];
      }),
      want: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"],
    },
    {
      name: 'LoadBalancer without allocateLoadBalancerNodePorts',
      object: mutate(loadBalancer, (o) => delete spec(o).allocateLoadBalancerNodePorts),
      want: ['allocateLoadBalancerNodePorts: Required value'],
    },
    {
      name: 'session affinity',
      object: mutate(base, (o) => (spec(o).sessionAffinity = 'ClientIP')),
      want: ['spec.sessionAffinityConfig: Required value: when session affinity type is ClientIP'],
    },
    {
      name: 'client IP timeout',
      object: mutate(base, (o) => {
        spec(o).sessionAffinity = 'ClientIP';
        spec(o).sessionAffinityConfig = { clientIP: { timeoutSeconds: 0 } };
      }),
      want: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400'],
    },
    {
      name: 'special external IPs',
      object: mutate(base, (o) => {
        spec(o).externalIPs = ['127.0.0.1', 'not-an-ip'];
        spec(o).externalTrafficPolicy = 'Cluster';
      }),
      want: [
        'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'spec.externalIPs[1]: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    },
    {
      name: 'external traffic policy on a ClusterIP service',
      object: mutate(base, (o) => (spec(o).externalTrafficPolicy = 'Local')),
      want: ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    },
    {
      name: 'health check port needs Local on a LoadBalancer',
      object: mutate(loadBalancer, (o) => (spec(o).externalTrafficPolicy = 'Local')),
      want: ['spec.healthCheckNodePort: Required value'],
    },
    {
      name: 'source ranges only for LoadBalancer',
      object: mutate(base, (o) => (spec(o).loadBalancerSourceRanges = ['10.0.0.0/8', 'bad'])),
      want: [
        "spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
        'spec.LoadBalancerSourceRanges[1]: Invalid value: "bad": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      ],
    },
    { name: 'internal traffic policy required', object: mutate(base, (o) => delete spec(o).internalTrafficPolicy), want: ['spec.internalTrafficPolicy: Required value'] },
  ]);
});

describe('Service update', () => {
  const stored: Obj = {
    metadata: storedMeta('web', 'default'),
    spec: {
      type: 'ClusterIP',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      clusterIP: '10.43.0.10',
      clusterIPs: ['10.43.0.10'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
    },
  };
  runCoreCases('Service', [
    { name: 'unchanged', object: stored, old: stored, want: [] },
    { name: 'ports changed', object: mutate(stored, (o) => (port(o).port = 8080)), old: stored, want: [] },
    {
      name: 'clusterIP changed',
      object: mutate(stored, (o) => (spec(o).clusterIP = '10.43.0.11')),
      old: stored,
      want: ['spec.clusterIPs[0]: Invalid value: []string{"10.43.0.11"}: may not change once set'],
    },
    {
      name: 'clusterIPs changed',
      object: mutate(stored, (o) => {
        spec(o).clusterIP = '10.43.0.11';
        spec(o).clusterIPs = ['10.43.0.11'];
      }),
      old: stored,
      want: ['spec.clusterIPs[0]: Invalid value: []string{"10.43.0.11"}: may not change once set'],
    },
    {
      name: 'clusterIPs dropped by an old client',
      object: mutate(stored, (o) => delete spec(o).clusterIPs),
      old: stored,
      want: [],
    },
    {
      name: 'replaced without the allocated cluster IP',
      object: mutate(stored, (o) => {
        delete spec(o).clusterIP;
        delete spec(o).clusterIPs;
      }),
      old: stored,
      want: [],
    },
    {
      name: 'clusterIP cleared: the allocated one is patched back',
      object: mutate(stored, (o) => (spec(o).clusterIP = '')),
      old: stored,
      want: [],
    },
    {
      name: 'NodePort left out on update keeps the allocated one',
      object: mutate(stored, (o) => {
        spec(o).type = 'NodePort';
        spec(o).externalTrafficPolicy = 'Cluster';
      }),
      old: mutate(stored, (o) => {
        spec(o).type = 'NodePort';
        spec(o).externalTrafficPolicy = 'Cluster';
        port(o).nodePort = 31000;
      }),
      want: [],
    },
    {
      name: 'ipFamilies changed',
      object: mutate(stored, (o) => (spec(o).ipFamilies = ['IPv6'])),
      old: stored,
      want: [
        'spec.ipFamilies[0]: Invalid value: []core.IPFamily{"IPv6"}: may not change once set',
        'spec.clusterIPs[0]: Invalid value: "10.43.0.10": expected an IPv6 value as indicated by `ipFamilies[0]`',
      ],
    },
  ]);
});

describe('Endpoints', () => {
  const base: Obj = {
    metadata: { name: 'web', namespace: 'default' },
    subsets: [{ addresses: [{ ip: '10.42.0.5', nodeName: 'node-1' }], ports: [{ port: 8080, protocol: 'TCP' }] }],
  };
  runCoreCases('Endpoints', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'bad and special addresses',
      object: mutate(base, (o) => {
        (o.subsets as Obj[])[0]!.addresses = [{ ip: 'foo' }, { ip: '169.254.169.254', hostname: 'A' }];
      }),
      want: [
        'subsets[0].addresses[0].ip: Invalid value: "foo": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'subsets[0].addresses[0].ip: Invalid value: "foo": must be a valid IP address',
        `subsets[0].addresses[1].hostname: Invalid value: "A": ${dns1123LabelMsg}`,
        'subsets[0].addresses[1].ip: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      ],
    },
    {
      name: 'no addresses, ports without names and protocol',
      object: mutate(base, (o) => {
        o.subsets = [{ ports: [{ port: 80 }, { name: 'b', port: 0, protocol: 'TCP' }] }];
      }),
      want: [
        'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
        'subsets[0].ports[0].name: Required value',
        'subsets[0].ports[0].protocol: Required value',
        'subsets[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    },
    {
      name: 'update',
      object: mutate(base, (o) => (o.metadata = { ...storedMeta('web', 'default'), resourceVersion: '' })),
      old: mutate(base, (o) => (o.metadata = storedMeta('web', 'default'))),
      want: ['metadata.resourceVersion: Invalid value: "": must be specified for an update'],
    },
  ]);
});
