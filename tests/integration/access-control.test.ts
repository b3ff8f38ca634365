// A user sees only what they are granted; refusals change nothing and are audited.
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { createUser, grant, testDb } from "../support/seed";

const env = readTestEnv();
let granted = "";
let hidden = "";
const viewer = new ApiClient(inject("appUrl"));

beforeAll(async () => {
  const prisma = await testDb();
  const admin = await createUser({ isAdmin: true });
  const adminClient = new ApiClient(inject("appUrl"));
  expect(await adminClient.signIn(admin.email, admin.password)).toBeNull();
  const make = async (name: string, socketPath: string) =>
    (
      await adminClient.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
        name,
        connection: { kind: "docker", transport: "socket", socketPath },
      })
    ).json.endpoint.id;
  granted = await make("ac-granted", env.docker[0]!.socketPath);
  hidden = await make("ac-hidden", env.docker[1]!.socketPath);
  const user = await createUser();
  const team = await prisma.team.create({ data: { name: `viewers-${Date.now()}` } });
  await prisma.teamMember.create({ data: { teamId: team.id, userId: user.id } });
  await grant({ teamId: team.id, endpointId: granted, role: "VIEWER" });
  expect(await viewer.signIn(user.email, user.password)).toBeNull();
});

describe("a viewer", () => {
  it("lists only endpoints granted to them (here through a team)", async () => {
    const list = await viewer.request<{ endpoints: { id: string }[] }>("GET", "/api/endpoints");
    expect(list.json.endpoints.map((e) => e.id)).toEqual([granted]);
  });

  it("gets 404 for an endpoint they may not see, exactly as for one that does not exist", async () => {
    const hiddenResponse = await viewer.request("GET", `/api/endpoints/${hidden}`);
    const missing = await viewer.request("GET", "/api/endpoints/no-such-endpoint");
    expect(hiddenResponse.status).toBe(404);
    expect(hiddenResponse.text).toBe(missing.text);
    expect((await viewer.request("DELETE", `/api/endpoints/${hidden}`)).status).toBe(404);
  });

  it("can test a granted endpoint but not change or delete it: 403 and nothing changed", async () => {
    expect((await viewer.request("POST", `/api/endpoints/${granted}/test`, {})).status).toBe(200);
    const before = await (await testDb()).endpoint.findUniqueOrThrow({ where: { id: granted } });
    expect((await viewer.request("PATCH", `/api/endpoints/${granted}`, { name: "pwned" })).status).toBe(403);
    expect((await viewer.request("DELETE", `/api/endpoints/${granted}`)).status).toBe(403);
    expect(
      (
        await viewer.request("POST", "/api/endpoints", {
          name: "mine",
          connection: { kind: "docker", transport: "socket", socketPath: "/x" },
        })
      ).status,
    ).toBe(403);
    const after = await (await testDb()).endpoint.findUniqueOrThrow({ where: { id: granted } });
    expect(after.name).toBe(before.name);
    expect(after.secret).toBe(before.secret);
    const denied = await (await testDb()).auditEvent.findMany({ where: { outcome: "DENIED", endpointId: granted } });
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(["endpoint.update", "endpoint.delete"]));
  });
});

describe("sign-in", () => {
  it("gives one generic message for a wrong password and an unknown account", async () => {
    const user = await createUser();
    const wrong = await new ApiClient(inject("appUrl")).signIn(user.email, "wrong password!!");
    const unknown = await new ApiClient(inject("appUrl")).signIn("nobody@example.test", "wrong password!!");
    expect(wrong).toBe(unknown);
    expect(wrong).toMatch(/wrong email or password/);
  });

  it("slows an account down after repeated failures, but does not lock it (see signin-limit.test.ts)", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await new ApiClient(inject("appUrl")).signIn(user.email, "not the password");
    const started = performance.now();
    expect(await new ApiClient(inject("appUrl")).signIn(user.email, user.password)).toBeNull();
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });
});

describe("API tokens", () => {
  it("authenticate automation with the token's owner's access; a wrong token gets 401", async () => {
    const { createApiToken } = await import("@/lib/auth/api-token");
    const user = await createUser();
    await grant({ userId: user.id, endpointId: granted, role: "VIEWER" });
    const { token } = await createApiToken({ userId: user.id, name: "ci" });
    const bot = new ApiClient(inject("appUrl"), { authorization: `Bearer ${token}` });
    const list = await bot.request<{ endpoints: { id: string }[] }>("GET", "/api/endpoints");
    expect(list.status).toBe(200);
    expect(list.json.endpoints.map((e) => e.id)).toEqual([granted]);
    const stranger = new ApiClient(inject("appUrl"), { authorization: "Bearer fd_not-a-real-token" });
    expect((await stranger.request("GET", "/api/endpoints")).status).toBe(401);
    const row = await (await testDb()).apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toContain(token.slice(3));
    expect(row.lastUsedAt).not.toBeNull();
  });
});
