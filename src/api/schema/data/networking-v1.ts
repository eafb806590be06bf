// Schema facts for networking/v1 at Kubernetes 1.33 (served as networking.k8s.io/v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const networkingV1: SchemaPackage = {
  package: 'io.k8s.api.networking.v1',
  types: {
    HTTPIngressPath: {
      fields: {
        path: [1, 'string'],
        pathType: [3, 'string', { pointer: true, always: true, required: true, enum: ['Exact', 'ImplementationSpecific', 'Prefix'] }],
        backend: [2, 'IngressBackend', { always: true, required: true }],
      },
    },
    HTTPIngressRuleValue: {
      fields: {
        paths: [1, '[]HTTPIngressPath', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    IPAddress: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'IPAddressSpec'],
      },
    },
    IPAddressList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]IPAddress', { pointer: true, always: true, required: true }],
      },
    },
    IPAddressSpec: {
      fields: {
        parentRef: [1, 'ParentReference', { pointer: true, required: true }],
      },
    },
    IPBlock: {
      fields: {
        cidr: [1, 'string', { always: true, required: true }],
        except: [2, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    Ingress: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'IngressSpec'],
        status: [3, 'IngressStatus'],
      },
    },
    IngressBackend: {
      fields: {
        service: [4, 'IngressServiceBackend', { pointer: true }],
        resource: [3, 'io.k8s.api.core.v1.TypedLocalObjectReference', { pointer: true }],
      },
    },
    IngressClass: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'IngressClassSpec'],
      },
    },
    IngressClassList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]IngressClass', { pointer: true, always: true, required: true }],
      },
    },
    IngressClassParametersReference: {
      fields: {
        apiGroup: [1, 'string', { pointer: true }],
        kind: [2, 'string', { always: true, required: true }],
        name: [3, 'string', { always: true, required: true }],
        scope: [4, 'string', { pointer: true, always: true }],
        namespace: [5, 'string', { pointer: true }],
      },
    },
    IngressClassSpec: {
      fields: {
        controller: [1, 'string'],
        parameters: [2, 'IngressClassParametersReference', { pointer: true }],
      },
    },
    IngressList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Ingress', { pointer: true, always: true, required: true }],
      },
    },
    IngressLoadBalancerIngress: {
      fields: {
        ip: [1, 'string'],
        hostname: [2, 'string'],
        ports: [4, '[]IngressPortStatus', { pointer: true, listType: 'atomic' }],
      },
    },
    IngressLoadBalancerStatus: {
      fields: {
        ingress: [1, '[]IngressLoadBalancerIngress', { pointer: true, listType: 'atomic' }],
      },
    },
    IngressPortStatus: {
      fields: {
        port: [1, 'int32', { always: true, required: true }],
        protocol: [2, 'string', { always: true, required: true, enum: ['SCTP', 'TCP', 'UDP'] }],
        error: [3, 'string', { pointer: true }],
      },
    },
    IngressRule: {
      fields: {
        host: [1, 'string'],
        ingressRuleValue: [2, 'IngressRuleValue', { inline: true }],
      },
    },
    IngressRuleValue: {
      fields: {
        http: [1, 'HTTPIngressRuleValue', { pointer: true }],
      },
    },
    IngressServiceBackend: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        port: [2, 'ServiceBackendPort'],
      },
    },
    IngressSpec: {
      fields: {
        ingressClassName: [4, 'string', { pointer: true }],
        defaultBackend: [1, 'IngressBackend', { pointer: true }],
        tls: [2, '[]IngressTLS', { pointer: true, listType: 'atomic' }],
        rules: [3, '[]IngressRule', { pointer: true, listType: 'atomic' }],
      },
    },
    IngressStatus: {
      fields: {
        loadBalancer: [1, 'IngressLoadBalancerStatus'],
      },
    },
    IngressTLS: {
      fields: {
        hosts: [1, '[]string', { pointer: true, listType: 'atomic' }],
        secretName: [2, 'string'],
      },
    },
    NetworkPolicy: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'NetworkPolicySpec'],
      },
    },
    NetworkPolicyEgressRule: {
      fields: {
        ports: [1, '[]NetworkPolicyPort', { pointer: true, listType: 'atomic' }],
        to: [2, '[]NetworkPolicyPeer', { pointer: true, listType: 'atomic' }],
      },
    },
    NetworkPolicyIngressRule: {
      fields: {
        ports: [1, '[]NetworkPolicyPort', { pointer: true, listType: 'atomic' }],
        from: [2, '[]NetworkPolicyPeer', { pointer: true, listType: 'atomic' }],
      },
    },
    NetworkPolicyList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]NetworkPolicy', { pointer: true, always: true, required: true }],
      },
    },
    NetworkPolicyPeer: {
      fields: {
        podSelector: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        namespaceSelector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        ipBlock: [3, 'IPBlock', { pointer: true }],
      },
    },
    NetworkPolicyPort: {
      fields: {
        protocol: [1, 'string', { pointer: true, enum: ['SCTP', 'TCP', 'UDP'] }],
        port: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
        endPort: [3, 'int32', { pointer: true }],
      },
    },
    NetworkPolicySpec: {
      fields: {
        podSelector: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { always: true, required: true }],
        ingress: [2, '[]NetworkPolicyIngressRule', { pointer: true, listType: 'atomic' }],
        egress: [3, '[]NetworkPolicyEgressRule', { pointer: true, listType: 'atomic' }],
        policyTypes: [4, '[]string', { pointer: true, listType: 'atomic', enum: ['Egress', 'Ingress'] }],
      },
    },
    ParentReference: {
      fields: {
        group: [1, 'string'],
        resource: [2, 'string', { required: true }],
        namespace: [3, 'string'],
        name: [4, 'string', { required: true }],
      },
    },
    ServiceBackendPort: {
      fields: {
        name: [1, 'string'],
        number: [2, 'int32'],
      },
      options: { structType: 'atomic' },
    },
    ServiceCIDR: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ServiceCIDRSpec'],
        status: [3, 'ServiceCIDRStatus'],
      },
    },
    ServiceCIDRList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ServiceCIDR', { pointer: true, always: true, required: true }],
      },
    },
    ServiceCIDRSpec: {
      fields: {
        cidrs: [1, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    ServiceCIDRStatus: {
      fields: {
        conditions: [1, '[]io.k8s.apimachinery.pkg.apis.meta.v1.Condition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
  },
};
