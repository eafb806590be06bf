import { homedir } from 'node:os';
import { join } from 'node:path';
import { describeDatastore, openStore } from '../storage/open-store.ts';
import { gitVersion } from '../version.ts';

export interface UpOptions {
  readonly dataDir?: string | undefined;
  readonly endpoint?: string | undefined;
}

/** Root keeps state where system services do; anyone else in their home. */
export function defaultDataDir(): string {
  return process.getuid?.() === 0 ? '/var/lib/kubets' : join(homedir(), '.kubets');
}

/** Prints one start-up step with the time since start, so slow steps show. */
function progress(startedAt: number, message: string): void {
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(3)}s] ${message}`);
}

/**
 * Starts what the cluster has so far (the datastore) and runs until SIGINT or SIGTERM.
 * The API server, controllers and node agent join this sequence as they are built.
 */
export async function runUp(options: UpOptions): Promise<number> {
  const startedAt = performance.now();
  const config = { dataDir: options.dataDir ?? defaultDataDir(), endpoint: options.endpoint };
  progress(startedAt, `kubets ${gitVersion}, data dir ${config.dataDir}`);
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    console.error(`kubets: cannot open the datastore ${describeDatastore(config)}: ${(error as Error).message}`);
    return 1;
  }
  progress(startedAt, `datastore ${describeDatastore(config)} ready at revision ${await store.currentRevision()}`);
  progress(startedAt, 'running; press Ctrl-C to stop');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  progress(startedAt, `${signal}: shutting down`);
  await store.close();
  progress(startedAt, 'stopped');
  return 0;
}
