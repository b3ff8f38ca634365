// A deployment rolled back from its page: the Revisions section lists both revisions (images,
// change cause, the current one), "Roll back to this" on the older one asks first, and the cluster's
// deployment gets that revision's template back while the page marks it current. A node drained
// from its page: the options first, then the progress of its pod's eviction.
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, test } from "@playwright/test";
import { readTestEnv } from "../../scripts/testenv/state";
import { addCluster, base, expectAccessible, signInAsAdmin } from "./support";

const cluster = readTestEnv().kubernetes[0]!;
const namespace = `e2e-rollout-${Date.now()}`;
const kc = new KubeConfig();
kc.loadFromFile(cluster.adminKubeconfig);
const apps = kc.makeApiClient(AppsV1Api);
const core = kc.makeApiClient(CoreV1Api);

const template = (image: string) => ({
  metadata: { labels: { app: "api" } },
  spec: { containers: [{ name: "main", image, command: ["sleep", "3600"] }] },
});
const liveImage = async () =>
  (await apps.readNamespacedDeployment({ name: "api", namespace })).spec?.template.spec?.containers[0]?.image;

const node = `${namespace}-node`;

test.afterAll(async () => {
  await core.deleteNamespace({ name: namespace }).catch(() => {});
  await core.deleteNode({ name: node }).catch(() => {});
});

test("roll a deployment back to an earlier revision from its Revisions section", async ({ page }) => {
  await signInAsAdmin(page);
  const id = await addCluster(page, { name: `kube-${namespace}`, cluster });
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await apps.createNamespacedDeployment({
    namespace,
    body: {
      metadata: { name: "api", namespace, annotations: { "kubernetes.io/change-cause": "first release" } },
      spec: { replicas: 1, selector: { matchLabels: { app: "api" } }, template: template("dashboard-test/busybox:1") },
    },
  });
  await expect
    .poll(async () => (await apps.readNamespacedDeployment({ name: "api", namespace })).status?.observedGeneration)
    .toBe(1);
  // The controller made revision 1's ReplicaSet; a new template makes revision 2.
  await apps.patchNamespacedDeployment({
    name: "api",
    namespace,
    body: [
      { op: "replace", path: "/spec/template/spec/containers/0/image", value: "dashboard-test/busybox:2" },
      { op: "replace", path: "/metadata/annotations/kubernetes.io~1change-cause", value: "second release" },
    ],
  });

  const pageUrl = `${base()}/endpoints/${id}/kube/deployments.apps/api?namespace=${namespace}`;
  const revisions = page.getByTestId("revisions");
  await expect
    .poll(
      async () => {
        await page.goto(pageUrl);
        return revisions.getByRole("row").count();
      },
      { timeout: 30_000 },
    )
    .toBe(3); // header + two revisions
  await expect(page.getByTestId("revision-2")).toContainText("current");
  await expect(page.getByTestId("revision-2")).toContainText("second release");
  await expect(page.getByTestId("revision-1")).toContainText("dashboard-test/busybox:1");
  await expectAccessible(page);

  await page.getByTestId("revision-1").getByRole("button", { name: "Roll back to this" }).click();
  const asking = page.getByRole("alertdialog", { name: "Roll Deployment api back to revision 1?" });
  await expect(asking.getByRole("button", { name: "Roll back" })).toBeFocused();
  await expectAccessible(page);
  await asking.getByRole("button", { name: "Roll back" }).click();
  await expect(page.getByText("Rolled Deployment api back to revision 1")).toBeVisible();
  await expect.poll(liveImage).toBe("dashboard-test/busybox:1");
  // The controller takes revision 1's template back as revision 3, and the page says it is current.
  await expect
    .poll(
      async () => {
        await page.goto(pageUrl);
        return page.getByTestId("revision-3").textContent();
      },
      { timeout: 30_000 },
    )
    .toContain("current");
  await expect(page.getByTestId("revision-3")).toContainText("first release");
});

test("drain a node from its page, with the eviction's progress", async ({ page }) => {
  await signInAsAdmin(page);
  const id = await addCluster(page, { name: `kube-${node}`, cluster });
  await core.createNode({
    body: {
      metadata: {
        name: node,
        annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
        labels: { type: "kwok", "kubernetes.io/hostname": node },
      },
    },
  });
  await core.createNamespace({ body: { metadata: { name: namespace } } }).catch(() => {}); // when run alone
  await core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: "batch", namespace },
      spec: { nodeName: node, containers: [{ name: "main", image: "dashboard-test/busybox:1" }] },
    },
  });

  await page.goto(`${base()}/endpoints/${id}/kube/nodes/${node}`);
  await page.getByRole("button", { name: "Drain", exact: true }).click();
  await expect(page.getByTestId("drain-options")).toContainText("DaemonSet");
  await page.getByLabel("Timeout (s)").fill("90");
  await page.getByRole("button", { name: `Drain ${node}` }).click();
  // kwok removes an evicted pod when it gets to it: seconds, or more on a busy machine.
  await expect(page.getByTestId("drain-progress")).toContainText("1 of 1 evicted", { timeout: 90_000 });
  await expect(page.getByTestId("drain-progress")).toContainText(`${namespace}/batch evicted`);
  await expect(page.getByText(`${node} is drained`)).toBeVisible();
  expect((await core.readNode({ name: node })).spec?.unschedulable).toBe(true);
  await expect(page.getByRole("button", { name: "Uncordon" })).toBeVisible();
  await expectAccessible(page);
});
