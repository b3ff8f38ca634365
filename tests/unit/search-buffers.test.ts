// Server-side grep over the held lines: context, order, and the limits that keep a search from
// stalling the server or sending an unbounded reply.
import { describe, expect, it } from "vitest";
import { lineMatcher, MAX_REPLY_LINE_CHARS, searchBuffers } from "@/lib/streams/search-buffers";

const line = (ts: string, text: string) => ({ ts, text, stream: "stdout" as const });
const buffers = [
  { subscriptionId: "s", member: "m1", label: "one", lines: [line("1", "a"), line("3", "boom"), line("4", "b")] },
  { subscriptionId: "s", member: "m2", label: "two", lines: [line("2", "BOOM first"), line("5", "c")] },
];

describe("search across buffers", () => {
  it("finds matches with context, oldest first across members", async () => {
    const result = await searchBuffers({ buffers, matches: lineMatcher("boom", false), context: 1 });
    expect(result.matches.map((m) => [m.label, m.before.length, m.line.text, m.after.length])).toEqual([
      ["two", 0, "BOOM first", 1],
      ["one", 1, "boom", 1],
    ]);
    expect(result.searchedLines).toBe(5);
    expect(result.incomplete).toBeUndefined();
  });

  it("caps the number of matches and says so", async () => {
    const result = await searchBuffers({
      buffers,
      matches: lineMatcher("^[a-c]$", true),
      context: 0,
      limits: { matches: 2 },
    });
    expect(result.matches).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });

  it("cuts long lines in matches and context, and stops at the reply's byte budget", async () => {
    const long = "x".repeat(50_000);
    const lines = Array.from({ length: 200 }, (_, i) => line(String(i).padStart(4, "0"), `${long} hit ${i}`));
    const result = await searchBuffers({
      buffers: [{ subscriptionId: "s", member: "m", label: "m", lines }],
      matches: lineMatcher("hit", false),
      context: 2,
      limits: { replyBytes: 200_000 },
    });
    const texts = result.matches.flatMap((m) => [...m.before, m.line, ...m.after].map((l) => l.text));
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThan(MAX_REPLY_LINE_CHARS + 40);
    expect(texts[0]).toMatch(/… \[\d+ more characters\]$/);
    expect(result.truncated).toBe(true);
    expect(result.matches.length).toBeLessThan(200);
    expect(JSON.stringify(result).length).toBeLessThan(300_000);
  });

  it("looks at the newest lines first and says when it stopped before the oldest", async () => {
    const lines = Array.from({ length: 100 }, (_, i) => line(String(i).padStart(3, "0"), `line ${i}`));
    const result = await searchBuffers({
      buffers: [{ subscriptionId: "s", member: "m", label: "m", lines }],
      matches: lineMatcher("line", false),
      context: 0,
      limits: { lines: 10 },
    });
    expect(result.matches.map((m) => m.line.text)).toEqual(lines.slice(90).map((l) => l.text));
    expect(result.incomplete).toMatch(/newest 10 lines/);
  });

  it("runs a catastrophic pattern in linear time (RE2), and refuses a bad one in words", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(String(i), `${"a".repeat(5_000)}!`));
    const result = await searchBuffers({
      buffers: [{ subscriptionId: "s", member: "m", label: "m", lines }],
      matches: lineMatcher("(a+)+$", true),
      context: 0,
    });
    expect(result).toMatchObject({ matches: [], searchedLines: 200 });
    expect(() => lineMatcher("(", true)).toThrow(/not a valid regular expression: .*missing closing \)/);
    expect(() => lineMatcher("(?<=a)b", true)).toThrow(/not a valid regular expression/);
  });
});
