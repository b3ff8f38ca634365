// Live usage in the browser: a container's memory chart follows the container as it allocates
// memory (asserted on the summary text beside the chart, not on pixels), the containers table shows
// a sparkline for the row in view, the engine shows host totals, and a cluster's pod and node pages
// show usage from the first test cluster's metrics-server with requests and limits, and the node's
// pressure conditions. (The second cluster's plain "metrics-server not installed" is an integration test.)
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, test, type Page } from "@playwright/test";
import { readTestEnv } from "../../scripts/testenv/state";
import { testEngine } from "../support/engine";
import { addCluster, addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engine = testEngine(0);
const cluster = readTestEnv().kubernetes[0]!;
const kc = new KubeConfig();
kc.loadFromFile(cluster.adminKubeconfig);
const core = kc.makeApiClient(CoreV1Api);
const namespace = `e2e-usage-${Date.now()}`;

test.afterAll(async () => {
  await engine.cleanup();
  await core.deleteNamespace({ name: namespace }).catch(() => {});
});

const UNITS: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 };

/** The memory figure of a summary such as "memory 40 MiB of 512 MiB", in bytes. */
async function memoryShown(page: Page): Promise<number> {
  const text = (await page.getByTestId("usage-memory-summary").textContent()) ?? "";
  const match = /memory ([\d.]+) (B|KiB|MiB|GiB)/.exec(text);
  return match ? Number(match[1]) * UNITS[match[2]!]! : -1;
}

test("a container's memory chart rises while the container allocates memory", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const endpointId = await addEndpoint(page, {
    name: `e2e-usage-${Date.now()}`,
    connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
  });
  const name = `e2e-usage-${Date.now()}`;
  // The shell grows a variable by 1 MiB every half second: its memory climbs steadily.
  await engine.run(
    ["sh", "-c", 'sleep 3; x=; while true; do x="$x$(head -c 1048576 /dev/zero | tr "\\0" a)"; sleep 0.5; done'],
    { name, HostConfig: { Memory: 512 * 2 ** 20 } },
  );

  await page.goto(`${base()}/endpoints/${endpointId}/containers`);
  await page.getByLabel("Filter containers").fill(name);
  const row = page.getByTestId(`container-row-${name}`);
  await expect(row.getByTestId("usage-cell")).toContainText(/\d+(\.\d)? (B|KiB|MiB)/, { timeout: 15_000 });
  await expectAccessible(page);

  await row.getByRole("link", { name }).click();
  await expect(page.getByTestId("usage-memory-summary")).toContainText(/of 512 MiB/, { timeout: 15_000 });
  await expect(page.getByTestId("usage-summary")).toContainText(/^CPU [\d.]+ %|^CPU –/);
  const before = await memoryShown(page);
  expect(before).toBeGreaterThan(0);
  await expectAccessible(page);
  // Generous: the figure must climb by 8 MiB, which the loop does in about 4 s.
  await expect
    .poll(() => memoryShown(page), { timeout: 60_000, intervals: [1_000] })
    .toBeGreaterThan(before + 8 * 2 ** 20);
  // The chart is drawn (uPlot's canvas) beside the words.
  await expect(page.getByTestId("usage-memory").locator("canvas").first()).toBeVisible();
  // The charts are redrawn in the dark theme's colours, and the page passes there too.
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await expect(page.getByTestId("usage-memory").locator("canvas").first()).toBeVisible();
  await expectAccessible(page);
  await page.evaluate(() => (document.documentElement.dataset.theme = "light"));

  await page.goto(`${base()}/endpoints/${endpointId}`);
  await expect(page.getByRole("heading", { name: "Host totals" })).toBeVisible();
  await expect(page.getByTestId("usage-summary")).toContainText(/running container/, { timeout: 15_000 });
  await expectAccessible(page);
});

test("a cluster's pod and node pages show usage beside requests and limits, and node pressure", async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  const id = await addCluster(page, { name: `usage-${namespace}`, cluster });
  const node = (await core.listNode()).items[0]!.metadata!.name!;
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await core.createNamespacedPod({
    namespace,
    body: {
      // kwok reports the annotated usage to metrics-server, where the test clusters run one.
      metadata: {
        name: "measured",
        namespace,
        annotations: { "kwok.x-k8s.io/usage-cpu": "250m", "kwok.x-k8s.io/usage-memory": "48Mi" },
      },
      spec: {
        nodeName: node,
        containers: [
          {
            name: "main",
            image: "dashboard-test/busybox:1",
            resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } },
          },
        ],
      },
    },
  });
  await page.goto(`${base()}/endpoints/${id}/kube/pods/measured?namespace=${namespace}`);
  // metrics-server needs a scrape or two before the pod has figures.
  await expect(page.getByTestId("usage-summary")).toContainText("memory 48 MiB (request 64 MiB, limit 128 MiB)", {
    timeout: 120_000,
  });
  await expectAccessible(page);

  await page.goto(`${base()}/endpoints/${id}/kube/nodes/${node}`);
  await expect(page.getByTestId("node-pressure")).toContainText("MemoryPressure");
  await expect(page.getByTestId("usage-summary")).toContainText(/allocatable/, { timeout: 120_000 });
  await expectAccessible(page);
});
