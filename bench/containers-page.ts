// `npm run bench:containers`: the containers page with many containers on one engine, in Chromium,
// beside the floor (the engine's own list call, read directly). Prints one summary line.
//   bench-containers containers=300 floor_list_ms=… api_list_ms=… first_rows_ms=… rendered_rows=… scroll_frame_p95_ms=… idle_frame_p95_ms=…
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import Docker from "dockerode";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { readTestEnv } from "../scripts/testenv/state";
import { startAppServer } from "../tests/support/app-server";
import { CHROMIUM } from "../tests/support/chromium";

const COUNT = Number(process.env.BENCH_CONTAINERS ?? 300);
const ADMIN = { email: "bench@example.test", password: "benchmark password" };
const env = readTestEnv();
const socketPath = env.docker[1]!.socketPath;
const docker = new Docker({ socketPath });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

async function ensureContainers(): Promise<string[]> {
  const existing = await docker.listContainers({ all: true, filters: { label: ["fleetdeck.bench=1"] } });
  const ids = existing.map((c) => c.Id);
  for (let i = ids.length; i < COUNT; i++) {
    const c = await docker.createContainer({
      name: `bench-${String(i).padStart(4, "0")}`,
      Image: env.testImage,
      Cmd: ["sleep", "3600"],
      Labels: { "fleetdeck.bench": "1", "com.docker.compose.project": `bench-${i % 10}` },
      HostConfig: { NetworkMode: "none" },
    });
    // A third running, the rest created/stopped: a realistic mix.
    if (i % 3 === 0) await c.start();
    ids.push(c.id);
  }
  return ids;
}

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await run();
  return [performance.now() - started, value];
}

async function main() {
  console.error(`[bench] preparing ${COUNT} containers on engine 2`);
  const ids = await ensureContainers();
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-bench-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  const app = await startAppServer({
    databaseUrl: pg.url,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${app.url}/login`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.url}/`);
    const created = await page.request.post(`${app.url}/api/endpoints`, {
      data: { name: "bench", connection: { kind: "docker", transport: "socket", socketPath } },
    });
    const endpointId = ((await created.json()) as { endpoint: { id: string } }).endpoint.id;

    const floor: number[] = [];
    const viaApi: number[] = [];
    const firstRows: number[] = [];
    for (let round = 0; round < 5; round++) {
      floor.push((await timed(() => docker.listContainers({ all: true })))[0]);
      viaApi.push((await timed(() => page.request.get(`${app.url}/api/endpoints/${endpointId}/docker/containers`)))[0]);
      firstRows.push(
        (
          await timed(async () => {
            await page.goto(`${app.url}/endpoints/${endpointId}/containers`, { waitUntil: "commit" });
            await page.getByTestId("container-row-bench-0000").waitFor();
          })
        )[0],
      );
    }
    const rendered = await page.locator("[data-testid^=container-row-]").count();
    // Scroll the whole table in wheel-sized steps (120 px a frame), measuring frame times in the page.
    const frames = await page.evaluate(async () => {
      const viewport = document.querySelector("[data-testid=containers-viewport]") as HTMLElement;
      const times: number[] = [];
      let last = performance.now();
      for (let top = 0; top < viewport.scrollHeight - viewport.clientHeight; top += 120) {
        viewport.scrollTop = top;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    // The floor for frame times: the same page, idle, on this (shared, software-rendering) machine.
    const idleFrames = await page.evaluate(async () => {
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    });
    const line = [
      "bench-containers",
      `containers=${ids.length}`,
      `floor_list_ms=${median(floor).toFixed(1)}`,
      `api_list_ms=${median(viaApi).toFixed(1)}`,
      `api_ratio=${(median(viaApi) / median(floor)).toFixed(2)}`,
      `first_rows_ms=${median(firstRows).toFixed(0)}`,
      `rendered_rows=${rendered}`,
      `scroll_frame_p95_ms=${p95(frames).toFixed(1)}`,
      `idle_frame_p95_ms=${p95(idleFrames).toFixed(1)}`,
    ].join(" ");
    console.log(line);
  } finally {
    await browser.close();
    await app.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
    if (!process.env.BENCH_KEEP) {
      console.error("[bench] removing the containers");
      for (const id of ids)
        await docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => {});
    }
  }
}

await main();
