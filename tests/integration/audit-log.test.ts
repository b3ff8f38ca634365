// The audit log as its readers use it: administrators find any row with filters, endpoint
// administrators only their endpoints' rows, others are refused; exports are complete and well
// quoted; retention deletes only what is old; new rows are pushed live to who may read them.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AuditPage, AuditRow } from "@/lib/audit/audit-row";
import { deleteExpiredAuditRows } from "@/lib/audit/audit-retention";
import { recordAudit } from "@/lib/audit/record";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { createUser, grant, testDb } from "../support/seed";

const env = readTestEnv();
const run = Date.now().toString(36);
const admin = new ApiClient(inject("appUrl"));
const endpointAdminA = new ApiClient(inject("appUrl"));
const endpointAdminB = new ApiClient(inject("appUrl"));
const viewer = new ApiClient(inject("appUrl"));
let endpointA = "";
let endpointB = "";
let viewerEmail = "";
let viewersTeam = "";
let otherTeam = "";
const sockets: Socket[] = [];

async function signedIn(client: ApiClient, user: { email: string; password: string }) {
  expect(await client.signIn(user.email, user.password)).toBeNull();
}

const page = (client: ApiClient, query: Record<string, string>) =>
  client.request<AuditPage & { error?: string }>("GET", `/api/audit?${new URLSearchParams(query)}`);

beforeAll(async () => {
  const prisma = await testDb();
  await signedIn(admin, await createUser({ isAdmin: true }));
  const make = async (name: string, socketPath: string) =>
    (
      await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
        name,
        connection: { kind: "docker", transport: "socket", socketPath },
      })
    ).json.endpoint.id;
  endpointA = await make(`audit-a-${run}`, env.docker[0]!.socketPath);
  endpointB = await make(`audit-b-${run}`, env.docker[1]!.socketPath);
  for (const [client, endpointId] of [
    [endpointAdminA, endpointA],
    [endpointAdminB, endpointB],
  ] as const) {
    const user = await createUser();
    await grant({ userId: user.id, endpointId, role: "ENDPOINT_ADMIN" });
    await signedIn(client, user);
  }
  const viewerUser = await createUser();
  viewerEmail = viewerUser.email;
  viewersTeam = (await prisma.team.create({ data: { name: `audit-viewers-${run}` } })).id;
  otherTeam = (await prisma.team.create({ data: { name: `audit-others-${run}` } })).id;
  await prisma.teamMember.create({ data: { teamId: viewersTeam, userId: viewerUser.id } });
  await grant({ userId: viewerUser.id, endpointId: endpointA, role: "VIEWER" });
  await signedIn(viewer, viewerUser);
});

afterAll(() => sockets.forEach((s) => s.close()));

describe("reading the audit log", () => {
  it("shows an administrator a viewer's refused change, found with filters", async () => {
    expect((await viewer.request("PATCH", `/api/endpoints/${endpointA}`, { name: "taken-over" })).status).toBe(403);
    const found = await page(admin, {
      actor: viewerEmail.slice(0, 12),
      team: viewersTeam,
      endpointId: endpointA,
      action: "endpoint.",
      outcome: "DENIED",
    });
    expect(found.status).toBe(200);
    expect(found.json.rows).toEqual([
      expect.objectContaining({
        actorEmail: viewerEmail,
        action: "endpoint.update",
        endpointId: endpointA,
        endpointName: `audit-a-${run}`,
        outcome: "DENIED",
      }),
    ]);
    // Each filter narrows: the same search with another team or outcome finds nothing.
    expect((await page(admin, { actor: viewerEmail, team: otherTeam })).json.rows).toEqual([]);
    expect((await page(admin, { actor: viewerEmail, outcome: "SUCCESS", action: "endpoint." })).json.rows).toEqual([]);
    // Free text reaches the actor's email; a time range after now finds nothing.
    expect((await page(admin, { q: viewerEmail, outcome: "DENIED" })).json.rows.length).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect((await page(admin, { actor: viewerEmail, from: tomorrow })).json.rows).toEqual([]);
  });

  it("searches the detail as text and pages newest first without repeats", async () => {
    const marker = `paging-${run}`;
    for (let i = 0; i < 5; i++) await recordAudit({ action: "test.paging", outcome: "SUCCESS", detail: { marker, i } });
    const seen: AuditRow[] = [];
    let before: string | null = null;
    const sizes: number[] = [];
    do {
      const response: Awaited<ReturnType<typeof page>> = await page(admin, {
        q: marker,
        limit: "2",
        ...(before ? { before } : {}),
      });
      expect(response.status).toBe(200);
      sizes.push(response.json.rows.length);
      seen.push(...response.json.rows);
      before = response.json.next;
    } while (before);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen.map((r) => (r.detail as { i: number }).i)).toEqual([4, 3, 2, 1, 0]);
  });

  it("shows an endpoint administrator their endpoint's rows and not another's", async () => {
    const marker = `scope-${run}`;
    await recordAudit({ action: "test.scope", target: marker, endpointId: endpointA, outcome: "SUCCESS" });
    await recordAudit({ action: "test.scope", target: marker, endpointId: endpointB, outcome: "SUCCESS" });
    await recordAudit({ action: "test.scope", target: marker, outcome: "SUCCESS" });
    const ofA = await page(endpointAdminA, { q: marker });
    expect(ofA.status).toBe(200);
    expect(ofA.json.rows.map((r) => r.endpointId)).toEqual([endpointA]);
    expect((await page(endpointAdminA, { q: marker, endpointId: endpointB })).json.rows).toEqual([]);
    expect((await page(endpointAdminB, { q: marker })).json.rows.map((r) => r.endpointId)).toEqual([endpointB]);
    expect((await page(admin, { q: marker })).json.rows).toHaveLength(3);
  });

  it("refuses a viewer with 403, and the refusal is itself audited", async () => {
    const refused = await page(viewer, {});
    expect(refused.status).toBe(403);
    expect((await viewer.raw("GET", "/api/audit/export?format=csv")).status).toBe(403);
    const denied = await page(admin, { actor: viewerEmail, action: "audit.read", outcome: "DENIED" });
    expect(denied.json.rows.length).toBeGreaterThanOrEqual(2);
  });

  it("answers bad query input with 400 and a message naming the field", async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ limit: "999" }, /limit/],
      [{ outcome: "MAYBE" }, /outcome/],
      [{ from: "yesterday" }, /from: an ISO time/],
      [{ from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z" }, /from must not be after to/],
      [{ before: "not-a-cursor" }, /before/],
      [{ bogus: "1" }, /bogus/],
    ];
    for (const [query, message] of cases) {
      const response = await page(admin, query);
      expect([JSON.stringify(query), response.status]).toEqual([JSON.stringify(query), 400]);
      expect(response.json.error).toMatch(message);
    }
    const badExport = await admin.raw("GET", "/api/audit/export?format=xml");
    expect(badExport.status).toBe(400);
    expect(badExport.json.error).toMatch(/format/);
  });
});

describe("exporting the audit log", () => {
  const marker = `export-${run}`;
  const tricky = `web, "prod" box ${marker}`;

  beforeAll(async () => {
    await recordAudit({ action: "test.export", target: tricky, endpointId: endpointA, outcome: "FAILURE" });
    await recordAudit({ action: "test.export", target: `plain ${marker}`, outcome: "SUCCESS", detail: { a: 1 } });
  });

  it("streams CSV with a header row and quotes a target holding a comma and a quote", async () => {
    const response = await fetch(`${inject("appUrl")}/api/audit/export?format=csv&action=test.export&q=${marker}`, {
      headers: { cookie: admin.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("at,actorEmail,address,endpointId,endpointName,action,target,outcome,detail");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,plain ${marker},SUCCESS,"{""a"":1}"`);
    expect(lines[2]).toContain(`,audit-a-${run},test.export,"web, ""prod"" box ${marker}",FAILURE,`);
  });

  it("streams JSON lines, one row object per line, and audits the export", async () => {
    const response = await admin.raw("GET", `/api/audit/export?format=jsonl&action=test.&q=${marker}`);
    expect(response.status).toBe(200);
    const rows = response.text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as AuditRow);
    expect(rows.map((r) => r.target)).toEqual([`plain ${marker}`, tricky]);
    expect(rows[0]!.detail).toEqual({ a: 1 });
    const exports = await page(admin, { action: "audit.export", q: marker });
    expect(exports.json.rows.length).toBeGreaterThanOrEqual(2);
    expect(exports.json.rows[0]!.detail).toMatchObject({ format: "jsonl", filter: { action: "test.", q: marker } });
  });

  it("exports every matching row across pages, within the reader's scope", async () => {
    const many = `many-${run}`;
    const prisma = await testDb();
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 1_203 }, (_, i) => ({
        action: "test.many",
        target: `${many}-${i}`,
        outcome: "SUCCESS" as const,
        endpointId: i % 2 ? endpointA : endpointB,
      })),
    });
    const all = await admin.raw("GET", `/api/audit/export?format=jsonl&action=test.many&q=${many}`);
    expect(new Set(all.text.trimEnd().split("\n")).size).toBe(1_203);
    const mine = await endpointAdminA.raw("GET", `/api/audit/export?format=csv&q=${many}`);
    expect(mine.text.trimEnd().split("\n")).toHaveLength(1 + 601);
  });
});

describe("retention", () => {
  it("deletes only rows older than the setting, in batches", async () => {
    const prisma = await testDb();
    const marker = `retention-${run}`;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await prisma.auditEvent.createMany({
      data: [40, 31, 29, 1].map((days) => ({
        action: "test.retention",
        target: `${marker}-${days}`,
        outcome: "SUCCESS" as const,
        at: daysAgo(days),
      })),
    });
    expect(await deleteExpiredAuditRows({ days: 0 })).toBe(0);
    const deleted = await deleteExpiredAuditRows({ days: 30, batchSize: 1 });
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = await prisma.auditEvent.findMany({ where: { action: "test.retention" }, select: { target: true } });
    expect(left.map((r) => r.target).sort()).toEqual([`${marker}-1`, `${marker}-29`]);
  });
});

describe("live audit rows", () => {
  const connect = (client: ApiClient) => {
    const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie: client.cookie } });
    sockets.push(socket);
    const rows: AuditRow[] = [];
    socket.on("audit:row", (row: AuditRow) => rows.push(row));
    return { socket, rows };
  };

  it("pushes a new row to a watching administrator and not to an endpoint admin of another endpoint", async () => {
    const adminTab = connect(admin);
    const otherFilterTab = connect(admin);
    const ownerTab = connect(endpointAdminA);
    const strangerTab = connect(endpointAdminB);
    const watch = (tab: { socket: Socket }, filter: Record<string, string>) =>
      tab.socket.timeout(10_000).emitWithAck("audit:watch", filter);
    expect(await watch(adminTab, { endpointId: endpointA, outcome: "DENIED" })).toEqual({
      ok: true,
      data: { scope: "all" },
    });
    expect(await watch(otherFilterTab, { outcome: "SUCCESS", action: "endpoint." })).toMatchObject({ ok: true });
    expect(await watch(ownerTab, {})).toEqual({ ok: true, data: { scope: "endpoints" } });
    expect(await watch(strangerTab, {})).toEqual({ ok: true, data: { scope: "endpoints" } });
    const viewerTab = connect(viewer);
    expect(await watch(viewerTab, {})).toEqual({ ok: false, error: "you may not read the audit log" });

    // Recorded by the server (route code), as any refusal is.
    expect((await viewer.request("PATCH", `/api/endpoints/${endpointA}`, { name: "live-attempt" })).status).toBe(403);
    const isIt = (r: AuditRow) => r.actorEmail === viewerEmail && r.action === "endpoint.update";
    await expect.poll(() => adminTab.rows.some(isIt), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => ownerTab.rows.some(isIt), { timeout: 10_000 }).toBe(true);
    expect(adminTab.rows.find(isIt)).toMatchObject({ endpointName: `audit-a-${run}`, outcome: "DENIED" });
    // Time for a wrong push to arrive, had there been one.
    await new Promise((r) => setTimeout(r, 500));
    expect(strangerTab.rows.filter(isIt)).toEqual([]);
    expect(otherFilterTab.rows.filter(isIt)).toEqual([]);
    expect(viewerTab.rows).toEqual([]);

    // After audit:unwatch nothing more comes.
    expect(await ownerTab.socket.timeout(10_000).emitWithAck("audit:unwatch")).toEqual({ ok: true, data: null });
    const before = ownerTab.rows.length;
    expect((await viewer.request("PATCH", `/api/endpoints/${endpointA}`, { name: "again" })).status).toBe(403);
    await expect.poll(() => adminTab.rows.filter(isIt).length, { timeout: 10_000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(ownerTab.rows.length).toBe(before);
  });
});
