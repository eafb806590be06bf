// Nothing lost: SIGKILL a process that writes to the store as fast as it can, reopen
// the file, and check every acknowledged write, the revision order, and a watch that
// resumes from before the kill.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { WatchEvent } from '../store.ts';
import { openSqliteStore } from './sqlite-store.ts';

const writerScript = fileURLToPath(new URL('../../../test/support/sqlite-writer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kubets-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Ack {
  key: string;
  revision: number;
  value: string;
}

/** Runs the writer until it has acknowledged `minAcks` writes and `minMs` passed, then SIGKILLs it. */
async function writeUntilKilled(path: string, minAcks: number, minMs: number): Promise<{ startRevision: number; acks: Ack[] }> {
  const child = spawn(process.execPath, [writerScript, path, '16'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acks: Ack[] = [];
  let startRevision = 0;
  const started = Date.now();
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const lines = createInterface({ input: child.stdout });
  const drained = new Promise((resolve) => lines.once('close', resolve));
  lines.on('line', (line) => {
    const [kind, key, revision, value] = line.split(' ');
    if (kind === 'ready') startRevision = Number(key);
    else acks.push({ key: key!, revision: Number(revision), value: value! });
    if (acks.length >= minAcks && Date.now() - started >= minMs && child.exitCode === null && !child.killed) child.kill('SIGKILL');
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const signal = await exited;
  clearTimeout(timeout);
  await drained;
  assert.equal(signal, 'SIGKILL', 'the writer was killed, not stopped');
  assert.ok(acks.length >= minAcks, `the writer acknowledged ${acks.length} writes before the kill`);
  return { startRevision, acks };
}

it('loses no acknowledged write when the writing process is killed', { timeout: 120_000 }, async () => {
  const path = join(dir, 'crash.db');
  let previousMax = 0;
  for (let round = 0; round < 3; round++) {
    const { startRevision, acks } = await writeUntilKilled(path, 2000, 300 + round * 200);
    assert.ok(startRevision >= previousMax, 'the revision never goes back after a restart');

    const store = await openSqliteStore({ path, sweepIntervalMs: 0 });
    try {
      const revision = await store.currentRevision();
      const latestByKey = new Map<string, Ack>();
      for (const ack of acks) {
        assert.ok(ack.revision <= revision, `acknowledged revision ${ack.revision} is beyond the stored ${revision}`);
        if ((latestByKey.get(ack.key)?.revision ?? 0) < ack.revision) latestByKey.set(ack.key, ack);
      }
      for (const ack of latestByKey.values()) {
        const kv = await store.get(ack.key);
        assert.ok(kv, `acknowledged key ${ack.key} is missing`);
        assert.ok(kv.modRevision >= ack.revision, `${ack.key} went back from ${ack.revision} to ${kv.modRevision}`);
        if (kv.modRevision === ack.revision) assert.equal(Buffer.from(kv.value).toString(), ack.value);
      }

      // A watch from before the kill replays every write of that run, in order.
      const events: WatchEvent[] = [];
      await new Promise<void>((resolve, reject) => {
        const watch = store.watch('/crash/', { prefix: true, startRevision: startRevision + 1 }, (batch) => {
          events.push(...batch);
          if (events.at(-1)!.revision >= revision) {
            watch.close();
            resolve();
          }
        }, reject);
      });
      assert.equal(events.length, revision - startRevision, 'one event per revision since the restart point');
      events.forEach((event, i) => assert.equal(event.revision, startRevision + 1 + i));
      const seen = new Set(events.map((event) => `${event.type === 'delete' ? event.key : event.kv.key}@${event.revision}`));
      for (const ack of acks) assert.ok(seen.has(`${ack.key}@${ack.revision}`), `no event for ${ack.key}@${ack.revision}`);

      const next = await store.create(`/crash/after-round-${round}`, Buffer.from('x'));
      assert.equal(next.modRevision, revision + 1, 'revisions go on increasing after the restart');
      previousMax = next.modRevision;
    } finally {
      await store.close();
    }
  }
});
