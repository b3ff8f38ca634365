// The command palette's search against real engines and a real cluster: a container found by part
// of its name on the second engine (and one made after the first search, from the event stream),
// Kubernetes workloads and pods by name, only what each person may see (a namespace-limited
// operator sees nothing outside team-a, nor any engine), actions by role, and bad input refused.
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { kubeRequest } from "@/lib/kube/raw-request";
import type { PaletteAnswer, PaletteItem } from "@/lib/search/palette-item";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { kubeEndpointWithRoles, LIMITED_NAMESPACE } from "../support/kube-endpoint";
import { adminTarget } from "../support/kube-target";
import { createUser, grant } from "../support/seed";

const engine1 = testEngine(0);
const engine2 = testEngine(1);
const target = adminTarget();
const k8s = <T>(method: "POST" | "DELETE", path: string, body?: unknown) =>
  kubeRequest<T>(target, { method, path, body, timeoutMs: 10_000, tlsVerify: true });

const TAG = `pal${Date.now().toString(36)}`;
const admin = new ApiClient(inject("appUrl"));
const dockerOperator = new ApiClient(inject("appUrl"));
const dockerViewer = new ApiClient(inject("appUrl"));
let kube: Awaited<ReturnType<typeof kubeEndpointWithRoles>>;
const engines: string[] = [];

const deployment = (name: string, namespace: string) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["sleep", "3600"] }] },
    },
  },
});

async function search(client: ApiClient, q: string) {
  return client.request<PaletteAnswer & { error?: string }>("GET", `/api/search?${new URLSearchParams({ q })}`);
}

/** Asks until an item passes `found` (the first search of an endpoint may still be reading it). */
async function searchUntil(client: ApiClient, q: string, found: (i: PaletteItem) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answer = await search(client, q);
    expect(answer.status).toBe(200);
    const item = answer.json.items.find(found);
    if (item) return { item, answer: answer.json };
    if (Date.now() > deadline) throw new Error(`not found for "${q}": ${answer.text}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const kinds = (item: PaletteItem) => item.actions.map((a) => a.kind).sort();

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  for (const [i, socketPath] of [engine1.env.docker[0]!.socketPath, engine2.env.docker[1]!.socketPath].entries()) {
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `${TAG}-engine${i + 1}`,
      connection: { kind: "docker", transport: "socket", socketPath },
    });
    expect(created.status).toBe(201);
    engines.push(created.json.endpoint.id);
  }
  for (const [client, role] of [
    [dockerOperator, "OPERATOR"],
    [dockerViewer, "VIEWER"],
  ] as const) {
    const user = await createUser();
    for (const endpointId of engines) await grant({ userId: user.id, endpointId, role });
    expect(await client.signIn(user.email, user.password)).toBeNull();
  }
  kube = await kubeEndpointWithRoles(`${TAG}-cluster`);
  await k8s("POST", `/apis/apps/v1/namespaces/${LIMITED_NAMESPACE}/deployments`, deployment(`${TAG}-api`, "team-a"));
  await k8s("POST", `/apis/apps/v1/namespaces/sample/deployments`, deployment(`${TAG}-api`, "sample"));
});

afterAll(async () => {
  await Promise.all([engine1.cleanup(), engine2.cleanup()]);
  for (const ns of [LIMITED_NAMESPACE, "sample"])
    await k8s("DELETE", `/apis/apps/v1/namespaces/${ns}/deployments/${TAG}-api`).catch(() => {});
});

describe("Docker", () => {
  it("finds a container on the second engine by part of its name, with logs and restart for an operator", async () => {
    // Ends on SIGTERM, so the restart below is quick.
    const container = await engine2.run(["sh", "-c", "trap 'exit 0' TERM; sleep 300 & wait"], {
      name: `${TAG}-checkout-worker`,
    });
    const { item } = await searchUntil(dockerOperator, "checkout-work", (i) => i.name === `${TAG}-checkout-worker`);
    expect(item).toMatchObject({
      type: "container",
      endpointId: engines[1],
      endpointName: `${TAG}-engine2`,
      href: `/endpoints/${engines[1]}/containers/${container.id}`,
    });
    expect(item.actions).toEqual([
      { kind: "logs", href: `/endpoints/${engines[1]}/containers/${container.id}/logs` },
      { kind: "restart", path: `/api/endpoints/${engines[1]}/docker/containers/${container.id}/restart` },
    ]);
    // The offered restart is the real route, and it works for the operator.
    const restart = item.actions.find((a) => a.kind === "restart")!;
    expect((await dockerOperator.request("POST", "path" in restart ? restart.path : "", {})).status).toBe(204);
  });

  it("offers a viewer the logs but no restart", async () => {
    const { item } = await searchUntil(dockerViewer, "checkout-work", (i) => i.name === `${TAG}-checkout-worker`);
    expect(kinds(item)).toEqual(["logs"]);
  });

  it("finds a container made after the first search, from the engine's event stream", async () => {
    await searchUntil(dockerOperator, TAG, (i) => i.type === "endpoint" && i.endpointId === engines[0]);
    await engine1.run(["sleep", "300"], { name: `${TAG}-late-arrival` });
    const started = Date.now();
    await searchUntil(dockerOperator, "late-arriv", (i) => i.name === `${TAG}-late-arrival`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("finds compose stacks by project and endpoints by name; nothing from endpoints not granted", async () => {
    await engine1.run(["sleep", "300"], {
      name: `${TAG}-stack-member`,
      Labels: { "com.docker.compose.project": `${TAG}-shop`, "com.docker.compose.service": "web" },
    });
    const { item } = await searchUntil(dockerViewer, `${TAG}-sho`, (i) => i.type === "stack");
    expect(item).toMatchObject({ name: `${TAG}-shop`, endpointId: engines[0] });
    expect(item.actions[0]).toMatchObject({ kind: "logs" });
    const answer = await search(dockerViewer, TAG);
    expect(answer.json.items.map((i) => i.endpointId).every((id) => engines.includes(id))).toBe(true);
    expect(answer.json.items.some((i) => i.type === "endpoint" && i.name === `${TAG}-cluster`)).toBe(false);
  });
});

describe("Kubernetes", () => {
  it("finds a deployment and its pods by name, with logs, restart and scale for an operator", async () => {
    const { item } = await searchUntil(
      kube.operator,
      "web",
      (i) => i.type === "deployment" && i.name === "web" && i.namespace === "sample",
    );
    expect(item.href).toBe(`/endpoints/${kube.endpointId}/kube/deployments.apps/web?namespace=sample`);
    expect(kinds(item)).toEqual(["logs", "restart", "scale"]);
    const pods = (await search(kube.operator, "web-")).json.items.filter((i) => i.type === "pod");
    expect(pods.length).toBeGreaterThan(0);
    expect(pods[0]!.actions.map((a) => a.kind)).toEqual(["logs"]);
  });

  it("offers a viewer logs only", async () => {
    const { item } = await searchUntil(kube.viewer, "web", (i) => i.type === "deployment" && i.name === "web");
    expect(kinds(item)).toEqual(["logs"]);
  });

  it("shows a namespace-limited operator only team-a: no other namespace, no nodes, no engines", async () => {
    const { answer } = await searchUntil(kube.teamAOperator, `${TAG}-api`, (i) => i.type === "deployment");
    const found = answer.items.filter((i) => i.name === `${TAG}-api`);
    expect(found.map((i) => i.namespace)).toEqual([LIMITED_NAMESPACE]);
    expect(kinds(found[0]!)).toEqual(["logs", "restart", "scale"]);
    // The offered scale and rollout restart are the real routes, and work in team-a.
    for (const action of found[0]!.actions) {
      if (action.kind === "scale") {
        expect(action.replicas).toBe(1);
        const scaled = await kube.teamAOperator.request("POST", action.path, { replicas: 2 });
        expect(scaled.status).toBe(200);
      }
      if (action.kind === "restart")
        expect((await kube.teamAOperator.request("POST", action.path, {})).status).toBe(200);
    }
    for (const q of ["web", "node", "a", TAG]) {
      const items = (await search(kube.teamAOperator, q)).json.items;
      expect(items.every((i) => i.endpointId === kube.endpointId)).toBe(true);
      expect(items.filter((i) => i.namespace !== undefined).every((i) => i.namespace === LIMITED_NAMESPACE)).toBe(true);
      expect(items.some((i) => i.type === "node")).toBe(false);
      expect(items.filter((i) => i.type === "namespace").every((i) => i.name === LIMITED_NAMESPACE)).toBe(true);
    }
    // On an endpoint whose own credentials reach only team-a, the same is found through
    // per-namespace watches once the cluster-wide list was refused.
    const restricted = await kubeEndpointWithRoles(`${TAG}-restricted`, { token: "restricted" });
    const viaNamespace = await searchUntil(
      restricted.teamAOperator,
      `${TAG}-api`,
      (i) => i.type === "deployment" && i.endpointId === restricted.endpointId,
    );
    expect(viaNamespace.item.namespace).toBe(LIMITED_NAMESPACE);
    // The admin sees both copies on this endpoint (other suites' endpoints of the same cluster may
    // list them too).
    const all = await searchUntil(admin, `${TAG}-api`, (i) => i.namespace === "sample");
    const onThisEndpoint = all.answer.items.filter((i) => i.name === `${TAG}-api` && i.endpointId === kube.endpointId);
    expect(onThisEndpoint.map((i) => i.namespace).sort()).toEqual([LIMITED_NAMESPACE, "sample"].sort());
  });
});

describe("over the socket (what the palette uses)", () => {
  it("answers palette:search like the route, with the socket's grants, and refuses bad input in words", async () => {
    const socket = io(inject("appUrl"), { transports: ["websocket"], extraHeaders: { cookie: dockerViewer.cookie } });
    type Reply = { ok: true; data: PaletteAnswer } | { ok: false; error: string };
    const ask = (request: unknown) =>
      new Promise<Reply>((resolve) => socket.emit("palette:search", request, (reply: Reply) => resolve(reply)));
    try {
      const reply = await ask({ q: "checkout-work" });
      expect(reply.ok).toBe(true);
      const item = reply.ok ? reply.data.items.find((i) => i.name === `${TAG}-checkout-worker`) : undefined;
      expect(item?.endpointId).toBe(engines[1]);
      expect(kinds(item!)).toEqual(["logs"]);
      const all = await ask({ q: TAG });
      expect(all.ok && all.data.items.every((i) => engines.includes(i.endpointId))).toBe(true);
      const bad = await ask({ q: " " });
      expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/search/) });
    } finally {
      socket.close();
    }
  });
});

describe("input", () => {
  it("refuses a missing, empty or overlong query with a message", async () => {
    for (const path of ["/api/search", "/api/search?q=", "/api/search?q=%20%20", `/api/search?q=${"x".repeat(101)}`]) {
      const answer = await dockerViewer.request<{ error: string }>("GET", path);
      expect(answer.status).toBe(400);
      expect(answer.json.error).toMatch(/search/);
    }
    expect((await dockerViewer.request("GET", "/api/search?q=web&limit=0")).status).toBe(400);
  });

  it("needs a signed-in person", async () => {
    expect((await new ApiClient(inject("appUrl")).request("GET", "/api/search?q=web")).status).toBe(401);
  });
});
