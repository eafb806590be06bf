// core/v1 defaulting, after upstream's pkg/apis/core/v1/defaults_test.go: the
// defaults every pod template gets (TestWorkloadDefaults), what only Pods get
// (TestPodDefaults, TestPodHostNetworkDefaults), and the per-kind tests (Service ports
// and traffic policies, RC selector, PV/PVC, Namespace, Node, LimitRange, Endpoints...).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from './index.ts';

type Obj = Record<string, unknown>;
const defaulted = (kind: string, object: Obj, group = '', version = 'v1'): Obj => {
  applyDefaults(group, version, kind, object);
  return object;
};

const httpGet = () => ({ httpGet: { port: 80 } });
const grpcProbe = () => ({ grpc: { port: 9000 } });
/** A container naming every defaulted nested struct once, as upstream's detectDefaults fills them. */
const fullContainer = (): Obj => ({
  name: 'c',
  ports: [{ containerPort: 80 }],
  env: [{ name: 'E', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
  resources: { limits: { cpu: '1' } },
  livenessProbe: httpGet(),
  readinessProbe: grpcProbe(),
  startupProbe: httpGet(),
  lifecycle: { postStart: httpGet(), preStop: httpGet() },
});
const fullContainerDefaults = (requests: boolean): Obj => ({
  name: 'c',
  ports: [{ containerPort: 80, protocol: 'TCP' }],
  env: [{ name: 'E', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } } }],
  resources: requests ? { limits: { cpu: '1' }, requests: { cpu: '1' } } : { limits: { cpu: '1' } },
  livenessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
  readinessProbe: { grpc: { port: 9000, service: '' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
  startupProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
  lifecycle: { postStart: { httpGet: { port: 80, path: '/', scheme: 'HTTP' } }, preStop: { httpGet: { port: 80, path: '/', scheme: 'HTTP' } } },
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
});

const volumes = (): Obj[] => [
  { name: 'none' },
  { name: 'secret', secret: { secretName: 's' } },
  { name: 'cm', configMap: { name: 'c' } },
  { name: 'dapi', downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.name' } }] } },
  {
    name: 'proj',
    projected: {
      sources: [
        { downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        { serviceAccountToken: { path: 'token' } },
      ],
    },
  },
  { name: 'hp', hostPath: { path: '/data' } },
  { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } },
  { name: 'iscsi', iscsi: { targetPortal: 't', iqn: 'i', lun: 0 } },
  { name: 'rbd', rbd: { monitors: ['m'], image: 'i' } },
  { name: 'azure', azureDisk: { diskName: 'd', diskURI: 'u' } },
  { name: 'sio', scaleIO: { gateway: 'g', system: 's', secretRef: { name: 'x' } } },
];
const volumeDefaults = (): Obj[] => [
  { name: 'none', emptyDir: {} },
  { name: 'secret', secret: { secretName: 's', defaultMode: 420 } },
  { name: 'cm', configMap: { name: 'c', defaultMode: 420 } },
  { name: 'dapi', downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } }], defaultMode: 420 } },
  {
    name: 'proj',
    projected: {
      sources: [
        { downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.labels', apiVersion: 'v1' } }] } },
        { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } },
      ],
      defaultMode: 420,
    },
  },
  { name: 'hp', hostPath: { path: '/data', type: '' } },
  { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' } } } },
  { name: 'iscsi', iscsi: { targetPortal: 't', iqn: 'i', lun: 0, iscsiInterface: 'default' } },
  { name: 'rbd', rbd: { monitors: ['m'], image: 'i', pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' } },
  { name: 'azure', azureDisk: { diskName: 'd', diskURI: 'u', cachingMode: 'ReadWrite', fsType: 'ext4', readOnly: false, kind: 'Shared' } },
  { name: 'sio', scaleIO: { gateway: 'g', system: 's', secretRef: { name: 'x' }, storageMode: 'ThinProvisioned', fsType: 'xfs' } },
];

const podSpecDefaults = { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' };

describe('pod templates (TestWorkloadDefaults)', () => {
  it('defaults every container kind, volume source, probe and handler, but not Pod-only fields', () => {
    const template = defaulted('PodTemplate', {
      metadata: { name: 't' },
      template: {
        spec: {
          hostNetwork: true,
          containers: [fullContainer()],
          initContainers: [fullContainer()],
          ephemeralContainers: [fullContainer()],
          volumes: volumes(),
        },
      },
    });
    assert.deepEqual(template, {
      metadata: { name: 't' },
      template: {
        spec: {
          hostNetwork: true,
          containers: [fullContainerDefaults(false)],
          initContainers: [fullContainerDefaults(false)],
          ephemeralContainers: [fullContainerDefaults(false)],
          volumes: volumeDefaults(),
          ...podSpecDefaults,
        },
      },
    });
  });

  it('keeps values that are set', () => {
    const spec = {
      dnsPolicy: 'Default',
      restartPolicy: 'Never',
      securityContext: { runAsUser: 1 },
      terminationGracePeriodSeconds: 0,
      schedulerName: 'mine',
      containers: [
        {
          name: 'c',
          image: 'nginx',
          imagePullPolicy: 'Never',
          terminationMessagePath: '/tmp/x',
          terminationMessagePolicy: 'FallbackToLogsOnError',
          ports: [{ containerPort: 53, protocol: 'UDP' }],
          readinessProbe: { exec: { command: ['true'] }, timeoutSeconds: 5, periodSeconds: 7, successThreshold: 2, failureThreshold: 9 },
        },
      ],
      volumes: [{ name: 's', secret: { secretName: 's', defaultMode: 256 } }],
    };
    const rc = defaulted('ReplicationController', { spec: { replicas: 0, selector: { a: 'b' }, template: { spec: structuredClone(spec) } } });
    assert.deepEqual((rc.spec as Obj).template, { spec });
    assert.equal((rc.spec as Obj).replicas, 0);
  });

  it('creates a missing pod spec, as a Go struct would have one', () => {
    const d = defaulted('Deployment', { spec: { template: {} } }, 'apps', 'v1');
    assert.deepEqual(((d.spec as Obj).template as Obj).spec, podSpecDefaults);
  });
});

describe('Pod (TestPodDefaults)', () => {
  it('adds enableServiceLinks and requests from limits for regular and init containers only', () => {
    const pod = defaulted('Pod', {
      metadata: { name: 'p' },
      spec: { containers: [fullContainer()], initContainers: [fullContainer()], ephemeralContainers: [fullContainer()], volumes: volumes() },
    });
    assert.deepEqual(pod, {
      metadata: { name: 'p' },
      spec: {
        containers: [fullContainerDefaults(true)],
        initContainers: [fullContainerDefaults(true)],
        ephemeralContainers: [fullContainerDefaults(false)],
        volumes: volumeDefaults(),
        enableServiceLinks: true,
        ...podSpecDefaults,
      },
    });
  });

  it('copies only the limits that have no request', () => {
    const pod = defaulted('Pod', {
      spec: { containers: [{ name: 'c', image: 'i:1', resources: { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '100m' } } }] },
    });
    const c = ((pod.spec as Obj).containers as Obj[])[0]!;
    assert.deepEqual(c.resources, { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '100m', memory: '1Gi' } });
  });

  it('keeps an explicit enableServiceLinks false', () => {
    const pod = defaulted('Pod', { spec: { enableServiceLinks: false, containers: [] } });
    assert.equal((pod.spec as Obj).enableServiceLinks, false);
  });

  it('defaults host ports to container ports with host networking (TestPodHostNetworkDefaults)', () => {
    const spec = () => ({
      hostNetwork: true,
      containers: [{ name: 'a', ports: [{ containerPort: 12345 }, { containerPort: 80, hostPort: 8080 }] }],
      initContainers: [{ name: 'b', ports: [{ containerPort: 9000 }] }],
    });
    const pod = defaulted('Pod', { spec: spec() });
    const podSpec = pod.spec as Obj;
    assert.deepEqual(((podSpec.containers as Obj[])[0]!.ports as Obj[]).map((p) => p.hostPort), [12345, 8080]);
    assert.deepEqual(((podSpec.initContainers as Obj[])[0]!.ports as Obj[]).map((p) => p.hostPort), [9000]);

    const template = defaulted('PodTemplate', { template: { spec: spec() } });
    const templateSpec = (template.template as Obj).spec as Obj;
    assert.deepEqual(((templateSpec.containers as Obj[])[0]!.ports as Obj[]).map((p) => p.hostPort), [undefined, 8080]);

    const noHostNet = defaulted('Pod', { spec: { containers: [{ name: 'a', ports: [{ containerPort: 1 }] }] } });
    assert.equal((((noHostNet.spec as Obj).containers as Obj[])[0]!.ports as Obj[])[0]!.hostPort, undefined);
  });

  it('picks the image pull policy from the tag', () => {
    const pod = defaulted('Pod', {
      spec: {
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'b', image: 'nginx:latest' },
          { name: 'c', image: 'nginx:1.25' },
          { name: 'd', image: `nginx@sha256:${'0'.repeat(64)}` },
          { name: 'e', image: 'localhost:5000/app' },
          { name: 'f', image: 'localhost:5000/app:v2' },
        ],
      },
    });
    const policies = ((pod.spec as Obj).containers as Obj[]).map((c) => c.imagePullPolicy);
    assert.deepEqual(policies, ['Always', 'Always', 'IfNotPresent', 'IfNotPresent', 'Always', 'IfNotPresent']);
  });

  it('rounds resource quantities up to milli precision', () => {
    const pod = defaulted('Pod', {
      spec: { containers: [{ name: 'a', resources: { limits: { cpu: '0.0001', memory: '1Gi' }, requests: { cpu: '100m', 'example.com/dev': 1 } } }], overhead: { cpu: '1.0005' } },
    });
    const spec = pod.spec as Obj;
    assert.deepEqual((spec.containers as Obj[])[0]!.resources, {
      limits: { cpu: '1m', memory: '1Gi' },
      requests: { cpu: '100m', 'example.com/dev': 1, memory: '1Gi' },
    });
    assert.deepEqual(spec.overhead, { cpu: '1001m' });
  });

  it('leaves values of the wrong type alone', () => {
    const pod = defaulted('Pod', { spec: { containers: [{ name: 'a', imagePullPolicy: 7, ports: 'x', resources: { limits: { cpu: 'lots' } } }], securityContext: 'x' } });
    const spec = pod.spec as Obj;
    const c = (spec.containers as Obj[])[0]!;
    assert.equal(c.imagePullPolicy, 7);
    assert.equal(c.ports, 'x');
    assert.deepEqual(c.resources, { limits: { cpu: 'lots' }, requests: { cpu: 'lots' } });
    assert.equal(spec.securityContext, 'x');
  });
});

describe('Service', () => {
  const service = (spec: Obj, status?: Obj) => defaulted('Service', { metadata: { name: 's' }, spec, ...(status ? { status } : {}) });

  it('fills a ClusterIP service (TestSetDefaultService)', () => {
    assert.deepEqual(service({ selector: { a: 'b' }, ports: [{ port: 80 }] }).spec, {
      selector: { a: 'b' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
    });
  });

  it('defaults targetPort to port but keeps numbers and names (TestSetDefaultServiceTargetPort)', () => {
    const spec = service({
      ports: [{ port: 1234 }, { port: 1234, targetPort: 5678 }, { protocol: 'UDP', port: 9376, targetPort: 'p' }, { port: 53, targetPort: 0 }, { port: 54, targetPort: '' }],
    }).spec as Obj;
    assert.deepEqual(spec.ports, [
      { port: 1234, protocol: 'TCP', targetPort: 1234 },
      { port: 1234, targetPort: 5678, protocol: 'TCP' },
      { protocol: 'UDP', port: 9376, targetPort: 'p' },
      { port: 53, targetPort: 53, protocol: 'TCP' },
      { port: 54, targetPort: 54, protocol: 'TCP' },
    ]);
  });

  it('drops the affinity config without ClientIP affinity', () => {
    const spec = service({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } }).spec as Obj;
    assert.equal(spec.sessionAffinityConfig, undefined);
  });

  it('defaults the ClientIP timeout (TestSetDefaultServiceSessionAffinityConfig)', () => {
    assert.deepEqual((service({ sessionAffinity: 'ClientIP' }).spec as Obj).sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
    assert.deepEqual((service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: {} } }).spec as Obj).sessionAffinityConfig, {
      clientIP: { timeoutSeconds: 10800 },
    });
    assert.deepEqual((service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }).spec as Obj).sessionAffinityConfig, {
      clientIP: { timeoutSeconds: 60 },
    });
  });

  it('sets externalTrafficPolicy only when externally accessible', () => {
    const etp = (spec: Obj) => (service(spec).spec as Obj).externalTrafficPolicy;
    assert.equal(etp({ type: 'NodePort' }), 'Cluster');
    assert.equal(etp({ type: 'LoadBalancer' }), 'Cluster');
    assert.equal(etp({ type: 'ClusterIP', externalIPs: ['1.2.3.4'] }), 'Cluster');
    assert.equal(etp({ type: 'ClusterIP' }), undefined);
    assert.equal(etp({ type: 'ExternalName', externalName: 'x.example.com' }), undefined);
    assert.equal(etp({ type: 'NodePort', externalTrafficPolicy: 'Local' }), 'Local');
  });

  it('sets internalTrafficPolicy except for ExternalName', () => {
    const itp = (spec: Obj) => (service(spec).spec as Obj).internalTrafficPolicy;
    assert.equal(itp({ type: 'NodePort' }), 'Cluster');
    assert.equal(itp({}), 'Cluster');
    assert.equal(itp({ type: 'ExternalName' }), undefined);
    assert.equal(itp({ internalTrafficPolicy: 'Local' }), 'Local');
  });

  it('defaults LoadBalancer node port allocation and ingress ipMode', () => {
    const s = service({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '1.1.1.1' }, { hostname: 'lb.example.com' }, { ip: '2.2.2.2', ipMode: 'Proxy' }] } });
    assert.equal((s.spec as Obj).allocateLoadBalancerNodePorts, true);
    assert.deepEqual(s.status, { loadBalancer: { ingress: [{ ip: '1.1.1.1', ipMode: 'VIP' }, { hostname: 'lb.example.com' }, { ip: '2.2.2.2', ipMode: 'Proxy' }] } });
    assert.equal((service({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }).spec as Obj).allocateLoadBalancerNodePorts, false);
    assert.equal((service({ type: 'NodePort' }).spec as Obj).allocateLoadBalancerNodePorts, undefined);
  });

  it('leaves IP allocation to the server', () => {
    const spec = service({ ports: [{ port: 80 }] }).spec as Obj;
    for (const key of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) assert.equal(spec[key], undefined);
  });
});

describe('ReplicationController (TestSetDefaultReplicationController...)', () => {
  const template = { metadata: { labels: { foo: 'bar' } }, spec: { containers: [] } };
  it('takes selector and labels from the template', () => {
    const rc = defaulted('ReplicationController', { metadata: { name: 'rc' }, spec: { template: structuredClone(template) } });
    assert.deepEqual(rc.metadata, { name: 'rc', labels: { foo: 'bar' } });
    assert.deepEqual((rc.spec as Obj).selector, { foo: 'bar' });
    assert.equal((rc.spec as Obj).replicas, 1);
  });
  it('keeps its own selector and labels', () => {
    const rc = defaulted('ReplicationController', { metadata: { labels: { own: 'x' } }, spec: { selector: { some: 'other' }, template: structuredClone(template), replicas: 3 } });
    assert.deepEqual(rc.metadata, { labels: { own: 'x' } });
    assert.deepEqual((rc.spec as Obj).selector, { some: 'other' });
    assert.equal((rc.spec as Obj).replicas, 3);
  });
  it('does not copy from a template without labels', () => {
    const rc = defaulted('ReplicationController', { spec: { template: { spec: { containers: [] } } } });
    assert.equal(rc.metadata, undefined);
    assert.equal((rc.spec as Obj).selector, undefined);
  });
  it('keeps a copy, not the template object', () => {
    const rc = defaulted('ReplicationController', { spec: { template: structuredClone(template) } });
    const spec = rc.spec as Obj;
    assert.notEqual(spec.selector, ((spec.template as Obj).metadata as Obj).labels);
  });
});

describe('other core kinds', () => {
  it('Secret type', () => {
    assert.equal(defaulted('Secret', {}).type, 'Opaque');
    assert.equal(defaulted('Secret', { type: 'kubernetes.io/tls' }).type, 'kubernetes.io/tls');
  });

  it('PersistentVolume phase, reclaim policy and volume mode', () => {
    assert.deepEqual(defaulted('PersistentVolume', { spec: { hostPath: { path: '/x' }, capacity: { storage: '1Gi' } } }), {
      spec: { hostPath: { path: '/x', type: '' }, capacity: { storage: '1Gi' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
    const kept = defaulted('PersistentVolume', { spec: { persistentVolumeReclaimPolicy: 'Delete', volumeMode: 'Block' }, status: { phase: 'Bound' } });
    assert.deepEqual(kept, { spec: { persistentVolumeReclaimPolicy: 'Delete', volumeMode: 'Block' }, status: { phase: 'Bound' } });
  });

  it('PersistentVolumeClaim phase and volume mode', () => {
    assert.deepEqual(defaulted('PersistentVolumeClaim', { spec: { resources: { requests: { storage: '1Gi' } } } }), {
      spec: { resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  });

  it('Namespace name label and phase', () => {
    assert.deepEqual(defaulted('Namespace', { metadata: { name: 'ns', labels: { a: 'b', 'kubernetes.io/metadata.name': 'wrong' } } }), {
      metadata: { name: 'ns', labels: { a: 'b', 'kubernetes.io/metadata.name': 'ns' } },
      status: { phase: 'Active' },
    });
    assert.deepEqual(defaulted('Namespace', { metadata: { generateName: 'x-' }, status: { phase: 'Terminating' } }), {
      metadata: { generateName: 'x-' },
      status: { phase: 'Terminating' },
    });
  });

  it('Node allocatable from capacity', () => {
    const node = defaulted('Node', { status: { capacity: { cpu: '4', memory: '8Gi' } } });
    assert.deepEqual(node.status, { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '4', memory: '8Gi' } });
    const kept = defaulted('Node', { status: { capacity: { cpu: '4' }, allocatable: { cpu: '3' } } });
    assert.deepEqual(kept.status, { capacity: { cpu: '4' }, allocatable: { cpu: '3' } });
  });

  it('LimitRange container defaults from max, default and min (TestSetDefaultLimitRangeItem)', () => {
    const lr = defaulted('LimitRange', {
      spec: {
        limits: [
          { type: 'Container', max: { cpu: '100m' }, min: { memory: '100Mi' } },
          { type: 'Container', default: { cpu: '50m' }, defaultRequest: { cpu: '10m' } },
          { type: 'Pod', max: { cpu: '1' } },
        ],
      },
    });
    assert.deepEqual((lr.spec as Obj).limits, [
      { type: 'Container', max: { cpu: '100m' }, min: { memory: '100Mi' }, default: { cpu: '100m' }, defaultRequest: { cpu: '100m', memory: '100Mi' } },
      { type: 'Container', default: { cpu: '50m' }, defaultRequest: { cpu: '10m' } },
      { type: 'Pod', max: { cpu: '1' } },
    ]);
  });

  it('Endpoints port protocol (TestSetDefaultEndpointsProtocol)', () => {
    const ep = defaulted('Endpoints', { subsets: [{ ports: [{ port: 1 }, { port: 2, protocol: 'UDP' }, { port: 3 }] }] });
    assert.deepEqual((ep.subsets as Obj[])[0]!.ports, [
      { port: 1, protocol: 'TCP' },
      { port: 2, protocol: 'UDP' },
      { port: 3, protocol: 'TCP' },
    ]);
  });

  it('ResourceQuota quantities are rounded', () => {
    const quota = defaulted('ResourceQuota', { spec: { hard: { cpu: '0.0005', pods: '10' } } });
    assert.deepEqual(quota.spec, { hard: { cpu: '1m', pods: '10' } });
  });

  it('kinds without defaults are untouched', () => {
    for (const kind of ['ConfigMap', 'ServiceAccount', 'Event', 'Binding']) {
      assert.deepEqual(defaulted(kind, { metadata: { name: 'x' } }), { metadata: { name: 'x' } });
    }
  });

  it('defaults every item of a List kind', () => {
    const list = defaulted('SecretList', { items: [{}, { type: 'x' }] });
    assert.deepEqual(list.items, [{ type: 'Opaque' }, { type: 'x' }]);
  });
});
