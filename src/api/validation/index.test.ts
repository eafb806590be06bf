import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invalidMessage } from '../../apimachinery/field.ts';
import { validateObject, validatorFor, validators } from './index.ts';
import { messages, podTemplate } from './testing.ts';

describe('validateObject', () => {
  it('dispatches by group and kind', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: podTemplate({ app: 'api' }),
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        progressDeadlineSeconds: 600,
      },
    };
    const errs = validateObject('apps', 'Deployment', deployment);
    assert.equal(
      invalidMessage({ group: 'apps', kind: 'Deployment' }, 'web', errs),
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    );
  });

  it('validates updates against the old object', () => {
    const meta = { name: 'view-binding', namespace: 'default', uid: 'u', resourceVersion: '3', creationTimestamp: '2025-01-01T00:00:00Z' };
    const old = { metadata: meta, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' } };
    const updated = { ...old, roleRef: { ...old.roleRef, name: 'edit' } };
    assert.deepEqual(messages(validateObject('rbac.authorization.k8s.io', 'RoleBinding', updated, old)), [
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    ]);
  });

  it('returns nothing for kinds it does not know', () => {
    assert.deepEqual(validateObject('example.com', 'Widget', { metadata: { name: 'Not Valid' } }), []);
    assert.deepEqual(validateObject('apps', 'Widget', {}), []);
    assert.equal(validatorFor('apps', 'toString'), undefined);
    assert.equal(validatorFor('constructor', 'Deployment'), undefined);
  });

  it('hands the core group to the core validators', () => {
    assert.ok(Array.isArray(validateObject('', 'ConfigMap', { metadata: { name: 'cfg', namespace: 'default' } })));
  });

  it('covers the groups the API serves outside core', () => {
    assert.deepEqual(Object.keys(validators).sort(), [
      'apps',
      'autoscaling',
      'batch',
      'certificates.k8s.io',
      'coordination.k8s.io',
      'discovery.k8s.io',
      'events.k8s.io',
      'networking.k8s.io',
      'policy',
      'rbac.authorization.k8s.io',
      'scheduling.k8s.io',
      'storage.k8s.io',
    ]);
  });
});
