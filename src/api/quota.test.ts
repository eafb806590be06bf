import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchingResources, podConstraintError, prettyPrintUsage, quotaMatches, usageOf } from './quota.ts';

const pods = { group: '', resource: 'pods' };
const pod = (containers: object[], extra: object = {}) => ({ metadata: { name: 'p' }, spec: { containers, ...extra }, status: { phase: 'Running' } });

describe('quota evaluation', () => {
  it("counts a pod's requests and limits, the largest init container included", () => {
    const usage = usageOf(
      pods,
      pod([{ name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m' } } }, { name: 'b', resources: { requests: { cpu: '250m', memory: '64Mi' } } }], {
        initContainers: [{ name: 'i', resources: { requests: { cpu: '2' } } }],
      }),
      0,
    );
    assert.equal(prettyPrintUsage(usage), 'count/pods=1,cpu=2,limits.cpu=500m,memory=128Mi,pods=1,requests.cpu=2,requests.memory=128Mi');
  });
  it('stops counting finished pods except as objects', () => {
    assert.equal(prettyPrintUsage(usageOf(pods, { ...pod([]), status: { phase: 'Succeeded' } }, 0)), 'count/pods=1');
  });
  it('counts node ports of NodePort services and object counts by group', () => {
    assert.equal(prettyPrintUsage(usageOf({ group: '', resource: 'services' }, { spec: { type: 'NodePort', ports: [{}, {}] } }, 0)), 'count/services=1,services=1,services.nodeports=2');
    assert.equal(prettyPrintUsage(usageOf({ group: 'apps', resource: 'deployments' }, {}, 0)), 'count/deployments.apps=1');
  });
  it('matches quotas by the resources they limit and their scopes', () => {
    const quota = (scopes: string[]) => ({ spec: { scopes }, status: { hard: { pods: '2' } } });
    assert.deepEqual(matchingResources(pods, ['pods', 'services', 'requests.cpu', 'count/pods']), ['pods', 'requests.cpu', 'count/pods']);
    assert.equal(quotaMatches(quota([]), pods, pod([])), true);
    assert.equal(quotaMatches(quota(['BestEffort']), pods, pod([])), true);
    assert.equal(quotaMatches(quota(['NotBestEffort']), pods, pod([])), false);
    assert.equal(quotaMatches(quota(['Terminating']), pods, pod([], { activeDeadlineSeconds: 5 })), true);
    assert.equal(quotaMatches(quota([]), { group: '', resource: 'configmaps' }, {}), false);
  });
  it('asks every container to say what it needs of a quota-limited compute resource', () => {
    const p = pod([{ name: 'a' }, { name: 'b', resources: { requests: { cpu: '1' } } }]);
    assert.equal(podConstraintError(['requests.cpu', 'limits.cpu', 'pods'], p), 'must specify limits.cpu for: a,b; requests.cpu for: a');
    assert.equal(podConstraintError(['pods'], p), undefined);
  });
});
