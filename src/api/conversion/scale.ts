/**
 * The scale subresource's old kinds (extensions/v1beta1, apps/v1beta1, apps/v1beta2 Scale)
 * <-> autoscaling/v1 Scale, as upstream's Convert_*_ScaleStatus functions: the old status has
 * `selector` as a label map (only when the selector has no set-based requirements) and the
 * selector string as `targetSelector`; autoscaling/v1 has the string as `selector`.
 */
import { parseToLabelSelector, selectorFromSet } from '../../apimachinery/labels.ts';
import { clone, ConversionError, isObject, objectAt, type JsonObject } from './util.ts';

/** extensions/v1beta1, apps/v1beta1 or apps/v1beta2 Scale -> autoscaling/v1. */
export function scaleToV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const status = objectAt(out, 'status');
  if (!status) return out;
  const { targetSelector, selector } = status;
  delete status.targetSelector;
  delete status.selector;
  // The string wins when both are set: the fields are read-only, either is right.
  let s = '';
  if (typeof targetSelector === 'string' && targetSelector !== '') s = targetSelector;
  else if (isObject(selector)) s = selectorFromSet(selector as Record<string, string>).toString();
  if (s !== '') status.selector = s;
  return out;
}

/** autoscaling/v1 Scale -> extensions/v1beta1, apps/v1beta1 or apps/v1beta2. */
export function scaleFromV1(input: JsonObject): JsonObject {
  const out = clone(input);
  const status = objectAt(out, 'status');
  if (!status) return out;
  const selector = typeof status.selector === 'string' ? status.selector : '';
  delete status.selector;
  delete status.targetSelector;
  let parsed: ReturnType<typeof parseToLabelSelector>;
  try {
    parsed = parseToLabelSelector(selector);
  } catch (e) {
    throw new ConversionError(`failed to parse selector: ${(e as Error).message}`);
  }
  if (parsed.matchExpressions.length === 0 && Object.keys(parsed.matchLabels).length > 0) status.selector = parsed.matchLabels;
  if (selector !== '') status.targetSelector = selector;
  return out;
}
