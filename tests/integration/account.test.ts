// A person's own account on the real server: server-side sessions that end when they should (pages,
// API calls and open sockets), the password, and API tokens with an expiry and a ceiling — checked
// against a real Docker engine (a refused restart leaves the container as it was).
import { readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deleteDeadSessions } from "@/lib/auth/session-cleanup";
import type { PaletteAnswer } from "@/lib/search/palette-item";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { createUser, grant, testDb } from "../support/seed";

const appUrl = inject("appUrl");
const engine = testEngine(0);
const sockets: Socket[] = [];
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
let endpointId = "";
let containers = "";

beforeAll(async () => {
  const admin = await signedIn(ADMIN);
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `account-${Date.now()}`,
    connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[0]!.socketPath },
  });
  endpointId = created.json.endpoint.id;
  containers = `/api/endpoints/${endpointId}/docker/containers`;
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

async function signedIn(user: { email: string; password: string }, headers: Record<string, string> = {}) {
  const client = new ApiClient(appUrl, headers);
  expect(await client.signIn(user.email, user.password)).toBeNull();
  return client;
}

/** A socket opened with a cookie or a token, collecting why the server ended it. */
async function openSocket(credential: { cookie?: string; token?: string }) {
  const socket = io(appUrl, {
    transports: ["websocket"],
    extraHeaders: credential.cookie ? { cookie: credential.cookie } : {},
    ...(credential.token ? { auth: { token: credential.token } } : {}),
  });
  sockets.push(socket);
  const ended: string[] = [];
  socket.on("session:ended", (e: { reason: string }) => ended.push(e.reason));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, ended };
}

const status = async (client: ApiClient, path = "/api/endpoints") => (await client.request("GET", path)).status;
/** A request with exactly this cookie (a copy kept by someone, or a hand-made one). */
const statusWithCookie = async (cookie: string, path = "/api/endpoints") =>
  (await fetch(appUrl + path, { headers: { cookie }, redirect: "manual" })).status;
const bearer = (token: string) => new ApiClient(appUrl, { authorization: `Bearer ${token}` });

async function createToken(client: ApiClient, body: Record<string, unknown>) {
  const created = await client.request<{ token: string; apiToken: { id: string; ceiling: string | null } }>(
    "POST",
    "/api/account/tokens",
    { name: `token-${Date.now()}`, expiresInDays: 30, ...body },
  );
  expect(created.status).toBe(201);
  return created.json;
}

/** An OPERATOR of the test endpoint, signed in. */
async function operator() {
  const user = await createUser();
  const access = await grant({ userId: user.id, endpointId, role: "OPERATOR" });
  return { user, access, client: await signedIn(user) };
}

describe("server-side sessions", () => {
  it("lists the person's sessions with their browser, and marks this one", async () => {
    const user = await createUser();
    const here = await signedIn(user, { "user-agent": FIREFOX });
    await signedIn(user);
    const listed = await here.request<{ sessions: { browser: string; current: boolean; address: string }[] }>(
      "GET",
      "/api/account/sessions",
    );
    expect(listed.status).toBe(200);
    expect(listed.json.sessions).toHaveLength(2);
    expect(listed.json.sessions.find((s) => s.current)).toMatchObject({ browser: "Firefox 132 on Linux" });
    expect(listed.json.sessions.filter((s) => s.current)).toHaveLength(1);
  });

  it("signing out everywhere refuses the old cookie at once and ends its open socket within seconds", async () => {
    const user = await createUser();
    const laptop = await signedIn(user);
    const phone = await signedIn(user);
    const open = await openSocket({ cookie: laptop.cookie });

    const signOut = await phone.request<{ ended: number }>("DELETE", "/api/account/sessions?scope=all");
    expect(signOut).toMatchObject({ status: 200, json: { ended: 2 } });
    expect(await status(laptop)).toBe(401);
    expect(await status(phone)).toBe(401);
    expect((await laptop.request("GET", "/")).status).toBe(307); // pages send it to /login
    await expect
      .poll(() => open.ended, { timeout: 3_000, interval: 100 })
      .toEqual([expect.stringMatching(/signed out/)]);
    await expect.poll(() => open.socket.connected).toBe(false);
    const audit = await (
      await testDb()
    ).auditEvent.findFirstOrThrow({
      where: { action: "session.end", actorId: user.id },
    });
    expect(audit).toMatchObject({ outcome: "SUCCESS", detail: { scope: "all", ended: 2 } });
  });

  it("ends one other session, or every other one, and keeps this one", async () => {
    const user = await createUser();
    const [a, b, c] = [await signedIn(user), await signedIn(user), await signedIn(user)];
    const sessions = async () =>
      (await b.request<{ sessions: { id: string; current: boolean }[] }>("GET", "/api/account/sessions")).json.sessions;
    const aId = (
      await a.request<{ sessions: { id: string; current: boolean }[] }>("GET", "/api/account/sessions")
    ).json.sessions.find((s) => s.current)!.id;
    expect((await b.request("DELETE", `/api/account/sessions/${aId}`)).status).toBe(200);
    expect(await status(a)).toBe(401);
    expect(await status(c)).toBe(200);
    expect((await sessions()).map((s) => s.id)).not.toContain(aId);
    expect((await b.request("DELETE", `/api/account/sessions/${aId}`)).status).toBe(404);

    expect((await b.request("DELETE", "/api/account/sessions?scope=others")).status).toBe(200);
    expect(await status(c)).toBe(401);
    expect(await status(b)).toBe(200);
    expect(await sessions()).toEqual([expect.objectContaining({ current: true })]);
    expect((await b.request("DELETE", "/api/account/sessions")).status).toBe(400);
  });

  it("signing out ends the server-side session: a copy of the cookie is refused too", async () => {
    const user = await createUser();
    const client = await signedIn(user);
    const copy = client.cookie;
    expect(await statusWithCookie(copy)).toBe(200);
    const csrf = await client.request<{ csrfToken: string }>("GET", "/api/auth/csrf");
    const form = new URLSearchParams({ csrfToken: csrf.json.csrfToken, json: "true" }).toString();
    await client.raw("POST", "/api/auth/signout", form, "application/x-www-form-urlencoded");
    expect(await statusWithCookie(copy)).toBe(401);
  });

  it("an administrator signs someone out everywhere: the cookie is refused at once, the socket ends, the audit says who", async () => {
    const { user, client } = await operator();
    const open = await openSocket({ cookie: client.cookie });
    const admin = await signedIn(ADMIN);
    const listed = await admin.request<{ sessions: { id: string; browser: string }[] }>(
      "GET",
      `/api/admin/users/${user.id}/sessions`,
    );
    expect(listed.json.sessions).toHaveLength(1);
    const ended = await admin.request("DELETE", `/api/admin/users/${user.id}/sessions`);
    expect(ended.json).toEqual({ ended: 1 });
    expect(await status(client)).toBe(401);
    await expect.poll(() => open.ended, { timeout: 3_000 }).toHaveLength(1);
    expect((await admin.request("GET", `/api/admin/users/${user.id}/sessions`)).json).toEqual({ sessions: [] });
    const row = await (await testDb()).auditEvent.findFirst({ where: { action: "user.signout", target: user.id } });
    expect(row).toMatchObject({ outcome: "SUCCESS", actorEmail: ADMIN.email, detail: { ended: 1 } });
  });

  it("deletes session rows that can never be used again, and keeps the rest", async () => {
    const prisma = await testDb();
    const { user } = await operator();
    const day = 24 * 3600 * 1000;
    const ago = (days: number) => new Date(Date.now() - days * day);
    const make = (endedAt: Date | null, lastSeenAt: Date) =>
      prisma.session.create({ data: { userId: user.id, endedAt, lastSeenAt }, select: { id: true } });
    const endedLongAgo = await make(ago(2), ago(2));
    const endedJustNow = await make(new Date(), new Date());
    const unseenForAges = await make(null, ago(400));
    const open = await make(null, new Date());
    expect(await deleteDeadSessions(30 * 24 * 3600)).toBeGreaterThanOrEqual(2);
    const left = await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } });
    const ids = left.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([endedJustNow.id, open.id]));
    expect(ids).not.toContain(endedLongAgo.id);
    expect(ids).not.toContain(unseenForAges.id);
  });

  it("refuses a cookie issued before sessions were kept server-side (no sid): sign in again", async () => {
    const user = await createUser();
    const stored = readFileSync(path.join(inject("appDataDir"), "session.secret"), "utf8").trim();
    const secret = Buffer.from(stored, "base64").toString("base64url");
    const old = await encode({ token: { uid: user.id, email: user.email, sub: user.id }, secret });
    const cookie = `next-auth.session-token=${old}`;
    expect(await statusWithCookie(cookie)).toBe(401);
    expect(await statusWithCookie(cookie, "/")).toBe(307);
    await expect(openSocket({ cookie })).rejects.toThrow();
  });
});

describe("password", () => {
  it("refuses a short password and a common one with a clear 400", async () => {
    const user = await createUser();
    const client = await signedIn(user);
    const change = (newPassword: string, currentPassword = user.password) =>
      client.request<{ error: string }>("POST", "/api/account/password", { currentPassword, newPassword });
    expect(await change("short")).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/at least 12 characters/) },
    });
    expect(await change("passwordpassword")).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/commonly used/) },
    });
    expect(await change("a brand new passphrase", "not my password")).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/not your current password/) },
    });
    expect((await client.raw("POST", "/api/account/password", "{nope")).status).toBe(400);
  });

  it("changing it ends the other sessions, keeps this one, and only the new one signs in", async () => {
    const user = await createUser();
    const here = await signedIn(user);
    const elsewhere = await signedIn(user);
    const open = await openSocket({ cookie: elsewhere.cookie });
    const newPassword = "a brand new passphrase";
    const changed = await here.request("POST", "/api/account/password", {
      currentPassword: user.password,
      newPassword,
    });
    expect(changed).toMatchObject({ status: 200, json: { endedSessions: 1 } });
    expect(await status(elsewhere)).toBe(401);
    expect(await status(here)).toBe(200);
    await expect.poll(() => open.ended, { timeout: 3_000 }).toHaveLength(1);
    expect(await new ApiClient(appUrl).signIn(user.email, user.password)).not.toBeNull();
    expect(await new ApiClient(appUrl).signIn(user.email, newPassword)).toBeNull();
    const audit = await (
      await testDb()
    ).auditEvent.findMany({ where: { action: "account.password", actorId: user.id } });
    expect(audit.map((a) => a.outcome)).toEqual(["SUCCESS"]);
    expect(JSON.stringify(audit)).not.toContain(newPassword);
  });
});

describe("API tokens", () => {
  it("a read-only token of an OPERATOR reads, but its restart gets 403 and the container is unchanged", async () => {
    const { client } = await operator();
    const { token, apiToken } = await createToken(client, { ceiling: "VIEWER" });
    expect(apiToken.ceiling).toBe("VIEWER");
    const container = await engine.run(["sleep", "300"], { name: `account-ro-${Date.now()}` });
    const startedAt = (await container.inspect()).State.StartedAt;
    const bot = bearer(token);
    const list = await bot.request<{ containers: { id: string }[] }>("GET", containers);
    expect(list.status).toBe(200);
    expect(list.json.containers.some((c) => c.id === container.id)).toBe(true);
    expect((await bot.request("POST", `${containers}/${container.id}/restart`, { timeout: 1 })).status).toBe(403);
    expect((await bot.request("POST", `${containers}/${container.id}/stop`, { timeout: 1 })).status).toBe(403);
    const after = (await container.inspect()).State;
    expect(after).toMatchObject({ Running: true, StartedAt: startedAt });
    // Its user may: the same restart with the session works.
    expect((await client.request("POST", `${containers}/${container.id}/restart`, { timeout: 1 })).status).toBe(204);
  });

  it("never exceeds its user: a downgraded user downgrades the token at once", async () => {
    const { client, access } = await operator();
    const { token } = await createToken(client, { ceiling: "ENDPOINT_ADMIN" });
    const container = await engine.run(["sleep", "300"]);
    const bot = bearer(token);
    // Above the user (an OPERATOR): removing needs ENDPOINT_ADMIN.
    expect((await bot.request("POST", `${containers}/${container.id}/remove`, {})).status).toBe(403);
    expect((await bot.request("POST", `${containers}/${container.id}/pause`, {})).status).toBe(204);
    expect((await bot.request("POST", `${containers}/${container.id}/unpause`, {})).status).toBe(204);
    await (await testDb()).accessGrant.update({ where: { id: access.id }, data: { role: "VIEWER" } });
    expect((await bot.request("POST", `${containers}/${container.id}/pause`, {})).status).toBe(403);
    expect((await container.inspect()).State.Paused).toBe(false);
    expect((await bot.request("GET", containers)).status).toBe(200);
  });

  it("a read-only token's socket stays read-only, also after its grants are read again", async () => {
    const { client } = await operator();
    const { token } = await createToken(client, { ceiling: "VIEWER" });
    const name = `account-palette-${Date.now()}`;
    await engine.run(["sleep", "300"], { name });
    const actionsFor = async (socket: Socket) => {
      const reply = (await socket.timeout(10_000).emitWithAck("palette:search", { q: name })) as {
        ok: boolean;
        data: PaletteAnswer;
      };
      return reply.data.items.find((i) => i.name === name)?.actions.map((a) => a.kind) ?? null;
    };
    const byCookie = await openSocket({ cookie: client.cookie });
    await expect.poll(() => actionsFor(byCookie.socket), { timeout: 10_000 }).toContain("restart");
    const byToken = await openSocket({ token });
    expect(await byToken.socket.timeout(10_000).emitWithAck("endpoints:watch")).toMatchObject({ ok: true });
    // The engine's index is warm (the cookie's search above): answered at once, before any re-check.
    expect(await actionsFor(byToken.socket)).toEqual(["logs"]);
    await new Promise((r) => setTimeout(r, 3_000)); // past an access re-check
    expect(await actionsFor(byToken.socket)).toEqual(["logs"]);
  });

  it("an administrator's token with a ceiling is no administrator", async () => {
    const admin = await signedIn(ADMIN);
    const { token } = await createToken(admin, { ceiling: "ENDPOINT_ADMIN" });
    const bot = bearer(token);
    expect((await bot.request("GET", containers)).status).toBe(200);
    const created = await bot.request("POST", "/api/endpoints", {
      name: `by-token-${Date.now()}`,
      connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[0]!.socketPath },
    });
    expect(created.status).toBe(403);
  });

  it("a revoked token gets 401 at once and its socket ends; the token is in no audit row", async () => {
    const { client } = await operator();
    const { token, apiToken } = await createToken(client, { ceiling: null, expiresInDays: null });
    const bot = bearer(token);
    expect(await status(bot)).toBe(200);
    const open = await openSocket({ token });
    const listed = await client.request<{ tokens: { id: string; lastUsedAt: string | null }[] }>(
      "GET",
      "/api/account/tokens",
    );
    expect(listed.json.tokens.find((t) => t.id === apiToken.id)?.lastUsedAt).not.toBeNull();
    // A token cannot manage the account (mint a stronger token, revoke, change the password).
    expect((await bot.request("POST", "/api/account/tokens", { name: "escalate", ceiling: null })).status).toBe(403);
    expect((await bot.request("DELETE", `/api/account/tokens/${apiToken.id}`)).status).toBe(403);

    expect((await client.request("DELETE", `/api/account/tokens/${apiToken.id}`)).status).toBe(204);
    expect(await status(bot)).toBe(401);
    await expect.poll(() => open.ended, { timeout: 3_000 }).toEqual([expect.stringMatching(/no longer valid/)]);
    expect((await client.request("DELETE", `/api/account/tokens/${apiToken.id}`)).status).toBe(404);

    const rows = await (await testDb()).auditEvent.findMany({ where: { action: { startsWith: "token." } } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["token.create", "token.revoke"]));
    const all = JSON.stringify(await (await testDb()).auditEvent.findMany());
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.slice(3));
  });

  it("disabling the user refuses its token at once and ends the token's socket within seconds", async () => {
    const { user, client } = await operator();
    const { token } = await createToken(client, { ceiling: null });
    const bot = bearer(token);
    expect(await status(bot)).toBe(200);
    const open = await openSocket({ token });
    const admin = await signedIn(ADMIN);
    expect((await admin.request("PATCH", `/api/admin/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect(await status(bot)).toBe(401);
    await expect.poll(() => open.ended, { timeout: 3_000 }).toHaveLength(1);
    expect(open.socket.connected).toBe(false);
  });

  it("an expired token gets 401", async () => {
    const { client } = await operator();
    const { token, apiToken } = await createToken(client, { ceiling: "VIEWER", expiresInDays: 7 });
    expect(await status(bearer(token))).toBe(200);
    await (
      await testDb()
    ).apiToken.update({
      where: { id: apiToken.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(await status(bearer(token))).toBe(401);
  });

  it("refuses bad input with a 400 that says what is wrong", async () => {
    const { client } = await operator();
    const post = (body: unknown) => client.request<{ error: string }>("POST", "/api/account/tokens", body);
    expect(await post({ name: " ", expiresInDays: 7, ceiling: "VIEWER" })).toMatchObject({
      status: 400,
      json: { error: expect.stringMatching(/^name:/) },
    });
    expect((await post({ name: "x", expiresInDays: 7, ceiling: "ROOT" })).status).toBe(400);
    expect((await post({ name: "x", expiresInDays: -1, ceiling: "VIEWER" })).status).toBe(400);
    expect((await client.request("DELETE", "/api/account/tokens/no-such-token")).status).toBe(404);
  });
});
