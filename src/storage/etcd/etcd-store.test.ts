import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Etcd3 } from 'etcd3';
import { startEtcd, type EtcdServer } from '../../../test/support/etcd-server.ts';
import { isStoreError, type StoreErrorCode } from '../errors.ts';
import type { Store } from '../store.ts';
import { describeStoreConformance } from '../store-conformance.ts';
import { openEtcdStore } from './etcd-store.ts';

let etcd: EtcdServer | undefined;
before(async () => {
  etcd = await startEtcd();
});
after(async () => {
  await etcd?.stop();
});

describeStoreConformance('etcd', { open: () => openEtcdStore({ endpoints: [etcd!.endpoint] }) });

const bytes = (text: string) => Buffer.from(text);

/** Resolves with the error the watch ends with, or rejects after `timeoutMs`. */
function watchError(store: Store, key: string, timeoutMs = 10_000): Promise<Error> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the watch did not end')), timeoutMs);
    store.watch(
      key,
      { prefix: true },
      () => undefined,
      (error) => {
        clearTimeout(timer);
        resolve(error);
      },
    );
  });
}

async function rejectsWith(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => isStoreError(error, code) || assert.fail(`expected ${code}, got ${String(error)}`));
}

describe('EtcdStore', { timeout: 60_000 }, () => {
  it('closing the store ends its watches with "closed" and refuses further calls', async () => {
    const store = await openEtcdStore({ endpoints: [etcd!.endpoint] });
    const ended = watchError(store, '/etcd-test/closing/');
    await store.create('/etcd-test/closing/a', bytes('x'));
    await store.close();
    assert.ok(isStoreError(await ended, 'closed'), String(await ended));
    await rejectsWith(store.get('/etcd-test/closing/a'), 'closed');
    assert.throws(() => store.watch('/etcd-test/closing/', {}, () => undefined, () => undefined), (error: unknown) => isStoreError(error, 'closed'));
    await store.close();
  });

  it('pools leases: writes with similar TTLs share one', async () => {
    const store = await openEtcdStore({ endpoints: [etcd!.endpoint] });
    const raw = new Etcd3({ hosts: etcd!.endpoint });
    try {
      const p = `/etcd-test/leases-${Date.now()}/`;
      await Promise.all(['a', 'b', 'c'].map((name) => store.create(`${p}${name}`, bytes(name), { ttlSeconds: 600 })));
      const short = await store.create(`${p}short`, bytes('s'), { ttlSeconds: 30 });
      const leaseOf = async (key: string) => (await raw.kv.range({ key: Buffer.from(key) })).kvs[0]?.lease;
      const [a, b, c, s] = await Promise.all(['a', 'b', 'c', 'short'].map((name) => leaseOf(`${p}${name}`)));
      assert.ok(a && a !== '0', 'the key has a lease');
      assert.equal(b, a);
      assert.equal(c, a);
      assert.notEqual(s, a, 'a 600 s lease outlives a 30 s TTL by more than its reuse window');
      // A pooled lease that is gone early (revoked here) is replaced, not an error.
      await raw.leaseClient.leaseRevoke({ ID: a });
      await store.create(`${p}d`, bytes('d'), { ttlSeconds: 600 });
      const d = await leaseOf(`${p}d`);
      assert.ok(d && d !== '0' && d !== a, `a new lease, got ${d}`);
      // An update without a TTL detaches the lease, as in kube-apiserver.
      await store.update(`${p}short`, bytes('kept'), short.modRevision);
      assert.equal(await leaseOf(`${p}short`), '0');
    } finally {
      raw.close();
      await store.close();
    }
  });

  it('fails a watch with "compacted" when etcd cannot give a previous value, as kube-apiserver does', async () => {
    // A watch may start at the compacted revision itself, but the previous value of the
    // change made at that revision is older, so etcd sends the update without it.
    const store = await openEtcdStore({ endpoints: [etcd!.endpoint] });
    try {
      const p = `/etcd-test/prev-compacted-${Date.now()}/`;
      const v1 = await store.create(`${p}k`, bytes('v1'));
      const v2 = await store.update(`${p}k`, bytes('v2'), v1.modRevision);
      await store.compact(v2.modRevision);
      const error = await new Promise<Error>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the watch did not end')), 10_000);
        const watch = store.watch(
          p,
          { prefix: true, startRevision: v2.modRevision },
          (events) => reject(new Error(`unexpected events ${JSON.stringify(events.map((e) => e.revision))}`)),
          (error) => {
            clearTimeout(timer);
            watch.close();
            resolve(error);
          },
        );
      });
      assert.ok(isStoreError(error, 'compacted'), String(error));
    } finally {
      await store.close();
    }
  });

  describe('against an etcd with a small request limit that then stops', () => {
    let small: EtcdServer;
    let store: Store;
    before(async () => {
      small = await startEtcd({ maxRequestBytes: 64 * 1024 });
      store = await openEtcdStore({ endpoints: [small.endpoint], requestTimeoutMs: 5_000 });
    });
    after(async () => {
      await store.close();
      await small.stop();
    });

    it('maps etcd refusing a large request to "tooLarge"', async () => {
      await rejectsWith(store.create('/etcd-test/large', new Uint8Array(100 * 1024)), 'tooLarge');
    });

    it('fails with "unavailable", not a hang, once etcd is gone', async () => {
      await store.create('/etcd-test/gone/a', bytes('x'));
      const ended = watchError(store, '/etcd-test/gone/');
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the watch reach etcd
      await small.stop();
      const started = Date.now();
      await rejectsWith(store.get('/etcd-test/gone/a'), 'unavailable');
      await rejectsWith(store.create('/etcd-test/gone/b', bytes('y')), 'unavailable');
      assert.ok(isStoreError(await ended, 'unavailable'), String(await ended));
      assert.ok(Date.now() - started < 6_000, `took ${Date.now() - started} ms`);
      await rejectsWith(openEtcdStore({ endpoints: [small.endpoint] }), 'unavailable');
    });
  });
});
