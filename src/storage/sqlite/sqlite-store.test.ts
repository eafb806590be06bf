import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FakeClock } from '../../apimachinery/clock.ts';
import { isStoreError } from '../errors.ts';
import { describeStoreConformance } from '../store-conformance.ts';
import { openSqliteStore, SqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kubets-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describeStoreConformance('sqlite', { open: () => openSqliteStore({ path: join(dir, 'conformance.db'), sweepIntervalMs: 200 }) });

describe('SqliteStore', () => {
  it('keeps data and revisions across a reopen', async () => {
    const path = join(dir, 'reopen.db');
    const first = await openSqliteStore({ path });
    const kv = await first.create('/a', Buffer.from('1'));
    await first.close();
    const second = await openSqliteStore({ path });
    assert.equal(await second.currentRevision(), kv.modRevision);
    assert.equal(Buffer.from((await second.get('/a'))!.value).toString(), '1');
    const next = await second.create('/b', Buffer.from('2'));
    assert.equal(next.modRevision, kv.modRevision + 1);
    await second.close();
  });

  it('refuses a second process-level owner of the same file', async () => {
    const path = join(dir, 'owned.db');
    const owner = await openSqliteStore({ path });
    await owner.create('/x', Buffer.from('x'));
    await assert.rejects(openSqliteStore({ path }), (error: unknown) => isStoreError(error, 'unavailable') && /in use/.test(error.message));
    await owner.close();
  });

  it('expires keys by the injected clock', async () => {
    const clock = new FakeClock();
    const store = new SqliteStore({ path: ':memory:', clock, sweepIntervalMs: 0 });
    await store.create('/events/a', Buffer.from('a'), { ttlSeconds: 3600 });
    await store.create('/events/b', Buffer.from('b'), { ttlSeconds: 60 });
    clock.advance(59_000);
    assert.equal(await store.sweepExpired(), 0);
    clock.advance(2_000);
    assert.equal(await store.sweepExpired(), 1);
    assert.deepEqual((await store.list('/events/')).items.map((kv) => kv.key), ['/events/a']);
    // A later write without a TTL keeps the key.
    const a = (await store.get('/events/a'))!;
    await store.update('/events/a', Buffer.from('a2'), a.modRevision);
    clock.advance(7200_000);
    assert.equal(await store.sweepExpired(), 0);
    await store.close();
  });

  it('compacts in small batches while writes go on', async () => {
    const store = new SqliteStore({ path: ':memory:', sweepIntervalMs: 0, compactBatchSize: 10 });
    let kv = await store.create('/c', Buffer.from('0'));
    for (let i = 1; i <= 200; i++) kv = await store.update('/c', Buffer.from(String(i)), kv.modRevision);
    const target = await store.currentRevision();
    const compaction = store.compact(target);
    const during = await store.update('/c', Buffer.from('during'), kv.modRevision);
    await compaction;
    assert.equal(Buffer.from((await store.get('/c'))!.value).toString(), 'during');
    assert.equal((await store.get('/c', { revision: target }))?.modRevision, kv.modRevision);
    assert.ok(during.modRevision > target);
    await store.close();
  });

  it('ends watches and refuses calls once closed', async () => {
    const store = new SqliteStore({ path: ':memory:', sweepIntervalMs: 0 });
    let error: Error | undefined;
    store.watch('/', { prefix: true }, () => {}, (e) => (error = e));
    await store.close();
    assert.ok(isStoreError(error, 'closed'));
    await assert.rejects(store.create('/x', Buffer.from('x')), (e: unknown) => isStoreError(e, 'closed'));
  });
});
