// Merged view: 50 containers (25 per engine) writing 200 lines/s each, plus 20 kwok pods of one
// workload fed 200 lines/s each, to one dashboard viewer (two label subscriptions and a workload
// subscription) and, at the same time, to the floor (70 direct follow streams in this process).
import { appendFileSync } from "node:fs";
import type { BenchContext } from "./context";
import { dashboardViewer, floorDocker, floorKube, Tally, tallyFrames, until } from "./readers";

const CONTAINERS = Number(process.env.BENCH_MERGED_CONTAINERS ?? 50);
const PODS = Number(process.env.BENCH_MERGED_PODS ?? 20);
const RATE = 200;
const SECONDS = Number(process.env.BENCH_MERGED_SECONDS ?? 20);
const START_DELAY_S = 15;

export async function mergedBench(ctx: BenchContext) {
  const run = String(Date.now());
  const labels = { "fleetdeck.bench.merged": run };
  // Each container prints RATE numbered lines a second, SECONDS times, after every reader is attached.
  const script = `sleep ${START_DELAY_S}; i=0; while [ $i -lt ${SECONDS} ]; do seq $((i*${RATE}+1)) $((i*${RATE}+${RATE})); i=$((i+1)); sleep 1; done; exec sleep 3600`;
  const containers = await Promise.all(
    Array.from({ length: CONTAINERS }, (_, i) => ctx.res.container(script, { engine: i % 2, labels })),
  );
  const startedAt = Date.now();
  const namespace = await ctx.res.namespace();
  await ctx.res.apps().createNamespacedDeployment({
    namespace,
    body: {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "merged", namespace },
      spec: {
        replicas: PODS,
        selector: { matchLabels: { app: "merged" } },
        template: {
          metadata: { labels: { app: "merged" } },
          spec: { containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["sleep", "3600"] }] },
        },
      },
    },
  });
  let pods: string[] = [];
  for (let deadline = Date.now() + 60_000; pods.length < PODS && Date.now() < deadline; ) {
    const list = await ctx.res.core().listNamespacedPod({ namespace });
    pods = list.items.filter((p) => p.status?.containerStatuses?.[0]?.state?.running).map((p) => p.metadata!.name!);
    if (pods.length < PODS) await new Promise((r) => setTimeout(r, 500));
  }

  const floor = new Tally();
  const dash = new Tally();
  // Attached all at once: a follow from "now" may only answer once its first line exists.
  const stops = Promise.all([
    ...containers.map((c, i) => floorDocker(ctx.res.dockers[i % 2]!, c.id, 0, (x) => floor.add(c.id, x))),
    ...pods.map((name) => floorKube(ctx.res.kc, { namespace, name, container: "main" }, 0, (x) => floor.add(name, x))),
  ]);
  const viewer = await dashboardViewer(ctx.app.url, ctx.cookie);
  tallyFrames(viewer, dash);
  for (const endpointId of ctx.engineIds)
    await viewer.subscribe(endpointId, { kind: "labels", selector: `fleetdeck.bench.merged=${run}` }, 0);
  await viewer.subscribe(ctx.clusterId, { kind: "workload", namespace, workload: "Deployment", name: "merged" }, 0);
  const attachedAfter = (Date.now() - startedAt) / 1000;
  if (attachedAfter > START_DELAY_S - 1)
    console.error(`[bench] readers attached only after ${attachedAfter.toFixed(1)} s: raise START_DELAY_S`);

  // The pods' lines: appended to the log file kwok serves to every pod, RATE a second.
  await new Promise((r) => setTimeout(r, Math.max(0, START_DELAY_S * 1000 - (Date.now() - startedAt))));
  for (let second = 0; second < SECONDS; second++) {
    for (let tick = 0; tick < 10; tick++) {
      const base = second * RATE + tick * (RATE / 10);
      const now = new Date().toISOString();
      const batch = Array.from({ length: RATE / 10 }, (_, i) => `${now} stdout F merged pod ${base + i + 1}`);
      appendFileSync(ctx.podLogFile, batch.join("\n") + "\n");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const expected = (CONTAINERS + PODS) * RATE * SECONDS;
  await until(() => floor.lines >= expected && dash.lines + dash.skipped >= expected, 60_000);
  (await stops).forEach((stop) => stop());
  viewer.close();
  const lps = (t: Tally) => t.lines / Math.max(0.001, (t.lastAt - t.firstAt) / 1000);
  return {
    merged_lps: lps(dash),
    merged_floor_lps: lps(floor),
    merged_ratio: lps(dash) / lps(floor),
    merged_lines: dash.lines,
    merged_expected: expected,
    merged_floor_lines: floor.lines,
    merged_out_of_order: dash.outOfOrder,
    merged_dropped: dash.skipped,
  };
}
