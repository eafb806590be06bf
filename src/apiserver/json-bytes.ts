// JSON of the watch cache's objects, encoded once: a list, a get and every watcher of an
// event reuse the same bytes (cached objects are read-only, DESIGN.md rule 5).
const encoded = new WeakMap<object, Buffer>();

/** The UTF-8 JSON of a read-only object, made on first use. */
export function jsonBytes(object: object): Buffer {
  let bytes = encoded.get(object);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(object));
    encoded.set(object, bytes);
  }
  return bytes;
}

/** Records `bytes` as the JSON of a read-only object whose text is already known. */
export function knownJsonBytes(object: object, bytes: Buffer): void {
  encoded.set(object, bytes);
}

// A placeholder for the metadata while encoding the rest of an object: unique, so its
// JSON text occurs once in the output.
const metadataMarker = `\u0000kubets-metadata-${Math.random().toString(36).slice(2)}`;
const metadataMarkerJson = JSON.stringify(metadataMarker);

export interface StoredJson<T> {
  /** The stored form: the object without metadata.resourceVersion (sharing its other parts). */
  readonly stored: T;
  /** The stored form's bytes. */
  readonly value: Buffer;
  /** The JSON of the same object with `"resourceVersion":"REVISION"` last in its metadata. */
  withRevision(revision: number): Buffer;
}

/**
 * The stored form of an object and, from the same text, the JSON of its cached form with
 * a resourceVersion: one encoding of the object serves the store and every reader.
 */
export function storedJson<T extends { metadata: object }>(object: T): StoredJson<T> {
  const { resourceVersion: _rv, ...metadata } = object.metadata as { resourceVersion?: string };
  const metadataJson = JSON.stringify(metadata);
  const outer = JSON.stringify({ ...object, metadata: metadataMarker });
  const at = outer.indexOf(metadataMarkerJson);
  const before = outer.slice(0, at);
  const after = outer.slice(at + metadataMarkerJson.length);
  const openMetadata = metadataJson.slice(0, -1) + (metadataJson.length > 2 ? ',' : '');
  return {
    stored: { ...object, metadata },
    value: Buffer.from(before + metadataJson + after),
    withRevision: (revision) => Buffer.from(`${before}${openMetadata}"resourceVersion":"${revision}"}${after}`),
  };
}

const comma = Buffer.from(',');

/**
 * `{...head,"items":[a,b,...]}` from a list head (JSON text of an object) and the items,
 * as pieces to write in turn: the cached bytes are sent as they are, never copied into
 * one big buffer (which costs a copy and, for big lists, garbage collections).
 */
export function listPieces(head: string, items: readonly object[]): Buffer[] {
  const pieces: Buffer[] = [Buffer.from(`${head.slice(0, -1)},"items":[`)];
  items.forEach((item, i) => {
    if (i > 0) pieces.push(comma);
    pieces.push(jsonBytes(item));
  });
  pieces.push(Buffer.from(']}'));
  return pieces;
}
