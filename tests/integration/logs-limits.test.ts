// Log subscriptions are bounded per socket and per user, a socket that goes while a subscription
// is still being set up leaves nothing open upstream, and a search cannot stall the server.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";
import { logSocket } from "../support/log-socket";
import { createUser, grant, testDb } from "../support/seed";

const engine = testEngine(0);
const sockets: Socket[] = [];
let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;

function viewer(cookie = ctx.viewer.cookie) {
  const v = logSocket(inject("appUrl"), cookie);
  sockets.push(v.socket);
  return v;
}

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles(`limits-${Date.now()}`);
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

describe("subscription limits", () => {
  it("refuses the 51st subscription of a socket and the 201st of a user, saying which limit", async () => {
    const container = await engine.run(["sh", "-c", "echo hello; exec sleep 300"]);
    const subscribe = (v: ReturnType<typeof viewer>) =>
      v.socket.timeout(20_000).emitWithAck("logs:subscribe", {
        endpointId: ctx.endpointId,
        target: { kind: "container", containerId: container.id },
        tail: 1,
      });
    const tabs = [viewer(), viewer(), viewer(), viewer()];
    for (const tab of tabs) {
      const replies = await Promise.all(Array.from({ length: 50 }, () => subscribe(tab)));
      expect(replies.every((r: { ok: boolean }) => r.ok)).toBe(true);
    }
    expect(await subscribe(tabs[0]!)).toEqual({
      ok: false,
      error: expect.stringMatching(/at most 50 log subscriptions per tab/),
    });
    expect(await subscribe(viewer())).toEqual({
      ok: false,
      error: expect.stringMatching(/at most 200 log subscriptions per user/),
    });
    // Closing a tab gives its places back.
    tabs[3]!.socket.close();
    const another = viewer();
    await expect.poll(async () => (await subscribe(another)).ok, { timeout: 10_000 }).toBe(true);
    sockets.splice(0).forEach((s) => s.close());
  });
});

describe("a socket that goes while subscribing", () => {
  it("leaves no upstream open (the real handlers on an in-process socket.io server)", async () => {
    process.env.ENCRYPTION_KEY = inject("encryptionKey");
    process.env.DATA_DIR ??= "/tmp/fleetdeck-logs-limits-test";
    await testDb();
    const { attachLogsWatch } = await import("../../lib/realtime/logs-watch");
    const { loadSubject } = await import("../../lib/rbac/load-subject");
    const user = await createUser();
    await grant({ userId: user.id, endpointId: ctx.endpointId, role: "VIEWER" });
    const subject = (await loadSubject(user.id))!;
    const httpServer = createServer();
    const server = new Server(httpServer, { transports: ["websocket"] });
    server.use((socket, next) => {
      socket.data = { subject, credential: { kind: "session", sessionId: "in-process", expiresAt: null } };
      next();
    });
    const logs = attachLogsWatch(server as never, () => {});
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    const container = await engine.run(["sh", "-c", "echo hello; exec sleep 300"]);
    try {
      for (let i = 0; i < 40; i++) {
        const socket = connect(url, { transports: ["websocket"], forceNew: true });
        await new Promise((resolve) => socket.once("connect", () => resolve(null)));
        socket.emit("logs:subscribe", {
          endpointId: ctx.endpointId,
          target: { kind: "container", containerId: container.id },
        });
        // Gone while the server awaits the database and the engine (socket.io drops an event
        // whose socket closed in the same turn, so the disconnect comes a little later).
        await new Promise((r) => setTimeout(r, i % 10));
        socket.disconnect();
      }
      // A socket that stays subscribed does open one: the count is observed where it matters.
      const staying = connect(url, { transports: ["websocket"], forceNew: true });
      const reply = await staying.timeout(10_000).emitWithAck("logs:subscribe", {
        endpointId: ctx.endpointId,
        target: { kind: "container", containerId: container.id },
      });
      expect(reply).toMatchObject({ ok: true });
      await expect.poll(() => logs.hub.openUpstreams, { timeout: 5_000 }).toBe(1);
      staying.close();
      await expect.poll(() => logs.hub.openUpstreams, { timeout: 10_000 }).toBe(0);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(logs.hub.openUpstreams).toBe(0);
      expect(logs.quota.held(user.id)).toBe(0);
    } finally {
      server.close();
    }
  });
});

describe("search", () => {
  it("answers a catastrophic pattern over long lines while the server keeps serving, and refuses a bad one", async () => {
    const container = await engine.run([
      "sh",
      "-c",
      'a=$(head -c 5000 /dev/zero | tr "\\0" a); i=0; while [ $i -lt 1500 ]; do echo "$a!"; i=$((i+1)); done; exec sleep 300',
    ]);
    const v = viewer();
    const ack = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
      tail: 5000,
    });
    const subscriptionId = (ack as { data: { subscriptionId: string } }).data.subscriptionId;
    await expect.poll(() => v.texts().length, { timeout: 20_000 }).toBe(1500);
    // The same id many times over counts once.
    const search = v.socket.timeout(30_000).emitWithAck("logs:search", {
      subscriptionIds: Array.from({ length: 50 }, () => subscriptionId),
      pattern: "(a+)+$",
      regex: true,
    });
    const health = await fetch(`${inject("appUrl")}/api/health`, { signal: AbortSignal.timeout(10_000) });
    expect(health.ok).toBe(true);
    expect(await search).toMatchObject({ ok: true, data: { matches: [], searchedLines: 1500 } });
    const bad = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:search", { subscriptionIds: [subscriptionId], pattern: "(a", regex: true });
    expect(bad).toEqual({
      ok: false,
      error: expect.stringMatching(/^not a valid regular expression: .*missing closing \)/),
    });
  });
});
