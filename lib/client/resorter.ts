// Sorting a list that changes a little at a time (a pod's status, a few new rows), in every open
// list on every batch of changes. Two shortcuts before a full sort:
// - the input is the last input with some items replaced (same keys, same places: what a live
//   list's rows are after modifications) and each replaced item still sits between its
//   neighbours: the last result with those items swapped in, no sort at all;
// - otherwise the items are first put back in the order they were last shown, so the sort finds
//   them nearly sorted (V8's TimSort then compares about once per item, not n·log n times).
export class Resorter<T> {
  private rank = new Map<string, number>();
  private last: { items: readonly T[]; sorted: T[]; at: Int32Array; order: string } | null = null;

  constructor(private readonly key: (item: T) => string) {}

  /** `order` names the comparison (column and direction): a shortcut needs the same one. */
  sort(items: readonly T[], compare: (a: T, b: T) => number, order: string): T[] {
    const patched = this.patch(items, compare, order);
    if (patched) return patched;
    const slots: (T | undefined)[] = new Array<T | undefined>(this.rank.size);
    const fresh: T[] = [];
    for (const item of items) {
      const at = this.rank.get(this.key(item));
      if (at === undefined || slots[at] !== undefined) fresh.push(item);
      else slots[at] = item;
    }
    const sorted: T[] = [];
    for (const item of slots) if (item !== undefined) sorted.push(item);
    for (const item of fresh) sorted.push(item);
    sorted.sort(compare);
    this.rank = new Map(sorted.map((item, i) => [this.key(item), i]));
    const at = new Int32Array(items.length);
    items.forEach((item, i) => (at[i] = this.rank.get(this.key(item))!));
    this.last = { items, sorted, at, order };
    return sorted;
  }

  private patch(items: readonly T[], compare: (a: T, b: T) => number, order: string): T[] | null {
    const last = this.last;
    if (!last || last.order !== order || last.items.length !== items.length) return null;
    const sorted = last.sorted.slice();
    const moved: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const before = last.items[i]!;
      if (item === before) continue;
      if (this.key(item) !== this.key(before)) return null;
      sorted[last.at[i]!] = item;
      moved.push(last.at[i]!);
    }
    for (const p of moved) {
      if (p > 0 && compare(sorted[p - 1]!, sorted[p]!) > 0) return null;
      if (p < sorted.length - 1 && compare(sorted[p]!, sorted[p + 1]!) > 0) return null;
    }
    this.last = { items, sorted, at: last.at, order };
    return sorted;
  }
}
