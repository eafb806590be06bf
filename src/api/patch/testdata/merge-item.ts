/**
 * The test types of upstream's strategic merge patch tests (MergeItem and
 * RetainKeysMergeItem in k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go), as
 * schema TypeDefs, for the vectors in upstream-smp-cases.json.
 */
import type { FieldDef, FieldOptions, ResolvedType, TypeDef } from '../../schema/types.ts';

const str: ResolvedType = { kind: 'scalar', scalar: 'string' };
const int: ResolvedType = { kind: 'scalar', scalar: 'int64' };
const msg = (name: string): ResolvedType => ({ kind: 'message', name });
const list = (items: ResolvedType): ResolvedType => ({ kind: 'list', items });
const map = (values: ResolvedType): ResolvedType => ({ kind: 'map', values });

function field(name: string, type: ResolvedType, options: FieldOptions = {}): FieldDef {
  return { ...options, name, number: 0, type };
}

function typeDef(name: string, fields: FieldDef[]): TypeDef {
  return { name, fields, fieldsByName: new Map(fields.map((f) => [f.name, f])), fieldsByNumber: new Map() };
}

export const mergeItem = typeDef('test.MergeItem', [
  field('name', str),
  field('value', str),
  field('other', str),
  field('mergingList', list(msg('test.MergeItem')), { patchStrategy: 'merge', patchMergeKey: 'name' }),
  field('nonMergingList', list(msg('test.MergeItem'))),
  field('mergingIntList', list(int), { patchStrategy: 'merge' }),
  field('nonMergingIntList', list(int)),
  field('mergeItemPtr', msg('test.MergeItem'), { pointer: true, patchStrategy: 'merge', patchMergeKey: 'name' }),
  field('simpleMap', map(str)),
  field('replacingItem', { kind: 'wellKnown', name: 'io.k8s.apimachinery.pkg.runtime.RawExtension' }, { patchStrategy: 'replace' }),
  field('retainKeysMap', msg('test.RetainKeysMergeItem'), { patchStrategy: 'retainKeys' }),
  field('retainKeysMergingList', list(msg('test.MergeItem')), { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' }),
]);

export const retainKeysMergeItem = typeDef('test.RetainKeysMergeItem', [
  field('name', str),
  field('value', str),
  field('other', str),
  field('simpleMap', map(str)),
  field('mergingIntList', list(int), { patchStrategy: 'merge' }),
  field('mergingList', list(msg('test.MergeItem')), { patchStrategy: 'merge', patchMergeKey: 'name' }),
  field('nonMergingList', list(msg('test.MergeItem'))),
]);

const testTypes = new Map([mergeItem, retainKeysMergeItem].map((t) => [t.name, t]));

/** The resolver for the test types. */
export const resolveTestType = (name: string): TypeDef | undefined => testTypes.get(name);
