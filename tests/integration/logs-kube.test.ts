// Pod logs from a real kube-apiserver (kwok serving the log file) through the same hub and
// socket protocol as Docker; namespace-limited grants are enforced.
import { appendFileSync, readFileSync } from "node:fs";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { logSocket } from "../support/log-socket";
import { createUser, grant } from "../support/seed";

const cluster = readTestEnv().kubernetes[0]!;
let endpointId = "";
let pod = "";
const sockets: Socket[] = [];

function viewer(cookie: string) {
  const v = logSocket(inject("appUrl"), cookie);
  sockets.push(v.socket);
  return v;
}

beforeAll(async () => {
  const admin = new ApiClient(inject("appUrl"));
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `logs-cluster-${Date.now()}`,
    connection: {
      kind: "kubernetes-kubeconfig",
      kubeconfig: readFileSync(cluster.adminKubeconfig, "utf8"),
      context: "admin",
    },
  });
  endpointId = created.json.endpoint.id;
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.adminKubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  // expect.poll is for tests only; wait here for the sample pods to be Running.
  const deadline = Date.now() + 60_000;
  while (!pod && Date.now() < deadline) {
    const pods = await core.listNamespacedPod({ namespace: "sample", labelSelector: "app=web" });
    pod = pods.items.find((p) => p.status?.phase === "Running")?.metadata?.name ?? "";
    if (!pod) await new Promise((r) => setTimeout(r, 500));
  }
  if (!pod) throw new Error("no Running pod of the sample Deployment");
});

afterAll(() => sockets.forEach((s) => s.close()));

describe("pod logs", () => {
  it("follows a pod's container: a line appended upstream arrives", async () => {
    const admin = new ApiClient(inject("appUrl"));
    await admin.signIn(ADMIN.email, ADMIN.password);
    const v = viewer(admin.cookie);
    const ack = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:subscribe", { endpointId, target: { kind: "pod", namespace: "sample", pod }, tail: 1 });
    expect(ack).toMatchObject({ ok: true, data: { label: `${pod}/web` } });
    await expect.poll(() => v.texts().length, { timeout: 10_000 }).toBe(1);
    const marker = `kube line ${Date.now()}`;
    const written = Date.now();
    appendFileSync(cluster.podLogFile, `${new Date().toISOString()} stdout F ${marker}\n`);
    await expect.poll(v.texts, { timeout: 10_000 }).toContain(marker);
    console.log(`[figure] pod log line → viewer socket in ${Date.now() - written} ms`);
  });

  it("limits a namespace-bound viewer to its namespace", async () => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId, role: "VIEWER", namespaces: ["team-a"] });
    const client = new ApiClient(inject("appUrl"));
    expect(await client.signIn(user.email, user.password)).toBeNull();
    const v = viewer(client.cookie);
    const refused = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:subscribe", { endpointId, target: { kind: "pod", namespace: "sample", pod } });
    expect(refused).toEqual({ ok: false, error: "you may not read these logs" });
  });
});
