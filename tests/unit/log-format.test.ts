import { describe, expect, it } from "vitest";
import { parseAnsi } from "@/lib/client/ansi";
import { detectSeverity, prettyJson } from "@/lib/client/log-severity";

describe("severity detection", () => {
  it("reads JSON, logfmt, klog and leading words", () => {
    expect(detectSeverity('{"level":"error","msg":"boom"}')).toBe("error");
    expect(detectSeverity('{"severity":"WARNING","message":"x"}')).toBe("warn");
    expect(detectSeverity('time=2024-01-01 level=debug msg="x"')).toBe("debug");
    expect(detectSeverity("E0102 10:00:00.123456 1 controller.go:10] failed")).toBe("error");
    expect(detectSeverity("W0102 10:00:00.123456 1 x.go:1] careful")).toBe("warn");
    expect(detectSeverity("[INFO] started")).toBe("info");
    expect(detectSeverity("ERROR: disk full")).toBe("error");
    expect(detectSeverity("Fatal error")).toBe("error");
  });

  it("says nothing when there is nothing to say", () => {
    expect(detectSeverity("GET /index.html 200")).toBeNull();
    expect(detectSeverity("{not json")).toBeNull();
    expect(detectSeverity("information overload")).toBeNull();
  });

  it("pretty-prints JSON lines only", () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson("plain")).toBeNull();
  });
});

describe("ANSI colours", () => {
  it("splits a line into coloured segments and drops other escapes", () => {
    expect(parseAnsi("\u001b[31mred\u001b[0m plain \u001b[1;32mbold green\u001b[0m\u001b[2K")).toEqual([
      { text: "red", color: "#e5534b", bold: false },
      { text: " plain ", color: undefined, bold: false },
      { text: "bold green", color: "#57ab5a", bold: true },
    ]);
    expect(parseAnsi("no escapes")).toEqual([{ text: "no escapes" }]);
  });
});
