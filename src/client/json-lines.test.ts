import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonLineDecoder } from './json-lines.ts';

function decode(chunks: Buffer[]): unknown[] {
  const decoder = new JsonLineDecoder();
  const values: unknown[] = [];
  for (const chunk of chunks) decoder.write(chunk, (value) => values.push(value));
  return values;
}

const events = [
  { type: 'ADDED', object: { metadata: { name: 'a' }, data: 'plain' } },
  { type: 'MODIFIED', object: { metadata: { name: 'b' }, data: 'héllo wörld ✓ 日本語 😀' } },
  { type: 'DELETED', object: { metadata: { name: 'c' } } },
];
const bytes = Buffer.from(events.map((e) => `${JSON.stringify(e)}\n`).join(''));

test('several events in one chunk', () => {
  assert.deepEqual(decode([bytes]), events);
});

test('events split across chunks at every byte, multi-byte characters included', () => {
  for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(decode([bytes.subarray(0, cut), bytes.subarray(cut)]), events, `cut at ${cut}`);
});

test('one byte a chunk', () => {
  assert.deepEqual(decode([...bytes].map((b) => Buffer.from([b]))), events);
});

test('a line is parsed only once it ends; blank lines and CRLF are fine', () => {
  const decoder = new JsonLineDecoder();
  const values: unknown[] = [];
  const write = (text: string) => {
    decoder.write(Buffer.from(text), (value) => values.push(value));
    return JSON.stringify(values);
  };
  assert.equal(write('\n  \r\n{"a":'), '[]');
  assert.equal(write('1}\r\n{"b":2}'), '[{"a":1}]');
  assert.equal(write('\n'), '[{"a":1},{"b":2}]');
});
