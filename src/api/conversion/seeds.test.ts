/**
 * The old-version manifests of the seed tutorials (shared/seeds/*.txt: Deployments as
 * extensions/v1beta1, ReplicaSets and DaemonSets as apps/v1beta2, CronJobs as
 * batch/v1beta1, Ingresses as extensions/v1beta1 with serviceName/servicePort) converted to
 * their storage versions. The manifests are copied here so the test runs without shared/;
 * when shared/seeds is there, every old-version manifest found in it is checked too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDefaults } from '../defaults/index.ts';
import { convert, parseApiVersion, storageVersionOf } from './index.ts';
import { parse } from 'yaml';
import { wire } from './testutil.ts';
import { seedManifests } from '../../../test/support/seed-manifests.ts';

type Obj = Record<string, unknown>;

const inline: Record<string, string> = {
  'nginx-deployment-dev (extensions/v1beta1 Deployment)': `
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: nginx-deployment-dev
spec:
  replicas: 1
  template:
    metadata:
      labels:
        app: nginx-deployment-dev
    spec:
      containers:
      - name: nginx-deployment-dev
        image: nginx:1.7.9
        ports:
        - containerPort: 80`,
  'nginx-deployment (apps/v1beta2 Deployment)': `
apiVersion: apps/v1beta2
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.7.9
        ports:
        - containerPort: 80`,
  'nginx-deployment (apps/v1beta1 Deployment)': `
apiVersion: apps/v1beta1
kind: Deployment
metadata:
  name: nginx-deployment
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
        - containerPort: 80`,
  'kubia (apps/v1beta2 ReplicaSet)': `
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
        image: luksa/kubia`,
  'ssd-monitor (apps/v1beta2 DaemonSet)': `
apiVersion: apps/v1beta2
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector:
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: main
        image: luksa/ssd-monitor`,
  'batch-job-every-fifteen-minutes (batch/v1beta1 CronJob)': `
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: batch-job-every-fifteen-minutes
spec:
  schedule: "0,15,30,45 * * * *"
  startingDeadlineSeconds: 15
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
            image: luksa/batch-job`,
  'kubia (extensions/v1beta1 Ingress, several paths and hosts)': `
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /kubia
        backend:
          serviceName: kubia
          servicePort: 80
      - path: /foo
        backend:
          serviceName: bar
          servicePort: 80
  - host: bar.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: bar
          servicePort: 80`,
  'kubia (extensions/v1beta1 Ingress with TLS)': `
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  tls:
  - hosts:
    - kubia.example.com
    secretName: tls-secret
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80`,
};

const oldVersions = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2', 'batch/v1beta1', 'autoscaling/v1', 'events.k8s.io/v1']);

const seeds = seedManifests()
  .filter(({ object }) => oldVersions.has(String(object.apiVersion)))
  .map(({ name, object }) => ({ name: `${name} ${String(object.apiVersion)} ${String(object.kind)}`, object }));

const spec = (o: Obj) => (o.spec ?? {}) as Obj;

/** Converts an old-version manifest to storage and checks what it means survived. */
function checkToStorage(original: Obj): Obj {
  const { group } = parseApiVersion(String(original.apiVersion));
  const target = storageVersionOf(group, String(original.kind));
  const stored = convert(original, target.apiVersion);
  assert.equal(stored.apiVersion, target.apiVersion);
  assert.equal(stored.kind, target.kind);
  assert.deepEqual(stored.metadata, original.metadata);
  assert.doesNotThrow(() => wire(stored));
  switch (original.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'CronJob':
      // Same spec: replicas, selector, template (containers, images, ports), schedule.
      assert.deepEqual(stored.spec, original.spec);
      break;
    case 'Ingress': {
      assert.equal(spec(stored).backend, undefined);
      const rules = (spec(original).rules ?? []) as Obj[];
      const storedRules = (spec(stored).rules ?? []) as Obj[];
      assert.equal(storedRules.length, rules.length);
      rules.forEach((rule, i) => {
        assert.equal(storedRules[i]!.host, rule.host);
        const paths = ((rule.http as Obj | undefined)?.paths ?? []) as Obj[];
        const storedPaths = ((storedRules[i]!.http as Obj).paths ?? []) as Obj[];
        paths.forEach((p, j) => {
          const b = p.backend as Obj;
          const port = typeof b.servicePort === 'number' ? { number: b.servicePort } : { name: b.servicePort };
          assert.deepEqual(storedPaths[j], { path: p.path, backend: { service: { name: b.serviceName, port } } });
        });
      });
      assert.deepEqual(spec(stored).tls, spec(original).tls);
      break;
    }
    default:
      assert.fail(`unexpected kind ${String(original.kind)}`);
  }
  // And back: an old client reading what it wrote sees it again.
  assert.deepEqual(convert(stored, String(original.apiVersion)), original);
  return stored;
}

describe('seed manifests (old versions) -> storage', () => {
  for (const [name, text] of Object.entries(inline)) {
    it(name, () => {
      checkToStorage(parse(text) as Obj);
    });
  }

  it('the Ingress backends become service {name, port: {number}}', () => {
    const stored = checkToStorage(parse(inline['kubia (extensions/v1beta1 Ingress with TLS)']!) as Obj);
    assert.deepEqual(stored.spec, {
      tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }],
      rules: [{ host: 'kubia.example.com', http: { paths: [{ path: '/', backend: { service: { name: 'kubia-nodeport', port: { number: 80 } } } }] } }],
    });
  });

  it('with the old version defaulted first (as upstream decodes), the stored objects are complete', () => {
    // extensions/v1beta1 and apps/v1beta1 Deployments have no selector: their defaults take
    // the template's labels, which apps/v1 then keeps.
    for (const [name, text] of Object.entries(inline)) {
      const object = parse(text) as Obj;
      const { group, version } = parseApiVersion(String(object.apiVersion));
      applyDefaults(group, version, String(object.kind), object);
      const target = storageVersionOf(group, String(object.kind));
      const stored = convert(object, target.apiVersion);
      if (['Deployment', 'ReplicaSet', 'DaemonSet'].includes(String(object.kind))) {
        const template = spec(stored).template as { metadata: { labels: Obj } };
        assert.deepEqual(spec(stored).selector, { matchLabels: template.metadata.labels }, name);
      }
      assert.doesNotThrow(() => wire(stored), name);
    }
  });
});

describe('seed manifests found in shared/seeds', { skip: seeds.length === 0 ? 'shared/seeds is not here' : false }, () => {
  it('has the old-version manifests the tutorials use', () => {
    const kinds = new Set(seeds.map((s) => `${String(s.object.apiVersion)} ${String(s.object.kind)}`));
    for (const k of ['extensions/v1beta1 Deployment', 'extensions/v1beta1 Ingress', 'apps/v1beta2 ReplicaSet', 'apps/v1beta2 DaemonSet', 'batch/v1beta1 CronJob']) {
      assert.ok(kinds.has(k), k);
    }
  });
  for (const { name, object } of seeds) {
    it(name, () => {
      checkToStorage(object);
    });
  }
});
