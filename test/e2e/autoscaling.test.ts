// HorizontalPodAutoscalers against a real server and its control plane, driven by real
// kubectl as in the seed: `kubectl autoscale deployment x --min=2 --max=6
// --cpu-percent=80` sets the deployment to its minimum at once through the scale
// subresource, a count above the maximum comes down, and without a metrics API the
// autoscaler reports ScalingActive False as upstream does without metrics-server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

describe('horizontal pod autoscaler', { timeout: 60_000 }, () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startTestCluster({ nodes: 1 });
  });
  after(async () => {
    await cluster?.close();
  });

  const kubectl = (...args: string[]) => cluster.kubectlOk(...args);
  const replicas = async () => Number(await kubectl('get', 'deployment', 'myautoscale', '-o', 'jsonpath={.spec.replicas}'));
  const events = async (reason: string) => (await kubectl('get', 'events', '--field-selector', `reason=${reason}`, '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}')).split('\n').filter(Boolean);

  it('sets the target to the minimum at once (seed: kubectl autoscale)', async () => {
    await kubectl('create', 'deployment', 'myautoscale', '--image=latest123/apache');
    assert.equal(await kubectl('autoscale', 'deployment', 'myautoscale', '--min=2', '--max=6', '--cpu-percent=80'), 'horizontalpodautoscaler.autoscaling/myautoscale autoscaled\n');
    await until(async () => (await replicas()) === 2, 'the deployment at the minimum', 20_000);
    await until(async () => (await events('SuccessfulRescale')).length > 0, 'a SuccessfulRescale event', 20_000);
    assert.deepEqual(await events('SuccessfulRescale'), ['New size: 2; reason: Current number of replicas below Spec.MinReplicas']);
    await until(async () => (await kubectl('get', 'hpa', 'myautoscale', '-o', 'jsonpath={.status.desiredReplicas}')) === '2', 'the status', 20_000);
    assert.match(await kubectl('get', 'hpa'), /^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\nmyautoscale\s+Deployment\/myautoscale\s+cpu: <unknown>\/80%\s+2\s+6\s+1\s+\d+s\n$/);
    const conditions = JSON.parse(await kubectl('get', 'hpa', 'myautoscale', '-o', 'jsonpath={.status.conditions}')) as Array<{ type: string; status: string; reason: string; message: string }>;
    assert.deepEqual(
      conditions.map((c) => [c.type, c.status, c.reason, c.message]),
      [['AbleToScale', 'True', 'SucceededRescale', 'the HPA controller was able to update the target scale to 2']],
    );
  });

  it('brings a count above the maximum down', async () => {
    await kubectl('scale', 'deployment', 'myautoscale', '--current-replicas=2', '--replicas=5');
    await kubectl('patch', 'hpa', 'myautoscale', '--type=merge', '-p', '{"spec":{"minReplicas":1,"maxReplicas":3}}');
    await until(async () => (await replicas()) === 3, 'the deployment at the maximum', 20_000);
    await until(async () => (await events('SuccessfulRescale')).includes('New size: 3; reason: Current number of replicas above Spec.MaxReplicas'), 'the rescale event', 20_000);
  });

  it('reports that it cannot compute a count without a metrics API', async () => {
    await kubectl('patch', 'hpa', 'myautoscale', '--type=merge', '-p', '{"spec":{"maxReplicas":4}}');
    await until(async () => (await kubectl('get', 'hpa', 'myautoscale', '-o', 'jsonpath={.status.conditions[?(@.type=="ScalingActive")].reason}')) === 'FailedGetResourceMetric', 'ScalingActive False', 20_000);
    assert.equal(
      await kubectl('get', 'hpa', 'myautoscale', '-o', 'jsonpath={.status.conditions[?(@.type=="ScalingActive")].message}'),
      'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
    );
    assert.equal(await replicas(), 3);
    const describe = await kubectl('describe', 'hpa', 'myautoscale');
    assert.match(describe, /ScalingActive\s+False\s+FailedGetResourceMetric/);
    assert.match(describe, /Min replicas:\s+1\nMax replicas:\s+4/);
    await until(async () => (await events('FailedComputeMetricsReplicas')).length > 0, 'a FailedComputeMetricsReplicas event', 20_000);
    assert.match((await events('FailedComputeMetricsReplicas'))[0]!, /^invalid metrics \(1 invalid out of 1\), first error is: failed to get cpu resource metric value: failed to get cpu utilization: /);
  });
});
