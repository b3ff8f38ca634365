// A cluster's overview, live over socket.io against a real kube-apiserver: a warning recorded
// upstream and a new pod show in the pushed overview of whoever may read them, and never in a
// namespace-limited viewer's; a revoked grant ends it.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ClusterOverview } from "@/lib/kube/cluster-overview";
import { clusterAdminApi, kubeEndpointWithRoles, LIMITED_NAMESPACE } from "../support/kube-endpoint";
import { ApiClient } from "../support/api-client";
import { createUser, grant, testDb } from "../support/seed";

const { core } = clusterAdminApi();
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const sockets: Socket[] = [];
const pods: { namespace: string; name: string }[] = [];
let ctx: Awaited<ReturnType<typeof kubeEndpointWithRoles>>;

type Pushed = { endpointId: string; overview: ClusterOverview | null; closed: boolean };

/** A tab showing the overview: the first answer, then every push. */
async function follow(cookie: string) {
  const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true });
  sockets.push(socket);
  const pushes: Pushed[] = [];
  socket.on("kube:overview", (event: Pushed) => pushes.push(event));
  const reply = (await socket.timeout(30_000).emitWithAck("kube:overview", { endpointId: ctx.endpointId })) as
    | { ok: true; data: { overview: ClusterOverview } }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(reply.error);
  const latest = () => pushes.findLast((p) => p.overview)?.overview ?? reply.data.overview;
  return { socket, first: reply.data.overview, pushes, latest };
}

const warning = (namespace: string, reason: string) =>
  core.createNamespacedEvent({
    namespace,
    body: {
      metadata: { name: `ov.${unique()}` },
      involvedObject: { kind: "Pod", namespace, name: "somebody" },
      reason,
      message: `${reason} in ${namespace}`,
      type: "Warning",
      source: { component: "fleetdeck-test" },
      firstTimestamp: new Date(),
      lastTimestamp: new Date(),
    },
  });

beforeAll(async () => {
  ctx = await kubeEndpointWithRoles(`kov-${unique()}`);
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(pods.map((p) => core.deleteNamespacedPod({ ...p, gracePeriodSeconds: 0 }).catch(() => {})));
});

describe("kube:overview", () => {
  it("pushes new warnings and pod counts as the cluster changes, within each viewer's namespaces", async () => {
    const viewer = await follow(ctx.viewer.cookie);
    const limited = await follow(ctx.teamAOperator.cookie);
    expect(viewer.first.nodes).not.toBeNull();
    expect(limited.first.nodes).toBeNull(); // nodes are cluster-wide: not for a namespace-limited grant
    const [outside, inside] = [`Outside${unique()}`, `Inside${unique()}`];
    await warning("sample", outside);
    await warning(LIMITED_NAMESPACE, inside);
    await expect
      .poll(() => viewer.latest().warnings.map((w) => w.reason), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([outside, inside]));
    await expect.poll(() => limited.latest().warnings.map((w) => w.reason), { timeout: 15_000 }).toContain(inside);
    // Never pushed to the team-a operator, in any overview it received.
    const seen = limited.pushes.flatMap((p) => p.overview?.warnings.map((w) => w.reason) ?? []);
    expect(seen).not.toContain(outside);

    const running = viewer.latest().pods.running + viewer.latest().pods.pending;
    const name = `kov-${unique()}`;
    pods.push({ namespace: "sample", name });
    await core.createNamespacedPod({
      namespace: "sample",
      body: { metadata: { name }, spec: { containers: [{ name: "c", image: "dashboard-test/busybox:1" }] } },
    });
    await expect
      .poll(() => viewer.latest().pods.running + viewer.latest().pods.pending, { timeout: 15_000 })
      .toBe(running + 1);
  });

  it("ends when the grant is revoked", async () => {
    const user = await createUser();
    const access = await grant({ userId: user.id, endpointId: ctx.endpointId, role: "VIEWER" });
    const client = new ApiClient(inject("appUrl"));
    expect(await client.signIn(user.email, user.password)).toBeNull();
    const viewer = await follow(client.cookie);
    await (await testDb()).accessGrant.delete({ where: { id: access.id } });
    await expect.poll(() => viewer.pushes.some((p) => p.closed && p.overview === null), { timeout: 15_000 }).toBe(true);
  });

  it("refuses an endpoint the person may not see, in the words it uses for one that does not exist", async () => {
    const viewer = await follow(ctx.operator.cookie);
    const reply = await viewer.socket
      .timeout(10_000)
      .emitWithAck("kube:overview", { endpointId: "cm0000000000000000000000" });
    expect(reply).toEqual({ ok: false, error: "endpoint not found" });
  });
});
