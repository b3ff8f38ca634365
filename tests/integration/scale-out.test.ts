// Two instances on one database behind a load balancer, as a team runs Fleetdeck at scale: what one
// instance does reaches tabs connected to the other; background checks run on one; sign-in limits
// count across both; a crash and a rolling restart move live log viewers to the other instance
// with no line missed and none repeated.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import type { EndpointView } from "@/lib/endpoints/view";
import { receiveFrame, type WireFrame } from "@/lib/streams/wire-frame";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { startAppServer, type AppServer } from "../support/app-server";
import { testEngine } from "../support/engine";
import { signInFrom } from "../support/signin-from";
import { distinctFreePorts, startBalancer, type Balancer } from "../support/tcp-balancer";

const ADMIN = { email: "scale-admin@example.test", password: "correct horse battery staple" };
const LEADER_LINE = "this instance runs the background checks";
const engine = testEngine(0);
const sockets: Socket[] = [];
let pgServer: RunningPostgres;
let dbDir: string;
let balancer: Balancer;
let ports: [number, number];
const instances: AppServer[] = [];
let admin: ApiClient;
let env: Record<string, string>;

const start = (port: number) =>
  startAppServer({ databaseUrl: pgServer.url, port, env }).then((app) => (instances.push(app), app));

function connect(url: string, cookie: string): Socket {
  const socket = io(url, { transports: ["websocket"], extraHeaders: { cookie }, reconnectionDelayMax: 1000 });
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  dbDir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-scale-db-"));
  pgServer = await startEmbeddedPostgres({ dir: dbDir, persistent: false });
  await applyMigrations(pgServer.url);
  ports = (await distinctFreePorts(2)) as [number, number];
  balancer = await startBalancer([...ports]);
  env = {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    NEXTAUTH_SECRET: "scale-out test secret, the same on every instance",
    NEXTAUTH_URL: balancer.url,
    ENDPOINT_CHECK_INTERVAL_SECONDS: "2",
    SIGNIN_MAX_FAILURES: "2",
    SHUTDOWN_TIMEOUT_SECONDS: "5",
  };
  // In port order (instances[0] is on ports[0]), whichever answered first.
  instances.push(...(await Promise.all(ports.map((port) => startAppServer({ databaseUrl: pgServer.url, port, env })))));
  admin = new ApiClient(balancer.url);
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
}, 180_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
  await Promise.all(instances.map((app) => app.stop()));
  await balancer?.close();
  await pgServer?.stop();
  rmSync(dbDir, { recursive: true, force: true });
}, 60_000);

describe("several instances on one database", () => {
  it("a tab on B sees an endpoint added through A, its status from the checking instance and the audit row", async () => {
    const [a, b] = instances as [AppServer, AppServer];
    const tab = connect(b.url, admin.cookie);
    const changed: EndpointView[] = [];
    const statuses: { id: string; status: string }[] = [];
    const auditRows: { action: string; endpointId: string | null }[] = [];
    tab.on("endpoint:changed", (e: { endpoint: EndpointView }) => changed.push(e.endpoint));
    tab.on("endpoint:status", (e: { id: string; status: string }) => statuses.push(e));
    tab.on("audit:row", (row: { action: string; endpointId: string | null }) => auditRows.push(row));
    expect(await tab.timeout(10_000).emitWithAck("endpoints:watch")).toMatchObject({ ok: true });
    expect(await tab.timeout(10_000).emitWithAck("audit:watch", {})).toMatchObject({ ok: true });

    const sent = Date.now();
    let answered = 0;
    let seen = 0;
    tab.on("endpoint:changed", () => void (seen ||= Date.now()));
    const created = await admin.request<{ endpoint: { id: string } }>("POST", `${a.url}/api/endpoints`, {
      name: "scale-engine1",
      connection: { kind: "docker", transport: "socket", socketPath: readTestEnv().docker[0]!.socketPath },
    });
    answered = Date.now();
    expect(created.status).toBe(201);
    const id = created.json.endpoint.id;
    await expect.poll(() => changed.some((e) => e.id === id), { timeout: 10_000 }).toBe(true);
    console.log(
      `[figure] POST on A answered in ${answered - sent} ms (connection test included); the tab on B had it ${seen - answered} ms after the answer`,
    );
    await expect.poll(() => auditRows.some((r) => r.action === "endpoint.create"), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => statuses.some((s) => s.id === id && s.status === "UP"), { timeout: 20_000 }).toBe(true);
  });

  it("started both instances at once on the empty database: one administrator was made", async () => {
    const client = new pg.Client({ connectionString: pgServer.url });
    await client.connect();
    const admins = await client.query<{ email: string }>(`select email from "User" where "isAdmin"`);
    await client.end();
    expect(admins.rows.map((r) => r.email)).toEqual([ADMIN.email]);
    expect(instances.every((app) => app.output().includes("ready on"))).toBe(true);
  });

  it("runs the background health checks on exactly one instance", async () => {
    await expect.poll(() => instances.filter((app) => app.output().includes(LEADER_LINE)).length).toBe(1);
  });

  it("counts failed sign-ins of one address across both instances", async () => {
    const [a, b] = instances as [AppServer, AppServer];
    const from = "127.0.0.61";
    // SIGNIN_MAX_FAILURES=2: the address is refused after 4 × 2 failures, wherever they happened.
    for (let i = 0; i < 8; i++) {
      const answer = await signInFrom(i % 2 ? b.url : a.url, from, {
        email: `nobody-${i}@example.test`,
        password: `wrong guess ${i}`,
      });
      expect(answer.error).toMatch(/wrong email or password/);
    }
    for (const app of [a, b])
      expect((await signInFrom(app.url, from, ADMIN)).error).toMatch(/too many failed sign-ins/);
  });

  it("ends a tab on B at once when its user is disabled through A", async () => {
    const [a, b] = instances as [AppServer, AppServer];
    const email = `disabled-${Date.now()}@example.test`;
    const created = await admin.request<{ user: { id: string } }>("POST", `${a.url}/api/admin/users`, {
      email,
      name: "Soon disabled",
      password: "a long enough password",
    });
    expect(created.status).toBe(201);
    const person = new ApiClient(b.url);
    expect(await person.signIn(email, "a long enough password")).toBeNull();
    const tab = connect(b.url, person.cookie);
    const ended: string[] = [];
    tab.on("session:ended", (e: { reason: string }) => ended.push(e.reason));
    await expect.poll(() => tab.connected, { timeout: 10_000 }).toBe(true);
    const patched = await admin.request("PATCH", `${a.url}/api/admin/users/${created.json.user.id}`, {
      disabled: true,
    });
    expect(patched.status).toBe(200);
    await expect.poll(() => ended.length, { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("moves a live log viewer through a crash and a rolling restart: every line once, in order", async () => {
    const [a, b] = instances as [AppServer, AppServer];
    const endpoints = await admin.request<{ endpoints: { id: string; name: string }[] }>("GET", "/api/endpoints");
    const endpointId = endpoints.json.endpoints.find((e) => e.name === "scale-engine1")!.id;
    const container = await engine.run(["emit-lines", "25", "0"]);

    // What the browser's log view does: subscribe on every (re)connect, resuming after the last
    // timestamp it holds per member.
    balancer.order = [ports[0], ports[1]];
    const viewer = connect(balancer.url, admin.cookie);
    const texts: string[] = [];
    const resume = new Map<string, string>();
    viewer.on("logs:frame", (wire: WireFrame, ack?: () => void) => {
      const frame = receiveFrame(wire);
      for (const line of frame.lines) texts.push(line.text);
      if (frame.lines.length) resume.set(frame.member, frame.lines.at(-1)!.ts);
      ack?.();
    });
    const subscribe = () =>
      void viewer.emit(
        "logs:subscribe",
        {
          endpointId,
          target: { kind: "container", containerId: container.id },
          tail: 5000,
          resume: Object.fromEntries(resume),
        },
        () => {},
      );
    viewer.on("connect", subscribe);
    await expect.poll(() => texts.length, { timeout: 15_000 }).toBeGreaterThan(40);
    expect(balancer.openTo(ports[0])).toBeGreaterThan(0);
    const leaderWasA = a.output().includes(LEADER_LINE);

    // A crashes: the viewer's connection drops and the balancer sends it to B.
    await a.kill("SIGKILL");
    const atCrash = texts.length;
    await expect.poll(() => texts.length, { timeout: 30_000 }).toBeGreaterThan(atCrash + 40);
    expect(balancer.openTo(ports[1])).toBeGreaterThan(0);
    if (leaderWasA) await expect.poll(() => b.output().includes(LEADER_LINE), { timeout: 15_000 }).toBe(true);

    // A comes back; B is stopped the way a rolling update does it (SIGTERM).
    const again = await start(ports[0]);
    await b.kill("SIGTERM");
    expect(b.output()).toMatch(/stopping: \d+ socket\(s\) sent elsewhere/);
    expect(b.output()).toContain("stopped");
    const atStop = texts.length;
    await expect.poll(() => texts.length, { timeout: 30_000 }).toBeGreaterThan(atStop + 40);
    expect(balancer.openTo(ports[0])).toBeGreaterThan(0);
    // The survivor took the background checks over.
    await expect.poll(() => again.output().includes(LEADER_LINE), { timeout: 15_000 }).toBe(true);

    await container.kill();
    await new Promise((r) => setTimeout(r, 1500));
    const numbers = texts.map((t) => Number(/^line (\d+)$/.exec(t)?.[1]));
    console.log(`[figure] ${numbers.length} lines through a crash and a rolling restart`);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  }, 180_000);
});
