// Merged log subscriptions that follow their members: a workload's pods (a new pod joins when the
// workload scales, a deleted one leaves), Docker containers by label across two engines (a new
// container joins), namespace grants applied to every member, and grep across the server's buffers.
import { appendFileSync, readFileSync } from "node:fs";
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LogMember } from "@/lib/realtime/events";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { say, testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { logSocket } from "../support/log-socket";
import { createUser, grant } from "../support/seed";

const env = readTestEnv();
const cluster = env.kubernetes[0]!;
const engines = [testEngine(0), testEngine(1)];
const stamp = Date.now();
const namespace = `logs-groups-${stamp}`;
const app = `grouped-${stamp}`;
const sockets: Socket[] = [];
const admin = new ApiClient(inject("appUrl"));
const kc = new KubeConfig();
kc.loadFromFile(cluster.adminKubeconfig);
const appsApi = kc.makeApiClient(AppsV1Api);
const core = kc.makeApiClient(CoreV1Api);
let clusterId = "";
const dockerIds: string[] = [];

function viewer(cookie = admin.cookie) {
  const v = logSocket(inject("appUrl"), cookie);
  const members = new Map<string, string>();
  v.socket.on("logs:members", (e: { joined: LogMember[]; left: string[] }) => {
    for (const m of e.joined) members.set(m.key, m.label);
    for (const key of e.left) members.delete(key);
  });
  sockets.push(v.socket);
  /** Texts received from each member label. */
  const byLabel = () => {
    const out: Record<string, string[]> = {};
    for (const f of v.frames) {
      const label = members.get(f.member ?? "") ?? f.member ?? "";
      (out[label] ??= []).push(...f.lines.map((l) => l.text));
    }
    return out;
  };
  return { ...v, members, byLabel };
}

const deployment = (name: string, ns: string, replicas: number) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: ns },
  spec: {
    replicas,
    selector: { matchLabels: { app } },
    template: {
      metadata: { labels: { app } },
      spec: { containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["emit-lines", "1", "0"] }] },
    },
  },
});

const scale = (replicas: number) =>
  appsApi.replaceNamespacedDeploymentScale({
    name: "api",
    namespace,
    body: { metadata: { name: "api", namespace }, spec: { replicas } },
  });

const podLine = (text: string) => appendFileSync(cluster.podLogFile, `${new Date().toISOString()} stdout F ${text}\n`);

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: `groups-cluster-${stamp}`,
    connection: {
      kind: "kubernetes-kubeconfig",
      kubeconfig: readFileSync(cluster.adminKubeconfig, "utf8"),
      context: "admin",
    },
  });
  clusterId = created.json.endpoint.id;
  for (const [i, e] of env.docker.entries()) {
    const r = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `groups-engine${i + 1}-${stamp}`,
      connection: { kind: "docker", transport: "socket", socketPath: e.socketPath },
    });
    dockerIds.push(r.json.endpoint.id);
  }
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await appsApi.createNamespacedDeployment({ namespace, body: deployment("api", namespace, 2) });
  await appsApi.createNamespacedDeployment({ namespace: "team-a", body: deployment(app, "team-a", 1) });
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(engines.map((e) => e.cleanup()));
  await core.deleteNamespace({ name: namespace }).catch(() => {});
  await appsApi.deleteNamespacedDeployment({ name: app, namespace: "team-a" }).catch(() => {});
});

describe("merged log subscriptions", () => {
  it("follows a workload: every pod's lines arrive tagged, a new pod joins, a removed one leaves", async () => {
    const v = viewer();
    const ack = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: clusterId,
      target: { kind: "workload", namespace, workload: "Deployment", name: "api" },
      tail: 0,
    });
    expect(ack).toMatchObject({ ok: true, data: { label: `deployment ${namespace}/api` } });
    await expect.poll(() => v.members.size, { timeout: 30_000 }).toBe(2);
    const first = `workload line ${stamp}`;
    podLine(first);
    // kwok serves one log file to every pod: each member says it, tagged with its own pod.
    await expect
      .poll(() => Object.values(v.byLabel()).filter((texts) => texts.includes(first)).length, { timeout: 10_000 })
      .toBe(2);
    expect([...v.members.values()].every((label) => /^api-[a-z0-9]+-[a-z0-9]+\/main$/.test(label))).toBe(true);

    await scale(3);
    await expect.poll(() => v.members.size, { timeout: 30_000 }).toBe(3);
    const second = `after scale-up ${stamp}`;
    podLine(second);
    await expect
      .poll(() => Object.values(v.byLabel()).filter((texts) => texts.includes(second)).length, { timeout: 10_000 })
      .toBe(3);

    await scale(1);
    await expect.poll(() => v.members.size, { timeout: 30_000 }).toBe(1);
  });

  it("merges containers with a label across two Docker engines; a new container joins", async () => {
    const labels = { "fleetdeck.test/group": app };
    const a = await engines[0]!.run(["sleep", "300"], { name: `grp-a-${stamp}`, Labels: labels });
    const b = await engines[1]!.run(["sleep", "300"], { name: `grp-b-${stamp}`, Labels: labels });
    await engines[0]!.run(["sleep", "300"], { name: `grp-other-${stamp}` });
    const v = viewer();
    for (const endpointId of dockerIds) {
      const ack = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
        endpointId,
        target: { kind: "labels", selector: `fleetdeck.test/group=${app}` },
        tail: 10,
      });
      expect(ack).toMatchObject({ ok: true, data: { label: `containers with fleetdeck.test/group=${app}` } });
    }
    await expect
      .poll(() => [...v.members.values()].sort(), { timeout: 10_000 })
      .toEqual([`grp-a-${stamp}`, `grp-b-${stamp}`]);
    await say(a, "hello from a");
    await say(b, "hello from b");
    await expect.poll(() => v.byLabel()[`grp-a-${stamp}`], { timeout: 10_000 }).toContain("hello from a");
    await expect.poll(() => v.byLabel()[`grp-b-${stamp}`], { timeout: 10_000 }).toContain("hello from b");

    const c = await engines[1]!.run(["sh", "-c", "echo born in c; exec sleep 300"], {
      name: `grp-c-${stamp}`,
      Labels: labels,
    });
    await expect.poll(() => v.byLabel()[`grp-c-${stamp}`], { timeout: 10_000 }).toContain("born in c");
    await c.remove({ force: true });
    await expect.poll(() => v.members.size, { timeout: 10_000 }).toBe(2);
    expect(Object.keys(v.byLabel())).not.toContain(`grp-other-${stamp}`);
  });

  it("gives a namespace-bound viewer only the members in its namespaces, across all namespaces", async () => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId: clusterId, role: "VIEWER", namespaces: ["team-a"] });
    const client = new ApiClient(inject("appUrl"));
    expect(await client.signIn(user.email, user.password)).toBeNull();
    const v = viewer(client.cookie);
    const ack = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:subscribe", { endpointId: clusterId, target: { kind: "selector", selector: `app=${app}` } });
    expect(ack).toMatchObject({ ok: true });
    await expect.poll(() => v.members.size, { timeout: 30_000 }).toBe(1);
    const line = `namespaced ${stamp}`;
    podLine(line);
    await expect.poll(() => Object.values(v.byLabel()).flat(), { timeout: 10_000 }).toContain(line);
    // The pod in the other namespace matches the selector too, but never joined.
    await new Promise((r) => setTimeout(r, 500));
    expect([...v.members.values()].every((label) => label.startsWith(`${app}-`))).toBe(true);
    expect(Object.keys(v.byLabel()).every((label) => label.startsWith(`${app}-`))).toBe(true);

    // A workload in a namespace it may not read is refused outright.
    const refused = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
      endpointId: clusterId,
      target: { kind: "workload", namespace, workload: "Deployment", name: "api" },
    });
    expect(refused).toEqual({ ok: false, error: "you may not read these logs" });
  });

  it("searches the recent lines of every member with context, only within the viewer's subscriptions", async () => {
    const one = await engines[0]!.run(["sh", "-c", "echo a1; echo a2; echo needle-x; echo a4; exec sleep 300"]);
    const two = await engines[1]!.run(["sh", "-c", "echo b1; echo needle-y; echo b3; exec sleep 300"]);
    const v = viewer();
    const ids: string[] = [];
    for (const [i, container] of [one, two].entries()) {
      const ack = await v.socket.timeout(10_000).emitWithAck("logs:subscribe", {
        endpointId: dockerIds[i],
        target: { kind: "container", containerId: container.id },
        tail: 100,
      });
      ids.push(ack.data.subscriptionId);
    }
    await expect.poll(() => v.texts().length, { timeout: 10_000 }).toBe(7);
    const result = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:search", { subscriptionIds: ids, pattern: "NEEDLE", context: 1 });
    expect(result.ok).toBe(true);
    const matches = result.data.matches as {
      line: { text: string };
      before: { text: string }[];
      after: { text: string }[];
    }[];
    expect(matches.map((m) => [m.before.map((l) => l.text), m.line.text, m.after.map((l) => l.text)])).toEqual([
      [["a2"], "needle-x", ["a4"]],
      [["b1"], "needle-y", ["b3"]],
    ]);
    // Another socket cannot search these subscriptions; a bad expression is a clear refusal.
    const other = viewer();
    const foreign = await other.socket
      .timeout(10_000)
      .emitWithAck("logs:search", { subscriptionIds: ids, pattern: "needle" });
    expect(foreign).toMatchObject({ ok: true, data: { matches: [] } });
    const bad = await v.socket
      .timeout(10_000)
      .emitWithAck("logs:search", { subscriptionIds: ids, pattern: "(", regex: true });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/not a valid regular expression/) });
  });
});
