// Single sign-on against a real OpenID provider (tests/support/oidc-provider.ts), on an app server of
// its own with local accounts off: the first administrator comes from the admin group, groups map
// to teams at every sign-in (teams outside the mapping untouched), an existing account is linked by
// email only when the provider verified it, disabled accounts and other domains are refused, every
// outcome is audited, and nothing takes or sets a password.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { ApiClient } from "../support/api-client";
import { startAppServer, type AppServer } from "../support/app-server";
import { startOidcProvider, type OidcTestProvider } from "../support/oidc-provider";

let dir: string;
let postgres: RunningPostgres;
let provider: OidcTestProvider;
let app: AppServer;
let sql: pg.Client;
let admin: ApiClient;

const account = (email: string, groups: string[], verified = true) => ({
  email,
  email_verified: verified,
  name: email.split("@")[0]!,
  groups,
});

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-sso-db-"));
  postgres = await startEmbeddedPostgres({ dir, persistent: false });
  await applyMigrations(postgres.url);
  const port = await freePort();
  provider = await startOidcProvider({
    redirectUris: [`http://127.0.0.1:${port}/api/auth/callback/oidc`],
    accounts: {
      root: account("root@example.test", ["fleet-admins"]),
      sam: account("sam@example.test", ["fleet-ops", "unmapped"]),
      eve: account("eve@elsewhere.test", ["fleet-ops"]),
      "lee-unverified": account("lee@example.test", [], false),
      lee: account("lee@example.test", []),
    },
  });
  app = await startAppServer({
    databaseUrl: postgres.url,
    port,
    env: {
      ...provider.env,
      OIDC_NAME: "Test IdP",
      LOCAL_ACCOUNTS: "off",
      OIDC_GROUP_TEAMS: "fleet-ops=Operators,fleet-ops=On call,dev=Developers",
      OIDC_ADMIN_GROUPS: "fleet-admins",
      OIDC_ALLOWED_DOMAINS: "example.test",
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    },
  });
  sql = new pg.Client({ connectionString: postgres.url });
  await sql.connect();
});

afterAll(async () => {
  await sql?.end();
  await app?.stop();
  await provider?.stop();
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser, as it were: the provider remembers who signed in on a client. */
async function signIn(login: string): Promise<{ client: ApiClient; landed: string }> {
  const client = new ApiClient(app.url);
  return { client, landed: await client.ssoSignIn(login) };
}

async function lastSignIn(email: string) {
  const { rows } = await sql.query<{ outcome: string; detail: Record<string, unknown>; actorEmail: string | null }>(
    `select outcome, detail, "actorEmail" from "AuditEvent" where action = 'auth.signin' and target = $1 order by at desc limit 1`,
    [email],
  );
  return rows[0];
}

async function teamsOf(email: string): Promise<string[]> {
  const { rows } = await sql.query<{ name: string }>(
    `select t.name from "Team" t join "TeamMember" m on m."teamId" = t.id join "User" u on u.id = m."userId"
     where u.email = $1 order by t.name`,
    [email],
  );
  return rows.map((r) => r.name);
}

describe("single sign-on with local accounts off", () => {
  it("offers only the SSO button, has no set-up step and refuses passwords", async () => {
    const page = await (await fetch(`${app.url}/login`)).text();
    expect(page).toContain("Sign in with Test IdP");
    expect(page).not.toContain('type="password"');
    const anyone = new ApiClient(app.url);
    expect((await anyone.request("GET", "/api/setup")).json).toEqual({ needsSetup: false });
    const setup = await anyone.request("POST", "/api/setup", {
      email: "first@example.test",
      name: "First",
      password: "a long enough password",
    });
    expect(setup.status).toBe(403);
    expect(setup.json.error).toMatch(/LOCAL_ACCOUNTS=off/);
    expect(await anyone.signIn("first@example.test", "a long enough password")).not.toBeNull();
    expect(anyone.hasSession()).toBe(false);
  });

  it("makes the first administrator from the admin group, with a server-side session and an audit row", async () => {
    const { client, landed } = await signIn("root");
    expect(landed).toBe("/");
    admin = client;
    const users = await admin.request<{ users: { email: string; isAdmin: boolean; sso: boolean }[] }>(
      "GET",
      "/api/admin/users",
    );
    expect(users.status).toBe(200);
    expect(users.json.users).toContainEqual(
      expect.objectContaining({ email: "root@example.test", isAdmin: true, sso: true }),
    );
    const sessions = await admin.request<{ sessions: unknown[] }>("GET", "/api/account/sessions");
    expect(sessions.json.sessions).toHaveLength(1);
    expect(await lastSignIn("root@example.test")).toMatchObject({
      outcome: "SUCCESS",
      actorEmail: "root@example.test",
      detail: { method: "oidc", created: true, admin: true },
    });
  });

  it("gives a new account the mapped teams' membership, and follows its groups at every sign-in", async () => {
    const handMade = await admin.request<{ team: { id: string } }>("POST", "/api/admin/teams", { name: "Hand-made" });
    expect(handMade.status).toBe(201);

    expect((await signIn("sam")).landed).toBe("/");
    expect(await teamsOf("sam@example.test")).toEqual(["On call", "Operators"]);
    const { rows } = await sql.query<{ id: string; isAdmin: boolean }>(
      `select id, "isAdmin" from "User" where email = $1`,
      ["sam@example.test"],
    );
    expect(rows[0]!.isAdmin).toBe(false);
    const added = await admin.request("PUT", `/api/admin/teams/${handMade.json.team.id}/members`, {
      userId: rows[0]!.id,
    });
    expect(added.status).toBe(200);

    provider.accounts.set("sam", account("sam@example.test", ["dev"]));
    expect((await signIn("sam")).landed).toBe("/");
    expect(await teamsOf("sam@example.test")).toEqual(["Developers", "Hand-made"]);
    expect(await lastSignIn("sam@example.test")).toMatchObject({
      outcome: "SUCCESS",
      detail: { method: "oidc", teamsAdded: ["Developers"], teamsRemoved: ["On call", "Operators"] },
    });
  });

  it("links an existing account by email only when the provider verified it", async () => {
    const created = await admin.request<{ user: { id: string }; invitation: unknown }>("POST", "/api/admin/users", {
      email: "lee@example.test",
      name: "Lee",
    });
    expect(created.status).toBe(201);
    expect(created.json.invitation).toBeNull();

    expect((await signIn("lee-unverified")).landed).toBe("/login?error=email-not-verified");
    expect(await lastSignIn("lee@example.test")).toMatchObject({
      outcome: "DENIED",
      detail: { reason: "email-not-verified" },
    });
    const page = await (await fetch(`${app.url}/login?error=email-not-verified`)).text();
    expect(page).toContain("has not verified your email address");

    expect((await signIn("lee")).landed).toBe("/");
    expect(await lastSignIn("lee@example.test")).toMatchObject({ outcome: "SUCCESS", detail: { linked: true } });
    const { rows } = await sql.query<{ id: string; oidcSubject: string }>(
      `select id, "oidcSubject" from "User" where email = 'lee@example.test'`,
    );
    expect(rows).toEqual([{ id: created.json.user.id, oidcSubject: "lee" }]);
  });

  it("refuses an email domain that is not allowed, and creates no account", async () => {
    expect((await signIn("eve")).landed).toBe("/login?error=domain-not-allowed");
    expect(await lastSignIn("eve@elsewhere.test")).toMatchObject({
      outcome: "DENIED",
      detail: { reason: "domain-not-allowed" },
    });
    const { rowCount } = await sql.query(`select 1 from "User" where email = 'eve@elsewhere.test'`);
    expect(rowCount).toBe(0);
  });

  it("refuses a disabled account", async () => {
    const { rows } = await sql.query<{ id: string }>(`select id from "User" where email = 'sam@example.test'`);
    expect((await admin.request("PATCH", `/api/admin/users/${rows[0]!.id}`, { disabled: true })).status).toBe(200);
    expect((await signIn("sam")).landed).toBe("/login?error=disabled");
    expect(await lastSignIn("sam@example.test")).toMatchObject({ outcome: "DENIED", detail: { reason: "disabled" } });
  });

  it("refuses every way of choosing a password", async () => {
    const { client: lee } = await signIn("lee");
    const own = await lee.request("POST", "/api/account/password", {
      currentPassword: "anything at all",
      newPassword: "another long password",
    });
    expect(own.status).toBe(403);
    expect(own.json.error).toMatch(/local accounts are turned off/);
    const { rows } = await sql.query<{ id: string }>(`select id from "User" where email = 'lee@example.test'`);
    const userId = rows[0]!.id;
    const set = await admin.request("PUT", `/api/admin/users/${userId}/password`, {
      password: "another long password",
    });
    expect(set.status).toBe(403);
    expect((await admin.request("POST", `/api/admin/users/${userId}/invitation`)).status).toBe(403);
    const withPassword = await admin.request("POST", "/api/admin/users", {
      email: "pat@example.test",
      name: "Pat",
      password: "another long password",
    });
    expect(withPassword.status).toBe(403);
    const { rows: hashes } = await sql.query(`select 1 from "User" where "passwordHash" is not null`);
    expect(hashes).toHaveLength(0);
  });
});
