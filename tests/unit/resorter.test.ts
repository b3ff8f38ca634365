import { describe, expect, it } from "vitest";
import { Resorter } from "../../lib/client/resorter";

interface Item {
  id: string;
  value: number;
}

const byValue = (a: Item, b: Item) => a.value - b.value || a.id.localeCompare(b.id);

describe("Resorter", () => {
  it("sorts like Array.prototype.sort through changes, additions, removals and a new order", () => {
    const resorter = new Resorter<Item>((i) => i.id);
    let items = Array.from({ length: 500 }, (_, i) => ({ id: `i${i}`, value: (i * 7919) % 1000 }));
    const check = (compare: (a: Item, b: Item) => number) =>
      expect(resorter.sort(items, compare)).toEqual([...items].sort(compare));
    check(byValue);
    items = items.map((i, n) => (n % 50 === 0 ? { ...i, value: -n } : i));
    check(byValue);
    items = [...items.slice(100), { id: "new", value: 500 }];
    check(byValue);
    check((a, b) => -byValue(a, b));
  });

  it("compares about once per item when little changed", () => {
    const resorter = new Resorter<Item>((i) => i.id);
    const items = Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, value: (i * 7919) % 10_000 }));
    resorter.sort(items, byValue);
    let comparisons = 0;
    const counted = (a: Item, b: Item) => (comparisons++, byValue(a, b));
    resorter.sort(
      items.map((i, n) => (n === 42 ? { ...i, value: 5_000.5 } : i)),
      counted,
    );
    expect(comparisons).toBeLessThan(11_000);
  });
});
