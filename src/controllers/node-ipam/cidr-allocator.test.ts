import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CidrAllocator } from './cidr-allocator.ts';

it('hands out /24s of 10.42.0.0/16 in order, skipping taken ones, reusing released ones', () => {
  const allocator = new CidrAllocator();
  assert.equal(allocator.capacity, 256);
  assert.equal(allocator.occupy('10.42.1.0/24'), true);
  assert.equal(allocator.occupy('10.43.0.0/24'), false, 'outside the cluster CIDR');
  assert.equal(allocator.occupy('10.42.1.0/25'), false, 'not a node subnet');
  assert.deepEqual([allocator.allocate(), allocator.allocate(), allocator.allocate()], ['10.42.0.0/24', '10.42.2.0/24', '10.42.3.0/24']);
  allocator.release('10.42.0.0/24');
  assert.equal(allocator.allocate(), '10.42.0.0/24');
});

it('says when the range is exhausted', () => {
  const allocator = new CidrAllocator('10.42.0.0/23', 24);
  assert.equal(allocator.allocate(), '10.42.0.0/24');
  assert.equal(allocator.allocate(), '10.42.1.0/24');
  assert.equal(allocator.allocate(), undefined);
});
