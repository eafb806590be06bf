import assert from 'node:assert/strict';
import { it } from 'node:test';
import { taintToString, toleratesTaint } from './taints.ts';

const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };

it('matches tolerations to taints as upstream', () => {
  assert.equal(toleratesTaint({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }, taint), true);
  assert.equal(toleratesTaint({ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }, taint), true, 'empty effect matches all');
  assert.equal(toleratesTaint({ operator: 'Exists' }, taint), true, 'empty key with Exists matches all');
  assert.equal(toleratesTaint({ operator: 'Equal', value: 'x' }, taint), false);
  assert.equal(toleratesTaint({ operator: 'Equal' }, taint), true, 'an empty key and value match a taint without a value, as upstream');
  assert.equal(toleratesTaint({ key: 'gpu', operator: 'Bogus' }, { key: 'gpu', effect: 'NoSchedule' }), false);
  assert.equal(toleratesTaint({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, taint), false);
  assert.equal(toleratesTaint({ key: 'gpu', value: 'true', effect: 'NoSchedule' }, { key: 'gpu', value: 'true', effect: 'NoSchedule' }), true, 'operator defaults to Equal');
  assert.equal(toleratesTaint({ key: 'gpu', operator: 'Equal', value: 'false' }, { key: 'gpu', value: 'true', effect: 'NoSchedule' }), false);
  assert.equal(taintToString({ key: 'gpu', value: 'true', effect: 'NoSchedule' }), 'gpu=true:NoSchedule');
  assert.equal(taintToString(taint), 'node.kubernetes.io/unreachable:NoExecute');
});
