// Hands out equal subnets (a /24 per node by default) of the cluster CIDR (10.42.0.0/16),
// lowest free first, as upstream's range allocator. IPv4 only, like the default cluster.

const ipv4ToNumber = (ip: string) => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
const numberToIpv4 = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

export class CidrAllocator {
  private readonly base: number;
  private readonly subnetSize: number;
  private readonly subnetMask: number;
  private readonly used: Uint8Array;
  private next = 0;

  constructor(clusterCidr = '10.42.0.0/16', subnetMaskSize = 24) {
    const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(clusterCidr);
    if (!match) throw new Error(`cluster CIDR ${clusterCidr} is not an IPv4 CIDR`);
    const clusterMask = Number(match[2]);
    if (subnetMaskSize < clusterMask || subnetMaskSize > 30) throw new Error(`node mask /${subnetMaskSize} does not fit in ${clusterCidr}`);
    this.base = ipv4ToNumber(match[1]!);
    this.subnetMask = subnetMaskSize;
    this.subnetSize = 2 ** (32 - subnetMaskSize);
    this.used = new Uint8Array(2 ** (subnetMaskSize - clusterMask));
  }

  get capacity(): number {
    return this.used.length;
  }

  /** Marks a subnet taken (one found on a node at start-up); false if it is not one of ours. */
  occupy(cidr: string): boolean {
    const index = this.indexOf(cidr);
    if (index === undefined) return false;
    this.used[index] = 1;
    return true;
  }

  /** The next free subnet, or undefined when all are taken. */
  allocate(): string | undefined {
    for (let i = 0; i < this.used.length; i++) {
      const index = (this.next + i) % this.used.length;
      if (this.used[index]) continue;
      this.used[index] = 1;
      this.next = index + 1;
      return `${numberToIpv4(this.base + index * this.subnetSize)}/${this.subnetMask}`;
    }
    return undefined;
  }

  release(cidr: string): void {
    const index = this.indexOf(cidr);
    if (index === undefined) return;
    this.used[index] = 0;
    // Reuse the lowest free subnet first, as upstream does after a node goes.
    this.next = Math.min(this.next, index);
  }

  private indexOf(cidr: string): number | undefined {
    const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr);
    if (!match || Number(match[2]) !== this.subnetMask) return undefined;
    const offset = ipv4ToNumber(match[1]!) - this.base;
    if (offset < 0 || offset % this.subnetSize !== 0) return undefined;
    const index = offset / this.subnetSize;
    return index < this.used.length ? index : undefined;
  }
}
