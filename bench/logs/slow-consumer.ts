// A slow viewer must not cost the server memory or the other viewers their speed: one container at
// ~20k lines/s; a normal viewer alone first (its solo rate), then beside a viewer that acknowledges
// each frame only after 2 s, for BENCH_SLOW_SECONDS (10 minutes by default), sampling server RSS.
import type { BenchContext } from "./context";
import { dashboardViewer, sleep, Tally, tallyFrames } from "./readers";
import { median, processStats } from "../support/proc";

const SOLO_SECONDS = Number(process.env.BENCH_SOLO_SECONDS ?? 20);
const SLOW_SECONDS = Number(process.env.BENCH_SLOW_SECONDS ?? 600);

export async function slowConsumerBench(ctx: BenchContext) {
  const busy = await ctx.res.container("sleep 2; while :; do seq 1 20000; sleep 1; done");
  const target = { kind: "container" as const, containerId: busy.id };
  const normal = new Tally();
  const viewer = await dashboardViewer(ctx.app.url, ctx.cookie);
  tallyFrames(viewer, normal);
  await viewer.subscribe(ctx.engineIds[1]!, target, 0);
  await sleep(3000);
  const soloFrom = normal.lines;
  await sleep(SOLO_SECONDS * 1000);
  const soloLps = (normal.lines - soloFrom) / SOLO_SECONDS;

  const slow = new Tally();
  const slowViewer = await dashboardViewer(ctx.app.url, ctx.cookie, {
    ackDelayMs: Number(process.env.BENCH_SLOW_ACK_MS ?? 2000),
  });
  tallyFrames(slowViewer, slow);
  await slowViewer.subscribe(ctx.engineIds[1]!, target, 0);
  // Let the slow viewer's queue fill to its bound before taking the baseline.
  await sleep(10_000);
  const rssBase = processStats(ctx.app.pid).rssMb;
  if (process.env.BENCH_VERBOSE) console.error(`[bench] slow: baseline rss ${rssBase.toFixed(0)} MB`);
  let rssMax = rssBase;
  const samples: number[] = [];
  const from = normal.lines;
  const started = Date.now();
  while (Date.now() - started < SLOW_SECONDS * 1000) {
    await sleep(5000);
    const rss = processStats(ctx.app.pid).rssMb;
    rssMax = Math.max(rssMax, rss);
    samples.push(rss);
    if (process.env.BENCH_VERBOSE)
      console.error(
        `[bench] slow: rss ${rss.toFixed(0)} MB, normal ${normal.lines}, slow ${slow.lines}+${slow.skipped}`,
      );
  }
  const withSlowLps = (normal.lines - from) / ((Date.now() - started) / 1000);
  viewer.close();
  slowViewer.close();
  await busy.remove({ force: true }).catch(() => {});
  return {
    slow_seconds: SLOW_SECONDS,
    solo_lps: soloLps,
    with_slow_lps: withSlowLps,
    normal_keeps: withSlowLps / soloLps,
    normal_dropped: normal.skipped,
    slow_received: slow.lines,
    slow_skipped: slow.skipped,
    // The peak includes garbage V8 has not collected yet; the trend (last third vs first third of
    // the samples, medians) says whether anything is kept.
    rss_growth_mb: rssMax - rssBase,
    rss_trend_mb:
      median(samples.slice(-Math.ceil(samples.length / 3))) - median(samples.slice(0, Math.ceil(samples.length / 3))),
    server_rss_mb: rssMax,
  };
}
