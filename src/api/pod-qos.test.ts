import assert from 'node:assert/strict';
import { it } from 'node:test';
import { qosClassOf } from './pod-qos.ts';

it('classes pods as upstream', () => {
  assert.equal(qosClassOf({ containers: [{}] }), 'BestEffort');
  const both = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } };
  assert.equal(qosClassOf({ containers: [{ resources: both }, { resources: both }] }), 'Guaranteed');
  assert.equal(qosClassOf({ containers: [{ resources: both }, {}] }), 'Burstable', 'one container without limits');
  assert.equal(qosClassOf({ containers: [{ resources: { requests: { cpu: '100m' } } }] }), 'Burstable');
  assert.equal(qosClassOf({ containers: [{ resources: { limits: { cpu: '1' }, requests: { cpu: '1' } } }] }), 'Burstable', 'memory limit missing');
  assert.equal(qosClassOf({ containers: [{ resources: both }], initContainers: [{ resources: { requests: { cpu: '1' } } }] }), 'Burstable');
});
