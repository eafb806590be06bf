// The one conformance suite every Store backend must pass (DESIGN.md, example 2).
// Each backend's test file calls `describeStoreConformance` with a way to open a store;
// the tests share that store and keep to their own key prefixes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isStoreError, type StoreErrorCode } from './errors.ts';
import { guaranteedUpdate } from './guaranteed-update.ts';
import { limits, type KeyValue, type Store, type Watch, type WatchEvent, type WatchOptions } from './store.ts';

export interface StoreUnderTest {
  open(): Promise<Store>;
}

const bytes = (text: string) => Buffer.from(text);
const text = (kv: { value?: Uint8Array } | undefined) => (kv?.value ? Buffer.from(kv.value).toString() : undefined);

async function rejectsWith(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isStoreError(error), `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
}

/** Records a watch's events and error, and waits for them. */
class Recorder {
  readonly events: WatchEvent[] = [];
  error: Error | undefined;
  private readonly watch: Watch;
  private wake: (() => void) | undefined;

  constructor(store: Store, key: string, options: WatchOptions) {
    this.watch = store.watch(
      key,
      options,
      (batch) => {
        this.events.push(...batch);
        this.wake?.();
      },
      (error) => {
        this.error = error;
        this.wake?.();
      },
    );
  }

  async waitFor(done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}: have ${this.events.length} events, error ${String(this.error)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  untilEvents(count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.events.length >= count || this.error !== undefined, `${count} events`, timeoutMs);
  }

  untilError(timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.error !== undefined, 'an error', timeoutMs);
  }

  close(): void {
    this.watch.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeStoreConformance(backend: string, subject: StoreUnderTest): void {
  describe(`Store conformance: ${backend}`, { timeout: 120_000 }, () => {
    let store: Store;
    let prefixCount = 0;
    // A fresh key prefix per test, so tests on the shared store never see each other.
    const fresh = (name: string) => `/conformance/${process.pid}-${Date.now()}/${name}-${prefixCount++}/`;

    before(async () => {
      store = await subject.open();
    });
    after(async () => {
      await store.close();
    });

    it('starts at revision 1 or later and counts every write', async () => {
      const p = fresh('revision');
      const start = await store.currentRevision();
      assert.ok(start >= 1);
      const a = await store.create(`${p}a`, bytes('1'));
      assert.equal(a.modRevision, start + 1);
      assert.equal(a.createRevision, a.modRevision);
      const b = await store.update(`${p}a`, bytes('2'), a.modRevision);
      assert.equal(b.modRevision, start + 2);
      assert.equal(b.createRevision, a.createRevision);
      const d = await store.delete(`${p}a`);
      assert.equal(d.revision, start + 3);
      assert.equal(await store.currentRevision(), start + 3);
    });

    it('creates only when absent', async () => {
      const p = fresh('create');
      const kv = await store.create(`${p}x`, bytes('hello'));
      assert.equal(kv.key, `${p}x`);
      assert.equal(text(kv), 'hello');
      const read = await store.get(`${p}x`);
      assert.deepEqual({ ...read, value: text(read) }, { ...kv, value: 'hello' });
      const before = await store.currentRevision();
      await rejectsWith(store.create(`${p}x`, bytes('again')), 'keyExists');
      assert.equal(await store.currentRevision(), before, 'a failed create writes nothing');
      assert.equal(text(await store.get(`${p}x`)), 'hello');
      assert.equal(await store.get(`${p}missing`), undefined);
    });

    it('stores binary values byte for byte, including empty ones', async () => {
      const p = fresh('binary');
      const value = new Uint8Array(256).map((_, i) => i);
      await store.create(`${p}bin`, value);
      assert.deepEqual(new Uint8Array((await store.get(`${p}bin`))!.value), value);
      await store.create(`${p}empty`, new Uint8Array());
      assert.equal((await store.get(`${p}empty`))!.value.byteLength, 0);
    });

    it('updates only at the expected revision', async () => {
      const p = fresh('update');
      const v1 = await store.create(`${p}k`, bytes('v1'));
      const v2 = await store.update(`${p}k`, bytes('v2'), v1.modRevision);
      assert.ok(v2.modRevision > v1.modRevision);
      const before = await store.currentRevision();
      await assert.rejects(store.update(`${p}k`, bytes('stale'), v1.modRevision), (error: unknown) => {
        assert.ok(isStoreError(error, 'conflict'));
        assert.equal(error.current?.modRevision, v2.modRevision, 'a conflict carries the current value');
        assert.equal(text(error.current), 'v2');
        return true;
      });
      await rejectsWith(store.update(`${p}nope`, bytes('x'), v1.modRevision), 'notFound');
      assert.equal(await store.currentRevision(), before);
      assert.equal(text(await store.get(`${p}k`)), 'v2');
    });

    it('deletes, conditionally or not, and recreates with a new create revision', async () => {
      const p = fresh('delete');
      const v1 = await store.create(`${p}k`, bytes('v1'));
      const v2 = await store.update(`${p}k`, bytes('v2'), v1.modRevision);
      const before = await store.currentRevision();
      await rejectsWith(store.delete(`${p}k`, v1.modRevision), 'conflict');
      await rejectsWith(store.delete(`${p}none`), 'notFound');
      assert.equal(await store.currentRevision(), before);
      const deleted = await store.delete(`${p}k`, v2.modRevision);
      assert.equal(text(deleted.previous), 'v2');
      assert.equal(deleted.previous.modRevision, v2.modRevision);
      assert.ok(deleted.revision > v2.modRevision);
      assert.equal(await store.get(`${p}k`), undefined);
      await rejectsWith(store.update(`${p}k`, bytes('v3'), v2.modRevision), 'notFound');
      const again = await store.create(`${p}k`, bytes('v3'));
      assert.ok(again.createRevision > deleted.revision);
      await store.delete(`${p}k`);
      assert.equal(await store.get(`${p}k`), undefined);
    });

    it('reads a key as of an older revision', async () => {
      const p = fresh('history');
      const v1 = await store.create(`${p}k`, bytes('v1'));
      const v2 = await store.update(`${p}k`, bytes('v2'), v1.modRevision);
      const gone = await store.delete(`${p}k`);
      assert.equal(await store.get(`${p}k`, { revision: v1.modRevision - 1 }), undefined);
      assert.equal(text(await store.get(`${p}k`, { revision: v1.modRevision })), 'v1');
      assert.equal(text(await store.get(`${p}k`, { revision: v2.modRevision })), 'v2');
      assert.equal((await store.get(`${p}k`, { revision: v2.modRevision }))?.createRevision, v1.modRevision);
      assert.equal(await store.get(`${p}k`, { revision: gone.revision }), undefined);
      await rejectsWith(store.get(`${p}k`, { revision: gone.revision + 1000 }), 'futureRevision');
    });

    it('lists a prefix in key order, at a revision, in pages', async () => {
      const p = fresh('list');
      for (const name of ['c', 'a', 'b', 'd']) await store.create(`${p}${name}`, bytes(name));
      // Keys that share the prefix's text but not the prefix itself stay out.
      await store.create(`${p.slice(0, -1)}x/a`, bytes('other'));
      const all = await store.list(p);
      assert.deepEqual(all.items.map((kv) => text(kv)), ['a', 'b', 'c', 'd']);
      assert.equal(all.more, false);
      assert.equal(all.revision, await store.currentRevision());

      await store.delete(`${p}b`);
      await store.update(`${p}c`, bytes('c2'), all.items[2]!.modRevision);
      assert.deepEqual((await store.list(p)).items.map((kv) => text(kv)), ['a', 'c2', 'd']);
      assert.deepEqual((await store.list(p, { revision: all.revision })).items.map((kv) => text(kv)), ['a', 'b', 'c', 'd']);

      const first = await store.list(p, { limit: 2, revision: all.revision });
      assert.deepEqual(first.items.map((kv) => text(kv)), ['a', 'b']);
      assert.equal(first.more, true);
      const second = await store.list(p, { limit: 2, revision: first.revision, after: first.items.at(-1)!.key });
      assert.deepEqual(second.items.map((kv) => text(kv)), ['c', 'd']);
      assert.equal(second.more, false);
      assert.equal(second.revision, first.revision);
      assert.deepEqual((await store.list(fresh('empty'))).items, []);
    });

    it('counts the keys under a prefix', async () => {
      const p = fresh('count');
      assert.equal(await store.count(p), 0);
      for (let i = 0; i < 25; i++) await store.create(`${p}${i}`, bytes('x'));
      await store.delete(`${p}3`);
      assert.equal(await store.count(p), 24);
    });

    it('lets exactly one of many concurrent compare-and-swap writers win', async () => {
      const p = fresh('cas');
      const base = await store.create(`${p}k`, bytes('0'));
      const updates = await Promise.allSettled(
        Array.from({ length: 32 }, (_, i) => store.update(`${p}k`, bytes(`w${i}`), base.modRevision)),
      );
      const won = updates.filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1, 'exactly one update wins');
      for (const r of updates) if (r.status === 'rejected') assert.ok(isStoreError(r.reason, 'conflict'), String(r.reason));
      assert.equal(text(await store.get(`${p}k`)), text((won[0] as PromiseFulfilledResult<KeyValue>).value));

      const creates = await Promise.allSettled(Array.from({ length: 32 }, (_, i) => store.create(`${p}new`, bytes(`c${i}`))));
      assert.equal(creates.filter((r) => r.status === 'fulfilled').length, 1, 'exactly one create wins');
      for (const r of creates) if (r.status === 'rejected') assert.ok(isStoreError(r.reason, 'keyExists'), String(r.reason));

      const current = (await store.get(`${p}k`))!;
      const deletes = await Promise.allSettled(Array.from({ length: 8 }, () => store.delete(`${p}k`, current.modRevision)));
      assert.equal(deletes.filter((r) => r.status === 'fulfilled').length, 1, 'exactly one delete wins');
    });

    it('guaranteedUpdate retries on conflict and skips writes that change nothing', async () => {
      const p = fresh('guaranteed');
      const increment = (kv: { value?: Uint8Array } | undefined) => bytes(String(Number(text(kv) ?? '0') + 1));
      await Promise.all(Array.from({ length: 20 }, () => guaranteedUpdate(store, `${p}counter`, increment, { ignoreNotFound: true })));
      assert.equal(text(await store.get(`${p}counter`)), '20');

      const before = await store.currentRevision();
      const same = await guaranteedUpdate(store, `${p}counter`, (kv) => Buffer.from(kv!.value!));
      assert.equal(await store.currentRevision(), before, 'no write when nothing changed');
      assert.equal(text(same), '20');
      await rejectsWith(guaranteedUpdate(store, `${p}absent`, increment), 'notFound');
      const stale = (await store.get(`${p}counter`))!;
      await store.update(`${p}counter`, bytes('100'), stale.modRevision);
      const fromStale = await guaranteedUpdate(store, `${p}counter`, increment, { suggestion: stale });
      assert.equal(text(fromStale), '101', 'a stale suggestion is retried against the current value');

      // A suggestion without its value that the update leaves unchanged is checked
      // against the store: stale, so the update runs again on the latest value.
      const seen: Array<string | undefined> = [];
      const unchangedFromStale = await guaranteedUpdate(
        store,
        `${p}counter`,
        (kv) => {
          seen.push(text(kv));
          return kv?.value ? Buffer.from(kv.value) : undefined;
        },
        { suggestion: { key: `${p}counter`, modRevision: stale.modRevision, createRevision: stale.createRevision } },
      );
      assert.deepEqual(seen, [undefined, '101'], 'the stale suggestion, then the stored version');
      assert.equal(text(unchangedFromStale), '101');
      const revision = await store.currentRevision();
      const current = (await store.get(`${p}counter`))!;
      const unchangedFromCurrent = await guaranteedUpdate(store, `${p}counter`, () => undefined, { suggestion: { key: current.key, modRevision: current.modRevision, createRevision: current.createRevision } });
      assert.equal(unchangedFromCurrent?.modRevision, current.modRevision, 'a current suggestion left unchanged is returned as stored');
      assert.equal(await store.currentRevision(), revision, 'and nothing is written');
    });

    it('watches from an old revision and replays every event in order', async () => {
      const p = fresh('replay');
      const a1 = await store.create(`${p}a`, bytes('a1'));
      const a2 = await store.update(`${p}a`, bytes('a2'), a1.modRevision);
      await store.create(`${p}b`, bytes('b1'));
      await store.create(`${p.slice(0, -1)}-sibling`, bytes('not ours'));
      const deleted = await store.delete(`${p}a`);

      const recorder = new Recorder(store, p, { prefix: true, startRevision: a1.modRevision });
      await recorder.untilEvents(4);
      await store.create(`${p}c`, bytes('c1'));
      await recorder.untilEvents(5);
      recorder.close();
      assert.equal(recorder.error, undefined);
      assert.deepEqual(
        recorder.events.map((e) => [e.type, e.type === 'delete' ? e.key : e.kv.key, e.type === 'delete' ? undefined : text(e.kv)]),
        [
          ['create', `${p}a`, 'a1'],
          ['update', `${p}a`, 'a2'],
          ['create', `${p}b`, 'b1'],
          ['delete', `${p}a`, undefined],
          ['create', `${p}c`, 'c1'],
        ],
      );
      const [, update, , del] = recorder.events;
      assert.equal(update?.type, 'update');
      if (update?.type === 'update') {
        assert.equal(text(update.prevKv), 'a1');
        assert.equal(update.revision, a2.modRevision);
        assert.equal(update.kv.createRevision, a1.modRevision);
      }
      assert.equal(del?.type, 'delete');
      if (del?.type === 'delete') {
        assert.equal(text(del.prevKv), 'a2');
        assert.equal(del.revision, deleted.revision);
      }
    });

    it('watches one key without seeing its neighbours, and stops when closed', async () => {
      const p = fresh('one-key');
      const recorder = new Recorder(store, `${p}k`, {});
      await store.create(`${p}k2`, bytes('neighbour'));
      const kv = await store.create(`${p}k`, bytes('mine'));
      await recorder.untilEvents(1);
      recorder.close();
      await store.update(`${p}k`, bytes('after close'), kv.modRevision);
      await pause(200);
      assert.deepEqual(recorder.events.map((e) => e.revision), [kv.modRevision]);
    });

    it('delivers a burst of 10,000 writes to a watch without loss or reordering', async () => {
      const p = fresh('burst');
      const recorder = new Recorder(store, p, { prefix: true });
      const total = 10_000;
      const writers = 64;
      let next = 0;
      await Promise.all(
        Array.from({ length: writers }, async () => {
          while (next < total) {
            const i = next++;
            await store.create(`${p}${String(i).padStart(5, '0')}`, bytes(String(i)));
          }
        }),
      );
      await recorder.untilEvents(total, 60_000);
      await pause(100);
      recorder.close();
      assert.equal(recorder.error, undefined);
      assert.equal(recorder.events.length, total, 'no event lost or repeated');
      for (let i = 1; i < total; i++) {
        assert.ok(recorder.events[i]!.revision > recorder.events[i - 1]!.revision, `event ${i} out of order`);
      }
      const keys = new Set(recorder.events.map((e) => (e.type === 'delete' ? e.key : e.kv.key)));
      assert.equal(keys.size, total);
    });

    it('keeps pagination consistent while writes happen', async () => {
      const p = fresh('paging');
      for (let i = 0; i < 100; i++) await store.create(`${p}${String(i).padStart(3, '0')}`, bytes(`v${i}`));
      const snapshot = await store.list(p);
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          const key = `${p}${String((i * 37) % 150).padStart(3, '0')}`;
          const kv = await store.get(key);
          if (!kv) await store.create(key, bytes(`new${i}`));
          else if (i % 3 === 0) await store.delete(key, kv.modRevision).catch(() => undefined);
          else await store.update(key, bytes(`up${i}`), kv.modRevision).catch(() => undefined);
        }
      })();
      const paged: KeyValue[] = [];
      let page = await store.list(p, { limit: 7, revision: snapshot.revision });
      paged.push(...page.items);
      while (page.more) {
        await pause(2);
        page = await store.list(p, { limit: 7, revision: snapshot.revision, after: page.items.at(-1)!.key });
        assert.equal(page.revision, snapshot.revision);
        paged.push(...page.items);
      }
      writing = false;
      await writer;
      assert.ok((await store.currentRevision()) > snapshot.revision, 'writes happened meanwhile');
      assert.deepEqual(
        paged.map((kv) => [kv.key, text(kv), kv.modRevision]),
        snapshot.items.map((kv) => [kv.key, text(kv), kv.modRevision]),
      );
    });

    it('rejects bad input with a typed error and writes nothing', async () => {
      const p = fresh('bad-input');
      const kv = await store.create(`${p}k`, bytes('v'));
      const before = await store.currentRevision();
      await rejectsWith(store.create('', bytes('x')), 'invalidArgument');
      await rejectsWith(store.create(`${p}${'x'.repeat(limits.maxKeyBytes)}`, bytes('x')), 'invalidArgument');
      await rejectsWith(store.create(`${p}big`, new Uint8Array(limits.maxValueBytes + 1)), 'tooLarge');
      await rejectsWith(store.update(`${p}k`, new Uint8Array(limits.maxValueBytes + 1), kv.modRevision), 'tooLarge');
      await rejectsWith(store.create(`${p}s`, 'not bytes' as unknown as Uint8Array), 'invalidArgument');
      for (const revision of [0, -1, 1.5, Number.NaN]) {
        await rejectsWith(store.update(`${p}k`, bytes('x'), revision), 'invalidArgument');
        await rejectsWith(store.delete(`${p}k`, revision), 'invalidArgument');
        await rejectsWith(store.get(`${p}k`, { revision }), 'invalidArgument');
        await rejectsWith(store.list(p, { revision }), 'invalidArgument');
      }
      await rejectsWith(store.list(p, { limit: -1 }), 'invalidArgument');
      await rejectsWith(store.create(`${p}t`, bytes('x'), { ttlSeconds: 0 }), 'invalidArgument');
      await rejectsWith(store.create(`${p}t`, bytes('x'), { ttlSeconds: 1.5 }), 'invalidArgument');
      await rejectsWith(store.compact(-3), 'invalidArgument');
      await rejectsWith(store.compact(before + 1000), 'futureRevision');
      assert.equal(await store.currentRevision(), before, 'nothing was written');
      assert.equal(await store.get(`${p}big`), undefined);
      // A value at the limit is fine.
      await store.create(`${p}max`, new Uint8Array(limits.maxValueBytes));
    });

    it('expires keys written with a TTL, with a delete event', async () => {
      const p = fresh('ttl');
      const recorder = new Recorder(store, p, { prefix: true });
      await store.create(`${p}short`, bytes('x'), { ttlSeconds: 1 });
      const kept = await store.create(`${p}kept`, bytes('y'));
      assert.equal(text(await store.get(`${p}short`)), 'x');
      await recorder.waitFor(() => recorder.events.some((e) => e.type === 'delete'), 'the expiry', 15_000);
      recorder.close();
      assert.equal(await store.get(`${p}short`), undefined);
      assert.equal((await store.get(`${p}kept`))?.modRevision, kept.modRevision);
      const expired = recorder.events.find((e) => e.type === 'delete');
      assert.equal(expired?.type === 'delete' && expired.key, `${p}short`);
    });

    it('compacts history: old revisions fail with "compacted", current values stay', async () => {
      const p = fresh('compact');
      const v1 = await store.create(`${p}k`, bytes('v1'));
      const v2 = await store.update(`${p}k`, bytes('v2'), v1.modRevision);
      const other = await store.create(`${p}other`, bytes('o'));
      const gone = await store.create(`${p}gone`, bytes('g'));
      await store.delete(`${p}gone`, gone.modRevision);
      // Compact at a write outside the watched prefix: no backend can give the previous value of a
      // change at exactly the compacted revision to a watch starting there (etcd reads it at the
      // revision before, which is gone; etcd 3.4 may also drop a tombstone at that revision).
      await store.create(`${p.slice(0, -1)}-marker`, bytes('m'));
      const at = await store.currentRevision();
      await store.compact(at);
      await rejectsWith(store.get(`${p}k`, { revision: v1.modRevision }), 'compacted');
      await rejectsWith(store.list(p, { revision: at - 1 }), 'compacted');
      assert.equal(text(await store.get(`${p}k`, { revision: at })), 'v2');
      assert.equal((await store.get(`${p}k`))?.modRevision, v2.modRevision);
      assert.equal(text(await store.get(`${p}other`)), 'o');
      assert.equal(await store.get(`${p}gone`), undefined);
      assert.deepEqual((await store.list(p)).items.map((kv) => kv.key), [`${p}k`, `${p}other`]);
      assert.equal(other.createRevision, other.modRevision);

      const failed = new Recorder(store, p, { prefix: true, startRevision: v1.modRevision });
      await failed.untilError();
      assert.ok(isStoreError(failed.error, 'compacted'), String(failed.error));
      failed.close();

      const resumed = new Recorder(store, p, { prefix: true, startRevision: at });
      const v3 = await store.update(`${p}k`, bytes('v3'), v2.modRevision);
      await resumed.waitFor(() => resumed.events.some((e) => e.revision === v3.modRevision) || resumed.error !== undefined, 'the update');
      resumed.close();
      assert.equal(resumed.error, undefined);
      const last = resumed.events.at(-1);
      assert.equal(last?.revision, v3.modRevision);
      assert.equal(last?.type === 'update' && text(last.prevKv), 'v2');
      // Compacting again at or below the compacted revision is a no-op or a clean error, never a loss.
      await store.compact(at).catch((error: unknown) => assert.ok(isStoreError(error, 'compacted'), String(error)));
      assert.equal(text(await store.get(`${p}k`)), 'v3');
    });
  });
}
