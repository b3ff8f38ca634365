// Live logs of Docker containers through socket.io: lines arrive, late joiners share the upstream,
// resume has no gap and no duplicate, a slow viewer gets skip markers, and access is checked.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dockerLogSource } from "@/lib/streams/docker-log-source";
import { LogHub } from "@/lib/streams/log-hub";
import type { LogFrame } from "@/lib/streams/viewer-cursor";
import { unpackLines } from "@/lib/streams/wire-frame";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { say, testEngine } from "../support/engine";
import { logSocket } from "../support/log-socket";

let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
const engine = testEngine(0);
const docker = engine.docker;
const run = (cmd: string[]) => engine.run(cmd);
const sockets: Socket[] = [];

function viewer(cookie: string) {
  const v = logSocket(inject("appUrl"), cookie);
  sockets.push(v.socket);
  return v;
}

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles("logs-engine1");
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

describe("container logs over socket.io", () => {
  it("sends the tail, then each new line, stdout and stderr apart", async () => {
    const container = await run(["sh", "-c", "for i in 1 2 3 4 5; do echo old $i; done; exec sleep 300"]);
    const v = viewer(ctx.viewer.cookie);
    const ack = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
      tail: 3,
    });
    expect(ack).toMatchObject({ ok: true });
    await expect.poll(v.texts, { timeout: 10_000 }).toEqual(["old 3", "old 4", "old 5"]);
    const written = Date.now();
    await say(container, "fresh line");
    await say(container, "to stderr", 2);
    await expect.poll(v.texts, { timeout: 10_000 }).toContain("to stderr");
    console.log(`[figure] container line → viewer socket in ${Date.now() - written} ms (two execs included)`);
    expect(v.lines().find((l) => l.text === "to stderr")?.stream).toBe("stderr");
    expect(v.lines().find((l) => l.text === "fresh line")?.stream).toBe("stdout");
  });

  it("resumes after the last line it has: nothing missed, nothing repeated", async () => {
    const container = await run(["sh", "-c", "echo one; echo two; exec sleep 300"]);
    const first = viewer(ctx.viewer.cookie);
    await first.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
      tail: 100,
    });
    await expect.poll(first.texts, { timeout: 10_000 }).toEqual(["one", "two"]);
    const last = first.lines().at(-1)!.ts;
    first.socket.close(); // the connection drops
    await say(container, "while away");
    const again = viewer(ctx.viewer.cookie);
    await again.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
      since: last,
    });
    await say(container, "after return");
    await expect.poll(again.texts, { timeout: 10_000 }).toEqual(["while away", "after return"]);
  });

  it("follows a container through a restart without repeating lines", async () => {
    const container = await run(["sh", "-c", "echo started; exec sleep 300"]);
    const v = viewer(ctx.viewer.cookie);
    await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
      tail: 100,
    });
    await expect.poll(v.texts, { timeout: 10_000 }).toEqual(["started"]);
    await container.restart({ t: 0 });
    await expect.poll(v.texts, { timeout: 20_000 }).toEqual(["started", "started"]);
    await say(container, "after restart");
    await expect.poll(v.texts, { timeout: 10_000 }).toEqual(["started", "started", "after restart"]);
    expect(v.frames.some((f) => f.status === "reconnecting")).toBe(true);
  });

  it("resumes a labelled group after a dropped socket while a member restarted: no gap, no duplicate", async () => {
    const Labels = { "fleetdeck.test/resume": String(Date.now()) };
    const selector = `fleetdeck.test/resume=${Labels["fleetdeck.test/resume"]}`;
    const a = await engine.run(["sh", "-c", "echo started a; exec sleep 300"], { Labels });
    const b = await engine.run(["sh", "-c", "echo started b; exec sleep 300"], { Labels });
    const first = viewer(ctx.viewer.cookie);
    const target = { kind: "labels", selector };
    await first.socket.timeout(10_000).emitWithAck("logs:subscribe", { endpointId: ctx.endpointId, target, tail: 10 });
    await expect.poll(() => first.texts().sort(), { timeout: 10_000 }).toEqual(["started a", "started b"]);
    // What the page remembers: the last timestamp per member.
    const resume: Record<string, string> = {};
    for (const f of first.frames) if (f.lines.length) resume[f.member] = f.lines.at(-1)!.ts;
    expect(Object.keys(resume)).toHaveLength(2);
    first.socket.close();

    await say(a, "away a");
    await a.restart({ t: 0 });
    await say(a, "after restart a");
    await say(b, "away b");
    const again = viewer(ctx.viewer.cookie);
    await again.socket
      .timeout(10_000)
      .emitWithAck("logs:subscribe", { endpointId: ctx.endpointId, target, tail: 10, resume });
    const byMember = () => {
      const out: Record<string, string[]> = {};
      for (const f of again.frames) (out[f.member] ??= []).push(...f.lines.map((l) => l.text));
      return Object.values(out).sort((x, y) => x[0]!.localeCompare(y[0]!));
    };
    await expect.poll(byMember, { timeout: 20_000 }).toEqual([["away a", "started a", "after restart a"], ["away b"]]);
  });

  it("refuses a container on an endpoint the user is not granted, like one that does not exist", async () => {
    const other = await dockerEndpointWithRoles("logs-other");
    const container = await run(["sleep", "300"]);
    const v = viewer(ctx.viewer.cookie);
    const hidden = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: other.endpointId,
      target: { kind: "container", containerId: container.id },
    });
    const missing = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:subscribe", { endpointId: "nope", target: { kind: "container", containerId: container.id } });
    expect(hidden).toEqual({ ok: false, error: "endpoint not found" });
    expect(missing).toEqual(hidden);
    expect(v.frames).toEqual([]);
  });
});

describe("log hub", () => {
  const texts = (f: LogFrame) => (f.lines ? unpackLines(f.lines.packed) : []).map((l) => l.text);
  it("shares one upstream among viewers and closes it with the last one", async () => {
    const container = await run(["sh", "-c", "echo shared; exec sleep 300"]);
    const hub = new LogHub();
    const source = dockerLogSource({ endpointId: "e", docker, containerId: container.id, label: "c" });
    const seen: string[][] = [[], []];
    const a = hub.subscribe({ source, tail: 10 }, async (f) => void seen[0]!.push(...texts(f)));
    await expect.poll(() => seen[0]).toEqual(["shared"]);
    const b = hub.subscribe({ source, tail: 10 }, async (f) => void seen[1]!.push(...texts(f)));
    expect(hub.openUpstreams).toBe(1);
    await expect.poll(() => seen[1]).toEqual(["shared"]);
    a.unsubscribe();
    expect(hub.openUpstreams).toBe(1);
    b.unsubscribe();
    expect(hub.openUpstreams).toBe(0);
  });

  it("drops the oldest lines for a slow viewer and says how many, with bounded memory", async () => {
    const container = await run(["sh", "-c", "seq 1 100000; exec sleep 300"]);
    const hub = new LogHub();
    const source = dockerLogSource({ endpointId: "e", docker, containerId: container.id, label: "c" });
    let received = 0;
    let skipped = 0;
    let last = "";
    const slow = hub.subscribe({ source, tail: 100000 }, async (f) => {
      received += f.lines?.count ?? 0;
      skipped += f.skipped ?? 0;
      if (f.lines) last = texts(f).at(-1)!;
      // A viewer on a bad connection: far slower than the container (which writes 100k lines at once).
      await new Promise((r) => setTimeout(r, 1500));
    });
    await expect.poll(() => last, { timeout: 30_000 }).toBe("100000");
    expect(skipped).toBeGreaterThan(0);
    expect(received + skipped).toBe(100000);
    slow.unsubscribe();
  });
});
