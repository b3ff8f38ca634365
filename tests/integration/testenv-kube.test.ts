// The test clusters are real: pods of the sample Deployment run on kwok nodes, their logs follow
// through the API server, exec works, RBAC limits the restricted user, and the clusters are separate.
import { appendFileSync } from "node:fs";
import { Writable } from "node:stream";
import { AppsV1Api, CoreV1Api, CustomObjectsApi, Exec, KubeConfig, Log, type V1Pod } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";

const [cluster1, cluster2] = readTestEnv().kubernetes;
const kubeconfig = (file: string) => {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
};
const admin1 = kubeconfig(cluster1!.adminKubeconfig);
const core1 = admin1.makeApiClient(CoreV1Api);

function collector() {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function runningWebPods(): Promise<V1Pod[]> {
  const pods = await core1.listNamespacedPod({ namespace: "sample", labelSelector: "app=web" });
  return pods.items.filter((p) => p.status?.phase === "Running");
}

describe("test Kubernetes clusters", () => {
  it("runs the sample Deployment's 3 pods on kwok nodes", async () => {
    await expect.poll(async () => (await runningWebPods()).length, { timeout: 60_000 }).toBe(3);
    const nodes = await core1.listNode();
    const kwokNodes = new Set(
      nodes.items
        .filter((n) => n.metadata?.annotations?.["kwok.x-k8s.io/node"] === "fake")
        .map((n) => n.metadata!.name),
    );
    for (const pod of await runningWebPods()) expect(kwokNodes.has(pod.spec!.nodeName!)).toBe(true);
    const deployment = await admin1
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: "web", namespace: "sample" });
    expect(deployment.spec?.replicas).toBe(3);
    const widget = await admin1.makeApiClient(CustomObjectsApi).getNamespacedCustomObject({
      group: "fleetdeck.test",
      version: "v1",
      namespace: "sample",
      plural: "widgets",
      name: "gizmo",
    });
    expect((widget as { spec: { size: number } }).spec.size).toBe(3);
  });

  it("follows a pod's log through the API server: an appended line arrives", async () => {
    await expect.poll(async () => (await runningWebPods()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const pod = (await runningWebPods())[0]!;
    const out = collector();
    const controller = await new Log(admin1).log("sample", pod.metadata!.name!, "web", out.stream, {
      follow: true,
      tailLines: 1,
    });
    try {
      // The last existing line arrives first: the stream is open.
      await expect.poll(out.text, { timeout: 10_000 }).not.toBe("");
      const marker = `appended ${Date.now()}`;
      const started = Date.now();
      appendFileSync(cluster1!.podLogFile, `${new Date().toISOString()} stdout F ${marker}\n`);
      await expect.poll(out.text, { timeout: 10_000 }).toContain(marker);
      console.log(`[figure] appended log line arrived through kube-apiserver after ${Date.now() - started} ms`);
    } finally {
      controller.abort();
    }
  });

  it("execs `echo hi` through client-node and reads hi", async () => {
    await expect.poll(async () => (await runningWebPods()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const pod = (await runningWebPods())[0]!;
    const out = collector();
    const status = await new Promise<string | undefined>((resolve, reject) => {
      new Exec(admin1)
        .exec("sample", pod.metadata!.name!, "web", ["echo", "hi"], out.stream, null, null, false, (s) =>
          resolve(s.status),
        )
        .catch((e: unknown) => reject(new Error(String((e as { message?: string }).message ?? e))));
    });
    expect(status).toBe("Success");
    expect(out.text().trim()).toBe("hi");
  });

  it("gives the restricted user 403 outside its namespace", async () => {
    const restricted = kubeconfig(cluster1!.restricted.kubeconfig).makeApiClient(CoreV1Api);
    await expect(restricted.listNamespacedPod({ namespace: cluster1!.restricted.namespace })).resolves.toBeTruthy();
    const error = await restricted.listNamespacedPod({ namespace: "sample" }).catch((e: unknown) => e);
    expect((error as { code?: number }).code).toBe(403);
  });

  it("keeps cluster 2 independent of cluster 1", async () => {
    const name = `only-in-cluster1-${Date.now()}`;
    await core1.createNamespace({ body: { metadata: { name } } });
    const core2 = kubeconfig(cluster2!.adminKubeconfig).makeApiClient(CoreV1Api);
    const names = (await core2.listNamespace()).items.map((n) => n.metadata!.name);
    expect(names).toContain("sample");
    expect(names).not.toContain(name);
    expect(cluster2!.server).not.toBe(cluster1!.server);
    await core1.deleteNamespace({ name });
  });
});
