// Access is re-checked while sockets live: a removed grant ends the user's log subscriptions, Docker
// event watches and endpoint rooms; a disabled user, an expired session or API token, or a deleted
// endpoint end theirs — within seconds, without the client asking.
import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { Socket } from "socket.io-client";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { logSocket } from "../support/log-socket";
import { createUser, grant, testDb } from "../support/seed";

const engine = testEngine(0);
const sockets: Socket[] = [];
const REVOKED_WITHIN_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

/** A fresh endpoint on engine 1, a VIEWER of it signed in, and a container that keeps logging. */
async function setUp() {
  const admin = new ApiClient(inject("appUrl"));
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `revoke-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
    connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[0]!.socketPath },
  });
  const endpointId = created.json.endpoint.id;
  const user = await createUser();
  const access = await grant({ userId: user.id, endpointId, role: "VIEWER" });
  const client = new ApiClient(inject("appUrl"));
  expect(await client.signIn(user.email, user.password)).toBeNull();
  const container = await engine.run(["sh", "-c", "while true; do echo tick; sleep 0.2; done"]);
  return { admin, endpointId, user, access, client, container };
}

/** A viewer socket following the container's logs and the endpoint's events. */
async function follow(cookie: string, endpointId: string, containerId: string, token?: string) {
  const v = logSocket(inject("appUrl"), cookie, { token });
  sockets.push(v.socket);
  const ended: string[] = [];
  v.socket.on("session:ended", (e: { reason: string }) => ended.push(e.reason));
  const streams: { endpointId: string; connected: boolean; error?: string }[] = [];
  v.socket.on("docker:stream", (e: (typeof streams)[number]) => streams.push(e));
  const statuses: { id: string; at: number }[] = [];
  v.socket.on("endpoint:status", (e: { id: string }) => statuses.push({ id: e.id, at: Date.now() }));
  expect(await v.socket.timeout(10_000).emitWithAck("endpoints:watch")).toMatchObject({ ok: true });
  expect(await v.socket.timeout(10_000).emitWithAck("docker:watch", { endpointId })).toMatchObject({ ok: true });
  const ack = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
    endpointId,
    target: { kind: "container", containerId },
    tail: 1,
  });
  expect(ack).toMatchObject({ ok: true });
  const subscriptionId = (ack as { data: { subscriptionId: string } }).data.subscriptionId;
  await expect.poll(() => v.texts().length, { timeout: 10_000 }).toBeGreaterThan(1);
  const closed = () => v.frames.find((f) => f.subscriptionId === subscriptionId && f.status === "closed");
  return { ...v, ended, streams, statuses, subscriptionId, closed };
}

/** The session secret of the test server (generated into its data directory). */
function serverSessionSecret(): string {
  const stored = readFileSync(path.join(inject("appDataDir"), "session.secret"), "utf8").trim();
  return Buffer.from(stored, "base64").toString("base64url");
}

describe("access re-checked while a socket lives", () => {
  it("a removed grant ends the log subscription, the event watch and the endpoint room", async () => {
    const { endpointId, access, client, container } = await setUp();
    const v = await follow(client.cookie, endpointId, container.id);
    // Health checks push this endpoint's status to its room every few seconds.
    await expect.poll(() => v.statuses.some((s) => s.id === endpointId), { timeout: 15_000 }).toBe(true);

    await (await testDb()).accessGrant.delete({ where: { id: access.id } });
    await expect.poll(() => v.closed(), { timeout: REVOKED_WITHIN_MS }).toBeTruthy();
    expect(v.closed()!.error).toMatch(/access revoked/);
    expect(v.members.some((m) => m.subscriptionId === v.subscriptionId && m.left.length === 1)).toBe(true);
    expect(v.streams).toContainEqual({ endpointId, connected: false, error: "access revoked" });
    const revokedAt = Date.now();
    const received = v.lines().length;
    await sleep(7_000);
    expect(v.lines().length).toBe(received);
    expect(v.statuses.filter((s) => s.id === endpointId && s.at > revokedAt)).toEqual([]);
    expect(v.socket.connected).toBe(true);
  });

  it("a new grant brings the endpoint into the open tab's list, and its removal takes it out", async () => {
    const { admin, user, client } = await setUp();
    const v = logSocket(inject("appUrl"), client.cookie);
    sockets.push(v.socket);
    const changed: string[] = [];
    const removed: string[] = [];
    v.socket.on("endpoint:changed", (e: { endpoint: { id: string } }) => changed.push(e.endpoint.id));
    v.socket.on("endpoint:removed", (e: { id: string }) => removed.push(e.id));
    expect(await v.socket.timeout(10_000).emitWithAck("endpoints:watch")).toMatchObject({ ok: true });
    const other = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `granted-later-${Date.now()}`,
      connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[1]!.socketPath },
    });
    const otherId = other.json.endpoint.id;
    await sleep(3_000);
    expect(changed).not.toContain(otherId);
    const later = await grant({ userId: user.id, endpointId: otherId, role: "VIEWER" });
    await expect.poll(() => changed, { timeout: REVOKED_WITHIN_MS }).toContain(otherId);
    await (await testDb()).accessGrant.delete({ where: { id: later.id } });
    await expect.poll(() => removed, { timeout: REVOKED_WITHIN_MS }).toContain(otherId);
  });

  it("a disabled user's socket is ended, and cannot come back", async () => {
    const { endpointId, user, client, container } = await setUp();
    const v = await follow(client.cookie, endpointId, container.id);
    await (await testDb()).user.update({ where: { id: user.id }, data: { disabled: true } });
    await expect
      .poll(() => v.ended, { timeout: REVOKED_WITHIN_MS })
      .toEqual([expect.stringMatching(/no longer valid/)]);
    await expect.poll(() => v.socket.connected).toBe(false);
    const received = v.lines().length;
    await sleep(1_500);
    expect(v.lines().length).toBe(received);
  });

  it("a deleted endpoint ends the streams of everyone following it", async () => {
    const { admin, endpointId, client, container } = await setUp();
    const v = await follow(client.cookie, endpointId, container.id);
    expect((await admin.request("DELETE", `/api/endpoints/${endpointId}`)).status).toBeLessThan(300);
    await expect.poll(() => v.closed(), { timeout: REVOKED_WITHIN_MS }).toBeTruthy();
    expect(v.streams).toContainEqual({ endpointId, connected: false, error: "access revoked" });
    const received = v.lines().length;
    await sleep(1_500);
    expect(v.lines().length).toBe(received);
  });

  it("a socket ends when the session it connected with expires", async () => {
    const { endpointId, user, container } = await setUp();
    const secret = serverSessionSecret();
    const session = await (await testDb()).session.create({ data: { userId: user.id } });
    const short = await encode({
      token: { uid: user.id, sid: session.id, email: user.email, sub: user.id },
      secret,
      maxAge: 4,
    });
    const v = await follow(`next-auth.session-token=${short}`, endpointId, container.id);
    expect(v.socket.connected).toBe(true);
    await expect
      .poll(() => v.ended, { timeout: REVOKED_WITHIN_MS })
      .toEqual([expect.stringMatching(/session expired/)]);
    await expect.poll(() => v.socket.connected).toBe(false);
  });

  it("a socket opened with an API token ends when the token expires", async () => {
    const { endpointId, user, container } = await setUp();
    await testDb();
    const { createApiToken } = await import("../../lib/auth/api-token");
    const { token } = await createApiToken({
      userId: user.id,
      name: "short-lived",
      expiresAt: new Date(Date.now() + 4_000),
    });
    const v = await follow("", endpointId, container.id, token);
    await expect
      .poll(() => v.ended, { timeout: REVOKED_WITHIN_MS })
      .toEqual([expect.stringMatching(/no longer valid/)]);
    await expect.poll(() => v.socket.connected).toBe(false);
  });
});
