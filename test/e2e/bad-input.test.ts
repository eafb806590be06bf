// Bad input changes nothing and gets an upstream-shaped metav1.Status.
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCertificates } from '../../src/apiserver/certs/pki.ts';
import { e2eBackends, startTestServer, type TestServer } from '../support/test-server.ts';

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

for (const backend of e2eBackends) describe(`bad input (${backend})`, { timeout: 120_000 }, () => {
  let cluster: TestServer;
  let send: (method: string, path: string, body?: string | Buffer, headers?: Record<string, string>, identity?: { cert?: string; key?: string } | null) => Promise<Reply>;

  before(async () => {
    cluster = await startTestServer({ backend });
    const admin = { cert: cluster.certs.admin.certPem, key: cluster.certs.admin.keyPem };
    send = (method, path, body, headers = {}, identity = admin) =>
      new Promise((resolve, reject) => {
        const req = request(
          `${cluster.url}${path}`,
          { method, ca: cluster.certs.ca.certPem, ...(identity ?? {}), headers: { 'content-type': 'application/json', ...headers } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } });
            });
          },
        );
        req.on('error', reject);
        req.end(body);
      });
  });
  after(async () => {
    await cluster?.close();
  });

  /** Checks the reply is a Failure Status with the code, reason and message given. */
  function assertStatus(reply: Reply, code: number, reason: string, message?: string | RegExp): void {
    assert.equal(reply.status, code, JSON.stringify(reply.body));
    assert.equal(reply.body.kind, 'Status');
    assert.equal(reply.body.apiVersion, 'v1');
    assert.equal(reply.body.status, 'Failure');
    assert.equal(reply.body.code, code);
    assert.equal(reply.body.reason, reason);
    if (typeof message === 'string') assert.equal(reply.body.message, message);
    else if (message) assert.match(String(reply.body.message), message);
  }

  const configmaps = '/api/v1/namespaces/default/configmaps';
  const countConfigMaps = async () => ((await send('GET', configmaps)).body.items as unknown[]).length;

  it('rejects malformed JSON, YAML and protobuf', async () => {
    const before = await countConfigMaps();
    assertStatus(await send('POST', configmaps, '{"apiVersion": "v1", "kind": '), 400, 'BadRequest', /json parse error/);
    assertStatus(await send('POST', configmaps, 'apiVersion: v1\nkind: ConfigMap\n  metadata: [', { 'content-type': 'application/yaml' }), 400, 'BadRequest', /yaml/);
    assertStatus(await send('POST', configmaps, Buffer.from('k8s\0\x0a\xff\xff'), { 'content-type': 'application/vnd.kubernetes.protobuf' }), 400, 'BadRequest', /protobuf/);
    assertStatus(await send('POST', configmaps, Buffer.from('not k8s'), { 'content-type': 'application/vnd.kubernetes.protobuf' }), 400, 'BadRequest', /protobuf/);
    assertStatus(await send('POST', configmaps, 'x', { 'content-type': 'text/csv' }), 415, 'UnsupportedMediaType');
    assert.equal(await countConfigMaps(), before);
  });

  it('rejects unknown fields under Strict, warns under Warn', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'strict', labelz: { a: 'b' } }, data: { a: 'b' }, extra: 1 });
    assertStatus(
      await send('POST', `${configmaps}?fieldValidation=Strict`, body),
      400,
      'BadRequest',
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.labelz", unknown field "extra"',
    );
    assert.equal((await send('GET', `${configmaps}/strict`)).status, 404);
    const warned = await new Promise<{ status: number; warning: string }>((resolve, reject) => {
      const req = request(
        `${cluster.url}${configmaps}?fieldValidation=Warn`,
        { method: 'POST', ca: cluster.certs.ca.certPem, cert: cluster.certs.admin.certPem, key: cluster.certs.admin.keyPem, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, warning: String(res.headers.warning ?? '') }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    assert.equal(warned.status, 201);
    assert.match(warned.warning, /299 - "unknown field \\"extra\\""/);
    assertStatus(await send('POST', `${configmaps}?fieldValidation=Sometimes`, body), 400, 'BadRequest', /fieldValidation/);
    const duplicate = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup","name":"dup2"}}';
    assertStatus(
      await send('POST', `${configmaps}?fieldValidation=Strict`, duplicate),
      400,
      'BadRequest',
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "metadata.name"',
    );
  });

  it('rejects kinds and versions the URL does not serve', async () => {
    assertStatus(await send('POST', configmaps, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } })), 400, 'BadRequest', /kind/);
    assertStatus(await send('POST', configmaps, JSON.stringify({ apiVersion: 'v2', kind: 'ConfigMap', metadata: { name: 'x' } })), 400, 'BadRequest', /API version/);
    assertStatus(await send('GET', '/api/v1/namespaces/default/widgets'), 404, 'NotFound');
    assertStatus(await send('GET', '/apis/apps/v9/deployments'), 404, 'NotFound');
  });

  it('rejects a body namespace that differs from the URL', async () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere', namespace: 'kube-system' } });
    assertStatus(await send('POST', configmaps, body), 400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
    assert.equal((await send('GET', '/api/v1/namespaces/kube-system/configmaps/elsewhere')).status, 404);
  });

  it('rejects bad and too long names with 422 Invalid', async () => {
    const bad = await send('POST', configmaps, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }));
    assertStatus(bad, 422, 'Invalid', /^ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    const causes = (bad.body.details as { causes: Array<{ reason: string; field: string }> }).causes;
    assert.deepEqual(causes.map((c) => [c.reason, c.field]), [['FieldValueInvalid', 'metadata.name']]);
    const long = await send('POST', configmaps, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a'.repeat(254) } }));
    assertStatus(long, 422, 'Invalid', /must be no more than 253 characters/);
    const missing = await send('POST', configmaps, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }));
    assertStatus(missing, 422, 'Invalid', /metadata\.name: Required value: name or generateName is required/);
    const label = await send('POST', configmaps, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok', labels: { 'bad key!': 'v' } } }));
    assertStatus(label, 422, 'Invalid', /metadata\.labels: Invalid value: "bad key!"/);
    assert.equal((await send('GET', `${configmaps}/ok`)).status, 404);
  });

  it('answers a stale resourceVersion with 409 Conflict', async () => {
    const created = await send('POST', configmaps, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'versioned' }, data: { v: '1' } }));
    const rv = (created.body.metadata as { resourceVersion: string }).resourceVersion;
    const update = (version: string, value: string) =>
      send('PUT', `${configmaps}/versioned`, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'versioned', resourceVersion: version }, data: { v: value } }));
    assert.equal((await update(rv, '2')).status, 200);
    assertStatus(
      await update(rv, '3'),
      409,
      'Conflict',
      'Operation cannot be fulfilled on configmaps "versioned": the object has been modified; please apply your changes to the latest version and try again',
    );
    assert.deepEqual((await send('GET', `${configmaps}/versioned`)).body.data, { v: '2' });
  });

  it('answers a body over 3 MiB with 413', async () => {
    const big = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { a: 'x'.repeat(3 * 1024 * 1024) } });
    assertStatus(await send('POST', configmaps, big), 413, 'RequestEntityTooLarge', /limit is 3145728/);
    assert.equal((await send('GET', `${configmaps}/big`)).status, 404);
  });

  it('answers anonymous, bad-token and foreign-certificate requests with 401, but serves health and version', async () => {
    assertStatus(await send('GET', '/api/v1/namespaces', undefined, {}, null), 401, 'Unauthorized');
    assertStatus(await send('GET', '/api/v1/namespaces', undefined, { authorization: 'Bearer nope' }, null), 401, 'Unauthorized');
    // An admin certificate from another cluster's CA does not verify, so the request is anonymous.
    const other = await ensureCertificates({ dir: mkdtempSync(join(tmpdir(), 'kubets-other-ca-')) });
    assertStatus(await send('GET', '/api/v1/namespaces', undefined, {}, { cert: other.admin.certPem, key: other.admin.keyPem }), 401, 'Unauthorized');
    assert.equal((await send('GET', '/healthz', undefined, {}, null)).status, 200);
    assert.equal((await send('GET', '/version', undefined, {}, null)).status, 200);
    assert.equal((await send('GET', '/readyz?verbose', undefined, {}, null)).body.text?.toString().includes('readyz check passed'), true);
  });
});
