// `npm run bench:palette`: the command palette's answer time over HTTP for 3-letter queries, with
// two Docker engines of BENCH_CONTAINERS (300) containers each and both test clusters added.
// Prints one summary line:
//   bench-palette containers=2x300 clusters=2 queries=… first_ms=… p50_ms=… p95_ms=… max_ms=…
//     search_p50_ms=… search_p95_ms=… (the search alone, Server-Timing) floor_p50_ms=… floor_p95_ms=…
//     (the same route refusing an empty query: sign-in check and HTTP) socket_p50_ms=… socket_p95_ms=…
//     (palette:search over socket.io, what the palette in the browser uses)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Docker from "dockerode";
import { io } from "socket.io-client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import type { PaletteAnswer } from "../lib/search/palette-item";
import { readTestEnv } from "../scripts/testenv/state";
import { ApiClient } from "../tests/support/api-client";
import { startAppServer } from "../tests/support/app-server";
import { adminTarget } from "../tests/support/kube-target";
import { ensureBenchContainers, removeBenchContainers } from "./support/bench-containers";

const COUNT = Number(process.env.BENCH_CONTAINERS ?? 300);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const ADMIN = { email: "bench@example.test", password: "benchmark password" };
const env = readTestEnv();
const pick = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;

/** 3-letter pieces of names that exist (containers, stacks, workloads, pods), and a few that do not. */
function queries(): string[] {
  const words = ["bench-0123", "bench-7", "web", "db", "nightly", "sample", "team-a", "node", "kube-system", "zzq"];
  const out: string[] = [];
  for (let i = 0; out.length < QUERIES; i++) {
    const word = words[i % words.length]!;
    const at = (i * 7) % Math.max(1, word.length - 2);
    out.push(word.length >= 3 ? word.slice(at, at + 3) : `${word}-`);
  }
  return out;
}

async function main() {
  const engines = env.docker.map((d) => new Docker({ socketPath: d.socketPath }));
  await Promise.all(engines.map((d) => ensureBenchContainers(d, COUNT, env.testImage)));
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-bench-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  const app = await startAppServer({
    databaseUrl: pg.url,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  try {
    const client = new ApiClient(app.url);
    const refused = await client.signIn(ADMIN.email, ADMIN.password);
    if (refused) throw new Error(`sign-in failed: ${refused}`);
    for (const [i, d] of env.docker.entries())
      await client.request("POST", "/api/endpoints", {
        name: `engine-${i + 1}`,
        connection: { kind: "docker", transport: "socket", socketPath: d.socketPath },
      });
    for (const i of env.kubernetes.keys())
      await client.request("POST", "/api/endpoints", { name: `cluster-${i + 1}`, connection: adminTarget(i) });

    const cookie = client.cookie;
    const ask = async (q: string) => {
      const started = performance.now();
      const response = await fetch(`${app.url}/api/search?${new URLSearchParams({ q })}`, { headers: { cookie } });
      const answer = (await response.json()) as { items: unknown[]; pending: string[] };
      if (response.status !== 200) throw new Error(`search failed: ${JSON.stringify(answer)}`);
      const search = Number(/search;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1]);
      return { ms: performance.now() - started, search, pending: answer.pending.length, items: answer.items.length };
    };
    // What the palette in the browser does: palette:search over the tab's socket.
    const socket = io(app.url, { transports: ["websocket"], extraHeaders: { cookie } });
    const askSocket = (q: string) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        socket.emit(
          "palette:search",
          { q },
          (reply: { ok: true; data: PaletteAnswer } | { ok: false; error: string }) =>
            reply.ok ? resolve(performance.now() - started) : reject(new Error(reply.error)),
        );
      });
    /** The same request path without the search: sign-in check and HTTP (the floor). */
    const floor = async () => {
      const started = performance.now();
      await (await fetch(`${app.url}/api/search`, { headers: { cookie } })).text();
      return performance.now() - started;
    };
    // The first search reads every endpoint (lists, watches); wait until nothing is pending.
    const first = await ask("ben");
    for (let i = 0; (await ask("ben")).pending && i < 100; i++) await new Promise((r) => setTimeout(r, 100));
    const times: number[] = [];
    const searchTimes: number[] = [];
    const floors: number[] = [];
    const socketTimes: number[] = [];
    let items = 0;
    for (const q of queries()) {
      const r = await ask(q);
      times.push(r.ms);
      searchTimes.push(r.search);
      floors.push(await floor());
      socketTimes.push(await askSocket(q));
      items += r.items;
    }
    console.log(
      `bench-palette containers=${env.docker.length}x${COUNT} clusters=${env.kubernetes.length} queries=${times.length}` +
        ` first_ms=${first.ms.toFixed(1)} p50_ms=${pick(times, 0.5).toFixed(1)} p95_ms=${pick(times, 0.95).toFixed(1)}` +
        ` max_ms=${Math.max(...times).toFixed(1)} search_p50_ms=${pick(searchTimes, 0.5).toFixed(1)}` +
        ` search_p95_ms=${pick(searchTimes, 0.95).toFixed(1)} floor_p50_ms=${pick(floors, 0.5).toFixed(1)}` +
        ` floor_p95_ms=${pick(floors, 0.95).toFixed(1)} socket_p50_ms=${pick(socketTimes, 0.5).toFixed(1)}` +
        ` socket_p95_ms=${pick(socketTimes, 0.95).toFixed(1)} mean_items=${(items / times.length).toFixed(1)}`,
    );
    socket.close();
  } finally {
    await app.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
    if (!process.env.BENCH_KEEP) await Promise.all(engines.map(removeBenchContainers));
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
