import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldPath } from '../../../apimachinery/field.ts';
import {
  type Obj,
  container,
  dns1123LabelMsg,
  dns1123SubdomainMsg,
  labelValueMsg,
  messages,
  mutate,
  pod,
  podTemplateSpec,
  qualifiedNameMsg,
  runCoreCases,
  storedMeta,
} from './fixtures.ts';
import { validateCore, validatePodTemplateSpec } from './index.ts';

const spec = (o: Obj) => o.spec as Obj;
const ctr = (o: Obj, i = 0) => (spec(o).containers as Obj[])[i]!;

const affinityPath = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms';
const podAffinityPath = 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]';

describe('Pod create', () => {
  const base = pod();
  runCoreCases('Pod', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'valid with probes, ports, env, volumes and tolerations',
      object: mutate(base, (o) => {
        Object.assign(ctr(o), {
          ports: [
            { name: 'http', containerPort: 80, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
          ],
          env: [{ name: '1_RELAXED.name', value: 'x' }, { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
          envFrom: [{ configMapRef: { name: 'cfg' } }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '512Mi' } },
          livenessProbe: { httpGet: { path: '/', port: 'http', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 3, failureThreshold: 3 },
        });
        spec(o).volumes = [{ name: 'data', emptyDir: {} }];
        spec(o).tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];
        spec(o).nodeSelector = { 'kubernetes.io/os': 'linux' };
      }),
      want: [],
    },
    { name: 'no containers', object: mutate(base, (o) => (spec(o).containers = [])), want: ['spec.containers: Required value'] },
    {
      name: 'bad container name',
      object: mutate(base, (o) => (ctr(o).name = 'Bad_Name')),
      want: [`spec.containers[0].name: Invalid value: "Bad_Name": ${dns1123LabelMsg}`],
    },
    {
      name: 'duplicate container names',
      object: mutate(base, (o) => (spec(o).containers = [container('app'), container('app')])),
      want: ['spec.containers[1].name: Duplicate value: "app"'],
    },
    { name: 'image missing', object: mutate(base, (o) => delete ctr(o).image), want: ['spec.containers[0].image: Required value'] },
    {
      name: 'image with whitespace',
      object: mutate(base, (o) => (ctr(o).image = ' nginx')),
      want: ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
    },
    {
      name: 'duplicate port names',
      object: mutate(base, (o) => {
        ctr(o).ports = [
          { name: 'http', containerPort: 80, protocol: 'TCP' },
          { name: 'http', containerPort: 81, protocol: 'TCP' },
        ];
      }),
      want: ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    },
    {
      name: 'port numbers and protocol',
      object: mutate(base, (o) => {
        ctr(o).ports = [{ containerPort: 0, protocol: 'TCP' }, { containerPort: 70000, hostPort: -1, protocol: 'HTTP' }];
      }),
      want: [
        'spec.containers[0].ports[0].containerPort: Required value',
        'spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    },
    {
      name: 'bad port name',
      object: mutate(base, (o) => (ctr(o).ports = [{ name: 'a--b', containerPort: 80, protocol: 'TCP' }])),
      want: ['spec.containers[0].ports[0].name: Invalid value: "a--b": must not contain consecutive hyphens'],
    },
    {
      name: 'host port used twice across containers',
      object: mutate(base, (o) => {
        spec(o).containers = [
          { ...container('a'), ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] },
          { ...container('b'), ports: [{ containerPort: 81, hostPort: 8080, protocol: 'TCP' }] },
        ];
      }),
      want: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    },
    {
      name: 'host port must match container port with hostNetwork',
      object: mutate(base, (o) => {
        spec(o).hostNetwork = true;
        ctr(o).ports = [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }];
      }),
      want: ['spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true'],
    },
    {
      name: 'env names and sources',
      object: mutate(base, (o) => {
        ctr(o).env = [
          { name: 'A=B' },
          { name: '' },
          { name: 'X', valueFrom: {} },
          { name: 'Y', value: 'v', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
          { name: 'Z', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.phase' } } },
          { name: 'W', valueFrom: { configMapKeyRef: { name: 'c', key: 'bad key' } } },
        ];
      }),
      want: [
        "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
        'spec.containers[0].env[1].name: Required value',
        'spec.containers[0].env[2].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        'spec.containers[0].env[3].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
        'spec.containers[0].env[4].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
        "spec.containers[0].env[5].valueFrom.configMapKeyRef.key: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    },
    {
      name: 'envFrom without a source',
      object: mutate(base, (o) => (ctr(o).envFrom = [{ prefix: 'P_' }])),
      want: ['spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`'],
    },
    {
      name: 'volume mounts',
      object: mutate(base, (o) => {
        spec(o).volumes = [{ name: 'data', emptyDir: {} }];
        ctr(o).volumeMounts = [
          { name: 'missing', mountPath: '/a' },
          { name: 'data', mountPath: '/a' },
          { name: 'data', mountPath: '/b', subPath: '../x' },
          { name: 'data', mountPath: '/c', mountPropagation: 'Bidirectional' },
        ];
      }),
      want: [
        'spec.containers[0].volumeMounts[0].name: Not found: "missing"',
        'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/a": must be unique',
        "spec.containers[0].volumeMounts.subPath: Invalid value: \"../x\": must not contain '..'",
        'spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers',
      ],
    },
    {
      name: 'negative cpu request',
      object: mutate(base, (o) => (ctr(o).resources = { requests: { cpu: '-1' } })),
      want: ['spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0'],
    },
    {
      name: 'request above limit',
      object: mutate(base, (o) => (ctr(o).resources = { limits: { cpu: '1' }, requests: { cpu: '2' } })),
      want: ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    },
    {
      name: 'extended resources must be whole and limited',
      object: mutate(base, (o) => {
        spec(o).containers = [
          { ...container('a'), resources: { limits: { 'example.com/gpu': '500m' }, requests: { 'example.com/gpu': '500m' } } },
          { ...container('b'), resources: { requests: { 'example.com/gpu': '1' } } },
        ];
      }),
      want: [
        'spec.containers[0].resources.limits[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: must be an integer',
        'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: must be an integer',
        'spec.containers[1].resources.limits: Required value: Limit must be set for non overcommitable resources',
      ],
    },
    {
      name: 'unknown resource name',
      object: mutate(base, (o) => (ctr(o).resources = { limits: { foo: '1' } })),
      want: [
        'spec.containers[0].resources.limits[foo]: Invalid value: "foo": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[foo]: Invalid value: "foo": must be a standard resource for containers',
      ],
    },
    {
      name: 'hugepages need cpu or memory and whole pages',
      object: mutate(base, (o) => (ctr(o).resources = { limits: { 'hugepages-2Mi': '3Mi' }, requests: { 'hugepages-2Mi': '3Mi' } })),
      want: [
        'spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
        'spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
        'spec.containers[0].resources: Forbidden: HugePages require cpu or memory',
      ],
    },
    {
      name: 'probes',
      object: mutate(base, (o) => {
        ctr(o).livenessProbe = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 2, failureThreshold: 3 };
        ctr(o).readinessProbe = {
          exec: { command: ['true'] },
          httpGet: { path: '/', port: 80, scheme: 'HTTP' },
          timeoutSeconds: -1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
          terminationGracePeriodSeconds: 10,
        };
      }),
      want: [
        'spec.containers[0].livenessProbe: Required value: must specify a handler type',
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
        'spec.containers[0].readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
        'spec.containers[0].readinessProbe.timeoutSeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
      ],
    },
    {
      name: 'init container probes need restartPolicy Always',
      object: mutate(base, (o) => {
        spec(o).initContainers = [{ ...container('init'), readinessProbe: { exec: { command: ['true'] } } }, { ...container('side'), restartPolicy: 'Never' }];
      }),
      want: [
        'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
        'spec.initContainers[1].restartPolicy: Unsupported value: "Never": supported values: "Always"',
      ],
    },
    {
      name: 'restart and DNS policies',
      object: mutate(base, (o) => {
        spec(o).restartPolicy = 'Sometimes';
        spec(o).dnsPolicy = 'Other';
      }),
      want: [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.dnsPolicy: Unsupported value: "Other": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    },
    {
      name: 'bad nodeSelector key and value',
      object: mutate(base, (o) => (spec(o).nodeSelector = { 'bad key': 'ok', disk: 'not ok' })),
      want: [`spec.nodeSelector: Invalid value: "bad key": ${qualifiedNameMsg}`, `spec.nodeSelector: Invalid value: "not ok": ${labelValueMsg}`],
    },
    {
      name: 'node affinity operators',
      object: mutate(base, (o) => {
        spec(o).affinity = {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [
                    { key: 'zone', operator: 'Foo' },
                    { key: 'zone', operator: 'In' },
                    { key: 'zone', operator: 'Exists', values: ['a'] },
                    { key: 'cores', operator: 'Gt', values: ['1', '2'] },
                  ],
                  matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['a'] }],
                },
              ],
            },
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['bad value!'] }] } }],
          },
        };
      }),
      want: [
        `${affinityPath}[0].matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator`,
        `${affinityPath}[0].matchExpressions[1].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
        `${affinityPath}[0].matchExpressions[2].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
        `${affinityPath}[0].matchExpressions[3].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
        `${affinityPath}[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key`,
        'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      ],
    },
    {
      name: 'empty node selector terms',
      object: mutate(base, (o) => (spec(o).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } })),
      want: [`${affinityPath}: Required value: must have at least one node selector term`],
    },
    {
      name: 'pod affinity needs a topology key',
      object: mutate(base, (o) => {
        spec(o).affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, namespaces: ['Bad'] }] } };
      }),
      want: [
        `${podAffinityPath}.namespace: Invalid value: "Bad": ${dns1123LabelMsg}`,
        `${podAffinityPath}.topologyKey: Required value: can not be empty`,
        `${podAffinityPath}.topologyKey: Invalid value: "": name part must be non-empty`,
        `${podAffinityPath}.topologyKey: Invalid value: "": ${qualifiedNameMsg}`,
      ],
    },
    {
      name: 'tolerations',
      object: mutate(base, (o) => {
        spec(o).tolerations = [
          { operator: 'Equal', value: 'x' },
          { key: 'a', operator: 'Exists', value: 'foo' },
          { key: 'b', operator: 'Equal', value: 'v', effect: 'NoSchedule', tolerationSeconds: 10 },
          { key: 'c', operator: 'Like', effect: 'Bad' },
        ];
      }),
      want: [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        "spec.tolerations[1].operator: Invalid value: \"foo\": value must be empty when `operator` is 'Exists'",
        "spec.tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
        'spec.tolerations[3].operator: Unsupported value: "Like": supported values: "Equal", "Exists"',
        'spec.tolerations[3].effect: Unsupported value: "Bad": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'volumes',
      object: mutate(base, (o) => {
        spec(o).volumes = [
          { name: 'a', emptyDir: {} },
          { name: 'a', emptyDir: {} },
          { name: 'none' },
          { name: 'two', emptyDir: {}, hostPath: { path: '/x' } },
          { name: 'hp', hostPath: { path: '' } },
          { name: 'hpt', hostPath: { path: '/x', type: 'Pipe' } },
          { name: 'cm', configMap: { defaultMode: 512 } },
          { name: 'pvc', persistentVolumeClaim: { claimName: '' } },
          { name: 'Bad', secret: { secretName: 's', items: [{ key: 'k', path: '/abs' }] } },
        ];
      }),
      want: [
        'spec.volumes[1].name: Duplicate value: "a"',
        'spec.volumes[2]: Required value: must specify a volume type',
        'spec.volumes[3].hostPath: Forbidden: may not specify more than 1 volume type',
        'spec.volumes[4].hostPath.path: Required value',
        'spec.volumes[5].hostPath.type: Unsupported value: "Pipe": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
        'spec.volumes[6].configMap.name: Required value',
        'spec.volumes[6].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
        'spec.volumes[7].persistentVolumeClaim.claimName: Required value',
        'spec.volumes[8].secret.items[0].path: Invalid value: "/abs": must be a relative path',
        `spec.volumes[8].name: Invalid value: "Bad": ${dns1123LabelMsg}`,
      ],
    },
    {
      name: 'security contexts',
      object: mutate(base, (o) => {
        spec(o).securityContext = { runAsUser: -1, seccompProfile: { type: 'Localhost' }, sysctls: [{ name: 'net.core.somaxconn', value: '1' }, { name: 'Bad!' }] };
        spec(o).hostNetwork = true;
        ctr(o).securityContext = { runAsGroup: 2147483648, procMount: 'Unmasked' };
      }),
      want: [
        'spec.containers[0].securityContext.runAsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive',
        'spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
        'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
        "spec.securityContext.sysctls[0].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true",
        'spec.securityContext.sysctls[1].name: Invalid value: "Bad!": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$',
        'spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost',
      ],
    },
    {
      name: 'names, deadlines and grace period',
      object: mutate(base, (o) => {
        delete spec(o).terminationGracePeriodSeconds;
        spec(o).activeDeadlineSeconds = 0;
        spec(o).priorityClassName = 'Bad_Class';
        spec(o).hostname = 'a.b';
        spec(o).serviceAccountName = 'Bad';
      }),
      want: [
        'spec.terminationGracePeriodSeconds: Required value',
        `spec.serviceAccountName: Invalid value: "Bad": ${dns1123SubdomainMsg}`,
        'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
        'spec.hostname: Invalid value: "a.b": must not contain dots',
        `spec.priorityClassName: Invalid value: "Bad_Class": ${dns1123SubdomainMsg}`,
      ],
    },
    {
      name: 'topology spread constraints',
      object: mutate(base, (o) => {
        spec(o).topologySpreadConstraints = [
          { maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' },
          { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', minDomains: 2 },
          { maxSkew: 1, topologyKey: '', whenUnsatisfiable: 'Maybe' },
        ];
      }),
      want: [
        'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
        'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
        'spec.topologySpreadConstraints[2].topologyKey: Required value: can not be empty',
        'spec.topologySpreadConstraints[2].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"',
      ],
    },
    {
      name: 'DNS config',
      object: mutate(base, (o) => {
        spec(o).dnsPolicy = 'None';
        spec(o).dnsConfig = { nameservers: ['1.1.1.1', 'dns'], searches: ['ok.example.', 'Bad_Domain'], options: [{ value: 'x' }] };
      }),
      want: [
        'spec.dnsConfig.nameservers[1]: Invalid value: "dns": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        "spec.dnsConfig.searches[1]: Invalid value: \"Bad_Domain\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'spec.dnsConfig.options[0]: Required value: must not be empty',
      ],
    },
    {
      name: 'metadata',
      object: mutate(base, (o) => (o.metadata = { name: 'Bad_Name', labels: { a: 'b c' } })),
      want: [`metadata.name: Invalid value: "Bad_Name": ${dns1123SubdomainMsg}`, 'metadata.namespace: Required value', `metadata.labels: Invalid value: "b c": ${labelValueMsg}`],
    },
    {
      name: 'ephemeral containers cannot be set on create',
      object: mutate(base, (o) => {
        spec(o).ephemeralContainers = [{ ...container('debug'), ports: [{ containerPort: 80, protocol: 'TCP' }] }];
      }),
      want: ['spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container', 'spec.ephemeralContainers: Forbidden: cannot be set on create'],
    },
    {
      name: 'projected token without a service account',
      object: mutate(base, (o) => {
        spec(o).volumes = [{ name: 'token', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3600, path: 'token' } }], defaultMode: 420 } }];
      }),
      want: ['spec.volumes[0].projected.sources[0].serviceAccountToken: Forbidden: must not be specified when serviceAccountName is not set'],
    },
    {
      name: 'deletion cost annotation',
      object: mutate(base, (o) => ((o.metadata as Obj).annotations = { 'controller.kubernetes.io/pod-deletion-cost': '+1' })),
      want: ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+1": must be a 32bit integer'],
    },
  ]);
});

describe('Pod update', () => {
  const stored = mutate(pod(), (o) => {
    o.metadata = storedMeta('web', 'default');
    spec(o).tolerations = [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }];
    spec(o).activeDeadlineSeconds = 60;
  });
  const forbiddenPrefix =
    'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n';

  runCoreCases('Pod', [
    { name: 'unchanged', object: stored, old: stored, want: [] },
    { name: 'new image', object: mutate(stored, (o) => (ctr(o).image = 'nginx:1.28')), old: stored, want: [] },
    {
      name: 'added toleration and changed tolerationSeconds',
      object: mutate(stored, (o) => {
        spec(o).tolerations = [
          { key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 20 },
          { key: 'b', operator: 'Exists', effect: 'NoSchedule' },
        ];
      }),
      old: stored,
      want: [],
    },
    { name: 'shorter deadline', object: mutate(stored, (o) => (spec(o).activeDeadlineSeconds = 30)), old: stored, want: [] },
    {
      name: 'longer deadline',
      object: mutate(stored, (o) => (spec(o).activeDeadlineSeconds = 100)),
      old: stored,
      want: ['spec.activeDeadlineSeconds: Invalid value: 100: must be less than or equal to previous value'],
    },
    {
      name: 'deadline removed',
      object: mutate(stored, (o) => delete spec(o).activeDeadlineSeconds),
      old: stored,
      want: ['spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value'],
    },
    {
      name: 'modified toleration',
      object: mutate(stored, (o) => (spec(o).tolerations = [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }])),
      old: stored,
      want: ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds'],
    },
    {
      name: 'added container',
      object: mutate(stored, (o) => (spec(o).containers = [container('app'), container('sidecar')])),
      old: stored,
      want: ['spec.containers: Forbidden: pod updates may not add or remove containers'],
    },
    {
      name: 'resourceVersion missing and name changed',
      object: mutate(stored, (o) => {
        delete (o.metadata as Obj).resourceVersion;
        (o.metadata as Obj).name = 'other';
      }),
      old: stored,
      want: ['metadata.resourceVersion: Invalid value: "": must be specified for an update', 'metadata.name: Invalid value: "other": field is immutable'],
    },
  ]);

  it('rejects other spec changes with the list of updatable fields', () => {
    const errs = messages(validateCore('Pod', mutate(stored, (o) => (spec(o).restartPolicy = 'Never')), stored));
    assert.equal(errs.length, 1);
    assert.ok(errs[0]!.startsWith(forbiddenPrefix), errs[0]);
    assert.match(errs[0]!, /- \tRestartPolicy: "Always",\n\+ \tRestartPolicy: "Never",/);
  });

  it('does not count the image or deadline as a change', () => {
    const errs = messages(
      validateCore(
        'Pod',
        mutate(stored, (o) => {
          ctr(o).image = 'nginx:2';
          ctr(o).resources = { limits: { cpu: '1' } };
        }),
        stored,
      ),
    );
    assert.equal(errs.length, 1);
    assert.match(errs[0]!, /Containers: /);
  });
});

describe('validatePodTemplateSpec', () => {
  it('validates a workload template at the given path', () => {
    const template = mutate(podTemplateSpec({ 'bad key!': 'x' }), (o) => delete ctr(o).image);
    assert.deepEqual(messages(validatePodTemplateSpec(template, FieldPath.root('spec').child('template'))), [
      `spec.template.labels: Invalid value: "bad key!": ${qualifiedNameMsg}`,
      'spec.template.spec.containers[0].image: Required value',
    ]);
  });

  it('allows no ephemeral containers', () => {
    const template = mutate(podTemplateSpec(), (o) => (spec(o).ephemeralContainers = [container('debug')]));
    assert.deepEqual(messages(validatePodTemplateSpec(template, FieldPath.root('template'))), [
      'template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
    ]);
  });

  it('tolerates what the old template already had', () => {
    const selector = { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['bad value!'] }] }, topologyKey: 'zone' };
    const template = mutate(podTemplateSpec(), (o) => (spec(o).affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [selector] } }));
    assert.equal(validatePodTemplateSpec(template, FieldPath.root('template')).length, 1);
    assert.deepEqual(validatePodTemplateSpec(template, FieldPath.root('template'), { oldTemplate: template }), []);
  });
});

describe('PodTemplate', () => {
  const base: Obj = { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'tpl', namespace: 'default' }, template: podTemplateSpec() };
  runCoreCases('PodTemplate', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'image missing',
      object: mutate(base, (o) => delete ((o.template as Obj).spec as { containers: Obj[] }).containers[0]!.image),
      want: ['template.spec.containers[0].image: Required value'],
    },
  ]);
});
