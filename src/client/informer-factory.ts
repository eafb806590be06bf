// One informer per resource (and namespace/selector) shared by every control loop in a
// process, so ten controllers watching pods cost one watch and one cache. Components
// that start and stop on their own (the controller manager and the scheduler, each
// leader-elected) take a scope(): their handlers leave with them, and the informers
// stop when the last scope does.
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
  private informers = new Map<string, Informer<KubeObject>>();
  private readonly onError: ((error: unknown) => void) | undefined;
  private readonly transform: (<T extends KubeObject>(object: T) => T) | undefined;
  private started = false;
  private scopes = 0;

  constructor(clientset: Clientset, options: { clock?: Clock; onError?: (error: unknown) => void; transform?: <T extends KubeObject>(object: T) => T } = {}) {
    this.clientset = clientset;
    this.clock = options.clock ?? realClock;
    this.onError = options.onError;
    this.transform = options.transform;
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
        ...(this.transform ? { transform: this.transform } : {}),
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

  /**
   * A view for one component's term: same informers, but stop() only removes the handlers
   * added through it; the informers themselves stop (and are forgotten, so the next term
   * lists afresh) when the last open scope stops.
   */
  scope(): InformerFactory {
    this.scopes++;
    return new InformerScope(this, this.clientset, () => {
      if (--this.scopes > 0) return Promise.resolve();
      const informers = [...this.informers.values()];
      this.informers = new Map();
      this.started = false;
      return Promise.all(informers.map((i) => i.stop())).then(() => undefined);
    });
  }
}

class InformerScope extends InformerFactory {
  private readonly parent: InformerFactory;
  private readonly release: () => Promise<void>;
  private readonly views = new Map<Informer<KubeObject>, Informer<KubeObject>>();
  private readonly removers: Array<() => void> = [];
  private closed = false;

  constructor(parent: InformerFactory, clientset: Clientset, release: () => Promise<void>) {
    super(clientset);
    this.parent = parent;
    this.release = release;
  }

  override informer<T extends KubeObject>(plural: string, group = '', options: SharedInformerOptions<T> = {}): Informer<T> {
    const shared = this.parent.informer<T>(plural, group, options) as unknown as Informer<KubeObject>;
    let view = this.views.get(shared);
    if (!view) {
      // The shared informer as seen by this scope: reads go through to it; handlers are
      // recorded so that stop() removes them; starting and stopping belong to the factory.
      view = Object.create(shared) as Informer<KubeObject>;
      view.addEventHandlers = (handlers) => {
        const remove = shared.addEventHandlers(handlers);
        this.removers.push(remove);
        return remove;
      };
      view.start = () => (shared.start(), view!);
      view.stop = () => Promise.resolve();
      view[Symbol.dispose] = () => {};
      this.views.set(shared, view);
    }
    return view as unknown as Informer<T>;
  }

  override start(): void {
    this.parent.start();
  }

  override async waitForSync(): Promise<void> {
    await Promise.all([...this.views.keys()].map((i) => i.waitForSync()));
  }

  override async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const remove of this.removers.splice(0)) remove();
    this.views.clear();
    await this.release();
  }

  override scope(): InformerFactory {
    return this.parent.scope();
  }
}
