/**
 * Tables of the remaining groups: coordination, policy, scheduling, storage, rbac,
 * certificates, node, admissionregistration, flowcontrol, resource and
 * internal.apiserver.
 */
import { humanDuration } from './age.ts';
import {
  ageColumn,
  ageOf,
  arr,
  bool,
  col,
  def,
  has,
  intOrString,
  listWithMore,
  meta,
  nameColumn,
  nameOf,
  num,
  numOrUndef,
  obj,
  objOrUndef,
  objs,
  quantity,
  str,
  strOrUndef,
} from './util.ts';

// ---------------------------------------------------------------------------- coordination

export const leases = def(
  [nameColumn, col('Holder', 'string', 'Identity of the current holder of the lease.'), ageColumn],
  (o, now) => [nameOf(o), str(obj(o.spec).holderIdentity), ageOf(o, now)],
);

export const leaseCandidates = def(
  [
    nameColumn,
    col('LeaseName', 'string', 'The lease the candidate runs for.'),
    col('BinaryVersion', 'string', 'Binary version of the candidate.'),
    col('EmulationVersion', 'string', 'Emulation version of the candidate.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [nameOf(o), str(spec.leaseName), str(spec.binaryVersion), str(spec.emulationVersion), ageOf(o, now)];
  },
);

// ---------------------------------------------------------------------------- policy

export const podDisruptionBudgets = def(
  [
    nameColumn,
    col('Min Available', 'string', 'Pods that must stay available, as a number or percentage.'),
    col('Max Unavailable', 'string', 'Pods that may be unavailable, as a number or percentage.'),
    col('Allowed Disruptions', 'integer', 'Pod disruptions allowed right now.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [
      nameOf(o),
      has(spec.minAvailable) ? intOrString(spec.minAvailable) : 'N/A',
      has(spec.maxUnavailable) ? intOrString(spec.maxUnavailable) : 'N/A',
      num(obj(o.status).disruptionsAllowed),
      ageOf(o, now),
    ];
  },
);

// ---------------------------------------------------------------------------- scheduling

export const priorityClasses = def(
  [
    nameColumn,
    col('Value', 'integer', 'The priority of pods that use the class.'),
    col('Global-Default', 'boolean', 'Whether pods without a class get this one.'),
    ageColumn,
    col('PreemptionPolicy', 'string', 'Whether pods of the class may preempt lower-priority pods.'),
  ],
  (o, now) => [nameOf(o), num(o.value), bool(o.globalDefault), ageOf(o, now), str(o.preemptionPolicy)],
);

// ---------------------------------------------------------------------------- storage

const isDefaultClass = (o: Record<string, unknown>): boolean => {
  const a = obj(obj(o.metadata).annotations);
  return (
    a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
};

export const storageClasses = def(
  [
    nameColumn,
    col('Provisioner', 'string', 'The volume plugin that provisions volumes of the class.'),
    col('ReclaimPolicy', 'string', 'What happens to provisioned volumes when released.'),
    col('VolumeBindingMode', 'string', 'When volumes are bound: Immediate or WaitForFirstConsumer.'),
    col('AllowVolumeExpansion', 'string', 'Whether claims of the class may grow.'),
    ageColumn,
  ],
  (o, now) => [
    isDefaultClass(o) ? `${nameOf(o)} (default)` : nameOf(o),
    str(o.provisioner),
    strOrUndef(o.reclaimPolicy) ?? 'Delete',
    strOrUndef(o.volumeBindingMode) ?? 'Immediate',
    bool(o.allowVolumeExpansion),
    ageOf(o, now),
  ],
);

export const volumeAttributesClasses = def(
  [nameColumn, col('DriverName', 'string', 'The CSI driver the parameters are for.'), ageColumn],
  (o, now) => {
    const a = obj(meta(o).annotations);
    const isDefault = a['volumeattributesclass.alpha.kubernetes.io/is-default-class'] === 'true';
    return [isDefault ? `${nameOf(o)} (default)` : nameOf(o), str(o.driverName), ageOf(o, now)];
  },
);

export const csiDrivers = def(
  [
    nameColumn,
    col('AttachRequired', 'boolean', 'Whether volumes need an attach step.'),
    col('PodInfoOnMount', 'boolean', 'Whether the driver gets pod information on mount.'),
    col('StorageCapacity', 'boolean', 'Whether the scheduler considers storage capacity.'),
    col('TokenRequests', 'string', 'Audiences of the service account tokens passed to the driver.'),
    col('RequiresRepublish', 'boolean', 'Whether NodePublishVolume is called periodically.'),
    col('Modes', 'string', 'Volume lifecycle modes the driver supports.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const tokenRequests = Array.isArray(spec.tokenRequests)
      ? objs(spec.tokenRequests).map((t) => str(t.audience)).join(',')
      : '<unset>';
    const modes = arr(spec.volumeLifecycleModes).map(str).join(',');
    return [
      nameOf(o),
      typeof spec.attachRequired === 'boolean' ? spec.attachRequired : true,
      bool(spec.podInfoOnMount),
      bool(spec.storageCapacity),
      tokenRequests,
      bool(spec.requiresRepublish),
      modes === '' ? '<none>' : modes,
      ageOf(o, now),
    ];
  },
);

export const csiNodes = def(
  [nameColumn, col('Drivers', 'integer', 'Number of CSI drivers registered on the node.'), ageColumn],
  (o, now) => [nameOf(o), arr(obj(o.spec).drivers).length, ageOf(o, now)],
);

export const csiStorageCapacities = def(
  [
    nameColumn,
    col('StorageClassName', 'string', 'The storage class the capacity is for.'),
    col('Capacity', 'string', 'Available capacity.'),
  ],
  (o) => [nameOf(o), str(o.storageClassName), has(o.capacity) ? quantity(o.capacity) : '<unset>'],
);

export const volumeAttachments = def(
  [
    nameColumn,
    col('Attacher', 'string', 'The driver that attaches the volume.', 0, 'name'),
    col('PV', 'string', 'The persistent volume being attached.'),
    col('Node', 'string', 'The node the volume is attached to.'),
    col('Attached', 'boolean', 'Whether the volume is attached.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [
      nameOf(o),
      str(spec.attacher),
      str(obj(spec.source).persistentVolumeName),
      str(spec.nodeName),
      bool(obj(o.status).attached),
      ageOf(o, now),
    ];
  },
);

// ---------------------------------------------------------------------------- rbac

/** Users, groups and service accounts (namespace/name) of a binding (`rbac.SubjectsStrings`). */
function subjects(o: Record<string, unknown>): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of objs(o.subjects)) {
    if (s.kind === 'ServiceAccount') sas.push(`${str(s.namespace)}/${str(s.name)}`);
    else if (s.kind === 'User') users.push(str(s.name));
    else if (s.kind === 'Group') groups.push(str(s.name));
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingDef(what: string) {
  return def(
    [
      nameColumn,
      col('Role', 'string', 'The role granted, as Kind/name.'),
      ageColumn,
      col('Users', 'string', `Users in the ${what}.`, 1),
      col('Groups', 'string', `Groups in the ${what}.`, 1),
      col('ServiceAccounts', 'string', `Service accounts in the ${what}.`, 1),
    ],
    (o, now) => {
      const ref = obj(o.roleRef);
      return [nameOf(o), `${str(ref.kind)}/${str(ref.name)}`, ageOf(o, now), ...subjects(o)];
    },
  );
}

export const roleBindings = bindingDef('roleBinding');
export const clusterRoleBindings = bindingDef('clusterRoleBinding');

// ---------------------------------------------------------------------------- certificates

/** Approved/Denied/Pending, then ",Failed" and ",Issued" (`extractCSRStatus`). */
function csrCondition(o: Record<string, unknown>): string {
  const status = obj(o.status);
  const types = new Set(objs(status.conditions).map((c) => str(c.type)));
  let text = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) text += ',Failed';
  if (str(status.certificate) !== '') text += ',Issued';
  return text;
}

export const certificateSigningRequests = def(
  [
    nameColumn,
    ageColumn,
    col('SignerName', 'string', 'The signer asked to sign the certificate.'),
    col('Requestor', 'string', 'The user who created the request.'),
    col('RequestedDuration', 'string', 'Validity the request asks for.'),
    col('Condition', 'string', 'Approved, Denied or Pending, and whether a certificate was issued.'),
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const seconds = numOrUndef(spec.expirationSeconds);
    return [
      nameOf(o),
      ageOf(o, now),
      str(spec.signerName) || '<none>',
      str(spec.username),
      seconds === undefined ? '<none>' : humanDuration(seconds * 1000),
      csrCondition(o),
    ];
  },
);

export const clusterTrustBundles = def(
  [nameColumn, col('SignerName', 'string', 'The signer the bundle belongs to.')],
  (o) => [nameOf(o), str(obj(o.spec).signerName) || '<none>'],
);

// ---------------------------------------------------------------------------- node

export const runtimeClasses = def(
  [nameColumn, col('Handler', 'string', 'The CRI runtime handler of the class.'), ageColumn],
  (o, now) => [nameOf(o), str(o.handler), ageOf(o, now)],
);

// ---------------------------------------------------------------------------- admissionregistration

const webhooksDef = def(
  [nameColumn, col('Webhooks', 'integer', 'Number of webhooks in the configuration.'), ageColumn],
  (o, now) => [nameOf(o), arr(o.webhooks).length, ageOf(o, now)],
);
export const mutatingWebhookConfigurations = webhooksDef;
export const validatingWebhookConfigurations = webhooksDef;

function policyDef(countColumn: string, field: string) {
  return def(
    [
      nameColumn,
      col(countColumn, 'integer', `Number of ${countColumn.toLowerCase()} rules in the policy.`),
      col('ParamKind', 'string', 'The kind of the parameter resource, as apiVersion/kind.'),
      ageColumn,
    ],
    (o, now) => {
      const spec = obj(o.spec);
      const paramKind = objOrUndef(spec.paramKind);
      return [
        nameOf(o),
        arr(spec[field]).length,
        paramKind === undefined ? '<unset>' : `${str(paramKind.apiVersion)}/${str(paramKind.kind)}`,
        ageOf(o, now),
      ];
    },
  );
}

export const validatingAdmissionPolicies = policyDef('Validations', 'validations');
export const mutatingAdmissionPolicies = policyDef('Mutations', 'mutations');

/**
 * A metav1.LabelSelector as Go's generated protobuf `String()` prints it, which is what
 * upstream shows for a ParamRef selector, e.g.
 * `&LabelSelector{MatchLabels:map[string]string{a: b,},MatchExpressions:[]LabelSelectorRequirement{},}`.
 */
function goLabelSelectorString(selector: Record<string, unknown>): string {
  const labels = obj(selector.matchLabels);
  const pairs = Object.keys(labels)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${k}: ${str(labels[k])},`)
    .join('');
  const exprs = objs(selector.matchExpressions)
    .map(
      (e) =>
        `LabelSelectorRequirement{Key:${str(e.key)},Operator:${str(e.operator)},Values:[${arr(e.values).map(str).join(' ')}],},`,
    )
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${pairs}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

/** The ParamRef cell: namespace/name, `*` for the namespace when it is unset, or the selector. */
function paramRef(spec: Record<string, unknown>): string {
  const ref = objOrUndef(spec.paramRef);
  if (ref === undefined) return '<unset>';
  if (str(ref.name) !== '') return str(ref.namespace) !== '' ? `${str(ref.namespace)}/${str(ref.name)}` : `*/${str(ref.name)}`;
  const selector = objOrUndef(ref.selector);
  return selector === undefined ? '<unset>' : goLabelSelectorString(selector);
}

const policyBindingDef = def(
  [
    nameColumn,
    col('PolicyName', 'string', 'The policy the binding applies.'),
    col('ParamRef', 'string', 'The parameter resource configuring the policy.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [nameOf(o), str(spec.policyName), paramRef(spec), ageOf(o, now)];
  },
);
export const validatingAdmissionPolicyBindings = policyBindingDef;
export const mutatingAdmissionPolicyBindings = policyBindingDef;

// ---------------------------------------------------------------------------- flowcontrol

export const flowSchemas = def(
  [
    nameColumn,
    col('PriorityLevel', 'string', 'The priority level requests of the schema go to.'),
    col('MatchingPrecedence', 'string', 'Order of the schema among all schemas (lower first).'),
    col('DistinguisherMethod', 'string', 'How requests are split into flows.'),
    ageColumn,
    col('MissingPL', 'string', 'Whether the priority level the schema names is missing.'),
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const method = objOrUndef(spec.distinguisherMethod);
    const dangling = objs(obj(o.status).conditions).find((c) => c.type === 'Dangling');
    return [
      nameOf(o),
      str(obj(spec.priorityLevelConfiguration).name),
      num(spec.matchingPrecedence),
      method === undefined ? '<none>' : str(method.type),
      ageOf(o, now),
      dangling === undefined ? '?' : str(dangling.status),
    ];
  },
);

export const priorityLevelConfigurations = def(
  [
    nameColumn,
    col('Type', 'string', 'Exempt or Limited.'),
    col('NominalConcurrencyShares', 'string', 'Share of the server concurrency for the level.'),
    col('Queues', 'string', 'Number of queues.'),
    col('HandSize', 'string', 'Queues each flow is shuffle-sharded over.'),
    col('QueueLengthLimit', 'string', 'Requests each queue may hold.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    const limited = objOrUndef(spec.limited);
    let shares: unknown = '<none>';
    let queues: unknown = '<none>';
    let handSize: unknown = '<none>';
    let queueLengthLimit: unknown = '<none>';
    if (limited !== undefined) {
      shares = num(limited.nominalConcurrencyShares);
      const queuing = objOrUndef(obj(limited.limitResponse).queuing);
      if (queuing !== undefined) {
        queues = num(queuing.queues);
        handSize = num(queuing.handSize);
        queueLengthLimit = num(queuing.queueLengthLimit);
      }
    }
    return [nameOf(o), str(spec.type), shares, queues, handSize, queueLengthLimit, ageOf(o, now)];
  },
);

// ---------------------------------------------------------------------------- resource (DRA)

export const deviceClasses = def([nameColumn, ageColumn], (o, now) => [nameOf(o), ageOf(o, now)]);
export const resourceClaimTemplates = deviceClasses;

export const resourceClaims = def(
  [nameColumn, col('State', 'string', 'pending, allocated, reserved or deleted.'), ageColumn],
  (o, now) => {
    const status = obj(o.status);
    const states: string[] = [];
    const deleting = has(meta(o).deletionTimestamp);
    if (deleting) states.push('deleted');
    if (!has(status.allocation)) {
      if (!deleting) states.push('pending');
    } else {
      states.push('allocated');
      if (arr(status.reservedFor).length > 0) states.push('reserved');
    }
    return [nameOf(o), states.join(','), ageOf(o, now)];
  },
);

export const resourceSlices = def(
  [
    nameColumn,
    col('Node', 'string', 'The node the devices are on, if local to one.'),
    col('Driver', 'string', 'The driver publishing the devices.'),
    col('Pool', 'string', 'The pool the slice belongs to.'),
    ageColumn,
  ],
  (o, now) => {
    const spec = obj(o.spec);
    return [nameOf(o), str(spec.nodeName), str(spec.driver), str(obj(spec.pool).name), ageOf(o, now)];
  },
);

// ---------------------------------------------------------------------------- internal.apiserver, storagemigration

export const storageVersions = def(
  [
    nameColumn,
    col('CommonEncodingVersion', 'string', 'The encoding version all API servers agree on.'),
    col('StorageVersions', 'string', 'Encoding version of each API server.'),
    ageColumn,
  ],
  (o, now) => {
    const status = obj(o.status);
    const versions = objs(status.storageVersions).map((v) => `${str(v.apiServerID)}=${str(v.encodingVersion)}`);
    return [nameOf(o), strOrUndef(status.commonEncodingVersion) ?? '<unset>', listWithMore(versions), ageOf(o, now)];
  },
);

export const storageVersionMigrations = def(
  [col('Name', 'string', 'Name of the migration.'), col('Resource', 'string', 'The resource to migrate, as resource.version.group.')],
  (o) => {
    const r = obj(obj(o.spec).resource);
    return [nameOf(o), `${str(r.resource)}.${str(r.version)}.${str(r.group)}`];
  },
);
