// The Docker event watch survives an endpoint whose credential cannot be read: the watcher is told
// the stream is down (with the reason) instead of the server failing with an unhandled rejection.
import { io } from "socket.io-client";
import { describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { testDb } from "../support/seed";

describe("Docker event watch", () => {
  it("reports an unreadable credential as a lost stream and keeps serving", async () => {
    const admin = new ApiClient(inject("appUrl"));
    expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `unreadable-${Date.now()}`,
      connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[0]!.socketPath },
    });
    const id = created.json.endpoint.id;
    const prisma = await testDb();
    const row = await prisma.endpoint.findUniqueOrThrow({ where: { id } });
    const flipped = row.secret!.slice(0, -6) + (row.secret!.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
    await prisma.endpoint.update({ where: { id }, data: { secret: flipped } });

    const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie: admin.cookie } });
    try {
      const streams: { endpointId: string; connected: boolean; error?: string }[] = [];
      socket.on("docker:stream", (e: (typeof streams)[number]) => streams.push(e));
      expect(await socket.timeout(10_000).emitWithAck("docker:watch", { endpointId: id })).toEqual({
        ok: true,
        data: { connected: false },
      });
      await expect
        .poll(() => streams.find((s) => s.endpointId === id && !s.connected), { timeout: 10_000 })
        .toMatchObject({ error: expect.stringMatching(/integrity|malformed|decrypt/i) });
      expect((await fetch(`${inject("appUrl")}/api/health`)).ok).toBe(true);
      expect(await socket.timeout(10_000).emitWithAck("endpoints:watch")).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }
  });
});
