/**
 * resource.Quantity as upstream's k8s.io/apimachinery/pkg/api/resource (Kubernetes 1.33):
 * parsing with upstream's errors, the exact serialized form (canonical, or the input kept
 * verbatim in the cases upstream keeps it), comparison and arithmetic, and the rounded
 * integer accessors.
 *
 * A quantity is `<sign><number><suffix>`, the suffix one of the decimal SI ones
 * (`n u m '' k M G T P E`), the binary SI ones (`Ki Mi Gi Ti Pi Ei`) or a decimal exponent
 * (`e3`, `E-2`). Values are exact decimals (never floating point); parsing rounds up to
 * nano units and caps binary-SI values at 2^63-1, as upstream does. The suffix kind is
 * remembered and used again when printing: `1.5Gi` prints `1536Mi`, `0.5` prints `500m`,
 * `1000m` prints `1`, `1e3` prints `1e3`.
 *
 * Quantities are immutable; `add`, `sub`, `neg` and `roundUp` return new ones.
 */

/** The three ways of writing the suffix. */
export type Format = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** Powers of ten for the usual scales, as upstream's resource.Scale. */
export const Scale = { Nano: -9, Micro: -6, Milli: -3, Kilo: 3, Mega: 6, Giga: 9, Tera: 12, Peta: 15, Exa: 18 } as const;

const splitREString = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Upstream's parse error messages. */
export const quantityErrors = {
  formatWrong: `quantities must match the regular expression '${splitREString}'`,
  numeric: 'unable to parse numeric part of quantity',
  suffix: "unable to parse quantity's suffix",
} as const;

export class QuantityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityParseError';
  }
}

const maxInt64 = 0x7fffffffffffffffn;
const minInt64 = -0x8000000000000000n;
const fitsInt64 = (v: bigint) => v >= minInt64 && v <= maxInt64;
const int32 = (n: number) => n | 0;
/** The largest value MilliValue can return without overflow. */
export const maxMilliValue = maxInt64 / 1000n;

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 0) throw new RangeError('negative power of ten');
  if (n > 100_000) throw new RangeError('quantity exponent out of range');
  if (n < 64) return (pow10Cache[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

const abs = (v: bigint) => (v < 0n ? -v : v);
const digitCount = (v: bigint) => (v === 0n ? 0 : abs(v).toString().length);

/** Divides by 10^n rounding away from zero; [result, exact]. Handles huge n without huge powers. */
function divPow10Up(v: bigint, n: number): [bigint, boolean] {
  if (n <= 0) return [v * pow10(-n), true];
  if (v === 0n) return [0n, true];
  if (n > digitCount(v)) return [v > 0n ? 1n : -1n, false];
  const d = pow10(n);
  const q = v / d;
  const r = v % d;
  if (r === 0n) return [q, true];
  return [v > 0n ? q + 1n : q - 1n, false];
}

const decimalSuffixes = new Map<number, string>([
  [-9, 'n'],
  [-6, 'u'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
  [6, 'M'],
  [9, 'G'],
  [12, 'T'],
  [15, 'P'],
  [18, 'E'],
]);
const binarySuffixes = new Map<number, string>([
  [10, 'Ki'],
  [20, 'Mi'],
  [30, 'Gi'],
  [40, 'Ti'],
  [50, 'Pi'],
  [60, 'Ei'],
]);
const suffixTable = new Map<string, { base: 2 | 10; exponent: number; format: Format }>([
  ...[...decimalSuffixes].map(([e, s]) => [s, { base: 10 as const, exponent: e, format: 'DecimalSI' as Format }] as const),
  ...[...binarySuffixes].map(([e, s]) => [s, { base: 2 as const, exponent: e, format: 'BinarySI' as Format }] as const),
]);

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: Format } | undefined {
  const known = suffixTable.get(suffix);
  if (known) return known;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1);
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined;
    const parsed = BigInt(rest);
    if (!fitsInt64(parsed)) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

interface ScannedQuantity {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** Upstream's parseQuantityString scanner. */
function scanQuantity(str: string): ScannedQuantity {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // Leading zeros.
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] !== '0') break;
    pos++;
  }
  let num: string;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = '0';
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!'eEinumkKMGTP'.includes(str[i]!)) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
    if (!isDigit(str[i])) break;
  }
  throw new QuantityParseError(quantityErrors.formatWrong);
}

/** inf.Dec's SetString: [unscaled, digits after the point], or undefined without digits. */
function parseDecimal(s: string): [bigint, number] | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(s);
  if (!m) return undefined;
  const intPart = m[2]!;
  const frac = m[3] ?? '';
  if (intPart.length + frac.length === 0) return undefined;
  const unscaled = BigInt(`${m[1] === '-' ? '-' : ''}${intPart}${frac}` || '0');
  return [unscaled, frac.length];
}

interface QuantityInit {
  unscaled: bigint;
  exp: number;
  format: Format;
  /** The serialized form when already known. */
  s?: string;
  /** True when upstream would hold the value as an inf.Dec rather than an int64 amount. */
  dec?: boolean;
}

/** A fixed-point quantity (resource.Quantity). */
export class Quantity {
  /** value = unscaled × 10^exp */
  private readonly unscaled: bigint;
  private readonly exp: number;
  /** The format used when printing. */
  readonly format: Format;
  private cached: string;
  private readonly dec: boolean;

  private constructor(init: QuantityInit) {
    this.unscaled = init.unscaled;
    this.exp = init.exp;
    this.format = init.format;
    this.cached = init.s ?? '';
    this.dec = init.dec ?? false;
  }

  /** Parses a quantity string (upstream ParseQuantity); throws {@link QuantityParseError}. */
  static parse(str: string): Quantity {
    if (str.length === 0) throw new QuantityParseError(quantityErrors.formatWrong);
    if (str === '0') return new Quantity({ unscaled: 0n, exp: 0, format: 'DecimalSI', s: '0' });
    const { positive, value, num, denom, suffix } = scanQuantity(str);
    const interp = interpretSuffix(suffix);
    if (!interp) throw new QuantityParseError(quantityErrors.suffix);
    const { base, exponent } = interp;
    let { format } = interp;

    let precision: number;
    let scale = 0;
    let mantissa = 1n;
    if (format === 'BinarySI') {
      if (exponent >= 0 && denom.length === 0) {
        mantissa = 1n << BigInt(exponent);
        precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
      } else {
        precision = -1;
      }
    } else {
      scale = exponent;
      precision = 18 - (num.length + denom.length);
    }

    if (precision >= 0) {
      scale = int32(scale - denom.length);
      if (scale >= Scale.Nano) {
        const shifted = num + denom;
        if (!/^[0-9]+$/.test(shifted) || !fitsInt64(BigInt(shifted))) throw new QuantityParseError(quantityErrors.numeric);
        const v = BigInt(shifted);
        let result = v * mantissa;
        if (fitsInt64(result)) {
          if (!positive) result = -result;
          const keep =
            format === 'BinarySI'
              ? exponent % 10 === 0 && (v & 7n) !== 0n
              : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
          return new Quantity({ unscaled: result, exp: scale, format, s: keep ? str : undefined });
        }
      }
    }

    const parsed = parseDecimal(value);
    if (!parsed) throw new QuantityParseError(quantityErrors.numeric);
    let unscaled = parsed[0];
    let infScale = parsed[1];
    if (base === 10) {
      infScale = int32(infScale + int32(-exponent));
    } else {
      unscaled *= 1n << BigInt(exponent);
    }
    const negative = unscaled < 0n;
    unscaled = abs(unscaled);
    let exp = -infScale;
    if (unscaled !== 0n && exp < Scale.Nano) {
      [unscaled] = divPow10Up(unscaled, Scale.Nano - exp);
      exp = Scale.Nano;
    }
    if (format === 'BinarySI' && compareParts(unscaled, exp, maxInt64, 0) > 0) {
      unscaled = maxInt64;
      exp = 0;
    }
    if (format === 'BinarySI' && unscaled !== 0n && compareParts(unscaled, exp, 1n, 0) < 0) format = 'DecimalSI';
    if (negative) unscaled = -unscaled;
    return new Quantity({ unscaled, exp, format, dec: true });
  }

  /** `value` in the given format (upstream NewQuantity). */
  static fromInt(value: number | bigint, format: Format = 'DecimalSI'): Quantity {
    return new Quantity({ unscaled: BigInt(value), exp: 0, format });
  }

  /** `value / 1000` (upstream NewMilliQuantity). */
  static fromMilli(value: number | bigint, format: Format = 'DecimalSI'): Quantity {
    return new Quantity({ unscaled: BigInt(value), exp: -3, format });
  }

  /** `value × 10^scale`, DecimalSI (upstream NewScaledQuantity). */
  static fromScaled(value: number | bigint, scale: number): Quantity {
    return new Quantity({ unscaled: BigInt(value), exp: scale, format: 'DecimalSI' });
  }

  /** `unscaled × 10^exponent` in the given format, held as upstream's inf.Dec form (NewDecimalQuantity). */
  static fromDecimal(unscaled: number | bigint, exponent: number, format: Format): Quantity {
    return new Quantity({ unscaled: BigInt(unscaled), exp: exponent, format, dec: true });
  }

  /** A quantity from a decoded JSON value: a string (trimmed), a number, or null (zero). */
  static fromJSON(value: unknown): Quantity {
    if (value === null) return new Quantity({ unscaled: 0n, exp: 0, format: 'DecimalExponent' });
    if (typeof value === 'number' && Number.isFinite(value)) return Quantity.parse(String(value));
    if (typeof value === 'string') return Quantity.parse(value.trim());
    throw new QuantityParseError(quantityErrors.formatWrong);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  /** -1, 0 or 1. */
  sign(): number {
    return this.unscaled === 0n ? 0 : this.unscaled > 0n ? 1 : -1;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  cmp(other: Quantity): number {
    return compareParts(this.unscaled, this.exp, other.unscaled, other.exp);
  }

  /** Compares with an integer (upstream CmpInt64). */
  cmpInt(value: number | bigint): number {
    return compareParts(this.unscaled, this.exp, BigInt(value), 0);
  }

  equals(other: Quantity): boolean {
    return this.cmp(other) === 0;
  }

  /** The sum; when this is zero the result takes `y`'s format. */
  add(y: Quantity): Quantity {
    const format = this.isZero() ? y.format : this.format;
    if (!this.dec && !y.dec) {
      const sum = int64Add(this.unscaled, this.exp, y.unscaled, y.exp);
      if (sum) return new Quantity({ unscaled: sum[0], exp: sum[1], format });
    }
    const [u, e] = addParts(this.unscaled, this.exp, y.unscaled, y.exp);
    return new Quantity({ unscaled: u, exp: e, format, dec: true });
  }

  /** The difference; when this is zero the result takes `y`'s format. */
  sub(y: Quantity): Quantity {
    const negY = new Quantity({ unscaled: -y.unscaled, exp: y.exp, format: y.format, dec: y.dec });
    return this.add(negY);
  }

  /** The negation. */
  neg(): Quantity {
    return new Quantity({ unscaled: -this.unscaled, exp: this.exp, format: this.format, dec: this.dec });
  }

  /**
   * Rounds away from zero to a multiple of 10^scale (upstream RoundUp); `exact` is false
   * when precision was lost.
   */
  roundUp(scale: number): { quantity: Quantity; exact: boolean } {
    if (this.exp >= scale) {
      const same = this.dec ? new Quantity({ unscaled: this.unscaled, exp: this.exp, format: this.format, dec: true }) : this;
      return { quantity: same, exact: true };
    }
    const [u, exact] = divPow10Up(this.unscaled, scale - this.exp);
    return { quantity: new Quantity({ unscaled: u, exp: scale, format: this.format, dec: this.dec }), exact };
  }

  /**
   * ceil(q / 10^scale) as an int64, with upstream's rounding and overflow behaviour
   * (upstream ScaledValue).
   */
  scaledValueBig(scale: number): bigint {
    if (this.unscaled === 0n) return 0n;
    if (!this.dec) {
      if (this.exp < scale) return divPow10Up(this.unscaled, scale - this.exp)[0];
      const d = this.exp - scale;
      if (d > 19) return 0n;
      const v = this.unscaled * pow10(d);
      return fitsInt64(v) ? v : 0n;
    }
    // inf.Dec form: upstream's scaledValue, with Go's int64 wrapping.
    const dif = scale - this.exp;
    const goInt64 = (v: bigint) => (v < 0n ? BigInt.asIntN(64, -BigInt.asIntN(64, -v)) : BigInt.asIntN(64, v));
    if (dif === 0) return goInt64(this.unscaled);
    if (dif < 0) {
      // int64(math.Pow10(n)) is out of range from n = 19, which amd64 turns into MinInt64.
      const factor = -dif <= 18 ? pow10(-dif) : minInt64;
      return BigInt.asIntN(64, goInt64(this.unscaled) * factor);
    }
    if (this.unscaled < maxInt64 && dif < 19) {
      const u = goInt64(this.unscaled);
      const d = pow10(dif);
      const q = u / d;
      return BigInt.asIntN(64, u % d !== 0n ? q + 1n : q);
    }
    // Euclidean division (floor for a positive divisor), then +1 for a remainder.
    if (dif > digitCount(this.unscaled) + 1) return this.unscaled > 0n ? 1n : 0n;
    const d = pow10(dif);
    let q = this.unscaled / d;
    let r = this.unscaled % d;
    if (r < 0n) {
      q -= 1n;
      r += d;
    }
    return BigInt.asIntN(64, goInt64(q) + (r !== 0n ? 1n : 0n));
  }

  /** The value rounded up to an integer (upstream Value), as a number. */
  value(): number {
    return Number(this.scaledValueBig(0));
  }

  /** ceil(q × 1000) (upstream MilliValue), as a number. */
  milliValue(): number {
    return Number(this.scaledValueBig(Scale.Milli));
  }

  /** ceil(q / 10^scale) (upstream ScaledValue), as a number. */
  scaledValue(scale: number): number {
    return Number(this.scaledValueBig(scale));
  }

  /** The exact integer value if upstream's fast int64 form can give it (upstream AsInt64). */
  asInt64(): bigint | undefined {
    if (this.dec) return undefined;
    if (this.exp < 0) return undefined;
    if (this.exp === 0) return this.unscaled;
    if (this.exp > 19) return this.unscaled === 0n ? 0n : undefined;
    const v = this.unscaled * pow10(this.exp);
    return fitsInt64(v) ? v : undefined;
  }

  /** An approximate floating-point value. */
  asApproximateFloat64(): number {
    return Number(this.unscaled) * Number(`1e${this.exp}`);
  }

  /** The exact value as a decimal string such as `1.5` or `-2000` (no exponent; very large exponents throw RangeError). */
  toDecimalString(): string {
    if (Math.abs(this.exp) > 1_000_000) throw new RangeError('quantity exponent out of range');
    const neg = this.unscaled < 0n;
    const digits = abs(this.unscaled).toString();
    if (this.unscaled === 0n) return '0';
    if (this.exp >= 0) return `${neg ? '-' : ''}${digits}${'0'.repeat(this.exp)}`;
    const padded = digits.padStart(-this.exp + 1, '0');
    const int = padded.slice(0, padded.length + this.exp);
    const frac = padded.slice(padded.length + this.exp).replace(/0+$/, '');
    return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
  }

  /** The serialized form: the input when upstream keeps it, else the canonical form. */
  toString(): string {
    if (this.cached === '') this.cached = this.canonical();
    return this.cached;
  }

  toJSON(): string {
    return this.toString();
  }

  private canonical(): string {
    if (this.unscaled === 0n) return '0';
    let format = this.format;
    let rounded: bigint | undefined;
    if (format === 'BinarySI') {
      if (this.cmpInt(-1024) > 0 && this.cmpInt(1024) < 0) {
        format = 'DecimalSI';
      } else {
        const [u, exact] = this.exp >= 0 ? [this.unscaled * pow10(this.exp), true] : divPow10Up(this.unscaled, -this.exp);
        if (exact) rounded = u;
        else format = 'DecimalSI';
      }
    }
    if (format === 'BinarySI' && rounded !== undefined) {
      let amount = abs(rounded);
      let times = 0;
      while (amount >= 1024n && amount % 1024n === 0n) {
        amount /= 1024n;
        times++;
      }
      const suffix = binarySuffixes.get(times * 10) ?? '';
      return `${rounded < 0n ? '-' : ''}${amount}${suffix}`;
    }
    let mantissa = this.unscaled;
    let exponent = this.exp;
    while (mantissa % 10n === 0n) {
      mantissa /= 10n;
      exponent++;
    }
    while (exponent % 3 !== 0) {
      mantissa *= 10n;
      exponent--;
    }
    let suffix: string;
    if (format === 'DecimalSI') suffix = decimalSuffixes.get(exponent) ?? '';
    else suffix = exponent === 0 ? '' : `e${exponent}`;
    return `${mantissa}${suffix}`;
  }
}

/** Compares a×10^ae with b×10^be exactly, without building huge powers. */
function compareParts(a: bigint, ae: number, b: bigint, be: number): number {
  const sa = a === 0n ? 0 : a > 0n ? 1 : -1;
  const sb = b === 0n ? 0 : b > 0n ? 1 : -1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const ma = digitCount(a) + ae;
  const mb = digitCount(b) + be;
  if (ma !== mb) return (ma > mb ? 1 : -1) * sa;
  const e = Math.min(ae, be);
  const x = a * pow10(ae - e);
  const y = b * pow10(be - e);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Upstream's int64Amount.Add: the exact sum if it stays within int64 at the smaller scale. */
function int64Add(a: bigint, ae: number, b: bigint, be: number): [bigint, number] | undefined {
  if (b === 0n) return [a, ae];
  if (a === 0n) return [b, be];
  const e = Math.min(ae, be);
  const da = ae - e;
  const db = be - e;
  if (da > 19 || db > 19) return undefined;
  const av = a * pow10(da);
  const bv = b * pow10(db);
  if (!fitsInt64(av) || !fitsInt64(bv) || !fitsInt64(av + bv)) return undefined;
  return [av + bv, e];
}

function addParts(a: bigint, ae: number, b: bigint, be: number): [bigint, number] {
  if (b === 0n) return [a, ae];
  if (a === 0n) return [b, be];
  const e = Math.min(ae, be);
  return [a * pow10(ae - e) + b * pow10(be - e), e];
}

/** Parses a quantity string; throws {@link QuantityParseError} with upstream's message. */
export function parseQuantity(str: string): Quantity {
  return Quantity.parse(str);
}

/** Parses a quantity known to be valid; throws `cannot parse '<str>': <reason>` otherwise. */
export function mustParse(str: string): Quantity {
  try {
    return Quantity.parse(str);
  } catch (e) {
    throw new Error(`cannot parse '${str}': ${(e as Error).message}`, { cause: e });
  }
}
