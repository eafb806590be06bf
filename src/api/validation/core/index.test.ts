import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invalidMessage } from '../../../apimachinery/field.ts';
import { type Obj, mutate, pod } from './fixtures.ts';
import { coreValidatedKinds, coreValidator, validateCore } from './index.ts';

describe('validateCore', () => {
  it('knows the core kinds', () => {
    for (const kind of ['Pod', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'Endpoints', 'Node', 'Event', 'ReplicationController', 'ResourceQuota', 'LimitRange', 'PersistentVolume', 'PersistentVolumeClaim', 'PodTemplate']) {
      assert.ok(coreValidatedKinds.includes(kind), kind);
    }
  });

  it('validates nothing for other kinds', () => {
    assert.deepEqual(validateCore('Binding', { metadata: { name: 'Bad_Name' } }), []);
  });

  it('gives the message kubectl prints', () => {
    const bad = mutate(pod('x'), (o) => delete ((o.spec as Obj).containers as Obj[])[0]!.image);
    assert.equal(invalidMessage({ group: '', kind: 'Pod' }, 'x', validateCore('Pod', bad)), 'Pod "x" is invalid: spec.containers[0].image: Required value');
  });

  it('runs update validation when the old object is given', () => {
    const stored = mutate(pod('x'), (o) => ((o.metadata as Obj).resourceVersion = '3'));
    const validate = coreValidator('Pod');
    assert.deepEqual(validate(stored, stored), []);
    const withoutVersion = mutate(stored, (o) => delete (o.metadata as Obj).resourceVersion);
    assert.deepEqual(validate(withoutVersion), []);
    assert.equal(validate(withoutVersion, stored).length, 1);
  });
});
