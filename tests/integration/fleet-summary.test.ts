// The fleet home's figures, pushed over socket.io against real engines: a container started upstream
// changes the pushed running count; a viewer gets summaries only of endpoints they were granted, and
// a revoked grant ends the one they had; a dead endpoint reports its reason without holding back others.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { FleetSummary } from "@/lib/fleet/fleet-summary";
import { ApiClient } from "../support/api-client";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";
import { createUser, grant, testDb } from "../support/seed";

type Pushed = { endpointId: string; summary: FleetSummary | null; closed: boolean };

const engine = testEngine(0);
const sockets: Socket[] = [];
let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
let otherId: string;
let deadId: string;

/** A tab showing the fleet home: every push it received. */
async function follow(cookie: string) {
  const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  sockets.push(socket);
  const pushes: Pushed[] = [];
  socket.on("fleet:summary", (event: Pushed) => pushes.push(event));
  const reply = (await socket.timeout(15_000).emitWithAck("fleet:watch")) as
    | { ok: true; data: { endpointIds: string[] } }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(reply.error);
  const latest = (endpointId: string) => pushes.findLast((p) => p.endpointId === endpointId)?.summary ?? null;
  return { socket, endpointIds: reply.data.endpointIds, pushes, latest };
}

beforeAll(async () => {
  const stamp = Date.now().toString(36);
  ctx = await dockerEndpointWithRoles(`fleet-${stamp}`);
  const other = await ctx.admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `fleet-other-${stamp}`,
    connection: { kind: "docker", transport: "socket", socketPath: ctx.env.docker[1]!.socketPath },
  });
  otherId = other.json.endpoint.id;
  const dead = await ctx.admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `fleet-dead-${stamp}`,
    connection: { kind: "docker", transport: "socket", socketPath: `/tmp/no-such-engine-${stamp}.sock` },
  });
  deadId = dead.json.endpoint.id;
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

describe("fleet:summary", () => {
  it("pushes a changed running count when a container starts upstream", async () => {
    const viewer = await follow(ctx.viewer.cookie);
    expect(viewer.endpointIds).toContain(ctx.endpointId);
    await expect.poll(() => viewer.latest(ctx.endpointId)?.docker, { timeout: 15_000 }).toBeTruthy();
    const before = viewer.latest(ctx.endpointId)!.docker!.containers.running;

    await engine.run(["sleep", "300"]);
    // Other suites do not run meanwhile; the engine's own count is the truth either way.
    const truth = async () => Number(((await engine.docker.info()) as { ContainersRunning: number }).ContainersRunning);
    await expect
      .poll(async () => viewer.latest(ctx.endpointId)?.docker?.containers.running === (await truth()), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(viewer.latest(ctx.endpointId)!.docker!.containers.running).toBeGreaterThan(before);
  });

  it("counts a container that exits failing, unasked, as a warning of the last hour", async () => {
    const viewer = await follow(ctx.viewer.cookie);
    await expect.poll(() => viewer.latest(ctx.endpointId)?.docker, { timeout: 15_000 }).toBeTruthy();
    const failing = await engine.run(["sh", "-c", "exit 3"]);
    await expect.poll(async () => (await failing.inspect()).State.Status, { timeout: 15_000 }).toBe("exited");
    // Its death is among the engine's latest events: counted whatever older ones it still keeps.
    await expect
      .poll(() => viewer.latest(ctx.endpointId)?.docker?.warningsLastHour ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  it("never sends a viewer another endpoint's summary, while an administrator gets every one", async () => {
    const viewer = await follow(ctx.viewer.cookie);
    const admin = await follow(ctx.admin.cookie);
    expect(viewer.endpointIds).not.toContain(otherId);
    expect(admin.endpointIds).toEqual(expect.arrayContaining([ctx.endpointId, otherId]));
    await expect.poll(() => admin.latest(otherId)?.docker, { timeout: 15_000 }).toBeTruthy();
    await expect.poll(() => viewer.latest(ctx.endpointId)?.docker, { timeout: 15_000 }).toBeTruthy();
    // A container on the other engine changes the administrator's figures, never reaching the viewer.
    const otherEngine = testEngine(1);
    try {
      await otherEngine.run(["sleep", "300"]);
      await new Promise((r) => setTimeout(r, 2_500));
    } finally {
      await otherEngine.cleanup();
    }
    expect(viewer.pushes.filter((p) => p.endpointId !== ctx.endpointId)).toEqual([]);
  });

  it("reports a dead endpoint's reason, and the others fill in without waiting for it", async () => {
    const admin = await follow(ctx.admin.cookie);
    await expect.poll(() => admin.latest(ctx.endpointId)?.docker, { timeout: 15_000 }).toBeTruthy();
    await expect
      .poll(() => admin.latest(deadId)?.error, { timeout: 15_000 })
      .toMatch(/no-such-engine|not found|ENOENT|socket/i);
    expect(admin.latest(deadId)!.docker).toBeNull();
  });

  it("ends a summary when the grant is revoked", async () => {
    const user = await createUser();
    const access = await grant({ userId: user.id, endpointId: ctx.endpointId, role: "VIEWER" });
    const client = new ApiClient(inject("appUrl"));
    expect(await client.signIn(user.email, user.password)).toBeNull();
    const viewer = await follow(client.cookie);
    await expect.poll(() => viewer.latest(ctx.endpointId)?.docker, { timeout: 15_000 }).toBeTruthy();
    await (await testDb()).accessGrant.delete({ where: { id: access.id } });
    await expect
      .poll(() => viewer.pushes.some((p) => p.endpointId === ctx.endpointId && p.closed && !p.summary), {
        timeout: 15_000,
      })
      .toBe(true);
  });
});
