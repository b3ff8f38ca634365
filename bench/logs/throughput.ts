// Sustained throughput of one busy container: the floor and a dashboard viewer, each attached to
// its own identical container before the burst starts; server CPU seconds per 10k lines.
import type { BenchContext } from "./context";
import { dashboardViewer, floorDocker, Tally, tallyFrames, until } from "./readers";
import { processStats } from "../support/proc";

const LINES = Number(process.env.BENCH_LOG_LINES ?? 300_000);
const WAIT_MS = 2000;

export async function throughputBench(ctx: BenchContext) {
  const docker = ctx.res.dockers[1]!;
  const burst = `sleep ${WAIT_MS / 1000}; seq 1 ${LINES}; exec sleep 3600`;
  const lastLine = (t: Tally) => t.lastText === String(LINES);

  const floorBusy = await ctx.res.container(burst);
  const floor = new Tally();
  const stopFloor = await floorDocker(docker, floorBusy.id, 0, (x) => floor.add("c", x));
  await until(() => lastLine(floor), 120_000);
  stopFloor();

  const dashBusy = await ctx.res.container(burst);
  const dash = new Tally();
  const viewer = await dashboardViewer(ctx.app.url, ctx.cookie);
  tallyFrames(viewer, dash);
  const cpuBefore = processStats(ctx.app.pid).cpuSeconds;
  await viewer.subscribe(ctx.engineIds[1]!, { kind: "container", containerId: dashBusy.id }, 0);
  await until(() => lastLine(dash), 120_000);
  const cpu = processStats(ctx.app.pid).cpuSeconds - cpuBefore;
  viewer.close();
  // Tallies start when the reader is created; the burst starts WAIT_MS after the container did.
  const lps = (t: Tally) => t.lines / Math.max(0.001, (t.lastAt - t.firstAt) / 1000);
  return {
    throughput_lps: lps(dash),
    floor_lps: lps(floor),
    ratio: lps(dash) / lps(floor),
    dropped: dash.skipped,
    server_cpu_s_per_10k_lines: (cpu / dash.lines) * 10_000,
  };
}
