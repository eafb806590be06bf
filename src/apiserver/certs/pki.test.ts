import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer, type TLSSocket } from 'node:tls';
import { after, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { FakeClock } from '../../apimachinery/clock.ts';
import {
  certificateFiles,
  ensureCertificates,
  identityFromCertificate,
  identityFromTLSSocket,
  issueClientCertificate,
  servingNames,
  type CertificateIdentity,
  type ClusterCertificates,
} from './pki.ts';

const scratch = await mkdtemp(join(tmpdir(), 'kubets-pki-'));
after(() => rm(scratch, { recursive: true, force: true }));
let dirs = 0;
const newDir = () => join(scratch, `tls-${++dirs}`);

const day = 24 * 60 * 60 * 1000;
const x509 = (pem: string) => new X509Certificate(pem);

/** Every PEM file of a certificates directory, by name. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const role of ['ca', 'serving', 'admin'] as const) {
    const { certFile, keyFile } = certificateFiles(dir, role);
    files[certFile] = await readFile(certFile, 'utf8');
    files[keyFile] = await readFile(keyFile, 'utf8');
  }
  return files;
}

describe('ensureCertificates', () => {
  let dir: string;
  let first: ClusterCertificates;

  it('creates a CA, a serving and an admin certificate on first start', async (t) => {
    dir = newDir();
    const started = performance.now();
    first = await ensureCertificates({ dir });
    t.diagnostic(`first start: ${(performance.now() - started).toFixed(1)} ms`);
    assert.deepEqual(first.changes.map((change) => change.role), ['ca', 'serving', 'admin']);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    for (const role of ['ca', 'serving', 'admin'] as const) {
      const { certFile, keyFile } = certificateFiles(dir, role);
      assert.equal((await stat(keyFile)).mode & 0o777, 0o600, keyFile);
      assert.equal((await stat(certFile)).mode & 0o777, 0o644, certFile);
      assert.match(await readFile(keyFile, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/);
      assert.match(await readFile(certFile, 'utf8'), /^-----BEGIN CERTIFICATE-----\n/);
    }

    const ca = x509(first.ca.certPem);
    assert.equal(ca.subject, 'CN=kubets-ca');
    assert.equal(ca.ca, true);
    assert.equal(ca.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.ok(ca.validToDate.getTime() - Date.now() > 9.9 * 365 * day, 'the CA lasts about ten years');

    const serving = x509(first.serving.certPem);
    assert.ok(serving.checkIssued(ca) && serving.verify(ca.publicKey));
    assert.equal(serving.ca, false);
    assert.deepEqual(serving.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    for (const name of ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', hostname()]) {
      assert.equal(serving.checkHost(name, { subject: 'never' }), name, `covers ${name}`);
    }
    const machineAddresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []).filter((a) => !a.internal && !/^fe[89ab]/i.test(a.address)).map((a) => a.address);
    for (const ip of ['127.0.0.1', '::1', '10.43.0.1', ...machineAddresses]) {
      assert.ok(serving.checkIP(ip) !== undefined, `covers ${ip}`);
    }
    assert.ok(first.serving.ips.includes('::1') && first.serving.dnsNames.includes('kubernetes.default.svc'));

    const admin = x509(first.admin.certPem);
    assert.ok(admin.checkIssued(ca) && admin.verify(ca.publicKey));
    assert.deepEqual(admin.keyUsage, ['1.3.6.1.5.5.7.3.2']);
    assert.deepEqual(identityFromCertificate(admin), { name: 'kubets-admin', groups: ['system:masters'] });
  });

  it('reuses the files on later starts without regenerating anything', async (t) => {
    const before = await snapshot(dir);
    const mtimes = await Promise.all(Object.keys(before).map(async (file) => (await stat(file)).mtimeMs));
    const started = performance.now();
    const again = await ensureCertificates({ dir });
    t.diagnostic(`reuse: ${(performance.now() - started).toFixed(1)} ms`);
    assert.deepEqual(again.changes, []);
    assert.deepEqual(await snapshot(dir), before);
    assert.deepEqual(await Promise.all(Object.keys(before).map(async (file) => (await stat(file)).mtimeMs)), mtimes);
    assert.equal(again.ca.certPem, first.ca.certPem);
    assert.equal(again.serving.keyPem, first.serving.keyPem);
    assert.equal(again.admin.certPem, first.admin.certPem);
  });

  it('reissues only the serving certificate when asked for names it does not cover', async () => {
    const extended = await ensureCertificates({ dir, hostnames: ['API.Example.test', '192.0.2.10', '*.apps.example.test'], ips: ['2001:db8:0:0::7'] });
    assert.deepEqual(extended.changes.map((change) => change.role), ['serving']);
    assert.match(extended.changes[0]!.reason, /does not cover api\.example\.test, \*\.apps\.example\.test, 192\.0\.2\.10, 2001:db8::7/);
    assert.equal(extended.ca.certPem, first.ca.certPem);
    assert.equal(extended.admin.certPem, first.admin.certPem);
    assert.notEqual(extended.serving.keyPem, first.serving.keyPem);
    const serving = x509(extended.serving.certPem);
    assert.equal(serving.checkHost('api.example.test'), 'api.example.test');
    assert.equal(serving.checkHost('foo.apps.example.test'), '*.apps.example.test');
    assert.ok(serving.checkIP('192.0.2.10') && serving.checkIP('2001:db8::7'));
    // The same names again, or fewer: covered, so nothing changes.
    assert.deepEqual((await ensureCertificates({ dir, hostnames: ['api.example.test.', '192.0.2.10', '*.apps.example.test'], ips: ['2001:0db8::0007'] })).changes, []);
    assert.deepEqual((await ensureCertificates({ dir })).changes, []);
  });

  it('renews leaf certificates near expiry, keeping the CA', async () => {
    const clock = new FakeClock(Date.now());
    const fresh = newDir();
    const created = await ensureCertificates({ dir: fresh, clock });
    clock.advance(200 * day);
    assert.deepEqual((await ensureCertificates({ dir: fresh, clock })).changes, []);
    clock.advance(100 * day);
    const renewed = await ensureCertificates({ dir: fresh, clock });
    assert.deepEqual(renewed.changes.map((change) => change.role), ['serving', 'admin']);
    assert.match(renewed.changes[0]!.reason, /^expires on /);
    assert.equal(renewed.ca.certPem, created.ca.certPem);
    assert.ok(x509(renewed.admin.certPem).validToDate.getTime() > clock.now() + 360 * day);
  });

  it('repairs leaf certificates that are missing, mismatched or from another CA', async () => {
    const fresh = newDir();
    const created = await ensureCertificates({ dir: fresh });
    await unlink(certificateFiles(fresh, 'admin').keyFile);
    const missing = await ensureCertificates({ dir: fresh });
    assert.deepEqual(missing.changes, [{ role: 'admin', reason: 'created' }]);

    await copyFile(certificateFiles(dir, 'serving').certFile, certificateFiles(fresh, 'serving').certFile);
    await copyFile(certificateFiles(dir, 'serving').keyFile, certificateFiles(fresh, 'serving').keyFile);
    const foreign = await ensureCertificates({ dir: fresh });
    assert.deepEqual(foreign.changes, [{ role: 'serving', reason: 'was not issued by the current CA' }]);

    await copyFile(certificateFiles(fresh, 'admin').keyFile, certificateFiles(fresh, 'serving').keyFile);
    const mismatched = await ensureCertificates({ dir: fresh });
    assert.deepEqual(mismatched.changes, [{ role: 'serving', reason: 'does not match its key' }]);
    assert.equal(mismatched.ca.certPem, created.ca.certPem);
  });

  it('never replaces an existing CA silently', async () => {
    const fresh = newDir();
    await ensureCertificates({ dir: fresh });
    const { certFile, keyFile } = certificateFiles(fresh, 'ca');
    const key = await readFile(keyFile, 'utf8');
    await writeFile(keyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await assert.rejects(ensureCertificates({ dir: fresh }), /does not match its key .*remove .*ca\.crt to create a new CA/);
    await unlink(keyFile);
    await assert.rejects(ensureCertificates({ dir: fresh }), /has no key/);
    await writeFile(keyFile, key);
    await assert.rejects(ensureCertificates({ dir: fresh, clock: new FakeClock(Date.now() + 3651 * day) }), /expired on/);
    await writeFile(certFile, 'not a certificate');
    await assert.rejects(ensureCertificates({ dir: fresh }), /cannot read the cluster CA/);
  });

  it('rejects names a certificate cannot hold', async () => {
    await assert.rejects(ensureCertificates({ dir: newDir(), hostnames: ['bad name'] }), /invalid host name/);
    await assert.rejects(ensureCertificates({ dir: newDir(), ips: ['300.1.1.1'] }), /invalid IP address/);
    assert.throws(() => servingNames([], ['fe80::1%eth0']), /invalid IP address/);
  });
});

describe('issueClientCertificate', () => {
  let certs: ClusterCertificates;

  it('issues a client certificate for a user and groups, with a new key', async () => {
    certs = await ensureCertificates({ dir: newDir() });
    const issued = await issueClientCertificate(certs.ca, { user: 'system:node:node-1', groups: ['system:nodes', 'team a, b'] });
    assert.ok(issued.keyPem);
    const cert = x509(issued.certPem);
    const ca = x509(certs.ca.certPem);
    assert.ok(cert.checkIssued(ca) && cert.verify(ca.publicKey));
    assert.deepEqual(identityFromCertificate(cert), { name: 'system:node:node-1', groups: ['system:nodes', 'team a, b'] });
  });

  it('certifies a given public key without returning a private key', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const issued = await issueClientCertificate(certs.ca, { user: 'alice', publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string, validityDays: 30 });
    assert.equal(issued.keyPem, undefined);
    const cert = x509(issued.certPem);
    assert.ok(cert.publicKey.equals(publicKey));
    assert.deepEqual(identityFromCertificate(cert), { name: 'alice', groups: [] });
    assert.ok(cert.validToDate.getTime() - Date.now() < 31 * day);
  });

  it('refuses identities that would not read back the same', async () => {
    await assert.rejects(issueClientCertificate(certs.ca, { user: '' }), /needs a user name/);
    await assert.rejects(issueClientCertificate(certs.ca, { user: 'we,ird "user"\nx=y+z' }), /cannot represent user/);
  });

  it('issues from an RSA CA made elsewhere (openssl)', async (t) => {
    const dir = newDir();
    const keyFile = join(scratch, 'rsa-ca.key');
    const certFile = join(scratch, 'rsa-ca.crt');
    try {
      await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '30', '-subj', '/O=Example Org/CN=Outside CA']);
    } catch (error) {
      t.skip(`openssl unavailable: ${(error as Error).message}`);
      return;
    }
    const ca = { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') };
    const issued = await issueClientCertificate(ca, { user: 'bob', groups: ['devs'] });
    const cert = x509(issued.certPem);
    assert.ok(cert.checkIssued(x509(ca.certPem)) && cert.verify(x509(ca.certPem).publicKey));
    assert.equal(cert.issuer, x509(ca.certPem).subject);
    // openssl's own verifier, which compares names strictly.
    const leafFile = join(dir + '-leaf.crt');
    await writeFile(leafFile, issued.certPem);
    const { stdout } = await promisify(execFile)('openssl', ['verify', '-purpose', 'sslclient', '-CAfile', certFile, leafFile]);
    assert.match(stdout, /: OK/);
  });
});

describe('identityFromCertificate', () => {
  it('reads CN as the user and every O as a group; refuses non-client and empty certificates', async () => {
    const certs = await ensureCertificates({ dir: newDir() });
    assert.deepEqual(identityFromCertificate(x509(certs.admin.certPem)), { name: 'kubets-admin', groups: ['system:masters'] });
    assert.equal(identityFromCertificate(x509(certs.serving.certPem)), undefined, 'a serverAuth-only certificate is no client identity');
    assert.equal(identityFromCertificate({} as never), undefined);
  });

  it('identifies TLS clients whose certificate verifies, and only them', async (t) => {
    const certs = await ensureCertificates({ dir: newDir() });
    const other = await ensureCertificates({ dir: newDir() });
    const seen: (CertificateIdentity | undefined)[] = [];
    const server = createServer({ key: certs.serving.keyPem, cert: certs.serving.certPem, ca: certs.ca.certPem, requestCert: true, rejectUnauthorized: false }, (socket: TLSSocket) => {
      seen.push(identityFromTLSSocket(socket));
      socket.end('bye');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    const port = (server.address() as { port: number }).port;
    const talk = (options: { key?: string; cert?: string }) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca: certs.ca.certPem, ...options }, () => socket.resume());
        socket.on('end', resolve).on('error', reject);
      });
    await talk({ key: certs.admin.keyPem, cert: certs.admin.certPem });
    await talk({ key: other.admin.keyPem, cert: other.admin.certPem });
    await talk({});
    assert.deepEqual(seen, [{ name: 'kubets-admin', groups: ['system:masters'] }, undefined, undefined]);
  });
});
