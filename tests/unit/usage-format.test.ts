// The words beside every usage chart: memory in binary units as docker stats and kubectl write it,
// CPU in percent or in cores, requests and limits only where set.
import { describe, expect, it } from "vitest";
import {
  formatCores,
  formatMemory,
  formatPercent,
  formatRate,
  ofLimit,
  requestAndLimit,
} from "../../lib/client/usage-format";

describe("usage words", () => {
  it("writes memory, rates, percent and cores", () => {
    expect(formatMemory(512)).toBe("512 B");
    expect(formatMemory(40 * 2 ** 20)).toBe("40 MiB");
    expect(formatMemory(1.5 * 2 ** 30)).toBe("1.5 GiB");
    expect(formatMemory(null)).toBe("–");
    expect(formatRate(2048)).toBe("2.0 KiB/s");
    expect(formatPercent(12.4)).toBe("12 %");
    expect(formatPercent(0.25)).toBe("0.3 %");
    expect(formatCores(0.012345)).toBe("12m");
    expect(formatCores(1.5)).toBe("1.5 cores");
  });

  it("says the limit, the request and the limit only where there is one", () => {
    expect(`memory ${formatMemory(40 * 2 ** 20)}${ofLimit(512 * 2 ** 20, formatMemory)}`).toBe(
      "memory 40 MiB of 512 MiB",
    );
    expect(ofLimit(null, formatMemory)).toBe("");
    const none = { cpu: null, memory: null };
    expect(requestAndLimit({ cpu: 0.1, memory: null }, { cpu: 0.2, memory: null }, "cpu")).toBe(
      " (request 100m, limit 200m)",
    );
    expect(requestAndLimit(none, { cpu: null, memory: 2 ** 27 }, "memory")).toBe(" (limit 128 MiB)");
    expect(requestAndLimit(none, none, "cpu")).toBe("");
  });
});
