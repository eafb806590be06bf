/**
 * Kubernetes' protobuf wire format (`application/vnd.kubernetes.protobuf`), driven by the
 * schema registry: the `k8s\0` + runtime.Unknown envelope, and messages to and from the
 * JSON objects the JSON API carries.
 *
 * Decoding yields what upstream prints after decoding the same bytes into its Go structs
 * (the result goes through `normalize`): fields in Go's JSON order, Go zero values,
 * Time as RFC 3339 seconds, and so on. Repeated scalars are accepted packed and unpacked;
 * a message field seen twice is merged, a scalar seen twice keeps the last value, as
 * gogo-protobuf does. Field numbers the type does not know are skipped; pass
 * `unknownFields` in the options to be told about them.
 *
 * Inline fields (embedded Go structs, e.g. Volume's `volumeSource`) are nested messages
 * in protobuf and flattened into the parent in JSON.
 *
 * Encoding writes what gogo-protobuf writes for the Go struct the JSON decodes into:
 * fields in field-number order; non-pointer scalars and structs always (zero values
 * included), pointers, []byte and wrapper values only when set; repeated scalars
 * unpacked; map entries sorted by key with both key and value written.
 *
 * int64 values are JS numbers (exact up to 2^53); Duration is exact (BigInt inside).
 */
import { compareGoStrings } from '../apimachinery/go-format.ts';
import {
  canonicalQuantity,
  formatDuration,
  NormalizeError,
  formatMicroTime,
  formatTime,
  normalize,
  parseDuration,
  parseRFC3339,
  zeroTimeSeconds,
  type JsonObject,
  type JsonValue,
  type TypeLookup,
} from './normalize.ts';
import { wellKnownTypes, type FieldDef, type ResolvedType, type ScalarType, type TypeDef } from './schema/types.ts';

export type { JsonObject, JsonValue, TypeLookup } from './normalize.ts';

export const protobufContentType = 'application/vnd.kubernetes.protobuf';
/** The 4 bytes before every protobuf body: `k8s` and a zero byte. */
export const protobufMagic: Uint8Array = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

export type ProtobufErrorReason =
  | 'badMagic' // the body does not start with k8s\0
  | 'truncated' // input ended inside a value
  | 'badWireType' // a field came with a wire type its type cannot have
  | 'badVarint' // a varint longer than 10 bytes
  | 'badValue'; // a value the type cannot hold (bad JSON inside raw, bad JSON input to encode)

export class ProtobufError extends Error {
  readonly reason: ProtobufErrorReason;
  /** Byte offset in the buffer being read, when decoding. */
  readonly offset: number | undefined;
  constructor(reason: ProtobufErrorReason, message: string, offset?: number) {
    super(message);
    this.name = 'ProtobufError';
    this.reason = reason;
    this.offset = offset;
  }
}

// Wire types.
const VARINT = 0;
const FIXED64 = 1;
const LEN = 2;
const START_GROUP = 3;
const END_GROUP = 4;
const FIXED32 = 5;

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

// ---------------------------------------------------------------------------------------
// Reader and writer.

class Reader {
  readonly buf: Uint8Array;
  pos: number;
  readonly end: number;

  constructor(buf: Uint8Array, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  truncated(): never {
    throw new ProtobufError('truncated', `protobuf: unexpected end of input at byte ${this.pos}`, this.pos);
  }

  private byte(): number {
    if (this.pos >= this.end) this.truncated();
    return this.buf[this.pos++]!;
  }

  /** A varint as [low 32 bits, high 32 bits], both unsigned. */
  varint64(): [number, number] {
    let lo = 0;
    let b: number;
    for (let shift = 0; shift < 28; shift += 7) {
      b = this.byte();
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) return [lo >>> 0, 0];
    }
    b = this.byte();
    lo |= (b & 0x0f) << 28;
    let hi = (b & 0x7f) >> 4;
    if (b < 0x80) return [lo >>> 0, hi];
    for (let shift = 3; shift < 32; shift += 7) {
      b = this.byte();
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) return [lo >>> 0, hi >>> 0];
    }
    throw new ProtobufError('badVarint', `protobuf: varint overflow at byte ${this.pos}`, this.pos);
  }

  /** An unsigned varint that must fit a JS number (tags, lengths). */
  uint(): number {
    const b = this.pos < this.end ? this.buf[this.pos]! : -1;
    if (b >= 0 && b < 0x80) {
      this.pos++;
      return b;
    }
    const [lo, hi] = this.varint64();
    return hi * 4294967296 + lo;
  }

  int64(): number {
    const [lo, hi] = this.varint64();
    return (hi | 0) * 4294967296 + lo;
  }

  int64Big(): bigint {
    const [lo, hi] = this.varint64();
    return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  }

  int32(): number {
    return this.varint64()[0] | 0;
  }

  bool(): boolean {
    const [lo, hi] = this.varint64();
    return lo !== 0 || hi !== 0;
  }

  double(): number {
    if (this.end - this.pos < 8) this.truncated();
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  /** A length-delimited value, as a view into the buffer. */
  bytes(): Uint8Array {
    const start = this.pos;
    const n = this.uint();
    if (n > this.end - this.pos) {
      this.pos = start;
      throw new ProtobufError('truncated', `protobuf: length ${n} at byte ${start} runs past the end of input`, start);
    }
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    const b = this.bytes();
    const n = b.length;
    if (n < 64) {
      // Short ASCII strings: faster than TextDecoder, which crosses into C++.
      let ascii = true;
      for (let i = 0; i < n; i++) {
        if (b[i]! >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return String.fromCharCode.apply(null, b as unknown as number[]);
    }
    return textDecoder.decode(b);
  }

  skip(wireType: number, fieldNumber: number): void {
    switch (wireType) {
      case VARINT:
        this.varint64();
        return;
      case FIXED64:
        if (this.end - this.pos < 8) this.truncated();
        this.pos += 8;
        return;
      case LEN:
        this.bytes();
        return;
      case FIXED32:
        if (this.end - this.pos < 4) this.truncated();
        this.pos += 4;
        return;
      case START_GROUP:
        for (;;) {
          const tag = this.uint();
          if ((tag & 7) === END_GROUP) {
            if (Math.floor(tag / 8) !== fieldNumber) break;
            return;
          }
          this.skip(tag & 7, Math.floor(tag / 8));
        }
    }
    throw new ProtobufError('badWireType', `protobuf: illegal wire type ${wireType} for field ${fieldNumber} at byte ${this.pos}`, this.pos);
  }
}

class Writer {
  private buf = new Uint8Array(256);
  pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  uint(v: number): void {
    this.ensure(10);
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  /** A signed integer as protobuf int32/int64 write it: negatives as 10-byte two's complement. */
  int(v: number | bigint): void {
    if (typeof v === 'number' && v >= 0) return this.uint(v);
    let u = BigInt.asUintN(64, BigInt(v));
    this.ensure(10);
    while (u >= 0x80n) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
  }

  tag(field: number, wireType: number): void {
    this.uint(field * 8 + wireType);
  }

  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  lengthDelimited(bytes: Uint8Array): void {
    this.uint(bytes.length);
    this.raw(bytes);
  }

  /** A length-prefixed UTF-8 string; ASCII is copied byte by byte (TextEncoder is slow for short strings). */
  string(s: string): void {
    const n = s.length;
    if (n < 128) {
      this.ensure(n + 1);
      const buf = this.buf;
      let pos = this.pos + 1;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[pos++] = c;
      }
      if (i === n) {
        buf[this.pos] = n;
        this.pos = pos;
        return;
      }
    }
    this.lengthDelimited(textEncoder.encode(s));
  }

  /** Starts a length-delimited value written in place; finish it with `ldelim(start)`. */
  fork(): number {
    this.ensure(1);
    return this.pos++;
  }

  /** Writes the length of what was written since `fork()` returned `start`, moving the body if the length needs more than one byte. */
  ldelim(start: number): void {
    const len = this.pos - start - 1;
    if (len < 0x80) {
      this.buf[start] = len;
      return;
    }
    let size = 1;
    for (let v = len; v >= 0x80; v = Math.floor(v / 0x80)) size++;
    this.ensure(size - 1);
    this.buf.copyWithin(start + size, start + 1, this.pos);
    const end = this.pos + size - 1;
    this.pos = start;
    this.uint(len);
    this.pos = end;
  }

  double(v: number): void {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).setFloat64(0, v, true);
    this.pos += 8;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

// ---------------------------------------------------------------------------------------
// The envelope: k8s\0 + runtime.Unknown.

export interface Envelope {
  readonly apiVersion: string;
  readonly kind: string;
  /** The object's own message (or, with a contentType set, bytes in that type). */
  readonly raw: Uint8Array;
  readonly contentEncoding: string;
  readonly contentType: string;
}

/** Checks the magic and decodes runtime.Unknown { typeMeta = 1 { apiVersion = 1; kind = 2 }; raw = 2; contentEncoding = 3; contentType = 4 }. */
export function decodeEnvelope(body: Uint8Array): Envelope {
  if (body.length < 4 || body[0] !== 0x6b || body[1] !== 0x38 || body[2] !== 0x73 || body[3] !== 0x00) {
    throw new ProtobufError('badMagic', 'protobuf: the body does not start with the k8s\\0 prefix', 0);
  }
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array(0);
  let contentEncoding = '';
  let contentType = '';
  const r = new Reader(body, 4);
  while (r.pos < r.end) {
    const tag = r.uint();
    const field = Math.floor(tag / 8);
    const wt = tag & 7;
    if (field >= 1 && field <= 4 && wt !== LEN) {
      throw new ProtobufError('badWireType', `protobuf: wrong wire type ${wt} for field ${field} of runtime.Unknown`, r.pos);
    }
    switch (field) {
      case 1: {
        const tm = r.bytes();
        const tr = new Reader(tm);
        while (tr.pos < tr.end) {
          const t = tr.uint();
          const f = Math.floor(t / 8);
          if ((f === 1 || f === 2) && (t & 7) !== LEN) {
            throw new ProtobufError('badWireType', `protobuf: wrong wire type ${t & 7} for field ${f} of runtime.TypeMeta`, tr.pos);
          }
          if (f === 1) apiVersion = tr.string();
          else if (f === 2) kind = tr.string();
          else tr.skip(t & 7, f);
        }
        break;
      }
      case 2:
        raw = r.bytes();
        break;
      case 3:
        contentEncoding = r.string();
        break;
      case 4:
        contentType = r.string();
        break;
      default:
        r.skip(wt, field);
    }
  }
  return { apiVersion, kind, raw, contentEncoding, contentType };
}

/** The inverse of `decodeEnvelope`, as gogo writes runtime.Unknown (every field but a nil raw). */
export function encodeEnvelope(envelope: {
  readonly apiVersion: string;
  readonly kind: string;
  readonly raw?: Uint8Array;
  readonly contentEncoding?: string;
  readonly contentType?: string;
}): Uint8Array {
  const w = new Writer();
  w.raw(protobufMagic);
  w.tag(1, LEN);
  const tm = w.fork();
  w.tag(1, LEN);
  w.string(envelope.apiVersion);
  w.tag(2, LEN);
  w.string(envelope.kind);
  w.ldelim(tm);
  if (envelope.raw !== undefined) {
    w.tag(2, LEN);
    w.lengthDelimited(envelope.raw);
  }
  w.tag(3, LEN);
  w.string(envelope.contentEncoding ?? '');
  w.tag(4, LEN);
  w.string(envelope.contentType ?? '');
  return w.finish();
}

// ---------------------------------------------------------------------------------------
// Messages.

/** A field number the type does not declare, skipped while decoding. */
export interface UnknownProtoField {
  /** JSON path of the message holding it, e.g. `spec.template.spec` ('' at the top). */
  readonly path: string;
  readonly number: number;
  readonly wireType: number;
}

export interface DecodeOptions {
  /** Set `apiVersion` and `kind` (JSON-only fields, carried by the envelope) on the result. */
  readonly typeMeta?: { readonly apiVersion: string; readonly kind: string };
  /** Receives the field numbers that were skipped. */
  readonly unknownFields?: UnknownProtoField[];
  /**
   * Resolves a nested object's type for RawExtension values that hold k8s protobuf
   * (`k8s\0` + runtime.Unknown) rather than JSON; without it such values are an error.
   */
  readonly resolveKind?: (apiVersion: string, kind: string) => TypeDef | undefined;
}

/** Decodes a message of `type` into the JSON object the JSON API carries (see the module comment). */
export function decodeMessage(type: TypeDef, bytes: Uint8Array, lookup: TypeLookup, options: DecodeOptions = {}): JsonObject {
  const raw: JsonObject = {};
  if (options.typeMeta !== undefined) {
    raw['apiVersion'] = options.typeMeta.apiVersion;
    raw['kind'] = options.typeMeta.kind;
  }
  const d = new Decoder(lookup, options);
  d.message(type, new Reader(bytes), raw, '');
  try {
    return normalize(type, raw, lookup);
  } catch (error) {
    // A value Go's decoder rejects too (a bad quantity or time inside the message).
    if (error instanceof NormalizeError) throw new ProtobufError('badValue', `protobuf: ${error.message}`);
    throw error;
  }
}

/** Decodes a whole body (envelope and object); `resolveKind` finds the object's type. */
export function decodeObject(
  body: Uint8Array,
  resolveKind: (apiVersion: string, kind: string) => TypeDef | undefined,
  lookup: TypeLookup,
  options: Omit<DecodeOptions, 'typeMeta' | 'resolveKind'> = {},
): { readonly apiVersion: string; readonly kind: string; readonly object: JsonObject } {
  const envelope = decodeEnvelope(body);
  if (envelope.contentType !== '' && envelope.contentType !== protobufContentType) {
    throw new ProtobufError('badValue', `protobuf: unsupported nested content type ${JSON.stringify(envelope.contentType)}`);
  }
  if (envelope.contentEncoding !== '') {
    throw new ProtobufError('badValue', `protobuf: unsupported content encoding ${JSON.stringify(envelope.contentEncoding)}`);
  }
  const type = resolveKind(envelope.apiVersion, envelope.kind);
  if (type === undefined) {
    throw new ProtobufError('badValue', `protobuf: no type known for ${envelope.apiVersion}, Kind=${envelope.kind}`);
  }
  const object = decodeMessage(type, envelope.raw, lookup, { ...options, resolveKind, typeMeta: envelope });
  return { apiVersion: envelope.apiVersion, kind: envelope.kind, object };
}

function wireTypeOf(t: ResolvedType): number {
  if (t.kind === 'scalar') {
    if (t.scalar === 'string' || t.scalar === 'bytes') return LEN;
    return t.scalar === 'double' ? FIXED64 : VARINT;
  }
  return LEN;
}

class Decoder {
  private readonly lookup: TypeLookup;
  private readonly options: DecodeOptions;

  constructor(lookup: TypeLookup, options: DecodeOptions) {
    this.lookup = lookup;
    this.options = options;
  }

  /** Decodes fields from `r` into `out` (merging into what it holds already). */
  message(type: TypeDef, r: Reader, out: JsonObject, path: string): void {
    if (type.wraps !== undefined) throw new Error(`protobuf: ${type.name} is a wrapper type; decode it as a value`);
    while (r.pos < r.end) {
      const tag = r.uint();
      const number = Math.floor(tag / 8);
      const wt = tag & 7;
      if (number === 0) throw new ProtobufError('badWireType', `protobuf: illegal tag 0 (wire type ${wt}) in ${type.name}`, r.pos);
      if (wt === END_GROUP) throw new ProtobufError('badWireType', `protobuf: unexpected end group in ${type.name}`, r.pos);
      const field = type.fieldsByNumber.get(number);
      if (field === undefined) {
        r.skip(wt, number);
        this.options.unknownFields?.push({ path, number, wireType: wt });
        continue;
      }
      this.field(type, field, wt, r, out, path);
    }
  }

  /** Decodes one occurrence of `field` into `out`; `path` is the JSON path of `out`. */
  private field(type: TypeDef, field: FieldDef, wt: number, r: Reader, out: JsonObject, path: string): void {
    const t = field.type;
    if (t.kind === 'scalar') {
      this.checkWire(type, field, wt, wireTypeOf(t), r);
      out[field.name] = this.scalar(t.scalar, r);
      return;
    }
    const fieldPath = path === '' ? field.name : `${path}.${field.name}`;
    if (t.kind === 'list') {
      const list = Array.isArray(out[field.name]) ? (out[field.name] as JsonValue[]) : (out[field.name] = []);
      const itemWire = wireTypeOf(t.items);
      if (wt === LEN && itemWire !== LEN && t.items.kind === 'scalar') {
        // packed
        const body = r.bytes();
        const pr = new Reader(body);
        while (pr.pos < pr.end) list.push(this.scalar(t.items.scalar, pr));
        return;
      }
      this.checkWire(type, field, wt, itemWire, r);
      list.push(this.value(t.items, r, `${fieldPath}[${list.length}]`, undefined));
      return;
    }
    this.checkWire(type, field, wt, wireTypeOf(t), r);
    if (field.inline === true && t.kind === 'message') {
      // An embedded Go struct: a nested message in protobuf, its fields flattened in JSON.
      this.message(this.lookup(t.name), new Reader(r.bytes()), out, path);
      return;
    }
    if (t.kind === 'map') {
      const map = isJsonObject(out[field.name]) ? (out[field.name] as JsonObject) : (out[field.name] = {});
      const er = new Reader(r.bytes());
      let key = '';
      let value: JsonValue | undefined;
      while (er.pos < er.end) {
        const et = er.uint();
        const en = Math.floor(et / 8);
        if (en === 1) {
          if ((et & 7) !== LEN) throw new ProtobufError('badWireType', `protobuf: wrong wire type ${et & 7} for the key of map ${fieldPath}`, er.pos);
          key = er.string();
        } else if (en === 2) {
          if ((et & 7) !== wireTypeOf(t.values)) {
            throw new ProtobufError('badWireType', `protobuf: wrong wire type ${et & 7} for a value of map ${fieldPath}`, er.pos);
          }
          value = this.value(t.values, er, `${fieldPath}.${key}`, undefined);
        } else {
          er.skip(et & 7, en);
        }
      }
      // A missing value is the zero value, as gogo decodes it.
      map[key] = value ?? this.zero(t.values);
      return;
    }
    out[field.name] = this.value(t, r, fieldPath, out[field.name]);
  }

  private checkWire(type: TypeDef, field: FieldDef, got: number, want: number, r: Reader): void {
    if (got !== want) {
      throw new ProtobufError('badWireType', `protobuf: wrong wire type ${got} for field ${field.name} (${field.number}) of ${type.name}`, r.pos);
    }
  }

  private zero(t: ResolvedType): JsonValue {
    if (t.kind === 'scalar') return t.scalar === 'string' ? '' : t.scalar === 'bool' ? false : t.scalar === 'bytes' ? '' : 0;
    if (t.kind === 'message' && this.lookup(t.name).wraps === undefined) return {};
    return null;
  }

  private scalar(scalar: ScalarType, r: Reader): JsonValue {
    switch (scalar) {
      case 'string':
        return r.string();
      case 'bool':
        return r.bool();
      case 'int32':
        return r.int32();
      case 'int64':
        return r.int64();
      case 'double':
        return r.double();
      case 'bytes':
        return Buffer.from(r.bytes()).toString('base64');
    }
  }

  /** One value of type `t` (not a list or map field; their items and values come here). */
  private value(t: ResolvedType, r: Reader, path: string, previous: JsonValue | undefined): JsonValue {
    switch (t.kind) {
      case 'scalar':
        return this.scalar(t.scalar, r);
      case 'message': {
        const def = this.lookup(t.name);
        const body = r.bytes();
        if (def.wraps !== undefined) return this.wrapped(def, new Reader(body), path, previous);
        const target = isJsonObject(previous) ? previous : {};
        this.message(def, new Reader(body), target, path);
        return target;
      }
      case 'wellKnown':
        return this.wellKnown(t.name, r.bytes(), path);
      case 'list':
      case 'map':
        throw new Error(`protobuf: nested ${t.kind} at ${path} cannot be encoded in protobuf without a wrapper type`);
    }
  }

  /** A wrapper message (e.g. ExtraValue { repeated string items = 1; }) decodes to its wrapped value. */
  private wrapped(def: TypeDef, r: Reader, path: string, previous: JsonValue | undefined): JsonValue {
    const wraps = def.wraps!;
    const holder: JsonObject = {};
    if (previous !== undefined && previous !== null) holder['v'] = previous;
    const field: FieldDef = { name: 'v', number: wraps.field, type: wraps.type };
    while (r.pos < r.end) {
      const tag = r.uint();
      const number = Math.floor(tag / 8);
      if (number === wraps.field) this.field(def, field, tag & 7, r, holder, path);
      else {
        r.skip(tag & 7, number);
        this.options.unknownFields?.push({ path, number, wireType: tag & 7 });
      }
    }
    // A wrapper message that is present holds a non-nil value, even when empty (gogo's `&ExtraValue{}`).
    return holder['v'] ?? (wraps.type.kind === 'list' ? [] : wraps.type.kind === 'map' ? {} : this.zero(wraps.type));
  }

  private wellKnown(name: string, body: Uint8Array, path: string): JsonValue {
    const r = new Reader(body);
    const fields = new Map<number, unknown>();
    const read = (expect: Record<number, 'int64' | 'int64Big' | 'int32' | 'string' | 'bytes'>) => {
      while (r.pos < r.end) {
        const tag = r.uint();
        const n = Math.floor(tag / 8);
        const kind = expect[n];
        if (kind === undefined) {
          r.skip(tag & 7, n);
          continue;
        }
        const want = kind === 'string' || kind === 'bytes' ? LEN : VARINT;
        if ((tag & 7) !== want) throw new ProtobufError('badWireType', `protobuf: wrong wire type ${tag & 7} for field ${n} of ${name}`, r.pos);
        fields.set(n, kind === 'int64' ? r.int64() : kind === 'int64Big' ? r.int64Big() : kind === 'int32' ? r.int32() : kind === 'string' ? r.string() : r.bytes());
      }
    };
    switch (name) {
      case wellKnownTypes.time:
      case wellKnownTypes.microTime: {
        // gogo writes an empty message for the zero time. Return it as text (normalize prints
        // null) so that a set pointer to the zero time prints `null` rather than vanishing.
        if (body.length === 0) return zeroTimeText;
        read({ 1: 'int64', 2: 'int32' });
        const seconds = (fields.get(1) as number | undefined) ?? 0;
        const nanos = (fields.get(2) as number | undefined) ?? 0;
        if (seconds === zeroTimeSeconds && nanos === 0) return zeroTimeText;
        // metav1.Time drops the nanoseconds when decoding protobuf; MicroTime keeps microseconds.
        return name === wellKnownTypes.time ? formatTime(seconds) : formatMicroTime(seconds, Math.max(0, nanos));
      }
      case wellKnownTypes.duration:
        read({ 1: 'int64Big' });
        return formatDuration((fields.get(1) as bigint | undefined) ?? 0n);
      case wellKnownTypes.quantity:
        read({ 1: 'string' });
        return (fields.get(1) as string | undefined) ?? '0';
      case wellKnownTypes.intOrString: {
        read({ 1: 'int64', 2: 'int32', 3: 'string' });
        const type = (fields.get(1) as number | undefined) ?? 0;
        return type === 1 ? ((fields.get(3) as string | undefined) ?? '') : ((fields.get(2) as number | undefined) ?? 0);
      }
      case wellKnownTypes.rawExtension:
      case wellKnownTypes.fieldsV1: {
        read({ 1: 'bytes' });
        const raw = fields.get(1) as Uint8Array | undefined;
        if (raw === undefined) return null;
        return this.embedded(raw, path);
      }
      default:
        throw new Error(`protobuf: unknown well-known type ${name}`);
    }
  }

  /** The content of a RawExtension or FieldsV1: JSON, or (RawExtension only) a nested k8s protobuf object. */
  private embedded(raw: Uint8Array, path: string): JsonValue {
    if (raw.length >= 4 && raw[0] === 0x6b && raw[1] === 0x38 && raw[2] === 0x73 && raw[3] === 0x00) {
      const resolve = this.options.resolveKind;
      if (resolve === undefined) throw new ProtobufError('badValue', `protobuf: ${path} holds a protobuf object and no resolveKind was given`);
      return decodeObject(raw, resolve, this.lookup, { unknownFields: this.options.unknownFields }).object;
    }
    if (raw.length === 0) return null;
    try {
      return JSON.parse(textDecoder.decode(raw)) as JsonValue;
    } catch (error) {
      throw new ProtobufError('badValue', `protobuf: ${path} holds bytes that are neither JSON nor protobuf: ${(error as Error).message}`);
    }
  }
}

const zeroTimeText = '0001-01-01T00:00:00Z';

const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------
// Encoding.

/** Encodes a JSON object as a message of `type` (see the module comment). */
export function encodeMessage(type: TypeDef, json: unknown, lookup: TypeLookup): Uint8Array {
  if (!isJsonObject(json)) throw new ProtobufError('badValue', `protobuf: expected a JSON object for ${type.name}`);
  const w = new Writer();
  new Encoder(lookup).message(type, json, w, '');
  return w.finish();
}

/** Encodes a whole body: envelope with `apiVersion` and `kind` taken from the object. */
export function encodeObject(type: TypeDef, json: JsonObject, lookup: TypeLookup): Uint8Array {
  const apiVersion = typeof json['apiVersion'] === 'string' ? json['apiVersion'] : '';
  const kind = typeof json['kind'] === 'string' ? json['kind'] : '';
  return encodeEnvelope({ apiVersion, kind, raw: encodeMessage(type, json, lookup) });
}

const byNumber = new WeakMap<TypeDef, readonly FieldDef[]>();
function fieldsInNumberOrder(type: TypeDef): readonly FieldDef[] {
  let fields = byNumber.get(type);
  if (fields === undefined) {
    fields = type.fields.filter((f) => f.number > 0).sort((a, b) => a.number - b.number);
    byNumber.set(type, fields);
  }
  return fields;
}

class Encoder {
  private readonly lookup: TypeLookup;

  constructor(lookup: TypeLookup) {
    this.lookup = lookup;
  }

  private bad(path: string, message: string): never {
    throw new ProtobufError('badValue', `protobuf: ${path === '' ? '' : `${path}: `}${message}`);
  }

  message(type: TypeDef, obj: JsonObject, w: Writer, path: string): void {
    for (const field of fieldsInNumberOrder(type)) {
      const v = Object.prototype.hasOwnProperty.call(obj, field.name) ? obj[field.name] : undefined;
      this.field(field, v, w, path === '' ? field.name : `${path}.${field.name}`, obj);
    }
  }

  private field(field: FieldDef, v: JsonValue | undefined, w: Writer, path: string, parent?: JsonObject): void {
    const t = field.type;
    if (field.inline === true && t.kind === 'message' && parent !== undefined) {
      // An embedded Go struct: its fields sit in the parent's JSON object.
      w.tag(field.number, LEN);
      const start = w.fork();
      this.message(this.lookup(t.name), parent, w, path.slice(0, Math.max(0, path.lastIndexOf('.'))));
      w.ldelim(start);
      return;
    }
    const absent = v === undefined || v === null;
    switch (t.kind) {
      case 'list': {
        if (absent) return;
        if (!Array.isArray(v)) this.bad(path, 'expected an array');
        v.forEach((item, i) => this.value(field.number, t.items, item, w, `${path}[${i}]`));
        return;
      }
      case 'map': {
        if (absent) return;
        if (!isJsonObject(v)) this.bad(path, 'expected an object');
        for (const key of Object.keys(v).sort(compareGoStrings)) {
          w.tag(field.number, LEN);
          const start = w.fork();
          w.tag(1, LEN);
          w.string(key);
          const value = v[key] ?? null;
          // gogo writes a nil []byte map value as an entry without a value.
          if (!(value === null && t.values.kind === 'scalar' && t.values.scalar === 'bytes')) {
            this.value(2, t.values, value, w, `${path}.${key}`);
          }
          w.ldelim(start);
        }
        return;
      }
      case 'scalar':
        // Pointers and []byte are written when set; other scalars always.
        if (absent && (field.pointer === true || t.scalar === 'bytes')) return;
        this.value(field.number, t, absent ? null : v, w, path);
        return;
      case 'message':
      case 'wellKnown':
        if (absent && (field.pointer === true || this.isWrapper(t))) return;
        this.value(field.number, t, absent ? null : v, w, path);
        return;
    }
  }

  private isWrapper(t: ResolvedType): boolean {
    return t.kind === 'message' && this.lookup(t.name).wraps !== undefined;
  }

  /** Writes one value with its tag; null means the zero value. */
  private value(number: number, t: ResolvedType, v: JsonValue, w: Writer, path: string): void {
    switch (t.kind) {
      case 'scalar':
        w.tag(number, wireTypeOf(t));
        this.scalar(t.scalar, v, w, path);
        return;
      case 'message': {
        const def = this.lookup(t.name);
        if (def.wraps === undefined && v !== null && !isJsonObject(v)) this.bad(path, `expected an object for ${def.name}`);
        w.tag(number, LEN);
        const start = w.fork();
        if (def.wraps !== undefined) {
          const inner: FieldDef = { name: 'v', number: def.wraps.field, type: def.wraps.type };
          this.field(inner, v, w, path);
        } else {
          this.message(def, (v as JsonObject | null) ?? {}, w, path);
        }
        w.ldelim(start);
        return;
      }
      case 'wellKnown': {
        w.tag(number, LEN);
        const start = w.fork();
        this.wellKnown(t.name, v, w, path);
        w.ldelim(start);
        return;
      }
      case 'list':
      case 'map':
        this.bad(path, `a nested ${t.kind} needs a wrapper type in protobuf`);
    }
  }

  private scalar(scalar: ScalarType, v: JsonValue, w: Writer, path: string): void {
    switch (scalar) {
      case 'string':
        if (v !== null && typeof v !== 'string') this.bad(path, 'expected a string');
        w.string(v ?? '');
        return;
      case 'bool':
        if (v !== null && typeof v !== 'boolean') this.bad(path, 'expected a boolean');
        w.uint(v === true ? 1 : 0);
        return;
      case 'int32':
      case 'int64':
        if (v !== null && (typeof v !== 'number' || !Number.isInteger(v))) this.bad(path, `expected an integer for ${scalar}`);
        w.int(scalar === 'int32' ? (v ?? 0) | 0 : (v ?? 0));
        return;
      case 'double':
        if (v !== null && typeof v !== 'number') this.bad(path, 'expected a number');
        w.double(v ?? 0);
        return;
      case 'bytes':
        if (v !== null && typeof v !== 'string') this.bad(path, 'expected a base64 string');
        w.lengthDelimited(Buffer.from(v ?? '', 'base64'));
        return;
    }
  }

  /** Writes the body of a well-known message for a JSON value (null: the zero value). */
  private wellKnown(name: string, v: JsonValue, w: Writer, path: string): void {
    switch (name) {
      case wellKnownTypes.time:
      case wellKnownTypes.microTime: {
        if (v === null) break; // the zero time: an empty message
        if (typeof v !== 'string') this.bad(path, 'expected an RFC 3339 string');
        const t = parseRFC3339(v);
        if (t === undefined) this.bad(path, `bad RFC 3339 time ${JSON.stringify(v)}`);
        if (t.seconds === zeroTimeSeconds && t.nanos === 0) break; // Go's zero time
        w.tag(1, VARINT);
        w.int(t.seconds);
        w.tag(2, VARINT);
        // Time writes no nanoseconds (upstream's JSON has none); MicroTime truncates to microseconds.
        w.int(name === wellKnownTypes.time ? 0 : t.nanos - (t.nanos % 1000));
        break;
      }
      case wellKnownTypes.duration: {
        if (v !== null && typeof v !== 'string') this.bad(path, 'expected a duration string');
        let ns = 0n;
        try {
          ns = v === null ? 0n : parseDuration(v);
        } catch (error) {
          this.bad(path, (error as Error).message);
        }
        w.tag(1, VARINT);
        w.int(ns);
        break;
      }
      case wellKnownTypes.quantity: {
        if (v !== null && typeof v !== 'string' && typeof v !== 'number') this.bad(path, 'expected a quantity string');
        let text = '0';
        try {
          if (v !== null) text = canonicalQuantity(v); // gogo writes Quantity.String()
        } catch (error) {
          this.bad(path, (error as Error).message);
        }
        w.tag(1, LEN);
        w.string(text);
        break;
      }
      case wellKnownTypes.intOrString: {
        if (v !== null && typeof v !== 'string' && typeof v !== 'number') this.bad(path, 'expected a number or a string');
        const isString = typeof v === 'string';
        w.tag(1, VARINT);
        w.uint(isString ? 1 : 0);
        w.tag(2, VARINT);
        w.int(isString || v === null ? 0 : (v as number) | 0);
        w.tag(3, LEN);
        w.string(isString ? v : '');
        break;
      }
      case wellKnownTypes.rawExtension:
      case wellKnownTypes.fieldsV1:
        if (v === null) break;
        w.tag(1, LEN);
        w.string(JSON.stringify(v));
        break;
      default:
        this.bad(path, `unknown well-known type ${name}`);
    }
  }
}
