// The status conditions a Terminating namespace reports while its content is deleted
// (upstream namespace/deletion/status_condition_utils.go): every type is always present,
// True with the failure's reason and message, or False with the "all is well" one.
import type { NamespaceCondition } from 'kubernetes-types/core/v1.d.ts';

type ConditionType =
  | 'NamespaceDeletionDiscoveryFailure'
  | 'NamespaceDeletionGroupVersionParsingFailure'
  | 'NamespaceDeletionContentFailure'
  | 'NamespaceContentRemaining'
  | 'NamespaceFinalizersRemaining';

const ok: Record<ConditionType, { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  NamespaceDeletionGroupVersionParsingFailure: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  NamespaceDeletionContentFailure: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
};

const conditionTypes = Object.keys(ok) as ConditionType[];

/** What one pass of content deletion found. */
export interface DeletionReport {
  /** Errors per resource: deleting or listing failed, or items remain without finalizers. */
  readonly errors: readonly string[];
  /** Items still there per resource, keyed `plural.group` (upstream prints the group after a dot, empty for core). */
  readonly remaining: ReadonlyMap<string, number>;
  /** Items still there per finalizer they carry. */
  readonly finalizers: ReadonlyMap<string, number>;
}

function failures(report: DeletionReport): Map<ConditionType, { reason: string; message: string }> {
  const out = new Map<ConditionType, { reason: string; message: string }>();
  if (report.errors.length > 0) {
    const messages = [...report.errors].sort();
    out.set('NamespaceDeletionContentFailure', {
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${messages.length} remaining: ${messages.join(', ')}`,
    });
  }
  const remaining = [...report.remaining].filter(([, n]) => n > 0).map(([resource, n]) => `${resource} has ${n} resource instances`);
  if (remaining.length > 0) {
    out.set('NamespaceContentRemaining', { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.sort().join(', ')}` });
  }
  const byFinalizer = [...report.finalizers].filter(([, n]) => n > 0).map(([finalizer, n]) => `${finalizer} in ${n} resource instances`);
  if (byFinalizer.length > 0) {
    out.set('NamespaceFinalizersRemaining', { reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${byFinalizer.sort().join(', ')}` });
  }
  return out;
}

/**
 * The namespace's conditions after a deletion pass, or undefined when nothing changed. A
 * condition's transition time moves only when its status flips.
 */
export function updatedConditions(current: readonly NamespaceCondition[] | undefined, report: DeletionReport, now: string): NamespaceCondition[] | undefined {
  const next = (current ?? []).map((c) => ({ ...c }));
  const failed = failures(report);
  let changed = false;
  for (const type of conditionTypes) {
    const failure = failed.get(type);
    const wanted = { type, status: failure ? 'True' : 'False', ...(failure ?? ok[type]) };
    const old = next.find((c) => c.type === type);
    if (!old) {
      next.push({ type, status: wanted.status, lastTransitionTime: now, reason: wanted.reason, message: wanted.message });
      changed = true;
    } else if (old.status !== wanted.status || old.reason !== wanted.reason || old.message !== wanted.message) {
      if (old.status !== wanted.status) old.lastTransitionTime = now;
      old.status = wanted.status;
      old.reason = wanted.reason;
      old.message = wanted.message;
      changed = true;
    }
  }
  return changed ? next : undefined;
}
