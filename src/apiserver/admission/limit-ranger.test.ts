import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admitLimitRanges } from './limit-ranger.ts';
import type { ApiObject } from '../watch-cache.ts';

const range = (item: object): ApiObject => ({ metadata: { name: 'lr' }, spec: { limits: [{ type: 'Container', ...item }] } });
const pod = (resources: object = {}): ApiObject => ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources }] } });

describe('LimitRanger', () => {
  it('fills missing requests and limits and notes what it set', () => {
    const p = pod({ limits: { memory: '1Gi' }, requests: { memory: '1Gi' } });
    admitLimitRanges(p, [range({ default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m', memory: '128Mi' } })]);
    assert.deepEqual((p.spec as { containers: Array<{ resources: object }> }).containers[0]!.resources, { limits: { memory: '1Gi', cpu: '500m' }, requests: { memory: '1Gi', cpu: '250m' } });
    assert.equal((p.metadata.annotations as Record<string, string>)['kubernetes.io/limit-ranger'], 'LimitRanger plugin set: cpu request for container c; cpu limit for container c');
  });
  it('enforces min, max and the limit to request ratio with upstream messages', () => {
    const refuse = (item: object, resources: object) => {
      try {
        admitLimitRanges(pod(resources), [range(item)]);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    assert.equal(refuse({ max: { cpu: '1' } }, { limits: { cpu: '2' } }), 'pods "p" is forbidden: Maximum cpu usage per Container is 1, but limit is 2.');
    assert.equal(refuse({ max: { cpu: '1' } }, {}), 'pods "p" is forbidden: Maximum cpu usage per Container is 1.  No limit is specified.');
    assert.equal(refuse({ min: { memory: '64Mi' } }, { requests: { memory: '32Mi' } }), 'pods "p" is forbidden: Minimum memory usage per Container is 64Mi, but request is 32Mi.');
    assert.equal(
      refuse({ maxLimitRequestRatio: { cpu: '2' } }, { requests: { cpu: '100m' }, limits: { cpu: '400m' } }),
      'pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000.',
    );
    assert.equal(refuse({ max: { cpu: '1' }, min: { cpu: '100m' } }, { requests: { cpu: '500m' }, limits: { cpu: '1' } }), '');
  });
});
