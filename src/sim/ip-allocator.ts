// Pod IPs for one hollow node, from its podCIDR, in the manner of CNI's host-local:
// the network and broadcast addresses and the gateway (.1) are never handed out, and
// allocation goes round-robin from the last address given, so a freed IP is reused
// only after the others.

/** An IPv4 CIDR such as 10.42.3.0/24, as the first address (a number) and the prefix length. */
export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

export const formatIPv4 = (value: number) => `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;

export function parseCidr(text: string): Cidr | undefined {
  const [address, bits] = text.split('/');
  const base = parseIPv4(address ?? '');
  const prefix = Number(bits);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 30) return undefined;
  const size = 2 ** (32 - prefix);
  return { base: base - (base % size), prefix };
}

export const formatCidr = (cidr: Cidr) => `${formatIPv4(cidr.base)}/${cidr.prefix}`;

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const value = parseIPv4(ip);
  return value !== undefined && value >= cidr.base && value < cidr.base + 2 ** (32 - cidr.prefix);
}

/** The index-th /24 of a /16 (wrapping after 256), for nodes that got no podCIDR. */
export function fallbackPodCidr(clusterCidr: string, index: number): string {
  const cluster = parseCidr(clusterCidr)!;
  const count = 2 ** (24 - cluster.prefix);
  return formatCidr({ base: cluster.base + (index % count) * 256, prefix: 24 });
}

export class IpAllocator {
  readonly cidr: string;
  private readonly first: number;
  private readonly last: number;
  private readonly owners = new Map<number, string>();
  private cursor: number;

  constructor(cidr: string) {
    const parsed = parseCidr(cidr);
    if (!parsed) throw new Error(`invalid pod CIDR "${cidr}"`);
    this.cidr = formatCidr(parsed);
    // Skip the network address and the gateway (.1); the broadcast address is the end.
    this.first = parsed.base + 2;
    this.last = parsed.base + 2 ** (32 - parsed.prefix) - 2;
    this.cursor = this.last;
  }

  get used(): number {
    return this.owners.size;
  }

  /** The next free address for `owner` (a pod UID); the same owner always gets its own back. Undefined when full. */
  allocate(owner: string): string | undefined {
    for (const [ip, o] of this.owners) if (o === owner) return formatIPv4(ip);
    const size = this.last - this.first + 1;
    for (let i = 1; i <= size; i++) {
      const candidate = this.first + ((this.cursor - this.first + i) % size);
      if (this.owners.has(candidate)) continue;
      this.owners.set(candidate, owner);
      this.cursor = candidate;
      return formatIPv4(candidate);
    }
    return undefined;
  }

  /** Records an address already in use (found in a pod's status after a restart); false if it is taken or outside. */
  reserve(ip: string, owner: string): boolean {
    const value = parseIPv4(ip);
    if (value === undefined || value < this.first || value > this.last) return false;
    const current = this.owners.get(value);
    if (current !== undefined) return current === owner;
    this.owners.set(value, owner);
    return true;
  }

  release(ip: string): void {
    const value = parseIPv4(ip);
    if (value !== undefined) this.owners.delete(value);
  }
}
