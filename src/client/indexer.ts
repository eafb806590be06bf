// The informer's local cache: objects by key (namespace/name) plus secondary indexes.
// Cached objects are shared and read-only (DESIGN.md, rule 5): copy before changing one.
import type { KubeObject } from './resource-client.ts';

/** The values an object is filed under in one index. */
export type IndexFunc<T> = (object: T) => readonly string[];

/** `namespace/name`, or `name` for cluster-scoped objects: client-go's MetaNamespaceKeyFunc. */
export function keyOf(object: KubeObject): string {
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name ?? '';
  return namespace ? `${namespace}/${name}` : name;
}

/** Splits a key made by keyOf. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

export const byNamespace: IndexFunc<KubeObject> = (object) => [object.metadata?.namespace ?? ''];

export class Indexer<T extends KubeObject> {
  private readonly items = new Map<string, T>();
  private readonly indexFuncs = new Map<string, IndexFunc<T>>();
  /** index name -> indexed value -> key -> object (objects held here too: byIndex does no lookups) */
  private readonly indices = new Map<string, Map<string, Map<string, T>>>();

  constructor(indexers: Readonly<Record<string, IndexFunc<T>>> = {}) {
    for (const [name, fn] of Object.entries({ namespace: byNamespace, ...indexers })) {
      this.indexFuncs.set(name, fn);
      this.indices.set(name, new Map());
    }
  }

  /** Adds an index (filing what is already cached); an index of that name already there is kept. */
  addIndex(name: string, fn: IndexFunc<T>): void {
    if (this.indexFuncs.has(name)) return;
    this.indexFuncs.set(name, fn);
    const index = new Map<string, Map<string, T>>();
    this.indices.set(name, index);
    for (const [key, object] of this.items) this.addTo(index, key, object, fn(object));
  }

  get size(): number {
    return this.items.size;
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  /** The cached object with this namespace (undefined or '' for cluster-scoped) and name. */
  getByName(namespace: string | undefined, name: string): T | undefined {
    return this.items.get(namespace ? `${namespace}/${name}` : name);
  }

  list(): T[] {
    return [...this.items.values()];
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  /** Objects filed under `value` in the named index (e.g. byIndex('namespace', 'default')). */
  byIndex(indexName: string, value: string): T[] {
    const index = this.indices.get(indexName);
    if (!index) throw new Error(`no index named ${indexName}`);
    const keys = index.get(value);
    return keys ? [...keys.values()] : [];
  }

  /** Adds or replaces an object; returns the one it replaced. */
  set(object: T): T | undefined {
    const key = keyOf(object);
    const old = this.items.get(key);
    this.items.set(key, object);
    if (old) this.reindex(key, old, object);
    else this.index(key, object);
    return old;
  }

  /** Removes an object by key; returns it. */
  delete(key: string): T | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.unindex(key, old);
    this.items.delete(key);
    return old;
  }

  private index(key: string, object: T): void {
    for (const [name, fn] of this.indexFuncs) this.addTo(this.indices.get(name)!, key, object, fn(object));
  }

  /** Files a replaced object anew; most updates keep their one value per index, and then only the entry changes. */
  private reindex(key: string, old: T, object: T): void {
    for (const [name, fn] of this.indexFuncs) {
      const index = this.indices.get(name)!;
      const before = fn(old);
      const after = fn(object);
      if (before.length === 1 && after.length === 1 && before[0] === after[0]) {
        index.get(before[0]!)!.set(key, object);
        continue;
      }
      this.removeFrom(index, key, before);
      this.addTo(index, key, object, after);
    }
  }

  private unindex(key: string, object: T): void {
    for (const [name, fn] of this.indexFuncs) this.removeFrom(this.indices.get(name)!, key, fn(object));
  }

  private addTo(index: Map<string, Map<string, T>>, key: string, object: T, values: readonly string[]): void {
    for (const value of values) {
      let keys = index.get(value);
      if (!keys) index.set(value, (keys = new Map()));
      keys.set(key, object);
    }
  }

  private removeFrom(index: Map<string, Map<string, T>>, key: string, values: readonly string[]): void {
    for (const value of values) {
      const keys = index.get(value);
      keys?.delete(key);
      if (keys?.size === 0) index.delete(value);
    }
  }
}
