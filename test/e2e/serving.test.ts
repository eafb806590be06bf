// What the server answers besides resources: root paths, health, metrics, tokens.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseTokenFile } from '../../src/apiserver/authn/token-file.ts';
import { buildKubeconfig } from '../../src/apiserver/certs/kubeconfig.ts';
import { ApiClient } from '../support/api-client.ts';
import { Kubectl } from '../support/kubectl.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('serving', { timeout: 60_000 }, () => {
  let cluster: TestServer;
  let api: ApiClient;

  before(async () => {
    cluster = await startTestServer({ tokens: parseTokenFile('s3cr3t-token,alice,1001,"devs,qa"\n') });
    api = new ApiClient(cluster);
  });
  after(async () => {
    await cluster?.close();
  });

  it('lists its paths at /', async () => {
    const paths = (await api.send<{ paths: string[] }>('GET', '/')).body.paths;
    for (const path of ['/api', '/api/v1', '/apis', '/apis/apps/v1', '/healthz', '/livez', '/readyz', '/metrics', '/openapi/v2', '/openapi/v3', '/version']) {
      assert.ok(paths.includes(path), `GET / lists ${path}`);
    }
    assert.deepEqual(paths, [...paths].sort());
  });

  it('reports health with per-check detail', async () => {
    assert.equal((await api.send('GET', '/livez')).body.text, 'ok');
    const verbose = String((await api.send('GET', '/readyz?verbose')).body.text);
    assert.match(verbose, /^\[\+\]ping ok\n/);
    assert.match(verbose, /\[\+\]etcd ok\n/);
    assert.match(verbose, /readyz check passed\n$/);
    assert.equal((await api.send('GET', '/healthz/etcd')).body.text, 'ok');
    assert.equal((await api.send('GET', '/healthz/nope')).status, 404);
  });

  it('counts requests and their latency in Prometheus format', async () => {
    await api.send('GET', '/api/v1/namespaces/default/configmaps');
    const text = String((await api.send('GET', '/metrics')).body.text);
    assert.match(text, /^apiserver_request_total\{verb="LIST",group="",version="v1",resource="configmaps",subresource="",code="200"\} \d+$/m);
    assert.match(text, /^apiserver_request_duration_seconds_bucket\{le="0\.005",verb="LIST",group="",version="v1",resource="configmaps",subresource=""\} \d+$/m);
    assert.match(text, /^process_resident_memory_bytes \d+/m);
  });

  it('authenticates bearer tokens from the token file, and tells the user who they are', async () => {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubets-token-')), 'config');
    writeFileSync(
      kubeconfig,
      buildKubeconfig({ server: cluster.url, caCertPem: cluster.certs.ca.certPem, clientCertPem: '', clientKeyPem: '' }).replace(
        /user:\n(\s+)client-certificate-data: .*\n\s+client-key-data: .*\n/,
        'user:\n$1token: s3cr3t-token\n',
      ),
    );
    const alice = new Kubectl(kubeconfig);
    const whoami = await alice.ok(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.groups}']);
    assert.equal(whoami, 'alice ["devs","qa","system:authenticated"]');
    assert.equal(await alice.ok(['auth', 'can-i', 'create', 'pods']), 'yes\n');
    const wrong = await alice.run(['get', 'ns', '--token', 'wrong']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /error: You must be logged in to the server \(Unauthorized\)/);
  });

  it('answers componentstatuses as kubectl shows them', async () => {
    const out = await cluster.kubectl.ok(['get', 'componentstatuses']);
    assert.match(out, /^NAME\s+STATUS\s+MESSAGE\s+ERROR\n/);
    assert.match(out, /\netcd-0\s+Healthy\s+ok\s*\n/);
  });
});
