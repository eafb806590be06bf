// One informer per resource (and namespace/selector) shared by every control loop in a
// process, so ten controllers watching pods cost one watch and one cache.
import { realClock, type Clock } from '../apimachinery/clock.ts';
import type { Clientset } from './clientset.ts';
import type { IndexFunc } from './indexer.ts';
import { Informer } from './informer.ts';
import type { KubeObject } from './resource-client.ts';

export interface SharedInformerOptions<T> {
  readonly namespace?: string;
  readonly fieldSelector?: string;
  readonly labelSelector?: string;
  /** Indexes to add (to the shared informer too, when it exists); one name means one index everywhere. */
  readonly indexers?: Readonly<Record<string, IndexFunc<T>>>;
}

export class InformerFactory {
  private readonly clientset: Clientset;
  private readonly clock: Clock;
  private readonly informers = new Map<string, Informer<KubeObject>>();
  private readonly onError: ((error: unknown) => void) | undefined;
  private started = false;

  constructor(clientset: Clientset, options: { clock?: Clock; onError?: (error: unknown) => void } = {}) {
    this.clientset = clientset;
    this.clock = options.clock ?? realClock;
    this.onError = options.onError;
  }

  /** The shared informer for a resource; created on first use (and started at once if the factory runs). */
  informer<T extends KubeObject>(plural: string, group = '', options: SharedInformerOptions<T> = {}): Informer<T> {
    const key = [group, plural, options.namespace ?? '', options.fieldSelector ?? '', options.labelSelector ?? ''].join('|');
    let informer = this.informers.get(key) as Informer<T> | undefined;
    if (!informer) {
      informer = new Informer<T>(this.clientset.resource<T>(plural, group), {
        ...options,
        clock: this.clock,
        ...(this.onError ? { onError: this.onError } : {}),
      });
      this.informers.set(key, informer as unknown as Informer<KubeObject>);
      if (this.started) informer.start();
    } else {
      for (const [name, fn] of Object.entries(options.indexers ?? {})) informer.store.addIndex(name, fn);
    }
    return informer;
  }

  /** Starts every informer made so far and any made later. */
  start(): void {
    this.started = true;
    for (const informer of this.informers.values()) informer.start();
  }

  async waitForSync(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.waitForSync()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
  }
}
