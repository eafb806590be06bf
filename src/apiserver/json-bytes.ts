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
