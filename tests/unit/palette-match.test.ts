import { describe, expect, it } from "vitest";
import { recentFirst } from "@/lib/client/palette-recents";
import { byRank, type Candidate } from "@/lib/search/candidate";
import { matchScore, toQuery } from "@/lib/search/match";
import type { PaletteItem } from "@/lib/search/palette-item";

const score = (q: string, name: string, context = "") => matchScore(toQuery(q), name, context);

describe("matchScore", () => {
  it("ranks exact, then start, then word start, then anywhere", () => {
    expect(score("web", "web")).toBe(100);
    expect(score("web", "web-7f9c")).toBe(80);
    expect(score("web", "shop-web-1")).toBe(60);
    expect(score("web", "cobweb")).toBe(40);
    expect(score("WEB", "Shop_Web")).toBe(60);
  });

  it("finds a word start after an earlier plain occurrence", () => {
    expect(score("ab", "xab-ab")).toBe(60);
  });

  it("needs every word of a longer query, at least one in the name", () => {
    expect(score("web prod", "web-1", "pod prod-cluster")).toBe(20);
    expect(score("pod prod", "web-1", "pod prod-cluster")).toBe(10);
    expect(score("web staging", "web-1", "pod prod-cluster")).toBeNull();
    expect(score("xyz", "web-1", "xyz")).toBeNull();
  });
});

describe("ranking", () => {
  it("orders by score, then shorter names, then by name", () => {
    const c = (name: string, s: number): Candidate => ({ score: s, name, make: () => ({}) as PaletteItem });
    const sorted = [c("web-b", 80), c("web", 100), c("web-aa", 80), c("web-a", 80)].sort(byRank);
    expect(sorted.map((x) => x.name)).toEqual(["web", "web-a", "web-b", "web-aa"]);
  });

  it("puts recently opened matches first, most recent first", () => {
    const item = (key: string) => ({ key }) as PaletteItem;
    const ordered = recentFirst([item("a"), item("b"), item("c"), item("d")], [item("c"), item("x"), item("a")]);
    expect(ordered.map((i) => i.key)).toEqual(["c", "a", "b", "d"]);
  });
});
