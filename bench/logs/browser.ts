// The viewer in Chromium under a 5,000 lines/s stream for BENCH_BROWSER_SECONDS (2 minutes by
// default): frame times measured in the page (requestAnimationFrame), the JS heap from DevTools.
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../../tests/support/chromium";
import type { BenchContext } from "./context";
import { p95 } from "../support/proc";

const SECONDS = Number(process.env.BENCH_BROWSER_SECONDS ?? 120);

export async function browserBench(ctx: BenchContext, admin: { email: string; password: string }) {
  // 500 lines every 0.1 s: ~5,000 a second (a little less: seq and sleep take time too).
  const busy = await ctx.res.container("sleep 1; while :; do seq 1 500; sleep 0.1; done");
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${ctx.app.url}/login`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${ctx.app.url}/`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const heapMb = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return (metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0) / 1e6;
    };
    await page.goto(`${ctx.app.url}/endpoints/${ctx.engineIds[1]}/containers/${busy.id}/logs`);
    await page.getByTestId("log-line").first().waitFor();
    // Frame times, recorded by the page itself for the whole run.
    // A string, not a function: tsx's name helpers do not exist in the page.
    await page.evaluate(`(() => {
      window.benchFrames = [];
      let last = performance.now();
      const tick = (now) => {
        window.benchFrames.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    let heapMax = 0;
    const started = Date.now();
    while (Date.now() - started < SECONDS * 1000) {
      await new Promise((r) => setTimeout(r, 5000));
      heapMax = Math.max(heapMax, await heapMb());
    }
    const frames = (await page.evaluate("window.benchFrames")) as number[];
    const status = await page.getByTestId("log-status").textContent();
    return {
      browser_seconds: SECONDS,
      browser_frame_p95_ms: p95(frames.slice(10)),
      browser_frames: frames.length,
      browser_heap_max_mb: heapMax,
      browser_status: JSON.stringify(status ?? ""),
    };
  } finally {
    await browser.close();
  }
}
