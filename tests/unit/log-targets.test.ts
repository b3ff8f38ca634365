import { describe, expect, it } from "vitest";
import { decodeSource, encodeSource } from "@/lib/client/log-sources-param";
import type { LogSourceRef } from "@/lib/client/use-log-stream";
import { selectorString } from "@/lib/kube/workload-selector";

describe("log sources in the URL", () => {
  const sources: LogSourceRef[] = [
    { endpointId: "e1", target: { kind: "container", containerId: "abc" } },
    { endpointId: "e1", target: { kind: "labels", selector: "com.docker.compose.project=web,tier~x" } },
    { endpointId: "e2", target: { kind: "pod", namespace: "ns", pod: "p", container: "c" } },
    { endpointId: "e2", target: { kind: "pod", namespace: "ns", pod: "p", container: "c", previous: true } },
    { endpointId: "e2", target: { kind: "workload", namespace: "ns", workload: "StatefulSet", name: "db" } },
    { endpointId: "e2", target: { kind: "selector", selector: "tier in (api, worker),!canary", namespace: "ns" } },
  ];
  it("round-trips every kind of target, whatever characters selectors hold", () => {
    for (const s of sources) expect(decodeSource(encodeSource(s))).toEqual(JSON.parse(JSON.stringify(s)));
  });
  it("ignores what it cannot read", () => {
    expect(decodeSource("e1~w~ns~Pod~x")).toBeNull();
    expect(decodeSource("e1~%E0%A4%A")).toBeNull();
    expect(decodeSource("e1")).toBeNull();
  });
});

describe("workload selectors", () => {
  it("writes labels and expressions as the API server reads them", () => {
    expect(
      selectorString({
        matchLabels: { app: "web" },
        matchExpressions: [
          { key: "tier", operator: "In", values: ["api", "worker"] },
          { key: "canary", operator: "DoesNotExist" },
          { key: "zone", operator: "Exists" },
        ],
      }),
    ).toBe("app=web,tier in (api,worker),!canary,zone");
  });
});

describe("Docker log demultiplexing", () => {
  const frame = (stream: 1 | 2, text: string | Buffer) => {
    const payload = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = stream;
    header.writeUInt32BE(payload.length, 4);
    return Buffer.concat([header, payload]);
  };
  it("splits frames cut anywhere into lines per stream, a character cut in two included", async () => {
    const { dockerDemuxer } = await import("@/lib/streams/docker-demux");
    const euro = Buffer.from("€");
    const body = Buffer.concat([
      frame(1, "2024-01-01T00:00:00.1Z one\n2024-01-01T00:00:00.2Z tw"),
      frame(2, "2024-01-01T00:00:00.3Z oops\n"),
      frame(1, Buffer.concat([Buffer.from("o "), euro.subarray(0, 1)])),
      frame(1, Buffer.concat([euro.subarray(1), Buffer.from("\n")])),
    ]);
    const lines: { stream: string; text: string; ts: string }[] = [];
    const feed = dockerDemuxer((batch) => lines.push(...batch));
    for (let i = 0; i < body.length; i += 5) feed(body.subarray(i, i + 5));
    expect(lines).toEqual([
      { ts: "2024-01-01T00:00:00.1Z", stream: "stdout", text: "one" },
      { ts: "2024-01-01T00:00:00.3Z", stream: "stderr", text: "oops" },
      { ts: "2024-01-01T00:00:00.2Z", stream: "stdout", text: "two €" },
    ]);
  });
});

describe("log ring", () => {
  it("numbers lines, keeps the newest within its line and byte bounds, and finds a resume point", async () => {
    const { LogRing } = await import("@/lib/streams/log-ring");
    const { compareTs } = await import("@/lib/streams/log-line");
    const ring = new LogRing(3, 10_000);
    const line = (n: number) => ({ ts: `2024-01-01T00:00:0${n}Z`, stream: "stdout" as const, text: `l${n}` });
    for (let n = 0; n < 5; n++) ring.push(line(n));
    expect([ring.first, ring.end]).toEqual([2, 5]);
    expect(ring.toArray().map((l) => l.text)).toEqual(["l2", "l3", "l4"]);
    expect(ring.at(1)).toBeUndefined();
    expect(ring.firstAfter("2024-01-01T00:00:03Z", compareTs)).toBe(4);
    const small = new LogRing(100, 150); // 22 bytes and 24 of bookkeeping a line: three fit
    for (let n = 0; n < 5; n++) small.push(line(n));
    expect(small.toArray().map((l) => l.text)).toEqual(["l2", "l3", "l4"]);
    expect(small.first).toBe(2);
  });

  it("keeps lines of every size intact through its byte arena growing and wrapping, and packs them", async () => {
    const { LogRing } = await import("@/lib/streams/log-ring");
    const { unpackLines } = await import("@/lib/streams/wire-frame");
    const ring = new LogRing(500, 256 * 1024);
    const sizes = [0, 1, 12, 300, 5_000, 70_000];
    const words = ["a", "é", "€", "🚀", "\uFEFF"];
    const lines = Array.from({ length: 3_000 }, (_, n) => ({
      ts: `2024-01-01T00:00:00.${String(n).padStart(9, "0")}Z`,
      stream: n % 3 ? ("stdout" as const) : ("stderr" as const),
      text: `${n} ${words[n % words.length]!.repeat(sizes[(n * 7) % sizes.length]! / 10)}`,
    }));
    for (const [n, line] of lines.entries()) {
      ring.push(line);
      if (n % 97) continue;
      // Whatever the ring holds is exactly the newest lines pushed, read one by one or packed.
      const held = lines.slice(ring.first, ring.end);
      expect(ring.toArray()).toEqual(held);
      const count = Math.min(held.length, 40);
      expect(unpackLines(ring.pack(ring.end - count, count).packed)).toEqual(held.slice(-count));
    }
    expect(ring.end - ring.first).toBeLessThan(500);
  });
});
