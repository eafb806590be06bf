import { join } from 'node:path';
import { StoreError } from './errors.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export interface DatastoreConfig {
  /** `etcd://host:port[,host:port...]`, `sqlite:///path/to/file.db`, or unset for SQLite in the data dir. */
  readonly endpoint?: string | undefined;
  readonly dataDir: string;
}

/** Where and on what the cluster state lives, as one line for start-up logs. */
export function describeDatastore(config: DatastoreConfig): string {
  return config.endpoint ?? `sqlite://${sqlitePath(config)}`;
}

const sqlitePath = (config: DatastoreConfig) => join(config.dataDir, 'db', 'state.db');

/** Opens the store that `--datastore-endpoint` names (SQLite in the data dir by default). */
export async function openStore(config: DatastoreConfig): Promise<Store> {
  const endpoint = config.endpoint;
  if (!endpoint) return openSqliteStore({ path: sqlitePath(config) });
  const match = /^(etcd|sqlite):\/\/(.*)$/.exec(endpoint);
  if (match?.[1] === 'sqlite' && match[2]) return openSqliteStore({ path: match[2] });
  if (match?.[1] === 'etcd' && match[2]) {
    const endpoints = match[2].split(',').map((hostPort) => `http://${hostPort.trim()}`);
    // Loaded only when asked for: the etcd client (gRPC) takes a quarter second to load.
    const { openEtcdStore } = await import('./etcd/etcd-store.ts');
    return openEtcdStore({ endpoints });
  }
  throw new StoreError('invalidArgument', `unsupported datastore endpoint "${endpoint}": use etcd://HOST:PORT[,HOST:PORT...] or sqlite:///PATH`);
}
