// Schema facts for core/v1 at Kubernetes 1.33 (served as v1): field names,
// protobuf numbers, Go pointer-ness and omitempty, patch strategies, list and map types.
// Format: see ../types.ts. Listed in ./index.ts; loaded by ../registry.ts.
import type { SchemaPackage } from '../types.ts';

export const coreV1: SchemaPackage = {
  package: 'io.k8s.api.core.v1',
  types: {
    AWSElasticBlockStoreVolumeSource: {
      fields: {
        volumeID: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        partition: [3, 'int32'],
        readOnly: [4, 'bool'],
      },
    },
    Affinity: {
      fields: {
        nodeAffinity: [1, 'NodeAffinity', { pointer: true }],
        podAffinity: [2, 'PodAffinity', { pointer: true }],
        podAntiAffinity: [3, 'PodAntiAffinity', { pointer: true }],
      },
    },
    AppArmorProfile: {
      fields: {
        type: [1, 'string', { always: true, required: true, enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }],
        localhostProfile: [2, 'string', { pointer: true }],
      },
    },
    AttachedVolume: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        devicePath: [2, 'string', { always: true, required: true }],
      },
    },
    AvoidPods: {
      fields: {
        preferAvoidPods: [1, '[]PreferAvoidPodsEntry', { pointer: true, listType: 'atomic' }],
      },
    },
    AzureDiskVolumeSource: {
      fields: {
        diskName: [1, 'string', { always: true, required: true }],
        diskURI: [2, 'string', { always: true, required: true }],
        cachingMode: [3, 'string', { pointer: true, default: 'ReadWrite', enum: ['None', 'ReadOnly', 'ReadWrite'] }],
        fsType: [4, 'string', { pointer: true, default: 'ext4' }],
        readOnly: [5, 'bool', { pointer: true, default: false }],
        kind: [6, 'string', { pointer: true, default: 'Shared', enum: ['Dedicated', 'Managed', 'Shared'] }],
      },
    },
    AzureFilePersistentVolumeSource: {
      fields: {
        secretName: [1, 'string', { always: true, required: true }],
        shareName: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
        secretNamespace: [4, 'string', { pointer: true, always: true }],
      },
    },
    AzureFileVolumeSource: {
      fields: {
        secretName: [1, 'string', { always: true, required: true }],
        shareName: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
      },
    },
    Binding: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        target: [2, 'ObjectReference', { always: true, required: true }],
      },
    },
    CSIPersistentVolumeSource: {
      fields: {
        driver: [1, 'string', { always: true, required: true }],
        volumeHandle: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
        fsType: [4, 'string'],
        volumeAttributes: [5, 'map[string]string', { pointer: true }],
        controllerPublishSecretRef: [6, 'SecretReference', { pointer: true }],
        nodeStageSecretRef: [7, 'SecretReference', { pointer: true }],
        nodePublishSecretRef: [8, 'SecretReference', { pointer: true }],
        controllerExpandSecretRef: [9, 'SecretReference', { pointer: true }],
        nodeExpandSecretRef: [10, 'SecretReference', { pointer: true }],
      },
    },
    CSIVolumeSource: {
      fields: {
        driver: [1, 'string', { always: true, required: true }],
        readOnly: [2, 'bool', { pointer: true }],
        fsType: [3, 'string', { pointer: true }],
        volumeAttributes: [4, 'map[string]string', { pointer: true }],
        nodePublishSecretRef: [5, 'LocalObjectReference', { pointer: true }],
      },
    },
    Capabilities: {
      fields: {
        add: [1, '[]string', { pointer: true, listType: 'atomic' }],
        drop: [2, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    CephFSPersistentVolumeSource: {
      fields: {
        monitors: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        path: [2, 'string'],
        user: [3, 'string'],
        secretFile: [4, 'string'],
        secretRef: [5, 'SecretReference', { pointer: true }],
        readOnly: [6, 'bool'],
      },
    },
    CephFSVolumeSource: {
      fields: {
        monitors: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        path: [2, 'string'],
        user: [3, 'string'],
        secretFile: [4, 'string'],
        secretRef: [5, 'LocalObjectReference', { pointer: true }],
        readOnly: [6, 'bool'],
      },
    },
    CinderPersistentVolumeSource: {
      fields: {
        volumeID: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        readOnly: [3, 'bool'],
        secretRef: [4, 'SecretReference', { pointer: true }],
      },
    },
    CinderVolumeSource: {
      fields: {
        volumeID: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        readOnly: [3, 'bool'],
        secretRef: [4, 'LocalObjectReference', { pointer: true }],
      },
    },
    ClientIPConfig: {
      fields: {
        timeoutSeconds: [1, 'int32', { pointer: true }],
      },
    },
    ClusterTrustBundleProjection: {
      fields: {
        name: [1, 'string', { pointer: true }],
        signerName: [2, 'string', { pointer: true }],
        labelSelector: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        optional: [5, 'bool', { pointer: true }],
        path: [4, 'string', { always: true, required: true }],
      },
    },
    ComponentCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        message: [3, 'string'],
        error: [4, 'string'],
      },
    },
    ComponentStatus: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        conditions: [2, '[]ComponentCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    ComponentStatusList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ComponentStatus', { pointer: true, always: true, required: true }],
      },
    },
    ConfigMap: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        immutable: [4, 'bool', { pointer: true }],
        data: [2, 'map[string]string', { pointer: true }],
        binaryData: [3, 'map[string]bytes', { pointer: true }],
      },
    },
    ConfigMapEnvSource: {
      fields: {
        localObjectReference: [1, 'LocalObjectReference', { inline: true }],
        optional: [2, 'bool', { pointer: true }],
      },
    },
    ConfigMapKeySelector: {
      fields: {
        localObjectReference: [1, 'LocalObjectReference', { inline: true }],
        key: [2, 'string', { always: true, required: true }],
        optional: [3, 'bool', { pointer: true }],
      },
      options: { structType: 'atomic' },
    },
    ConfigMapList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ConfigMap', { pointer: true, always: true, required: true }],
      },
    },
    ConfigMapNodeConfigSource: {
      fields: {
        namespace: [1, 'string', { always: true, required: true }],
        name: [2, 'string', { always: true, required: true }],
        uid: [3, 'string'],
        resourceVersion: [4, 'string'],
        kubeletConfigKey: [5, 'string', { always: true, required: true }],
      },
    },
    ConfigMapProjection: {
      fields: {
        localObjectReference: [1, 'LocalObjectReference', { inline: true }],
        items: [2, '[]KeyToPath', { pointer: true, listType: 'atomic' }],
        optional: [4, 'bool', { pointer: true }],
      },
    },
    ConfigMapVolumeSource: {
      fields: {
        localObjectReference: [1, 'LocalObjectReference', { inline: true }],
        items: [2, '[]KeyToPath', { pointer: true, listType: 'atomic' }],
        defaultMode: [3, 'int32', { pointer: true }],
        optional: [4, 'bool', { pointer: true }],
      },
    },
    Container: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        image: [2, 'string'],
        command: [3, '[]string', { pointer: true, listType: 'atomic' }],
        args: [4, '[]string', { pointer: true, listType: 'atomic' }],
        workingDir: [5, 'string'],
        ports: [6, '[]ContainerPort', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] }],
        envFrom: [19, '[]EnvFromSource', { pointer: true, listType: 'atomic' }],
        env: [7, '[]EnvVar', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        resources: [8, 'ResourceRequirements'],
        resizePolicy: [23, '[]ContainerResizePolicy', { pointer: true, listType: 'atomic' }],
        restartPolicy: [24, 'string', { pointer: true }],
        volumeMounts: [9, '[]VolumeMount', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] }],
        volumeDevices: [21, '[]VolumeDevice', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'devicePath', listType: 'map', listMapKeys: ['devicePath'] }],
        livenessProbe: [10, 'Probe', { pointer: true }],
        readinessProbe: [11, 'Probe', { pointer: true }],
        startupProbe: [22, 'Probe', { pointer: true }],
        lifecycle: [12, 'Lifecycle', { pointer: true }],
        terminationMessagePath: [13, 'string'],
        terminationMessagePolicy: [20, 'string', { enum: ['FallbackToLogsOnError', 'File'] }],
        imagePullPolicy: [14, 'string', { enum: ['Always', 'IfNotPresent', 'Never'] }],
        securityContext: [15, 'SecurityContext', { pointer: true }],
        stdin: [16, 'bool'],
        stdinOnce: [17, 'bool'],
        tty: [18, 'bool'],
      },
    },
    ContainerImage: {
      fields: {
        names: [1, '[]string', { pointer: true, always: true, listType: 'atomic' }],
        sizeBytes: [2, 'int64'],
      },
    },
    ContainerPort: {
      fields: {
        name: [1, 'string'],
        hostPort: [2, 'int32'],
        containerPort: [3, 'int32', { always: true, required: true }],
        protocol: [4, 'string', { default: 'TCP', enum: ['SCTP', 'TCP', 'UDP'] }],
        hostIP: [5, 'string'],
      },
    },
    ContainerResizePolicy: {
      fields: {
        resourceName: [1, 'string', { always: true, required: true }],
        restartPolicy: [2, 'string', { always: true, required: true }],
      },
    },
    ContainerState: {
      fields: {
        waiting: [1, 'ContainerStateWaiting', { pointer: true }],
        running: [2, 'ContainerStateRunning', { pointer: true }],
        terminated: [3, 'ContainerStateTerminated', { pointer: true }],
      },
    },
    ContainerStateRunning: {
      fields: {
        startedAt: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
      },
    },
    ContainerStateTerminated: {
      fields: {
        exitCode: [1, 'int32', { always: true, required: true }],
        signal: [2, 'int32'],
        reason: [3, 'string'],
        message: [4, 'string'],
        startedAt: [5, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        finishedAt: [6, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        containerID: [7, 'string'],
      },
    },
    ContainerStateWaiting: {
      fields: {
        reason: [1, 'string'],
        message: [2, 'string'],
      },
    },
    ContainerStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        state: [2, 'ContainerState'],
        lastState: [3, 'ContainerState'],
        ready: [4, 'bool', { always: true, required: true }],
        restartCount: [5, 'int32', { always: true, required: true }],
        image: [6, 'string', { always: true, required: true }],
        imageID: [7, 'string', { always: true, required: true }],
        containerID: [8, 'string'],
        started: [9, 'bool', { pointer: true }],
        allocatedResources: [10, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        resources: [11, 'ResourceRequirements', { pointer: true }],
        volumeMounts: [12, '[]VolumeMountStatus', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] }],
        user: [13, 'ContainerUser', { pointer: true }],
        allocatedResourcesStatus: [14, '[]ResourceStatus', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        stopSignal: [15, 'string', { pointer: true, enum: ['SIGABRT', 'SIGALRM', 'SIGBUS', 'SIGCHLD', 'SIGCLD', 'SIGCONT', 'SIGFPE', 'SIGHUP', 'SIGILL', 'SIGINT', 'SIGIO', 'SIGIOT', 'SIGKILL', 'SIGPIPE', 'SIGPOLL', 'SIGPROF', 'SIGPWR', 'SIGQUIT', 'SIGRTMAX', 'SIGRTMAX-1', 'SIGRTMAX-10', 'SIGRTMAX-11', 'SIGRTMAX-12', 'SIGRTMAX-13', 'SIGRTMAX-14', 'SIGRTMAX-2', 'SIGRTMAX-3', 'SIGRTMAX-4', 'SIGRTMAX-5', 'SIGRTMAX-6', 'SIGRTMAX-7', 'SIGRTMAX-8', 'SIGRTMAX-9', 'SIGRTMIN', 'SIGRTMIN+1', 'SIGRTMIN+10', 'SIGRTMIN+11', 'SIGRTMIN+12', 'SIGRTMIN+13', 'SIGRTMIN+14', 'SIGRTMIN+15', 'SIGRTMIN+2', 'SIGRTMIN+3', 'SIGRTMIN+4', 'SIGRTMIN+5', 'SIGRTMIN+6', 'SIGRTMIN+7', 'SIGRTMIN+8', 'SIGRTMIN+9', 'SIGSEGV', 'SIGSTKFLT', 'SIGSTOP', 'SIGSYS', 'SIGTERM', 'SIGTRAP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGUSR1', 'SIGUSR2', 'SIGVTALRM', 'SIGWINCH', 'SIGXCPU', 'SIGXFSZ'] }],
      },
    },
    ContainerUser: {
      fields: {
        linux: [1, 'LinuxContainerUser', { pointer: true }],
      },
    },
    DaemonEndpoint: {
      fields: {
        Port: [1, 'int32', { always: true, required: true }],
      },
    },
    DownwardAPIProjection: {
      fields: {
        items: [1, '[]DownwardAPIVolumeFile', { pointer: true, listType: 'atomic' }],
      },
    },
    DownwardAPIVolumeFile: {
      fields: {
        path: [1, 'string', { always: true, required: true }],
        fieldRef: [2, 'ObjectFieldSelector', { pointer: true }],
        resourceFieldRef: [3, 'ResourceFieldSelector', { pointer: true }],
        mode: [4, 'int32', { pointer: true }],
      },
    },
    DownwardAPIVolumeSource: {
      fields: {
        items: [1, '[]DownwardAPIVolumeFile', { pointer: true, listType: 'atomic' }],
        defaultMode: [2, 'int32', { pointer: true }],
      },
    },
    EmptyDirVolumeSource: {
      fields: {
        medium: [1, 'string'],
        sizeLimit: [2, 'io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    EndpointAddress: {
      fields: {
        ip: [1, 'string', { always: true, required: true }],
        hostname: [3, 'string'],
        nodeName: [4, 'string', { pointer: true }],
        targetRef: [2, 'ObjectReference', { pointer: true }],
      },
      options: { structType: 'atomic' },
    },
    EndpointPort: {
      fields: {
        name: [1, 'string'],
        port: [2, 'int32', { always: true, required: true }],
        protocol: [3, 'string', { enum: ['SCTP', 'TCP', 'UDP'] }],
        appProtocol: [4, 'string', { pointer: true }],
      },
      options: { structType: 'atomic' },
    },
    EndpointSubset: {
      fields: {
        addresses: [1, '[]EndpointAddress', { pointer: true, listType: 'atomic' }],
        notReadyAddresses: [2, '[]EndpointAddress', { pointer: true, listType: 'atomic' }],
        ports: [3, '[]EndpointPort', { pointer: true, listType: 'atomic' }],
      },
    },
    Endpoints: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        subsets: [2, '[]EndpointSubset', { pointer: true, listType: 'atomic' }],
      },
    },
    EndpointsList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Endpoints', { pointer: true, always: true, required: true }],
      },
    },
    EnvFromSource: {
      fields: {
        prefix: [1, 'string'],
        configMapRef: [2, 'ConfigMapEnvSource', { pointer: true }],
        secretRef: [3, 'SecretEnvSource', { pointer: true }],
      },
    },
    EnvVar: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        value: [2, 'string'],
        valueFrom: [3, 'EnvVarSource', { pointer: true }],
      },
    },
    EnvVarSource: {
      fields: {
        fieldRef: [1, 'ObjectFieldSelector', { pointer: true }],
        resourceFieldRef: [2, 'ResourceFieldSelector', { pointer: true }],
        configMapKeyRef: [3, 'ConfigMapKeySelector', { pointer: true }],
        secretKeyRef: [4, 'SecretKeySelector', { pointer: true }],
      },
    },
    EphemeralContainer: {
      fields: {
        ephemeralContainerCommon: [1, 'EphemeralContainerCommon', { inline: true }],
        targetContainerName: [2, 'string'],
      },
    },
    EphemeralContainerCommon: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        image: [2, 'string'],
        command: [3, '[]string', { pointer: true, listType: 'atomic' }],
        args: [4, '[]string', { pointer: true, listType: 'atomic' }],
        workingDir: [5, 'string'],
        ports: [6, '[]ContainerPort', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] }],
        envFrom: [19, '[]EnvFromSource', { pointer: true, listType: 'atomic' }],
        env: [7, '[]EnvVar', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        resources: [8, 'ResourceRequirements'],
        resizePolicy: [23, '[]ContainerResizePolicy', { pointer: true, listType: 'atomic' }],
        restartPolicy: [24, 'string', { pointer: true }],
        volumeMounts: [9, '[]VolumeMount', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] }],
        volumeDevices: [21, '[]VolumeDevice', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'devicePath', listType: 'map', listMapKeys: ['devicePath'] }],
        livenessProbe: [10, 'Probe', { pointer: true }],
        readinessProbe: [11, 'Probe', { pointer: true }],
        startupProbe: [22, 'Probe', { pointer: true }],
        lifecycle: [12, 'Lifecycle', { pointer: true }],
        terminationMessagePath: [13, 'string'],
        terminationMessagePolicy: [20, 'string', { enum: ['FallbackToLogsOnError', 'File'] }],
        imagePullPolicy: [14, 'string', { enum: ['Always', 'IfNotPresent', 'Never'] }],
        securityContext: [15, 'SecurityContext', { pointer: true }],
        stdin: [16, 'bool'],
        stdinOnce: [17, 'bool'],
        tty: [18, 'bool'],
      },
    },
    EphemeralVolumeSource: {
      fields: {
        volumeClaimTemplate: [1, 'PersistentVolumeClaimTemplate', { pointer: true }],
      },
    },
    Event: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { always: true, required: true }],
        involvedObject: [2, 'ObjectReference', { always: true, required: true }],
        reason: [3, 'string'],
        message: [4, 'string'],
        source: [5, 'EventSource'],
        firstTimestamp: [6, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTimestamp: [7, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        count: [8, 'int32'],
        type: [9, 'string'],
        eventTime: [10, 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime'],
        series: [11, 'EventSeries', { pointer: true }],
        action: [12, 'string'],
        related: [13, 'ObjectReference', { pointer: true }],
        reportingComponent: [14, 'string', { always: true }],
        reportingInstance: [15, 'string', { always: true }],
      },
    },
    EventList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Event', { pointer: true, always: true, required: true }],
      },
    },
    EventSeries: {
      fields: {
        count: [1, 'int32'],
        lastObservedTime: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime'],
      },
    },
    EventSource: {
      fields: {
        component: [1, 'string'],
        host: [2, 'string'],
      },
    },
    ExecAction: {
      fields: {
        command: [1, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    FCVolumeSource: {
      fields: {
        targetWWNs: [1, '[]string', { pointer: true, listType: 'atomic' }],
        lun: [2, 'int32', { pointer: true }],
        fsType: [3, 'string'],
        readOnly: [4, 'bool'],
        wwids: [5, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    FlexPersistentVolumeSource: {
      fields: {
        driver: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        secretRef: [3, 'SecretReference', { pointer: true }],
        readOnly: [4, 'bool'],
        options: [5, 'map[string]string', { pointer: true }],
      },
    },
    FlexVolumeSource: {
      fields: {
        driver: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        secretRef: [3, 'LocalObjectReference', { pointer: true }],
        readOnly: [4, 'bool'],
        options: [5, 'map[string]string', { pointer: true }],
      },
    },
    FlockerVolumeSource: {
      fields: {
        datasetName: [1, 'string'],
        datasetUUID: [2, 'string'],
      },
    },
    GCEPersistentDiskVolumeSource: {
      fields: {
        pdName: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        partition: [3, 'int32'],
        readOnly: [4, 'bool'],
      },
    },
    GRPCAction: {
      fields: {
        port: [1, 'int32', { always: true, required: true }],
        service: [2, 'string', { pointer: true, always: true, default: '' }],
      },
    },
    GitRepoVolumeSource: {
      fields: {
        repository: [1, 'string', { always: true, required: true }],
        revision: [2, 'string'],
        directory: [3, 'string'],
      },
    },
    GlusterfsPersistentVolumeSource: {
      fields: {
        endpoints: [1, 'string', { always: true, required: true }],
        path: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
        endpointsNamespace: [4, 'string', { pointer: true }],
      },
    },
    GlusterfsVolumeSource: {
      fields: {
        endpoints: [1, 'string', { always: true, required: true }],
        path: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
      },
    },
    HTTPGetAction: {
      fields: {
        path: [1, 'string'],
        port: [2, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { always: true, required: true }],
        host: [3, 'string'],
        scheme: [4, 'string', { enum: ['HTTP', 'HTTPS'] }],
        httpHeaders: [5, '[]HTTPHeader', { pointer: true, listType: 'atomic' }],
      },
    },
    HTTPHeader: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        value: [2, 'string', { always: true, required: true }],
      },
    },
    HostAlias: {
      fields: {
        ip: [1, 'string', { always: true, required: true }],
        hostnames: [2, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    HostIP: {
      fields: {
        ip: [1, 'string', { always: true, required: true }],
      },
    },
    HostPathVolumeSource: {
      fields: {
        path: [1, 'string', { always: true, required: true }],
        type: [2, 'string', { pointer: true, enum: ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'] }],
      },
    },
    ISCSIPersistentVolumeSource: {
      fields: {
        targetPortal: [1, 'string', { always: true, required: true }],
        iqn: [2, 'string', { always: true, required: true }],
        lun: [3, 'int32', { always: true, required: true }],
        iscsiInterface: [4, 'string', { default: 'default' }],
        fsType: [5, 'string'],
        readOnly: [6, 'bool'],
        portals: [7, '[]string', { pointer: true, listType: 'atomic' }],
        chapAuthDiscovery: [8, 'bool'],
        chapAuthSession: [11, 'bool'],
        secretRef: [10, 'SecretReference', { pointer: true }],
        initiatorName: [12, 'string', { pointer: true }],
      },
    },
    ISCSIVolumeSource: {
      fields: {
        targetPortal: [1, 'string', { always: true, required: true }],
        iqn: [2, 'string', { always: true, required: true }],
        lun: [3, 'int32', { always: true, required: true }],
        iscsiInterface: [4, 'string', { default: 'default' }],
        fsType: [5, 'string'],
        readOnly: [6, 'bool'],
        portals: [7, '[]string', { pointer: true, listType: 'atomic' }],
        chapAuthDiscovery: [8, 'bool'],
        chapAuthSession: [11, 'bool'],
        secretRef: [10, 'LocalObjectReference', { pointer: true }],
        initiatorName: [12, 'string', { pointer: true }],
      },
    },
    ImageVolumeSource: {
      fields: {
        reference: [1, 'string'],
        pullPolicy: [2, 'string', { enum: ['Always', 'IfNotPresent', 'Never'] }],
      },
    },
    KeyToPath: {
      fields: {
        key: [1, 'string', { always: true, required: true }],
        path: [2, 'string', { always: true, required: true }],
        mode: [3, 'int32', { pointer: true }],
      },
    },
    Lifecycle: {
      fields: {
        postStart: [1, 'LifecycleHandler', { pointer: true }],
        preStop: [2, 'LifecycleHandler', { pointer: true }],
        stopSignal: [3, 'string', { pointer: true, enum: ['SIGABRT', 'SIGALRM', 'SIGBUS', 'SIGCHLD', 'SIGCLD', 'SIGCONT', 'SIGFPE', 'SIGHUP', 'SIGILL', 'SIGINT', 'SIGIO', 'SIGIOT', 'SIGKILL', 'SIGPIPE', 'SIGPOLL', 'SIGPROF', 'SIGPWR', 'SIGQUIT', 'SIGRTMAX', 'SIGRTMAX-1', 'SIGRTMAX-10', 'SIGRTMAX-11', 'SIGRTMAX-12', 'SIGRTMAX-13', 'SIGRTMAX-14', 'SIGRTMAX-2', 'SIGRTMAX-3', 'SIGRTMAX-4', 'SIGRTMAX-5', 'SIGRTMAX-6', 'SIGRTMAX-7', 'SIGRTMAX-8', 'SIGRTMAX-9', 'SIGRTMIN', 'SIGRTMIN+1', 'SIGRTMIN+10', 'SIGRTMIN+11', 'SIGRTMIN+12', 'SIGRTMIN+13', 'SIGRTMIN+14', 'SIGRTMIN+15', 'SIGRTMIN+2', 'SIGRTMIN+3', 'SIGRTMIN+4', 'SIGRTMIN+5', 'SIGRTMIN+6', 'SIGRTMIN+7', 'SIGRTMIN+8', 'SIGRTMIN+9', 'SIGSEGV', 'SIGSTKFLT', 'SIGSTOP', 'SIGSYS', 'SIGTERM', 'SIGTRAP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGUSR1', 'SIGUSR2', 'SIGVTALRM', 'SIGWINCH', 'SIGXCPU', 'SIGXFSZ'] }],
      },
    },
    LifecycleHandler: {
      fields: {
        exec: [1, 'ExecAction', { pointer: true }],
        httpGet: [2, 'HTTPGetAction', { pointer: true }],
        tcpSocket: [3, 'TCPSocketAction', { pointer: true }],
        sleep: [4, 'SleepAction', { pointer: true }],
      },
    },
    LimitRange: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'LimitRangeSpec'],
      },
    },
    LimitRangeItem: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        max: [2, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        min: [3, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        default: [4, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        defaultRequest: [5, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        maxLimitRequestRatio: [6, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    LimitRangeList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]LimitRange', { pointer: true, always: true, required: true }],
      },
    },
    LimitRangeSpec: {
      fields: {
        limits: [1, '[]LimitRangeItem', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    LinuxContainerUser: {
      fields: {
        uid: [1, 'int64', { always: true, required: true }],
        gid: [2, 'int64', { always: true, required: true }],
        supplementalGroups: [3, '[]int64', { pointer: true, listType: 'atomic' }],
      },
    },
    List: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]io.k8s.apimachinery.pkg.runtime.RawExtension', { pointer: true, always: true, required: true }],
      },
    },
    LoadBalancerIngress: {
      fields: {
        ip: [1, 'string'],
        hostname: [2, 'string'],
        ipMode: [3, 'string', { pointer: true }],
        ports: [4, '[]PortStatus', { pointer: true, listType: 'atomic' }],
      },
    },
    LoadBalancerStatus: {
      fields: {
        ingress: [1, '[]LoadBalancerIngress', { pointer: true, listType: 'atomic' }],
      },
    },
    LocalObjectReference: {
      fields: {
        name: [1, 'string', { default: '' }],
      },
      options: { structType: 'atomic' },
    },
    LocalVolumeSource: {
      fields: {
        path: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string', { pointer: true }],
      },
    },
    ModifyVolumeStatus: {
      fields: {
        targetVolumeAttributesClassName: [1, 'string'],
        status: [2, 'string', { always: true, required: true, enum: ['InProgress', 'Infeasible', 'Pending'] }],
      },
    },
    NFSVolumeSource: {
      fields: {
        server: [1, 'string', { always: true, required: true }],
        path: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
      },
    },
    Namespace: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'NamespaceSpec'],
        status: [3, 'NamespaceStatus'],
      },
    },
    NamespaceCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [5, 'string'],
        message: [6, 'string'],
      },
    },
    NamespaceList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Namespace', { pointer: true, always: true, required: true }],
      },
    },
    NamespaceSpec: {
      fields: {
        finalizers: [1, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    NamespaceStatus: {
      fields: {
        phase: [1, 'string', { enum: ['Active', 'Terminating'] }],
        conditions: [2, '[]NamespaceCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    Node: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'NodeSpec'],
        status: [3, 'NodeStatus'],
      },
    },
    NodeAddress: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        address: [2, 'string', { always: true, required: true }],
      },
    },
    NodeAffinity: {
      fields: {
        requiredDuringSchedulingIgnoredDuringExecution: [1, 'NodeSelector', { pointer: true }],
        preferredDuringSchedulingIgnoredDuringExecution: [2, '[]PreferredSchedulingTerm', { pointer: true, listType: 'atomic' }],
      },
    },
    NodeCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastHeartbeatTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTransitionTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [5, 'string'],
        message: [6, 'string'],
      },
    },
    NodeConfigSource: {
      fields: {
        configMap: [2, 'ConfigMapNodeConfigSource', { pointer: true }],
      },
    },
    NodeConfigStatus: {
      fields: {
        assigned: [1, 'NodeConfigSource', { pointer: true }],
        active: [2, 'NodeConfigSource', { pointer: true }],
        lastKnownGood: [3, 'NodeConfigSource', { pointer: true }],
        error: [4, 'string'],
      },
    },
    NodeDaemonEndpoints: {
      fields: {
        kubeletEndpoint: [1, 'DaemonEndpoint'],
      },
    },
    NodeFeatures: {
      fields: {
        supplementalGroupsPolicy: [1, 'bool', { pointer: true }],
      },
    },
    NodeList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Node', { pointer: true, always: true, required: true }],
      },
    },
    NodeProxyOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        path: [1, 'string'],
      },
    },
    NodeRuntimeHandler: {
      fields: {
        name: [1, 'string', { always: true }],
        features: [2, 'NodeRuntimeHandlerFeatures', { pointer: true }],
      },
    },
    NodeRuntimeHandlerFeatures: {
      fields: {
        recursiveReadOnlyMounts: [1, 'bool', { pointer: true }],
        userNamespaces: [2, 'bool', { pointer: true }],
      },
    },
    NodeSelector: {
      fields: {
        nodeSelectorTerms: [1, '[]NodeSelectorTerm', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
      options: { structType: 'atomic' },
    },
    NodeSelectorRequirement: {
      fields: {
        key: [1, 'string', { always: true, required: true }],
        operator: [2, 'string', { always: true, required: true, enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] }],
        values: [3, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    NodeSelectorTerm: {
      fields: {
        matchExpressions: [1, '[]NodeSelectorRequirement', { pointer: true, listType: 'atomic' }],
        matchFields: [2, '[]NodeSelectorRequirement', { pointer: true, listType: 'atomic' }],
      },
      options: { structType: 'atomic' },
    },
    NodeSpec: {
      fields: {
        podCIDR: [1, 'string'],
        podCIDRs: [7, '[]string', { pointer: true, patchStrategy: 'merge', listType: 'set' }],
        providerID: [3, 'string'],
        unschedulable: [4, 'bool'],
        taints: [5, '[]Taint', { pointer: true, listType: 'atomic' }],
        configSource: [6, 'NodeConfigSource', { pointer: true }],
        externalID: [2, 'string'],
      },
    },
    NodeStatus: {
      fields: {
        capacity: [1, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        allocatable: [2, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        phase: [3, 'string', { enum: ['Pending', 'Running', 'Terminated'] }],
        conditions: [4, '[]NodeCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
        addresses: [5, '[]NodeAddress', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
        daemonEndpoints: [6, 'NodeDaemonEndpoints'],
        nodeInfo: [7, 'NodeSystemInfo'],
        images: [8, '[]ContainerImage', { pointer: true, listType: 'atomic' }],
        volumesInUse: [9, '[]string', { pointer: true, listType: 'atomic' }],
        volumesAttached: [10, '[]AttachedVolume', { pointer: true, listType: 'atomic' }],
        config: [11, 'NodeConfigStatus', { pointer: true }],
        runtimeHandlers: [12, '[]NodeRuntimeHandler', { pointer: true, listType: 'atomic' }],
        features: [13, 'NodeFeatures', { pointer: true }],
      },
    },
    NodeSwapStatus: {
      fields: {
        capacity: [1, 'int64', { pointer: true }],
      },
    },
    NodeSystemInfo: {
      fields: {
        machineID: [1, 'string', { always: true, required: true }],
        systemUUID: [2, 'string', { always: true, required: true }],
        bootID: [3, 'string', { always: true, required: true }],
        kernelVersion: [4, 'string', { always: true, required: true }],
        osImage: [5, 'string', { always: true, required: true }],
        containerRuntimeVersion: [6, 'string', { always: true, required: true }],
        kubeletVersion: [7, 'string', { always: true, required: true }],
        kubeProxyVersion: [8, 'string', { always: true, required: true }],
        operatingSystem: [9, 'string', { always: true, required: true }],
        architecture: [10, 'string', { always: true, required: true }],
        swap: [11, 'NodeSwapStatus', { pointer: true }],
      },
    },
    ObjectFieldSelector: {
      fields: {
        apiVersion: [1, 'string'],
        fieldPath: [2, 'string', { always: true, required: true }],
      },
      options: { structType: 'atomic' },
    },
    ObjectReference: {
      fields: {
        kind: [1, 'string'],
        namespace: [2, 'string'],
        name: [3, 'string'],
        uid: [4, 'string'],
        apiVersion: [5, 'string'],
        resourceVersion: [6, 'string'],
        fieldPath: [7, 'string'],
      },
      options: { structType: 'atomic' },
    },
    PersistentVolume: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'PersistentVolumeSpec'],
        status: [3, 'PersistentVolumeStatus'],
      },
    },
    PersistentVolumeClaim: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'PersistentVolumeClaimSpec'],
        status: [3, 'PersistentVolumeClaimStatus'],
      },
    },
    PersistentVolumeClaimCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastProbeTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTransitionTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [5, 'string'],
        message: [6, 'string'],
      },
    },
    PersistentVolumeClaimList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]PersistentVolumeClaim', { pointer: true, always: true, required: true }],
      },
    },
    PersistentVolumeClaimSpec: {
      fields: {
        accessModes: [1, '[]string', { pointer: true, listType: 'atomic', enum: ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] }],
        selector: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        resources: [2, 'VolumeResourceRequirements'],
        volumeName: [3, 'string'],
        storageClassName: [5, 'string', { pointer: true }],
        volumeMode: [6, 'string', { pointer: true, enum: ['Block', 'Filesystem'] }],
        dataSource: [7, 'TypedLocalObjectReference', { pointer: true }],
        dataSourceRef: [8, 'TypedObjectReference', { pointer: true }],
        volumeAttributesClassName: [9, 'string', { pointer: true }],
      },
    },
    PersistentVolumeClaimStatus: {
      fields: {
        phase: [1, 'string', { enum: ['Bound', 'Lost', 'Pending'] }],
        accessModes: [2, '[]string', { pointer: true, listType: 'atomic', enum: ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] }],
        capacity: [3, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        conditions: [4, '[]PersistentVolumeClaimCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
        allocatedResources: [5, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        allocatedResourceStatuses: [7, 'map[string]string', { pointer: true, mapType: 'granular' }],
        currentVolumeAttributesClassName: [8, 'string', { pointer: true }],
        modifyVolumeStatus: [9, 'ModifyVolumeStatus', { pointer: true }],
      },
    },
    PersistentVolumeClaimTemplate: {
      fields: {
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'PersistentVolumeClaimSpec', { always: true, required: true }],
      },
    },
    PersistentVolumeClaimVolumeSource: {
      fields: {
        claimName: [1, 'string', { always: true, required: true }],
        readOnly: [2, 'bool'],
      },
    },
    PersistentVolumeList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]PersistentVolume', { pointer: true, always: true, required: true }],
      },
    },
    PersistentVolumeSource: {
      fields: {
        gcePersistentDisk: [1, 'GCEPersistentDiskVolumeSource', { pointer: true }],
        awsElasticBlockStore: [2, 'AWSElasticBlockStoreVolumeSource', { pointer: true }],
        hostPath: [3, 'HostPathVolumeSource', { pointer: true }],
        glusterfs: [4, 'GlusterfsPersistentVolumeSource', { pointer: true }],
        nfs: [5, 'NFSVolumeSource', { pointer: true }],
        rbd: [6, 'RBDPersistentVolumeSource', { pointer: true }],
        iscsi: [7, 'ISCSIPersistentVolumeSource', { pointer: true }],
        cinder: [8, 'CinderPersistentVolumeSource', { pointer: true }],
        cephfs: [9, 'CephFSPersistentVolumeSource', { pointer: true }],
        fc: [10, 'FCVolumeSource', { pointer: true }],
        flocker: [11, 'FlockerVolumeSource', { pointer: true }],
        flexVolume: [12, 'FlexPersistentVolumeSource', { pointer: true }],
        azureFile: [13, 'AzureFilePersistentVolumeSource', { pointer: true }],
        vsphereVolume: [14, 'VsphereVirtualDiskVolumeSource', { pointer: true }],
        quobyte: [15, 'QuobyteVolumeSource', { pointer: true }],
        azureDisk: [16, 'AzureDiskVolumeSource', { pointer: true }],
        photonPersistentDisk: [17, 'PhotonPersistentDiskVolumeSource', { pointer: true }],
        portworxVolume: [18, 'PortworxVolumeSource', { pointer: true }],
        scaleIO: [19, 'ScaleIOPersistentVolumeSource', { pointer: true }],
        local: [20, 'LocalVolumeSource', { pointer: true }],
        storageos: [21, 'StorageOSPersistentVolumeSource', { pointer: true }],
        csi: [22, 'CSIPersistentVolumeSource', { pointer: true }],
      },
    },
    PersistentVolumeSpec: {
      fields: {
        capacity: [1, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        persistentVolumeSource: [2, 'PersistentVolumeSource', { inline: true }],
        accessModes: [3, '[]string', { pointer: true, listType: 'atomic', enum: ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] }],
        claimRef: [4, 'ObjectReference', { pointer: true, structType: 'granular' }],
        persistentVolumeReclaimPolicy: [5, 'string', { enum: ['Delete', 'Recycle', 'Retain'] }],
        storageClassName: [6, 'string'],
        mountOptions: [7, '[]string', { pointer: true, listType: 'atomic' }],
        volumeMode: [8, 'string', { pointer: true, enum: ['Block', 'Filesystem'] }],
        nodeAffinity: [9, 'VolumeNodeAffinity', { pointer: true }],
        volumeAttributesClassName: [10, 'string', { pointer: true }],
      },
    },
    PersistentVolumeStatus: {
      fields: {
        phase: [1, 'string', { enum: ['Available', 'Bound', 'Failed', 'Pending', 'Released'] }],
        message: [2, 'string'],
        reason: [3, 'string'],
        lastPhaseTransitionTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
      },
    },
    PhotonPersistentDiskVolumeSource: {
      fields: {
        pdID: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
      },
    },
    Pod: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'PodSpec'],
        status: [3, 'PodStatus'],
      },
    },
    PodAffinity: {
      fields: {
        requiredDuringSchedulingIgnoredDuringExecution: [1, '[]PodAffinityTerm', { pointer: true, listType: 'atomic' }],
        preferredDuringSchedulingIgnoredDuringExecution: [2, '[]WeightedPodAffinityTerm', { pointer: true, listType: 'atomic' }],
      },
    },
    PodAffinityTerm: {
      fields: {
        labelSelector: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        namespaces: [2, '[]string', { pointer: true, listType: 'atomic' }],
        topologyKey: [3, 'string', { always: true, required: true }],
        namespaceSelector: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        matchLabelKeys: [5, '[]string', { pointer: true, listType: 'atomic' }],
        mismatchLabelKeys: [6, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    PodAntiAffinity: {
      fields: {
        requiredDuringSchedulingIgnoredDuringExecution: [1, '[]PodAffinityTerm', { pointer: true, listType: 'atomic' }],
        preferredDuringSchedulingIgnoredDuringExecution: [2, '[]WeightedPodAffinityTerm', { pointer: true, listType: 'atomic' }],
      },
    },
    PodAttachOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        stdin: [1, 'bool'],
        stdout: [2, 'bool'],
        stderr: [3, 'bool'],
        tty: [4, 'bool'],
        container: [5, 'string'],
      },
    },
    PodCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        observedGeneration: [7, 'int64'],
        status: [2, 'string', { always: true, required: true }],
        lastProbeTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        lastTransitionTime: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [5, 'string'],
        message: [6, 'string'],
      },
    },
    PodDNSConfig: {
      fields: {
        nameservers: [1, '[]string', { pointer: true, listType: 'atomic' }],
        searches: [2, '[]string', { pointer: true, listType: 'atomic' }],
        options: [3, '[]PodDNSConfigOption', { pointer: true, listType: 'atomic' }],
      },
    },
    PodDNSConfigOption: {
      fields: {
        name: [1, 'string'],
        value: [2, 'string', { pointer: true }],
      },
    },
    PodExecOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        stdin: [1, 'bool'],
        stdout: [2, 'bool'],
        stderr: [3, 'bool'],
        tty: [4, 'bool'],
        container: [5, 'string'],
        command: [6, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    PodIP: {
      fields: {
        ip: [1, 'string', { always: true, required: true }],
      },
    },
    PodList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Pod', { pointer: true, always: true, required: true }],
      },
    },
    PodLogOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        container: [1, 'string'],
        follow: [2, 'bool'],
        previous: [3, 'bool'],
        sinceSeconds: [4, 'int64', { pointer: true }],
        sinceTime: [5, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        timestamps: [6, 'bool'],
        tailLines: [7, 'int64', { pointer: true }],
        limitBytes: [8, 'int64', { pointer: true }],
        insecureSkipTLSVerifyBackend: [9, 'bool'],
        stream: [10, 'string', { pointer: true }],
      },
    },
    PodOS: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
      },
    },
    PodPortForwardOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        ports: [1, '[]int32', { pointer: true, listType: 'atomic' }],
      },
    },
    PodProxyOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        path: [1, 'string'],
      },
    },
    PodReadinessGate: {
      fields: {
        conditionType: [1, 'string', { always: true, required: true }],
      },
    },
    PodResourceClaim: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        resourceClaimName: [3, 'string', { pointer: true }],
        resourceClaimTemplateName: [4, 'string', { pointer: true }],
      },
    },
    PodResourceClaimStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        resourceClaimName: [2, 'string', { pointer: true }],
      },
    },
    PodSchedulingGate: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
      },
    },
    PodSecurityContext: {
      fields: {
        seLinuxOptions: [1, 'SELinuxOptions', { pointer: true }],
        windowsOptions: [8, 'WindowsSecurityContextOptions', { pointer: true }],
        runAsUser: [2, 'int64', { pointer: true }],
        runAsGroup: [6, 'int64', { pointer: true }],
        runAsNonRoot: [3, 'bool', { pointer: true }],
        supplementalGroups: [4, '[]int64', { pointer: true, listType: 'atomic' }],
        supplementalGroupsPolicy: [12, 'string', { pointer: true, enum: ['Merge', 'Strict'] }],
        fsGroup: [5, 'int64', { pointer: true }],
        sysctls: [7, '[]Sysctl', { pointer: true, listType: 'atomic' }],
        fsGroupChangePolicy: [9, 'string', { pointer: true, enum: ['Always', 'OnRootMismatch'] }],
        seccompProfile: [10, 'SeccompProfile', { pointer: true }],
        appArmorProfile: [11, 'AppArmorProfile', { pointer: true }],
        seLinuxChangePolicy: [13, 'string', { pointer: true }],
      },
    },
    PodSignature: {
      fields: {
        podController: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference', { pointer: true }],
      },
    },
    PodSpec: {
      fields: {
        volumes: [1, '[]Volume', { pointer: true, patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        initContainers: [20, '[]Container', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        containers: [2, '[]Container', { pointer: true, always: true, required: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        ephemeralContainers: [34, '[]EphemeralContainer', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        restartPolicy: [3, 'string', { enum: ['Always', 'Never', 'OnFailure'] }],
        terminationGracePeriodSeconds: [4, 'int64', { pointer: true }],
        activeDeadlineSeconds: [5, 'int64', { pointer: true }],
        dnsPolicy: [6, 'string', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }],
        nodeSelector: [7, 'map[string]string', { pointer: true, mapType: 'atomic' }],
        serviceAccountName: [8, 'string'],
        serviceAccount: [9, 'string'],
        automountServiceAccountToken: [21, 'bool', { pointer: true }],
        nodeName: [10, 'string'],
        hostNetwork: [11, 'bool'],
        hostPID: [12, 'bool'],
        hostIPC: [13, 'bool'],
        shareProcessNamespace: [27, 'bool', { pointer: true }],
        securityContext: [14, 'PodSecurityContext', { pointer: true }],
        imagePullSecrets: [15, '[]LocalObjectReference', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        hostname: [16, 'string'],
        subdomain: [17, 'string'],
        affinity: [18, 'Affinity', { pointer: true }],
        schedulerName: [19, 'string'],
        tolerations: [22, '[]Toleration', { pointer: true, listType: 'atomic' }],
        hostAliases: [23, '[]HostAlias', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] }],
        priorityClassName: [24, 'string'],
        priority: [25, 'int32', { pointer: true }],
        dnsConfig: [26, 'PodDNSConfig', { pointer: true }],
        readinessGates: [28, '[]PodReadinessGate', { pointer: true, listType: 'atomic' }],
        runtimeClassName: [29, 'string', { pointer: true }],
        enableServiceLinks: [30, 'bool', { pointer: true }],
        preemptionPolicy: [31, 'string', { pointer: true, enum: ['Never', 'PreemptLowerPriority'] }],
        overhead: [32, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        topologySpreadConstraints: [33, '[]TopologySpreadConstraint', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'topologyKey', listType: 'map', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] }],
        setHostnameAsFQDN: [35, 'bool', { pointer: true }],
        os: [36, 'PodOS', { pointer: true }],
        hostUsers: [37, 'bool', { pointer: true }],
        schedulingGates: [38, '[]PodSchedulingGate', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        resourceClaims: [39, '[]PodResourceClaim', { pointer: true, patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        resources: [40, 'ResourceRequirements', { pointer: true }],
      },
    },
    PodStatus: {
      fields: {
        observedGeneration: [17, 'int64'],
        phase: [1, 'string', { enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] }],
        conditions: [2, '[]PodCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
        message: [3, 'string'],
        reason: [4, 'string'],
        nominatedNodeName: [11, 'string'],
        hostIP: [5, 'string'],
        hostIPs: [16, '[]HostIP', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' }],
        podIP: [6, 'string'],
        podIPs: [12, '[]PodIP', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] }],
        startTime: [7, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
        initContainerStatuses: [10, '[]ContainerStatus', { pointer: true, listType: 'atomic' }],
        containerStatuses: [8, '[]ContainerStatus', { pointer: true, listType: 'atomic' }],
        qosClass: [9, 'string', { enum: ['BestEffort', 'Burstable', 'Guaranteed'] }],
        ephemeralContainerStatuses: [13, '[]ContainerStatus', { pointer: true, listType: 'atomic' }],
        resize: [14, 'string'],
        resourceClaimStatuses: [15, '[]PodResourceClaimStatus', { pointer: true, patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
      },
    },
    PodStatusResult: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        status: [2, 'PodStatus'],
      },
    },
    PodTemplate: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        template: [2, 'PodTemplateSpec'],
      },
    },
    PodTemplateList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]PodTemplate', { pointer: true, always: true, required: true }],
      },
    },
    PodTemplateSpec: {
      fields: {
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'PodSpec'],
      },
    },
    PortStatus: {
      fields: {
        port: [1, 'int32', { always: true, required: true }],
        protocol: [2, 'string', { always: true, required: true, enum: ['SCTP', 'TCP', 'UDP'] }],
        error: [3, 'string', { pointer: true }],
      },
    },
    PortworxVolumeSource: {
      fields: {
        volumeID: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        readOnly: [3, 'bool'],
      },
    },
    Preconditions: {
      fields: {
        uid: [1, 'string', { pointer: true }],
      },
    },
    PreferAvoidPodsEntry: {
      fields: {
        podSignature: [1, 'PodSignature', { always: true, required: true }],
        evictionTime: [2, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [3, 'string'],
        message: [4, 'string'],
      },
    },
    PreferredSchedulingTerm: {
      fields: {
        weight: [1, 'int32', { always: true, required: true }],
        preference: [2, 'NodeSelectorTerm', { always: true, required: true }],
      },
    },
    Probe: {
      fields: {
        handler: [1, 'ProbeHandler', { inline: true }],
        initialDelaySeconds: [2, 'int32'],
        timeoutSeconds: [3, 'int32'],
        periodSeconds: [4, 'int32'],
        successThreshold: [5, 'int32'],
        failureThreshold: [6, 'int32'],
        terminationGracePeriodSeconds: [7, 'int64', { pointer: true }],
      },
    },
    ProbeHandler: {
      fields: {
        exec: [1, 'ExecAction', { pointer: true }],
        httpGet: [2, 'HTTPGetAction', { pointer: true }],
        tcpSocket: [3, 'TCPSocketAction', { pointer: true }],
        grpc: [4, 'GRPCAction', { pointer: true }],
      },
    },
    ProjectedVolumeSource: {
      fields: {
        sources: [1, '[]VolumeProjection', { pointer: true, always: true, listType: 'atomic' }],
        defaultMode: [2, 'int32', { pointer: true }],
      },
    },
    QuobyteVolumeSource: {
      fields: {
        registry: [1, 'string', { always: true, required: true }],
        volume: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
        user: [4, 'string'],
        group: [5, 'string'],
        tenant: [6, 'string'],
      },
    },
    RBDPersistentVolumeSource: {
      fields: {
        monitors: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        image: [2, 'string', { always: true, required: true }],
        fsType: [3, 'string'],
        pool: [4, 'string', { default: 'rbd' }],
        user: [5, 'string', { default: 'admin' }],
        keyring: [6, 'string', { default: '/etc/ceph/keyring' }],
        secretRef: [7, 'SecretReference', { pointer: true }],
        readOnly: [8, 'bool'],
      },
    },
    RBDVolumeSource: {
      fields: {
        monitors: [1, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
        image: [2, 'string', { always: true, required: true }],
        fsType: [3, 'string'],
        pool: [4, 'string', { default: 'rbd' }],
        user: [5, 'string', { default: 'admin' }],
        keyring: [6, 'string', { default: '/etc/ceph/keyring' }],
        secretRef: [7, 'LocalObjectReference', { pointer: true }],
        readOnly: [8, 'bool'],
      },
    },
    RangeAllocation: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        range: [2, 'string', { always: true, required: true }],
        data: [3, 'bytes', { pointer: true, always: true, required: true }],
      },
    },
    ReplicationController: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ReplicationControllerSpec'],
        status: [3, 'ReplicationControllerStatus'],
      },
    },
    ReplicationControllerCondition: {
      fields: {
        type: [1, 'string', { always: true, required: true }],
        status: [2, 'string', { always: true, required: true }],
        lastTransitionTime: [3, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time'],
        reason: [4, 'string'],
        message: [5, 'string'],
      },
    },
    ReplicationControllerList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ReplicationController', { pointer: true, always: true, required: true }],
      },
    },
    ReplicationControllerSpec: {
      fields: {
        replicas: [1, 'int32', { pointer: true, default: 1 }],
        minReadySeconds: [4, 'int32', { default: 0 }],
        selector: [2, 'map[string]string', { pointer: true, mapType: 'atomic' }],
        template: [3, 'PodTemplateSpec', { pointer: true }],
      },
    },
    ReplicationControllerStatus: {
      fields: {
        replicas: [1, 'int32', { always: true, required: true }],
        fullyLabeledReplicas: [2, 'int32'],
        readyReplicas: [4, 'int32'],
        availableReplicas: [5, 'int32'],
        observedGeneration: [3, 'int64'],
        conditions: [6, '[]ReplicationControllerCondition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    ResourceClaim: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        request: [2, 'string'],
      },
    },
    ResourceFieldSelector: {
      fields: {
        containerName: [1, 'string'],
        resource: [2, 'string', { always: true, required: true }],
        divisor: [3, 'io.k8s.apimachinery.pkg.api.resource.Quantity'],
      },
      options: { structType: 'atomic' },
    },
    ResourceHealth: {
      fields: {
        resourceID: [1, 'string', { always: true, required: true }],
        health: [2, 'string'],
      },
    },
    ResourceQuota: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ResourceQuotaSpec'],
        status: [3, 'ResourceQuotaStatus'],
      },
    },
    ResourceQuotaList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ResourceQuota', { pointer: true, always: true, required: true }],
      },
    },
    ResourceQuotaSpec: {
      fields: {
        hard: [1, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        scopes: [2, '[]string', { pointer: true, listType: 'atomic', enum: ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'] }],
        scopeSelector: [3, 'ScopeSelector', { pointer: true }],
      },
    },
    ResourceQuotaStatus: {
      fields: {
        hard: [1, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        used: [2, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    ResourceRequirements: {
      fields: {
        limits: [1, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        requests: [2, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        claims: [3, '[]ResourceClaim', { pointer: true, listType: 'map', listMapKeys: ['name'] }],
      },
    },
    ResourceStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        resources: [2, '[]ResourceHealth', { pointer: true, listType: 'map', listMapKeys: ['resourceID'] }],
      },
    },
    SELinuxOptions: {
      fields: {
        user: [1, 'string'],
        role: [2, 'string'],
        type: [3, 'string'],
        level: [4, 'string'],
      },
    },
    ScaleIOPersistentVolumeSource: {
      fields: {
        gateway: [1, 'string', { always: true, required: true }],
        system: [2, 'string', { always: true, required: true }],
        secretRef: [3, 'SecretReference', { pointer: true, always: true, required: true }],
        sslEnabled: [4, 'bool'],
        protectionDomain: [5, 'string'],
        storagePool: [6, 'string'],
        storageMode: [7, 'string', { default: 'ThinProvisioned' }],
        volumeName: [8, 'string'],
        fsType: [9, 'string', { default: 'xfs' }],
        readOnly: [10, 'bool'],
      },
    },
    ScaleIOVolumeSource: {
      fields: {
        gateway: [1, 'string', { always: true, required: true }],
        system: [2, 'string', { always: true, required: true }],
        secretRef: [3, 'LocalObjectReference', { pointer: true, always: true, required: true }],
        sslEnabled: [4, 'bool'],
        protectionDomain: [5, 'string'],
        storagePool: [6, 'string'],
        storageMode: [7, 'string', { default: 'ThinProvisioned' }],
        volumeName: [8, 'string'],
        fsType: [9, 'string', { default: 'xfs' }],
        readOnly: [10, 'bool'],
      },
    },
    ScopeSelector: {
      fields: {
        matchExpressions: [1, '[]ScopedResourceSelectorRequirement', { pointer: true, listType: 'atomic' }],
      },
      options: { structType: 'atomic' },
    },
    ScopedResourceSelectorRequirement: {
      fields: {
        scopeName: [1, 'string', { always: true, required: true, enum: ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating', 'VolumeAttributesClass'] }],
        operator: [2, 'string', { always: true, required: true, enum: ['DoesNotExist', 'Exists', 'In', 'NotIn'] }],
        values: [3, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    SeccompProfile: {
      fields: {
        type: [1, 'string', { always: true, required: true, enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }],
        localhostProfile: [2, 'string', { pointer: true }],
      },
    },
    Secret: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        immutable: [5, 'bool', { pointer: true }],
        data: [2, 'map[string]bytes', { pointer: true }],
        stringData: [4, 'map[string]string', { pointer: true }],
        type: [3, 'string'],
      },
    },
    SecretEnvSource: {
      fields: {
        localObjectReference: [1, 'LocalObjectReference', { inline: true }],
        optional: [2, 'bool', { pointer: true }],
      },
    },
    SecretKeySelector: {
      fields: {
        localObjectReference: [1, 'LocalObjectReference', { inline: true }],
        key: [2, 'string', { always: true, required: true }],
        optional: [3, 'bool', { pointer: true }],
      },
      options: { structType: 'atomic' },
    },
    SecretList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Secret', { pointer: true, always: true, required: true }],
      },
    },
    SecretProjection: {
      fields: {
        localObjectReference: [1, 'LocalObjectReference', { inline: true }],
        items: [2, '[]KeyToPath', { pointer: true, listType: 'atomic' }],
        optional: [4, 'bool', { pointer: true }],
      },
    },
    SecretReference: {
      fields: {
        name: [1, 'string'],
        namespace: [2, 'string'],
      },
      options: { structType: 'atomic' },
    },
    SecretVolumeSource: {
      fields: {
        secretName: [1, 'string'],
        items: [2, '[]KeyToPath', { pointer: true, listType: 'atomic' }],
        defaultMode: [3, 'int32', { pointer: true }],
        optional: [4, 'bool', { pointer: true }],
      },
    },
    SecurityContext: {
      fields: {
        capabilities: [1, 'Capabilities', { pointer: true }],
        privileged: [2, 'bool', { pointer: true }],
        seLinuxOptions: [3, 'SELinuxOptions', { pointer: true }],
        windowsOptions: [10, 'WindowsSecurityContextOptions', { pointer: true }],
        runAsUser: [4, 'int64', { pointer: true }],
        runAsGroup: [8, 'int64', { pointer: true }],
        runAsNonRoot: [5, 'bool', { pointer: true }],
        readOnlyRootFilesystem: [6, 'bool', { pointer: true }],
        allowPrivilegeEscalation: [7, 'bool', { pointer: true }],
        procMount: [9, 'string', { pointer: true, enum: ['Default', 'Unmasked'] }],
        seccompProfile: [11, 'SeccompProfile', { pointer: true }],
        appArmorProfile: [12, 'AppArmorProfile', { pointer: true }],
      },
    },
    SerializedReference: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        reference: [1, 'ObjectReference'],
      },
    },
    Service: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        spec: [2, 'ServiceSpec'],
        status: [3, 'ServiceStatus'],
      },
    },
    ServiceAccount: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
        secrets: [2, '[]ObjectReference', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
        imagePullSecrets: [3, '[]LocalObjectReference', { pointer: true, listType: 'atomic' }],
        automountServiceAccountToken: [4, 'bool', { pointer: true }],
      },
    },
    ServiceAccountList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]ServiceAccount', { pointer: true, always: true, required: true }],
      },
    },
    ServiceAccountTokenProjection: {
      fields: {
        audience: [1, 'string'],
        expirationSeconds: [2, 'int64', { pointer: true }],
        path: [3, 'string', { always: true, required: true }],
      },
    },
    ServiceList: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        metadata: [1, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'],
        items: [2, '[]Service', { pointer: true, always: true, required: true }],
      },
    },
    ServicePort: {
      fields: {
        name: [1, 'string'],
        protocol: [2, 'string', { default: 'TCP', enum: ['SCTP', 'TCP', 'UDP'] }],
        appProtocol: [6, 'string', { pointer: true }],
        port: [3, 'int32', { always: true, required: true }],
        targetPort: [4, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'],
        nodePort: [5, 'int32'],
      },
    },
    ServiceProxyOptions: {
      fields: {
        kind: [0, 'string'],
        apiVersion: [0, 'string'],
        path: [1, 'string'],
      },
    },
    ServiceSpec: {
      fields: {
        ports: [1, '[]ServicePort', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] }],
        selector: [2, 'map[string]string', { pointer: true, mapType: 'atomic' }],
        clusterIP: [3, 'string'],
        clusterIPs: [18, '[]string', { pointer: true, listType: 'atomic' }],
        type: [4, 'string', { enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] }],
        externalIPs: [5, '[]string', { pointer: true, listType: 'atomic' }],
        sessionAffinity: [7, 'string', { enum: ['ClientIP', 'None'] }],
        loadBalancerIP: [8, 'string'],
        loadBalancerSourceRanges: [9, '[]string', { pointer: true, listType: 'atomic' }],
        externalName: [10, 'string'],
        externalTrafficPolicy: [11, 'string', { enum: ['Cluster', 'Local'] }],
        healthCheckNodePort: [12, 'int32'],
        publishNotReadyAddresses: [13, 'bool'],
        sessionAffinityConfig: [14, 'SessionAffinityConfig', { pointer: true }],
        ipFamilies: [19, '[]string', { pointer: true, listType: 'atomic', enum: ['', 'IPv4', 'IPv6'] }],
        ipFamilyPolicy: [17, 'string', { pointer: true, enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'] }],
        allocateLoadBalancerNodePorts: [20, 'bool', { pointer: true }],
        loadBalancerClass: [21, 'string', { pointer: true }],
        internalTrafficPolicy: [22, 'string', { pointer: true, enum: ['Cluster', 'Local'] }],
        trafficDistribution: [23, 'string', { pointer: true }],
      },
    },
    ServiceStatus: {
      fields: {
        loadBalancer: [1, 'LoadBalancerStatus'],
        conditions: [2, '[]io.k8s.apimachinery.pkg.apis.meta.v1.Condition', { pointer: true, patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      },
    },
    SessionAffinityConfig: {
      fields: {
        clientIP: [1, 'ClientIPConfig', { pointer: true }],
      },
    },
    SleepAction: {
      fields: {
        seconds: [1, 'int64', { always: true, required: true }],
      },
    },
    StorageOSPersistentVolumeSource: {
      fields: {
        volumeName: [1, 'string'],
        volumeNamespace: [2, 'string'],
        fsType: [3, 'string'],
        readOnly: [4, 'bool'],
        secretRef: [5, 'ObjectReference', { pointer: true }],
      },
    },
    StorageOSVolumeSource: {
      fields: {
        volumeName: [1, 'string'],
        volumeNamespace: [2, 'string'],
        fsType: [3, 'string'],
        readOnly: [4, 'bool'],
        secretRef: [5, 'LocalObjectReference', { pointer: true }],
      },
    },
    Sysctl: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        value: [2, 'string', { always: true, required: true }],
      },
    },
    TCPSocketAction: {
      fields: {
        port: [1, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString', { always: true, required: true }],
        host: [2, 'string'],
      },
    },
    Taint: {
      fields: {
        key: [1, 'string', { always: true, required: true }],
        value: [2, 'string'],
        effect: [3, 'string', { always: true, required: true, enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }],
        timeAdded: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', { pointer: true }],
      },
    },
    Toleration: {
      fields: {
        key: [1, 'string'],
        operator: [2, 'string', { enum: ['Equal', 'Exists'] }],
        value: [3, 'string'],
        effect: [4, 'string', { enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }],
        tolerationSeconds: [5, 'int64', { pointer: true }],
      },
    },
    TopologySelectorLabelRequirement: {
      fields: {
        key: [1, 'string', { always: true, required: true }],
        values: [2, '[]string', { pointer: true, always: true, required: true, listType: 'atomic' }],
      },
    },
    TopologySelectorTerm: {
      fields: {
        matchLabelExpressions: [1, '[]TopologySelectorLabelRequirement', { pointer: true, listType: 'atomic' }],
      },
      options: { structType: 'atomic' },
    },
    TopologySpreadConstraint: {
      fields: {
        maxSkew: [1, 'int32', { always: true, required: true }],
        topologyKey: [2, 'string', { always: true, required: true }],
        whenUnsatisfiable: [3, 'string', { always: true, required: true, enum: ['DoNotSchedule', 'ScheduleAnyway'] }],
        labelSelector: [4, 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', { pointer: true }],
        minDomains: [5, 'int32', { pointer: true }],
        nodeAffinityPolicy: [6, 'string', { pointer: true, enum: ['Honor', 'Ignore'] }],
        nodeTaintsPolicy: [7, 'string', { pointer: true, enum: ['Honor', 'Ignore'] }],
        matchLabelKeys: [8, '[]string', { pointer: true, listType: 'atomic' }],
      },
    },
    TypedLocalObjectReference: {
      fields: {
        apiGroup: [1, 'string', { pointer: true, always: true }],
        kind: [2, 'string', { always: true, required: true }],
        name: [3, 'string', { always: true, required: true }],
      },
      options: { structType: 'atomic' },
    },
    TypedObjectReference: {
      fields: {
        apiGroup: [1, 'string', { pointer: true, always: true }],
        kind: [2, 'string', { always: true, required: true }],
        name: [3, 'string', { always: true, required: true }],
        namespace: [4, 'string', { pointer: true }],
      },
    },
    Volume: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        volumeSource: [2, 'VolumeSource', { inline: true }],
      },
    },
    VolumeDevice: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        devicePath: [2, 'string', { always: true, required: true }],
      },
    },
    VolumeMount: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        readOnly: [2, 'bool'],
        recursiveReadOnly: [7, 'string', { pointer: true }],
        mountPath: [3, 'string', { always: true, required: true }],
        subPath: [4, 'string'],
        mountPropagation: [5, 'string', { pointer: true, enum: ['Bidirectional', 'HostToContainer', 'None'] }],
        subPathExpr: [6, 'string'],
      },
    },
    VolumeMountStatus: {
      fields: {
        name: [1, 'string', { always: true, required: true }],
        mountPath: [2, 'string', { always: true, required: true }],
        readOnly: [3, 'bool'],
        recursiveReadOnly: [4, 'string', { pointer: true }],
      },
    },
    VolumeNodeAffinity: {
      fields: {
        required: [1, 'NodeSelector', { pointer: true }],
      },
    },
    VolumeProjection: {
      fields: {
        secret: [1, 'SecretProjection', { pointer: true }],
        downwardAPI: [2, 'DownwardAPIProjection', { pointer: true }],
        configMap: [3, 'ConfigMapProjection', { pointer: true }],
        serviceAccountToken: [4, 'ServiceAccountTokenProjection', { pointer: true }],
        clusterTrustBundle: [5, 'ClusterTrustBundleProjection', { pointer: true }],
      },
    },
    VolumeResourceRequirements: {
      fields: {
        limits: [1, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
        requests: [2, 'map[string]io.k8s.apimachinery.pkg.api.resource.Quantity', { pointer: true }],
      },
    },
    VolumeSource: {
      fields: {
        hostPath: [1, 'HostPathVolumeSource', { pointer: true }],
        emptyDir: [2, 'EmptyDirVolumeSource', { pointer: true }],
        gcePersistentDisk: [3, 'GCEPersistentDiskVolumeSource', { pointer: true }],
        awsElasticBlockStore: [4, 'AWSElasticBlockStoreVolumeSource', { pointer: true }],
        gitRepo: [5, 'GitRepoVolumeSource', { pointer: true }],
        secret: [6, 'SecretVolumeSource', { pointer: true }],
        nfs: [7, 'NFSVolumeSource', { pointer: true }],
        iscsi: [8, 'ISCSIVolumeSource', { pointer: true }],
        glusterfs: [9, 'GlusterfsVolumeSource', { pointer: true }],
        persistentVolumeClaim: [10, 'PersistentVolumeClaimVolumeSource', { pointer: true }],
        rbd: [11, 'RBDVolumeSource', { pointer: true }],
        flexVolume: [12, 'FlexVolumeSource', { pointer: true }],
        cinder: [13, 'CinderVolumeSource', { pointer: true }],
        cephfs: [14, 'CephFSVolumeSource', { pointer: true }],
        flocker: [15, 'FlockerVolumeSource', { pointer: true }],
        downwardAPI: [16, 'DownwardAPIVolumeSource', { pointer: true }],
        fc: [17, 'FCVolumeSource', { pointer: true }],
        azureFile: [18, 'AzureFileVolumeSource', { pointer: true }],
        configMap: [19, 'ConfigMapVolumeSource', { pointer: true }],
        vsphereVolume: [20, 'VsphereVirtualDiskVolumeSource', { pointer: true }],
        quobyte: [21, 'QuobyteVolumeSource', { pointer: true }],
        azureDisk: [22, 'AzureDiskVolumeSource', { pointer: true }],
        photonPersistentDisk: [23, 'PhotonPersistentDiskVolumeSource', { pointer: true }],
        projected: [26, 'ProjectedVolumeSource', { pointer: true }],
        portworxVolume: [24, 'PortworxVolumeSource', { pointer: true }],
        scaleIO: [25, 'ScaleIOVolumeSource', { pointer: true }],
        storageos: [27, 'StorageOSVolumeSource', { pointer: true }],
        csi: [28, 'CSIVolumeSource', { pointer: true }],
        ephemeral: [29, 'EphemeralVolumeSource', { pointer: true }],
        image: [30, 'ImageVolumeSource', { pointer: true }],
      },
    },
    VsphereVirtualDiskVolumeSource: {
      fields: {
        volumePath: [1, 'string', { always: true, required: true }],
        fsType: [2, 'string'],
        storagePolicyName: [3, 'string'],
        storagePolicyID: [4, 'string'],
      },
    },
    WeightedPodAffinityTerm: {
      fields: {
        weight: [1, 'int32', { always: true, required: true }],
        podAffinityTerm: [2, 'PodAffinityTerm', { always: true, required: true }],
      },
    },
    WindowsSecurityContextOptions: {
      fields: {
        gmsaCredentialSpecName: [1, 'string', { pointer: true }],
        gmsaCredentialSpec: [2, 'string', { pointer: true }],
        runAsUserName: [3, 'string', { pointer: true }],
        hostProcess: [4, 'bool', { pointer: true }],
      },
    },
  },
};
