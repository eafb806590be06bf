// Label and field selectors from a list or watch query, turned into one object filter,
// with upstream's errors for bad selectors and unsupported field labels.
import { defaultMetaV1FieldSelectorConversion, fieldLabelConversion, parseAndTransformSelector } from '../apimachinery/fields.ts';
import { parseSelector } from '../apimachinery/labels.ts';
import type { GenericRegistry, ObjectFilter } from './registry/generic-registry.ts';
import { errors } from './status.ts';
import type { ApiObject } from './watch-cache.ts';

export function objectFilter(registry: GenericRegistry, query: URLSearchParams): ObjectFilter {
  const labelText = query.get('labelSelector') ?? '';
  const fieldText = query.get('fieldSelector') ?? '';
  const filters: ObjectFilter[] = [];
  if (labelText) {
    const selector = parseOrBadRequest(() => parseSelector(labelText));
    filters.push((object) => selector.matches(object.metadata.labels ?? {}));
  }
  if (fieldText) {
    const selectable = registry.strategy.selectableFields;
    // Resources without their own field labels accept only metadata.name and metadata.namespace.
    const conversion = selectable
      ? fieldLabelConversion(['metadata.name', 'metadata.namespace', ...Object.keys(selectable({ metadata: {} }))])
      : defaultMetaV1FieldSelectorConversion;
    const selector = parseOrBadRequest(() => parseAndTransformSelector(fieldText, conversion));
    const fieldsOf = (object: ApiObject): Record<string, string> => ({
      'metadata.name': String(object.metadata.name ?? ''),
      'metadata.namespace': String(object.metadata.namespace ?? ''),
      ...selectable?.(object),
    });
    filters.push((object) => selector.matches(fieldsOf(object)));
  }
  if (filters.length === 0) return () => true;
  return (object) => filters.every((filter) => filter(object));
}

function parseOrBadRequest<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw errors.badRequest((error as Error).message);
  }
}
