import assert from 'node:assert/strict';
import { it } from 'node:test';
import { cidrContains, fallbackPodCidr, IpAllocator, parseCidr } from './ip-allocator.ts';
import { nodeAddress } from './node-object.ts';

it('hands out addresses inside the podCIDR, skipping network, gateway and broadcast, without duplicates', () => {
  const allocator = new IpAllocator('10.42.7.0/24');
  const cidr = parseCidr('10.42.7.0/24')!;
  const ips = new Set<string>();
  for (let i = 0; i < 253; i++) {
    const ip = allocator.allocate(`pod-${i}`)!;
    assert.ok(cidrContains(cidr, ip), ip);
    ips.add(ip);
  }
  assert.equal(ips.size, 253);
  for (const reserved of ['10.42.7.0', '10.42.7.1', '10.42.7.255']) assert.ok(!ips.has(reserved));
  assert.equal(allocator.allocate('one-too-many'), undefined);
  assert.equal(allocator.allocate('pod-3'), '10.42.7.5', 'the same owner gets its address back');
});

it('reuses a released address, after the others (round robin)', () => {
  const allocator = new IpAllocator('10.42.1.0/24');
  assert.equal(allocator.allocate('a'), '10.42.1.2');
  assert.equal(allocator.allocate('b'), '10.42.1.3');
  allocator.release('10.42.1.2');
  assert.equal(allocator.allocate('c'), '10.42.1.4');
  for (let i = 0; i < 251; i++) allocator.allocate(`x${i}`);
  assert.equal(allocator.used, 253);
  allocator.release('10.42.1.100');
  assert.equal(allocator.allocate('d'), '10.42.1.100');
});

it('adopts addresses found in pod status', () => {
  const allocator = new IpAllocator('10.42.1.0/24');
  assert.ok(allocator.reserve('10.42.1.2', 'a'));
  assert.ok(!allocator.reserve('10.42.1.2', 'b'));
  assert.ok(!allocator.reserve('10.42.2.2', 'b'));
  assert.equal(allocator.allocate('b'), '10.42.1.3');
});

it('derives fallback /24s and node addresses from the index', () => {
  assert.equal(fallbackPodCidr('10.42.0.0/16', 0), '10.42.0.0/24');
  assert.equal(fallbackPodCidr('10.42.0.0/16', 5), '10.42.5.0/24');
  assert.equal(fallbackPodCidr('10.42.0.0/16', 256), '10.42.0.0/24');
  assert.deepEqual([0, 253, 254, 762, 5000].map(nodeAddress), ['192.0.2.1', '192.0.2.254', '198.51.100.1', '198.18.0.1', '198.18.16.143']);
});
