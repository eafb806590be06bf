/**
 * Small helpers that reproduce how Go prints and orders values, so that messages built
 * here read byte for byte like kube-apiserver's (which is what kubectl shows users).
 */

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrintable(codePoint: number): boolean {
  if (codePoint === 0x20) return true;
  if (codePoint < 0x20 || codePoint === 0x7f) return false;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return printable.test(String.fromCodePoint(codePoint));
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** The body of a Go quoted string (strconv.Quote without the surrounding quotes). */
function quoteBody(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (cp) {
      case 0x07: out += '\\a'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x0b: out += '\\v'; continue;
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // A lone surrogate cannot be UTF-8; Go would see the replacement character.
      out += '\ufffd';
    } else if (isGoPrintable(cp)) {
      out += ch;
    } else if (cp < 0x20 || cp === 0x7f) {
      out += `\\x${hex(cp, 2)}`;
    } else if (cp < 0x10000) {
      out += `\\u${hex(cp, 4)}`;
    } else {
      out += `\\U${hex(cp, 8)}`;
    }
  }
  return out;
}

/** Go's strconv.Quote / fmt's %q for a string. */
export function goQuote(s: string): string {
  return `"${quoteBody(s)}"`;
}

/** The length of a string in UTF-8 bytes, which is what Go's len() counts. */
export function byteLength(s: string): number {
  // Fast path for ASCII.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? s.length : Buffer.byteLength(s, 'utf8');
}

/**
 * Compares two strings the way Go compares them (by UTF-8 bytes, which is the same as by
 * code points). JavaScript's `<` compares UTF-16 code units, which differs for characters
 * above U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // surrogates encode code points above every BMP one
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** A stable sort of strings in Go's order, returning a new array. */
export function sortGoStrings(values: readonly string[]): string[] {
  return [...values].sort(compareGoStrings);
}

/** True when the strings are already in Go's sort order. */
export function goStringsAreSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i++) {
    if (compareGoStrings(values[i - 1]!, values[i]!) > 0) return false;
  }
  return true;
}

/**
 * A value whose Go rendering is already known, for bad values in field errors that Go
 * prints with %#v (structs, typed slices) or through a String method.
 */
export class GoRepr {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** Go's %#v of a []string: `[]string{"a", "b"}`, or `[]string(nil)` for a nil slice. */
export function goStringSlice(values: readonly string[] | null | undefined): GoRepr {
  if (values === null || values === undefined) return new GoRepr('[]string(nil)');
  return new GoRepr(`[]string{${values.map(goQuote).join(', ')}}`);
}

/** Go's %#v of a map[string]string (keys sorted). */
export function goStringMap(values: Readonly<Record<string, string>> | null | undefined): GoRepr {
  if (values === null || values === undefined) return new GoRepr('map[string]string(nil)');
  const keys = sortGoStrings(Object.keys(values));
  return new GoRepr(`map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(values[k]!)}`).join(', ')}}`);
}

/**
 * Go's %v for a float64 (strconv 'g' with the shortest precision): exponent form when the
 * decimal exponent is below -4 or at least 6, as in `1e+06` or `1.5e-07`.
 */
export function goFormatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, expText] = value.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(value);
}

/** Go's strconv.ParseInt(s, 10, 64): an optional sign and decimal digits within int64. */
export function parseGoInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) return undefined;
  return n;
}
