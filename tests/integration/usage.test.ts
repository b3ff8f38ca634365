// Live usage over socket.io against real engines and clusters: viewers of one container share one
// stats stream that closes when they leave, the figures are the container's (memory used, the
// limit it was started with), refusals are audited, and a cluster without metrics-server says so.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { UsageHub } from "../../lib/streams/usage/usage-hub";
import type { UsagePoint, UsageSeries } from "../../lib/streams/usage/usage-types";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";
import { clusterAdminApi, kubeEndpointWithRoles } from "../support/kube-endpoint";
import { adminTarget } from "../support/kube-target";
import { createUser, grant, testDb } from "../support/seed";

const engine = testEngine(0);
const sockets: Socket[] = [];
const MiB = 2 ** 20;
let ctx: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;

type WatchReply = { ok: true; data: { watchId: string; series: UsageSeries } } | { ok: false; error: string };

function socketTo(url: string, cookie?: string) {
  const socket = connect(url, { transports: ["websocket"], forceNew: true, extraHeaders: cookie ? { cookie } : {} });
  sockets.push(socket);
  const points: UsagePoint[] = [];
  socket.on("usage:points", (e: { points: UsagePoint[] }) => points.push(...e.points));
  return { socket, points };
}

const watch = (socket: Socket, request: unknown): Promise<WatchReply> =>
  socket.timeout(20_000).emitWithAck("usage:watch", request);

beforeAll(async () => {
  ctx = await dockerEndpointWithRoles(`usage-${Date.now()}`);
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

describe("container usage", () => {
  it("shares one stats stream between two viewers, with the container's own figures, and closes it when both leave", async () => {
    process.env.ENCRYPTION_KEY = inject("encryptionKey");
    process.env.DATA_DIR ??= "/tmp/fleetdeck-usage-test";
    await testDb();
    const { attachUsageWatch } = await import("../../lib/realtime/usage-watch");
    const { loadSubject } = await import("../../lib/rbac/load-subject");
    const user = await createUser();
    await grant({ userId: user.id, endpointId: ctx.endpointId, role: "VIEWER" });
    const subject = (await loadSubject(user.id))!;
    // The real handlers on an in-process socket.io server, so the hub's upstream count can be read.
    const httpServer = createServer();
    const server = new Server(httpServer, { transports: ["websocket"] });
    server.use((socket, next) => {
      socket.data = { subject, credential: { kind: "session", sessionId: "in-process", expiresAt: null } };
      next();
    });
    const usage = attachUsageWatch(server as never, () => {}, new UsageHub({ keepMs: 500 }));
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    const container = await engine.run(["sh", "-c", "x=$(head -c 3000000 /dev/zero | tr '\\0' a); exec sleep 300"], {
      HostConfig: { Memory: 64 * MiB },
    });
    try {
      const [a, b] = [socketTo(url), socketTo(url)];
      const request = { endpointId: ctx.endpointId, target: { kind: "container", containerId: container.id } };
      const first = await watch(a.socket, request);
      expect(first).toMatchObject({ ok: true, data: { series: { columns: expect.arrayContaining(["memory"]) } } });
      const second = await watch(b.socket, request);
      expect(second.ok).toBe(true);
      expect(usage.hub.openUpstreams).toBe(1);
      // Both viewers receive the same stream's samples.
      await expect.poll(() => a.points.length, { timeout: 15_000 }).toBeGreaterThan(1);
      await expect.poll(() => b.points.length, { timeout: 15_000 }).toBeGreaterThan(1);
      const columns = (first as { data: { series: UsageSeries } }).data.series.columns;
      const last = b.points.at(-1)!;
      const value = (name: string) => last.v[columns.indexOf(name)]!;
      expect(value("memory")).toBeGreaterThan(0);
      expect(value("memory")).toBeLessThan(64 * MiB);
      expect(value("memoryLimit")).toBe(64 * MiB);
      expect(value("cpu")).toBeGreaterThanOrEqual(0);
      expect(Math.abs(last.t - Date.now())).toBeLessThan(60_000);
      // A late joiner gets the history first.
      const c = socketTo(url);
      const late = await watch(c.socket, request);
      expect(late.ok && late.data.series.points.length).toBeGreaterThan(0);
      c.socket.close();

      a.socket.close();
      await new Promise((r) => setTimeout(r, 300));
      expect(usage.hub.openUpstreams).toBe(1);
      b.socket.close();
      await expect.poll(() => usage.hub.openUpstreams, { timeout: 10_000 }).toBe(0);
      // The history goes shortly after the last viewer.
      await expect.poll(() => usage.hub.heldSeries, { timeout: 10_000 }).toBe(0);
    } finally {
      server.close();
    }
  });

  it("refuses a viewer of another endpoint as if the endpoint did not exist, and audits it", async () => {
    const container = await engine.run(["sleep", "300"]);
    const other = await dockerEndpointWithRoles(`usage-other-${Date.now()}`);
    const { socket } = socketTo(inject("appUrl"), other.viewer.cookie);
    const reply = await watch(socket, {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
    });
    expect(reply).toEqual({ ok: false, error: "endpoint not found" });
    const denied = await (
      await testDb()
    ).auditEvent.findMany({ where: { outcome: "DENIED", target: ctx.endpointId, action: "resource.read" } });
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.at(-1)!.detail).toMatchObject({ via: "socket", event: "usage:watch" });
  });

  it("ends a watch when the viewer's grant is taken away", async () => {
    const container = await engine.run(["sleep", "300"]);
    const user = await createUser();
    const granted = await grant({ userId: user.id, endpointId: ctx.endpointId, role: "VIEWER" });
    const client = new ApiClient(inject("appUrl"));
    expect(await client.signIn(user.email, user.password)).toBeFalsy();
    const { socket, points } = socketTo(inject("appUrl"), client.cookie);
    const statuses: { error: string | null; closed: boolean }[] = [];
    socket.on("usage:status", (e: { error: string | null; closed: boolean }) => statuses.push(e));
    const reply = await watch(socket, {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
    });
    expect(reply.ok).toBe(true);
    await expect.poll(() => points.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await (await testDb()).accessGrant.delete({ where: { id: granted.id } });
    await expect.poll(() => statuses.find((s) => s.closed), { timeout: 15_000 }).toBeTruthy();
    // Nothing more comes for it.
    const received = points.length;
    await new Promise((r) => setTimeout(r, 2_500));
    expect(points.length).toBe(received);
  });

  it("answers a stopped container plainly", async () => {
    const container = await engine.run(["true"]);
    await container.wait();
    const { socket } = socketTo(inject("appUrl"), ctx.viewer.cookie);
    const reply = await watch(socket, {
      endpointId: ctx.endpointId,
      target: { kind: "container", containerId: container.id },
    });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/is not running/) });
  });
});

describe("Kubernetes usage", () => {
  const { core } = clusterAdminApi(0);
  const namespace = `usage-${Date.now()}`;
  afterAll(() => core.deleteNamespace({ name: namespace }).catch(() => undefined));

  it("follows a pod's usage beside its requests and limits, and a node's, from the cluster's metrics-server", async () => {
    const kube = await kubeEndpointWithRoles(`usage-kube-${Date.now()}`);
    const node = (await core.listNode()).items[0]!.metadata!.name!;
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    // kwok reports the annotated usage to the first test cluster's metrics-server.
    await core.createNamespacedPod({
      namespace,
      body: {
        metadata: {
          name: "measured",
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
    const { socket, points } = socketTo(inject("appUrl"), kube.viewer.cookie);
    const infos: unknown[] = [];
    socket.on("usage:points", (e: { info: unknown }) => e.info && infos.push(e.info));
    const podReply = await watch(socket, {
      endpointId: kube.endpointId,
      target: { kind: "pod", namespace, pod: "measured" },
    });
    // The real path: metrics-server needs a scrape or two before the pod has figures.
    expect(podReply).toMatchObject({ ok: true, data: { series: { columns: ["cpu", "memory"] } } });
    await expect.poll(() => points.at(-1)?.v[1], { timeout: 120_000, interval: 2_000 }).toBe(48 * MiB);
    expect(infos.at(-1)).toMatchObject({
      kind: "pod",
      containers: [
        { name: "main", requests: { cpu: 0.1, memory: 64 * MiB }, limits: { cpu: null, memory: 128 * MiB } },
      ],
    });
    const nodeReply = await watch(socket, { endpointId: kube.endpointId, target: { kind: "node", node } });
    expect(nodeReply).toMatchObject({ ok: true, data: { series: { columns: ["cpu", "memory"] } } });
  }, 180_000);

  it("says plainly when a cluster has no metrics API (the second test cluster runs no metrics-server)", async () => {
    const admin = new ApiClient(inject("appUrl"));
    expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `usage-no-metrics-${Date.now()}`,
      connection: adminTarget(1),
    });
    expect(created.status).toBe(201);
    const endpointId = created.json.endpoint.id;
    const node = (await clusterAdminApi(1).core.listNode()).items[0]!.metadata!.name!;
    const { socket } = socketTo(inject("appUrl"), admin.cookie);
    for (const target of [
      { kind: "pod", namespace: "default", pod: "anything" },
      { kind: "node", node },
    ])
      expect(await watch(socket, { endpointId, target })).toEqual({
        ok: false,
        error: expect.stringMatching(/^metrics-server not installed/),
      });
    await admin.request("DELETE", `/api/endpoints/${endpointId}`);
  });
});
