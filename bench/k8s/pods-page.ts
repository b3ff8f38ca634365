// The pods page for all namespaces in Chromium: when the first rows and the full count are shown
// (marked by the page itself, at the animation frame after the DOM changed, from the start of the
// navigation), then frame times while scrolling the list and, as their floor, while idle.
import type { Browser } from "@playwright/test";
import type { SignedInState } from "../support/browser-session";
import { median, p95 } from "../support/proc";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCROLL_FRAMES = 600;

// Strings, not functions: tsx's name helpers do not exist in the page.
const markRows = (total: number) => `(() => {
  const marks = (window.benchMarks = {});
  const mark = (name) => {
    if (marks[name] !== undefined) return;
    marks[name] = null;
    requestAnimationFrame(() => (marks[name] = performance.now()));
  };
  (window.benchObserver = new MutationObserver(() => {
    if (document.querySelector("[data-testid=kube-row]")) mark("firstRows");
    const count = /^(\\d+) of (\\d+)$/.exec(document.querySelector("[data-testid=row-count]")?.textContent ?? "");
    if (count && Number(count[2]) >= ${total}) mark("fullCount");
  })).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

const frameTimes = (steps: number, scroll: boolean) => `(async () => {
  const viewport = document.querySelector("[data-testid=kube-viewport]");
  const times = [];
  let last = performance.now();
  for (let i = 1; i <= ${steps}; i++) {
    if (${scroll}) viewport.scrollTop = i * 120;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return times;
})()`;

export async function podsPageBench(ctx: {
  browser: Browser;
  state: SignedInState;
  url: string;
  /** The count the page must reach (the bench's pods). */
  pods: number;
}) {
  const context = await ctx.browser.newContext({ storageState: ctx.state, viewport: { width: 1400, height: 900 } });
  await context.addInitScript(markRows(ctx.pods));
  const firstRows: number[] = [];
  const fullCount: number[] = [];
  try {
    // Round 0 loads the scripts into the browser's cache; not counted.
    for (let round = 0; round <= ROUNDS; round++) {
      const page = await context.newPage();
      await page.goto(ctx.url, { waitUntil: "commit" });
      await page.waitForFunction("window.benchMarks?.fullCount && window.benchMarks?.firstRows", null, {
        timeout: 120_000,
      });
      const marks = (await page.evaluate("window.benchMarks")) as { firstRows: number; fullCount: number };
      if (round > 0) {
        firstRows.push(marks.firstRows);
        fullCount.push(marks.fullCount);
      }
      if (round < ROUNDS) await page.close();
    }
    const page = context.pages().at(-1)!;
    const scrolling = (await page.evaluate(frameTimes(SCROLL_FRAMES, true))) as number[];
    const idle = (await page.evaluate(frameTimes(60, false))) as number[];
    return {
      first_rows_ms: median(firstRows),
      full_count_ms: median(fullCount),
      scroll_frame_p95_ms: p95(scrolling),
      scroll_frame_p50_ms: median(scrolling),
      idle_frame_p95_ms: p95(idle),
    };
  } finally {
    await context.close();
  }
}
