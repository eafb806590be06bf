import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DaemonSet } from 'kubernetes-types/apps/v1.d.ts';
import type { Node } from 'kubernetes-types/core/v1.d.ts';
import { daemonPodTolerations, nodeShouldRunDaemonPod, pinToNode, rollingUpdateBudget, scaledValue, targetNodeName } from './daemon-pods.ts';

const node = (name: string, labels: Record<string, string> = {}, taints: NonNullable<Node['spec']>['taints'] = []): Node => ({ metadata: { name, labels }, spec: { taints } });
const ds = (spec: Partial<NonNullable<DaemonSet['spec']>['template']['spec']> = {}): DaemonSet => ({
  metadata: { name: 'd', namespace: 'default' },
  spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c' }], ...spec } } },
});

describe('daemon pods', () => {
  it('run where nodeSelector and required affinity match, and the node name if one is set', () => {
    assert.equal(nodeShouldRunDaemonPod(node('n1'), ds()).shouldRun, true);
    assert.deepEqual(nodeShouldRunDaemonPod(node('n1'), ds({ nodeSelector: { disk: 'ssd' } })), { shouldRun: false, shouldContinueRunning: false });
    assert.equal(nodeShouldRunDaemonPod(node('n1', { disk: 'ssd' }), ds({ nodeSelector: { disk: 'ssd' } })).shouldRun, true);
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } };
    assert.equal(nodeShouldRunDaemonPod(node('n1', { zone: 'b' }), ds({ affinity })).shouldRun, false);
    assert.equal(nodeShouldRunDaemonPod(node('n1', { zone: 'a' }), ds({ affinity })).shouldRun, true);
    assert.equal(nodeShouldRunDaemonPod(node('n1'), ds({ nodeName: 'n2' })).shouldRun, false);
  });

  it('NoSchedule taints stop new pods only; NoExecute ones remove them; the daemon tolerations let pods onto cordoned and not-ready nodes', () => {
    assert.deepEqual(nodeShouldRunDaemonPod(node('n', {}, [{ key: 'k', effect: 'NoSchedule' }]), ds()), { shouldRun: false, shouldContinueRunning: true });
    assert.deepEqual(nodeShouldRunDaemonPod(node('n', {}, [{ key: 'k', effect: 'NoExecute' }]), ds()), { shouldRun: false, shouldContinueRunning: false });
    assert.equal(nodeShouldRunDaemonPod(node('n', {}, [{ key: 'k', effect: 'NoExecute' }]), ds({ tolerations: [{ key: 'k', operator: 'Exists' }] })).shouldRun, true);
    const cordoned = node('n', {}, [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
    ]);
    assert.equal(nodeShouldRunDaemonPod(cordoned, ds()).shouldRun, true);
  });

  it('adds the daemon tolerations once, replacing a same toleration with a time limit', () => {
    const tolerations = daemonPodTolerations({ containers: [], hostNetwork: true, tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] });
    assert.equal(tolerations.length, 7);
    assert.deepEqual(tolerations[0], { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' });
    assert.equal(tolerations[6]!.key, 'node.kubernetes.io/network-unavailable');
  });

  it('pins pods to a node by affinity and reads the node back', () => {
    const affinity = pinToNode({ podAntiAffinity: {} }, 'n3');
    assert.deepEqual(affinity.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution, { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n3'] }] }] });
    assert.deepEqual(affinity.podAntiAffinity, {});
    assert.equal(targetNodeName({ spec: { containers: [], affinity } }), 'n3');
    assert.equal(targetNodeName({ spec: { containers: [], nodeName: 'n1', affinity } }), 'n1');
  });

  it('scales int-or-percent budgets, rounding up', () => {
    assert.equal(scaledValue('30%', 10, true, 0), 3);
    assert.equal(scaledValue('25%', 3, true, 0), 1);
    assert.equal(scaledValue(2, 10, true, 0), 2);
    assert.deepEqual(rollingUpdateBudget({ spec: { selector: {}, template: {}, updateStrategy: { rollingUpdate: { maxUnavailable: '50%' } } } }, 5), { maxSurge: 0, maxUnavailable: 3 });
    assert.deepEqual(rollingUpdateBudget({ spec: { selector: {}, template: {}, updateStrategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } } }, 5), { maxSurge: 1, maxUnavailable: 0 });
  });
});
