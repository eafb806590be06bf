import { describe } from 'node:test';
import { validateControllerRevision, validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './apps.ts';
import { type Obj, mutate, podTemplate, runCases, storedMeta } from './testing.ts';

// Upstream's format messages, as kubectl prints them.
const dns1123SubdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const dns1123LabelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const qualifiedNameMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const percentMsg = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

const spec = (o: Obj) => o.spec as Obj;
const template = (o: Obj) => spec(o).template as Obj;
const podSpec = (o: Obj) => template(o).spec as Obj;

const emptySelector = 'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}';

describe('Deployment', () => {
  const deployment: Obj = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: podTemplate({ app: 'web' }),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  };
  const stored = mutate(deployment, (o) => (o.metadata = storedMeta('web', 'default')));

  runCases(validateDeployment, [
    { name: 'valid', object: deployment, want: [] },
    {
      name: 'name must be a DNS subdomain',
      object: mutate(deployment, (o) => ((o.metadata as Obj).name = 'Web_1')),
      want: [`metadata.name: Invalid value: "Web_1": ${dns1123SubdomainMsg}`],
    },
    {
      name: 'namespace required',
      object: mutate(deployment, (o) => delete (o.metadata as Obj).namespace),
      want: ['metadata.namespace: Required value'],
    },
    {
      name: 'finalizers must be standard or qualified',
      object: mutate(deployment, (o) => ((o.metadata as Obj).finalizers = ['custom', 'example.com/cleanup'])),
      want: ['metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified'],
    },
    {
      name: 'negative replicas',
      object: mutate(deployment, (o) => (spec(o).replicas = -1)),
      want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'missing selector also fails to match the template',
      object: mutate(deployment, (o) => delete spec(o).selector),
      want: [
        'spec.selector: Required value',
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'empty selector',
      object: mutate(deployment, (o) => (spec(o).selector = {})),
      want: [`spec.selector: Invalid value: ${emptySelector}: empty selector is invalid for deployment`],
    },
    {
      name: 'selector does not match template labels',
      object: mutate(deployment, (o) => ((template(o).metadata as Obj).labels = { app: 'api', tier: 'backend' })),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"backend"}: `selector` does not match template `labels`'],
    },
    {
      name: 'template without labels',
      object: mutate(deployment, (o) => delete (template(o).metadata as Obj).labels),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    },
    {
      name: 'invalid selector key',
      object: mutate(deployment, (o) => (spec(o).selector = { matchLabels: { 'bad key': 'web' } })),
      want: [
        `spec.selector.matchLabels: Invalid value: "bad key": ${qualifiedNameMsg}`,
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"bad key":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: invalid label selector',
      ],
    },
    {
      name: 'selector expression operator',
      object: mutate(deployment, (o) => (spec(o).selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['x'] }] })),
      want: [
        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"Exists", Values:[]string{"x"}}}}: invalid label selector',
      ],
    },
    {
      name: 'Recreate with rollingUpdate',
      object: mutate(deployment, (o) => ((spec(o).strategy as Obj).type = 'Recreate')),
      want: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    },
    {
      name: 'unknown strategy type',
      object: mutate(deployment, (o) => (spec(o).strategy = { type: 'BlueGreen' })),
      want: ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    },
    {
      name: 'maxUnavailable and maxSurge both 0',
      object: mutate(deployment, (o) => ((spec(o).strategy as Obj).rollingUpdate = { maxUnavailable: 0, maxSurge: 0 })),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    },
    {
      name: 'both 0% counts as 0',
      object: mutate(deployment, (o) => ((spec(o).strategy as Obj).rollingUpdate = { maxUnavailable: '0%', maxSurge: 0 })),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0'],
    },
    {
      name: 'maxUnavailable above 100%',
      object: mutate(deployment, (o) => ((spec(o).strategy as Obj).rollingUpdate = { maxUnavailable: '110%', maxSurge: 1 })),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%'],
    },
    {
      name: 'maxSurge not a percent',
      object: mutate(deployment, (o) => ((spec(o).strategy as Obj).rollingUpdate = { maxUnavailable: '25%', maxSurge: 'abc' })),
      want: [`spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: ${percentMsg}`],
    },
    {
      name: 'negative maxUnavailable',
      object: mutate(deployment, (o) => ((spec(o).strategy as Obj).rollingUpdate = { maxUnavailable: -1, maxSurge: 1 })),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'progressDeadlineSeconds not above minReadySeconds',
      object: mutate(deployment, (o) => (spec(o).minReadySeconds = 600)),
      want: ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds'],
    },
    {
      name: 'negative minReadySeconds and revisionHistoryLimit',
      object: mutate(deployment, (o) => Object.assign(spec(o), { minReadySeconds: -5, revisionHistoryLimit: -1 })),
      want: [
        'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
        'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    {
      name: 'template restartPolicy must be Always',
      object: mutate(deployment, (o) => (podSpec(o).restartPolicy = 'Never')),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'template activeDeadlineSeconds',
      object: mutate(deployment, (o) => (podSpec(o).activeDeadlineSeconds = 30)),
      want: ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported'],
    },
    {
      name: 'update: scaling is fine',
      object: mutate(stored, (o) => (spec(o).replicas = 5)),
      old: stored,
      want: [],
    },
    {
      name: 'update: selector is immutable',
      object: mutate(stored, (o) => {
        spec(o).selector = { matchLabels: { app: 'web2' } };
        (template(o).metadata as Obj).labels = { app: 'web2' };
      }),
      old: stored,
      want: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'],
    },
    {
      name: 'update: resourceVersion required, name immutable',
      object: mutate(stored, (o) => Object.assign(o.metadata as Obj, { name: 'web2', resourceVersion: '' })),
      old: stored,
      want: ['metadata.resourceVersion: Invalid value: "": must be specified for an update', 'metadata.name: Invalid value: "web2": field is immutable'],
    },
  ]);
});

describe('ReplicaSet', () => {
  const rs: Obj = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-5d8f', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) },
  };
  const stored = mutate(rs, (o) => (o.metadata = storedMeta('web-5d8f', 'default')));
  runCases(validateReplicaSet, [
    { name: 'valid', object: rs, want: [] },
    {
      name: 'empty selector (upstream names deployments here)',
      object: mutate(rs, (o) => (spec(o).selector = { matchLabels: {} })),
      want: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    },
    {
      name: 'negative minReadySeconds',
      object: mutate(rs, (o) => (spec(o).minReadySeconds = -1)),
      want: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'mismatched template',
      object: mutate(rs, (o) => ((template(o).metadata as Obj).labels = { app: 'other' })),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'],
    },
    {
      name: 'update: selector is immutable',
      object: mutate(stored, (o) => (spec(o).selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] })),
      old: stored,
      want: [
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
        'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"a"}}}}: field is immutable',
      ],
    },
    {
      name: 'update: upstream runs the spec checks twice',
      object: mutate(stored, (o) => (spec(o).replicas = -1)),
      old: stored,
      want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0', 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
  ]);
});

describe('DaemonSet', () => {
  const ds: Obj = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: podTemplate({ app: 'agent' }),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
  };
  const stored = mutate(ds, (o) => (o.metadata = storedMeta('agent', 'kube-system')));
  const strategy = (o: Obj) => spec(o).updateStrategy as Obj;
  runCases(validateDaemonSet, [
    { name: 'valid', object: ds, want: [] },
    { name: 'OnDelete', object: mutate(ds, (o) => (spec(o).updateStrategy = { type: 'OnDelete' })), want: [] },
    {
      name: 'missing selector matches nothing (no Required error upstream)',
      object: mutate(ds, (o) => delete spec(o).selector),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`'],
    },
    {
      name: 'empty selector',
      object: mutate(ds, (o) => (spec(o).selector = {})),
      want: [`spec.selector: Invalid value: ${emptySelector}: empty selector is invalid for daemonset`],
    },
    {
      name: 'unknown update strategy',
      object: mutate(ds, (o) => (spec(o).updateStrategy = { type: 'Surge' })),
      want: ['spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Surge", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"'],
    },
    {
      name: 'RollingUpdate without parameters',
      object: mutate(ds, (o) => delete strategy(o).rollingUpdate),
      want: ['spec.updateStrategy.rollingUpdate: Required value'],
    },
    {
      name: 'both 0',
      object: mutate(ds, (o) => (strategy(o).rollingUpdate = { maxUnavailable: 0, maxSurge: 0 })),
      want: ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'],
    },
    {
      name: 'both non-zero',
      object: mutate(ds, (o) => (strategy(o).rollingUpdate = { maxUnavailable: '10%', maxSurge: 1 })),
      want: ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero'],
    },
    {
      name: 'maxSurge above 100%',
      object: mutate(ds, (o) => (strategy(o).rollingUpdate = { maxUnavailable: 0, maxSurge: '200%' })),
      want: ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"200%"}: must not be greater than 100%'],
    },
    {
      name: 'restartPolicy and activeDeadlineSeconds',
      object: mutate(ds, (o) => Object.assign(podSpec(o), { restartPolicy: 'OnFailure', activeDeadlineSeconds: 5 })),
      want: [
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
      ],
    },
    {
      name: 'update: selector is immutable',
      object: mutate(stored, (o) => {
        spec(o).selector = { matchLabels: { app: 'agent2' } };
        (template(o).metadata as Obj).labels = { app: 'agent2' };
      }),
      old: stored,
      want: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"agent2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'],
    },
    {
      name: 'update: a stored invalid selector value is tolerated',
      object: mutate(stored, (o) => {
        spec(o).selector = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['bad value!'] }] };
      }),
      old: mutate(stored, (o) => (spec(o).selector = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['bad value!'] }] })),
      want: [],
    },
  ]);
});

describe('StatefulSet', () => {
  const sts: Obj = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'db' } },
      serviceName: 'db',
      template: podTemplate({ app: 'db' }),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    },
  };
  const stored = mutate(sts, (o) => (o.metadata = storedMeta('db', 'default')));
  runCases(validateStatefulSet, [
    { name: 'valid', object: sts, want: [] },
    { name: 'serviceName is optional', object: mutate(sts, (o) => delete spec(o).serviceName), want: [] },
    {
      name: 'name must be a DNS label',
      object: mutate(sts, (o) => ((o.metadata as Obj).name = 'db.v1')),
      want: ['metadata.name: Invalid value: "db.v1": must not contain dots'],
    },
    {
      name: 'serviceName must be a DNS label',
      object: mutate(sts, (o) => (spec(o).serviceName = 'DB_Service')),
      want: [`spec.serviceName: Invalid value: "DB_Service": ${dns1123LabelMsg}`],
    },
    {
      name: 'podManagementPolicy',
      object: mutate(sts, (o) => (spec(o).podManagementPolicy = 'Sequential')),
      want: ['spec.podManagementPolicy: Invalid value: "Sequential": must be \'OrderedReady\' or \'Parallel\''],
    },
    {
      name: 'podManagementPolicy required',
      object: mutate(sts, (o) => delete spec(o).podManagementPolicy),
      want: ['spec.podManagementPolicy: Required value'],
    },
    {
      name: 'OnDelete with rollingUpdate',
      object: mutate(sts, (o) => ((spec(o).updateStrategy as Obj).type = 'OnDelete')),
      want: ["spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'"],
    },
    {
      name: 'unknown update strategy',
      object: mutate(sts, (o) => (spec(o).updateStrategy = { type: 'Canary' })),
      want: ['spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Canary", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be \'RollingUpdate\' or \'OnDelete\''],
    },
    {
      name: 'update strategy required',
      object: mutate(sts, (o) => (spec(o).updateStrategy = {})),
      want: ['spec.updateStrategy: Required value'],
    },
    {
      name: 'negative partition',
      object: mutate(sts, (o) => (spec(o).updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } })),
      want: ['spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'PVC retention policy',
      object: mutate(sts, (o) => (spec(o).persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep', whenScaled: 'Delete' })),
      want: ['spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"'],
    },
    {
      name: 'negative ordinals.start and replicas',
      object: mutate(sts, (o) => Object.assign(spec(o), { ordinals: { start: -1 }, replicas: -2 })),
      want: [
        'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
        'spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0',
      ],
    },
    {
      name: 'empty selector',
      object: mutate(sts, (o) => (spec(o).selector = {})),
      want: [`spec.selector: Invalid value: ${emptySelector}: empty selector is invalid for statefulset`],
    },
    {
      name: 'template labels are checked under spec.template.labels',
      object: mutate(sts, (o) => ((template(o).metadata as Obj).labels = { app: 'db', tier: 'bad value!' })),
      want: [`spec.template.labels: Invalid value: "bad value!": ${labelValueMsg}`],
    },
    {
      name: 'template restartPolicy and activeDeadlineSeconds',
      object: mutate(sts, (o) => Object.assign(podSpec(o), { restartPolicy: 'Never', activeDeadlineSeconds: 1 })),
      want: [
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
      ],
    },
    {
      name: 'update: replicas, template, strategy, minReadySeconds, ordinals may change',
      object: mutate(stored, (o) => {
        Object.assign(spec(o), { replicas: 5, minReadySeconds: 10, ordinals: { start: 1 }, updateStrategy: { type: 'OnDelete' } });
        podSpec(o).terminationGracePeriodSeconds = 60;
      }),
      old: stored,
      want: [],
    },
    {
      name: 'update: equal quantities are no change',
      object: mutate(stored, (o) => (spec(o).volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } } }])),
      old: stored,
      want: [],
    },
    {
      name: 'update: other spec fields are forbidden',
      object: mutate(stored, (o) => (spec(o).serviceName = 'db2')),
      old: stored,
      want: [
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ],
    },
    {
      name: 'update: volumeClaimTemplates are immutable',
      object: mutate(stored, (o) => (spec(o).volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } }])),
      old: stored,
      want: [
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ],
    },
    {
      name: 'update: a stored invalid serviceName is tolerated',
      object: mutate(stored, (o) => Object.assign(spec(o), { serviceName: 'DB_Service', replicas: 4 })),
      old: mutate(stored, (o) => (spec(o).serviceName = 'DB_Service')),
      want: [],
    },
  ]);
});

describe('ControllerRevision', () => {
  const rev: Obj = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'web-7c9d', namespace: 'default' }, data: { spec: {} }, revision: 2 };
  runCases(validateControllerRevision, [
    { name: 'valid', object: rev, want: [] },
    { name: 'data required', object: mutate(rev, (o) => delete o.data), want: ['data: Required value: data is mandatory'] },
    { name: 'negative revision', object: mutate(rev, (o) => (o.revision = -1)), want: ['revision: Invalid value: -1: must be greater than or equal to 0'] },
  ]);
});
