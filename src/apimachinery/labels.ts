/**
 * Label selectors as upstream's k8s.io/apimachinery/pkg/labels (Kubernetes 1.33): the
 * `-l`/`labelSelector=` string syntax with upstream's parser and error messages, matching,
 * the canonical string form, and conversion from a metav1.LabelSelector object.
 *
 * Syntax: requirements separated by ',' (all must hold), each one of
 *   key | !key | key=value | key==value | key!=value | key in (v1,v2) | key notin (v1,v2)
 *   | key>N | key<N
 * where keys are qualified names and values label values (possibly empty).
 */
import {
  type FieldError,
  FieldErrorsError,
  FieldPath,
  childPath,
  formatFieldError,
  invalid,
  keyPath,
  notSupported,
} from './field.ts';
import { GoRepr, compareGoStrings, goQuote, goStringSlice, goStringsAreSorted, parseGoInt64, sortGoStrings } from './go-format.ts';
import { isQualifiedName, isValidLabelValue } from './validation.ts';

/** Labels to match against. Only own properties count. */
export type Labels = Readonly<Record<string, string>>;

/** upstream's selection.Operator values. */
export type Operator = '!' | '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | 'gt' | 'lt';

const binaryOperators: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const unaryOperators: readonly Operator[] = ['exists', '!'];
const validRequirementOperators: readonly Operator[] = [...binaryOperators, ...unaryOperators];

const hasLabel = (labels: Labels, key: string) => Object.prototype.hasOwnProperty.call(labels, key);

/** A selector string that does not parse; `message` is upstream's error text. */
export class SelectorParseError extends Error {
  /** The field errors behind the message, when it came from a requirement's validation. */
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[] = []) {
    super(message);
    this.name = 'SelectorParseError';
    this.errors = errors;
  }
}

function labelKeyError(key: string, path: FieldPath | undefined): FieldError | undefined {
  const errs = isQualifiedName(key);
  return errs.length > 0 ? invalid(path, key, errs.join('; ')) : undefined;
}

function labelValueError(key: string, value: string, path: FieldPath | undefined): FieldError | undefined {
  const errs = isValidLabelValue(value);
  return errs.length > 0 ? invalid(keyPath(path, key), value, errs.join('; ')) : undefined;
}

/** One condition of a selector: a key, an operator and (for most operators) values. */
export class Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** The values in the order given (one for =, ==, !=, gt, lt; none for exists and !). */
  readonly values: readonly string[];

  /** Builds a requirement without validation; use {@link newRequirement} for checked input. */
  constructor(key: string, operator: Operator, values: readonly string[]) {
    this.key = key;
    this.operator = operator;
    this.values = values;
  }

  /** Whether the labels satisfy this requirement. */
  matches(labels: Labels): boolean {
    switch (this.operator) {
      case 'in':
      case '=':
      case '==':
        return hasLabel(labels, this.key) && this.values.includes(labels[this.key]!);
      case 'notin':
      case '!=':
        return !hasLabel(labels, this.key) || !this.values.includes(labels[this.key]!);
      case 'exists':
        return hasLabel(labels, this.key);
      case '!':
        return !hasLabel(labels, this.key);
      case 'gt':
      case 'lt': {
        if (!hasLabel(labels, this.key)) return false;
        const actual = parseGoInt64(labels[this.key]!);
        if (actual === undefined || this.values.length !== 1) return false;
        const bound = parseGoInt64(this.values[0]!);
        if (bound === undefined) return false;
        return this.operator === 'gt' ? actual > bound : actual < bound;
      }
      default:
        return false;
    }
  }

  /** The values as a sorted set. */
  valueSet(): string[] {
    return sortGoStrings([...new Set(this.values)]);
  }

  equals(other: Requirement): boolean {
    return (
      this.key === other.key &&
      this.operator === other.operator &&
      this.values.length === other.values.length &&
      this.values.every((v, i) => v === other.values[i])
    );
  }

  /** Upstream's canonical text, e.g. `x in (a,b)`, `!y`, `z!=c`. */
  toString(): string {
    let s = this.operator === '!' ? `!${this.key}` : this.key;
    switch (this.operator) {
      case '=': s += '='; break;
      case '==': s += '=='; break;
      case '!=': s += '!='; break;
      case 'in': s += ' in '; break;
      case 'notin': s += ' notin '; break;
      case 'gt': s += '>'; break;
      case 'lt': s += '<'; break;
      case 'exists':
      case '!':
        return s;
    }
    const setBased = this.operator === 'in' || this.operator === 'notin';
    if (setBased) s += '(';
    if (this.values.length === 1) s += this.values[0];
    else s += (goStringsAreSorted(this.values) ? this.values : sortGoStrings(this.values)).join(',');
    if (setBased) s += ')';
    return s;
  }
}

/**
 * A validated requirement (upstream NewRequirement). Throws a {@link FieldErrorsError}
 * whose message is upstream's: e.g. `values: Invalid value: []string{}: for 'in', 'notin'
 * operators, values set can't be empty`. `values` of `null` stands for Go's nil slice
 * (printed `[]string(nil)`); `path` prefixes the error fields.
 */
export function newRequirement(key: string, operator: string, values: readonly string[] | null, path?: FieldPath): Requirement {
  const errs: FieldError[] = [];
  const keyErr = labelKeyError(key, childPath(path, 'key'));
  if (keyErr) errs.push(keyErr);
  const vals = values ?? [];
  const valuePath = childPath(path, 'values');
  const shown = goStringSlice(values);
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalid(valuePath, shown, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalid(valuePath, shown, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalid(valuePath, shown, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalid(valuePath, shown, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseGoInt64(v) === undefined) errs.push(invalid(valuePath.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(notSupported(childPath(path, 'operator'), new GoRepr(goQuote(operator)), validRequirementOperators));
  }
  vals.forEach((v, i) => {
    const err = labelValueError(key, v, valuePath.index(i));
    if (err) errs.push(err);
  });
  if (errs.length > 0) throw new FieldErrorsError(dedupe(errs));
  return new Requirement(key, operator as Operator, [...vals]);
}

/** Drops errors whose message repeats an earlier one, as upstream's ToAggregate does. */
function dedupe(errs: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const m = formatFieldError(e);
    if (seen.has(m)) return false;
    seen.add(m);
    return true;
  });
}

const byKey = (a: Requirement, b: Requirement) => compareGoStrings(a.key, b.key);

/** A label selector. Implementations are immutable. */
export interface Selector {
  /** Whether the labels satisfy every requirement. */
  matches(labels: Labels): boolean;
  /** True when the selector does not restrict anything (it matches everything). */
  empty(): boolean;
  /** Upstream's canonical string ('' for both everything and nothing). */
  toString(): string;
  /** A new selector with the requirements added (kept sorted by key). */
  add(...requirements: Requirement[]): Selector;
  /** The requirements, and false for a selector that selects nothing. */
  requirements(): { requirements: readonly Requirement[]; selectable: boolean };
  /** The single value the selector requires for `label` (via =, == or a one-value in), if any. */
  requiresExactMatch(label: string): string | undefined;
  /** True only for {@link nothing}. */
  matchesNothing(): boolean;
}

class InternalSelector implements Selector {
  readonly reqs: readonly Requirement[];
  constructor(reqs: readonly Requirement[]) {
    this.reqs = reqs;
  }
  matches(labels: Labels): boolean {
    return this.reqs.every((r) => r.matches(labels));
  }
  empty(): boolean {
    return this.reqs.length === 0;
  }
  toString(): string {
    return this.reqs.map((r) => r.toString()).join(',');
  }
  add(...requirements: Requirement[]): Selector {
    return new InternalSelector([...this.reqs, ...requirements].sort(byKey));
  }
  requirements() {
    return { requirements: this.reqs, selectable: true };
  }
  requiresExactMatch(label: string): string | undefined {
    for (const r of this.reqs) {
      if (r.key !== label) continue;
      if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1) return r.values[0];
      return undefined;
    }
    return undefined;
  }
  matchesNothing(): boolean {
    return false;
  }
}

class NothingSelector implements Selector {
  matches(): boolean {
    return false;
  }
  empty(): boolean {
    return false;
  }
  toString(): string {
    return '';
  }
  add(): Selector {
    return this;
  }
  requirements() {
    return { requirements: [] as readonly Requirement[], selectable: false };
  }
  requiresExactMatch(): string | undefined {
    return undefined;
  }
  matchesNothing(): boolean {
    return true;
  }
}

const everythingSelector: Selector = new InternalSelector([]);
const nothingSelector: Selector = new NothingSelector();

/** A selector that matches all labels (empty). */
export function everything(): Selector {
  return everythingSelector;
}

/** A selector that matches nothing (not empty; its string is ''). */
export function nothing(): Selector {
  return nothingSelector;
}

/** A selector of the given requirements, sorted by key. */
export function selectorOf(requirements: readonly Requirement[]): Selector {
  return new InternalSelector([...requirements].sort(byKey));
}

/** True only for the {@link nothing} selector. */
export function matchesNothing(selector: Selector): boolean {
  return selector.matchesNothing();
}

// ---------------------------------------------------------------------------------------
// Parsing

type Token =
  | 'error'
  | 'eos'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'id'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

const string2token: Record<string, Token> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  in: 'in',
  '<': '<',
  '!=': '!=',
  notin: 'notin',
  '(': '(',
};

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';

interface Item {
  tok: Token;
  lit: string;
}

/** Upstream's lexer; a NUL character ends the input as in Go. */
function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++]! : '\0');
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    pos--;
    if (isSpecialSymbol(ch)) {
      let buffer = '';
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecialSymbol(c)) {
          buffer += c;
          const t = Object.hasOwn(string2token, buffer) ? string2token[buffer] : undefined;
          if (t) {
            last = { tok: t, lit: buffer };
          } else if (last) {
            pos--;
            break;
          }
        } else {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecialSymbol(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buffer += c;
      }
      const t = Object.hasOwn(string2token, buffer) ? string2token[buffer]! : 'id';
      items.push({ tok: t, lit: buffer });
    }
  }
}

class Parser {
  private readonly items: Item[];
  private position = 0;
  private readonly path: FieldPath | undefined;

  constructor(input: string, path: FieldPath | undefined) {
    this.items = lex(input);
    this.path = path;
  }

  /** In a values context, `in` and `notin` are plain identifiers. */
  private lookahead(values: boolean): Item {
    const it = this.items[this.position]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }

  private consume(values: boolean): Item {
    const it = this.lookahead(values);
    this.position++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      switch (tok) {
        case 'id':
        case '!': {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            const errors = e instanceof FieldErrorsError || e instanceof SelectorParseError ? e.errors : [];
            throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`, errors);
          }
          reqs.push(r);
          const t = this.consume(true);
          if (t.tok === 'eos') return reqs;
          if (t.tok === ',') {
            const t2 = this.lookahead(true);
            if (t2.tok !== 'id' && t2.tok !== '!') throw new SelectorParseError(`found '${t2.lit}', expected: identifier after ','`);
            break;
          }
          throw new SelectorParseError(`found '${t.lit}', expected: ',' or 'end of string'`);
        }
        case 'eos':
          return reqs;
        default:
          throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, [], this.path);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, sortGoStrings([...values]), this.path);
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | '' } {
    let operator: Operator | '' = '';
    let it = this.consume(true);
    if (it.tok === '!') {
      operator = '!';
      it = this.consume(true);
    }
    if (it.tok !== 'id') throw new SelectorParseError(`found '${it.lit}', expected: identifier`);
    const err = labelKeyError(it.lit, this.path);
    if (err) throw new FieldErrorsError([err]);
    const next = this.lookahead(true).tok;
    if ((next === 'eos' || next === ',') && operator !== '!') operator = 'exists';
    return { key: it.lit, operator };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(false);
    switch (tok) {
      case 'in': return 'in';
      case '=': return '=';
      case '==': return '==';
      case '>': return 'gt';
      case '<': return 'lt';
      case 'notin': return 'notin';
      case '!=': return '!=';
      default:
        throw new SelectorParseError(`found '${lit}', expected: ${binaryOperators.join(', ')}`);
    }
  }

  private parseValues(): Set<string> {
    const open = this.consume(true);
    if (open.tok !== '(') throw new SelectorParseError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    switch (tok) {
      case 'id':
      case ',': {
        const s = this.parseIdentifiersList();
        if (this.consume(true).tok !== ')') throw new SelectorParseError(`found '${lit}', expected: ')'`);
        return s;
      }
      case ')':
        this.consume(true);
        return new Set(['']);
      default:
        throw new SelectorParseError(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      switch (tok) {
        case 'id': {
          s.add(lit);
          const next = this.lookahead(true);
          if (next.tok === ',') continue;
          if (next.tok === ')') return s;
          throw new SelectorParseError(`found '${next.lit}', expected: ',' or ')'`);
        }
        case ',': {
          if (s.size === 0) s.add('');
          const next = this.lookahead(true).tok;
          if (next === ')') {
            s.add('');
            return s;
          }
          if (next === ',') {
            // Kubernetes 1.33 swallows the second comma of ",," here.
            this.consume(true);
            s.add('');
          }
          break;
        }
        default:
          throw new SelectorParseError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead(true).tok;
    if (next === 'eos' || next === ',') return new Set(['']);
    const { tok, lit } = this.consume(true);
    if (tok === 'id') return new Set([lit]);
    throw new SelectorParseError(`found '${lit}', expected: identifier`);
  }
}

/**
 * Parses a selector string (upstream labels.Parse). Throws {@link SelectorParseError} with
 * upstream's message, e.g. `unable to parse requirement: found 'b', expected: in, notin,
 * =, ==, !=, gt, lt`. `path`, when given, prefixes the fields of validation errors
 * (without it the key error reads `<nil>: Invalid value: ...`, as upstream's does).
 */
export function parse(selector: string, path?: FieldPath): Selector {
  return new InternalSelector(parseToRequirements(selector, path));
}

/** Another name for {@link parse}. */
export const parseSelector = parse;

/** The parsed requirements, sorted by key. */
export function parseToRequirements(selector: string, path?: FieldPath): Requirement[] {
  return new Parser(selector, path).parse().sort(byKey);
}

// ---------------------------------------------------------------------------------------
// Sets of labels

/** A selector requiring exactly these labels (no validation). Empty for an empty set. */
export function selectorFromSet(labels: Labels | null | undefined): Selector {
  return selectorFromValidatedSet(labels);
}

/** Like {@link selectorFromSet}, for labels already known to be valid. */
export function selectorFromValidatedSet(labels: Labels | null | undefined): Selector {
  if (!labels) return new InternalSelector([]);
  const reqs = Object.keys(labels).map((k) => new Requirement(k, '=', [labels[k]!]));
  return new InternalSelector(reqs.sort(byKey));
}

/** Like {@link selectorFromSet}, but validates keys and values first (throws FieldErrorsError). */
export function validatedSelectorFromSet(labels: Labels | null | undefined): Selector {
  if (!labels) return new InternalSelector([]);
  const reqs = Object.keys(labels).map((k) => newRequirement(k, '=', [labels[k]!]));
  return new InternalSelector(reqs.sort(byKey));
}

/** `k=v` pairs sorted and joined by ',' (upstream Set.String()). */
export function labelsToString(labels: Labels | null | undefined): string {
  return sortGoStrings(Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`)).join(',');
}

/** As {@link labelsToString}, but `<none>` for no labels (kubectl's column text). */
export function formatLabels(labels: Labels | null | undefined): string {
  const s = labelsToString(labels);
  return s === '' ? '<none>' : s;
}

/** True when some key is in both sets with different values. */
export function conflicts(a: Labels, b: Labels): boolean {
  for (const k of Object.keys(a)) if (hasLabel(b, k) && b[k] !== a[k]) return true;
  return false;
}

/** The union of both sets; `b` wins on conflicts. */
export function merge(a: Labels | null | undefined, b: Labels | null | undefined): Record<string, string> {
  return { ...a, ...b };
}

/** True when both sets have the same keys and values. */
export function labelsEqual(a: Labels | null | undefined, b: Labels | null | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => hasLabel(b ?? {}, k) && b![k] === a![k]);
}

/**
 * Parses `k=v,k2=v2` into a label set, validating keys and values (upstream
 * ConvertSelectorToLabelsMap). Throws with upstream's message.
 */
export function convertSelectorToLabelsMap(selector: string, path?: FieldPath): Record<string, string> {
  const out: Record<string, string> = {};
  if (selector.length === 0) return out;
  for (const label of selector.split(',')) {
    const parts = label.split('=');
    if (parts.length !== 2) throw new Error(`invalid selector: [${parts.join(' ')}]`);
    const key = parts[0]!.trim();
    const keyErr = labelKeyError(key, path);
    if (keyErr) throw new FieldErrorsError([keyErr]);
    const value = parts[1]!.trim();
    const valueErr = labelValueError(key, value, path);
    if (valueErr) throw new FieldErrorsError([valueErr]);
    out[key] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// metav1.LabelSelector

export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator | string;
  values?: readonly string[] | null;
}

/** metav1.LabelSelector as it appears in JSON. */
export interface LabelSelector {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly LabelSelectorRequirement[] | null;
}

const selectorOps: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * Upstream's metav1.LabelSelectorAsSelector: a missing selector selects nothing, an empty
 * one everything. Throws on an unknown operator (`"Foo" is not a valid label selector
 * operator`) or invalid keys and values (a FieldErrorsError with upstream's message).
 */
export function labelSelectorAsSelector(ps: LabelSelector | null | undefined): Selector {
  if (!ps) return nothing();
  const matchLabels = ps.matchLabels ?? {};
  const exprs = ps.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + exprs.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(matchLabels)) reqs.push(newRequirement(k, '=', [v]));
  for (const expr of exprs) {
    const op = Object.hasOwn(selectorOps, expr.operator) ? selectorOps[expr.operator] : undefined;
    if (!op) throw new Error(`${goQuote(expr.operator)} is not a valid label selector operator`);
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    reqs.push(newRequirement(expr.key, op, values));
  }
  return new InternalSelector(reqs.sort(byKey));
}

/**
 * Upstream's LabelSelectorAsMap: the selector as plain labels; throws for operators that
 * cannot be expressed that way.
 */
export function labelSelectorAsMap(ps: LabelSelector | null | undefined): Record<string, string> | undefined {
  if (!ps) return undefined;
  const out: Record<string, string> = { ...ps.matchLabels };
  for (const expr of ps.matchExpressions ?? []) {
    switch (expr.operator) {
      case 'In':
        if ((expr.values ?? []).length !== 1) {
          throw new Error(`operator ${goQuote(expr.operator)} without a single value cannot be converted into the old label selector format`);
        }
        out[expr.key] = expr.values![0]!;
        break;
      case 'NotIn':
      case 'Exists':
      case 'DoesNotExist':
        throw new Error(`operator ${goQuote(expr.operator)} cannot be converted into the old label selector format`);
      default:
        throw new Error(`${goQuote(expr.operator)} is not a valid selector operator`);
    }
  }
  return out;
}

/** Upstream's ParseToLabelSelector: a selector string as a metav1.LabelSelector object. */
export function parseToLabelSelector(selector: string): { matchLabels: Record<string, string>; matchExpressions: LabelSelectorRequirement[] } {
  let reqs: Requirement[];
  try {
    reqs = parseToRequirements(selector);
  } catch (e) {
    throw new Error(`couldn't parse the selector string "${selector}": ${(e as Error).message}`, { cause: e });
  }
  const out = { matchLabels: {} as Record<string, string>, matchExpressions: [] as LabelSelectorRequirement[] };
  for (const r of reqs) {
    let op: LabelSelectorOperator;
    switch (r.operator) {
      case '=':
      case '==':
        out.matchLabels[r.key] = r.values[0]!;
        continue;
      case 'in': op = 'In'; break;
      case 'notin': op = 'NotIn'; break;
      case 'exists': op = 'Exists'; break;
      case '!': op = 'DoesNotExist'; break;
      case 'gt':
      case 'lt':
        throw new Error(`${goQuote(r.operator)} isn't supported in label selectors`);
      default:
        throw new Error(`${goQuote(r.operator)} is not a valid label selector operator`);
    }
    out.matchExpressions.push({ key: r.key, operator: op, values: r.valueSet() });
  }
  return out;
}

/** A metav1.LabelSelector selecting exactly these labels. */
export function setAsLabelSelector(labels: Labels | null | undefined): LabelSelector | undefined {
  return labels ? { matchLabels: { ...labels } } : undefined;
}

/** Upstream's FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(ps: LabelSelector | null | undefined): string {
  let s: string;
  try {
    s = labelSelectorAsSelector(ps).toString();
  } catch {
    return '<error>';
  }
  return s === '' ? '<none>' : s;
}
