// Administration of people, teams and grants through the API, against the real app and database:
// invitations work once, only administrators (and team leaders, for their own members) may change
// access, grants by tag and by team take effect on the next request, the last administrator stays.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { createUser, testDb } from "../support/seed";

const stamp = Date.now().toString(36);
let admin: ApiClient;
let endpointId = "";

const signedIn = async (email: string, password: string) => {
  const client = new ApiClient(inject("appUrl"));
  expect(await client.signIn(email, password)).toBeNull();
  return client;
};

beforeAll(async () => {
  admin = await signedIn(ADMIN.email, ADMIN.password);
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `admin-${stamp}`,
    connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[0]!.socketPath },
    tags: [`prod-${stamp}`],
  });
  expect(created.status).toBe(201);
  endpointId = created.json.endpoint.id;
});

afterAll(async () => {
  await admin.request("DELETE", `/api/endpoints/${endpointId}`);
});

describe("people", () => {
  it("invites someone with a one-time link that works once", async () => {
    const email = `invited-${stamp}@example.test`;
    const made = await admin.request<{ invitation: { path: string } }>("POST", "/api/admin/users", {
      email,
      name: "Ivy Invited",
    });
    expect(made.status).toBe(201);
    const token = made.json.invitation.path.split("/").pop()!;
    const password = "an invited person's password";
    const anonymous = new ApiClient(inject("appUrl"));
    expect((await anonymous.request("GET", `/api/invitations/${token}`)).json).toMatchObject({ email });
    expect((await anonymous.request("POST", `/api/invitations/${token}`, { password })).status).toBe(200);
    await signedIn(email, password);
    const again = await anonymous.request("POST", `/api/invitations/${token}`, { password: "another long password" });
    expect(again.status).toBe(400);
    expect(again.json.error).toMatch(/expired or was already used/);
    // The link's token is nowhere in the audit log.
    const rows = await (await testDb()).auditEvent.findMany({ where: { target: email } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["user.create", "user.accept-invitation"]));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("refuses everyone but administrators, changes nothing, and audits the refusal", async () => {
    const user = await createUser();
    const client = await signedIn(user.email, user.password);
    const email = `sneaky-${stamp}@example.test`;
    const refused = await client.request("POST", "/api/admin/users", {
      email,
      name: "x",
      password: "long enough password",
    });
    expect(refused.status).toBe(403);
    expect(await (await testDb()).user.findUnique({ where: { email } })).toBeNull();
    expect((await client.request("GET", "/api/admin/users")).status).toBe(403);
    const denied = await (
      await testDb()
    ).auditEvent.findFirst({
      where: { actorId: user.id, outcome: "DENIED", action: "user.manage" },
    });
    expect(denied).not.toBeNull();
  });

  it("answers bad input with a 400 in words", async () => {
    const both = await admin.request("POST", "/api/admin/grants", {
      userId: "u",
      teamId: "t",
      allEndpoints: true,
      role: "VIEWER",
    });
    expect(both.status).toBe(400);
    expect(both.json.error).toMatch(/a user or to a team/);
    const role = await admin.request("POST", "/api/admin/grants", { userId: "u", allEndpoints: true, role: "ROOT" });
    expect(role.status).toBe(400);
    const email = await admin.request("POST", "/api/admin/users", { email: "not an email", name: "x" });
    expect(email.status).toBe(400);
  });

  it("never disables, unmakes or deletes the last enabled administrator", async () => {
    const prisma = await testDb();
    const me = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const others = await prisma.user.findMany({
      where: { isAdmin: true, disabled: false, id: { not: me.id } },
      select: { id: true },
    });
    await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: true } });
    try {
      const unmade = await admin.request("PATCH", `/api/admin/users/${me.id}`, { isAdmin: false });
      expect(unmade.status).toBe(409);
      expect(unmade.json.error).toMatch(/last administrator/);
      expect((await admin.request("PATCH", `/api/admin/users/${me.id}`, { disabled: true })).status).toBe(409);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).isAdmin).toBe(true);
    } finally {
      await prisma.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabled: false } });
    }
  });

  it("ends a disabled person's access at once", async () => {
    const user = await createUser();
    const client = await signedIn(user.email, user.password);
    expect((await client.request("GET", "/api/endpoints")).status).toBe(200);
    expect((await admin.request("PATCH", `/api/admin/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await client.request("GET", "/api/endpoints")).status).toBe(401);
  });
});

describe("teams and grants", () => {
  it("gives a team's members the team's access, and takes it with the membership", async () => {
    const user = await createUser();
    const client = await signedIn(user.email, user.password);
    const see = async () => (await client.request("GET", `/api/endpoints/${endpointId}`)).status;
    expect(await see()).toBe(404);
    const team = await admin.request<{ team: { id: string } }>("POST", "/api/admin/teams", { name: `ops-${stamp}` });
    expect(team.status).toBe(201);
    const teamId = team.json.team.id;
    const granted = await admin.request("POST", "/api/admin/grants", { teamId, endpointId, role: "OPERATOR" });
    expect(granted.status, JSON.stringify(granted.json)).toBe(201);
    expect((await admin.request("PUT", `/api/admin/teams/${teamId}/members`, { userId: user.id })).status).toBe(200);
    expect(await see()).toBe(200);
    const detail = await admin.request<{ access: { endpoints: { id: string; role: string; because: string[] }[] } }>(
      "GET",
      `/api/admin/users/${user.id}`,
    );
    expect(detail.json.access.endpoints.find((e) => e.id === endpointId)).toMatchObject({
      role: "OPERATOR",
      because: [`OPERATOR on admin-${stamp} (team ops-${stamp})`],
    });
    expect((await admin.request("DELETE", `/api/admin/teams/${teamId}/members/${user.id}`)).status).toBe(200);
    expect(await see()).toBe(404);
  });

  it("lets a team leader manage their own team's members, and nothing more", async () => {
    const leader = await createUser();
    const member = await createUser();
    const mine = await admin.request<{ team: { id: string } }>("POST", "/api/admin/teams", { name: `led-${stamp}` });
    const other = await admin.request<{ team: { id: string } }>("POST", "/api/admin/teams", { name: `other-${stamp}` });
    const mineId = mine.json.team.id;
    await admin.request("PUT", `/api/admin/teams/${mineId}/members`, { userId: leader.id, leader: true });
    const client = await signedIn(leader.email, leader.password);
    expect((await client.request("PUT", `/api/admin/teams/${mineId}/members`, { userId: member.id })).status).toBe(200);
    const promote = await client.request("PUT", `/api/admin/teams/${mineId}/members`, {
      userId: member.id,
      leader: true,
    });
    expect(promote.status).toBe(403);
    const elsewhere = await client.request("PUT", `/api/admin/teams/${other.json.team.id}/members`, {
      userId: member.id,
    });
    expect(elsewhere.status).toBe(403);
    expect(
      (await client.request("POST", "/api/admin/grants", { teamId: mineId, allEndpoints: true, role: "VIEWER" }))
        .status,
    ).toBe(403);
    const members = await (await testDb()).teamMember.findMany({ where: { userId: member.id } });
    expect(members.map((m) => [m.teamId, m.leader])).toEqual([[mineId, false]]);
  });

  it("reaches every endpoint carrying a tag, from the next request on", async () => {
    const user = await createUser();
    const client = await signedIn(user.email, user.password);
    const grant = await admin.request<{ grant: { id: string } }>("POST", "/api/admin/grants", {
      userId: user.id,
      endpointTag: `prod-${stamp}`,
      role: "VIEWER",
    });
    expect(grant.status).toBe(201);
    expect((await client.request("GET", `/api/endpoints/${endpointId}/docker/containers`)).status).toBe(200);
    // A viewer may read, not act.
    expect(
      (await client.request("POST", `/api/endpoints/${endpointId}/docker/containers/none/restart`, {})).status,
    ).toBe(403);
    expect((await admin.request("PATCH", `/api/endpoints/${endpointId}`, { tags: [] })).status).toBe(200);
    expect((await client.request("GET", `/api/endpoints/${endpointId}/docker/containers`)).status).toBe(404);
    expect((await admin.request("DELETE", `/api/admin/grants/${grant.json.grant.id}`)).status).toBe(204);
  });
});
