// Live Kubernetes lists over socket.io against a real kube-apiserver (test cluster 1): rows arrive
// and leave as objects change upstream, each viewer sees only what it may read (namespaces,
// cluster-wide kinds, no secret values), a revoked grant ends the watch; and the watch cache
// itself, in this process: shared per scope, stopped when idle, paged, and relisting after a real
// 410 Gone without losing or repeating an object.
import { Watch } from "@kubernetes/client-node";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { KubeObject, KubeResourceRef } from "@/lib/kube/kinds/kind";
import type { ObjectChange } from "@/lib/kube/watch/watch-cache";
import { clusterAdminApi, kubeEndpointWithRoles, LIMITED_NAMESPACE } from "../support/kube-endpoint";
import { kubeWatchSocket } from "../support/kube-watch-socket";
import { createUser, grant, testDb } from "../support/seed";
import { ApiClient } from "../support/api-client";

const { core, custom, kc } = clusterAdminApi();
const sockets: Socket[] = [];
const createdPods: { namespace: string; name: string }[] = [];
let ctx: Awaited<ReturnType<typeof kubeEndpointWithRoles>>;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

function open(client: { cookie: string }, options: { holdAcks?: boolean } = {}) {
  const watcher = kubeWatchSocket(inject("appUrl"), client.cookie, options);
  sockets.push(watcher.socket);
  return watcher;
}

async function watchOk(watcher: ReturnType<typeof open>, request: Parameters<typeof watcher.watch>[0]) {
  const reply = await watcher.watch(request);
  if (!reply.ok) throw new Error(`kube:watch refused: ${reply.error}`);
  return reply.data.watchId;
}

async function createPod(namespace: string, name: string) {
  createdPods.push({ namespace, name });
  await core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name, labels: { app: "kwatch" } },
      spec: { containers: [{ name: "c", image: "dashboard-test/busybox:1", command: ["emit-lines", "1", "0"] }] },
    },
  });
}

const deletePod = (namespace: string, name: string) =>
  core.deleteNamespacedPod({ namespace, name, gracePeriodSeconds: 0 }).catch(() => {});

beforeAll(async () => {
  ctx = await kubeEndpointWithRoles(`kwatch-${unique()}`);
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(createdPods.map((p) => deletePod(p.namespace, p.name)));
});

describe("kube:watch", () => {
  it("shows a pod created with the API server, and removes it when it is deleted", async () => {
    const admin = open(ctx.admin);
    const watchId = await watchOk(admin, { endpointId: ctx.endpointId, resource: "pods", namespaces: ["sample"] });
    expect(admin.names(watchId)).toEqual(expect.arrayContaining([expect.stringMatching(/^sample\/web-/)]));
    const name = `kw-appear-${unique()}`;
    await createPod("sample", name);
    await expect.poll(() => admin.names(watchId), { timeout: 15_000 }).toContain(`sample/${name}`);
    const row = admin.rowsOf(watchId).find((r) => r.name === name)!;
    expect(row).toMatchObject({ namespace: "sample", labels: { app: "kwatch" }, deleting: false });
    await deletePod("sample", name);
    await expect.poll(() => admin.names(watchId), { timeout: 15_000 }).not.toContain(`sample/${name}`);
    expect(admin.batches.some((b) => b.watchId === watchId && b.deletes.includes(row.uid))).toBe(true);
  });

  it("gives a namespace-limited operator only its namespace's rows, and refuses other namespaces and cluster-wide kinds", async () => {
    const admin = open(ctx.admin);
    const limited = open(ctx.teamAOperator);
    const everything = await watchOk(admin, { endpointId: ctx.endpointId, resource: "pods" });
    const mine = await watchOk(limited, { endpointId: ctx.endpointId, resource: "pods" });
    expect(limited.rowsOf(mine).every((r) => r.namespace === LIMITED_NAMESPACE)).toBe(true);
    expect(admin.rowsOf(everything).some((r) => r.namespace === "sample")).toBe(true);

    const id = unique();
    await createPod("sample", `kw-other-${id}`);
    await createPod(LIMITED_NAMESPACE, `kw-mine-${id}`);
    await expect.poll(() => limited.names(mine), { timeout: 15_000 }).toContain(`team-a/kw-mine-${id}`);
    // The sample pod's events went through the same upstream (the admin saw them come and go).
    await expect.poll(() => admin.names(everything), { timeout: 15_000 }).toContain(`sample/kw-other-${id}`);
    await deletePod("sample", `kw-other-${id}`);
    await expect.poll(() => admin.names(everything), { timeout: 15_000 }).not.toContain(`sample/kw-other-${id}`);
    await new Promise((r) => setTimeout(r, 300)); // a batch in flight would have arrived by now

    const received = limited.batches.filter((b) => b.watchId === mine);
    expect(received.flatMap((b) => b.upserts).every((r) => r.namespace === LIMITED_NAMESPACE)).toBe(true);
    const otherUids = new Set(
      admin.batches.flatMap((b) => b.upserts.filter((r) => r.namespace !== LIMITED_NAMESPACE).map((r) => r.uid)),
    );
    expect(otherUids.size).toBeGreaterThan(0);
    expect(received.flatMap((b) => b.deletes).filter((uid) => otherUids.has(uid))).toEqual([]);
    expect(JSON.stringify(limited.batches)).not.toContain("sample");

    expect(await limited.watch({ endpointId: ctx.endpointId, resource: "pods", namespaces: ["sample"] })).toEqual({
      ok: false,
      error: "you may not read Pods in namespace sample",
    });
    for (const resource of ["nodes", "namespaces"])
      expect(await limited.watch({ endpointId: ctx.endpointId, resource })).toEqual({
        ok: false,
        error: expect.stringMatching(/^you may not read \w+: your access is limited to some namespaces$/),
      });
  });

  it("sends a viewer secrets' rows without their values", async () => {
    const viewer = open(ctx.viewer);
    const watchId = await watchOk(viewer, { endpointId: ctx.endpointId, resource: "secrets", namespaces: ["sample"] });
    const value = `kw-value-${unique()}`;
    const name = `kw-secret-${unique()}`;
    await core.createNamespacedSecret({
      namespace: "sample",
      body: { metadata: { name }, stringData: { token: value } },
    });
    try {
      await expect.poll(() => viewer.names(watchId), { timeout: 15_000 }).toContain(`sample/${name}`);
      const rows = viewer.rowsOf(watchId).filter((r) => r.name === name || r.name === "web-secret");
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(
          ["cells", "created", "deleting", "health", "labels", "name", "namespace", "resourceVersion", "uid"].sort(),
        );
        expect(row.cells.slice(0, 2)).toEqual(["Opaque", 1]);
      }
      const sent = JSON.stringify(viewer.rowsOf(watchId)) + JSON.stringify(viewer.batches);
      for (const secret of [value, "s3cret-sample"]) {
        expect(sent).not.toContain(secret);
        expect(sent).not.toContain(Buffer.from(secret).toString("base64"));
      }
    } finally {
      await core.deleteNamespacedSecret({ namespace: "sample", name }).catch(() => {});
    }
  });

  it("refuses an unknown resource id in words, and more than 20 watches per socket", async () => {
    const viewer = open(ctx.viewer);
    expect(await viewer.watch({ endpointId: ctx.endpointId, resource: "gizmos.example.com" })).toEqual({
      ok: false,
      error: 'unknown resource "gizmos.example.com": name one such as pods or deployments.apps',
    });
    const request = { endpointId: ctx.endpointId, resource: "configmaps", namespaces: ["sample"] };
    const replies = await Promise.all(Array.from({ length: 20 }, () => viewer.watch(request)));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(await viewer.watch(request)).toEqual({
      ok: false,
      error: "at most 20 Kubernetes watches per tab; close some lists first",
    });
    const first = replies[0]!;
    if (!first.ok) throw new Error("unreachable");
    await viewer.socket.timeout(10_000).emitWithAck("kube:unwatch", { watchId: first.data.watchId });
    expect(await viewer.watch(request)).toMatchObject({ ok: true });
  });

  it("pushes the events about one object (its page's live events), and only those", async () => {
    const viewer = open(ctx.viewer);
    const [mine, other] = [`kw-ev-${unique()}`, `kw-ev-other-${unique()}`];
    await createPod("sample", mine);
    await createPod("sample", other);
    const uidOf = async (name: string) => (await core.readNamespacedPod({ namespace: "sample", name })).metadata!.uid!;
    const [mineUid, otherUid] = [await uidOf(mine), await uidOf(other)];
    const refused = await viewer.watch({ endpointId: ctx.endpointId, resource: "pods", about: mineUid });
    expect(refused).toEqual({ ok: false, error: "only events can be watched about an object" });
    const watchId = await watchOk(viewer, {
      endpointId: ctx.endpointId,
      resource: "events",
      namespaces: ["sample"],
      about: mineUid,
    });
    // What a controller would record: one event about each pod, written after the page opened.
    const event = (pod: string, uid: string, reason: string) =>
      core.createNamespacedEvent({
        namespace: "sample",
        body: {
          metadata: { name: `${pod}.${unique()}` },
          involvedObject: { kind: "Pod", namespace: "sample", name: pod, uid },
          reason,
          message: `${reason} happened`,
          type: "Warning",
          source: { component: "fleetdeck-test" },
          firstTimestamp: new Date(),
          lastTimestamp: new Date(),
        },
      });
    await event(other, otherUid, "NotMine");
    await event(mine, mineUid, "BackOff");
    await expect.poll(() => viewer.rowsOf(watchId).map((r) => r.cells[1]), { timeout: 15_000 }).toContain("BackOff");
    expect(viewer.rowsOf(watchId).map((r) => r.cells[1])).not.toContain("NotMine");
    expect(
      viewer.batches.flatMap((b) => (b.watchId === watchId ? b.upserts : [])).map((r) => r.cells[1]),
    ).not.toContain("NotMine");
  });

  it("sends a browser that has not taken in its batches nothing more until it does, then the changes merged", async () => {
    const prompt = open(ctx.admin);
    const behind = open(ctx.admin, { holdAcks: true });
    const request = { endpointId: ctx.endpointId, resource: "pods", namespaces: ["sample"] };
    const promptId = await watchOk(prompt, request);
    const behindId = await watchOk(behind, request);
    const names = Array.from({ length: 6 }, (_, i) => `kw-slow-${i}-${unique()}`);
    // One at a time, each seen by the prompt viewer before the next: at least six separate batches.
    for (const name of names) {
      await createPod("sample", name);
      await expect.poll(() => prompt.names(promptId), { timeout: 20_000 }).toContain(`sample/${name}`);
    }
    expect(prompt.batches.filter((b) => b.watchId === promptId).length).toBeGreaterThanOrEqual(6);
    // The server answers in order on a socket: what it had sent before this reply has arrived.
    await behind.socket.timeout(10_000).emitWithAck("kube:unwatch", { watchId: "none" });
    expect(behind.batches.filter((b) => b.watchId === behindId).length).toBeLessThanOrEqual(2);
    behind.release();
    await expect
      .poll(() => behind.names(behindId), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(names.map((n) => `sample/${n}`)));
    await Promise.all(names.map((n) => deletePod("sample", n)));
    await expect
      .poll(() => behind.names(behindId).filter((n) => n.includes("kw-slow-")), { timeout: 20_000 })
      .toEqual([]);
  });

  it("ends the watch when the grant is revoked", async () => {
    const user = await createUser();
    const access = await grant({ userId: user.id, endpointId: ctx.endpointId, role: "VIEWER" });
    const client = new ApiClient(inject("appUrl"));
    expect(await client.signIn(user.email, user.password)).toBeNull();
    const viewer = open(client);
    const watchId = await watchOk(viewer, { endpointId: ctx.endpointId, resource: "pods", namespaces: ["sample"] });
    await (await testDb()).accessGrant.delete({ where: { id: access.id } });
    await expect
      .poll(() => viewer.statuses.find((s) => s.watchId === watchId), { timeout: 15_000 })
      .toEqual({ watchId, error: expect.stringMatching(/^access revoked/), closed: true });
  });

  it("falls back to one watch per allowed namespace when the endpoint may not list cluster-wide", async () => {
    const restricted = await kubeEndpointWithRoles(`kwatch-restricted-${unique()}`, { token: "restricted" });
    const limited = open(restricted.teamAOperator);
    const watchId = await watchOk(limited, { endpointId: restricted.endpointId, resource: "pods" });
    const name = `kw-fallback-${unique()}`;
    await createPod(LIMITED_NAMESPACE, name);
    await expect.poll(() => limited.names(watchId), { timeout: 15_000 }).toContain(`team-a/${name}`);
    expect(limited.rowsOf(watchId).every((r) => r.namespace === LIMITED_NAMESPACE)).toBe(true);
    // Everything, on that endpoint, is the API server's refusal in its own words.
    const admin = open(restricted.admin);
    expect(await admin.watch({ endpointId: restricted.endpointId, resource: "pods" })).toEqual({
      ok: false,
      error: expect.stringMatching(/access denied .*\(403\): .*cannot list resource "pods".*cluster scope/),
    });
  });
});

describe("the watch cache (in this process, against the API server)", () => {
  const widgets: KubeResourceRef = { group: "fleetdeck.test", version: "v1", resource: "widgets", namespaced: true };
  const configmaps: KubeResourceRef = { group: "", version: "v1", resource: "configmaps", namespaced: true };
  const namespace = `kwatch-${unique()}`;
  const widgetApi = { group: widgets.group, version: widgets.version, plural: widgets.resource, namespace };
  let cacheModule: typeof import("@/lib/kube/watch/shared-watch-cache");
  let endpoint: import("@/lib/db/client").Endpoint;

  const createWidget = (name: string, size: number) =>
    custom.createNamespacedCustomObject({
      ...widgetApi,
      body: { apiVersion: "fleetdeck.test/v1", kind: "Widget", metadata: { name }, spec: { size } },
    });

  beforeAll(async () => {
    process.env.ENCRYPTION_KEY = inject("encryptionKey");
    process.env.DATA_DIR ??= "/tmp/fleetdeck-kube-watch-test";
    endpoint = (await (await testDb()).endpoint.findUnique({ where: { id: ctx.endpointId } }))!;
    cacheModule = await import("@/lib/kube/watch/shared-watch-cache");
    await core.createNamespace({ body: { metadata: { name: namespace } } });
  });

  afterAll(async () => {
    await core.deleteNamespace({ name: namespace }).catch(() => {});
  });

  it("shares one list+watch per scope between holders and stops it once unused for the idle time", async () => {
    const cache = new cacheModule.SharedKubeWatchCache({ idleMs: 500 });
    const a = cache.acquire(endpoint, { ref: configmaps, namespace: "sample" });
    const b = cache.acquire(endpoint, { ref: configmaps, namespace: "sample" });
    await Promise.all([a.ready, b.ready]);
    expect(cache.size).toBe(1);
    const stored = a.get("web-config", "sample")!;
    expect(stored).toMatchObject({ apiVersion: "v1", kind: "ConfigMap", data: { GREETING: "hello" } });
    expect(stored.metadata.managedFields).toBeUndefined();
    expect(b.get("web-config", "sample")).toBe(stored);
    const everywhere = cache.acquire(endpoint, { ref: configmaps, namespace: null });
    await everywhere.ready;
    expect(cache.size).toBe(2);

    a.release();
    everywhere.release();
    await expect.poll(() => cache.size, { timeout: 5_000 }).toBe(1); // b still holds its scope
    b.release();
    expect(cache.size).toBe(1); // kept for the idle time: a reload would reuse it
    const again = cache.acquire(endpoint, { ref: configmaps, namespace: "sample" });
    await again.ready;
    again.release();
    await new Promise((r) => setTimeout(r, 200));
    expect(cache.size).toBe(1);
    await expect.poll(() => cache.size, { timeout: 5_000 }).toBe(0);
  });

  it("pages the first list, and relists after a real 410 Gone reporting only what changed", async () => {
    for (let i = 1; i <= 5; i++) await createWidget(`w${i}`, i);
    const cache = new cacheModule.SharedKubeWatchCache({ pageSize: 2 });
    const changes: ObjectChange[] = [];
    const handle = cache.acquire(endpoint, { ref: widgets, namespace }, (batch) => changes.push(...batch));
    const names = () => handle.list().map((o: KubeObject) => o.metadata.name);
    try {
      await handle.ready;
      expect(names().sort()).toEqual(["w1", "w2", "w3", "w4", "w5"]); // three pages of two

      // The API server's own answer for resourceVersion 1: 410, since its watch cache of this
      // CRD began later (as for a client that was away longer than that cache reaches back).
      const answer = await new Promise<unknown>((resolve) => {
        void new Watch(kc)
          .watch(
            `/apis/fleetdeck.test/v1/namespaces/${namespace}/widgets`,
            { resourceVersion: "1" },
            (type: string, object: { code?: number }) => resolve({ type, code: object.code }),
            (error: { statusCode?: number } | null) => resolve({ done: error?.statusCode ?? null }),
          )
          .then((controller) => setTimeout(() => controller.abort(), 1_000));
      });
      expect(answer).toEqual({ type: "ERROR", code: 410 });

      // Drop the watch, change things while nobody watches, resume from that expired version.
      const upstream = cache.__resumeFrom(endpoint.id, { ref: widgets, namespace }, "1", async () => {
        await custom.deleteNamespacedCustomObject({ ...widgetApi, name: "w1" });
        const w2 = (await custom.getNamespacedCustomObject({ ...widgetApi, name: "w2" })) as KubeObject;
        await custom.replaceNamespacedCustomObject({ ...widgetApi, name: "w2", body: { ...w2, spec: { size: 20 } } });
        await createWidget("w6", 6);
      });
      await expect.poll(() => upstream.relists, { timeout: 15_000 }).toBe(1);
      const summary = () => changes.map((c) => `${c.type} ${c.object.metadata.name}`).sort();
      await expect.poll(summary, { timeout: 5_000 }).toEqual(["added w6", "deleted w1", "modified w2"]);
      expect(names().sort()).toEqual(["w2", "w3", "w4", "w5", "w6"]);
      expect(handle.get("w2", namespace)).toMatchObject({ spec: { size: 20 } });

      // The watch goes on from the relist: a later change arrives, once.
      await createWidget("w7", 7);
      await expect.poll(summary, { timeout: 15_000 }).toEqual(["added w6", "added w7", "deleted w1", "modified w2"]);
      await new Promise((r) => setTimeout(r, 500));
      expect(changes).toHaveLength(4);
    } finally {
      handle.release();
      cache.stopAll();
    }
  });
  it("resumes a dropped watch from its resourceVersion: what changed meanwhile arrives once, without a relist", async () => {
    const cache = new cacheModule.SharedKubeWatchCache();
    const changes: ObjectChange[] = [];
    const handle = cache.acquire(endpoint, { ref: widgets, namespace }, (batch) => changes.push(...batch));
    try {
      await handle.ready;
      const before = handle.list().length;
      const upstream = cache.__resumeFrom(endpoint.id, { ref: widgets, namespace }, null, async () => {
        await createWidget("w8", 8);
        await custom.deleteNamespacedCustomObject({ ...widgetApi, name: "w3" });
      });
      const summary = () => changes.map((c) => `${c.type} ${c.object.metadata.name}`).sort();
      await expect.poll(summary, { timeout: 15_000 }).toEqual(["added w8", "deleted w3"]);
      await new Promise((r) => setTimeout(r, 500));
      expect(changes).toHaveLength(2);
      expect(upstream.relists).toBe(0);
      expect(handle.list()).toHaveLength(before);
    } finally {
      handle.release();
      cache.stopAll();
    }
  });

  it("tells holders when the upstream is lost, and when it is back", async () => {
    let reachable = true;
    const cache = new cacheModule.SharedKubeWatchCache({ loadEndpoint: async () => (reachable ? endpoint : null) });
    const changes: ObjectChange[] = [];
    const handle = cache.acquire(endpoint, { ref: widgets, namespace }, (batch) => changes.push(...batch));
    const problems: (string | null)[] = [];
    try {
      await handle.ready;
      handle.onProblem((problem) => problems.push(problem));
      cache.__resumeFrom(endpoint.id, { ref: widgets, namespace }, null, async () => {
        reachable = false;
      });
      await expect
        .poll(() => problems, { timeout: 10_000 })
        .toEqual([expect.stringMatching(/^lost the watch of widgets: .*the endpoint was deleted; re-connecting$/)]);
      reachable = true;
      await expect.poll(() => problems.at(-1), { timeout: 10_000 }).toBeNull();
      await createWidget("w9", 9);
      await expect.poll(() => changes.map((c) => `${c.type} ${c.object.metadata.name}`)).toEqual(["added w9"]);
    } finally {
      handle.release();
      cache.stopAll();
    }
  });
});
