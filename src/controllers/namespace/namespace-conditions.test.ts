import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { updatedConditions } from './namespace-conditions.ts';

const clean = { errors: [], remaining: new Map<string, number>(), finalizers: new Map<string, number>() };

describe('namespace deletion conditions', () => {
  it('reports every condition False when all content went', () => {
    const conditions = updatedConditions(undefined, clean, 't0')!;
    assert.deepEqual(
      conditions.map((c) => [c.type, c.status, c.reason]),
      [
        ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
        ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
        ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
        ['NamespaceContentRemaining', 'False', 'ContentRemoved'],
        ['NamespaceFinalizersRemaining', 'False', 'ContentRemoved'],
      ],
    );
    assert.equal(updatedConditions(conditions, clean, 't1'), undefined, 'nothing changed');
  });

  it('reports remaining content, finalizers and failures with upstream messages', () => {
    const before = updatedConditions(undefined, clean, 't0')!;
    const report = {
      errors: ['unexpected items still remain in namespace: x for gvr: /v1, Resource=pods'],
      remaining: new Map([['pods.', 2], ['configmaps.', 1]]),
      finalizers: new Map([['example.com/hold', 1]]),
    };
    const after = updatedConditions(before, report, 't1')!;
    const byType = new Map(after.map((c) => [c.type, c]));
    assert.deepEqual(byType.get('NamespaceContentRemaining'), {
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: 't1',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: configmaps. has 1 resource instances, pods. has 2 resource instances',
    });
    assert.equal(byType.get('NamespaceFinalizersRemaining')!.message, 'Some finalizers are remaining: example.com/hold in 1 resource instances');
    assert.equal(byType.get('NamespaceFinalizersRemaining')!.reason, 'SomeFinalizerRemain');
    assert.equal(
      byType.get('NamespaceDeletionContentFailure')!.message,
      'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: x for gvr: /v1, Resource=pods',
    );
    assert.equal(byType.get('NamespaceDeletionDiscoveryFailure')!.lastTransitionTime, 't0', 'unchanged conditions keep their time');
  });
});
