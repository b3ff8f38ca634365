// The editor's review diff, and the apply parser's refusals (no cluster needed).
import { describe, expect, it } from "vitest";
import { lineDiff } from "@/lib/client/line-diff";
import { parseManifests } from "@/lib/kube/apply";

describe("lineDiff", () => {
  it("keeps common lines and marks the changed ones", () => {
    expect(lineDiff("a\nb\nc\n", "a\nB\nc\nd\n")).toEqual([
      { type: "same", text: "a" },
      { type: "removed", text: "b" },
      { type: "added", text: "B" },
      { type: "same", text: "c" },
      { type: "added", text: "d" },
    ]);
    expect(lineDiff("", "x")).toEqual([{ type: "added", text: "x" }]);
  });
});

describe("parseManifests", () => {
  it("reads several documents, skipping empty ones", () => {
    const docs = parseManifests(
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n",
    );
    expect(docs.map((d) => d.manifest.kind)).toEqual(["ConfigMap", "Namespace"]);
    // Lines count from the start of the text, across documents; a missing place is its parent's.
    expect(docs[1]!.lineOf(["metadata", "name"])).toBe(9);
    expect(docs[1]!.lineOf(["spec", "nothing"])).toBe(7);
  });
  it("names the line of a syntax error", () => {
    expect(() => parseManifests("a: 1\nb: [\n")).toThrow(/line \d/);
    expect(() => parseManifests("kind: X\nmetadata: {name: a}\n")).toThrow(/apiVersion/);
    expect(() => parseManifests("")).toThrow(/no object/);
  });
});
