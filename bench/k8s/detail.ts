// Opening a pod's page: from the start of the navigation until its heading and summary are shown,
// for ROUNDS different pods (after one round that loads the scripts).
import type { Browser } from "@playwright/test";
import type { SignedInState } from "../support/browser-session";
import { median } from "../support/proc";
import type { PodRef } from "./bench-pods";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export async function detailBench(ctx: {
  browser: Browser;
  state: SignedInState;
  podUrl: (pod: PodRef) => string;
  pods: PodRef[];
}) {
  const context = await ctx.browser.newContext({ storageState: ctx.state, viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const times: number[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const pod = ctx.pods[Math.floor(((round + 1) * ctx.pods.length) / (ROUNDS + 2))]!;
      const started = performance.now();
      await page.goto(ctx.podUrl(pod), { waitUntil: "commit" });
      await page.getByRole("heading", { name: `Pod ${pod.name}` }).waitFor();
      await page.getByRole("heading", { name: "Summary" }).waitFor();
      if (round > 0) times.push(performance.now() - started);
    }
    return { detail_ms: median(times) };
  } finally {
    await context.close();
  }
}
