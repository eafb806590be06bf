// ResourceQuota and LimitRange against a real server, its control plane and hollow nodes,
// driven by real kubectl: the quota controller filling status, admission refusing the
// pod over the limit with upstream's message and charging the ones it lets in, pods
// without requests refused under a compute quota, LimitRange defaults filled into
// containers (and the QoS class that follows), and min/max enforced.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.d.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

const limitRange = (namespace: string, extra = '') => `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: ${namespace}
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
      memory: 128Mi${extra}
`;

describe('resource quota and limit ranges', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startTestCluster({ nodes: 1 });
  });
  after(async () => {
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);
  const apply = (yaml: string) => cluster.kubectl.ok(['apply', '-f', '-'], { input: yaml });
  const jsonpath = (kind: string, name: string, path: string, namespace = 'default') => kubectl('get', kind, name, '-n', namespace, '-o', `jsonpath={${path}}`);

  it('refuses the pod that would exceed the quota, with upstream message, and lets it in once there is room', async () => {
    await kubectl('create', 'quota', 'pod-quota', '--hard=pods=2,count/configmaps=1');
    await until(async () => (await jsonpath('quota', 'pod-quota', '.status.used.pods')) === '0', 'the quota status', 20_000);
    assert.equal(await jsonpath('quota', 'pod-quota', '.status.hard.pods'), '2');
    await kubectl('run', 'p1', '--image=nginx');
    await kubectl('run', 'p2', '--image=nginx');
    const refused = await cluster.kubectl.run(['run', 'p3', '--image=nginx']);
    assert.notEqual(refused.code, 0);
    assert.equal(refused.stderr.trim(), 'Error from server (Forbidden): pods "p3" is forbidden: exceeded quota: pod-quota, requested: pods=1, used: pods=2, limited: pods=2');
    assert.equal(await jsonpath('quota', 'pod-quota', '.status.used.pods'), '2');
    assert.match(await kubectl('describe', 'quota', 'pod-quota'), /Resource\s+Used\s+Hard\n-+\s+-+\s+-+\ncount\/configmaps\s+0\s+1\npods\s+2\s+2/);
    assert.match(await kubectl('get', 'quota', 'pod-quota'), /^NAME\s+AGE\s+REQUEST\s+LIMIT\npod-quota\s+\d+s\s+count\/configmaps: 0\/1, pods: 2\/2\s*\n$/);

    await kubectl('create', 'configmap', 'one', '--from-literal=a=b');
    const second = await cluster.kubectl.run(['create', 'configmap', 'two', '--from-literal=a=b']);
    assert.match(second.stderr, /configmaps "two" is forbidden: exceeded quota: pod-quota, requested: count\/configmaps=1, used: count\/configmaps=1, limited: count\/configmaps=1/);

    await kubectl('delete', 'pod', 'p1', '--wait=true');
    await until(async () => (await jsonpath('quota', 'pod-quota', '.status.used.pods')) === '1', 'the quota to free a pod', 20_000);
    await kubectl('run', 'p3', '--image=nginx');
    assert.equal(await jsonpath('quota', 'pod-quota', '.status.used.pods'), '2');
  });

  it('refuses pods that do not say what they need under a compute quota', async () => {
    await kubectl('create', 'namespace', 'compute');
    await kubectl('create', 'quota', 'compute', '-n', 'compute', '--hard=requests.cpu=1,limits.cpu=2,requests.memory=1Gi');
    await until(async () => (await jsonpath('quota', 'compute', '.status.used', 'compute')) !== '', 'the compute quota status', 20_000);
    const refused = await cluster.kubectl.run(['run', 'bare', '-n', 'compute', '--image=nginx']);
    assert.equal(
      refused.stderr.trim(),
      'Error from server (Forbidden): pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: bare; requests.cpu for: bare; requests.memory for: bare',
    );
    // With a LimitRange filling in defaults the same pod is admitted and charged.
    await apply(limitRange('compute'));
    await kubectl('run', 'bare', '-n', 'compute', '--image=nginx');
    assert.equal(await jsonpath('quota', 'compute', '.status.used.requests\\.cpu', 'compute'), '250m');
    assert.equal(await jsonpath('quota', 'compute', '.status.used.limits\\.cpu', 'compute'), '500m');
    assert.equal(await jsonpath('quota', 'compute', '.status.used.requests\\.memory', 'compute'), '128Mi');
    await kubectl('run', 'big', '-n', 'compute', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"700m"},"limits":{"cpu":"1"}}}]}}');
    const over = await cluster.kubectl.run(['run', 'bigger', '-n', 'compute', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"bigger","image":"nginx","resources":{"requests":{"cpu":"100m"},"limits":{"cpu":"1"}}}]}}']);
    assert.equal(
      over.stderr.trim(),
      'Error from server (Forbidden): pods "bigger" is forbidden: exceeded quota: compute, requested: limits.cpu=1,requests.cpu=100m, used: limits.cpu=1500m,requests.cpu=950m, limited: limits.cpu=2,requests.cpu=1',
    );
  });

  it('fills LimitRange defaults into containers, with the QoS class that follows', async () => {
    await kubectl('create', 'namespace', 'limits');
    await apply(limitRange('limits', '\n    max:\n      cpu: "1"\n    min:\n      cpu: 100m'));
    await kubectl('run', 'defaulted', '-n', 'limits', '--image=nginx');
    const pod = JSON.parse(await kubectl('get', 'pod', 'defaulted', '-n', 'limits', '-o', 'json')) as Pod;
    assert.deepEqual(pod.spec?.containers[0]?.resources, { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    assert.equal(pod.metadata?.annotations?.['kubernetes.io/limit-ranger'], 'LimitRanger plugin set: cpu, memory request for container defaulted; cpu, memory limit for container defaulted');
    assert.equal(pod.status?.qosClass, 'Burstable');
    assert.match(await kubectl('describe', 'limitrange', 'defaults', '-n', 'limits'), /Container\s+cpu\s+100m\s+1\s+250m\s+500m\s+-/);

    const tooBig = await cluster.kubectl.run(['run', 'huge', '-n', 'limits', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"huge","image":"nginx","resources":{"limits":{"cpu":"2"}}}]}}']);
    // Defaulting made the request equal to the limit; the limit is checked first.
    assert.equal(tooBig.stderr.trim(), 'Error from server (Forbidden): pods "huge" is forbidden: Maximum cpu usage per Container is 1, but limit is 2.');
    const tooSmall = await cluster.kubectl.run(['run', 'tiny', '-n', 'limits', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"tiny","image":"nginx","resources":{"requests":{"cpu":"50m"}}}]}}']);
    assert.equal(tooSmall.stderr.trim(), 'Error from server (Forbidden): pods "tiny" is forbidden: Minimum cpu usage per Container is 100m, but request is 50m.');
  });
});
