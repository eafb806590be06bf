/**
 * The link to the core/v1 validators (./core/): `validatePodTemplateSpec` for workload pod
 * templates and `validateCore` for the core group. The group validators import core only
 * through this file.
 */
import type { FieldError, FieldPath } from '../../apimachinery/field.ts';
import { validateCore as coreValidate, validatePodTemplateSpec as coreValidatePodTemplateSpec } from './core/index.ts';

/** Options passed through to the core pod template validation. */
export interface PodTemplateOptions {
  /** The old template on update, for upstream's ratcheting of already-stored values. */
  oldTemplate?: Record<string, unknown>;
}

/** Core's pod template validation (labels, annotations, pod spec). */
export function validatePodTemplateSpec(template: Record<string, unknown>, path: FieldPath, options?: PodTemplateOptions): FieldError[] {
  return coreValidatePodTemplateSpec(template, path, options?.oldTemplate ? { oldTemplate: options.oldTemplate } : {});
}

/** Core group validation (group ''). */
export function validateCore(kind: string, object: Record<string, unknown>, old?: Record<string, unknown>): FieldError[] {
  return coreValidate(kind, object, old);
}
