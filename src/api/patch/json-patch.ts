/**
 * JSON patch (RFC 6902) as kube-apiserver applies it: with gopkg.in/evanphx/json-patch.v4
 * (v4.12.0), including that library's departures from the RFC, which clients can observe:
 *
 * - `replace` of a missing key in an object adds it (only array indexes must exist);
 * - `add` or `replace` without a `value` member sets null; `copy` from a missing object
 *   key copies null;
 * - `test` of a missing (or null) member against a null value passes;
 * - array indexes may be negative (counted from the end; `add` at -1 appends);
 * - a path without a leading `/` ignores its first segment, and `replace` of the whole
 *   document (path "") with a scalar does nothing;
 * - `copy` is limited to a total of 3 MiB of copied JSON per patch (the API server's
 *   `--json-patch-max-copy-bytes` default).
 *
 * Error messages are the library's (`testing value /x failed: test failed`, `add operation
 * does not apply: doc is missing path: "/a/b": missing value`, ...). The API server does not
 * show them to the client (it answers a generic 422, see index.ts), but logs them.
 */
import { goQuote } from '../../apimachinery/go-format.ts';
import { cloneJson, isJsonMap, jsonEqual, jsonKindName } from './go-value.ts';

/** A JSON patch failed to apply; the message is evanphx/json-patch's. */
export class JsonPatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

/** The patch is not a JSON patch document; the message is Go's encoding/json one. */
export class JsonPatchDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPatchDecodeError';
  }
}

/** Upstream panics (a nil dereference in the library) on this input. */
export class JsonPatchPanic extends Error {
  constructor(message = 'runtime error: invalid memory address or nil pointer dereference') {
    super(message);
    this.name = 'JsonPatchPanic';
  }
}

/** kube-apiserver's maxJSONPatchOperations. */
export const maxJsonPatchOperations = 10000;
/** kube-apiserver's default --json-patch-max-copy-bytes (jsonpatch.AccumulatedCopySizeLimit). */
export const defaultCopySizeLimit = 3 * 1024 * 1024;

export interface JsonPatchOptions {
  /** Total bytes `copy` operations may add; 0 is unlimited. Default: defaultCopySizeLimit. */
  readonly accumulatedCopySizeLimit?: number;
}

/** One operation as decoded: its members, or null for a JSON null element. */
export type JsonPatchOperation = Readonly<Record<string, unknown>> | null;

const errMissing = 'missing value';
const errInvalidIndex = 'invalid index referenced';
const errTestFailed = 'test failed';

/** Go's errors.Wrapf: `message: cause`. */
const wrap = (message: string, cause: string) => `${message}: ${cause}`;

/**
 * Decodes a patch as jsonpatch.DecodePatch does: a JSON array of objects (null elements
 * allowed); JSON null is an empty patch.
 */
export function decodeJsonPatch(patch: unknown): JsonPatchOperation[] {
  if (patch === null) return [];
  if (!Array.isArray(patch)) throw new JsonPatchDecodeError(`json: cannot unmarshal ${jsonKindName(patch)} into Go value of type jsonpatch.Patch`);
  for (const op of patch) {
    if (op !== null && !isJsonMap(op)) throw new JsonPatchDecodeError(`json: cannot unmarshal ${jsonKindName(op)} into Go value of type jsonpatch.Operation`);
  }
  return patch as JsonPatchOperation[];
}

/**
 * The API server's strict decoding of a JSON patch (fieldValidation Strict or Warn, and the
 * default Warn): decoding errors throw (the server answers 400 `error decoding patch: ...`);
 * unknown members of an operation come back as strict errors (`json patch unknown field
 * "x"`), which the server reports with those of the patched object (422 under Strict,
 * warnings under Warn). Duplicate members cannot be seen in a parsed value.
 */
export function strictJsonPatchErrors(patch: unknown): string[] {
  const fail = (message: string) => new JsonPatchDecodeError(`error decoding patch: ${message}`);
  if (patch === null) return [];
  if (!Array.isArray(patch)) throw fail(`json: cannot unmarshal ${jsonKindName(patch)} into Go value of type []handlers.jsonPatchOp`);
  const errors: string[] = [];
  for (const op of patch) {
    if (op === null) continue;
    if (!isJsonMap(op)) throw fail(`json: cannot unmarshal ${jsonKindName(op)} into Go value of type handlers.jsonPatchOp`);
    for (const [key, value] of Object.entries(op)) {
      if (key === 'op' || key === 'path' || key === 'from') {
        if (value !== null && typeof value !== 'string') {
          throw fail(`json: cannot unmarshal ${jsonKindName(value)} into Go struct field jsonPatchOp.${key} of type string`);
        }
      } else if (key !== 'value') {
        errors.push(`json patch unknown field ${goQuote(key)}`);
      }
    }
  }
  return errors;
}

/** Applies a JSON patch to a copy of `doc` (an object or an array) and returns the result. */
export function applyJsonPatch(doc: unknown, patch: unknown, options: JsonPatchOptions = {}): unknown {
  const ops = decodeJsonPatch(patch);
  if (!isJsonMap(doc) && !Array.isArray(doc)) {
    throw new JsonPatchError(`json: cannot unmarshal ${jsonKindName(doc)} into Go value of type jsonpatch.partialDoc`);
  }
  const state: State = {
    root: cloneJson(doc) as Container,
    copied: 0,
    copyLimit: options.accumulatedCopySizeLimit ?? defaultCopySizeLimit,
  };
  for (const op of ops) {
    const kind = opKind(op);
    switch (kind) {
      case 'add':
        add(state, op);
        break;
      case 'remove':
        remove(state, op);
        break;
      case 'replace':
        replace(state, op);
        break;
      case 'move':
        move(state, op);
        break;
      case 'test':
        test(state, op);
        break;
      case 'copy':
        copy(state, op);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${kind}`);
    }
  }
  return state.root;
}

/** RFC 6901 reference token decoding: `~1` is `/`, then `~0` is `~`. */
export function decodePointerToken(token: string): string {
  return token.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** RFC 6901 reference token encoding. */
export function encodePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

type Container = Record<string, unknown> | unknown[];

interface State {
  root: Container;
  copied: number;
  readonly copyLimit: number;
}

// Operation members, read as evanphx's Operation methods read them. A member holding JSON
// null counts as absent, except `value` (present and null).

function opKind(op: JsonPatchOperation): string {
  const v = op?.op;
  return typeof v === 'string' ? v : 'unknown';
}

/** The path, or the reason it cannot be read (an error text). */
function opString(op: JsonPatchOperation, member: 'path' | 'from'): { value: string } | { error: string } {
  const v = op?.[member];
  if (v === undefined || v === null) {
    return { error: wrap(member === 'path' ? 'operation missing path field' : 'operation, missing from field', errMissing) };
  }
  if (typeof v !== 'string') return { error: `json: cannot unmarshal ${jsonKindName(v)} into Go value of type string` };
  return { value: v };
}

/** The `value` member: undefined when absent (a nil node upstream), else the value. */
function opValue(op: JsonPatchOperation): unknown {
  if (op === null || !Object.hasOwn(op, 'value')) return undefined;
  return cloneJson(op.value);
}

// Containers, as evanphx's partialDoc and partialArray.

function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new JsonPatchError(`strconv.Atoi: parsing ${goQuote(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) throw new JsonPatchError(`strconv.Atoi: parsing ${goQuote(s)}: value out of range`);
  return Number(n);
}

const invalidIndex = (idx: number) => new JsonPatchError(wrap(`Unable to access invalid index: ${idx}`, errInvalidIndex));

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** get: a missing object key is nil (undefined); a bad array index throws. */
function get(con: Container, key: string): unknown {
  if (!Array.isArray(con)) return Object.hasOwn(con, key) ? con[key] : undefined;
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  if (idx >= con.length) throw invalidIndex(idx);
  return con[idx];
}

/** set: only used by replace, after get has checked the index. */
function set(con: Container, key: string, value: unknown): void {
  if (!Array.isArray(con)) {
    setKey(con, key, value);
    return;
  }
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  con[idx] = value;
}

function addTo(con: Container, key: string, value: unknown): void {
  if (!Array.isArray(con)) {
    setKey(con, key, value);
    return;
  }
  if (key === '-') {
    con.push(value);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (error) {
    throw new JsonPatchError(wrap(`value was not a proper array index: '${key}'`, (error as Error).message));
  }
  const size = con.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -size) throw invalidIndex(idx);
    idx += size;
  }
  con.splice(idx, 0, value);
}

function removeFrom(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!Object.hasOwn(con, key)) throw new JsonPatchError(wrap(`Unable to remove nonexistent key: ${key}`, errMissing));
    delete con[key];
    return;
  }
  let idx = atoi(key);
  if (idx >= con.length) throw invalidIndex(idx);
  if (idx < 0) {
    if (idx < -con.length) throw invalidIndex(idx);
    idx += con.length;
  }
  con.splice(idx, 1);
}

/**
 * findObject: the container holding the path's last token, and that token decoded; none
 * when the path has no `/` or a parent is missing, null, a scalar, or a bad array index.
 */
function findObject(root: Container, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let doc: Container = root;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = get(doc, decodePointerToken(part));
    } catch {
      return undefined;
    }
    if (Array.isArray(next) || isJsonMap(next)) doc = next;
    else return undefined;
  }
  return [doc, decodePointerToken(split[split.length - 1]!)];
}

/** A nil node (missing value member) marshals as null. */
const orNull = (value: unknown) => (value === undefined ? null : value);

function add(state: State, op: JsonPatchOperation): void {
  const path = opString(op, 'path');
  if ('error' in path) throw new JsonPatchError(wrap('add operation failed to decode path', errMissing));
  const found = findObject(state.root, path.value);
  if (!found) throw new JsonPatchError(wrap(`add operation does not apply: doc is missing path: "${path.value}"`, errMissing));
  try {
    addTo(found[0], found[1], orNull(opValue(op)));
  } catch (error) {
    throw new JsonPatchError(wrap(`error in add for path: '${path.value}'`, (error as Error).message));
  }
}

function remove(state: State, op: JsonPatchOperation): void {
  const path = opString(op, 'path');
  if ('error' in path) throw new JsonPatchError(wrap('remove operation failed to decode path', errMissing));
  const found = findObject(state.root, path.value);
  if (!found) throw new JsonPatchError(wrap(`remove operation does not apply: doc is missing path: "${path.value}"`, errMissing));
  try {
    removeFrom(found[0], found[1]);
  } catch (error) {
    throw new JsonPatchError(wrap(`error in remove for path: '${path.value}'`, (error as Error).message));
  }
}

function replace(state: State, op: JsonPatchOperation): void {
  const path = opString(op, 'path');
  if ('error' in path) throw new JsonPatchError(wrap('replace operation failed to decode path', path.error));
  if (path.value === '') {
    const value = opValue(op);
    if (value === undefined) throw new JsonPatchPanic();
    // Upstream wraps a nil error here, so a scalar replacement is silently ignored.
    if (Array.isArray(value) || isJsonMap(value)) state.root = value;
    return;
  }
  const found = findObject(state.root, path.value);
  if (!found) throw new JsonPatchError(wrap(`replace operation does not apply: doc is missing path: ${path.value}`, errMissing));
  try {
    get(found[0], found[1]);
  } catch {
    throw new JsonPatchError(wrap(`replace operation does not apply: doc is missing key: ${path.value}`, errMissing));
  }
  try {
    set(found[0], found[1], orNull(opValue(op)));
  } catch (error) {
    throw new JsonPatchError(wrap(`error in remove for path: '${path.value}'`, (error as Error).message));
  }
}

function move(state: State, op: JsonPatchOperation): void {
  const from = opString(op, 'from');
  if ('error' in from) throw new JsonPatchError(wrap('move operation failed to decode from', from.error));
  const source = findObject(state.root, from.value);
  if (!source) throw new JsonPatchError(wrap(`move operation does not apply: doc is missing from path: ${from.value}`, errMissing));
  const [fromCon, fromKey] = source;
  let value: unknown;
  try {
    value = get(fromCon, fromKey);
    removeFrom(fromCon, fromKey);
  } catch (error) {
    throw new JsonPatchError(wrap(`error in move for path: '${fromKey}'`, (error as Error).message));
  }
  const path = opString(op, 'path');
  if ('error' in path) throw new JsonPatchError(wrap('move operation failed to decode path', path.error));
  const target = findObject(state.root, path.value);
  if (!target) throw new JsonPatchError(wrap(`move operation does not apply: doc is missing destination path: ${path.value}`, errMissing));
  try {
    addTo(target[0], target[1], orNull(value));
  } catch (error) {
    throw new JsonPatchError(wrap(`error in move for path: '${path.value}'`, (error as Error).message));
  }
}

function test(state: State, op: JsonPatchOperation): void {
  const path = opString(op, 'path');
  if ('error' in path) throw new JsonPatchError(wrap('test operation failed to decode path', path.error));
  const failed = () => new JsonPatchError(wrap(`testing value ${path.value} failed`, errTestFailed));
  const expected = opValue(op);
  if (path.value === '') {
    if (expected === undefined) throw new JsonPatchPanic();
    if (jsonEqual(state.root, expected)) return;
    throw failed();
  }
  const found = findObject(state.root, path.value);
  if (!found) throw new JsonPatchError(wrap(`test operation does not apply: is missing path: ${path.value}`, errMissing));
  let actual: unknown;
  try {
    actual = get(found[0], found[1]);
  } catch (error) {
    throw new JsonPatchError(wrap(`error in test for path: '${path.value}'`, (error as Error).message));
  }
  if (actual === undefined || actual === null) {
    if (expected === undefined) throw new JsonPatchPanic();
    if (expected === null) return;
    throw failed();
  }
  if (expected === undefined || !jsonEqual(actual, expected)) throw failed();
}

function copy(state: State, op: JsonPatchOperation): void {
  const from = opString(op, 'from');
  if ('error' in from) throw new JsonPatchError(wrap('copy operation failed to decode from', from.error));
  const source = findObject(state.root, from.value);
  if (!source) throw new JsonPatchError(wrap(`copy operation does not apply: doc is missing from path: ${from.value}`, errMissing));
  let value: unknown;
  try {
    value = get(source[0], source[1]);
  } catch (error) {
    throw new JsonPatchError(wrap(`error in copy for from: '${from.value}'`, (error as Error).message));
  }
  const path = opString(op, 'path');
  if ('error' in path) throw new JsonPatchError(wrap('copy operation failed to decode path', errMissing));
  const target = findObject(state.root, path.value);
  if (!target) throw new JsonPatchError(wrap(`copy operation does not apply: doc is missing destination path: ${path.value}`, errMissing));
  // A nil node (missing key or JSON null) copies as null and counts nothing.
  const size = value === undefined || value === null ? 0 : Buffer.byteLength(goJsonMarshal(value), 'utf8');
  state.copied += size;
  if (state.copyLimit > 0 && state.copied > state.copyLimit) {
    throw new JsonPatchError(
      `Unable to complete the copy, the accumulated size increase of copy is ${state.copied}, exceeding the limit ${state.copyLimit}`,
    );
  }
  try {
    addTo(target[0], target[1], value === undefined ? null : cloneJson(value));
  } catch (error) {
    throw new JsonPatchError(wrap('error while adding value during copy', (error as Error).message));
  }
}

/** Go's json.Marshal of a decoded value (map keys sorted, <>& escaped), for its byte size. */
function goJsonMarshal(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
