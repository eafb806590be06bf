// Namespace deletion: once a namespace is Terminating, delete everything in it, then
// drop the `kubernetes` finalizer so the namespace itself goes (upstream's namespace
// controller does this; here the server does it until the controller manager exists).
import type { GenericRegistry } from './generic-registry.ts';
import type { ApiObject } from '../watch-cache.ts';

const finalizerName = 'kubernetes';

export class NamespaceFinalizer {
  private readonly namespaces: GenericRegistry;
  private readonly namespaced: GenericRegistry[];
  private readonly running = new Map<string, Promise<void>>();
  private stopWatch: (() => void) | undefined;
  private stopped = false;

  constructor(registries: Iterable<GenericRegistry>) {
    const all = [...registries];
    this.namespaces = all.find((r) => r.def.group === '' && r.def.plural === 'namespaces')!;
    this.namespaced = all.filter((r) => r.def.namespaced);
  }

  async start(): Promise<void> {
    this.stopWatch = await this.namespaces.watch('', '0', () => true, {
      send: (_type, object) => this.consider(object),
      close: () => {},
    });
  }

  stop(): void {
    this.stopped = true;
    this.stopWatch?.();
  }

  /** Resolves when no namespace cleanup is running (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private consider(namespace: ApiObject): void {
    const name = String(namespace.metadata.name);
    const finalizers = ((namespace.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) as string[];
    if (!namespace.metadata.deletionTimestamp || !finalizers.includes(finalizerName) || this.running.has(name)) return;
    const work = this.finalize(name)
      .catch((error: unknown) => console.error(`kubets: cleaning up namespace ${name}:`, error))
      .finally(() => this.running.delete(name));
    this.running.set(name, work);
  }

  private async finalize(name: string): Promise<void> {
    // Each round deletes what is there; objects with finalizers of their own may need more rounds.
    for (let round = 0; !this.stopped; round++) {
      let remaining = 0;
      for (const registry of this.namespaced) {
        const { items } = await registry.list(name, {});
        remaining += items.length;
        for (const item of items) {
          if (item.metadata.deletionTimestamp) continue;
          await registry.delete(name, String(item.metadata.name), { propagationPolicy: 'Background' }).catch((error: { code?: number }) => {
            if (error.code !== 404) throw error;
          });
        }
      }
      if (remaining === 0) break;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** round)));
    }
    if (this.stopped) return;
    await this.namespaces.update('', name, (current) => {
      if (!current) throw Object.assign(new Error('gone'), { code: 404 });
      const spec = (current.spec ?? {}) as { finalizers?: string[] };
      current.spec = { ...spec, finalizers: (spec.finalizers ?? []).filter((f) => f !== finalizerName) };
      return current;
    }, { subresource: 'finalize' }).catch((error: { code?: number }) => {
      if (error.code !== 404) throw error;
    });
  }
}
