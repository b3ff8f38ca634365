// `npm run bench:k8s`: a pods list of BENCH_PODS (10,000) pods in 50 namespaces on kwok nodes, in
// the test environment's second cluster, through the dashboard beside the floor (the same list read
// straight from the API server by plain Node requests), in one run. BENCH_PARTS picks parts
// (default: all):
//   lists    the pods API for all namespaces (warm cache) vs the API server's first page and full list
//   page     the pods page in Chromium: first rows, full count shown, scroll frame p95
//   updates  a pod change upstream to its row changing, BENCH_CLIENTS (20) pages watching: p50/p99
//   detail   opening a pod's page
// Server RSS is read with the cache warm (after the lists) and at its peak. BENCH_KEEP=1 leaves the
// pods for the next run. Prints one summary line: bench-k8s key=value …
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { readTestEnv } from "../scripts/testenv/state";
import { ApiClient } from "../tests/support/api-client";
import { startAppServer } from "../tests/support/app-server";
import { CHROMIUM } from "../tests/support/chromium";
import { createBenchPods, removeBenchPods, type PodRef } from "./k8s/bench-pods";
import { detailBench } from "./k8s/detail";
import { kubeHttp } from "./k8s/kube-http";
import { listReadsBench } from "./k8s/list-reads";
import { podsPageBench } from "./k8s/pods-page";
import { updatesBench } from "./k8s/updates";
import { signedInState } from "./support/browser-session";
import { processStats } from "./support/proc";
import { formatFigures, type Figures } from "./support/summary";

const PODS = Number(process.env.BENCH_PODS ?? 10_000);
const PARTS = (process.env.BENCH_PARTS ?? "lists,page,updates,detail").split(",");
const ADMIN = { email: "bench@example.test", password: "benchmark password" };
/** The figures the issue asks for, first and in its order; the rest follow. */
const HEADLINE = [
  "pods",
  "first_rows_ms",
  "floor_first_page_ms",
  "full_list_ms",
  "floor_full_list_ms",
  "full_list_ratio",
  "update_p99_ms",
  "detail_ms",
  "scroll_frame_p95_ms",
  "server_rss_mb",
];

async function main() {
  // The second cluster: the integration tests run against the first.
  const cluster = readTestEnv().kubernetes[1]!;
  const kube = kubeHttp(cluster);
  const cleanup = async () => {
    if (process.env.BENCH_KEEP) return;
    console.error("[bench] removing the bench pods, namespaces and nodes");
    await removeBenchPods(kube);
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));

  let app: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-bench-"));
  const figures: Figures = { pods: PODS };
  try {
    console.error(`[bench] ${PODS} pods in cluster ${cluster.name}`);
    const bench = await createBenchPods(kube, PODS);
    figures.created_s = bench.createdIn;
    pg = await startEmbeddedPostgres({ dir, persistent: false });
    app = await startAppServer({
      databaseUrl: pg.url,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    });
    // The server before it has read anything from the cluster: what the pods add is the difference.
    figures.server_rss_start_mb = processStats(app.pid).rssMb;
    const client = new ApiClient(app.url);
    if (await client.signIn(ADMIN.email, ADMIN.password)) throw new Error("sign-in failed");
    const created = await client.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "bench-k8s",
      connection: {
        kind: "kubernetes-kubeconfig",
        kubeconfig: readFileSync(cluster.adminKubeconfig, "utf8"),
        context: "admin",
      },
    });
    const clusterId = created.json.endpoint.id;
    const appPid = app.pid;
    let rssPeak = 0;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, processStats(appPid).rssMb)), 500);

    const listCtx = { kube, appUrl: app.url, clusterId, cookie: client.cookie };
    if (PARTS.includes("lists")) {
      console.error("[bench] lists…");
      Object.assign(figures, (await listReadsBench(listCtx)).figures);
    } else {
      await fetch(`${app.url}/api/endpoints/${clusterId}/kube/pods`, { headers: { cookie: client.cookie } });
    }
    await new Promise((r) => setTimeout(r, 2000));
    figures.server_rss_mb = processStats(appPid).rssMb;

    const appUrl = app.url;
    const listUrl = `${appUrl}/endpoints/${clusterId}/kube/pods`;
    const podUrl = (pod: PodRef) => `${appUrl}/endpoints/${clusterId}/kube/pods/${pod.name}?namespace=${pod.namespace}`;
    const parts: [string, (b: Browser, state: Awaited<ReturnType<typeof signedInState>>) => Promise<Figures>][] = [
      ["page", (b, state) => podsPageBench({ browser: b, state, url: listUrl, pods: PODS })],
      [
        "updates",
        (b, state) => updatesBench({ browser: b, state, url: listUrl, pods: PODS, probes: bench.probes, kube }),
      ],
      ["detail", (b, state) => detailBench({ browser: b, state, podUrl, pods: bench.pods })],
    ];
    if (parts.some(([name]) => PARTS.includes(name))) {
      browser = await chromium.launch(CHROMIUM);
      const state = await signedInState(browser, app.url, ADMIN);
      for (const [name, run] of parts) {
        if (!PARTS.includes(name)) continue;
        console.error(`[bench] ${name}…`);
        const result = await run(browser, state);
        console.error(`[bench] ${name}: ${formatFigures(result)}`);
        Object.assign(figures, result);
      }
    }
    clearInterval(sampler);
    figures.server_rss_peak_mb = rssPeak;
    const ordered = Object.fromEntries([
      ...HEADLINE.filter((k) => k in figures).map((k) => [k, figures[k]!]),
      ...Object.entries(figures).filter(([k]) => !HEADLINE.includes(k)),
    ]);
    console.log(`bench-k8s ${formatFigures(ordered)}`);
  } finally {
    await browser?.close();
    await app?.stop();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
    kube.close();
  }
}

await main();
