/**
 * IP address and CIDR parsing with Go's semantics, which upstream's IP validation is built
 * on: the lenient parser Kubernetes has always used (k8s.io/utils/net ParseIPSloppy: IPv4
 * octets may have leading zeros), the strict one (net/netip ParseAddr), and Go's canonical
 * text form (RFC 5952 for IPv6; IPv4-mapped addresses print as dotted IPv4).
 *
 * Addresses are 16-byte arrays; IPv4 addresses are stored IPv4-mapped (::ffff:a.b.c.d),
 * as Go's net.IP does, with `v4` telling whether the text was IPv4.
 */

export interface ParsedIP {
  bytes: Uint8Array;
  /** True when the text was a dotted IPv4 address. */
  v4: boolean;
}

const v4InV6Prefix = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function ipv4Bytes(a: number, b: number, c: number, d: number): Uint8Array {
  return Uint8Array.from([...v4InV6Prefix, a, b, c, d]);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const hexValue = (c: string | undefined): number => {
  if (c === undefined) return -1;
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return -1;
};

const big = 0xffffff;

/** Decimal digits at the start of s: [value, count, ok], as Go's net dtoi. */
function dtoi(s: string): [number, number, boolean] {
  let n = 0;
  let i = 0;
  for (; i < s.length && isDigit(s[i]); i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= big) return [big, i, false];
  }
  if (i === 0) return [0, 0, false];
  return [n, i, true];
}

/** Hex digits at the start of s: [value, count, ok], as Go's net xtoi. */
function xtoi(s: string): [number, number, boolean] {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const v = hexValue(s[i]);
    if (v < 0) break;
    n = n * 16 + v;
    if (n >= big) return [0, i, false];
  }
  if (i === 0) return [0, i, false];
  return [n, i, true];
}

function parseIPv4Sloppy(s: string): Uint8Array | undefined {
  const p = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    if (s.length === 0) return undefined;
    if (i > 0) {
      if (s[0] !== '.') return undefined;
      s = s.slice(1);
    }
    const [n, c, ok] = dtoi(s);
    if (!ok || n > 0xff) return undefined;
    s = s.slice(c);
    p[i] = n;
  }
  if (s.length !== 0) return undefined;
  return ipv4Bytes(p[0]!, p[1]!, p[2]!, p[3]!);
}

function parseIPv6Sloppy(s: string): Uint8Array | undefined {
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const [n, c, ok] = xtoi(s);
    if (!ok || n > 0xffff) return undefined;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const ip4 = parseIPv4Sloppy(s);
      if (!ip4) return undefined;
      ip.set(ip4.subarray(12), i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j]!;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** Go's (pre-1.17) net.ParseIP as kept by k8s.io/utils/net.ParseIPSloppy. */
export function parseIPSloppy(s: string): ParsedIP | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') {
      const b = parseIPv4Sloppy(s);
      return b && { bytes: b, v4: true };
    }
    if (s[i] === ':') {
      const b = parseIPv6Sloppy(s);
      return b && { bytes: b, v4: false };
    }
  }
  return undefined;
}

function parseIPv4Strict(s: string): Uint8Array | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const p: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    if (part.length > 1 && part[0] === '0') return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    p.push(n);
  }
  return ipv4Bytes(p[0]!, p[1]!, p[2]!, p[3]!);
}

function parseIPv6Strict(s: string): Uint8Array | undefined {
  const zone = s.indexOf('%');
  if (zone >= 0) {
    if (zone === s.length - 1) return undefined;
    s = s.slice(0, zone);
  }
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const v = hexValue(s[off]);
      if (v < 0) break;
      if (off > 3) return undefined;
      acc = acc * 16 + v;
    }
    if (off === 0) return undefined;
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const ip4 = parseIPv4Strict(s);
      if (!ip4) return undefined;
      ip.set(ip4.subarray(12), i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':') return undefined;
    if (s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j]!;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** Go's net/netip.ParseAddr: no leading zeros, at most four hex digits a group; zones allowed. */
export function parseAddrStrict(s: string): ParsedIP | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') {
      const b = parseIPv4Strict(s);
      return b && { bytes: b, v4: true };
    }
    if (s[i] === ':') {
      const b = parseIPv6Strict(s);
      return b && { bytes: b, v4: false };
    }
    if (s[i] === '%') return undefined;
  }
  return undefined;
}

/** True for an IPv6 address of the form ::ffff:a.b.c.d. */
export function isIPv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 12; i++) if (bytes[i] !== v4InV6Prefix[i]) return false;
  return true;
}

/** Go's net.IP String(): dotted IPv4 for IPv4 and IPv4-mapped addresses, else RFC 5952. */
export function ipToString(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (isIPv4Mapped(bytes)) return Array.from(bytes.subarray(12)).join('.');
  return ipv6ToString(bytes);
}

function ipv6ToString(p: Uint8Array): string {
  let e0 = -1;
  let e1 = -1;
  for (let i = 0; i < 16; i += 2) {
    let j = i;
    while (j < 16 && p[j] === 0 && p[j + 1] === 0) j += 2;
    if (j > i && j - i > e1 - e0) {
      e0 = i;
      e1 = j;
      i = j;
    }
  }
  if (e1 - e0 <= 2) {
    e0 = -1;
    e1 = -1;
  }
  let out = '';
  for (let i = 0; i < 16; i += 2) {
    if (i === e0) {
      out += '::';
      i = e1;
      if (i >= 16) break;
    } else if (i > 0) {
      out += ':';
    }
    out += ((p[i]! << 8) | p[i + 1]!).toString(16);
  }
  return out;
}

/** A parsed CIDR: the address as written and the network (address masked to the prefix). */
export interface ParsedCIDR {
  ip: ParsedIP;
  /** The network address: 4 bytes for IPv4, 16 for IPv6. */
  network: Uint8Array;
  prefixLength: number;
  /** Address length in bits (32 or 128). */
  bits: number;
}

function maskBytes(bytes: Uint8Array, ones: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const bitsHere = Math.max(0, Math.min(8, ones - i * 8));
    const mask = bitsHere === 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
    out[i] = bytes[i]! & mask;
  }
  return out;
}

/** k8s.io/utils/net.ParseCIDRSloppy (Go's old net.ParseCIDR). */
export function parseCIDRSloppy(s: string): ParsedCIDR | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const mask = s.slice(slash + 1);
  let bits = 32;
  let bytes = parseIPv4Sloppy(addr);
  let v4 = true;
  if (!bytes) {
    bits = 128;
    v4 = false;
    bytes = parseIPv6Sloppy(addr);
  }
  const [n, i, ok] = dtoi(mask);
  if (!bytes || !ok || i !== mask.length || n < 0 || n > bits) return undefined;
  const network = bits === 32 ? maskBytes(bytes.subarray(12), n) : maskBytes(bytes, n);
  return { ip: { bytes, v4 }, network, prefixLength: n, bits };
}

/** Go's net.IPNet String() for a parsed CIDR. */
export function cidrToString(c: ParsedCIDR): string {
  if (c.bits === 128 && isIPv4Mapped(c.network)) {
    // Go prints the network as IPv4 and counts only the mask's last 32 bits.
    const ones = Math.max(0, c.prefixLength - 96);
    return `${ipToString(c.network)}/${ones}`;
  }
  return `${ipToString(c.network)}/${c.prefixLength}`;
}

/** Go's net/netip.ParsePrefix: strict address, no zone, prefix length without leading zeros. */
export function parsePrefixStrict(s: string): { ip: ParsedIP; prefixLength: number } | undefined {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return undefined;
  const ip = parseAddrStrict(s.slice(0, slash));
  if (!ip) return undefined;
  if (!ip.v4 && s.slice(0, slash).includes('%')) return undefined;
  const bitsStr = s.slice(slash + 1);
  if (bitsStr.length > 1 && (bitsStr[0]! < '1' || bitsStr[0]! > '9')) return undefined;
  if (!/^[0-9]+$/.test(bitsStr)) return undefined;
  const n = Number(bitsStr);
  if (n > (ip.v4 ? 32 : 128)) return undefined;
  return { ip, prefixLength: n };
}

/** True when a strict prefix has no bits set past its length. */
export function prefixIsMasked(p: { ip: ParsedIP; prefixLength: number }): boolean {
  const bytes = p.ip.v4 ? p.ip.bytes.subarray(12) : p.ip.bytes;
  const masked = maskBytes(bytes, p.prefixLength);
  return masked.every((b, i) => b === bytes[i]);
}
