// Sorting a list that changes a little at a time (a pod's status, a few new rows): the items are
// first put back in the order they were last shown, so the sort finds them nearly sorted (V8's
// TimSort then compares about once per item) instead of comparing n·log n times. Re-sorting 10,000
// pods after one changed costs a few milliseconds instead of tens, in every open list.
export class Resorter<T> {
  private rank = new Map<string, number>();

  constructor(private readonly key: (item: T) => string) {}

  sort(items: readonly T[], compare: (a: T, b: T) => number): T[] {
    const slots: (T | undefined)[] = new Array<T | undefined>(this.rank.size);
    const fresh: T[] = [];
    for (const item of items) {
      const at = this.rank.get(this.key(item));
      if (at === undefined || slots[at] !== undefined) fresh.push(item);
      else slots[at] = item;
    }
    const ordered: T[] = [];
    for (const item of slots) if (item !== undefined) ordered.push(item);
    for (const item of fresh) ordered.push(item);
    ordered.sort(compare);
    this.rank = new Map(ordered.map((item, i) => [this.key(item), i]));
    return ordered;
  }
}
