// The log viewer in Chromium against a real container: a written line appears, scrolling up
// holds the view while lines keep coming, the filter narrows, and download saves the lines.
import { appendFileSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { say, testEngine } from "../support/engine";
import { addCluster, addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
const { env } = engine;

test.afterAll(() => engine.cleanup());

const dockerEndpoint = (page: Page, prefix: string) =>
  addEndpoint(page, {
    name: `${prefix}-engine-${Date.now()}`,
    connection: { kind: "docker", transport: "socket", socketPath: env.docker[0]!.socketPath },
  });

test("a line written in a container appears; scroll holds; filter; download", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await dockerEndpoint(page, "logs");
  const container = await engine.run(["sh", "-c", "seq 1 200; exec sleep 300"]);

  await page.goto(`${base()}/endpoints/${endpointId}/containers/${container.id}/logs`);
  const lines = page.getByTestId("log-lines");
  await expect(page.getByTestId("log-status")).toHaveText("● live");
  await expect(lines.getByText("200", { exact: true })).toBeVisible(); // follows the end
  await expectAccessible(page);
  await say(container, "hello from the container");
  await expect(lines.getByText("hello from the container")).toBeVisible();

  // Scroll up: the view holds still while new lines arrive, and says how many.
  await lines.evaluate((el) => (el.scrollTop = 0));
  await expect(lines.getByText("1", { exact: true })).toBeVisible();
  await say(container, "arrived while reading");
  await expect(page.getByRole("button", { name: /1 new lines — jump to bottom/ })).toBeVisible();
  await expect(lines.getByText("1", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: /jump to bottom/ }).click();
  await expect(lines.getByText("arrived while reading")).toBeVisible();

  await page.getByLabel("Filter lines").fill("/^1[0-9]$/");
  await expect(page.getByTestId("log-line")).toHaveCount(10);
  await page.getByLabel("Filter lines").fill("");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const file = readFileSync(await (await downloading).path(), "utf8");
  expect(file).toContain("stdout hello from the container");
  expect(file.split("\n").filter(Boolean).length).toBe(202);

  // Start from the last 100 lines instead: the view reloads with exactly those.
  await page.getByLabel("Start from").selectOption("tail:100");
  await expect(lines.getByText("arrived while reading")).toBeVisible();
  await lines.evaluate((el) => (el.scrollTop = 0));
  await expect(lines.getByText("103", { exact: true })).toBeVisible();
  await expect(lines.getByText("102", { exact: true })).toHaveCount(0);
});

test("a merged view across a Docker engine and a Kubernetes cluster, from a permalink", async ({ page }) => {
  await signInAsAdmin(page);
  const cluster = env.kubernetes[0]!;
  const dockerId = await dockerEndpoint(page, "merged");
  const kubeId = await addCluster(page, { name: `merged-cluster-${Date.now()}`, cluster });
  const pods = (await (await page.request.get(`${base()}/api/endpoints/${kubeId}/logs/pods`)).json()) as {
    pods: { namespace: string; name: string; phase: string }[];
  };
  const pod = pods.pods.find((p) => p.namespace === "sample" && p.name.startsWith("web-") && p.phase === "Running")!;
  const container = await engine.run(["sleep", "300"], { name: `merged-${Date.now()}` });

  await page.goto(`${base()}/logs?s=${dockerId}~c~${container.id}&s=${kubeId}~p~sample~${pod.name}~web`);
  await expect(page.getByTestId("log-status")).toHaveText("● live");
  const sources = page.getByLabel("Sources");
  await expect(sources.getByRole("button", { name: new RegExp(`${pod.name}/web`) })).toBeVisible();
  await say(container, "from docker");
  // Unique per run: every kwok pod serves the same log file, which keeps earlier runs' lines.
  const fromKube = `from kubernetes ${Date.now()}`;
  appendFileSync(cluster.podLogFile, `${new Date().toISOString()} stdout F ${fromKube}\n`);
  const lines = page.getByTestId("log-lines");
  await expect(lines.getByTestId("log-line").filter({ hasText: "from docker" })).toContainText("merged-");
  await expect(lines.getByTestId("log-line").filter({ hasText: fromKube })).toContainText(`${pod.name}/web`);
  // Hiding a source hides its lines.
  await sources.getByRole("button", { name: new RegExp(`${pod.name}/web`) }).click();
  await expect(lines.getByText(fromKube)).toHaveCount(0);
  await expect(lines.getByText("from docker")).toBeVisible();
});

test("levels are detected and filtered; a clicked line shows whole, JSON pretty-printed", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await dockerEndpoint(page, "levels");
  const container = await engine.run(["sleep", "300"]);
  await page.goto(`${base()}/endpoints/${endpointId}/containers/${container.id}/logs`);
  await expect(page.getByTestId("log-status")).toHaveText("● live");
  await say(container, '{"level":"error","msg":"database unreachable","retry":3}');
  await say(container, "INFO all good");
  await say(container, "just text");
  const lines = page.getByTestId("log-lines");
  await expect(lines.getByTestId("log-line")).toHaveCount(3);
  await page.getByLabel("Level").selectOption("error");
  await expect(lines.getByTestId("log-line")).toHaveCount(1);
  await expect(lines.getByTestId("log-line")).toHaveAttribute("data-severity", "error");
  await lines.getByTestId("log-line").click();
  await expect(page.getByTestId("selected-line")).toContainText('"retry": 3');
});

test("wrap shows a long line on several rows; the last lines download from the source itself", async ({ page }) => {
  await signInAsAdmin(page);
  const endpointId = await dockerEndpoint(page, "wrap");
  const container = await engine.run(["sh", "-c", "seq 1 20; exec sleep 300"]);
  await page.goto(`${base()}/endpoints/${endpointId}/containers/${container.id}/logs`);
  await expect(page.getByTestId("log-status")).toHaveText("● live");
  const long = `long ${"x".repeat(1200)} end`;
  await say(container, long);
  const line = page.getByTestId("log-line").filter({ hasText: "long x" });
  await expect(line).toHaveCount(1);
  const oneRow = (await line.boundingBox())!.height;
  await page.getByLabel("wrap").check();
  await expect.poll(async () => (await line.boundingBox())!.height).toBeGreaterThan(oneRow * 3);
  await expect(line).toContainText("end"); // the end of the line is on screen

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Last 10,000 lines" }).click();
  const file = readFileSync(await (await downloading).path(), "utf8");
  expect(file).toMatch(/^\S+Z 1\n/);
  expect(file).toContain(` ${long}\n`);
});
