/**
 * certificates.k8s.io/v1 CertificateSigningRequest validation as kube-apiserver 1.33 runs
 * it (pkg/apis/certificates/validation and the CSR strategy). The request must be a PEM
 * `CERTIFICATE REQUEST` whose PKCS#10 signature verifies; the signature check uses
 * node:crypto on a minimal DER reader. The strategy keeps spec and status from the stored
 * object on update, so an update is validated against the stored spec.
 */
import crypto from 'node:crypto';
import { type FieldError, FieldPath, duplicate, invalid, notSupported, required, tooLong } from '../../apimachinery/field.ts';
import { byteLength, sortGoStrings } from '../../apimachinery/go-format.ts';
import { isDNS1123Label, isDNS1123Subdomain } from '../../apimachinery/validation.ts';
import { type JSONObject, arr, coreObjectMeta, coreObjectMetaUpdate, goBytes, isSet, objOrEmpty, optNum, str } from './util.ts';

export const legacyUnknownSignerName = 'kubernetes.io/legacy-unknown';

const allValidUsages = sortGoStrings([
  'signing', 'digital signature', 'content commitment', 'key encipherment', 'key agreement', 'data encipherment',
  'cert sign', 'crl sign', 'encipher only', 'decipher only', 'any', 'server auth', 'client auth', 'code signing',
  'email protection', 's/mime', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'timestamping', 'ocsp signing',
  'microsoft sgc', 'netscape sgc',
]);

// ---------------------------------------------------------------------------------------
// PEM and DER

/** The first PEM block (Go's pem.Decode), or undefined. */
export function pemDecode(text: string): { type: string; bytes: Buffer } | undefined {
  const m = /-----BEGIN ([^\r\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  // Headers ("Key: value" lines before a blank line) are allowed and skipped.
  const body = m[2]!.replace(/^(?:[^\r\n:]+:[^\r\n]*\r?\n)+\r?\n/, '');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(body)) return undefined;
  return { type: m[1]!, bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
}

interface TLV {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

class DERError extends Error {}

function readTLV(buf: Buffer, pos: number, limit = buf.length): TLV {
  if (pos + 2 > limit) throw new DERError('truncated');
  const tag = buf[pos]!;
  let len = buf[pos + 1]!;
  let p = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) throw new DERError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (p + len > limit) throw new DERError('truncated');
  return { tag, start: pos, contentStart: p, end: p + len };
}

function children(buf: Buffer, tlv: TLV): TLV[] {
  const out: TLV[] = [];
  for (let p = tlv.contentStart; p < tlv.end; ) {
    const c = readTLV(buf, p, tlv.end);
    out.push(c);
    p = c.end;
  }
  return out;
}

function oidString(buf: Buffer, tlv: TLV): string {
  const bytes = buf.subarray(tlv.contentStart, tlv.end);
  const parts: number[] = [];
  let v = 0;
  for (const b of bytes) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const signatureAlgorithms: Record<string, { hash: string | null; kind: 'rsa' | 'ecdsa' | 'ed25519' }> = {
  '1.2.840.113549.1.1.5': { hash: 'sha1', kind: 'rsa' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', kind: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', kind: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', kind: 'rsa' },
  '1.2.840.10045.4.1': { hash: 'sha1', kind: 'ecdsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', kind: 'ecdsa' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', kind: 'ecdsa' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', kind: 'ecdsa' },
  '1.3.101.112': { hash: null, kind: 'ed25519' },
};

/**
 * Upstream's validateCSR: the PEM block type, the PKCS#10 structure and its signature.
 * Returns the error text, or undefined. Parse errors cannot match Go's asn1 messages
 * exactly; they read as Go's generic structure error.
 */
export function csrError(request: Buffer): string | undefined {
  const block = pemDecode(request.toString('latin1'));
  if (!block || block.type !== 'CERTIFICATE REQUEST') return 'PEM block type must be CERTIFICATE REQUEST';
  const der = block.bytes;
  let info: TLV;
  let algOid: string;
  let signature: Buffer;
  let spki: Buffer;
  try {
    const outer = readTLV(der, 0);
    if (outer.tag !== 0x30) throw new DERError('not a sequence');
    if (outer.end !== der.length) return 'x509: trailing data after X.509 certificate request';
    const [infoTLV, algTLV, sigTLV] = children(der, outer);
    if (!infoTLV || !algTLV || !sigTLV || infoTLV.tag !== 0x30 || algTLV.tag !== 0x30 || sigTLV.tag !== 0x03) throw new DERError('structure');
    info = infoTLV;
    const algParts = children(der, algTLV);
    if (!algParts[0] || algParts[0].tag !== 0x06) throw new DERError('structure');
    algOid = oidString(der, algParts[0]);
    signature = der.subarray(sigTLV.contentStart + 1, sigTLV.end);
    const infoParts = children(der, infoTLV);
    const spkiTLV = infoParts[2];
    if (!spkiTLV || spkiTLV.tag !== 0x30) throw new DERError('structure');
    spki = der.subarray(spkiTLV.start, spkiTLV.end);
  } catch (e) {
    if (e instanceof DERError) return 'asn1: structure error: tags don\'t match';
    throw e;
  }
  const alg = signatureAlgorithms[algOid];
  if (!alg) return 'x509: cannot verify signature: algorithm unimplemented';
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    return 'x509: unsupported public key type';
  }
  const data = der.subarray(info.start, info.end);
  let ok: boolean;
  try {
    ok = alg.kind === 'ecdsa' ? crypto.verify(alg.hash, data, { key, dsaEncoding: 'der' }, signature) : crypto.verify(alg.hash, data, key, signature);
  } catch {
    ok = false;
  }
  if (ok) return undefined;
  if (alg.kind === 'rsa') return 'crypto/rsa: verification error';
  return alg.kind === 'ecdsa' ? 'x509: ECDSA verification failure' : 'x509: Ed25519 verification failure';
}

// ---------------------------------------------------------------------------------------
// Validation

/** Core's ValidateSignerName: `<domain>/<path>`, the domain of at least two DNS labels. */
export function validateSignerName(path: FieldPath, signerName: string): FieldError[] {
  if (signerName.length === 0) return [required(path, '')];
  const segments = signerName.split('/');
  if (segments.length !== 2) return [invalid(path, signerName, "must be a fully qualified domain and path of the form 'example.com/signer-name'")];
  const [domain, name] = segments as [string, string];
  const errs: FieldError[] = [];
  if (byteLength(domain) > 253) errs.push(tooLong(path, domain, 253));
  const labels = domain.split('.');
  for (const label of labels) {
    const msgs = isDNS1123Label(label);
    if (msgs.length > 0) {
      for (const msg of msgs) errs.push(invalid(path, domain, `validating label "${label}": ${msg}`));
      break;
    }
  }
  if (labels.length < 2) errs.push(invalid(path, domain, 'should be a domain with at least two segments separated by dots'));
  const maxPathLength = 253 + 63 + 1;
  if (byteLength(name) > maxPathLength) errs.push(tooLong(path, name, maxPathLength));
  for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(path, name, msg));
  return errs;
}

function requestBytes(spec: JSONObject): Buffer | undefined {
  return typeof spec.request === 'string' ? Buffer.from(spec.request, 'base64') : undefined;
}

interface CSROptions {
  allowLegacySignerName: boolean;
  allowUnknownUsages: boolean;
  allowDuplicateUsages: boolean;
}

function validateCSRSpec(s: JSONObject, opts: CSROptions): FieldError[] {
  const path = FieldPath.root('spec');
  const errs: FieldError[] = [];
  const request = requestBytes(s);
  const err = csrError(request ?? Buffer.alloc(0));
  if (err !== undefined) errs.push(invalid(path.child('request'), goBytes(request), err));
  const usages = arr(s.usages).map(str);
  if (usages.length === 0) errs.push(required(path.child('usages'), ''));
  if (!opts.allowUnknownUsages) {
    usages.forEach((u, i) => {
      if (!allValidUsages.includes(u)) errs.push(notSupported(path.child('usages').index(i), u, allValidUsages));
    });
  }
  if (!opts.allowDuplicateUsages) {
    const seen = new Set<string>();
    usages.forEach((u, i) => {
      if (seen.has(u)) errs.push(duplicate(path.child('usages').index(i), u));
      seen.add(u);
    });
  }
  const signerName = str(s.signerName);
  if (!opts.allowLegacySignerName && signerName === legacyUnknownSignerName) {
    errs.push(invalid(path.child('signerName'), signerName, 'the legacy signerName is not allowed via this API version'));
  } else {
    errs.push(...validateSignerName(path.child('signerName'), signerName));
  }
  const expiration = optNum(s.expirationSeconds);
  if (expiration !== undefined && expiration < 600) {
    errs.push(invalid(path.child('expirationSeconds'), expiration, 'may not specify a duration less than 600 seconds (10 minutes)'));
  }
  return errs;
}

/**
 * A CertificateSigningRequest. On create the status is cleared by the strategy, so it is
 * not checked; on update the strategy keeps the stored spec and status, so the stored
 * spec is what is validated (with allowances for what it already contains).
 */
export function validateCertificateSigningRequest(o: JSONObject, old?: JSONObject): FieldError[] {
  if (!old) {
    return [
      ...coreObjectMeta(o, false, () => []),
      ...validateCSRSpec(objOrEmpty(o.spec), { allowLegacySignerName: false, allowUnknownUsages: false, allowDuplicateUsages: false }),
    ];
  }
  const oldSpec = objOrEmpty(old.spec);
  const oldUsages = arr(oldSpec.usages).map(str);
  const opts: CSROptions = {
    allowLegacySignerName: str(oldSpec.signerName) === legacyUnknownSignerName,
    allowUnknownUsages: oldUsages.some((u) => !allValidUsages.includes(u)),
    allowDuplicateUsages: new Set(oldUsages).size !== oldUsages.length,
  };
  const merged: JSONObject = { ...o, spec: old.spec, status: isSet(old.status) ? old.status : undefined };
  return [...coreObjectMeta(merged, false, () => []), ...validateCSRSpec(oldSpec, opts), ...coreObjectMetaUpdate(o, old)];
}
