/**
 * The error text Go's encoding/json gives for a document that does not decode into a
 * given Go type: the syntax errors of its scanner ("invalid character 'x' looking for
 * beginning of value", "unexpected end of JSON input") and the type mismatch of the top
 * level ("json: cannot unmarshal array into Go value of type map[string]interface {}").
 * Upstream puts these in field errors (Secret docker configs, JSON annotations).
 */
import { goQuote } from '../../../apimachinery/go-format.ts';

/** Go's quoteChar: `'x'`, with `'\''` and `'"'` special-cased. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const q = goQuote(c);
  return `'${q.slice(1, -1)}'`;
}

class SyntaxError extends Error {}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** A recursive-descent checker raising Go's scanner messages. */
class Scanner {
  private readonly s: string[];
  private i = 0;
  constructor(text: string) {
    this.s = [...text];
  }
  private peek(): string | undefined {
    return this.s[this.i];
  }
  private fail(c: string | undefined, context: string): never {
    if (c === undefined) throw new SyntaxError('unexpected end of JSON input');
    throw new SyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  }
  private skipSpace(): void {
    while (this.i < this.s.length && isSpace(this.s[this.i]!)) this.i++;
  }
  /** Scans a whole document; returns the kind of its top-level value. */
  document(): string {
    this.skipSpace();
    const kind = this.value();
    this.skipSpace();
    if (this.i < this.s.length) this.fail(this.peek(), 'after top-level value');
    return kind;
  }
  private value(): string {
    const c = this.peek();
    switch (c) {
      case '{':
        this.i++;
        this.object();
        return 'object';
      case '[':
        this.i++;
        this.array();
        return 'array';
      case '"':
        this.i++;
        this.string();
        return 'string';
      case 't':
        this.literal('true');
        return 'bool';
      case 'f':
        this.literal('false');
        return 'bool';
      case 'n':
        this.literal('null');
        return 'null';
      default:
        if (c === '-' || isDigit(c)) {
          this.number();
          return 'number';
        }
        return this.fail(c, 'looking for beginning of value');
    }
  }
  private literal(word: string): void {
    for (let k = 0; k < word.length; k++) {
      const c = this.peek();
      if (c !== word[k]) this.fail(c, `in literal ${word} (expecting ${quoteChar(word[k]!)})`);
      this.i++;
    }
  }
  private number(): void {
    if (this.peek() === '-') {
      this.i++;
      if (!isDigit(this.peek())) this.fail(this.peek(), 'in numeric literal');
    }
    if (this.peek() === '0') this.i++;
    else while (isDigit(this.peek())) this.i++;
    if (this.peek() === '.') {
      this.i++;
      if (!isDigit(this.peek())) this.fail(this.peek(), 'after decimal point in numeric literal');
      while (isDigit(this.peek())) this.i++;
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      if (!isDigit(this.peek())) this.fail(this.peek(), 'in exponent of numeric literal');
      while (isDigit(this.peek())) this.i++;
    }
  }
  private string(): void {
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail(c, '');
      this.i++;
      if (c === '"') return;
      if (c === '\\') {
        const e = this.peek();
        this.i++;
        if (e !== undefined && '"\\/bfnrt'.includes(e)) continue;
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            if (!isHex(this.peek())) this.fail(this.peek(), 'in \\u hexadecimal character escape');
            this.i++;
          }
          continue;
        }
        this.fail(e, 'in string escape code');
      }
      if (c.codePointAt(0)! < 0x20) this.fail(c, 'in string literal');
    }
  }
  private object(): void {
    this.skipSpace();
    if (this.peek() === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '"') this.fail(this.peek(), 'looking for beginning of object key string');
      this.i++;
      this.string();
      this.skipSpace();
      if (this.peek() !== ':') this.fail(this.peek(), 'after object key');
      this.i++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '}') {
        this.i++;
        return;
      }
      this.fail(c, 'after object key:value pair');
    }
  }
  private array(): void {
    this.skipSpace();
    if (this.peek() === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      const c = this.peek();
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ']') {
        this.i++;
        return;
      }
      this.fail(c, 'after array element');
    }
  }
}

/**
 * The message of Go's json.Unmarshal of `text` into a value of Go type `into` (its %v
 * spelling, e.g. `map[string]interface {}` or `[]core.Toleration`), or undefined when it
 * decodes. Only the top-level kind is checked against the type.
 */
export function goJSONError(text: string, into: string): string | undefined {
  let kind: string;
  try {
    kind = new Scanner(text).document();
  } catch (e) {
    if (e instanceof SyntaxError) return e.message;
    throw e;
  }
  if (kind === 'null') return undefined;
  const want = into.startsWith('map[') || into.startsWith('struct') ? 'object' : into.startsWith('[]') ? 'array' : undefined;
  if (want && kind !== want) return `json: cannot unmarshal ${kind} into Go value of type ${into}`;
  return undefined;
}
