// What an operator watching Fleetdeck sees: JSON log lines carrying each request's id (answered in
// x-request-id) and never a password or token; Prometheus metrics behind METRICS_TOKEN with request
// durations by route pattern, open sockets, upstream streams and upstream errors by endpoint, watch
// cache objects; liveness and readiness. A server of its own (the shared one has no METRICS_TOKEN),
// on the shared database.
import { readFileSync } from "node:fs";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { startAppServer, type AppServer } from "../support/app-server";
import { say, testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { adminTarget } from "../support/kube-target";
import { kubeWatchSocket } from "../support/kube-watch-socket";
import { logSocket } from "../support/log-socket";

const run = Date.now().toString(36);
const METRICS_TOKEN = `metrics-${run}-0123456789abcdef`;
const engine = testEngine(0);
const sockets: Socket[] = [];
let app: AppServer;
let admin: ApiClient;
const made: string[] = [];
const ids = { docker: "", kube: "" };

async function metrics(token = METRICS_TOKEN) {
  const response = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, text: await response.text() };
}

/** The value of one series, or null when the scrape does not have it. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.split(" ").pop());
  }
  return null;
}

const logLines = () =>
  app
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

async function endpoint(name: string, connection: unknown): Promise<string> {
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", { name, connection });
  expect(created.status).toBe(201);
  made.push(created.json.endpoint.id);
  return created.json.endpoint.id;
}

beforeAll(async () => {
  app = await startAppServer({
    databaseUrl: inject("databaseUrl"),
    env: { ENCRYPTION_KEY: inject("encryptionKey"), METRICS_TOKEN, LOG_LEVEL: "debug", UPSTREAM_TIMEOUT_MS: "3000" },
  });
  admin = new ApiClient(app.url);
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
}, 120_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  for (const id of made) await admin.request("DELETE", `/api/endpoints/${id}`);
  await engine.cleanup();
  await app?.stop();
});

describe("logs", () => {
  it("answers every request with its id and writes JSON lines that carry it", async () => {
    const mine = `obs-${run}-request`;
    const response = await fetch(`${app.url}/api/endpoints`, {
      headers: { cookie: admin.cookie, "x-request-id": mine },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe(mine);
    await expect
      .poll(() => logLines().find((l) => l.requestId === mine))
      .toMatchObject({ level: "info", method: "GET", route: "/api/endpoints", status: 200, component: "http" });

    // An id that could forge log lines is replaced by one of ours.
    const forged = await fetch(`${app.url}/api/health`, { headers: { "x-request-id": 'two words "level":"error"' } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it("names a request by its route pattern, not by the ids in its path", async () => {
    const id = (ids.docker = await endpoint(`obs-docker-${run}`, {
      kind: "docker",
      transport: "socket",
      socketPath: readTestEnv().docker[0]!.socketPath,
    }));
    const mine = `obs-${run}-pattern`;
    const response = await fetch(`${app.url}/api/endpoints/${id}/docker/containers`, {
      headers: { cookie: admin.cookie, "x-request-id": mine },
    });
    expect(response.status).toBe(200);
    await expect
      .poll(() => logLines().find((l) => l.requestId === mine && l.component === "http"))
      .toMatchObject({ route: "/api/endpoints/[id]/docker/containers", status: 200 });
    expect(JSON.stringify(logLines().filter((l) => l.requestId === mine))).not.toContain(id);
  });

  it("never writes a password, a token or a key", async () => {
    const person = new ApiClient(app.url);
    expect(await person.signIn(ADMIN.email, ADMIN.password)).toBeNull();
    expect(await person.signIn(ADMIN.email, "wrong password, logged nowhere")).not.toBeNull();
    const target = adminTarget(0);
    ids.kube = await endpoint(`obs-kube-${run}`, target);
    const { tls } = readTestEnv().docker[0]!;
    const clientKey = readFileSync(tls!.key, "utf8");
    await endpoint(`obs-tls-${run}`, {
      kind: "docker",
      transport: "tcp",
      host: tls!.host,
      port: tls!.port,
      tls: { ca: readFileSync(tls!.ca, "utf8"), cert: readFileSync(tls!.cert, "utf8"), key: clientKey },
    });
    await fetch(`${app.url}/api/endpoints`, { headers: { authorization: `Bearer ${target.auth.token}` } });
    await metrics("a wrong metrics token");
    const output = app.output();
    const databasePassword = decodeURIComponent(new URL(inject("databaseUrl")).password);
    for (const secret of [
      ADMIN.password,
      "wrong password, logged nowhere",
      target.auth.token,
      clientKey.split("\n")[1]!,
      databasePassword,
      inject("encryptionKey"),
      METRICS_TOKEN,
      "a wrong metrics token",
    ])
      expect(output.includes(secret), `a secret in the log: ${secret.slice(0, 6)}…`).toBe(false);
    expect(logLines().filter((l) => l.route === "/api/auth/[...nextauth]").length).toBeGreaterThan(0);
  });
});

describe("metrics", () => {
  it("are off without METRICS_TOKEN, and need the token when on", async () => {
    const off = await fetch(`${inject("appUrl")}/api/metrics`);
    expect(off.status).toBe(404);
    expect(((await off.json()) as { error: string }).error).toMatch(/METRICS_TOKEN/);
    expect((await fetch(`${app.url}/api/metrics`)).status).toBe(401);
    expect((await metrics("not-the-token-at-all")).status).toBe(401);
    // A person's session is not a scraper's token.
    expect((await fetch(`${app.url}/api/metrics`, { headers: { cookie: admin.cookie } })).status).toBe(401);
    const on = await metrics();
    expect(on.status).toBe(200);
    expect(on.text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(on.text).toContain("process_cpu_seconds_total");
  });

  it("time requests by route pattern", async () => {
    const id = ids.docker;
    for (let i = 0; i < 3; i++) await admin.request("GET", `/api/endpoints/${id}/docker/containers`);
    const { text } = await metrics();
    const labels = { method: "GET", route: "/api/endpoints/[id]/docker/containers", status: "200" };
    expect(sample(text, "http_request_duration_seconds_count", labels)).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain(`route="/api/endpoints/${id}`);
  });

  it("count open sockets, and a log stream while someone follows it", async () => {
    const id = ids.docker;
    const container = await engine.run(["sh", "-c", "echo first; exec sleep 300"]);
    const viewer = logSocket(app.url, admin.cookie);
    sockets.push(viewer.socket);
    const before = sample((await metrics()).text, "fleetdeck_log_lines_forwarded_total") ?? 0;
    const ack = await viewer.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: id,
      target: { kind: "container", containerId: container.id },
      tail: 10,
    });
    expect(ack).toMatchObject({ ok: true });
    await say(container, "second");
    await expect.poll(viewer.texts, { timeout: 10_000 }).toEqual(["first", "second"]);
    const during = (await metrics()).text;
    expect(sample(during, "fleetdeck_open_sockets")).toBeGreaterThanOrEqual(1);
    expect(sample(during, "fleetdeck_upstream_streams", { kind: "logs", endpoint: id })).toBe(1);
    expect(sample(during, "fleetdeck_log_lines_forwarded_total")).toBeGreaterThanOrEqual(before + 2);

    const { subscriptionId } = (ack as { data: { subscriptionId: string } }).data;
    await viewer.socket.timeout(10_000).emitWithAck("logs:unsubscribe", { subscriptionId });
    await expect
      .poll(
        async () => sample((await metrics()).text, "fleetdeck_upstream_streams", { kind: "logs", endpoint: id }) ?? 0,
      )
      .toBe(0);
  });

  it("count a cluster's watch and the objects it holds", async () => {
    const kubeId = ids.kube;
    const watcher = kubeWatchSocket(app.url, admin.cookie);
    sockets.push(watcher.socket);
    const reply = await watcher.watch({ endpointId: kubeId, resource: "namespaces" });
    expect(reply.ok).toBe(true);
    const shown = reply.ok ? reply.data.rows.length : 0;
    const { text } = await metrics();
    expect(sample(text, "fleetdeck_watch_cache_objects", { endpoint: kubeId, resource: "namespaces" })).toBe(shown);
    expect(sample(text, "fleetdeck_upstream_streams", { kind: "kube-watch", endpoint: kubeId })).toBeGreaterThanOrEqual(
      1,
    );
  });

  it("count upstream errors by endpoint and kind", async () => {
    const dead = await endpoint(`obs-dead-${run}`, {
      kind: "docker",
      transport: "socket",
      socketPath: `/tmp/fleetdeck-no-such-engine-${run}.sock`,
    });
    expect((await admin.request("GET", `/api/endpoints/${dead}/docker/info`)).status).toBe(502);
    const { text } = await metrics();
    expect(
      sample(text, "fleetdeck_upstream_errors_total", { endpoint: dead, kind: "unreachable" }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, "fleetdeck_db_pool_connections", { state: "idle" })).not.toBeNull();
  });
});

describe("probes", () => {
  it("say the instance is alive and ready", async () => {
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { status: "up" } });
    const ready = await fetch(`${app.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });
});
