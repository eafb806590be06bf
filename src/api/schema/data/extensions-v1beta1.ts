// Schema facts for extensions/v1beta1 at Kubernetes 1.33 (served as extensions/v1beta1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const extensionsV1beta1: SchemaPackage = {
  package: 'io.k8s.api.extensions.v1beta1',
  types: {
    DaemonSet: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'DaemonSetSpec'],
        status: [3, 'DaemonSetStatus'],
      },
    },
    DaemonSetCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    DaemonSetList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]DaemonSet', { pointer: true, always: true, required: true }],
      },
    },
    DaemonSetSpec: {
      fields: {
        selector: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        template: [2, 'io.k8s.api.core.v1.PodTemplateSpec', { always: true, required: true }],
        updateStrategy: [3, 'DaemonSetUpdateStrategy'],
        minReadySeconds: [4, 'int32'],
        templateGeneration: [5, 'int64'],
        revisionHistoryLimit: [6, 'int32', { pointer: true }],
      },
    },
    DaemonSetStatus: {
      fields: {
        currentNumberScheduled: [1, 'int32', { always: true, required: true }],
        numberMisscheduled: [2, 'int32', { always: true, required: true }],
        desiredNumberScheduled: [3, 'int32', { always: true, required: true }],
        numberReady: [4, 'int32', { always: true, required: true }],
        observedGeneration: [5, 'int64'],
        updatedNumberScheduled: [6, 'int32'],
        numberAvailable: [7, 'int32'],
        numberUnavailable: [8, 'int32'],
        collisionCount: [9, 'int32', { pointer: true }],
        conditions: [10, '[]DaemonSetCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    DaemonSetUpdateStrategy: {
      fields: {
        type: [1, 'string'],
        rollingUpdate: [2, 'RollingUpdateDaemonSet', { pointer: true }],
      },
    },
    Deployment: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'DeploymentSpec'],
        status: [3, 'DeploymentStatus'],
      },
    },
    DeploymentCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastUpdateTime: [6, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTransitionTime: [7, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    DeploymentList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Deployment', { pointer: true, always: true, required: true }],
      },
    },
    DeploymentRollback: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        name: [1, 'string', { always: true, required: true }],
        updatedAnnotations: [2, 'map[string]string', { pointer: true }],
        rollbackTo: [3, 'RollbackConfig', { always: true, required: true }],
      },
    },
    DeploymentSpec: {
      fields: {
        replicas: [1, 'int32', { pointer: true }],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        template: [3, 'io.k8s.api.core.v1.PodTemplateSpec', { always: true, required: true }],
        strategy: [4, 'DeploymentStrategy', { patchStrategy: 'retainKeys' }],
        minReadySeconds: [5, 'int32'],
        revisionHistoryLimit: [6, 'int32', { pointer: true }],
        paused: [7, 'bool'],
        rollbackTo: [8, 'RollbackConfig', { pointer: true }],
        progressDeadlineSeconds: [9, 'int32', { pointer: true }],
      },
    },
    DeploymentStatus: {
      fields: {
        observedGeneration: [1, 'int64'],
        replicas: [2, 'int32'],
        updatedReplicas: [3, 'int32'],
        readyReplicas: [7, 'int32'],
        availableReplicas: [4, 'int32'],
        unavailableReplicas: [5, 'int32'],
        terminatingReplicas: [9, 'int32', { pointer: true }],
        conditions: [6, '[]DeploymentCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
        collisionCount: [8, 'int32', { pointer: true }],
      },
    },
    DeploymentStrategy: {
      fields: {
        type: [1, 'string'],
        rollingUpdate: [2, 'RollingUpdateDeployment', { pointer: true }],
      },
    },
    HTTPIngressPath: {
      fields: {
        path: [1, 'string'],
        pathType: [3, 'string', { pointer: true }],
        backend: [2, 'IngressBackend', { always: true, required: true }],
      },
    },
    HTTPIngressRuleValue: {
      fields: {
        paths: [1, '[]HTTPIngressPath', { pointer: true, always: true, required: true, listType: 'atomic' }],
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
        serviceName: [1, 'string'],
        servicePort: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'],
        resource: [3, 'io.k8s.api.core.v1.TypedLocalObjectReference', { pointer: true }],
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
    IngressSpec: {
      fields: {
        ingressClassName: [4, 'string', { pointer: true }],
        backend: [1, 'IngressBackend', { pointer: true }],
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
        policyTypes: [4, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    ReplicaSet: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ReplicaSetSpec'],
        status: [3, 'ReplicaSetStatus'],
      },
    },
    ReplicaSetCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    ReplicaSetList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ReplicaSet', { pointer: true, always: true, required: true }],
      },
    },
    ReplicaSetSpec: {
      fields: {
        replicas: [1, 'int32', { pointer: true }],
        minReadySeconds: [4, 'int32'],
        selector: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        template: [3, 'io.k8s.api.core.v1.PodTemplateSpec'],
      },
    },
    ReplicaSetStatus: {
      fields: {
        replicas: [1, 'int32', { always: true, required: true }],
        fullyLabeledReplicas: [2, 'int32'],
        readyReplicas: [4, 'int32'],
        availableReplicas: [5, 'int32'],
        terminatingReplicas: [7, 'int32', { pointer: true }],
        observedGeneration: [3, 'int64'],
        conditions: [6, '[]ReplicaSetCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    RollbackConfig: {
      fields: {
        revision: [1, 'int64'],
      },
    },
    RollingUpdateDaemonSet: {
      fields: {
        maxUnavailable: [1, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
        maxSurge: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
      },
    },
    RollingUpdateDeployment: {
      fields: {
        maxUnavailable: [1, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
        maxSurge: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { pointer: true }],
      },
    },
    Scale: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ScaleSpec'],
        status: [3, 'ScaleStatus'],
      },
    },
    ScaleSpec: {
      fields: {
        replicas: [1, 'int32'],
      },
    },
    ScaleStatus: {
      fields: {
        replicas: [1, 'int32', { always: true, required: true }],
        selector: [2, 'map[string]string', { pointer: true, mapType: 'atomic' }],
        targetSelector: [3, 'string'],
      },
    },
  },
};
