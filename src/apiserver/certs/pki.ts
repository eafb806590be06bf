// The cluster's certificates: a CA, the API server's serving certificate and the admin
// client certificate, kept as PEM files in one directory (DATA/tls) and reused across starts.
//
// Creating certificates uses @peculiar/x509 (loaded only when something must be created:
// loading it costs about a tenth of a second). Checking existing files needs only
// node:crypto, so a restart with valid files stays in the low milliseconds.
import { KeyObject, X509Certificate, createPrivateKey, createPublicKey, randomBytes, type webcrypto } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type * as X509 from '@peculiar/x509';
import { realClock, type Clock } from '../../apimachinery/clock.ts';

/** A certificate and its private key, as PEM text and the files that hold them. */
export interface CertificateAndKey {
  readonly certFile: string;
  readonly keyFile: string;
  readonly certPem: string;
  readonly keyPem: string;
}

export interface ServingCertificate extends CertificateAndKey {
  /** The DNS names and IP addresses (canonical form) the certificate covers. */
  readonly dnsNames: readonly string[];
  readonly ips: readonly string[];
}

export type CertificateRole = 'ca' | 'serving' | 'admin';

/** What one call of `ensureCertificates` wrote, and why. */
export interface CertificateChange {
  readonly role: CertificateRole;
  readonly reason: string;
}

export interface ClusterCertificates {
  readonly dir: string;
  readonly ca: CertificateAndKey;
  readonly serving: ServingCertificate;
  readonly admin: CertificateAndKey;
  /** Empty when every file was reused. */
  readonly changes: readonly CertificateChange[];
}

export interface EnsureCertificatesOptions {
  /** Where the PEM files live, e.g. DATA/tls; created (mode 0700) if absent. */
  readonly dir: string;
  /** Extra names for the serving certificate (an IP address given here counts as an IP). */
  readonly hostnames?: readonly string[];
  /** Extra IP addresses for the serving certificate. */
  readonly ips?: readonly string[];
  readonly clock?: Clock;
}

/** The identity a client certificate carries, as kube-apiserver reads it: CN is the user, each O a group. */
export interface CertificateIdentity {
  readonly name: string;
  readonly groups: readonly string[];
}

export const caCommonName = 'kubets-ca';
export const servingCommonName = 'kube-apiserver';
export const adminUser = 'kubets-admin';
export const adminGroups: readonly string[] = ['system:masters'];

/** The first IP of the default service CIDR (10.43.0.0/16): the `kubernetes` Service. */
export const kubernetesServiceIP = '10.43.0.1';
const clusterDomain = 'cluster.local';

const day = 24 * 60 * 60 * 1000;
const caValidityDays = 3650;
const leafValidityDays = 365;
/** A leaf certificate with less than this left is renewed at the next start. */
const renewBeforeDays = 90;
/** Certificates start this long before now, so a node whose clock lags a little still accepts them. */
const backdateMs = 60 * 60 * 1000;

const serverAuthOid = '1.3.6.1.5.5.7.3.1';
const clientAuthOid = '1.3.6.1.5.5.7.3.2';
const anyExtendedKeyUsageOid = '2.5.29.37.0';

const fileNames = {
  ca: { cert: 'ca.crt', key: 'ca.key' },
  serving: { cert: 'server.crt', key: 'server.key' },
  admin: { cert: 'admin.crt', key: 'admin.key' },
} as const;

/** Where a data directory keeps its certificates. */
export function certificatesDir(dataDir: string): string {
  return join(dataDir, 'tls');
}

/** The PEM files of each certificate in a certificates directory. */
export function certificateFiles(dir: string, role: CertificateRole): { certFile: string; keyFile: string } {
  return { certFile: join(dir, fileNames[role].cert), keyFile: join(dir, fileNames[role].key) };
}

/**
 * Makes sure `dir` holds a CA, a serving certificate and an admin client certificate, and returns them.
 *
 * - CA: created only when `ca.crt` is absent. An existing CA is never replaced silently (that
 *   would invalidate every certificate and kubeconfig issued from it): if its key is missing or
 *   does not match, or it has expired, this throws and says what to remove.
 * - Serving and admin certificates are (re)issued when missing, unreadable, not signed by the
 *   CA, not matching their key, near expiry, or (serving) not covering every name asked for.
 *
 * Concurrent calls on one directory from several processes are not coordinated; each file is
 * replaced atomically, and a mixed result is repaired by the next call.
 */
export async function ensureCertificates(options: EnsureCertificatesOptions): Promise<ClusterCertificates> {
  const clock = options.clock ?? realClock;
  const dir = options.dir;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const changes: CertificateChange[] = [];
  const paths = (role: CertificateRole) => certificateFiles(dir, role);

  let ca = await loadCA(paths('ca'), clock);
  if (!ca) {
    ca = await createCA(paths('ca'), clock);
    changes.push({ role: 'ca', reason: 'created' });
  }
  const caCert = new X509Certificate(ca.certPem);

  const wanted = servingNames(options.hostnames ?? [], options.ips ?? []);
  const servingPaths = paths('serving');
  const existingServing = await readPair(servingPaths);
  let servingProblem = existingServing ? leafProblem(existingServing, caCert, clock, serverAuthOid) : 'created';
  let serving: CertificateAndKey | undefined;
  if (existingServing && !servingProblem) {
    const missing = uncoveredNames(new X509Certificate(existingServing.certPem), wanted);
    if (missing.length > 0) servingProblem = `does not cover ${missing.join(', ')}`;
    else serving = existingServing;
  }
  if (!serving) {
    serving = await issueAndWrite(servingPaths, ca, {
      subject: [{ CN: [servingCommonName] }],
      extendedKeyUsage: serverAuthOid,
      dnsNames: wanted.dnsNames,
      ips: wanted.ips,
      clock,
    });
    changes.push({ role: 'serving', reason: servingProblem ?? 'created' });
  }

  const adminPaths = paths('admin');
  const existingAdmin = await readPair(adminPaths);
  let adminProblem = existingAdmin ? leafProblem(existingAdmin, caCert, clock, clientAuthOid) : 'created';
  if (existingAdmin && !adminProblem && !sameIdentity(identityFromCertificate(new X509Certificate(existingAdmin.certPem)), { name: adminUser, groups: adminGroups })) {
    adminProblem = `subject is not CN=${adminUser}, O=${adminGroups.join(', O=')}`;
  }
  let admin = existingAdmin && !adminProblem ? existingAdmin : undefined;
  if (!admin) {
    admin = await issueAndWrite(adminPaths, ca, { subject: subjectFor(adminUser, adminGroups), extendedKeyUsage: clientAuthOid, clock });
    changes.push({ role: 'admin', reason: adminProblem ?? 'created' });
  }

  const covered = subjectAltNames(new X509Certificate(serving.certPem));
  return { dir, ca, serving: { ...serving, dnsNames: [...covered.dnsNames], ips: [...covered.ips] }, admin, changes };
}

export interface ClientCertificateRequest {
  /** The user name (CN). */
  readonly user: string;
  /** The groups (one O each). */
  readonly groups?: readonly string[];
  /** Certify this public key (PEM or KeyObject) instead of making a new key pair. */
  readonly publicKey?: KeyObject | string;
  readonly validityDays?: number;
  readonly clock?: Clock;
}

export interface IssuedCertificate {
  readonly certPem: string;
  /** The new private key (PKCS#8 PEM); absent when the request brought its own public key. */
  readonly keyPem?: string;
}

/**
 * Issues a client certificate (ExtendedKeyUsage clientAuth) for `user` and `groups`, signed by
 * `ca`. Throws if the certificate would not carry exactly that identity (a name the encoder
 * cannot represent faithfully).
 */
export async function issueClientCertificate(ca: Pick<CertificateAndKey, 'certPem' | 'keyPem'>, request: ClientCertificateRequest): Promise<IssuedCertificate> {
  if (request.user === '') throw new Error('a client certificate needs a user name');
  const groups = request.groups ?? [];
  const issued = await issueLeaf(ca, {
    subject: subjectFor(request.user, groups),
    extendedKeyUsage: clientAuthOid,
    publicKey: request.publicKey === undefined ? undefined : typeof request.publicKey === 'string' ? createPublicKey(request.publicKey) : request.publicKey,
    validityDays: request.validityDays,
    clock: request.clock ?? realClock,
  });
  const identity = identityFromCertificate(new X509Certificate(issued.certPem));
  if (!sameIdentity(identity, { name: request.user, groups })) {
    throw new Error(`cannot represent user ${JSON.stringify(request.user)} with groups ${JSON.stringify(groups)} in a certificate subject`);
  }
  return issued;
}

/**
 * The user (CN) and groups (each O, in order) of a client certificate that TLS has already
 * verified against the CA, or undefined when it carries no user name or is not meant for client
 * authentication (an ExtendedKeyUsage without clientAuth). Accepts what
 * `TLSSocket.getPeerCertificate()` returns (an empty object when the client sent none) or an
 * `X509Certificate`.
 */
export function identityFromCertificate(cert: PeerCertificate | X509Certificate): CertificateIdentity | undefined {
  const legacy: Partial<PeerCertificate> = cert instanceof X509Certificate ? cert.toLegacyObject() : cert;
  const subject = legacy.subject as Record<string, string | string[] | undefined> | undefined;
  if (!subject) return undefined;
  const usages = legacy.ext_key_usage;
  if (usages && !usages.includes(clientAuthOid) && !usages.includes(anyExtendedKeyUsageOid)) return undefined;
  const values = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  // With several CNs, Go's pkix.Name keeps the last one, which upstream then uses.
  const name = values(subject.CN).at(-1);
  if (name === undefined || name === '') return undefined;
  return { name, groups: values(subject.O) };
}

/**
 * The identity of a TLS client, only if it presented a certificate that verified against the
 * server's `ca` (`socket.authorized`); for servers with `requestCert: true, rejectUnauthorized: false`,
 * which must let unauthenticated requests through to other authenticators.
 */
export function identityFromTLSSocket(socket: TLSSocket): CertificateIdentity | undefined {
  if (!socket.authorized) return undefined;
  return identityFromCertificate(socket.getPeerCertificate());
}

/** The names every serving certificate covers, plus the machine's current addresses and the extra ones given. */
export function servingNames(hostnames: readonly string[] = [], ips: readonly string[] = []): { dnsNames: string[]; ips: string[] } {
  const dnsNames = new Set<string>(['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${clusterDomain}`]);
  const addresses = new Set<string>(['127.0.0.1', '::1', kubernetesServiceIP]);
  const machine = hostname().toLowerCase();
  if (machine !== '') dnsNames.add(machine);
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) {
      // Link-local IPv6 addresses need a zone, which a certificate cannot name.
      if (address.internal || (address.family === 'IPv6' && address.scopeid !== 0) || /^fe[89ab]/i.test(address.address)) continue;
      addresses.add(canonicalIP(address.address, 'interface address'));
    }
  }
  for (const name of hostnames) {
    if (isIP(name) !== 0) addresses.add(canonicalIP(name, 'hostname'));
    else dnsNames.add(checkedDNSName(name));
  }
  for (const ip of ips) addresses.add(canonicalIP(ip, 'IP address'));
  return { dnsNames: [...dnsNames], ips: [...addresses] };
}

function checkedDNSName(name: string): string {
  const lower = name.trim().toLowerCase().replace(/\.$/, '');
  if (!/^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(lower) || lower.length > 253) {
    throw new Error(`invalid host name for the serving certificate: ${JSON.stringify(name)}`);
  }
  return lower;
}

/** One spelling per address, so 0:0:0:0:0:0:0:1 (OpenSSL's) and ::1 compare equal. */
function canonicalIP(ip: string, what: string): string {
  const family = isIP(ip);
  if (family === 4) return ip;
  if (family === 6 && !ip.includes('%')) return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  throw new Error(`invalid ${what} for the serving certificate: ${JSON.stringify(ip)}`);
}

/** The DNS names and IPs in a certificate's subjectAltName, as Node prints it (`DNS:a, IP Address:b`). */
function subjectAltNames(cert: X509Certificate): { dnsNames: Set<string>; ips: Set<string> } {
  const dnsNames = new Set<string>();
  const ips = new Set<string>();
  for (const match of (cert.subjectAltName ?? '').matchAll(/([A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g)) {
    const raw = match[2]!;
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
    if (match[1] === 'DNS') dnsNames.add(value.toLowerCase());
    else if (match[1] === 'IP Address' && isIP(value) !== 0) ips.add(canonicalIP(value, 'IP address'));
  }
  return { dnsNames, ips };
}

function uncoveredNames(cert: X509Certificate, wanted: { dnsNames: readonly string[]; ips: readonly string[] }): string[] {
  const have = subjectAltNames(cert);
  return [...wanted.dnsNames.filter((name) => !have.dnsNames.has(name)), ...wanted.ips.filter((ip) => !have.ips.has(ip))];
}

function sameIdentity(a: CertificateIdentity | undefined, b: CertificateIdentity): boolean {
  return a !== undefined && a.name === b.name && a.groups.length === b.groups.length && a.groups.every((group, i) => group === b.groups[i]);
}

function subjectFor(user: string, groups: readonly string[]): X509.JsonName {
  // Upstream orders O before CN (pkix.Name); any order reads back the same.
  return [...groups.map((group) => ({ O: [group] })), { CN: [user] }];
}

async function readPair(paths: { certFile: string; keyFile: string }): Promise<CertificateAndKey | undefined> {
  const [certPem, keyPem] = await Promise.all([readOptional(paths.certFile), readOptional(paths.keyFile)]);
  if (certPem === undefined || keyPem === undefined) return undefined;
  return { ...paths, certPem, keyPem };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The existing CA, undefined when there is none yet; throws when there is one that cannot be used. */
async function loadCA(paths: { certFile: string; keyFile: string }, clock: Clock): Promise<CertificateAndKey | undefined> {
  const certPem = await readOptional(paths.certFile);
  if (certPem === undefined) return undefined;
  const remedy = `remove ${paths.certFile} to create a new CA (every certificate and kubeconfig issued from the old one stops working)`;
  const keyPem = await readOptional(paths.keyFile);
  if (keyPem === undefined) throw new Error(`the cluster CA ${paths.certFile} has no key ${paths.keyFile}: restore the key, or ${remedy}`);
  let cert: X509Certificate;
  let key: KeyObject;
  try {
    cert = new X509Certificate(certPem);
    key = createPrivateKey(keyPem);
  } catch (error) {
    throw new Error(`cannot read the cluster CA ${paths.certFile}: ${(error as Error).message}; ${remedy}`, { cause: error });
  }
  if (!cert.checkPrivateKey(key)) throw new Error(`the cluster CA ${paths.certFile} does not match its key ${paths.keyFile}; ${remedy}`);
  if (!cert.ca) throw new Error(`${paths.certFile} is not a CA certificate; ${remedy}`);
  if (cert.validToDate.getTime() <= clock.now()) throw new Error(`the cluster CA ${paths.certFile} expired on ${cert.validToDate.toISOString()}; ${remedy}`);
  return { ...paths, certPem, keyPem };
}

/** Why a leaf certificate must be reissued, or undefined when it can be kept. */
function leafProblem(pair: CertificateAndKey, ca: X509Certificate, clock: Clock, usage: string): string | undefined {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pair.certPem);
    if (!cert.checkPrivateKey(createPrivateKey(pair.keyPem))) return 'does not match its key';
  } catch (error) {
    return `cannot be read (${(error as Error).message})`;
  }
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return 'was not issued by the current CA';
  if (!cert.keyUsage?.includes(usage)) return `lacks extended key usage ${usage}`;
  const now = clock.now();
  if (cert.validFromDate.getTime() > now) return `is not valid before ${cert.validFromDate.toISOString()}`;
  if (cert.validToDate.getTime() - now < renewBeforeDays * day) return `expires on ${cert.validToDate.toISOString()}`;
  return undefined;
}

// ---- creation (loads @peculiar/x509) ----

let library: Promise<typeof X509> | undefined;

/** @peculiar/x509, loaded on first use. */
function x509Library(): Promise<typeof X509> {
  library ??= (async () => {
    installReflectMetadata();
    return await import('@peculiar/x509');
  })();
  return library;
}

/**
 * @peculiar/x509 registers its algorithms through tsyringe, which refuses to load unless
 * `Reflect.getMetadata` exists (the reflect-metadata polyfill). It only stores and reads
 * metadata on its own classes, so a minimal WeakMap-backed version is enough; a real polyfill
 * loaded earlier is left alone, and one loaded later may replace these (they are writable).
 */
function installReflectMetadata(): void {
  const reflect = Reflect as unknown as Record<string, unknown>;
  if (typeof reflect.getMetadata === 'function') return;
  const store = new WeakMap<object, Map<unknown, unknown>>();
  const methods = {
    defineMetadata(key: unknown, value: unknown, target: object): void {
      let entries = store.get(target);
      if (!entries) store.set(target, (entries = new Map()));
      entries.set(key, value);
    },
    getOwnMetadata(key: unknown, target: object): unknown {
      return store.get(target)?.get(key);
    },
    getMetadata(key: unknown, target: object): unknown {
      for (let current: object | null = target; current !== null; current = Object.getPrototypeOf(current) as object | null) {
        const entries = store.get(current);
        if (entries?.has(key)) return entries.get(key);
      }
      return undefined;
    },
  };
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(Reflect, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
}

const newKeyAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** WebCrypto parameters to import a signing key and to sign with it. */
function signingAlgorithms(key: KeyObject): { importAs: webcrypto.EcKeyImportParams | webcrypto.RsaHashedImportParams; signWith: webcrypto.EcdsaParams | webcrypto.Algorithm } {
  if (key.asymmetricKeyType === 'ec') {
    const curves: Record<string, [string, string]> = { prime256v1: ['P-256', 'SHA-256'], secp384r1: ['P-384', 'SHA-384'], secp521r1: ['P-521', 'SHA-512'] };
    const curve = curves[key.asymmetricKeyDetails?.namedCurve ?? ''];
    if (curve) return { importAs: { name: 'ECDSA', namedCurve: curve[0] }, signWith: { name: 'ECDSA', hash: curve[1] } };
  }
  if (key.asymmetricKeyType === 'rsa') {
    return { importAs: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, signWith: { name: 'RSASSA-PKCS1-v1_5' } };
  }
  throw new Error(`unsupported CA key type ${key.asymmetricKeyType ?? 'unknown'} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
}

/** A random positive 128-bit serial number, as hex. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

function privateKeyPem(key: webcrypto.CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }) as string;
}

async function createCA(paths: { certFile: string; keyFile: string }, clock: Clock): Promise<CertificateAndKey> {
  const x509 = await x509Library();
  const keys = await crypto.subtle.generateKey(newKeyAlgorithm, true, ['sign', 'verify']);
  const now = clock.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: [{ CN: [caCommonName] }],
    notBefore: new Date(now - backdateMs),
    notAfter: new Date(now + caValidityDays * day),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } satisfies webcrypto.EcdsaParams,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pair = { ...paths, certPem: cert.toString('pem') + '\n', keyPem: privateKeyPem(keys.privateKey) };
  // The key first: a CA is only taken as existing once its certificate is there.
  await writeFileAtomic(paths.keyFile, pair.keyPem, 0o600);
  await writeFileAtomic(paths.certFile, pair.certPem, 0o644);
  return pair;
}

interface LeafRequest {
  readonly subject: X509.JsonName;
  readonly extendedKeyUsage: string;
  readonly dnsNames?: readonly string[];
  readonly ips?: readonly string[];
  readonly publicKey?: KeyObject | undefined;
  readonly validityDays?: number | undefined;
  readonly clock: Clock;
}

async function issueLeaf(ca: Pick<CertificateAndKey, 'certPem' | 'keyPem'>, request: LeafRequest): Promise<IssuedCertificate> {
  const x509 = await x509Library();
  const caKey = createPrivateKey(ca.keyPem);
  const algorithms = signingAlgorithms(caKey);
  const signingKey = await crypto.subtle.importKey('pkcs8', caKey.export({ type: 'pkcs8', format: 'der' }), algorithms.importAs, false, ['sign']);
  const caCert = new x509.X509Certificate(ca.certPem);
  let keys: webcrypto.CryptoKeyPair | undefined;
  let publicKey: X509.PublicKeyType;
  if (request.publicKey) {
    publicKey = new x509.PublicKey(request.publicKey.export({ type: 'spki', format: 'der' }));
  } else {
    keys = await crypto.subtle.generateKey(newKeyAlgorithm, true, ['sign', 'verify']);
    publicKey = keys.publicKey;
  }
  const names = [...(request.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })), ...(request.ips ?? []).map((value) => ({ type: 'ip' as const, value }))];
  const now = request.clock.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: request.subject,
    // The CA's own encoded name, so the issuer matches its subject byte for byte (Go compares raw bytes).
    issuer: caCert.subjectName,
    notBefore: new Date(now - backdateMs),
    notAfter: new Date(now + (request.validityDays ?? leafValidityDays) * day),
    signingAlgorithm: algorithms.signWith,
    publicKey,
    signingKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | (caKey.asymmetricKeyType === 'rsa' ? x509.KeyUsageFlags.keyEncipherment : 0), true),
      new x509.ExtendedKeyUsageExtension([request.extendedKeyUsage]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
      ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', ...(keys ? { keyPem: privateKeyPem(keys.privateKey) } : {}) };
}

async function issueAndWrite(paths: { certFile: string; keyFile: string }, ca: CertificateAndKey, request: LeafRequest): Promise<CertificateAndKey> {
  const issued = await issueLeaf(ca, request);
  const keyPem = issued.keyPem!;
  await writeFileAtomic(paths.keyFile, keyPem, 0o600);
  await writeFileAtomic(paths.certFile, issued.certPem, 0o644);
  return { ...paths, certPem: issued.certPem, keyPem };
}

/** Writes through a temporary file and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, data: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, data, { mode, flag: 'wx' });
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
