// The Logs page in Chromium: containers picked by label on every Docker endpoint and a Kubernetes
// workload, merged in one view with each line tagged by its source; a new pod of the workload joins
// while the view is open; the server-side search finds lines across all of them.
import { appendFileSync } from "node:fs";
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, test } from "@playwright/test";
import { say, testEngine } from "../support/engine";
import { addCluster, addEndpoint, base, expectAccessible, signInAsAdmin } from "./support";

const engines = [testEngine(0), testEngine(1)];
const { env } = engines[0]!;
const cluster = env.kubernetes[0]!;
const stamp = Date.now();
const namespace = `e2e-logs-${stamp}`;
const kc = new KubeConfig();
kc.loadFromFile(cluster.adminKubeconfig);
const apps = kc.makeApiClient(AppsV1Api);
const core = kc.makeApiClient(CoreV1Api);

const worker = (replicas: number) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "worker", namespace },
  spec: {
    replicas,
    selector: { matchLabels: { app: "worker" } },
    template: {
      metadata: { labels: { app: "worker" } },
      spec: { containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["emit-lines", "1", "0"] }] },
    },
  },
});

test.afterAll(async () => {
  await Promise.all(engines.map((e) => e.cleanup()));
  await core.deleteNamespace({ name: namespace }).catch(() => {});
});

test("merged view: labels on every Docker endpoint plus a workload; a new pod joins; search finds lines", async ({
  page,
}) => {
  await signInAsAdmin(page);
  const engineNames = [`merged1-${stamp}`, `merged2-${stamp}`];
  for (const [i, name] of engineNames.entries())
    await addEndpoint(page, {
      name,
      connection: { kind: "docker", transport: "socket", socketPath: env.docker[i]!.socketPath },
    });
  const clusterName = `merged-cluster-${stamp}`;
  await addCluster(page, { name: clusterName, cluster });
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await apps.createNamespacedDeployment({ namespace, body: worker(1) });
  const Labels = { "fleetdeck.test/e2e": String(stamp) };
  const a = await engines[0]!.run(["sleep", "300"], { name: `lab-a-${stamp}`, Labels });
  const b = await engines[1]!.run(["sleep", "300"], { name: `lab-b-${stamp}`, Labels });

  await page.goto(`${base()}/logs`);
  await expectAccessible(page);
  // Docker containers by label, on every Docker endpoint.
  await page.getByLabel("Endpoint", { exact: true }).selectOption({ label: `${engineNames[0]} (Docker)` });
  await page.getByLabel("Label selector").fill(`fleetdeck.test/e2e=${stamp}`);
  await page.getByLabel(/on every Docker endpoint/).check();
  await page.getByRole("button", { name: "Add by labels" }).click();
  // A workload of the cluster.
  await page.getByLabel("Endpoint", { exact: true }).selectOption({ label: `${clusterName} (Kubernetes)` });
  const workload = page
    .getByLabel("Source", { exact: true })
    .locator("option", { hasText: `${namespace}/worker (deployment` });
  await expect(workload).toHaveCount(1);
  await page.getByLabel("Source", { exact: true }).selectOption({ label: (await workload.textContent())! });
  await page.getByRole("button", { name: "Add to view" }).click();

  const sources = page.getByLabel("Sources", { exact: true });
  // Earlier specs registered the same engines under other names: "every Docker endpoint" reaches
  // each container once per endpoint that leads to it.
  await expect(sources.getByRole("button", { name: `lab-a-${stamp}` }).first()).toBeVisible();
  await expect(sources.getByRole("button", { name: `lab-b-${stamp}` }).first()).toBeVisible();
  await expect(sources.getByRole("button", { name: /^● worker-.*\/main$/ })).toHaveCount(1);
  await expect(page.getByTestId("log-status")).toHaveText("● live");
  // A permalink: one labels source per Docker endpoint the admin sees, and the workload.
  const listed = (await (await page.request.get(`${base()}/api/endpoints`)).json()) as {
    endpoints: { kind: string }[];
  };
  const inUrl = new URL(page.url()).searchParams.getAll("s");
  expect(inUrl.filter((s) => s.includes("~l~"))).toHaveLength(
    listed.endpoints.filter((e) => e.kind === "DOCKER").length,
  );
  expect(inUrl.filter((s) => s.includes("~w~"))).toEqual([
    expect.stringContaining(`~w~${namespace}~Deployment~worker`),
  ]);

  await say(a, "needle from a");
  await say(b, "hello from b");
  // Unique per run: every kwok pod serves the same log file, which keeps earlier runs' lines.
  const needle = `needle from the pods ${stamp}`;
  appendFileSync(cluster.podLogFile, `${new Date().toISOString()} stdout F ${needle}\n`);
  const lines = page.getByTestId("log-lines").getByTestId("log-line");
  await expect(lines.filter({ hasText: "needle from a" }).first()).toContainText(`lab-a-${stamp}`);
  await expect(lines.filter({ hasText: "hello from b" }).first()).toContainText(`lab-b-${stamp}`);
  await expect(lines.filter({ hasText: needle })).toContainText("worker-");

  // The workload scales: its new pod joins the open view.
  await apps.replaceNamespacedDeploymentScale({
    name: "worker",
    namespace,
    body: { metadata: { name: "worker", namespace }, spec: { replicas: 2 } },
  });
  await expect(sources.getByRole("button", { name: /^● worker-.*\/main$/ })).toHaveCount(2, { timeout: 30_000 });
  const afterScale = `after the scale ${stamp}`;
  appendFileSync(cluster.podLogFile, `${new Date().toISOString()} stdout F ${afterScale}\n`);
  await expect(lines.filter({ hasText: afterScale })).toHaveCount(2);

  // grep across what the server holds for every source.
  await page.getByLabel("Search every source").fill("needle");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByRole("dialog", { name: "Search results" });
  await expect(results.getByTestId("search-match").filter({ hasText: "needle from a" })).not.toHaveCount(0);
  await expect(results.getByTestId("search-match").filter({ hasText: needle })).not.toHaveCount(0);
  await expect(results.getByTestId("search-match").filter({ hasText: "hello from b" })).toHaveCount(0);
});
