// The pods list read three ways, alternately, ROUNDS times each: the floor's first page and full list
// (limit 500 + continue, straight from the API server, parsed), and the dashboard's pods API for
// all namespaces (served from its watch cache, warm after the first round).
import { median } from "../support/proc";
import type { KubeHttp } from "./kube-http";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PAGE = 500;

interface PodPage {
  items: unknown[];
  metadata: { continue?: string };
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await run();
  return [performance.now() - started, value];
}

async function floorFullList(kube: KubeHttp): Promise<number> {
  let count = 0;
  let token = "";
  do {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (token) query.set("continue", token);
    const page = await kube.json<PodPage>("GET", `/api/v1/pods?${query}`);
    count += page.items.length;
    token = page.metadata.continue ?? "";
  } while (token);
  return count;
}

async function dashboardList(appUrl: string, clusterId: string, cookie: string): Promise<number> {
  const response = await fetch(`${appUrl}/api/endpoints/${clusterId}/kube/pods`, { headers: { cookie } });
  if (!response.ok) throw new Error(`pods API: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { rows: unknown[] }).rows.length;
}

export async function listReadsBench(ctx: { kube: KubeHttp; appUrl: string; clusterId: string; cookie: string }) {
  const firstPage: number[] = [];
  const floorFull: number[] = [];
  const dashFull: number[] = [];
  let floorCount = 0;
  let dashCount = 0;
  // The first dashboard read fills the watch cache: reported apart, not in the median.
  const [coldMs] = await timed(() => dashboardList(ctx.appUrl, ctx.clusterId, ctx.cookie));
  for (let round = 0; round < ROUNDS; round++) {
    firstPage.push((await timed(() => ctx.kube.json<PodPage>("GET", `/api/v1/pods?limit=${PAGE}`)))[0]);
    let ms: number;
    [ms, floorCount] = await timed(() => floorFullList(ctx.kube));
    floorFull.push(ms);
    [ms, dashCount] = await timed(() => dashboardList(ctx.appUrl, ctx.clusterId, ctx.cookie));
    dashFull.push(ms);
  }
  if (dashCount !== floorCount)
    console.error(`[bench] the dashboard listed ${dashCount} pods, the floor ${floorCount}`);
  return {
    figures: {
      floor_first_page_ms: median(firstPage),
      full_list_ms: median(dashFull),
      floor_full_list_ms: median(floorFull),
      full_list_ratio: median(dashFull) / median(floorFull),
      cold_list_ms: coldMs,
    },
    /** Every pod in the cluster (the bench's and the test environment's own). */
    total: floorCount,
  };
}
