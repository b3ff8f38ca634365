// `npm run bench:ui`: the dashboard shell in Chromium with 2 Docker engines of BENCH_CONTAINERS (300)
// containers each, both test clusters and one dead engine. Prints one summary line:
//   bench-ui home_ms=… home_js_kb=… logs_js_kb=… palette_p95_ms=… nav_ms=… containers_api_ratio=…
// home_ms: a tab opening the fleet home until every live card shows its figures and the dead one
// its reason (median of rounds; home_cold_ms: the same in a fresh browser profile, nothing cached); *_js_kb: JavaScript the page loads, gzip-compressed, cold;
// palette_p95_ms: palette:search over the tab's socket (what the palette uses) for 3-letter queries;
// nav_ms: a click on a section in the sidebar until the page's content shows (median);
// containers_api_ratio: the containers API at 300 containers against the engine's own list, both
// read in the same rounds (median over median; first_api_ms is the very first, cold read).
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import Docker from "dockerode";
import { io } from "socket.io-client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { readTestEnv } from "../scripts/testenv/state";
import { ApiClient } from "../tests/support/api-client";
import { startAppServer } from "../tests/support/app-server";
import { CHROMIUM } from "../tests/support/chromium";
import { adminTarget } from "../tests/support/kube-target";
import { ensureBenchContainers, removeBenchContainers } from "./support/bench-containers";
import { signedInState, type SignedInState } from "./support/browser-session";
import { formatFigures } from "./support/summary";

const COUNT = Number(process.env.BENCH_CONTAINERS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ADMIN = { email: "bench@example.test", password: "benchmark password" };
const env = readTestEnv();
const engines = env.docker.map((d) => new Docker({ socketPath: d.socketPath }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pick = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)]!;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** A port nothing listens on: the dead engine's connections are refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A cold tab (no cache) opening `url` until `ready` holds; the gzip size of every script it loaded. */
async function coldOpen(browser: Browser, state: SignedInState, url: string, ready: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      scripts.push(
        response.body().then(
          (b) => gzipSync(b).length,
          () => 0,
        ),
      );
  });
  try {
    const ms = await timed(async () => {
      await page.goto(url, { waitUntil: "commit" });
      await ready(page);
    });
    await page.waitForLoadState("networkidle");
    const jsKb = (await Promise.all(scripts)).reduce((a, b) => a + b, 0) / 1024;
    return { ms, jsKb };
  } finally {
    await context.close();
  }
}

async function main() {
  console.error(`[bench] preparing ${COUNT} containers on each engine`);
  await Promise.all(engines.map((d) => ensureBenchContainers(d, COUNT, env.testImage)));
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-bench-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  const app = await startAppServer({
    databaseUrl: pg.url,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const client = new ApiClient(app.url);
    const refused = await client.signIn(ADMIN.email, ADMIN.password);
    if (refused) throw new Error(`sign-in failed: ${refused}`);
    const add = async (name: string, connection: unknown) =>
      (await client.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", { name, connection })).json.endpoint
        .id;
    const engineIds: string[] = [];
    for (const [i, d] of env.docker.entries())
      engineIds.push(await add(`engine-${i + 1}`, { kind: "docker", transport: "socket", socketPath: d.socketPath }));
    for (const i of env.kubernetes.keys()) await add(`cluster-${i + 1}`, adminTarget(i));
    await add("dead-engine", { kind: "docker", transport: "tcp", host: "127.0.0.1", port: await closedPort() });
    const liveCards = [...env.docker.keys()]
      .map((i) => `engine-${i + 1}`)
      .concat([...env.kubernetes.keys()].map((i) => `cluster-${i + 1}`));

    const state = await signedInState(browser, app.url, ADMIN);
    const homeFilled = async (page: Page) => {
      const started = performance.now();
      const note = (what: string) =>
        process.env.BENCH_DEBUG && console.error(`[bench] ${what} at ${(performance.now() - started).toFixed(0)} ms`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      note("heading");
      for (const name of liveCards) {
        await page
          .getByTestId(`fleet-card-${name}`)
          .getByText(/ running| pods/)
          .first()
          .waitFor({ timeout: 30_000 });
        note(name);
      }
      await page
        .getByTestId("fleet-card-dead-engine")
        .getByTestId(/fleet-down-reason|fleet-error/)
        .waitFor({ timeout: 30_000 });
    };
    const home = [];
    for (let round = 0; round < ROUNDS; round++) home.push(await coldOpen(browser, state, `${app.url}/`, homeFilled));
    // The same with the browser's cache warm (the dashboard opened again, as it mostly is).
    const warmContext = await browser.newContext({ storageState: state });
    const warmPage = await warmContext.newPage();
    await warmPage.goto(`${app.url}/`);
    await homeFilled(warmPage);
    const warm: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await warmPage.goto("about:blank");
      warm.push(
        await timed(async () => {
          await warmPage.goto(`${app.url}/`, { waitUntil: "commit" });
          await homeFilled(warmPage);
        }),
      );
    }
    await warmContext.close();

    const [firstContainer] = await engines[0]!.listContainers({ all: true, filters: { label: ["fleetdeck.bench=1"] } });
    const logsUrl = `${app.url}/endpoints/${engineIds[0]}/containers/${firstContainer!.Id}/logs`;
    const logs = await coldOpen(browser, state, logsUrl, (page) => page.getByTestId("log-lines").waitFor());

    // Sidebar navigation: overview ⇄ containers of engine 1, by clicking the section links.
    const context = await browser.newContext({ storageState: state, viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/endpoints/${engineIds[0]}`);
    const sections = page.getByRole("navigation", { name: "Endpoint sections" });
    const nav: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      nav.push(
        await timed(async () => {
          await sections.getByRole("link", { name: "Containers" }).click();
          await page.locator('[data-testid^="container-row-"]').first().waitFor();
        }),
      );
      await sections.getByRole("link", { name: "Overview" }).click();
      await page.waitForURL(`${app.url}/endpoints/${engineIds[0]}`);
      await page.locator('[data-testid^="container-row-"]').first().waitFor({ state: "detached" });
    }
    await context.close();

    // The palette's answers over a socket, as the open palette asks them.
    const socket = io(app.url, { transports: ["websocket"], extraHeaders: { cookie: client.cookie } });
    const ask = (q: string) =>
      timed(
        () =>
          new Promise<void>((resolve, reject) =>
            socket.emit("palette:search", { q }, (reply: { ok: boolean; error?: string }) =>
              reply.ok ? resolve() : reject(new Error(reply.error)),
            ),
          ),
      );
    await ask("ben");
    const words = ["bench-0123", "web", "nightly", "team-a", "kube-system", "cluster", "zzq"];
    const palette: number[] = [];
    for (let i = 0; i < 200; i++) {
      const word = words[i % words.length]!;
      const at = i % Math.max(1, word.length - 2);
      palette.push(await ask(word.slice(at, at + 3)));
    }
    socket.close();

    // The containers API against the engine's own list, interleaved so both see the same load.
    const apiUrl = `/api/endpoints/${engineIds[0]}/docker/containers`;
    await new Promise((r) => setTimeout(r, 61_000)); // the engine's state lapses: the first read is cold
    const firstApi = await timed(() => client.request("GET", apiUrl));
    const floor: number[] = [];
    const api: number[] = [];
    for (let round = 0; round < 20; round++) {
      floor.push(await timed(() => engines[0]!.listContainers({ all: true })));
      api.push(await timed(() => client.request("GET", apiUrl)));
    }

    console.log(
      `bench-ui ${formatFigures({
        endpoints: `${engines.length}x${COUNT}+${env.kubernetes.length}k8s+1dead`,
        home_ms: median(warm),
        home_cold_ms: median(home.map((h) => h.ms)),
        home_js_kb: home[0]!.jsKb,
        logs_js_kb: logs.jsKb,
        palette_p50_ms: pick(palette, 0.5),
        palette_p95_ms: pick(palette, 0.95),
        nav_ms: median(nav),
        first_api_ms: firstApi,
        api_ms: median(api),
        floor_list_ms: median(floor),
        containers_api_ratio: median(api) / median(floor),
      })}`,
    );
  } finally {
    await browser.close();
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
