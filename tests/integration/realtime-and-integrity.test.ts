// Status changes are pushed over socket.io; a tampered credential breaks only its own endpoint.
import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { testDb } from "../support/seed";

const env = readTestEnv();

describe("live endpoint status", () => {
  it("pushes the status of a new endpoint to a watching page, without polling", async () => {
    const admin = new ApiClient(inject("appUrl"));
    expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
    const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie: admin.cookie } });
    try {
      const ack = await socket.timeout(10_000).emitWithAck("endpoints:watch");
      expect(ack.ok).toBe(true);
      const statuses: { id: string; status: string; version: string | null }[] = [];
      socket.on("endpoint:status", (s) => statuses.push(s));
      const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
        name: "rt-engine2",
        connection: { kind: "docker", transport: "socket", socketPath: env.docker[1]!.socketPath },
      });
      const id = created.json.endpoint.id;
      await expect.poll(() => statuses.find((s) => s.id === id && s.status === "UP"), { timeout: 15_000 }).toBeTruthy();
      expect(statuses.find((s) => s.id === id)!.version).toContain(env.docker[1]!.version);
    } finally {
      socket.close();
    }
  });

  it("refuses a socket without a session", async () => {
    const socket = io(inject("appUrl"), { transports: ["websocket"], reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.on("connect_error", resolve));
    expect(error.message).toMatch(/sign in/);
    socket.close();
  });
});

describe("credential integrity", () => {
  it("reports a tampered ciphertext on that endpoint; the rest keeps working", async () => {
    const admin = new ApiClient(inject("appUrl"));
    expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
    const make = async (name: string) =>
      (
        await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
          name,
          connection: { kind: "docker", transport: "socket", socketPath: env.docker[0]!.socketPath },
        })
      ).json.endpoint.id;
    const victim = await make("tampered");
    const healthy = await make("healthy");
    const prisma = await testDb();
    const row = await prisma.endpoint.findUniqueOrThrow({ where: { id: victim } });
    const flipped = row.secret!.slice(0, -6) + (row.secret!.endsWith("AAAA==") ? "BBBB==" : "AAAA==");
    await prisma.endpoint.update({ where: { id: victim }, data: { secret: flipped } });

    const broken = await admin.request<{ result: { ok: boolean; message: string } }>(
      "POST",
      `/api/endpoints/${victim}/test`,
      {},
    );
    expect(broken.status).toBe(200);
    expect(broken.json.result).toMatchObject({ ok: false });
    expect(broken.json.result.message).toMatch(/integrity|malformed/);
    expect((await admin.request("GET", "/api/endpoints")).status).toBe(200);
    const fine = await admin.request<{ result: { ok: boolean } }>("POST", `/api/endpoints/${healthy}/test`, {});
    expect(fine.json.result.ok).toBe(true);
  });
});
