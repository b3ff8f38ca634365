import { describe, expect, it } from "vitest";
import { Resorter } from "../../lib/client/resorter";

interface Item {
  id: string;
  value: number;
}

const byValue = (a: Item, b: Item) => a.value - b.value || a.id.localeCompare(b.id);
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${i}`, value: (i * 7919) % n }));

describe("Resorter", () => {
  it("sorts like Array.prototype.sort through changes, additions, removals and a new order", () => {
    const resorter = new Resorter<Item>((i) => i.id);
    let list = items(500);
    const check = (compare: (a: Item, b: Item) => number, order = "value") =>
      expect(resorter.sort(list, compare, order)).toEqual([...list].sort(compare));
    check(byValue);
    // Changed in place: some keep their position, some move.
    list = list.map((i, n) => (n % 50 === 0 ? { ...i, value: n % 100 === 0 ? i.value : -n } : i));
    check(byValue);
    list = list.map((i, n) => (n === 7 ? { ...i, value: i.value } : i));
    check(byValue);
    list = [...list.slice(100), { id: "new", value: 250 }];
    check(byValue);
    check((a, b) => -byValue(a, b), "value descending");
  });

  it("compares about once per item when little changed, and only the neighbours when nothing moved", () => {
    const resorter = new Resorter<Item>((i) => i.id);
    const list = items(10_000);
    resorter.sort(list, byValue, "value");
    let comparisons = 0;
    const counted = (a: Item, b: Item) => (comparisons++, byValue(a, b));
    const moved = list.map((i, n) => (n === 42 ? { ...i, value: 5_000.5 } : i));
    resorter.sort(moved, counted, "value");
    expect(comparisons).toBeLessThan(11_000);
    comparisons = 0;
    const sorted = resorter.sort(
      moved.map((i, n) => (n === 43 ? { ...i } : i)),
      counted,
      "value",
    );
    expect(comparisons).toBe(2);
    expect(sorted).toEqual([...moved].sort(byValue));
  });
});
