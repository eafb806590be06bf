import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ControllerRevision } from 'kubernetes-types/apps/v1.d.ts';
import { hashRevisionData, revisionData, templateOfRevision } from './controller-revision.ts';

it('stores a template as a replacing patch, hashes it stably, and a collision count changes the hash', () => {
  const template = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } };
  const data = revisionData(template);
  assert.deepEqual(data, { spec: { template: { ...template, $patch: 'replace' } } });
  const hash = hashRevisionData(data);
  assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  assert.equal(hashRevisionData(revisionData(structuredClone(template))), hash);
  assert.notEqual(hashRevisionData(data, 1), hash);
  assert.notEqual(hashRevisionData(revisionData({ ...template, spec: { containers: [{ name: 'c', image: 'i:2' }] } })), hash);
  assert.deepEqual(templateOfRevision({ metadata: {}, revision: 1, data } as ControllerRevision), template);
});
