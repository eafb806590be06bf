/**
 * The workloads' old versions (extensions/v1beta1, apps/v1beta1, apps/v1beta2) <-> apps/v1,
 * as upstream converts them through its internal apps types:
 * - Deployment (extensions/v1beta1, apps/v1beta1): `spec.rollbackTo` has no field in apps/v1
 *   and travels in the `deprecated.deployment.rollback.to` annotation (the revision);
 * - DaemonSet (extensions/v1beta1): `spec.templateGeneration` travels in the
 *   `deprecated.daemonset.template.generation` annotation, which apps/v1 always carries;
 * - StatefulSet (apps/v1beta1): `status.observedGeneration` is a pointer there (always
 *   printed, 0 included), an omitempty int64 in apps/v1; volumeClaimTemplates get
 *   `apiVersion: v1, kind: PersistentVolumeClaim` on the way out, as upstream sets them;
 * - everything else (ReplicaSet, the rest of the specs and statuses, all of apps/v1beta2)
 *   has the same fields and converts unchanged.
 */
import {
  arrayAt,
  clone,
  ConversionError,
  deleteAnnotations,
  ensureObject,
  formatInt64,
  getAnnotation,
  hasAnnotation,
  isObject,
  objectAt,
  parseInt64,
  present,
  setAnnotation,
  type JsonObject,
} from './util.ts';

/** appsv1.DeprecatedRollbackTo */
export const rollbackToAnnotation = 'deprecated.deployment.rollback.to';
/** appsv1.DeprecatedTemplateGeneration */
export const templateGenerationAnnotation = 'deprecated.daemonset.template.generation';

/** extensions/v1beta1 or apps/v1beta1 Deployment -> apps/v1. */
export function deploymentToV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const spec = objectAt(out, 'spec');
  const rollbackTo = spec?.rollbackTo;
  if (spec) delete spec.rollbackTo;
  if (isObject(rollbackTo)) setAnnotation(out, rollbackToAnnotation, formatInt64(rollbackTo.revision));
  else deleteAnnotations(out, rollbackToAnnotation);
  return out;
}

/** apps/v1 Deployment -> extensions/v1beta1 or apps/v1beta1. */
export function deploymentFromV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const spec = objectAt(out, 'spec');
  if (spec) delete spec.rollbackTo;
  const revision = getAnnotation(input, rollbackToAnnotation);
  if (revision) {
    let n: number;
    try {
      n = parseInt64(revision);
    } catch (e) {
      throw new ConversionError(`failed to parse annotation[${rollbackToAnnotation}]=${revision} as int64: ${(e as Error).message}`);
    }
    ensureObject(out, 'spec').rollbackTo = n === 0 ? {} : { revision: n };
    deleteAnnotations(out, rollbackToAnnotation);
  }
  return out;
}

/** extensions/v1beta1 DaemonSet -> apps/v1. */
export function daemonSetToV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const spec = objectAt(out, 'spec');
  const generation = spec?.templateGeneration;
  if (spec) delete spec.templateGeneration;
  // Upstream sets it whatever the value, 0 included.
  setAnnotation(out, templateGenerationAnnotation, formatInt64(generation));
  return out;
}

/** apps/v1 DaemonSet -> extensions/v1beta1. */
export function daemonSetFromV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const spec = objectAt(out, 'spec');
  if (spec) delete spec.templateGeneration;
  if (hasAnnotation(input, templateGenerationAnnotation)) {
    const n = parseInt64(getAnnotation(input, templateGenerationAnnotation) ?? '');
    if (n !== 0) ensureObject(out, 'spec').templateGeneration = n;
    deleteAnnotations(out, templateGenerationAnnotation);
  }
  return out;
}

/** Upstream sets each volume claim template's TypeMeta on output (kubernetes#87583). */
function stampClaimTemplates(out: JsonObject): void {
  for (const t of arrayAt(objectAt(out, 'spec'), 'volumeClaimTemplates') ?? []) {
    if (isObject(t)) {
      t.apiVersion = 'v1';
      t.kind = 'PersistentVolumeClaim';
    }
  }
}

/** apps/v1beta1 StatefulSet -> apps/v1. */
export function statefulSetV1beta1ToV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const status = objectAt(out, 'status');
  if (status && (!present(status.observedGeneration) || status.observedGeneration === 0)) delete status.observedGeneration;
  stampClaimTemplates(out);
  return out;
}

/** apps/v1 StatefulSet -> apps/v1beta1. */
export function statefulSetV1ToV1beta1(input: JsonObject): JsonObject {
  const out = clone(input);
  const status = ensureObject(out, 'status');
  if (!present(status.observedGeneration)) status.observedGeneration = 0;
  stampClaimTemplates(out);
  return out;
}
