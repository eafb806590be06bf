/**
 * A small hand-built registry for the codec tests, in the data-file format of
 * `schema/types.ts` (facts from upstream's generated.proto and types.go: numbers, Go
 * pointers, omitempty). Only the fields the tests touch; PodSpec and Container are
 * subsets. `io.kubets.test.v1` holds made-up types that exercise every field kind.
 */
import { wellKnownTypes, type FieldDef, type FieldSpec, type ResolvedType, type SchemaPackage, type TypeDef, type TypeSpec, type WrapperSpec } from '../schema/types.ts';

const P = { pointer: true } as const;
const A = { always: true } as const;
const time = wellKnownTypes.time;
const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

const metaV1: SchemaPackage = {
  package: 'io.k8s.apimachinery.pkg.apis.meta.v1',
  types: {
    ObjectMeta: {
      fields: {
        name: [1, 'string'],
        generateName: [2, 'string'],
        namespace: [3, 'string'],
        selfLink: [4, 'string'],
        uid: [5, 'string'],
        resourceVersion: [6, 'string'],
        generation: [7, 'int64'],
        creationTimestamp: [8, time],
        deletionTimestamp: [9, time, P],
        deletionGracePeriodSeconds: [10, 'int64', P],
        labels: [11, 'map[string]string', P],
        annotations: [12, 'map[string]string', P],
        ownerReferences: [13, '[]OwnerReference', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'uid' }],
        finalizers: [14, '[]string', P],
        managedFields: [17, '[]ManagedFieldsEntry', P],
      },
    },
    OwnerReference: {
      fields: {
        apiVersion: [5, 'string', A],
        kind: [1, 'string', A],
        name: [3, 'string', A],
        uid: [4, 'string', A],
        controller: [6, 'bool', P],
        blockOwnerDeletion: [7, 'bool', P],
      },
    },
    ManagedFieldsEntry: {
      fields: {
        manager: [1, 'string'],
        operation: [2, 'string'],
        apiVersion: [3, 'string'],
        time: [4, time, P],
        fieldsType: [6, 'string'],
        fieldsV1: [7, wellKnownTypes.fieldsV1, P],
        subresource: [8, 'string'],
      },
    },
    LabelSelector: {
      fields: {
        matchLabels: [1, 'map[string]string', P],
        matchExpressions: [2, '[]LabelSelectorRequirement', P],
      },
    },
    LabelSelectorRequirement: {
      fields: { key: [1, 'string', A], operator: [2, 'string', A], values: [3, '[]string', P] },
    },
    Condition: {
      fields: {
        type: [1, 'string', A],
        status: [2, 'string', A],
        observedGeneration: [3, 'int64'],
        lastTransitionTime: [4, time, A],
        reason: [5, 'string', A],
        message: [6, 'string', A],
      },
    },
  },
};

const topLevel = (fields: Record<string, FieldSpec>): TypeSpec => ({
  fields: { kind: [0, 'string'], apiVersion: [0, 'string'], metadata: [1, `${meta}ObjectMeta`], ...fields },
});

const coreV1: SchemaPackage = {
  package: 'io.k8s.api.core.v1',
  types: {
    ConfigMap: topLevel({
      immutable: [4, 'bool', P],
      data: [2, 'map[string]string', P],
      binaryData: [3, 'map[string]bytes', P],
    }),
    Secret: topLevel({
      immutable: [5, 'bool', P],
      data: [2, 'map[string]bytes', P],
      stringData: [4, 'map[string]string', P],
      type: [3, 'string'],
    }),
    Namespace: topLevel({ spec: [2, 'NamespaceSpec'], status: [3, 'NamespaceStatus'] }),
    NamespaceSpec: { fields: { finalizers: [1, '[]string', P] } },
    NamespaceStatus: { fields: { phase: [1, 'string'], conditions: [2, '[]NamespaceCondition', P] } },
    NamespaceCondition: {
      fields: {
        type: [1, 'string', A],
        status: [2, 'string', A],
        lastTransitionTime: [4, time],
        reason: [5, 'string'],
        message: [6, 'string'],
      },
    },
    Service: topLevel({ spec: [2, 'ServiceSpec'], status: [3, 'ServiceStatus'] }),
    ServiceSpec: {
      fields: {
        ports: [1, '[]ServicePort', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] }],
        selector: [2, 'map[string]string', P],
        clusterIP: [3, 'string'],
        clusterIPs: [18, '[]string', P],
        type: [4, 'string'],
        externalIPs: [5, '[]string', P],
        sessionAffinity: [7, 'string'],
        loadBalancerIP: [8, 'string'],
        loadBalancerSourceRanges: [9, '[]string', P],
        externalName: [10, 'string'],
        externalTrafficPolicy: [11, 'string'],
        healthCheckNodePort: [12, 'int32'],
        publishNotReadyAddresses: [13, 'bool'],
        sessionAffinityConfig: [14, 'SessionAffinityConfig', P],
        ipFamilies: [19, '[]string', P],
        ipFamilyPolicy: [17, 'string', P],
        allocateLoadBalancerNodePorts: [20, 'bool', P],
        loadBalancerClass: [21, 'string', P],
        internalTrafficPolicy: [22, 'string', P],
        trafficDistribution: [23, 'string', P],
      },
    },
    ServicePort: {
      fields: {
        name: [1, 'string'],
        protocol: [2, 'string'],
        appProtocol: [6, 'string', P],
        port: [3, 'int32', A],
        targetPort: [4, wellKnownTypes.intOrString],
        nodePort: [5, 'int32'],
      },
    },
    SessionAffinityConfig: { fields: { clientIP: [1, 'ClientIPConfig', P] } },
    ClientIPConfig: { fields: { timeoutSeconds: [1, 'int32', P] } },
    ServiceStatus: {
      fields: {
        loadBalancer: [1, 'LoadBalancerStatus'],
        conditions: [2, `[]${meta}Condition`, P],
      },
    },
    LoadBalancerStatus: { fields: { ingress: [1, '[]LoadBalancerIngress', P] } },
    LoadBalancerIngress: {
      fields: { ip: [1, 'string'], hostname: [2, 'string'], ipMode: [3, 'string', P], ports: [4, '[]PortStatus', P] },
    },
    PortStatus: { fields: { port: [1, 'int32', A], protocol: [2, 'string', A], error: [3, 'string', P] } },
    PodTemplateSpec: { fields: { metadata: [1, `${meta}ObjectMeta`], spec: [2, 'PodSpec'] } },
    PodSpec: {
      fields: {
        volumes: [1, '[]Volume', { pointer: true, patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }],
        initContainers: [20, '[]Container', P],
        containers: [2, '[]Container', { pointer: true, always: true }],
        restartPolicy: [3, 'string'],
        terminationGracePeriodSeconds: [4, 'int64', P],
        activeDeadlineSeconds: [5, 'int64', P],
        dnsPolicy: [6, 'string'],
        nodeSelector: [7, 'map[string]string', P],
        serviceAccountName: [8, 'string'],
        serviceAccount: [9, 'string'],
        automountServiceAccountToken: [21, 'bool', P],
        nodeName: [10, 'string'],
        hostNetwork: [11, 'bool'],
        hostPID: [12, 'bool'],
        hostIPC: [13, 'bool'],
        shareProcessNamespace: [27, 'bool', P],
        hostname: [16, 'string'],
        subdomain: [17, 'string'],
        schedulerName: [19, 'string'],
        priorityClassName: [24, 'string'],
        priority: [25, 'int32', P],
        runtimeClassName: [29, 'string', P],
        enableServiceLinks: [30, 'bool', P],
        preemptionPolicy: [31, 'string', P],
        overhead: [32, `map[string]${wellKnownTypes.quantity}`, P],
        setHostnameAsFQDN: [35, 'bool', P],
        hostUsers: [37, 'bool', P],
        resources: [40, 'ResourceRequirements', P],
        hostnameOverride: [41, 'string', P],
      },
    },
    Container: {
      fields: {
        name: [1, 'string', A],
        image: [2, 'string'],
        command: [3, '[]string', P],
        args: [4, '[]string', P],
        workingDir: [5, 'string'],
        ports: [6, '[]ContainerPort', P],
        env: [7, '[]EnvVar', P],
        resources: [8, 'ResourceRequirements'],
        restartPolicy: [24, 'string', P],
        terminationMessagePath: [13, 'string'],
        terminationMessagePolicy: [20, 'string'],
        imagePullPolicy: [14, 'string'],
        stdin: [16, 'bool'],
        stdinOnce: [17, 'bool'],
        tty: [18, 'bool'],
      },
    },
    ContainerPort: {
      fields: {
        name: [1, 'string'],
        hostPort: [2, 'int32'],
        containerPort: [3, 'int32', A],
        protocol: [4, 'string', { default: 'TCP' }],
        hostIP: [5, 'string'],
      },
    },
    Volume: { fields: { name: [1, 'string', A], volumeSource: [2, 'VolumeSource', { inline: true }] } },
    VolumeSource: { fields: { hostPath: [1, 'HostPathVolumeSource', P], emptyDir: [2, 'EmptyDirVolumeSource', P] } },
    HostPathVolumeSource: { fields: { path: [1, 'string', A], type: [2, 'string', P] } },
    EmptyDirVolumeSource: { fields: { medium: [1, 'string'], sizeLimit: [2, wellKnownTypes.quantity, P] } },
    EnvVar: { fields: { name: [1, 'string', A], value: [2, 'string'] } },
    ResourceRequirements: {
      fields: {
        limits: [1, `map[string]${wellKnownTypes.quantity}`, P],
        requests: [2, `map[string]${wellKnownTypes.quantity}`, P],
        claims: [3, '[]ResourceClaim', P],
      },
    },
    ResourceClaim: { fields: { name: [1, 'string', A], request: [2, 'string'] } },
  },
};

const appsV1: SchemaPackage = {
  package: 'io.k8s.api.apps.v1',
  types: {
    Deployment: topLevel({ spec: [2, 'DeploymentSpec'], status: [3, 'DeploymentStatus'] }),
    DeploymentSpec: {
      fields: {
        replicas: [1, 'int32', P],
        selector: [2, `${meta}LabelSelector`, { pointer: true, always: true }],
        template: [3, 'io.k8s.api.core.v1.PodTemplateSpec', A],
        strategy: [4, 'DeploymentStrategy', { patchStrategy: 'retainKeys' }],
        minReadySeconds: [5, 'int32'],
        revisionHistoryLimit: [6, 'int32', P],
        paused: [7, 'bool'],
        progressDeadlineSeconds: [9, 'int32', P],
      },
    },
    DeploymentStrategy: { fields: { type: [1, 'string'], rollingUpdate: [2, 'RollingUpdateDeployment', P] } },
    RollingUpdateDeployment: {
      fields: { maxUnavailable: [1, wellKnownTypes.intOrString, P], maxSurge: [2, wellKnownTypes.intOrString, P] },
    },
    DeploymentStatus: {
      fields: {
        observedGeneration: [1, 'int64'],
        replicas: [2, 'int32'],
        updatedReplicas: [3, 'int32'],
        readyReplicas: [7, 'int32'],
        availableReplicas: [4, 'int32'],
        unavailableReplicas: [5, 'int32'],
        terminatingReplicas: [9, 'int32', P],
        conditions: [6, '[]DeploymentCondition', P],
        collisionCount: [8, 'int32', P],
      },
    },
    DeploymentCondition: {
      fields: {
        type: [1, 'string', A],
        status: [2, 'string', A],
        lastUpdateTime: [6, time],
        lastTransitionTime: [7, time],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
  },
};

const authenticationV1: SchemaPackage = {
  package: 'io.k8s.api.authentication.v1',
  types: {
    UserInfo: {
      fields: {
        username: [1, 'string'],
        uid: [2, 'string'],
        groups: [3, '[]string', P],
        extra: [4, 'map[string]ExtraValue', P],
      },
    },
    ExtraValue: { wraps: '[]string', field: 1 },
  },
};

/** Made-up types covering every field kind, for round trips. */
const testV1: SchemaPackage = {
  package: 'io.kubets.test.v1',
  types: {
    Everything: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        s: [1, 'string'],
        b: [2, 'bool'],
        i32: [3, 'int32'],
        i64: [4, 'int64'],
        d: [5, 'double'],
        raw: [6, 'bytes', P],
        sAlways: [7, 'string', A],
        i32Always: [8, 'int32', A],
        bAlways: [9, 'bool', A],
        i32Ptr: [10, 'int32', P],
        i64Ptr: [11, 'int64', P],
        sPtr: [12, 'string', P],
        bPtr: [13, 'bool', P],
        strings: [14, '[]string', P],
        ints: [15, '[]int32', P],
        longs: [16, '[]int64', P],
        doubles: [17, '[]double', P],
        bools: [18, '[]bool', P],
        blobs: [19, '[]bytes', P],
        listAlways: [20, '[]string', { pointer: true, always: true }],
        stringMap: [21, 'map[string]string', P],
        bytesMap: [22, 'map[string]bytes', P],
        messageMap: [23, 'map[string]Inner', P],
        quantityMap: [24, `map[string]${wellKnownTypes.quantity}`, P],
        wrapperMap: [25, 'map[string]io.k8s.api.authentication.v1.ExtraValue', P],
        inner: [26, 'Inner'],
        innerPtr: [27, 'Inner', P],
        inners: [28, '[]Inner', P],
        time: [29, time],
        timePtr: [30, time, P],
        microTime: [31, wellKnownTypes.microTime, P],
        duration: [32, wellKnownTypes.duration, P],
        durationValue: [33, wellKnownTypes.duration],
        quantity: [34, wellKnownTypes.quantity, P],
        quantityValue: [35, wellKnownTypes.quantity],
        intOrString: [36, wellKnownTypes.intOrString, P],
        intOrStringValue: [37, wellKnownTypes.intOrString],
        extension: [38, wellKnownTypes.rawExtension],
        fields: [39, wellKnownTypes.fieldsV1, P],
        jsonOnly: [0, 'string'],
        wrapped: [40, 'io.k8s.api.authentication.v1.ExtraValue'],
        negative: [41, 'int32', P],
      },
    },
    Inner: { fields: { name: [1, 'string', A], value: [2, 'int32'], tags: [3, 'map[string]string', P] } },
  },
};

export const fixturePackages: readonly SchemaPackage[] = [metaV1, coreV1, appsV1, authenticationV1, testV1];

const scalars = new Set(['string', 'bool', 'int32', 'int64', 'double', 'bytes']);
const wellKnown = new Set<string>(Object.values(wellKnownTypes));

function resolve(expr: string, pkg: string): ResolvedType {
  if (expr.startsWith('[]')) return { kind: 'list', items: resolve(expr.slice(2), pkg) };
  if (expr.startsWith('map[string]')) return { kind: 'map', values: resolve(expr.slice('map[string]'.length), pkg) };
  if (scalars.has(expr)) return { kind: 'scalar', scalar: expr as 'string' };
  if (wellKnown.has(expr)) return { kind: 'wellKnown', name: expr };
  return { kind: 'message', name: expr.includes('.') ? expr : `${pkg}.${expr}` };
}

/** Expands data-file packages into TypeDefs (inline fields flattened in `fieldsByName`) and returns a lookup over them. */
export function buildLookup(packages: readonly SchemaPackage[]): (name: string) => TypeDef {
  const types = new Map<string, TypeDef>();
  const jsonViews = new Map<string, Map<string, FieldDef>>();
  for (const p of packages) {
    for (const [short, spec] of Object.entries(p.types)) {
      const name = `${p.package}.${short}`;
      if ('wraps' in spec) {
        const w = spec as WrapperSpec;
        types.set(name, { name, fields: [], fieldsByName: new Map(), fieldsByNumber: new Map(), wraps: { type: resolve(w.wraps, p.package), field: w.field } });
        continue;
      }
      const fields: FieldDef[] = Object.entries((spec as TypeSpec).fields).map(([fieldName, [number, type, options]]) => ({
        ...options,
        name: fieldName,
        number,
        type: resolve(type, p.package),
      }));
      const fieldsByName = new Map<string, FieldDef>();
      jsonViews.set(name, fieldsByName);
      types.set(name, {
        name,
        fields,
        fieldsByName,
        fieldsByNumber: new Map(fields.filter((f) => f.number > 0).map((f) => [f.number, f])),
      });
    }
  }
  const done = new Set<string>();
  const fill = (name: string): ReadonlyMap<string, FieldDef> => {
    const def = types.get(name)!;
    const view = jsonViews.get(name)!;
    if (done.has(name)) return view;
    done.add(name);
    const own = new Set(def.fields.filter((f) => f.inline !== true).map((f) => f.name));
    for (const f of def.fields) {
      if (f.inline !== true) view.set(f.name, f);
      else if (f.type.kind === 'message') for (const [n, inner] of fill(f.type.name)) if (!own.has(n) && !view.has(n)) view.set(n, inner);
    }
    return view;
  };
  for (const name of jsonViews.keys()) fill(name);
  return (name) => {
    const t = types.get(name);
    if (t === undefined) throw new Error(`fixture registry: no type ${name}`);
    return t;
  };
}

export const fixtureLookup = buildLookup(fixturePackages);

const kinds: Record<string, string> = {
  'v1/ConfigMap': 'io.k8s.api.core.v1.ConfigMap',
  'v1/Secret': 'io.k8s.api.core.v1.Secret',
  'v1/Namespace': 'io.k8s.api.core.v1.Namespace',
  'v1/Service': 'io.k8s.api.core.v1.Service',
  'apps/v1/Deployment': 'io.k8s.api.apps.v1.Deployment',
};

/** The fixture registry's top-level kinds, by apiVersion and kind. */
export function fixtureKind(apiVersion: string, kind: string): TypeDef | undefined {
  const name = kinds[`${apiVersion}/${kind}`];
  return name === undefined ? undefined : fixtureLookup(name);
}
