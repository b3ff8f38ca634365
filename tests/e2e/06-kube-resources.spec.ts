// A cluster in Chromium: its overview, a namespace picked for the deployments list, a deployment's
// page where it is scaled (the cluster changes and the page shows it), the pods list following it
// live, a pod opened from the deployment's related objects, and its logs.
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, test } from "@playwright/test";
import { readTestEnv } from "../../scripts/testenv/state";
import { addCluster, base, expectAccessible, signInAsAdmin } from "./support";

const cluster = readTestEnv().kubernetes[0]!;
const namespace = `e2e-kube-${Date.now()}`;
const kc = new KubeConfig();
kc.loadFromFile(cluster.adminKubeconfig);
const apps = kc.makeApiClient(AppsV1Api);
const core = kc.makeApiClient(CoreV1Api);

test.afterAll(async () => {
  await core.deleteNamespace({ name: namespace }).catch(() => {});
});

test("overview, namespace, scale a deployment from its page, open a pod and its logs", async ({ page }) => {
  await signInAsAdmin(page);
  const id = await addCluster(page, { name: `kube-${namespace}`, cluster });
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await apps.createNamespacedDeployment({
    namespace,
    body: {
      metadata: { name: "shop", namespace },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "shop" } },
        template: {
          metadata: { labels: { app: "shop" } },
          spec: {
            containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["emit-lines", "1", "0"] }],
          },
        },
      },
    },
  });

  await page.goto(`${base()}/endpoints/${id}`);
  await expect(page.getByTestId("cluster-overview")).toContainText(cluster.version);
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Cluster" }).getByRole("link", { name: "Deployments" }).click();
  await page.getByLabel("Namespace").selectOption(namespace);
  await expect(page).toHaveURL(new RegExp(`namespace=${namespace}`));
  const rows = page.getByTestId("kube-row");
  await expect(rows).toHaveCount(1);
  await expectAccessible(page);
  await rows.getByRole("link", { name: "shop" }).click();

  await expect(page.getByRole("heading", { name: /Deployment shop/ })).toBeVisible();
  const deploymentPage = page.url();
  await page.getByLabel("Replicas").fill("3");
  await page.getByRole("button", { name: "Scale" }).click();
  await expect(page.getByText("Scaled Deployment shop to 3")).toBeVisible();
  await expect
    .poll(async () => (await apps.readNamespacedDeployment({ name: "shop", namespace })).spec?.replicas)
    .toBe(3);
  await expect(page.getByTestId("object-yaml")).toContainText("replicas: 3");
  // Changed upstream while the page is open: the page follows, and events about it arrive, unasked.
  const live = await apps.readNamespacedDeployment({ name: "shop", namespace });
  live.metadata!.labels = { ...live.metadata!.labels, tier: "changed-upstream" };
  await apps.replaceNamespacedDeployment({ name: "shop", namespace, body: live });
  await expect(page.getByTestId("object-yaml")).toContainText("tier: changed-upstream");
  await core.createNamespacedEvent({
    namespace,
    body: {
      metadata: { name: `shop.${Date.now()}` },
      involvedObject: { kind: "Deployment", namespace, name: "shop", uid: live.metadata!.uid },
      reason: "ShopWarning",
      message: "something to look at",
      type: "Warning",
      source: { component: "fleetdeck-e2e" },
      firstTimestamp: new Date(),
      lastTimestamp: new Date(),
    },
  });
  await expect(page.getByTestId("object-events")).toContainText("ShopWarning something to look at");

  // The pods of the deployment, in the same namespace (remembered from the list).
  await page.getByRole("navigation", { name: "Cluster" }).getByRole("link", { name: "Pods" }).click();
  await expect(page).toHaveURL(new RegExp(`namespace=${namespace}`));
  await expect.poll(async () => page.getByTestId("kube-row").count(), { timeout: 30_000 }).toBe(3);
  // Back on the deployment's page, its pods are among its related objects.
  await page.goto(deploymentPage);
  await expect(page.getByRole("heading", { name: /Deployment shop/ })).toBeVisible();
  await page
    .getByTestId("related")
    .getByRole("link", { name: /^shop-.*-.*/ })
    .last()
    .click();
  await expect(page.getByRole("heading", { name: /Pod shop-/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Logs" }).click();
  await expect(page).toHaveURL(/\/logs\?s=/);
  await expect(page.getByTestId("log-status")).toHaveText("● live");
  // kwok serves every pod the same log file: some line of it arrives.
  await expect(page.getByTestId("log-line").first()).toBeVisible();
  await expectAccessible(page);
});
