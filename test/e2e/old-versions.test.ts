// The seed tutorials' manifests use API versions upstream no longer serves; kubets
// serves them again, converting to and from the stored version, with a warning.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('old API versions', { timeout: 120_000 }, () => {
  let cluster: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'kubets-old-versions-'));

  before(async () => {
    cluster = await startTestServer();
  });
  after(async () => {
    await cluster?.close();
  });

  it('creates an extensions/v1beta1 Deployment without a selector and reads it in both versions', async () => {
    const manifest = join(dir, 'nginx.yaml');
    writeFileSync(
      manifest,
      `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.7.9
        ports:
        - containerPort: 80
`,
    );
    const created = await cluster.kubectl.run(['create', '-f', manifest]);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout, 'deployment.extensions/nginx created\n');
    assert.match(created.stderr, /Warning: extensions\/v1beta1 Deployment is deprecated in v1\.8\+, unavailable in v1\.16\+; use apps\/v1 Deployment/);
    const current = JSON.parse(await cluster.kubectl.ok(['get', 'deployments.v1.apps', 'nginx', '-o', 'json'])) as { apiVersion: string; spec: { selector: unknown; revisionHistoryLimit: number } };
    assert.equal(current.apiVersion, 'apps/v1');
    assert.deepEqual(current.spec.selector, { matchLabels: { app: 'nginx' } });
    const old = JSON.parse(await cluster.kubectl.ok(['get', 'deployments.v1beta1.extensions', 'nginx', '-o', 'json'])) as { apiVersion: string; spec: { replicas: number } };
    assert.equal(old.apiVersion, 'extensions/v1beta1');
    assert.equal(old.spec.replicas, 2);
    const listed = await cluster.kubectl.run(['get', 'deploy']);
    assert.match(listed.stdout, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nnginx\s+0\/2\s+/);
    assert.equal(listed.stderr, '', 'short names stay unambiguous, so kubectl prints no warning');
  });

  it('converts an extensions/v1beta1 Ingress with serviceName and servicePort', async () => {
    const manifest = join(dir, 'ingress.yaml');
    writeFileSync(
      manifest,
      `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
`,
    );
    await cluster.kubectl.ok(['create', '-f', manifest]);
    const stored = JSON.parse(await cluster.kubectl.ok(['get', 'ingresses.v1.networking.k8s.io', 'kubia', '-o', 'json'])) as {
      spec: { rules: Array<{ http: { paths: Array<{ backend: unknown; pathType: string }> } }> };
    };
    assert.deepEqual(stored.spec.rules[0]!.http.paths[0]!.backend, { service: { name: 'kubia-nodeport', port: { number: 80 } } });
    assert.equal(stored.spec.rules[0]!.http.paths[0]!.pathType, 'ImplementationSpecific');
    const table = await cluster.kubectl.ok(['get', 'ingress']);
    assert.match(table, /kubia\s+<none>\s+kubia\.example\.com\s+80\s+/);
  });

  it('serves batch/v1beta1 CronJobs and apps/v1beta2 ReplicaSets', async () => {
    const manifest = join(dir, 'more.yaml');
    writeFileSync(
      manifest,
      `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: batch-job-every-fifteen-minutes
spec:
  schedule: "0,15,30,45 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            app: periodic-batch-job
        spec:
          restartPolicy: OnFailure
          containers:
          - name: main
            image: luksa/batch-job
---
apiVersion: apps/v1beta2
kind: ReplicaSet
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
`,
    );
    const out = await cluster.kubectl.ok(['create', '-f', manifest]);
    assert.equal(out, 'cronjob.batch/batch-job-every-fifteen-minutes created\nreplicaset.apps/kubia created\n');
    assert.match(await cluster.kubectl.ok(['get', 'cronjobs']), /batch-job-every-fifteen-minutes\s+0,15,30,45 \* \* \* \*\s+<none>\s+False\s+0\s+<none>\s+/);
    assert.match(await cluster.kubectl.ok(['get', 'rs']), /kubia\s+3\s+0\s+0\s+/);
  });
});
