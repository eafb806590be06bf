// Splits a watch stream's bytes into lines of JSON and parses each. It scans the bytes
// rather than decoded text: a newline byte never occurs inside a multi-byte UTF-8
// character, so each complete line is decoded once, whole, however the chunks fell, and
// the bytes of a line not yet ended are kept as they came.
const newline = 0x0a;

export class JsonLineDecoder {
  /** The start of a line that has not ended yet. */
  private partial: Buffer[] = [];

  /** Parses every line the chunk completes, in order, handing each value to `emit`; blank lines are skipped. */
  write(chunk: Buffer, emit: (value: unknown) => void): void {
    let start = 0;
    for (let end = chunk.indexOf(newline); end >= 0; end = chunk.indexOf(newline, start)) {
      if (this.partial.length === 0) parseLine(chunk, start, end, emit);
      else {
        this.partial.push(chunk.subarray(start, end));
        const line = Buffer.concat(this.partial);
        this.partial = [];
        parseLine(line, 0, line.length, emit);
      }
      start = end + 1;
    }
    if (start < chunk.length) this.partial.push(start === 0 ? chunk : chunk.subarray(start));
  }
}

function parseLine(bytes: Buffer, start: number, end: number, emit: (value: unknown) => void): void {
  let first = start;
  while (first < end && (bytes[first] === 0x20 || bytes[first] === 0x0d || bytes[first] === 0x09)) first++;
  if (first < end) emit(JSON.parse(bytes.toString('utf8', first, end)));
}
