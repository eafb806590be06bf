// Waiting for an informer cache to show a controller's own writes (upstream's
// endpointSliceTracker): a sync that acts on a cache missing a slice it just created
// would create another.
import type { Clock } from '../../apimachinery/clock.ts';
import type { Indexer } from '../../client/indexer.ts';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.d.ts';

/** How long a sync waits for the cache to show its writes before it trusts the cache anyway. */
const maxWaitMs = 5000;

export class OwnWrites {
  private readonly clock: Clock;
  private readonly store: Indexer<EndpointSlice>;
  /** Per owner key, the slices written: name -> resourceVersion, or null once deleted. */
  private readonly written = new Map<string, { at: number; slices: Map<string, string | null> }>();

  constructor(clock: Clock, store: Indexer<EndpointSlice>) {
    this.clock = clock;
    this.store = store;
  }

  /** Whether the cache shows every write made for the key (or they are old enough to stop waiting for). */
  seen(key: string, namespace: string | undefined): boolean {
    const written = this.written.get(key);
    if (!written) return true;
    // Someone else may have changed or deleted a slice since.
    if (this.clock.now() - written.at > maxWaitMs) {
      this.written.delete(key);
      return true;
    }
    for (const [name, rv] of written.slices) {
      const cached = this.store.getByName(namespace, name);
      const ok = rv === null ? !cached : cached !== undefined && Number(cached.metadata?.resourceVersion) >= Number(rv);
      if (!ok) return false;
    }
    this.written.delete(key);
    return true;
  }

  /** Records a write: the slice as the server answered it, or null when it was deleted. */
  wrote(key: string, name: string, resourceVersion: string | null): void {
    let written = this.written.get(key);
    if (!written) this.written.set(key, (written = { at: this.clock.now(), slices: new Map() }));
    written.slices.set(name, resourceVersion);
  }
}
