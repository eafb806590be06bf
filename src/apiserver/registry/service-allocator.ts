// Service cluster IPs (10.43.0.0/16) and node ports (30000-32767). Each address or
// port in use is a key under /registry/ranges/, claimed with create-if-absent, so two
// API servers on one etcd can never hand out the same one.
import { isStoreError } from '../../storage/errors.ts';
import type { Store } from '../../storage/store.ts';
import { errors } from '../status.ts';
import type { ApiObject } from '../watch-cache.ts';

export interface ServiceRanges {
  /** The service CIDR, IPv4, e.g. 10.43.0.0/16. */
  readonly serviceCidr: string;
  readonly nodePortMin: number;
  readonly nodePortMax: number;
}

export const defaultServiceRanges: ServiceRanges = { serviceCidr: '10.43.0.0/16', nodePortMin: 30000, nodePortMax: 32767 };

const ipKey = (ip: string) => `/registry/ranges/serviceips/${ip}`;
const portKey = (port: number) => `/registry/ranges/servicenodeports/${port}`;

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

interface Spec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  ports?: Array<{ nodePort?: number; name?: string; port?: number }>;
}

/** The range keys a service holds: its cluster IPs and node ports. */
function heldKeys(service: ApiObject): string[] {
  const spec = (service.spec ?? {}) as Spec;
  const keys = (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).filter((ip) => ip && ip !== 'None').map(ipKey);
  for (const port of spec.ports ?? []) if (port.nodePort) keys.push(portKey(port.nodePort));
  return keys;
}

/**
 * Clears what a service's new type no longer has, when the client merely carried it over
 * (kubectl apply keeps live fields): cluster IPs for ExternalName, node ports for ClusterIP.
 */
export function dropTypeDependentFields(service: ApiObject, old: ApiObject): void {
  const spec = (service.spec ?? {}) as Spec;
  const oldSpec = (old.spec ?? {}) as Spec;
  if (spec.type === 'ExternalName' && oldSpec.type !== 'ExternalName') {
    for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'] as const) {
      if (JSON.stringify(spec[field]) === JSON.stringify(oldSpec[field])) delete spec[field];
    }
  }
  const hasNodePorts = (type: string | undefined) => type === 'NodePort' || type === 'LoadBalancer';
  if (!hasNodePorts(spec.type) && hasNodePorts(oldSpec.type)) {
    const oldPorts = new Set((oldSpec.ports ?? []).map((p) => p.nodePort));
    for (const port of spec.ports ?? []) if (port.nodePort && oldPorts.has(port.nodePort)) delete port.nodePort;
  }
}

export class ServiceAllocator {
  private readonly store: Store;
  private readonly first: number;
  private readonly size: number;
  private readonly ranges: ServiceRanges;

  constructor(store: Store, ranges: ServiceRanges = defaultServiceRanges) {
    this.store = store;
    this.ranges = ranges;
    const [base, bits] = ranges.serviceCidr.split('/');
    this.size = 2 ** (32 - Number(bits));
    this.first = ipToNumber(base!);
  }

  /** The first usable address of the range: the `kubernetes` Service's. */
  get kubernetesServiceIP(): string {
    return numberToIp(this.first + 1);
  }

  /**
   * Claims a cluster IP and node ports for a service (keeping those `old` already has)
   * and fills them in. Returns a function that gives back what this call claimed.
   */
  async allocate(service: ApiObject, old: ApiObject | undefined): Promise<() => Promise<void>> {
    const spec = (service.spec ??= {}) as Spec;
    const oldSpec = (old?.spec ?? {}) as Spec;
    const claimed: string[] = [];
    const owner = Buffer.from(`${String(service.metadata.namespace)}/${String(service.metadata.name)}`);
    const claim = async (key: string): Promise<boolean> => {
      try {
        await this.store.create(key, owner);
        claimed.push(key);
        return true;
      } catch (error) {
        if (isStoreError(error, 'keyExists')) return false;
        throw error;
      }
    };
    const rollback = async () => {
      await Promise.all(claimed.map((key) => this.store.delete(key).catch(() => undefined)));
    };
    try {
      if (spec.type !== 'ExternalName') await this.allocateClusterIP(spec, oldSpec, claim);
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') await this.allocateNodePorts(spec, oldSpec, claim);
    } catch (error) {
      await rollback();
      throw error;
    }
    return rollback;
  }

  /** Gives back a deleted service's cluster IP and node ports. */
  async release(service: ApiObject): Promise<void> {
    await this.releaseKeys(heldKeys(service));
  }

  /** Gives back what an update dropped: old node ports, or the IP of a service turned ExternalName. */
  async releaseDropped(service: ApiObject, old: ApiObject): Promise<void> {
    const kept = new Set(heldKeys(service));
    await this.releaseKeys(heldKeys(old).filter((key) => !kept.has(key)));
  }

  private async releaseKeys(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(key).catch(() => undefined)));
  }

  private async allocateClusterIP(spec: Spec, oldSpec: Spec, claim: (key: string) => Promise<boolean>): Promise<void> {
    const wanted = spec.clusterIP || spec.clusterIPs?.[0] || '';
    if (oldSpec.clusterIP) return; // immutable; validation reports a change
    if (wanted === 'None') {
      spec.clusterIP = 'None';
      spec.clusterIPs = ['None'];
      return;
    }
    let ip = wanted;
    if (ip) {
      const n = ipToNumber(ip);
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || n <= this.first || n >= this.first + this.size - 1) {
        throw errors.invalid('', 'Service', '', [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.clusterIPs',
            message: `spec.clusterIPs: Invalid value: ["${ip}"]: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.ranges.serviceCidr}`,
          },
        ]);
      }
      if (!(await claim(ipKey(ip)))) {
        throw errors.invalid('', 'Service', '', [
          {
            reason: 'FieldValueInvalid',
            field: 'spec.clusterIPs',
            message: `spec.clusterIPs: Invalid value: ["${ip}"]: failed to allocate IP ${ip}: provided IP is already allocated`,
          },
        ]);
      }
    } else {
      ip = await this.pick((n) => claim(ipKey(numberToIp(n))), this.first + 2, this.first + this.size - 2).then(numberToIp);
    }
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }

  private async allocateNodePorts(spec: Spec, oldSpec: Spec, claim: (key: string) => Promise<boolean>): Promise<void> {
    const held = new Set((oldSpec.ports ?? []).map((p) => p.nodePort).filter((p): p is number => !!p));
    for (const [i, port] of (spec.ports ?? []).entries()) {
      if (port.nodePort && held.has(port.nodePort)) continue;
      if (port.nodePort) {
        if (!(await claim(portKey(port.nodePort)))) {
          throw errors.invalid('', 'Service', '', [
            {
              reason: 'FieldValueInvalid',
              field: `spec.ports[${i}].nodePort`,
              message: `spec.ports[${i}].nodePort: Invalid value: ${port.nodePort}: provided port is already allocated`,
            },
          ]);
        }
        continue;
      }
      port.nodePort = await this.pick((n) => claim(portKey(n)), this.ranges.nodePortMin, this.ranges.nodePortMax);
    }
  }

  /** Tries random candidates in [low, high], then every one in order, until `tryClaim` succeeds. */
  private async pick(tryClaim: (n: number) => Promise<boolean>, low: number, high: number): Promise<number> {
    for (let attempt = 0; attempt < 32; attempt++) {
      const n = low + Math.floor(Math.random() * (high - low + 1));
      if (await tryClaim(n)) return n;
    }
    for (let n = low; n <= high; n++) if (await tryClaim(n)) return n;
    throw errors.internal('the range is full');
  }
}
