// Log frames on the socket: lines packed into one binary attachment come back exactly as they went.
import { describe, expect, it } from "vitest";
import type { LogLine } from "@/lib/streams/log-line";
import { linesOf, packLines, toWire, unpackLines } from "@/lib/streams/wire-frame";

const line = (text: string, stream: LogLine["stream"] = "stdout", ts = "2024-01-01T00:00:00.123456789Z"): LogLine => ({
  ts,
  stream,
  text,
});

describe("wire frames", () => {
  it("round-trips texts of every kind, streams and timestamps, in order", () => {
    const lines = [
      line("\uFEFFstarts with a byte-order mark"),
      line("", "stderr"),
      line("naïve café — 12 €", "stdout", "2024-01-01T00:00:01Z"),
      line("emoji 🚀 and CJK 日本語", "stderr"),
      line("x".repeat(70_000)),
      line("tab\tand \r carriage return"),
    ];
    expect(unpackLines(packLines(lines))).toEqual(lines);
  });

  it("reads the frame from an ArrayBuffer (the browser) and from a Buffer inside a larger one (Node)", () => {
    const packed = packLines([line("one"), line("two", "stderr")]);
    const copy = new Uint8Array(packed).buffer;
    expect(unpackLines(copy).map((l) => l.text)).toEqual(["one", "two"]);
    const padded = Buffer.concat([Buffer.from("xyz"), packed]).subarray(3);
    expect(unpackLines(padded).map((l) => l.stream)).toEqual(["stdout", "stderr"]);
  });

  it("keeps the cuts right when a text holds a lone surrogate (sent as U+FFFD)", () => {
    const lines = [line("bad \uD800 half"), line("next")];
    expect(unpackLines(packLines(lines)).map((l) => l.text)).toEqual(["bad \uFFFD half", "next"]);
  });

  it("sends status frames without an attachment and refuses a cut-off frame", () => {
    const wire = toWire({ status: "ended", error: "gone", skipped: 3 }, "s1", "m1");
    expect(wire).toEqual({ subscriptionId: "s1", member: "m1", status: "ended", error: "gone", skipped: 3 });
    expect(linesOf(wire)).toEqual([]);
    const packed = packLines([line("one"), line("two")]);
    expect(() => unpackLines(packed.subarray(0, packed.length - 2))).toThrow(/truncated/);
  });
});
