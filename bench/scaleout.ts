// `npm run bench:scaleout`: two instances on one database, BENCH_SOCKETS (500) browser-like sockets
// spread over them, each watching the endpoint list and one container's live logs, against the
// floor: the same container's log stream read straight from the engine, in the same run.
// Figures: fan-out delay (the engine's timestamp of a line → its arrival at each socket; the floor is
// the same delay on the direct stream), lines delivered per second over all sockets, each instance's
// resident memory, the upstream log streams the instances hold (from /api/metrics: one per instance,
// not per socket), and the delay of an endpoint added through one instance to every socket.
// BENCH_NO_LOGS=1 leaves the log subscriptions out (the endpoint list alone), to tell their memory
// and delay from the sockets'.
// Prints one summary line last: bench-scaleout key=value …
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/migrate";
import { receiveFrame, type WireFrame } from "../lib/streams/wire-frame";
import { ApiClient } from "../tests/support/api-client";
import { startAppServer, type AppServer } from "../tests/support/app-server";
import { testEngine } from "../tests/support/engine";
import { distinctFreePorts, startBalancer } from "../tests/support/tcp-balancer";
import { percentile, processStats } from "./support/proc";
import { formatFigures } from "./support/summary";
import { directLogDelays } from "./scaleout/direct-logs";
import { memoryBreakdown, upstreamLogStreams } from "./scaleout/metrics";
import { signedInPeople } from "./scaleout/people";

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const METRICS_TOKEN = "bench-scaleout-metrics";
const ADMIN = { email: "bench@example.test", password: "benchmark password" };

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-bench-scaleout-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  await applyMigrations(pg.url);
  const ports = (await distinctFreePorts(2)) as [number, number];
  const balancer = await startBalancer(ports);
  const env = {
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
    NEXTAUTH_SECRET: "bench scale-out: one shared session-signing secret",
    NEXTAUTH_URL: balancer.url,
    METRICS_TOKEN,
  };
  const instances: AppServer[] = await Promise.all(
    ports.map((port) => startAppServer({ databaseUrl: pg.url, port, env })),
  );
  const engine = testEngine(0);
  const sockets: Socket[] = [];
  const idleRss = instances.map((app) => processStats(app.pid).rssMb);
  try {
    const admin = new ApiClient(balancer.url);
    if (await admin.signIn(ADMIN.email, ADMIN.password)) throw new Error("admin sign-in failed");
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "bench-engine1",
      connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
    });
    const endpointId = created.json.endpoint.id;
    // Viewers are people with VIEWER on every endpoint (10 sockets each: a person's tabs), so per-person
    // limits hold as in real use.
    const people = await signedInPeople(admin, balancer.url, Math.ceil(SOCKETS / 10));
    const container = await engine.run(["sh", "-c", "sleep 2; exec emit-lines " + RATE + " 0"]);

    // Sockets alternate between the instances, as a balancer spreads new connections.
    const delays: number[] = [];
    let delivered = 0;
    const endpointSeen: number[] = [];
    let endpointSent = 0;
    await Promise.all(
      Array.from({ length: SOCKETS }, async (_, i) => {
        const instance = instances[i % instances.length]!;
        const socket = io(instance.url, {
          transports: ["websocket"],
          extraHeaders: { cookie: people[i % people.length]!.cookie },
          reconnection: false,
        });
        sockets.push(socket);
        socket.on("logs:frame", (wire: WireFrame, ack?: () => void) => {
          const now = Date.now();
          const frame = receiveFrame(wire);
          for (const line of frame.lines) {
            delays.push(now - Date.parse(line.ts));
            delivered++;
          }
          ack?.();
        });
        let seen = false;
        socket.on("endpoint:changed", () => {
          if (!endpointSent || seen) return;
          seen = true;
          endpointSeen.push(Date.now() - endpointSent);
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        await socket.timeout(60_000).emitWithAck("endpoints:watch");
        if (process.env.BENCH_NO_LOGS) return;
        const ack = (await socket.timeout(60_000).emitWithAck("logs:subscribe", {
          endpointId,
          target: { kind: "container", containerId: container.id },
          tail: 0,
        })) as {
          ok: boolean;
          error?: string;
        };
        if (!ack.ok) throw new Error(`subscribe: ${ack.error}`);
      }),
    );
    console.log(`[bench] ${SOCKETS} sockets subscribed over ${instances.length} instances`);
    await new Promise((r) => setTimeout(r, 3000));
    delays.length = 0;
    delivered = 0;

    const floor = directLogDelays(engine.docker, container.id);
    const started = Date.now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const elapsed = (Date.now() - started) / 1000;
    const lines = delivered;
    const fanout = [...delays];
    const floorDelays = floor.stop();
    const upstream = await upstreamLogStreams(instances, METRICS_TOKEN);
    const rss = instances.map((app) => processStats(app.pid).rssMb);
    console.log(
      `[bench] first instance's memory: ${JSON.stringify(await memoryBreakdown(instances[0]!, METRICS_TOKEN))}`,
    );

    // One endpoint added through the first instance: how long until every socket has it.
    endpointSent = Date.now();
    await admin.request("POST", `${instances[0]!.url}/api/endpoints`, {
      name: "bench-engine1-again",
      connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
    });
    for (let waited = 0; endpointSeen.length < SOCKETS && waited < 30_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));

    const figures = {
      sockets: SOCKETS,
      instances: instances.length,
      fanout_p50_ms: percentile(fanout, 0.5),
      fanout_p99_ms: percentile(fanout, 0.99),
      floor_p50_ms: percentile(floorDelays, 0.5),
      floor_p99_ms: percentile(floorDelays, 0.99),
      lines_lps: Math.round(lines / elapsed),
      source_lps: Math.round(floorDelays.length / elapsed),
      endpoint_p99_ms: endpointSeen.length ? percentile(endpointSeen, 0.99) : -1,
      endpoint_reached: endpointSeen.length,
      rss_mb_idle: Math.round(Math.max(...idleRss)),
      rss_mb_per_instance: Math.round(Math.max(...rss)),
      upstream_streams: upstream,
    };
    console.log(`[bench] ${JSON.stringify(figures)}`);
    const { sockets: s, instances: n, fanout_p99_ms, lines_lps, rss_mb_per_instance, upstream_streams } = figures;
    console.log(
      `bench-scaleout ${formatFigures({ sockets: s, instances: n, fanout_p99_ms, lines_lps, rss_mb_per_instance, upstream_streams })}`,
    );
  } finally {
    sockets.forEach((socket) => socket.close());
    await engine.cleanup();
    await Promise.all(instances.map((app) => app.stop()));
    await balancer.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
