// Every client → server socket event goes through one wrapper: whatever a client sends, it gets
// exactly one clear { ok: false, error } (or nothing, when it asked for no answer), the server
// stays up and the socket keeps working. endpoints:watch re-syncs only the endpoint rooms.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ContainerRow } from "@/lib/docker/container-view";
import { CLIENT_EVENT_SCHEMAS } from "@/lib/realtime/event-schemas";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";

const engine = testEngine(0);
const sockets: Socket[] = [];
let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;

function connect(cookie: string): Socket {
  const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie } });
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles(`handlers-${Date.now()}`);
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

describe("socket event wrapper", () => {
  it("answers every event's malformed payloads with one clear refusal and keeps the socket working", async () => {
    const socket = connect(ctx.viewer.cookie);
    const garbage: unknown[] = [null, 42, "x".repeat(10_000), { bogus: true }, [1, 2, 3], { endpointId: 7 }];
    const events = Object.keys(CLIENT_EVENT_SCHEMAS);
    expect(events).toEqual(
      expect.arrayContaining(["logs:subscribe", "logs:search", "docker:watch", "endpoints:watch"]),
    );
    for (const event of events) {
      for (const payload of garbage) {
        const answers: unknown[] = [];
        // A raw emit, to count the acknowledgements: exactly one.
        (socket as unknown as { emit(e: string, p: unknown, ack: (r: unknown) => void): void }).emit(
          event,
          payload,
          (reply) => answers.push(reply),
        );
        await expect.poll(() => answers.length, { timeout: 5_000 }).toBe(1);
        expect(answers[0]).toEqual({ ok: false, error: expect.stringContaining(`${event}:`) });
        expect(JSON.stringify(answers[0])).not.toMatch(/\bat .*\.(ts|js):\d+/);
      }
      // Without an acknowledgement callback: tolerated, nothing breaks.
      (socket as unknown as { emit(e: string, p: unknown): void }).emit(event, { bogus: true });
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.connected).toBe(true);
    expect((await fetch(`${inject("appUrl")}/api/health`)).ok).toBe(true);
    const watch = await socket.timeout(10_000).emitWithAck("endpoints:watch");
    expect(watch).toMatchObject({ ok: true, data: { endpointIds: expect.arrayContaining([ctx.endpointId]) } });
  });

  it("refuses a search over too many subscriptions, naming the limit", async () => {
    const socket = connect(ctx.viewer.cookie);
    const ids = Array.from({ length: 51 }, (_, i) => `s${i}`);
    const reply = await socket.timeout(10_000).emitWithAck("logs:search", { subscriptionIds: ids, pattern: "x" });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/at most 50 subscriptions per search/) });
  });

  it("endpoints:watch re-syncs the endpoint rooms but keeps the Docker event watches", async () => {
    const socket = connect(ctx.viewer.cookie);
    const rows: { id: string; row: ContainerRow | null }[] = [];
    socket.on("docker:container", (e: { id: string; row: ContainerRow | null }) => rows.push(e));
    expect(await socket.timeout(10_000).emitWithAck("docker:watch", { endpointId: ctx.endpointId })).toMatchObject({
      ok: true,
    });
    expect(await socket.timeout(10_000).emitWithAck("endpoints:watch")).toMatchObject({ ok: true });
    const container = await engine.run(["sleep", "300"]);
    await container.stop({ t: 0 });
    await expect
      .poll(() => rows.find((r) => r.id === container.id && r.row?.state === "exited"), { timeout: 10_000 })
      .toBeTruthy();
  });
});
