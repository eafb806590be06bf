/**
 * Field paths and field sets as sigs.k8s.io/structured-merge-diff v4's fieldpath package
 * defines them: path elements (a field name, a key of a map list, a value of a set list,
 * an index of an atomic-less positional list), their order (`PathElement.Compare`), their
 * text form in managedFields (`f:`, `k:{...}`, `v:`, `i:`, serialize-pe.go), the FieldsV1
 * JSON form of a set (serialize.go, including the `.` member marker) and the form a path
 * takes in conflict messages (`.spec.containers[name="web"].image`).
 */
import { compareGoStrings, goFormatFloat, goQuote } from '../../apimachinery/go-format.ts';

export type PathElement =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'key'; readonly fields: ReadonlyArray<readonly [string, unknown]> }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'index'; readonly index: number };

export type Path = readonly PathElement[];

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's encoding/json (HTML-escaping, as jsoniter's standard-library-compatible config) of a JSON value. */
export function goJson(value: unknown): string {
  if (typeof value === 'string' && isPlainText(value)) return `"${value}"`;
  // Scalars, by far the most common here, need no key sorting.
  if (typeof value !== 'object' || value === null) return escapeLikeGo(JSON.stringify(value) ?? 'null');
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (isMap(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort(compareGoStrings)) out[k] = v[k];
      return out;
    }
    return v;
  });
  return escapeLikeGo(text ?? 'null');
}

/** Printable ASCII that neither JSON nor Go's HTML-safe encoder escapes: its JSON is the text in quotes. */
function isPlainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) return false;
  }
  return true;
}

function escapeLikeGo(text: string): string {
  return /[<>&\u2028\u2029]/.test(text) ? text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

/** value.Compare: numbers < strings < bools < lists < maps < null. */
export function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : Array.isArray(v) ? 3 : isMap(v) ? 4 : 5;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 1:
      return compareGoStrings(a as string, b as string);
    case 2:
      return a === b ? 0 : a ? 1 : -1;
    case 3: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    case 4: {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      const kx = Object.keys(x).sort(compareGoStrings);
      const ky = Object.keys(y).sort(compareGoStrings);
      for (let i = 0; i < Math.min(kx.length, ky.length); i++) {
        const c = compareGoStrings(kx[i]!, ky[i]!) || compareValues(x[kx[i]!], y[ky[i]!]);
        if (c !== 0) return c;
      }
      return kx.length === ky.length ? 0 : kx.length < ky.length ? -1 : 1;
    }
    default:
      return 0;
  }
}

/** Deep equality of JSON values (value.Equals). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => valuesEqual(v, b[i]));
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k], b[k]));
  }
  return false;
}

const kindOrder = { field: 0, key: 1, value: 2, index: 3 } as const;

/** PathElement.Compare: field names, then keys, then values, then indexes. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  if (a.kind !== b.kind) return kindOrder[a.kind] < kindOrder[b.kind] ? -1 : 1;
  switch (a.kind) {
    case 'field':
      return compareGoStrings(a.name, (b as typeof a).name);
    case 'key': {
      const x = a.fields;
      const y = (b as typeof a).fields;
      for (let i = 0; ; i++) {
        if (i >= x.length && i >= y.length) return 0;
        if (i >= x.length) return -1;
        if (i >= y.length) return 1;
        const c = compareGoStrings(x[i]![0], y[i]![0]) || compareValues(x[i]![1], y[i]![1]);
        if (c !== 0) return c;
      }
    }
    case 'value':
      return compareValues(a.value, (b as typeof a).value);
    case 'index':
      return a.index === (b as typeof a).index ? 0 : a.index < (b as typeof a).index ? -1 : 1;
  }
}

/** The managedFields text of a path element: `f:name`, `k:{"name":"web"}`, `v:"x"`, `i:0`. */
export function serializePathElement(pe: PathElement): string {
  switch (pe.kind) {
    case 'field':
      return `f:${pe.name}`;
    case 'key':
      return `k:{${pe.fields.map(([n, v]) => `${goJson(n)}:${goJson(v)}`).join(',')}}`;
    case 'value':
      return `v:${goJson(pe.value)}`;
    case 'index':
      return `i:${pe.index}`;
  }
}

export class FieldsV1Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldsV1Error';
  }
}

/** Parses `f:`, `k:`, `v:`, `i:` (DeserializePathElement). */
export function parsePathElement(text: string): PathElement {
  const tag = text.slice(0, 2);
  const rest = text.slice(2);
  switch (tag) {
    case 'f:':
      return { kind: 'field', name: rest };
    case 'k:': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rest);
      } catch (e) {
        throw new FieldsV1Error(`invalid key ${rest}: ${(e as Error).message}`);
      }
      if (!isMap(parsed)) throw new FieldsV1Error(`invalid key ${rest}: not an object`);
      return keyElement(parsed, Object.keys(parsed));
    }
    case 'v:':
      try {
        return { kind: 'value', value: JSON.parse(rest) as unknown };
      } catch (e) {
        throw new FieldsV1Error(`invalid value ${rest}: ${(e as Error).message}`);
      }
    case 'i:': {
      if (!/^-?\d+$/.test(rest)) throw new FieldsV1Error(`invalid index ${rest}`);
      return { kind: 'index', index: Number(rest) };
    }
    default:
      throw new FieldsV1Error(`unknown path element type: ${JSON.stringify(text)}`);
  }
}

/** A key path element from an item's key fields, sorted by name as upstream sorts them. */
export function keyElement(item: Record<string, unknown>, keys: readonly string[]): PathElement {
  const fields = keys.map((k) => [k, item[k]] as const).sort((a, b) => compareGoStrings(a[0], b[0]));
  return { kind: 'key', fields };
}

/** PathElement.String: `.name`, `[name="web",port=80]`, `[="x"]`, `[0]`. */
export function pathElementString(pe: PathElement): string {
  switch (pe.kind) {
    case 'field':
      return `.${pe.name}`;
    case 'key':
      return `[${pe.fields.map(([n, v]) => `${n}=${valueToString(v)}`).join(',')}]`;
    case 'value':
      return `[=${valueToString(pe.value)}]`;
    case 'index':
      return `[${pe.index}]`;
  }
}

/** Path.String, as in conflict messages: `.spec.template.spec.containers[name="web"].image`. */
export function pathString(path: Path): string {
  return path.map(pathElementString).join('');
}

/** value.ToString. */
function valueToString(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFormatFloat(v);
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(valueToString).join(', ')}]`;
  if (isMap(v)) {
    return `{${Object.keys(v)
      .sort(compareGoStrings)
      .map((k) => `${k}=${valueToString(v[k])}`)
      .join(', ')}}`;
  }
  return String(v);
}

/** A field's path element and its serialized key. */
export interface FieldElement {
  readonly pe: PathElement;
  readonly key: string;
}

/** Field elements of recently seen names: the same field and map key names recur in every write. */
const fieldElements = new Map<string, FieldElement>();
const fieldElementsMax = 4096;

export function fieldElement(name: string): FieldElement {
  let e = fieldElements.get(name);
  if (!e) {
    if (fieldElements.size >= fieldElementsMax) fieldElements.clear();
    e = { pe: { kind: 'field', name }, key: `f:${name}` };
    fieldElements.set(name, e);
  }
  return e;
}

type Child = { readonly pe: PathElement; readonly set: FieldSet };

const noMembers: ReadonlyMap<string, PathElement> = new Map();
const noChildren: ReadonlyMap<string, Child> = new Map();

/**
 * A set of field paths (fieldpath.Set): `members` are the paths ending at this node,
 * `children` the sets below a path element. Keys are the serialized path elements.
 * Each node makes its maps only when it first needs them: most nodes have one of the two.
 */
export class FieldSet {
  private ownMembers: Map<string, PathElement> | undefined;
  private ownChildren: Map<string, Child> | undefined;

  get members(): ReadonlyMap<string, PathElement> {
    return this.ownMembers ?? noMembers;
  }

  get children(): ReadonlyMap<string, Child> {
    return this.ownChildren ?? noChildren;
  }

  static of(...paths: Path[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  insert(path: Path): void {
    if (path.length > 0) this.insertFrom(path, 0);
  }

  /** Inserts path[from..]; walks by index, as this runs for every field of every managed write. */
  private insertFrom(path: Path, from: number): void {
    const pe = path[from]!;
    if (from === path.length - 1) this.addMember(serializePathElement(pe), pe);
    else this.child(pe).insertFrom(path, from + 1);
  }

  /** Makes the element with this key a member. */
  addMember(key: string, pe: PathElement): void {
    (this.ownMembers ??= new Map()).set(key, pe);
  }

  /** The child set under a path element, created when missing. */
  child(pe: PathElement): FieldSet {
    return this.childAt(serializePathElement(pe), pe);
  }

  /** As child, for a caller that has the element's key already. */
  childAt(key: string, pe: PathElement): FieldSet {
    const children = (this.ownChildren ??= new Map());
    let c = children.get(key);
    if (!c) {
      c = { pe, set: new FieldSet() };
      children.set(key, c);
    }
    return c.set;
  }

  private setChild(key: string, pe: PathElement, set: FieldSet): void {
    (this.ownChildren ??= new Map()).set(key, { pe, set });
  }

  /** The child set under a path element, if any. */
  childOf(pe: PathElement): FieldSet | undefined {
    return this.ownChildren?.get(serializePathElement(pe))?.set;
  }

  hasMember(pe: PathElement): boolean {
    return this.ownMembers !== undefined && this.ownMembers.has(serializePathElement(pe));
  }

  has(path: Path): boolean {
    if (path.length === 0) return false;
    const node = path.slice(0, -1).reduce<FieldSet | undefined>((n, pe) => n?.childOf(pe), this);
    return node !== undefined && node.hasMember(path[path.length - 1]!);
  }

  empty(): boolean {
    if (this.ownMembers !== undefined && this.ownMembers.size > 0) return false;
    if (this.ownChildren !== undefined) for (const c of this.ownChildren.values()) if (!c.set.empty()) return false;
    return true;
  }

  copy(): FieldSet {
    return this.union(new FieldSet());
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) out.addMember(k, pe);
    for (const [k, pe] of other.members) out.addMember(k, pe);
    for (const [k, c] of this.children) {
      const o = other.children.get(k);
      out.setChild(k, c.pe, o ? c.set.union(o.set) : c.set.copy());
    }
    for (const [k, c] of other.children) if (!this.children.has(k)) out.setChild(k, c.pe, c.set.copy());
    return out.pruneEmpty();
  }

  /** Members and children in both. */
  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (other.members.has(k)) out.addMember(k, pe);
    for (const [k, c] of this.children) {
      const o = other.children.get(k);
      if (o) out.setChild(k, c.pe, c.set.intersection(o.set));
    }
    return out.pruneEmpty();
  }

  /** Paths in this set that are not in the other (Set.Difference: members exactly). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (!other.members.has(k)) out.addMember(k, pe);
    for (const [k, c] of this.children) {
      const o = other.children.get(k);
      out.setChild(k, c.pe, o ? c.set.difference(o.set) : c.set.copy());
    }
    return out.pruneEmpty();
  }

  /** Set.RecursiveDifference: as difference, and a member of `other` also removes the whole subtree below it. */
  recursiveDifference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (!other.members.has(k)) out.addMember(k, pe);
    for (const [k, c] of this.children) {
      if (other.members.has(k)) continue;
      const o = other.children.get(k);
      out.setChild(k, c.pe, o ? c.set.recursiveDifference(o.set) : c.set.copy());
    }
    return out.pruneEmpty();
  }

  /** Difference (recursive: RecursiveDifference) in place, for a set its caller owns. */
  subtract(other: FieldSet, recursive = false): void {
    for (const k of other.members.keys()) {
      this.ownMembers?.delete(k);
      if (recursive) this.ownChildren?.delete(k);
    }
    for (const [k, o] of other.children) {
      const c = this.ownChildren?.get(k);
      if (!c) continue;
      c.set.subtract(o.set, recursive);
      if (c.set.empty()) this.ownChildren!.delete(k);
    }
  }

  private pruneEmpty(): FieldSet {
    if (this.ownChildren !== undefined) for (const [k, c] of this.ownChildren) if (c.set.empty()) this.ownChildren.delete(k);
    return this;
  }

  /** Every member path, in upstream's iteration order (sorted). */
  paths(): Path[] {
    const out: Path[] = [];
    const walk = (s: FieldSet, prefix: PathElement[]) => {
      const members = [...s.members.values()].sort(comparePathElements);
      const children = [...s.children.values()].sort((a, b) => comparePathElements(a.pe, b.pe));
      for (const pe of members) out.push([...prefix, pe]);
      for (const c of children) walk(c.set, [...prefix, c.pe]);
    };
    walk(this, []);
    return out;
  }

  /** The FieldsV1 JSON object (serialize.go's emitContentsV1), keys in upstream's order. */
  toFieldsV1(): Record<string, unknown> {
    return this.emit(false) ?? {};
  }

  /** This node's contents; undefined when it holds no member at any depth (one walk, no emptiness pre-checks). */
  private emit(includeSelf: boolean): Record<string, unknown> | undefined {
    const members = this.ownMembers;
    const children = this.ownChildren;
    // One sorted list of this node's elements: members, children, or both (a child that is also a member).
    const keys: string[] = [];
    if (members !== undefined) for (const k of members.keys()) keys.push(k);
    if (children !== undefined) for (const k of children.keys()) if (members === undefined || !members.has(k)) keys.push(k);
    if (keys.length > 1) this.sortKeys(keys);
    const out: Record<string, unknown> = includeSelf ? { '.': {} } : {};
    let size = 0;
    for (const k of keys) {
      const member = members !== undefined && members.has(k);
      // A child that is also a member marks itself with `.`; an empty child is only its membership.
      const child = children === undefined ? undefined : children.get(k);
      const sub = child === undefined ? undefined : child.set.emit(member);
      if (sub !== undefined) out[k] = sub;
      else if (member) out[k] = {};
      else continue;
      size++;
    }
    return size > 0 ? out : undefined;
  }

  /**
   * Sorts a node's keys as PathElement.Compare orders their elements. Field keys (`f:name`)
   * sort as their text in Go's order, which JavaScript's `<` matches except around
   * surrogates: they are sorted by `<`, then checked pair by pair (a few characters each).
   */
  private sortKeys(keys: string[]): void {
    for (const k of keys) {
      if (!isFieldKey(k)) {
        keys.sort((a, b) => comparePathElements(this.elementOf(a), this.elementOf(b)));
        return;
      }
    }
    sortStrings(keys);
    for (let i = 1; i < keys.length; i++) {
      if (compareGoStrings(keys[i - 1]!, keys[i]!) > 0) {
        keys.sort(compareGoStrings);
        return;
      }
    }
  }

  private elementOf(key: string): PathElement {
    return this.members.get(key) ?? this.children.get(key)!.pe;
  }

  /** Parses a FieldsV1 JSON object (or its text). */
  static fromFieldsV1(json: unknown): FieldSet {
    return FieldSet.readFieldsV1(json).set;
  }

  /**
   * As fromFieldsV1, with the JSON object itself when it is exactly what toFieldsV1 of
   * the set prints (same keys in the same order): a caller that leaves the set as it is
   * may write that object again instead of printing the set.
   */
  static readFieldsV1(json: unknown): { set: FieldSet; canonical: Record<string, unknown> | undefined } {
    let value = json;
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value) as unknown;
      } catch (e) {
        throw new FieldsV1Error((e as Error).message);
      }
    }
    if (!isMap(value)) throw new FieldsV1Error('expected an object');
    const set = new FieldSet();
    const canonical = readFieldsV1(value, set, true);
    return { set: set.pruneEmpty(), canonical: canonical ? value : undefined };
  }
}

/**
 * Reads one FieldsV1 object into a set; true when the object is canonical: its keys are
 * canonical, sorted, and `.` (an empty object) comes first, only in a nested node that
 * has other keys, as emit prints them.
 */
function readFieldsV1(obj: Record<string, unknown>, into: FieldSet, top: boolean): boolean {
  let canonical = true;
  let previous: FieldElement | undefined;
  let first = true;
  for (const k in obj) {
    if (k === '.') {
      if (top || !first || !isEmptyObject(obj[k])) canonical = false;
      first = false;
      continue;
    }
    first = false;
    const v = obj[k];
    const e = elementOfKey(k);
    if (!isMap(v)) throw new FieldsV1Error(`expected an object for ${k}`);
    if (canonical && (e.key !== k || (previous !== undefined && compareElements(previous, e) >= 0))) canonical = false;
    previous = e;
    // `{}` or one with `.`: a member; any other key: children.
    let self = false;
    let more = false;
    for (const x in v) {
      if (x === '.') self = true;
      else more = true;
      if (self && more) break;
    }
    if (self || !more) into.addMember(e.key, e.pe);
    if (more) {
      if (!readFieldsV1(v, into.childAt(e.key, e.pe), false)) canonical = false;
    } else if (self) {
      canonical = false; // a lone `.` prints as {}
    }
  }
  return canonical;
}

function isEmptyObject(v: unknown): boolean {
  if (!isMap(v)) return false;
  for (const _ in v) return false;
  return true;
}

/** The order emit sorts elements in. */
function compareElements(a: FieldElement, b: FieldElement): number {
  return isFieldKey(a.key) && isFieldKey(b.key) ? compareGoStrings(a.key, b.key) : comparePathElements(a.pe, b.pe);
}

const isFieldKey = (key: string) => key.charCodeAt(0) === 0x66; // 'f'

/** Sorts strings by `<`: an insertion sort for the few keys a node has, faster there than Array.sort. */
function sortStrings(a: string[]): void {
  if (a.length > 24) {
    a.sort();
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/**
 * The element of a FieldsV1 key with its canonical key: a field's text is already
 * canonical; other elements are parsed and re-serialized, remembered for the keys that
 * recur (list items such as `k:{"type":"Ready"}`). Throws FieldsV1Error.
 */
function elementOfKey(text: string): FieldElement {
  let e = parsedKeys.get(text);
  if (!e) {
    const pe = parsePathElement(text);
    e = { pe, key: pe.kind === 'field' ? text : serializePathElement(pe) };
    if (parsedKeys.size >= parsedKeysMax) parsedKeys.clear();
    parsedKeys.set(text, e);
  }
  return e;
}

const parsedKeys = new Map<string, FieldElement>();
const parsedKeysMax = 4096;
