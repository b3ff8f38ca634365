// From a pod change upstream to its row changing in Chromium, with BENCH_CLIENTS (20) viewers on
// the all-namespaces pods page (each its own context and socket, as 20 people would be). The
// changed pods are the probes, whose names sort first, so their rows are in every page's DOM; each
// change sets a probe's restart count (a column of the list) to a new number. Each page records
// when it saw each (probe, count) in its rows; latency is that minus the time the PATCH returned.
import type { Browser, Page } from "@playwright/test";
import type { SignedInState } from "../support/browser-session";
import { percentile } from "../support/proc";
import type { PodRef } from "./bench-pods";
import type { KubeHttp } from "./kube-http";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 50);

const fullCountShown = (pods: number) =>
  `Number(/ of (\\d+)$/.exec(document.querySelector("[data-testid=row-count]")?.textContent ?? "")?.[1]) >= ${pods}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A string, not a function: tsx's name helpers do not exist in the page.
const recordProbeRows = `(() => {
  const seen = (window.benchSeen = {});
  const headers = [...document.querySelectorAll("[data-testid=kube-viewport] thead th")];
  const restarts = headers.findIndex((th) => th.textContent.startsWith("Restarts"));
  const record = () => {
    const at = performance.timeOrigin + performance.now();
    for (const row of document.querySelectorAll("[data-testid=kube-row]")) {
      const name = row.querySelector("a")?.textContent ?? "";
      if (!name.startsWith("a-probe-")) continue;
      const key = name + "=" + row.children[restarts]?.textContent;
      if (!(key in seen)) seen[key] = at;
    }
  };
  record();
  // Held by the page, so it lives as long as the page does.
  window.benchObserver = new MutationObserver(record);
  window.benchObserver.observe(document.querySelector("[data-testid=kube-viewport]"), {
    subtree: true,
    childList: true,
    characterData: true,
  });
})()`;

export async function updatesBench(ctx: {
  browser: Browser;
  state: SignedInState;
  url: string;
  pods: number;
  probes: PodRef[];
  kube: KubeHttp;
}) {
  const contexts = await Promise.all(
    Array.from({ length: CLIENTS }, () =>
      ctx.browser.newContext({ storageState: ctx.state, viewport: { width: 1400, height: 900 } }),
    ),
  );
  try {
    const pages: Page[] = [];
    // A few at a time: 20 lists of 10,000 rows opening at once would only measure the machine.
    for (let i = 0; i < contexts.length; i += 4)
      pages.push(
        ...(await Promise.all(
          contexts.slice(i, i + 4).map(async (context) => {
            const page = await context.newPage();
            await page.goto(ctx.url);
            await page.waitForFunction(fullCountShown(ctx.pods), null, { timeout: 120_000 });
            return page;
          }),
        )),
      );
    await Promise.all(pages.map((p) => p.evaluate(recordProbeRows)));
    await sleep(2000);

    const sent: { key: string; returnedAt: number }[] = [];
    for (let change = 1; change <= CHANGES; change++) {
      const probe = ctx.probes[change % ctx.probes.length]!;
      await ctx.kube.json(
        "PATCH",
        `/api/v1/namespaces/${probe.namespace}/pods/${probe.name}/status`,
        [{ op: "replace", path: "/status/containerStatuses/0/restartCount", value: change }],
        { contentType: "application/json-patch+json" },
      );
      sent.push({ key: `${probe.name}=${change}`, returnedAt: Date.now() });
      // Apart by more than the server's batch window, at an uneven pace.
      await sleep(400 + Math.random() * 400);
    }
    await sleep(5000);
    const seen = (await Promise.all(pages.map((p) => p.evaluate("window.benchSeen")))) as Record<string, number>[];
    const latencies: number[] = [];
    let missed = 0;
    for (const { key, returnedAt } of sent)
      for (const page of seen) {
        if (page[key] === undefined) missed++;
        else latencies.push(page[key] - returnedAt);
      }
    return {
      clients: CLIENTS,
      update_p50_ms: percentile(latencies, 0.5),
      update_p99_ms: percentile(latencies, 0.99),
      updates_missed: missed,
    };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}
