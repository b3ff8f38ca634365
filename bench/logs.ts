// `npm run bench:logs`: log streaming through the dashboard beside the floor (the engine read
// directly by a plain Node process), in one run. Prints one summary line:
//   bench-logs first_line_ms=… floor_first_line_ms=… throughput_lps=… floor_lps=… ratio=… dropped=… rss_growth_mb=…
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import Docker from "dockerode";
import { io } from "socket.io-client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import type { LogFrame } from "../lib/streams/client-queue";
import { readTestEnv } from "../scripts/testenv/state";
import { ApiClient } from "../tests/support/api-client";
import { startAppServer } from "../tests/support/app-server";

const LINES = Number(process.env.BENCH_LOG_LINES ?? 300_000);
const ADMIN = { email: "bench@example.test", password: "benchmark password" };
const env = readTestEnv();
const socketPath = env.docker[1]!.socketPath;
const docker = new Docker({ socketPath });
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

async function container(cmd: string): Promise<Docker.Container> {
  const c = await docker.createContainer({
    Image: env.testImage,
    Cmd: ["sh", "-c", cmd],
    Labels: { "fleetdeck.bench": "1" },
    HostConfig: { NetworkMode: "none" },
  });
  await c.start();
  return c;
}

/** The floor: dockerode's follow stream read by this process, counting lines. */
async function floorRead(
  c: Docker.Container,
  options: { tail?: number; until: (count: number, last: string) => boolean },
): Promise<{ firstMs: number; doneMs: number }> {
  const started = performance.now();
  let first = 0;
  let count = 0;
  const raw = (await c.logs({
    follow: true,
    stdout: true,
    stderr: true,
    timestamps: true,
    tail: options.tail,
  })) as unknown as NodeJS.ReadableStream & { destroy(): void };
  const out = new PassThrough();
  docker.modem.demuxStream(raw, out, new PassThrough());
  return new Promise((resolve) => {
    let rest = "";
    out.on("data", (chunk: Buffer) => {
      if (!first) first = performance.now() - started;
      const parts = (rest + chunk.toString()).split("\n");
      rest = parts.pop() ?? "";
      count += parts.length;
      if (options.until(count, parts.at(-1) ?? "")) {
        raw.destroy();
        resolve({ firstMs: first, doneMs: performance.now() - started });
      }
    });
  });
}

/** The same through the dashboard: a socket.io viewer. */
async function dashboardRead(
  appUrl: string,
  cookie: string,
  endpointId: string,
  c: Docker.Container,
  options: { tail: number; until: (count: number, last: string) => boolean },
): Promise<{ firstMs: number; doneMs: number; dropped: number }> {
  const socket = io(appUrl, { transports: ["websocket"], extraHeaders: { cookie } });
  await new Promise<void>((r) => socket.on("connect", () => r()));
  const started = performance.now();
  let first = 0;
  let count = 0;
  let dropped = 0;
  return new Promise((resolve) => {
    socket.on("logs:frame", (frame: LogFrame, ack: () => void) => {
      ack();
      if (!first && frame.lines.length) first = performance.now() - started;
      count += frame.lines.length;
      dropped += frame.skipped ?? 0;
      if (options.until(count + dropped, frame.lines.at(-1)?.text ?? "")) {
        socket.close();
        resolve({ firstMs: first, doneMs: performance.now() - started, dropped });
      }
    });
    socket.emit(
      "logs:subscribe",
      { endpointId, target: { kind: "container", containerId: c.id }, tail: options.tail },
      () => {},
    );
  });
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-bench-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  const app = await startAppServer({
    databaseUrl: pg.url,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  const cleanup: Docker.Container[] = [];
  try {
    const client = new ApiClient(app.url);
    if (await client.signIn(ADMIN.email, ADMIN.password)) throw new Error("sign-in failed");
    const created = await client.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "bench",
      connection: { kind: "docker", transport: "socket", socketPath },
    });
    const endpointId = created.json.endpoint.id;

    // Time to first line: tail 300 of a container with a large log.
    const big = await container("seq 1 200000; exec sleep 3600");
    cleanup.push(big);
    await new Promise((r) => setTimeout(r, 3000));
    const floorFirst: number[] = [];
    const dashFirst: number[] = [];
    for (let round = 0; round < 5; round++) {
      floorFirst.push((await floorRead(big, { tail: 300, until: (n) => n >= 300 })).firstMs);
      dashFirst.push(
        (await dashboardRead(app.url, client.cookie, endpointId, big, { tail: 300, until: (n) => n >= 300 })).firstMs,
      );
    }

    // Sustained throughput of one busy container: each reader attached before the burst starts.
    const burst = (n: number) => `sleep 2; seq 1 ${n}; exec sleep 3600`;
    const floorBusy = await container(burst(LINES));
    cleanup.push(floorBusy);
    const floor = await floorRead(floorBusy, { tail: 0, until: (_n, last) => last.endsWith(` ${LINES}`) });
    const rssBefore = process.memoryUsage().rss;
    const dashBusy = await container(burst(LINES));
    cleanup.push(dashBusy);
    const dash = await dashboardRead(app.url, client.cookie, endpointId, dashBusy, {
      tail: 0,
      until: (_n, last) => last === String(LINES),
    });
    // Both include the 2 s wait before the burst; subtract it for lines per second of the burst.
    const lps = (ms: number) => LINES / Math.max(0.001, (ms - 2000) / 1000);
    console.log(
      [
        "bench-logs",
        `first_line_ms=${median(dashFirst).toFixed(1)}`,
        `floor_first_line_ms=${median(floorFirst).toFixed(1)}`,
        `throughput_lps=${lps(dash.doneMs).toFixed(0)}`,
        `floor_lps=${lps(floor.doneMs).toFixed(0)}`,
        `ratio=${(lps(dash.doneMs) / lps(floor.doneMs)).toFixed(2)}`,
        `dropped=${dash.dropped}`,
        `bench_client_rss_growth_mb=${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(1)}`,
      ].join(" "),
    );
  } finally {
    await Promise.all(cleanup.map((c) => c.remove({ force: true }).catch(() => {})));
    await app.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
