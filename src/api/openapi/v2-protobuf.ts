/**
 * The Swagger 2.0 document as gnostic's `openapi.v2.Document` protobuf, the form
 * kube-apiserver serves for `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`.
 * kubectl 1.27 and 1.28 ask for nothing else: `create -f`/`apply -f` validation (the
 * `fieldValidation` probe) and `explain` fail without it.
 *
 * Encodes exactly the subset `pathsV2` and the v2 schemas produce. Field numbers follow
 * gnostic-models `openapiv2/OpenAPIv2.proto`. Vendor extensions and enum values travel as
 * `Any{yaml}`; their text is JSON, which is YAML.
 */
import type { JsonObject } from './schemas.ts';

/** What kubectl puts in Accept (Go's mime parser rejects the `@`, so servers answer with the next one). */
export const openapiV2ProtobufMediaType = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
/** Also accepted, and the Content-Type kube-apiserver answers protobuf v2 with. */
export const openapiV2ProtobufContentType = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/** Accumulates one message's fields in a growable buffer; nested messages are encoded first, then copied in. */
class Message {
  #buf = Buffer.allocUnsafe(64);
  #length = 0;

  #reserve(n: number): void {
    if (this.#length + n <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#length + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.#buf.copy(next, 0, 0, this.#length);
    this.#buf = next;
  }

  #varint(value: number): void {
    this.#reserve(10);
    while (value > 0x7f) {
      this.#buf[this.#length++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.#buf[this.#length++] = value;
  }

  #tag(field: number, wireType: number): void {
    this.#varint(field * 8 + wireType);
  }

  string(field: number, value: unknown): this {
    if (typeof value !== 'string' || value === '') return this;
    const size = Buffer.byteLength(value, 'utf8');
    this.#tag(field, 2);
    this.#varint(size);
    this.#reserve(size);
    this.#length += this.#buf.write(value, this.#length, 'utf8');
    return this;
  }

  strings(field: number, values: unknown): this {
    if (Array.isArray(values)) for (const v of values) this.string(field, String(v));
    return this;
  }

  bool(field: number, value: unknown): this {
    if (value !== true) return this;
    this.#tag(field, 0);
    this.#varint(1);
    return this;
  }

  /** A nested message; written even when empty (proto3 keeps present sub-messages). */
  message(field: number, message: Message | undefined): this {
    if (!message) return this;
    this.#tag(field, 2);
    this.#varint(message.#length);
    this.#reserve(message.#length);
    message.#buf.copy(this.#buf, this.#length, 0, message.#length);
    this.#length += message.#length;
    return this;
  }

  bytes(): Buffer {
    return Buffer.from(this.#buf.subarray(0, this.#length));
  }
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `Any { string yaml = 2; }` */
const anyOf = (value: unknown) => new Message().string(2, JSON.stringify(value));

/** `NamedAny { name = 1; Any value = 2; }` for every `x-` key. */
function vendorExtensions(m: Message, field: number, object: JsonObject): void {
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith('x-')) m.message(field, new Message().string(1, key).message(2, anyOf(value)));
  }
}

function schema(s: JsonObject): Message {
  const m = new Message();
  m.string(1, s.$ref);
  m.string(2, s.format);
  m.string(4, s.description);
  if (s.default !== undefined) m.message(5, anyOf(s.default));
  m.strings(19, s.required);
  if (Array.isArray(s.enum)) for (const v of s.enum) m.message(20, anyOf(v));
  if (isObject(s.additionalProperties)) m.message(21, new Message().message(1, schema(s.additionalProperties)));
  else if (s.additionalProperties === true) m.message(21, new Message().bool(2, true));
  if (typeof s.type === 'string') m.message(22, new Message().string(1, s.type));
  if (isObject(s.items)) m.message(23, new Message().message(1, schema(s.items)));
  if (Array.isArray(s.allOf)) for (const a of s.allOf) if (isObject(a)) m.message(24, schema(a));
  if (isObject(s.properties)) {
    const props = new Message();
    for (const [name, value] of Object.entries(s.properties)) if (isObject(value)) props.message(1, named(name, schema(value)));
    m.message(25, props);
  }
  vendorExtensions(m, 31, s);
  return m;
}

const named = (name: string, value: Message) => new Message().string(1, name).message(2, value);

/** `ParametersItem { Parameter parameter = 1; }` */
function parameter(p: JsonObject): Message {
  let param: Message;
  if (p.in === 'body') {
    const body = new Message().string(1, p.description).string(2, p.name).string(3, p.in).bool(4, p.required);
    if (isObject(p.schema)) body.message(5, schema(p.schema));
    param = new Message().message(1, body);
  } else {
    // Query (field 3) and path (4) sub-schemas number their fields alike up to `name`, then differ.
    const query = p.in === 'query';
    const sub = new Message().bool(1, p.required).string(2, p.in).string(3, p.description).string(4, p.name);
    sub.string(query ? 6 : 5, p.type).string(query ? 7 : 6, p.format).bool(query ? 20 : 19, p.uniqueItems);
    param = new Message().message(2, new Message().message(query ? 3 : 4, sub));
  }
  return new Message().message(1, param);
}

function operation(o: JsonObject): Message {
  const m = new Message();
  m.strings(1, o.tags);
  m.string(3, o.description);
  m.string(5, o.operationId);
  m.strings(6, o.produces);
  m.strings(7, o.consumes);
  if (Array.isArray(o.parameters)) for (const p of o.parameters) if (isObject(p)) m.message(8, parameter(p));
  if (isObject(o.responses)) {
    const responses = new Message();
    for (const [code, r] of Object.entries(o.responses)) {
      if (!isObject(r)) continue;
      const response = new Message().string(1, r.description);
      if (isObject(r.schema)) response.message(2, new Message().message(1, schema(r.schema)));
      responses.message(1, named(code, new Message().message(1, response)));
    }
    m.message(9, responses);
  }
  m.strings(10, o.schemes);
  vendorExtensions(m, 13, o);
  return m;
}

const methodFields: Readonly<Record<string, number>> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };

function pathItem(item: JsonObject): Message {
  const m = new Message();
  for (const [method, field] of Object.entries(methodFields)) if (isObject(item[method])) m.message(field, operation(item[method]));
  if (Array.isArray(item.parameters)) for (const p of item.parameters) if (isObject(p)) m.message(9, parameter(p));
  return m;
}

/** Encodes a Swagger 2.0 document object (as `pathsV2` and the v2 schemas build it). */
export function encodeOpenAPIV2(doc: JsonObject): Buffer {
  const m = new Message();
  m.string(1, doc.swagger);
  if (isObject(doc.info)) m.message(2, new Message().string(1, doc.info.title).string(2, doc.info.version));
  if (isObject(doc.paths)) {
    const paths = new Message();
    for (const [path, item] of Object.entries(doc.paths)) if (isObject(item)) paths.message(2, named(path, pathItem(item)));
    m.message(8, paths);
  }
  if (isObject(doc.definitions)) {
    const defs = new Message();
    for (const [name, s] of Object.entries(doc.definitions)) if (isObject(s)) defs.message(1, named(name, schema(s)));
    m.message(9, defs);
  }
  if (Array.isArray(doc.security)) {
    for (const requirement of doc.security) {
      if (!isObject(requirement)) continue;
      const r = new Message();
      for (const [name, scopes] of Object.entries(requirement)) r.message(1, named(name, new Message().strings(1, scopes)));
      m.message(12, r);
    }
  }
  if (isObject(doc.securityDefinitions)) {
    const defs = new Message();
    for (const [name, d] of Object.entries(doc.securityDefinitions)) {
      if (!isObject(d) || d.type !== 'apiKey') continue;
      const apiKey = new Message().string(1, d.type).string(2, d.name).string(3, d.in).string(4, d.description);
      defs.message(1, named(name, new Message().message(2, apiKey)));
    }
    m.message(13, defs);
  }
  return m.bytes();
}
