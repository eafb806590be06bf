// Store benchmark: each backend beside the raw floor it is built on, measured in one run.
//   npm run bench -- store
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Etcd3 } from 'etcd3';
import { openEtcdStore } from '../src/storage/etcd/etcd-store.ts';
import { openSqliteStore } from '../src/storage/sqlite/sqlite-store.ts';
import type { Store } from '../src/storage/store.ts';
import { startEtcd } from '../test/support/etcd-server.ts';
import { medianMs, printTable, rate, report, round } from './lib.ts';

// About the size of a small Pod's JSON.
const value = randomBytes(1024);
const watchers = 100;

interface Counts {
  create1: number;
  create64: number;
  gets: number;
  watchWrites: number;
}

interface StoreFigures {
  create1PerSec: number;
  create64PerSec: number;
  getsPerSec: number;
  list10kMs: number;
  watchEventsPerSec: number;
}

async function measureStore(store: Store, counts: Counts): Promise<StoreFigures> {
  const create1PerSec = await rate(counts.create1, 1, (i) => store.create(`/bench/c1/${i}`, value));
  const create64PerSec = await rate(counts.create64, 64, (i) => store.create(`/bench/c64/${i}`, value));
  const getsPerSec = await rate(counts.gets, 64, (i) => store.get(`/bench/c64/${i % counts.create64}`));

  await rate(10_000, 64, (i) => store.create(`/bench/list/${String(i).padStart(5, '0')}`, value));
  const list10kMs = await medianMs(5, async () => {
    const { items } = await store.list('/bench/list/');
    if (items.length !== 10_000) throw new Error(`listed ${items.length} keys, not 10,000`);
  });

  let delivered = 0;
  let allDelivered: () => void = () => {};
  const done = new Promise<void>((resolve) => (allDelivered = resolve));
  const target = counts.watchWrites * watchers;
  const watches = Array.from({ length: watchers }, () =>
    store.watch('/bench/watch/', { prefix: true }, (events) => {
      delivered += events.length;
      if (delivered >= target) allDelivered();
    }, (error) => console.error('watch failed:', error)),
  );
  const started = performance.now();
  await rate(counts.watchWrites, 64, (i) => store.create(`/bench/watch/${i}`, value));
  await done;
  const watchEventsPerSec = target / ((performance.now() - started) / 1000);
  for (const watch of watches) watch.close();

  return { create1PerSec, create64PerSec, getsPerSec, list10kMs, watchEventsPerSec };
}

/** Plain node:sqlite at the store's settings: one single-row insert per transaction. */
function sqliteFloor(dir: string, counts: Counts) {
  const db = new DatabaseSync(join(dir, 'raw.db'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  const select = db.prepare('SELECT v FROM t WHERE k = ?');
  let started = performance.now();
  for (let i = 0; i < counts.create1; i++) insert.run(`/raw/${i}`, value);
  const insertPerSec = counts.create1 / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let i = 0; i < counts.gets; i++) select.get(`/raw/${i % counts.create1}`);
  const getsPerSec = counts.gets / ((performance.now() - started) / 1000);
  db.close();
  return { insertPerSec, getsPerSec };
}

/** Plain etcd3 puts and gets against the same etcd. */
async function etcdFloor(endpoint: string, counts: Counts) {
  const client = new Etcd3({ hosts: [endpoint] });
  try {
    const put1PerSec = await rate(counts.create1, 1, (i) => client.put(`/raw1/${i}`).value(value).exec());
    const put64PerSec = await rate(counts.create64, 64, (i) => client.put(`/raw64/${i}`).value(value).exec());
    const getsPerSec = await rate(counts.gets, 64, (i) => client.get(`/raw64/${i % counts.create64}`).buffer());
    return { put1PerSec, put64PerSec, getsPerSec };
  } finally {
    client.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kubets-bench-store-'));
try {
  console.log('SQLite (WAL, synchronous=FULL) ...');
  const sqliteCounts = { create1: 3000, create64: 20_000, gets: 50_000, watchWrites: 5000 };
  const sqliteRaw = sqliteFloor(dir, sqliteCounts);
  const sqliteStore = await openSqliteStore({ path: join(dir, 'store.db') });
  const sqlite = await measureStore(sqliteStore, sqliteCounts);
  await sqliteStore.close();

  console.log('etcd 3.4 (one member, loopback) ...');
  const etcdCounts = { create1: 1000, create64: 10_000, gets: 20_000, watchWrites: 2000 };
  const etcdServer = await startEtcd({ dataDirParent: dir });
  let etcd: StoreFigures;
  let etcdRaw: Awaited<ReturnType<typeof etcdFloor>>;
  try {
    etcdRaw = await etcdFloor(etcdServer.endpoint, etcdCounts);
    const etcdStore = await openEtcdStore({ endpoints: [etcdServer.endpoint] });
    etcd = await measureStore(etcdStore, etcdCounts);
    await etcdStore.close();
  } finally {
    await etcdServer.stop();
  }

  const ratios = {
    sqliteCreate1: sqlite.create1PerSec / sqliteRaw.insertPerSec,
    sqliteCreate64: sqlite.create64PerSec / sqliteRaw.insertPerSec,
    sqliteGets: sqlite.getsPerSec / sqliteRaw.getsPerSec,
    etcdCreate1: etcd.create1PerSec / etcdRaw.put1PerSec,
    etcdCreate64: etcd.create64PerSec / etcdRaw.put64PerSec,
    etcdGets: etcd.getsPerSec / etcdRaw.getsPerSec,
  };
  const pct = (r: number) => `${Math.round(r * 100)}%`;
  console.log('');
  printTable(
    ['figure', 'sqlite store', 'raw sqlite', 'ratio', 'etcd store', 'raw etcd3', 'ratio'],
    [
      ['creates/s, 1 writer', round(sqlite.create1PerSec, 0), round(sqliteRaw.insertPerSec, 0), pct(ratios.sqliteCreate1), round(etcd.create1PerSec, 0), round(etcdRaw.put1PerSec, 0), pct(ratios.etcdCreate1)],
      ['creates/s, 64 writers', round(sqlite.create64PerSec, 0), round(sqliteRaw.insertPerSec, 0), pct(ratios.sqliteCreate64), round(etcd.create64PerSec, 0), round(etcdRaw.put64PerSec, 0), pct(ratios.etcdCreate64)],
      ['gets/s, 64 in flight', round(sqlite.getsPerSec, 0), round(sqliteRaw.getsPerSec, 0), pct(ratios.sqliteGets), round(etcd.getsPerSec, 0), round(etcdRaw.getsPerSec, 0), pct(ratios.etcdGets)],
      ['list 10,000 keys (ms)', round(sqlite.list10kMs), '', '', round(etcd.list10kMs), '', ''],
      [`watch events/s to ${watchers} watchers`, round(sqlite.watchEventsPerSec, 0), '', '', round(etcd.watchEventsPerSec, 0), '', ''],
    ],
  );
  console.log('');
  report('store', {
    sqlite,
    sqliteRaw,
    etcd,
    etcdRaw,
    ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, round(v, 3)])),
    goals: { sqliteCreate1AtLeast: 0.5, etcdCreate1AtLeast: 0.8 },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
