import { describe } from 'node:test';
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './rbac.ts';
import { type Obj, mutate, runCases, storedMeta } from './testing.ts';

const rbacGroup = 'rbac.authorization.k8s.io';

describe('Role', () => {
  const role: Obj = {
    apiVersion: `${rbacGroup}/v1`,
    kind: 'Role',
    metadata: { name: 'pod-reader', namespace: 'default' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
  };
  const stored = mutate(role, (o) => (o.metadata = storedMeta('pod-reader', 'default')));
  runCases(validateRole, [
    { name: 'valid', object: role, want: [] },
    { name: 'names only need to be path segments', object: mutate(role, (o) => ((o.metadata as Obj).name = 'system:Pod Reader')), want: [] },
    { name: 'name may not contain /', object: mutate(role, (o) => ((o.metadata as Obj).name = 'a/b')), want: ["metadata.name: Invalid value: \"a/b\": may not contain '/'"] },
    {
      name: 'verbs, apiGroups and resources required',
      object: mutate(role, (o) => (o.rules = [{}])),
      want: [
        'rules[0].verbs: Required value: verbs must contain at least one value',
        'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
        'rules[0].resources: Required value: resource rules must supply at least one resource',
      ],
    },
    {
      name: 'namespaced rules cannot use nonResourceURLs',
      object: mutate(role, (o) => (o.rules = [{ verbs: ['get'], nonResourceURLs: ['/healthz'], resources: ['pods'] }])),
      want: [
        'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
        'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: rules cannot apply to both regular resources and non-resource URLs',
      ],
    },
    {
      name: 'update: rules checked (twice, as upstream)',
      object: mutate(stored, (o) => (o.rules = [{ apiGroups: [''], resources: ['pods'] }])),
      old: stored,
      want: ['rules[0].verbs: Required value: verbs must contain at least one value', 'rules[0].verbs: Required value: verbs must contain at least one value'],
    },
  ]);
});

describe('ClusterRole', () => {
  const cr: Obj = { apiVersion: `${rbacGroup}/v1`, kind: 'ClusterRole', metadata: { name: 'metrics' }, rules: [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }] };
  runCases(validateClusterRole, [
    { name: 'valid with nonResourceURLs', object: cr, want: [] },
    {
      name: 'aggregation rule needs selectors',
      object: mutate(cr, (o) => (o.aggregationRule = { clusterRoleSelectors: [] })),
      want: ['aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil'],
    },
    {
      name: 'aggregation selector',
      object: mutate(cr, (o) => (o.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-view': 'true' } }, { matchExpressions: [{ key: 'a', operator: 'In' }] }] })),
      want: [
        "aggregationRule.clusterRoleSelectors[1].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'aggregationRule.clusterRoleSelectors[1]: Invalid value: "null": invalid label selector.',
      ],
    },
  ]);
});

describe('RoleBinding', () => {
  const rb: Obj = {
    apiVersion: `${rbacGroup}/v1`,
    kind: 'RoleBinding',
    metadata: { name: 'read-pods', namespace: 'default' },
    roleRef: { apiGroup: rbacGroup, kind: 'Role', name: 'pod-reader' },
    subjects: [
      { kind: 'User', apiGroup: rbacGroup, name: 'jane' },
      { kind: 'ServiceAccount', name: 'default', namespace: 'default' },
    ],
  };
  const stored = mutate(rb, (o) => (o.metadata = storedMeta('read-pods', 'default')));
  runCases(validateRoleBinding, [
    { name: 'valid', object: rb, want: [] },
    {
      name: 'roleRef required fields',
      object: mutate(rb, (o) => (o.roleRef = {})),
      want: [
        'roleRef.apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
        'roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"',
        'roleRef.name: Required value',
      ],
    },
    {
      name: 'subjects',
      object: mutate(rb, (o) => {
        o.subjects = [{ kind: 'User', name: '' }, { kind: 'ServiceAccount', apiGroup: 'v1', name: 'Bad_SA' }, { kind: 'Robot', name: 'r2' }];
      }),
      want: [
        'subjects[0].name: Required value',
        'subjects[0].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
        "subjects[1].name: Invalid value: \"Bad_SA\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'subjects[1].apiGroup: Unsupported value: "v1": supported values: ""',
        'subjects[2].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
      ],
    },
    { name: 'update: subjects may change', object: mutate(stored, (o) => (o.subjects = [])), old: stored, want: [] },
    {
      name: 'update: roleRef is immutable',
      object: mutate(stored, (o) => (o.roleRef = { apiGroup: rbacGroup, kind: 'ClusterRole', name: 'admin' })),
      old: stored,
      want: ['roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"admin"}: cannot change roleRef'],
    },
  ]);
});

describe('ClusterRoleBinding', () => {
  const crb: Obj = {
    apiVersion: `${rbacGroup}/v1`,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'admins' },
    roleRef: { apiGroup: rbacGroup, kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ kind: 'Group', apiGroup: rbacGroup, name: 'system:masters' }],
  };
  runCases(validateClusterRoleBinding, [
    { name: 'valid', object: crb, want: [] },
    { name: 'roleRef must be a ClusterRole', object: mutate(crb, (o) => ((o.roleRef as Obj).kind = 'Role')), want: ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"'] },
    {
      name: 'service accounts need a namespace',
      object: mutate(crb, (o) => (o.subjects = [{ kind: 'ServiceAccount', name: 'controller' }])),
      want: ['subjects[0].namespace: Required value'],
    },
  ]);
});
