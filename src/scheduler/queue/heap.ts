/**
 * A binary heap of keyed items (upstream internal/heap): O(log n) push, pop, update and
 * delete by key. `less(a, b)` orders the items: the least comes out first.
 */
export class Heap<T> {
  private readonly items: T[] = [];
  private readonly index = new Map<string, number>();
  private readonly keyOf: (item: T) => string;
  private readonly less: (a: T, b: T) => boolean;

  constructor(keyOf: (item: T) => string, less: (a: T, b: T) => boolean) {
    this.keyOf = keyOf;
    this.less = less;
  }

  get size(): number {
    return this.items.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  get(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.items[i];
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds the item, or replaces the one with the same key and restores the order. */
  addOrUpdate(item: T): void {
    const key = this.keyOf(item);
    const i = this.index.get(key);
    if (i !== undefined) {
      this.items[i] = item;
      this.fix(i);
      return;
    }
    this.items.push(item);
    this.index.set(key, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  pop(): T | undefined {
    if (this.items.length === 0) return undefined;
    return this.removeAt(0);
  }

  delete(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.removeAt(i);
  }

  values(): readonly T[] {
    return this.items;
  }

  private removeAt(i: number): T {
    const items = this.items;
    const item = items[i]!;
    const last = items.pop()!;
    this.index.delete(this.keyOf(item));
    if (i < items.length) {
      items[i] = last;
      this.index.set(this.keyOf(last), i);
      this.fix(i);
    }
    return item;
  }

  private fix(i: number): void {
    if (!this.up(i)) this.down(i);
  }

  private swap(i: number, j: number): void {
    const items = this.items;
    const a = items[i]!;
    const b = items[j]!;
    items[i] = b;
    items[j] = a;
    this.index.set(this.keyOf(b), i);
    this.index.set(this.keyOf(a), j);
  }

  private up(i: number): boolean {
    let moved = false;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i]!, this.items[parent]!)) break;
      this.swap(i, parent);
      i = parent;
      moved = true;
    }
    return moved;
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      let m = l;
      if (l + 1 < n && this.less(this.items[l + 1]!, this.items[l]!)) m = l + 1;
      if (!this.less(this.items[m]!, this.items[i]!)) return;
      this.swap(i, m);
      i = m;
    }
  }
}
