/**
 * Field selectors as upstream's k8s.io/apimachinery/pkg/fields (Kubernetes 1.33): the
 * `--field-selector`/`fieldSelector=` syntax (`a=b`, `a==b`, `a!=b`, joined by ','; '\',
 * ',' and '=' in values escaped with '\'), upstream's error messages, matching against a
 * flat map of field values, and the field-label conversion the API server applies per
 * resource (rejecting unknown fields with `field label not supported: X`).
 */
import { compareGoStrings, goQuote } from './go-format.ts';

/** Field values to match against, e.g. `{'metadata.name': 'x', 'spec.nodeName': 'n1'}`. */
export type Fields = Readonly<Record<string, string>>;

/** A field selector that does not parse, or a field the resource does not support. */
export class FieldSelectorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FieldSelectorError';
  }
}

/** One condition of a field selector. */
export interface FieldRequirement {
  operator: '=' | '!=';
  field: string;
  value: string;
}

/**
 * Rewrites one field/value pair; returning '' for both drops the requirement. Throwing
 * rejects the selector (the API server answers 400 with the message).
 */
export type TransformFunc = (field: string, value: string) => [field: string, value: string];

/** A field selector. Implementations are immutable. */
export interface FieldSelector {
  /** Whether the field values satisfy the selector; a missing field counts as ''. */
  matches(fields: Fields): boolean;
  /** True when it does not restrict anything. */
  empty(): boolean;
  /** The value the selector requires `field` to equal, if it does. */
  requiresExactMatch(field: string): string | undefined;
  /** A copy with `fn` applied to each requirement (upstream Transform). */
  transform(fn: TransformFunc): FieldSelector;
  /** The requirements, in order. */
  requirements(): FieldRequirement[];
  /** The fields the selector constrains, in order (with repeats). */
  fields(): string[];
  /** Upstream's string form, values escaped: `a=b,c!=d`. */
  toString(): string;
}

const goGet = (fields: Fields, field: string) => (Object.prototype.hasOwnProperty.call(fields, field) ? fields[field]! : '');

class HasTerm implements FieldSelector {
  readonly field: string;
  readonly value: string;
  constructor(field: string, value: string) {
    this.field = field;
    this.value = value;
  }
  matches(fields: Fields): boolean {
    return goGet(fields, this.field) === this.value;
  }
  empty(): boolean {
    return false;
  }
  requiresExactMatch(field: string): string | undefined {
    return field === this.field ? this.value : undefined;
  }
  transform(fn: TransformFunc): FieldSelector {
    const [field, value] = fn(this.field, this.value);
    if (field.length === 0 && value.length === 0) return everything();
    return new HasTerm(field, value);
  }
  requirements(): FieldRequirement[] {
    return [{ operator: '=', field: this.field, value: this.value }];
  }
  fields(): string[] {
    return [this.field];
  }
  toString(): string {
    return `${this.field}=${escapeValue(this.value)}`;
  }
}

class NotHasTerm implements FieldSelector {
  readonly field: string;
  readonly value: string;
  constructor(field: string, value: string) {
    this.field = field;
    this.value = value;
  }
  matches(fields: Fields): boolean {
    return goGet(fields, this.field) !== this.value;
  }
  empty(): boolean {
    return false;
  }
  requiresExactMatch(): string | undefined {
    return undefined;
  }
  transform(fn: TransformFunc): FieldSelector {
    const [field, value] = fn(this.field, this.value);
    if (field.length === 0 && value.length === 0) return everything();
    return new NotHasTerm(field, value);
  }
  requirements(): FieldRequirement[] {
    return [{ operator: '!=', field: this.field, value: this.value }];
  }
  fields(): string[] {
    return [this.field];
  }
  toString(): string {
    return `${this.field}!=${escapeValue(this.value)}`;
  }
}

class AndTerm implements FieldSelector {
  readonly terms: readonly FieldSelector[];
  constructor(terms: readonly FieldSelector[]) {
    this.terms = terms;
  }
  matches(fields: Fields): boolean {
    return this.terms.every((t) => t.matches(fields));
  }
  empty(): boolean {
    return this.terms.every((t) => t.empty());
  }
  requiresExactMatch(field: string): string | undefined {
    for (const t of this.terms) {
      const v = t.requiresExactMatch(field);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  transform(fn: TransformFunc): FieldSelector {
    const next: FieldSelector[] = [];
    for (const t of this.terms) {
      const n = t.transform(fn);
      if (!n.empty()) next.push(n);
    }
    return new AndTerm(next);
  }
  requirements(): FieldRequirement[] {
    return this.terms.flatMap((t) => t.requirements());
  }
  fields(): string[] {
    return this.terms.flatMap((t) => t.fields());
  }
  toString(): string {
    return this.terms.map((t) => t.toString()).join(',');
  }
}

class NothingSelector implements FieldSelector {
  matches(): boolean {
    return false;
  }
  empty(): boolean {
    return false;
  }
  requiresExactMatch(): string | undefined {
    return undefined;
  }
  transform(): FieldSelector {
    return this;
  }
  requirements(): FieldRequirement[] {
    return [];
  }
  fields(): string[] {
    return [];
  }
  toString(): string {
    return '';
  }
}

const everythingSelector = new AndTerm([]);
const nothingSelector = new NothingSelector();

/** Matches every object (empty). */
export function everything(): FieldSelector {
  return everythingSelector;
}

/** Matches nothing (not empty; its string is ''). */
export function nothing(): FieldSelector {
  return nothingSelector;
}

/** `field=value`. */
export function oneTermEqualSelector(field: string, value: string): FieldSelector {
  return new HasTerm(field, value);
}

/** `field!=value`. */
export function oneTermNotEqualSelector(field: string, value: string): FieldSelector {
  return new NotHasTerm(field, value);
}

/** All of the selectors. */
export function andSelectors(...selectors: FieldSelector[]): FieldSelector {
  return new AndTerm(selectors);
}

/** A selector requiring each field to equal its value; everything for a missing set. */
export function selectorFromSet(set: Fields | null | undefined): FieldSelector {
  if (!set) return everything();
  const items = Object.keys(set).map((k) => new HasTerm(k, set[k]!));
  return items.length === 1 ? items[0]! : new AndTerm(items);
}

/** `k=v` pairs sorted and joined by ',' (upstream fields.Set.String()). */
export function fieldsToString(set: Fields | null | undefined): string {
  return Object.entries(set ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort(compareGoStrings)
    .join(',');
}

/** Escapes '\', ',' and '=' with a backslash, for use as a selector value. */
export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/**
 * Undoes {@link escapeValue}. Throws with upstream's messages: `invalid field selector:
 * invalid escape sequence: \x` and, for a bare ',' or '=', `invalid field selector:
 * unescaped character in value: 61` (Go prints the character's code).
 */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** Splits at commas not escaped by a backslash; the backslashes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const termOperators = ['!=', '==', '='] as const;

/** The first operator in the term splits it; the field part is not unescaped. */
function splitTerm(term: string): [lhs: string, op: string, rhs: string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

const identity: TransformFunc = (field, value) => [field, value];

/**
 * Parses a field selector (upstream fields.ParseSelector). Terms are sorted, so the string
 * form is canonical. Throws {@link FieldSelectorError}, e.g. `invalid selector: 'a';
 * can't understand 'a'`.
 */
export function parseSelector(selector: string): FieldSelector {
  return parseAndTransformSelector(selector, identity);
}

/** Another name for {@link parseSelector}. */
export const parseFieldSelector = parseSelector;

/** Parses, then applies `fn` to every requirement (upstream ParseAndTransformSelector). */
export function parseAndTransformSelector(selector: string, fn: TransformFunc): FieldSelector {
  const parts = splitTerms(selector).sort(compareGoStrings);
  const items: FieldSelector[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [lhs, op, rhs] = split;
    const value = unescapeValue(rhs);
    items.push(op === '!=' ? new NotHasTerm(lhs, value) : new HasTerm(lhs, value));
  }
  return items.length === 1 ? items[0]!.transform(fn) : new AndTerm(items).transform(fn);
}

/**
 * Upstream's runtime.DefaultMetaV1FieldSelectorConversion, used for resources without
 * their own: only `metadata.name` and `metadata.namespace`.
 */
export const defaultMetaV1FieldSelectorConversion: TransformFunc = (label, value) => {
  if (label === 'metadata.name' || label === 'metadata.namespace') return [label, value];
  throw new FieldSelectorError(`${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
};

/**
 * The usual per-resource conversion: `supported` fields pass through, `aliases` are renamed
 * (e.g. Pods' `spec.host` to `spec.nodeName`), anything else throws
 * `field label not supported: X`.
 */
export function fieldLabelConversion(supported: Iterable<string>, aliases: Readonly<Record<string, string>> = {}): TransformFunc {
  const allowed = new Set(supported);
  return (label, value) => {
    if (allowed.has(label)) return [label, value];
    if (Object.hasOwn(aliases, label)) return [aliases[label]!, value];
    throw new FieldSelectorError(`field label not supported: ${label}`);
  };
}

/**
 * The message the API server answers for a selector that constrains a field outside
 * `supported` (`field label not supported: X`, for the first such field in the selector's
 * order), or undefined when every field is supported.
 */
export function unsupportedFieldMessage(selector: FieldSelector, supported: Iterable<string>): string | undefined {
  const allowed = new Set(supported);
  for (const field of selector.fields()) if (!allowed.has(field)) return `field label not supported: ${field}`;
  return undefined;
}
