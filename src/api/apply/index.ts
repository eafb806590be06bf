/**
 * Server-side apply and managedFields, as kube-apiserver 1.33 does them
 * (k8s.io/apimachinery/pkg/util/managedfields/internal and
 * sigs.k8s.io/structured-merge-diff/v4). The manager chain upstream builds is reproduced
 * in order:
 *
 *   versionCheck > lastAppliedUpdater > lastAppliedManager > skipNonApplied >
 *   capManagers > buildManagerInfo > managedFieldsUpdater > stripMeta > structuredMerge
 *
 * - `updateManagedFields` is FieldManager.Update, for create, update and non-apply patch:
 *   the writer (an `Update` entry per manager, apiVersion and subresource) takes the
 *   fields it added or changed, others lose them, and everyone loses removed fields.
 * - `serverSideApply` is FieldManager.Apply: merge, prune, conflicts (409 with upstream's
 *   message and causes), force, migration from client-side apply for manager `kubectl`.
 *
 * Objects are plain JSON as the API server stores them (Go's JSON form of the versioned
 * type). Neither input is modified.
 */
import { goQuote } from '../../apimachinery/go-format.ts';
import { normalize } from '../normalize.ts';
import { getType, kindType } from '../schema/registry.ts';
import type { TypeDef } from '../schema/types.ts';
import { FieldSet, goJson, pathString, valuesEqual, type Path } from './fieldpath.ts';
import {
  changes,
  compare,
  ensureNamedFieldsAreMembers,
  isMap,
  merge,
  removeItems,
  shapeOfKind,
  toFieldSet,
  type Changes,
  type Shape,
} from './typed.ts';

export { FieldSet, FieldsV1Error, pathString, type Path, type PathElement } from './fieldpath.ts';
export { ApplyTypeError, compare, merge, shapeOfKind, toFieldSet, type Comparison, type Shape } from './typed.ts';

export type JsonObject = Record<string, unknown>;

/** metav1.ManagedFieldsEntry, JSON keys in Go's order. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

export const lastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';
/** The manager name kubectl uses for client-side apply's updates. */
export const clientSideApplyManager = 'kubectl-client-side-apply';
/** The manager whose applies upgrade client-side apply (lastAppliedManager, lastAppliedUpdater). */
export const kubectlManager = 'kubectl';
/** skipNonApplied's manager for fields set before the first apply. */
export const beforeFirstApplyManager = 'before-first-apply';
/** capManagers: Update entries beyond this many are merged into `ancient-changes`. */
export const maxUpdateManagers = 10;

/** The set of field paths an object sets, per its type (ToFieldSet); `type` undefined: no schema. */
export function fieldSetOf(type: TypeDef | undefined, object: unknown): FieldSet {
  return toFieldSet(shapeOfKind(type), object);
}

/** FieldsV1 JSON (an object whose key order is upstream's) of a set. */
export function encodeFieldsV1(set: FieldSet): Record<string, unknown> {
  return set.toFieldsV1();
}

/** A set from FieldsV1 JSON (the object, or its text). Throws FieldsV1Error. */
export function decodeFieldsV1(json: unknown): FieldSet {
  return FieldSet.fromFieldsV1(json);
}

// ---------------------------------------------------------------------------------------
// Errors

export interface ApplyStatusCause {
  readonly reason: string;
  readonly message: string;
  readonly field: string;
}

/** A failed apply or managedFields update; `toStatus()` is the body upstream answers. */
export class ApplyError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly causes: readonly ApplyStatusCause[] | undefined;
  constructor(code: number, reason: string, message: string, causes?: readonly ApplyStatusCause[]) {
    super(message);
    this.name = 'ApplyError';
    this.code = code;
    this.reason = reason;
    this.causes = causes;
  }
  toStatus(): JsonObject {
    const status: JsonObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message };
    if (this.reason) status['reason'] = this.reason;
    if (this.causes) status['details'] = { causes: this.causes.map((c) => ({ ...c })) };
    status['code'] = this.code;
    return status;
  }
}

export interface Conflict {
  /** The manager identifier (JSON of the entry's manager, operation, apiVersion for updates, subresource). */
  readonly manager: string;
  readonly path: Path;
}

/** 409 Conflict (errors.NewApplyConflict) with a FieldManagerConflict cause per conflicting field. */
export class ApplyConflictError extends ApplyError {
  readonly conflicts: readonly Conflict[];
  constructor(conflicts: readonly Conflict[]) {
    super(
      409,
      'Conflict',
      conflictMessage(conflicts),
      conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: pathString(c.path) })),
    );
    this.name = 'ApplyConflictError';
    this.conflicts = conflicts;
  }
}

function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) {
    const c = conflicts[0]!;
    return `Apply failed with 1 conflict: conflict with ${printManager(c.manager)}: ${pathString(c.path)}`;
  }
  const byManager = new Map<string, Path[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.path]);
  const lines: string[] = [];
  for (const m of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${printManager(m)}:`);
    for (const p of byManager.get(m)!) lines.push(`- ${pathString(p)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

function printManager(id: string): string {
  let e: ManagedFieldsEntry;
  try {
    e = JSON.parse(id) as ManagedFieldsEntry;
  } catch {
    return goQuote(id);
  }
  let s = goQuote(e.manager ?? '');
  if (e.subresource) s = `${s} with subresource ${goQuote(e.subresource)}`;
  if (e.operation === 'Update') return `${s} using ${e.apiVersion ?? ''}`;
  return s;
}

const badRequest = (message: string) => new ApplyError(400, 'BadRequest', message);

// ---------------------------------------------------------------------------------------
// Managed fields: decoding, encoding, identifiers

interface ManagerState {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  readonly subresource: string;
  time: string | undefined;
  set: FieldSet;
  /** The entry's FieldsV1 JSON as it came, when canonical: written again while `set` is still the set read from it. */
  readonly source?: { readonly set: FieldSet; readonly json: Record<string, unknown> };
}

type Managed = Map<string, ManagerState>;

/** BuildManagerIdentifier: the entry without fieldsType, fieldsV1, time (and apiVersion for Apply), as Go's JSON. */
function managerIdentifier(e: { manager: string; operation: string; apiVersion: string; subresource: string }): string {
  let id = '';
  if (e.manager) id += `,"manager":${goJson(e.manager)}`;
  if (e.operation) id += `,"operation":${goJson(e.operation)}`;
  if (e.apiVersion && e.operation !== 'Apply') id += `,"apiVersion":${goJson(e.apiVersion)}`;
  if (e.subresource) id += `,"subresource":${goJson(e.subresource)}`;
  return `{${id.slice(1)}}`;
}

/** DecodeManagedFields. Throws ApplyError (500) on a malformed entry. */
function decodeManaged(entries: unknown): Managed {
  const managed: Managed = new Map();
  if (entries === undefined || entries === null) return managed;
  if (!Array.isArray(entries)) throw new ApplyError(500, '', 'managedFields must be a list');
  entries.forEach((raw: unknown, i) => {
    const e = (isMap(raw) ? raw : {}) as ManagedFieldsEntry;
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new ApplyError(500, '', 'operation must be `Apply` or `Update`');
    if (!e.apiVersion) throw new ApplyError(500, '', 'apiVersion must not be empty');
    if (!e.fieldsType) throw new ApplyError(500, '', `missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') throw new ApplyError(500, '', `invalid fieldsType ${goQuote(e.fieldsType)} in managed fields entry ${i}`);
    let set = new FieldSet();
    let source: ManagerState['source'];
    try {
      if (e.fieldsV1 !== undefined && e.fieldsV1 !== null) {
        const read = FieldSet.readFieldsV1(e.fieldsV1);
        set = read.set;
        if (read.canonical) source = { set, json: read.canonical };
      }
    } catch (err) {
      throw new ApplyError(500, '', `error decoding versioned set: ${(err as Error).message}`);
    }
    const state: ManagerState = {
      manager: e.manager ?? '',
      operation: e.operation,
      apiVersion: e.apiVersion,
      subresource: e.subresource ?? '',
      time: e.time ?? undefined,
      set,
      ...(source ? { source } : {}),
    };
    managed.set(managerIdentifier(state), state);
  });
  return managed;
}

/** encodeManagedFields + sortEncodedManagedFields. */
function encodeManaged(managed: Managed): ManagedFieldsEntry[] {
  const seconds = (t: string | undefined) => (t ? unixSeconds(t) : 0);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const states = [...managed.values()].sort(
    (p, q) =>
      cmp(p.operation, q.operation) ||
      seconds(p.time) - seconds(q.time) ||
      cmp(p.manager, q.manager) ||
      cmp(p.apiVersion, q.apiVersion) ||
      cmp(p.subresource, q.subresource),
  );
  return states.map((s) => {
    const e: ManagedFieldsEntry = {};
    if (s.manager) e.manager = s.manager;
    e.operation = s.operation;
    if (s.apiVersion) e.apiVersion = s.apiVersion;
    if (s.time) e.time = s.time;
    e.fieldsType = 'FieldsV1';
    // An entry nobody changed keeps its FieldsV1 object: printing the set again gives the same JSON.
    e.fieldsV1 = s.source?.set === s.set ? s.source.json : s.set.toFieldsV1();
    if (s.subresource) e.subresource = s.subresource;
    return e;
  });
}

/** A time's whole seconds (NaN when it does not parse); entries' times recur, so recent ones are kept. */
function unixSeconds(time: string): number {
  let seconds = recentSeconds.get(time);
  if (seconds === undefined) {
    seconds = Math.floor(Date.parse(time) / 1000);
    if (recentSeconds.size >= 1024) recentSeconds.clear();
    recentSeconds.set(time, seconds);
  }
  return seconds;
}

const recentSeconds = new Map<string, number>();

/** isResetManagedFields: `[]` or `[{}]` in a request clears managedFields. */
function isReset(mf: unknown): boolean {
  if (!Array.isArray(mf)) return false;
  return mf.length === 0 || (mf.length === 1 && isMap(mf[0]) && Object.keys(mf[0]).length === 0);
}

const stripSet = FieldSet.of(
  [f('apiVersion')],
  [f('kind')],
  [f('metadata')],
  [f('metadata'), f('name')],
  [f('metadata'), f('namespace')],
  [f('metadata'), f('creationTimestamp')],
  [f('metadata'), f('selfLink')],
  [f('metadata'), f('uid')],
  [f('metadata'), f('clusterName')],
  [f('metadata'), f('generation')],
  [f('metadata'), f('managedFields')],
  [f('metadata'), f('resourceVersion')],
);

function f(name: string) {
  return { kind: 'field', name } as const;
}

function formatTime(t: string | Date | undefined): string {
  // Writes within one second share their time text: keep the last one.
  if (typeof t === 'string' && t === lastTime.given) return lastTime.text;
  const d = t === undefined ? new Date() : typeof t === 'string' ? new Date(t) : t;
  const text = d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (typeof t === 'string') lastTime = { given: t, text };
  return text;
}

let lastTime = { given: '', text: '' };

function withoutManagedFields(obj: JsonObject): JsonObject {
  const meta = obj['metadata'];
  if (!isMap(meta) || !Object.hasOwn(meta, 'managedFields')) return obj;
  const { managedFields: _drop, ...rest } = meta;
  return { ...obj, metadata: rest };
}

function metadataOf(obj: unknown): JsonObject | undefined {
  return isMap(obj) && isMap(obj['metadata']) ? obj['metadata'] : undefined;
}

/** The object with managedFields set (or removed when there are none), as EncodeObjectManagedFields. */
export function withManagedFields(obj: JsonObject, managedFields: readonly ManagedFieldsEntry[]): JsonObject {
  const meta = metadataOf(obj) ?? {};
  const { managedFields: _old, ...rest } = meta;
  return { ...obj, metadata: managedFields.length > 0 ? { ...rest, managedFields } : rest };
}

// ---------------------------------------------------------------------------------------
// The shared steps

interface Context {
  readonly shape: Shape;
  /** Paths a strategy resets (GetResetFields), e.g. [['status']] on the main resource. */
  readonly reset: ResetFields;
  readonly now: string;
}

interface ResetFields {
  readonly set: FieldSet;
  /** The reset top-level fields, which comparisons may skip. */
  readonly topLevel: ReadonlySet<string>;
}

/** The reset fields as a set, made once per distinct list (a strategy has one or two). */
function resetFieldsOf(paths: readonly (readonly string[])[] | undefined): ResetFields {
  const list = paths ?? [];
  const id = list.map((p) => p.join('\0')).join('\n');
  let reset = resetFieldsCache.get(id);
  if (!reset) {
    reset = { set: FieldSet.of(...list.map(toPath)), topLevel: new Set(list.filter((p) => p.length === 1).map((p) => p[0]!)) };
    if (resetFieldsCache.size > 64) resetFieldsCache.clear();
    resetFieldsCache.set(id, reset);
  }
  return reset;
}

const resetFieldsCache = new Map<string, ResetFields>();

/** What changed from live to next, without the paths the strategy resets. */
function changesOf(ctx: Context, live: unknown, next: unknown): Changes {
  const c = changes(ctx.shape, live, next, ctx.reset.topLevel);
  c.changed.subtract(ctx.reset.set, true);
  c.removed.subtract(ctx.reset.set, true);
  return c;
}

/**
 * Updater.update: other managers (not `workflow`) lose fields that changed (conflicts,
 * returned when not forced) and fields that were removed.
 */
function takeFromOthers({ changed, removed }: Changes, managed: Managed, workflow: string, force: boolean): Conflict[] {
  const conflicts: Conflict[] = [];
  const taken = new Map<string, FieldSet>();
  for (const [id, state] of managed) {
    if (id === workflow) continue;
    const c = state.set.intersection(changed);
    if (!c.empty()) {
      taken.set(id, c);
      for (const path of c.paths()) conflicts.push({ manager: id, path });
    }
  }
  if (!force && conflicts.length > 0) return conflicts;
  for (const [id, state] of managed) {
    if (id === workflow) continue;
    const c = taken.get(id);
    if (c) state.set = state.set.difference(c);
    if (!removed.empty()) state.set = state.set.difference(removed);
  }
  for (const [id, state] of managed) if (state.set.empty()) managed.delete(id);
  return [];
}

/** managedFieldsUpdater.Update over stripMeta and structuredMerge.Update, then capManagers. */
function updateStep(ctx: Context, live: unknown, next: unknown, managed: Managed, info: Omit<ManagerState, 'time' | 'set'>): void {
  const self = '\u0000current-operation';
  const c = changesOf(ctx, live, next);
  takeFromOthers(c, managed, self, true);
  // The comparison's sets are ours: the writer's new set is `changed`, trimmed in place.
  const set = c.changed;
  set.subtract(stripSet);
  if (!set.empty()) {
    const id = managerIdentifier(info);
    const prev = managed.get(id);
    managed.set(id, { ...info, time: ctx.now, set: prev ? set.union(prev.set) : set });
  }
  capManagers(managed);
}

/** capManagersManager: the oldest Update entries merged into `ancient-changes` per apiVersion. */
function capManagers(managed: Managed): void {
  const updaters = [...managed.entries()].filter(([, s]) => s.operation === 'Update').map(([id]) => id);
  if (updaters.length <= maxUpdateManagers) return;
  const secs = (id: string) => {
    const t = managed.get(id)?.time;
    return t ? unixSeconds(t) : 0;
  };
  updaters.sort((a, b) => secs(a) - secs(b) || (a < b ? -1 : a > b ? 1 : 0));
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > maxUpdateManagers; i++) {
    const id = updaters[i]!;
    const state = managed.get(id)!;
    const version = state.apiVersion;
    const bucketInfo = { manager: 'ancient-changes', operation: 'Update' as const, apiVersion: version, subresource: '' };
    const bucket = managerIdentifier(bucketInfo);
    const first = firstByVersion.get(version);
    if (first === undefined) {
      firstByVersion.set(version, id);
      continue;
    }
    if (!managed.has(bucket)) {
      const s = managed.get(first)!;
      managed.delete(first);
      managed.set(bucket, { ...bucketInfo, time: s.time, set: s.set });
    }
    const b = managed.get(bucket)!;
    managed.delete(id);
    managed.set(bucket, { ...bucketInfo, time: state.time, set: state.set.union(b.set) });
    length--;
  }
}

function shapeFor(type: TypeDef | undefined, obj: unknown): { shape: Shape; type: TypeDef | undefined } {
  if (type) return { shape: shapeOfKind(type), type };
  if (isMap(obj) && typeof obj['apiVersion'] === 'string' && typeof obj['kind'] === 'string') {
    const av = obj['apiVersion'];
    const slash = av.indexOf('/');
    const t = kindType(slash < 0 ? '' : av.slice(0, slash), slash < 0 ? av : av.slice(slash + 1), obj['kind']);
    return { shape: shapeOfKind(t), type: t };
  }
  return { shape: shapeOfKind(undefined), type: undefined };
}

/** The Go zero value of a kind (the `New()` object a create starts from), with its apiVersion and kind. */
export function zeroObject(type: TypeDef | undefined, apiVersion: string | undefined, kind: string | undefined): JsonObject {
  const zero = type ? normalize(type, {}, getType) : {};
  return { ...(apiVersion ? { apiVersion } : {}), ...(kind ? { kind } : {}), ...zero };
}

/** zeroObject made once per kind, for callers that only read it (every create compares against it). */
function sharedZeroObject(type: TypeDef | undefined, apiVersion: string | undefined, kind: string | undefined): JsonObject {
  if (!type) return zeroObject(type, apiVersion, kind);
  const key = `${type.name}\0${apiVersion ?? ''}\0${kind ?? ''}`;
  let zero = zeroObjects.get(key);
  if (!zero) {
    zero = zeroObject(type, apiVersion, kind);
    zeroObjects.set(key, zero);
  }
  return zero;
}

const zeroObjects = new Map<string, JsonObject>();

// ---------------------------------------------------------------------------------------
// Update

export interface UpdateOptions {
  /** The field manager (the handler's `fieldManager` option or the user agent's prefix). */
  readonly manager: string;
  readonly operation?: 'Update';
  /** '' or undefined for the main resource, e.g. 'status', 'scale'. */
  readonly subresource?: string;
  /** The write's time (RFC 3339 or a Date); default now. */
  readonly time?: string | Date;
  /** The group version of the request, e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** The kind's type; default: looked up from the new object's apiVersion and kind. */
  readonly type?: TypeDef;
  /** Paths the strategy resets, e.g. [['status']] for the main resource of a kind with a status subresource. */
  readonly resetFields?: readonly string[][];
}

/**
 * FieldManager.Update for an ordinary write (create: `old` undefined; update; json,
 * merge or strategic patch): the managedFields the new object gets. An empty result
 * means the object has none (omit `metadata.managedFields`).
 *
 * As upstream: managedFields sent in the new object are taken as they are (a client may
 * edit them), `[]` or `[{}]` clears them, none keeps the old object's; writes to a
 * subresource always start from the old object's. An update of an object that has no
 * managedFields (created before tracking) does not start tracking.
 */
export function updateManagedFields(old: JsonObject | undefined, next: JsonObject, options: UpdateOptions): ManagedFieldsEntry[] {
  const { shape, type } = shapeFor(options.type, next);
  const ctx: Context = { shape, reset: resetFieldsOf(options.resetFields), now: formatTime(options.time) };
  const liveMF = metadataOf(old)?.['managedFields'];
  const newMF = metadataOf(next)?.['managedFields'];
  const orEmpty = (mf: unknown): Managed => {
    try {
      return decodeManaged(mf);
    } catch {
      return new Map();
    }
  };
  let managed: Managed;
  if (options.subresource) managed = orEmpty(liveMF);
  else if (isReset(newMF)) managed = new Map();
  else {
    try {
      managed = decodeManaged(newMF);
    } catch {
      managed = new Map();
    }
    if (managed.size === 0) managed = orEmpty(liveMF);
  }
  // skipNonApplied: untracked existing objects stay untracked.
  if (managed.size === 0 && old !== undefined && typeof metadataOf(old)?.['uid'] === 'string' && metadataOf(old)?.['uid'] !== '') return [];
  const live = withoutManagedFields(old ?? sharedZeroObject(type, next['apiVersion'] as string | undefined, next['kind'] as string | undefined));
  updateStep(ctx, live, withoutManagedFields(next), managed, {
    manager: options.manager,
    operation: 'Update',
    apiVersion: options.apiVersion,
    subresource: options.subresource ?? '',
  });
  return encodeManaged(managed);
}

function toPath(p: readonly string[]): Path {
  return p.map((name) => f(name));
}

// ---------------------------------------------------------------------------------------
// Apply

export interface ApplyOptions {
  readonly manager: string;
  readonly force?: boolean;
  readonly time?: string | Date;
  /** The group version of the request, e.g. `apps/v1`: the applied object must say the same. */
  readonly apiVersion: string;
  /** The kind the request addresses; the applied object must say the same. */
  readonly kind?: string;
  readonly type?: TypeDef;
  readonly subresource?: string;
  readonly resetFields?: readonly string[][];
}

export interface ApplyResult {
  /** The merged object with its new managedFields; run defaulting, the strategy and validation on it. */
  readonly object: JsonObject;
  readonly managedFields: ManagedFieldsEntry[];
  /** False when the apply changed nothing in the object (managedFields may still change). */
  readonly changed: boolean;
}

/**
 * FieldManager.Apply: the applied configuration merged into the live object (undefined:
 * the object does not exist yet and the apply creates it). Throws ApplyConflictError (409)
 * or ApplyError (400 for a wrong apiVersion/kind or managedFields in the configuration,
 * 500 for undecodable live managedFields).
 */
export function serverSideApply(live: JsonObject | undefined, applied: JsonObject, options: ApplyOptions): ApplyResult {
  if (!isMap(applied)) throw badRequest('error decoding YAML: the applied configuration is not an object');
  const kind = options.kind ?? (typeof live?.['kind'] === 'string' ? live['kind'] : undefined);
  // versionCheckManager
  const appliedApiVersion = typeof applied['apiVersion'] === 'string' ? applied['apiVersion'] : '';
  const appliedKind = typeof applied['kind'] === 'string' ? applied['kind'] : '';
  if (appliedApiVersion !== options.apiVersion || (kind !== undefined && appliedKind !== kind)) {
    const slash = appliedApiVersion.indexOf('/');
    const g = slash < 0 ? '' : appliedApiVersion.slice(0, slash);
    const v = slash < 0 ? appliedApiVersion : appliedApiVersion.slice(slash + 1);
    throw badRequest(`invalid object type: ${g}/${v}, Kind=${appliedKind}`);
  }
  const appliedMeta = metadataOf(applied);
  if (appliedMeta && appliedMeta['managedFields'] !== undefined && appliedMeta['managedFields'] !== null) {
    throw badRequest('metadata.managedFields must be nil');
  }
  const { shape, type } = shapeFor(options.type, applied);
  const ctx: Context = { shape, reset: resetFieldsOf(options.resetFields), now: formatTime(options.time) };
  let managed: Managed;
  try {
    managed = decodeManaged(metadataOf(live)?.['managedFields']);
  } catch (e) {
    throw new ApplyError(500, '', `failed to decode managed fields: ${(e as Error).message}`);
  }
  const liveObj = withoutManagedFields(live ?? zeroObject(type, appliedApiVersion, appliedKind));

  // skipNonApplied: fields set before the first apply belong to `before-first-apply`.
  if (managed.size === 0) {
    updateStep(ctx, zeroObject(type, appliedApiVersion, appliedKind), liveObj, managed, {
      manager: beforeFirstApplyManager,
      operation: 'Update',
      apiVersion: options.apiVersion,
      subresource: options.subresource ?? '',
    });
  }

  const info = { manager: options.manager, operation: 'Apply' as const, apiVersion: options.apiVersion, subresource: options.subresource ?? '' };
  let result = applyStep(ctx, liveObj, applied, cloneManaged(managed), info, options.force ?? false);
  // lastAppliedManager: kubectl may take over what client-side apply last applied.
  if ('conflicts' in result && options.manager === kubectlManager) {
    const allowed = allowedFromLastApplied(shape, liveObj, options.apiVersion);
    if (allowed) {
      const remaining = result.conflicts.filter((c) => !allowed.has(c.path));
      if (remaining.length > 0) throw new ApplyConflictError(remaining);
      result = applyStep(ctx, liveObj, applied, cloneManaged(managed), info, true);
    }
  }
  if ('conflicts' in result) throw new ApplyConflictError(result.conflicts);
  let object = result.object ?? liveObj;
  // lastAppliedUpdater: kubectl's applies keep the client-side apply annotation in sync.
  if (options.manager === kubectlManager) {
    const annotations = metadataOf(object)?.['annotations'];
    if (isMap(annotations) && Object.hasOwn(annotations, lastAppliedConfigAnnotation)) {
      object = {
        ...object,
        metadata: { ...metadataOf(object), annotations: { ...annotations, [lastAppliedConfigAnnotation]: buildLastApplied(applied) } },
      };
    }
  }
  const managedFields = encodeManaged(result.managed);
  return { object: withManagedFields(object, managedFields), managedFields, changed: result.object !== undefined };
}

function cloneManaged(m: Managed): Managed {
  return new Map([...m].map(([k, v]) => [k, { ...v }]));
}

type StepResult = { object: JsonObject | undefined; managed: Managed } | { conflicts: Conflict[] };

/** managedFieldsUpdater.Apply over stripMeta and Updater.Apply, then capManagers. */
function applyStep(ctx: Context, live: JsonObject, applied: JsonObject, managed: Managed, info: Omit<ManagerState, 'time' | 'set'>, force: boolean): StepResult {
  const id = managerIdentifier(info);
  const set = toFieldSet(ctx.shape, applied);
  set.subtract(ctx.reset.set, true);
  let merged = merge(ctx.shape, live, applied) as JsonObject;
  const last = managed.get(id);
  managed.set(id, { ...info, time: last?.time, set });
  merged = prune(ctx.shape, merged, managed, last?.set) as JsonObject;
  const conflicts = takeFromOthers(changesOf(ctx, live, merged), managed, id, force);
  if (conflicts.length > 0) return { conflicts: sortConflicts(conflicts) };
  const noop = valuesEqual(live, merged);
  const own = managed.get(id);
  if (own) {
    own.set = own.set.difference(stripSet);
    if (own.set.empty()) managed.delete(id);
    else if (!noop) own.time = ctx.now;
  }
  capManagers(managed);
  return { object: noop ? undefined : merged, managed };
}

function sortConflicts(conflicts: Conflict[]): Conflict[] {
  // Upstream's order follows Go map iteration (random); ours: by manager, then path.
  const byManager = new Map<string, Conflict[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c]);
  return [...byManager.keys()].sort().flatMap((m) => byManager.get(m)!);
}

/** Updater.prune with addBackOwnedItems and addBackDanglingItems. */
function prune(shape: Shape, merged: unknown, managed: Managed, lastSet: FieldSet | undefined): unknown {
  if (!lastSet || lastSet.empty()) return merged;
  const enm = (s: FieldSet) => ensureNamedFieldsAreMembers(shape, s);
  let pruned = removeItems(shape, merged, enm(lastSet));
  let owned = new FieldSet();
  for (const s of managed.values()) owned = owned.union(s.set);
  const mergedSet = enm(toFieldSet(shape, merged));
  pruned = removeItems(shape, merged, mergedSet.difference(enm(toFieldSet(shape, pruned)).union(enm(owned))));
  const prunedSet = enm(toFieldSet(shape, pruned));
  return removeItems(shape, merged, mergedSet.difference(prunedSet).intersection(enm(lastSet)));
}

/** lastAppliedManager.allowedConflictsFromLastApplied: what client-side apply last applied and live still holds. */
function allowedFromLastApplied(shape: Shape, live: JsonObject, apiVersion: string): FieldSet | undefined {
  const annotations = metadataOf(live)?.['annotations'];
  const text = isMap(annotations) ? annotations[lastAppliedConfigAnnotation] : undefined;
  if (typeof text !== 'string' || text === '') return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isMap(last) || last['apiVersion'] !== apiVersion) return undefined;
  try {
    const c = compare(shape, last, live);
    return toFieldSet(shape, last).difference(c.modified).difference(c.added).difference(c.removed);
  } catch {
    return undefined;
  }
}

/** buildLastApplied: the applied configuration without the annotation, as Go's JSON encoder writes it. */
export function buildLastApplied(applied: JsonObject): string {
  const meta = metadataOf(applied);
  let obj = applied;
  if (meta && isMap(meta['annotations'])) {
    const { [lastAppliedConfigAnnotation]: _drop, ...rest } = meta['annotations'];
    obj = { ...applied, metadata: { ...meta, annotations: rest } };
  }
  return `${goJson(obj)}\n`;
}

// ---------------------------------------------------------------------------------------
// Client-side apply upgrade (client-go csaupgrade, run by kubectl apply --server-side)

/**
 * csaupgrade.UpgradeManagedFields: the client-side apply managers' (`Update`) fields moved
 * to the server-side apply manager's `Apply` entry (created from the most recent
 * client-side apply entry when missing), and the client-side apply entries removed.
 * kubectl runs this (as a JSON patch of managedFields) before `apply --server-side`.
 */
export function upgradeClientSideApplyManagedFields(
  managedFields: readonly ManagedFieldsEntry[],
  options: { csaManagers?: readonly string[]; ssaManager?: string; subresource?: string } = {},
): ManagedFieldsEntry[] {
  let entries = managedFields.map((e) => ({ ...e }));
  const ssa = options.ssaManager ?? kubectlManager;
  const sub = options.subresource ?? '';
  for (const csa of options.csaManagers ?? [clientSideApplyManager]) {
    const isCsa = (e: ManagedFieldsEntry) => e.manager === csa && e.operation === 'Update' && (e.subresource ?? '') === sub;
    let target = entries.findIndex((e) => e.manager === ssa && e.operation === 'Apply' && (e.subresource ?? '') === sub);
    if (target < 0) {
      target = entries.findIndex(isCsa);
      if (target < 0) continue;
      entries[target] = { ...entries[target], manager: ssa, operation: 'Apply' };
    }
    const t = entries[target]!;
    const csaEntry = entries.find((e) => isCsa(e) && e.apiVersion === t.apiVersion);
    let set = FieldSet.fromFieldsV1(t.fieldsV1 ?? {});
    if (csaEntry) set = set.union(FieldSet.fromFieldsV1(csaEntry.fieldsV1 ?? {}));
    entries[target] = { ...t, fieldsV1: set.toFieldsV1() };
    entries = entries.filter((e) => !isCsa(e));
  }
  return entries;
}
