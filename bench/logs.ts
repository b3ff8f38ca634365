// `npm run bench:logs`: log streaming through the dashboard beside the floor (the engine or API
// server read directly by a plain Node process), in one run, against the test environment's
// engines and kwok cluster. BENCH_PARTS picks parts (default: all):
//   first       time to first line of tail 300, Docker and Kubernetes
//   throughput  one busy container, lines/s vs the floor, server CPU per 10k lines
//   merged      50 containers × 200 lines/s + 20 pods × 200 lines/s to one viewer vs the floor
//   slow        a slow viewer beside a normal one for BENCH_SLOW_SECONDS (600): server RSS growth
//   browser     Chromium at 5,000 lines/s for BENCH_BROWSER_SECONDS (120): frame p95, JS heap
// Prints one summary line: bench-logs key=value …
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { readTestEnv } from "../scripts/testenv/state";
import { ApiClient } from "../tests/support/api-client";
import { startAppServer } from "../tests/support/app-server";
import { browserBench } from "./logs/browser";
import { benchResources, type BenchContext } from "./logs/context";
import { firstLineBench } from "./logs/first-line";
import { mergedBench } from "./logs/merged";
import { slowConsumerBench } from "./logs/slow-consumer";
import { throughputBench } from "./logs/throughput";
import { formatFigures as format } from "./support/summary";

const ADMIN = { email: "bench@example.test", password: "benchmark password" };
const PARTS = (process.env.BENCH_PARTS ?? "first,throughput,merged,slow,browser").split(",");

async function main() {
  const env = readTestEnv();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-bench-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  const app = await startAppServer({
    databaseUrl: pg.url,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  const res = benchResources(env);
  const figures: Record<string, number | string> = {};
  try {
    const client = new ApiClient(app.url);
    if (await client.signIn(ADMIN.email, ADMIN.password)) throw new Error("sign-in failed");
    const engineIds: string[] = [];
    for (const [i, engine] of env.docker.entries()) {
      const created = await client.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
        name: `bench-engine${i + 1}`,
        connection: { kind: "docker", transport: "socket", socketPath: engine.socketPath },
      });
      engineIds.push(created.json.endpoint.id);
    }
    const cluster = env.kubernetes[0]!;
    const clusterCreated = await client.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "bench-cluster",
      connection: {
        kind: "kubernetes-kubeconfig",
        kubeconfig: readFileSync(cluster.adminKubeconfig, "utf8"),
        context: "admin",
      },
    });
    const ctx: BenchContext = {
      app,
      cookie: client.cookie,
      engineIds,
      clusterId: clusterCreated.json.endpoint.id,
      podLogFile: cluster.podLogFile,
      res,
    };
    const parts: [string, () => Promise<Record<string, number | string>>][] = [
      ["first", () => firstLineBench(ctx)],
      ["throughput", () => throughputBench(ctx)],
      ["merged", () => mergedBench(ctx)],
      ["slow", () => slowConsumerBench(ctx)],
      ["browser", () => browserBench(ctx, ADMIN)],
    ];
    for (const [name, run] of parts) {
      if (!PARTS.includes(name)) continue;
      console.error(`[bench] ${name}…`);
      const result = await run();
      console.error(`[bench] ${name}: ${format(result)}`);
      Object.assign(figures, result);
    }
    console.log(`bench-logs ${format(figures)}`);
  } finally {
    await res.cleanup();
    await app.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
