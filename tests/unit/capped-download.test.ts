// A log download stops at its byte cap with a last line that says so, and stops its upstream
// when the cap is reached or the client goes away.
import { describe, expect, it } from "vitest";
import { cappedDownload } from "@/lib/streams/capped-download";

async function* lines(count: number, width: number) {
  for (let i = 0; i < count; i++) yield `${String(i).padStart(width, "x")}\n`;
}

describe("capped log download", () => {
  it("passes everything under the cap through", async () => {
    let stopped = 0;
    const body = cappedDownload({ chunks: lines(3, 4), stop: () => stopped++, maxBytes: 1000 });
    expect(await new Response(body).text()).toBe("xxx0\nxxx1\nxxx2\n");
    expect(stopped).toBe(1);
  });

  it("ends at the last whole line under the cap, says where it stopped, and stops the upstream", async () => {
    let stopped = 0;
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        yield "0123456789".repeat(100) + "\n";
      }
    }
    const body = cappedDownload({ chunks: endless(), stop: () => stopped++, maxBytes: 2 * 1024 * 1024 });
    const text = await new Response(body).text();
    const all = text.split("\n");
    expect(all.at(-2)).toBe("[download stopped at 2 MB]");
    expect(all.slice(0, -2).every((l) => l.length === 1000)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(2 * 1024 * 1024 + 40);
    expect(stopped).toBe(1);
    expect(produced).toBeLessThan(2200);
  });

  it("stops the upstream when the client cancels", async () => {
    let stopped = 0;
    const body = cappedDownload({ chunks: lines(1_000_000, 10), stop: () => stopped++ });
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    expect(stopped).toBe(1);
  });

  it("ends with the failure in words when the upstream breaks mid-way", async () => {
    async function* broken() {
      yield "first\n";
      throw new Error("connection reset");
    }
    const text = await new Response(cappedDownload({ chunks: broken(), stop: () => {} })).text();
    expect(text).toBe("first\n\n[download failed: connection reset]\n");
  });
});
