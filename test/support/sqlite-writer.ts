// Writes to a SQLite store as fast as it can, printing one line per acknowledged
// write, until it is killed. Used by the crash test: node sqlite-writer.ts DB WRITERS
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.ts';

const [path, writersArg = '16'] = process.argv.slice(2);
if (!path) throw new Error('usage: sqlite-writer.ts DB [WRITERS]');
const store = await openSqliteStore({ path });
const run = `${process.pid}`;
process.stdout.write(`ready ${await store.currentRevision()}\n`);

async function writer(id: number): Promise<never> {
  const counterKey = `/crash/counters/${run}-${id}`;
  let counter = await store.create(counterKey, Buffer.from('0'));
  for (let i = 0; ; i++) {
    const key = `/crash/items/${run}-${id}-${i}`;
    const kv = await store.create(key, Buffer.from(`${id}:${i}`));
    process.stdout.write(`ack ${kv.key} ${kv.modRevision} ${id}:${i}\n`);
    counter = await store.update(counterKey, Buffer.from(String(i + 1)), counter.modRevision);
    process.stdout.write(`ack ${counter.key} ${counter.modRevision} ${i + 1}\n`);
  }
}

await Promise.all(Array.from({ length: Number(writersArg) }, (_, i) => writer(i)));
