// "Download the last N lines" read from the source itself: a container's stdout and stderr, a pod's
// container and its previous instance, with the same access checks as a log subscription.
import { readFileSync } from "node:fs";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { logSocket } from "../support/log-socket";
import { createUser, grant } from "../support/seed";

const cluster = readTestEnv().kubernetes[0]!;
const engine = testEngine(0);
const kc = new KubeConfig();
kc.loadFromFile(cluster.adminKubeconfig);
const core = kc.makeApiClient(CoreV1Api);
let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
let clusterId = "";
const namespace = `download-${Date.now()}`;
const pod = "db-0";
const sockets: Socket[] = [];

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles(`download-engine-${Date.now()}`);
  const admin = new ApiClient(inject("appUrl"));
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `download-cluster-${Date.now()}`,
    connection: {
      kind: "kubernetes-kubeconfig",
      kubeconfig: readFileSync(cluster.adminKubeconfig, "utf8"),
      context: "admin",
    },
  });
  clusterId = created.json.endpoint.id;
  // A pod of its own, so its status can be changed without touching other tests' pods.
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: pod },
      spec: { containers: [{ name: "db", image: "dashboard-test/busybox:1", command: ["sleep", "3600"] }] },
    },
  });
  for (let deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const status = await core.readNamespacedPodStatus({ name: pod, namespace });
    if (status.status?.containerStatuses?.[0]?.state?.running) break;
    await new Promise((r) => setTimeout(r, 300));
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
  await core.deleteNamespace({ name: namespace }).catch(() => {});
});

describe("log download", () => {
  it("gives a VIEWER the last N lines of a container, stdout and stderr, as a file", async () => {
    const container = await engine.run(["sh", "-c", "seq 1 50; sleep 0.5; echo oops >&2; exec sleep 300"]);
    const download = () =>
      ctx.viewer.raw("GET", `/api/endpoints/${ctx.endpointId}/logs?container=${container.id}&tail=5&timestamps=false`);
    // The container may not have written everything yet.
    await expect.poll(async () => (await download()).text, { timeout: 10_000 }).toContain("oops");
    const response = await download();
    expect(response.status).toBe(200);
    expect(response.text.trim().split("\n")).toEqual(["47", "48", "49", "50", "oops"]);

    const missing = await ctx.viewer.raw("GET", `/api/endpoints/${ctx.endpointId}/logs?tail=5`);
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: expect.stringMatching(/say which logs/) });
    const tooMany = await ctx.viewer.raw("GET", `/api/endpoints/${ctx.endpointId}/logs?container=x&tail=999999999`);
    expect(tooMany.status).toBe(400);
  });

  it("refuses an ungranted endpoint like a missing one, and a namespace outside the grant with 403", async () => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId: clusterId, role: "VIEWER", namespaces: ["team-a"] });
    const client = new ApiClient(inject("appUrl"));
    expect(await client.signIn(user.email, user.password)).toBeNull();
    const hidden = await client.raw("GET", `/api/endpoints/${ctx.endpointId}/logs?container=abc`);
    expect(hidden.status).toBe(404);
    const other = await client.raw("GET", `/api/endpoints/${clusterId}/logs?namespace=${namespace}&pod=${pod}`);
    expect(other.status).toBe(403);
  });

  it("reads a pod container's previous instance once restarted, and says so when there is none", async () => {
    const admin = new ApiClient(inject("appUrl"));
    await admin.signIn(ADMIN.email, ADMIN.password);
    const v = logSocket(inject("appUrl"), admin.cookie);
    sockets.push(v.socket);
    const target = { kind: "pod", namespace, pod, container: "db", previous: true };
    const none = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", { endpointId: clusterId, target });
    expect(none).toEqual({
      ok: false,
      error: "db has not restarted: there is no previous instance to read",
    });

    // The container restarted once (as the kubelet would record it).
    const current = await core.readNamespacedPodStatus({ name: pod, namespace });
    const statuses = current.status!.containerStatuses!.map((s) => ({
      ...s,
      restartCount: 1,
      lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: new Date() } },
    }));
    await core.replaceNamespacedPodStatus({
      name: pod,
      namespace,
      body: { ...current, status: { ...current.status, containerStatuses: statuses } },
    });
    const ack = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:subscribe", { endpointId: clusterId, target, tail: 5 });
    expect(ack).toMatchObject({ ok: true, data: { label: `${pod}/db (previous)` } });
    // Read once, not followed: the lines, then "ended".
    await expect.poll(() => JSON.stringify(v.frames), { timeout: 10_000 }).toContain("before the crash");
    await expect.poll(() => v.frames.some((f) => f.status === "ended"), { timeout: 10_000 }).toBe(true);
  });
});
