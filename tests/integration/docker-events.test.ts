// Live updates: a container stopped on the engine reaches a watching socket client as a fresh
// row, from one shared upstream event stream per endpoint.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ContainerRow } from "@/lib/docker/container-view";
import { DockerEventHub } from "@/lib/streams/docker-events";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";

let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
const engine = testEngine(0);
const docker = engine.docker;

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles("events-engine1");
});

afterAll(() => engine.cleanup());

describe("Docker events", () => {
  it("pushes a stopped container's new row to a VIEWER's socket", async () => {
    const container = await engine.run(["sleep", "300"]);
    const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie: ctx.viewer.cookie } });
    try {
      const ack = await socket.timeout(10_000).emitWithAck("docker:watch", { endpointId: ctx.endpointId });
      expect(ack).toMatchObject({ ok: true });
      const rows: { id: string; row: ContainerRow | null }[] = [];
      socket.on("docker:container", (e: { id: string; row: ContainerRow | null }) => rows.push(e));
      await expect.poll(() => (socket.connected ? true : false)).toBe(true);
      const stopped = Date.now();
      await container.stop({ t: 0 });
      await expect
        .poll(() => rows.find((r) => r.id === container.id && r.row?.state === "exited"), { timeout: 10_000 })
        .toBeTruthy();
      console.log(`[figure] docker stop → row pushed to the socket in ${Date.now() - stopped} ms`);
      await container.remove();
      await expect
        .poll(() => rows.find((r) => r.id === container.id && r.row === null), { timeout: 10_000 })
        .toBeTruthy();
    } finally {
      socket.close();
    }
  });

  it("refuses to watch an endpoint the user is not granted, like one that does not exist", async () => {
    const outsider = await dockerEndpointWithRoles("events-other");
    const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie: ctx.viewer.cookie } });
    try {
      const hidden = await socket.timeout(10_000).emitWithAck("docker:watch", { endpointId: outsider.endpointId });
      const missing = await socket.timeout(10_000).emitWithAck("docker:watch", { endpointId: "no-such-endpoint" });
      expect(hidden).toEqual({ ok: false, error: "endpoint not found" });
      expect(missing).toEqual(hidden);
    } finally {
      socket.close();
    }
  });

  it("shares one upstream per endpoint and closes it when released", async () => {
    const events: string[] = [];
    const hub = new DockerEventHub({ container: (e) => events.push(e.id), other: () => {}, stream: () => {} });
    hub.ensure("e", () => docker);
    hub.ensure("e", () => docker);
    expect(hub.openCount).toBe(1);
    await expect.poll(() => hub.isConnected("e")).toBe(true);
    const container = await docker.createContainer({
      Image: ctx.env.testImage,
      Cmd: ["true"],
      HostConfig: { NetworkMode: "none" },
    });
    engine.track(container.id);
    await expect.poll(() => events.includes(container.id)).toBe(true);
    hub.release("e");
    expect(hub.openCount).toBe(0);
    const before = events.length;
    await container.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(events.length).toBe(before);
  });

  it("re-opens a lost event stream from where it stopped: no event of the gap is missed", async () => {
    const rows: string[] = [];
    const states: boolean[] = [];
    const hub = new DockerEventHub({
      container: (e) => rows.push(e.id),
      other: () => {},
      stream: (e) => states.push(e.connected),
    });
    hub.ensure("gap", () => docker);
    await expect.poll(() => hub.isConnected("gap")).toBe(true);
    // Cut the connection under the stream, as an engine restart or a network drop would.
    const upstream = (
      hub as unknown as { upstreams: Map<string, { stream: { socket?: { destroy(): void } } }> }
    ).upstreams.get("gap")!;
    upstream.stream.socket!.destroy();
    await expect.poll(() => states.includes(false)).toBe(true);
    // Made while the stream is down: must still arrive, through `since`.
    const container = await docker.createContainer({
      Image: ctx.env.testImage,
      Cmd: ["true"],
      HostConfig: { NetworkMode: "none" },
    });
    engine.track(container.id);
    await expect.poll(() => states.at(-1), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => rows.filter((id) => id === container.id).length, { timeout: 10_000 }).toBe(1);
    hub.release("gap");
  });
});
