// Kubernetes impersonation against a real API server (RBAC on): with it on, a Fleetdeck endpoint
// admin without rights in the cluster is refused by the cluster itself (403, the cluster's own words
// naming the person, audited, nothing changed); once a Role is bound to the group of one of their
// teams the same actions succeed; with it off the dashboard's own identity acts. Lists still come
// from the shared watch cache under the endpoint's credentials.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { kubeRequest } from "@/lib/kube/raw-request";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { adminTarget } from "../support/kube-target";
import { logSocket } from "../support/log-socket";
import { createUser, grant, testDb } from "../support/seed";

const target = adminTarget();
const k8s = <T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
  kubeRequest<T>(target, { method, path, body, timeoutMs: 10_000, tlsVerify: true });

const SUFFIX = Date.now().toString(36);
const NS = `imp-${SUFFIX}`;
const TEAMS = [`imp-ops-${SUFFIX}`, `imp-web-${SUFFIX}`];
const admin = new ApiClient(inject("appUrl"));
const person = new ApiClient(inject("appUrl"));
let email = "";
let impersonating = "";
let plain = "";
let pod = "";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "imp-web", namespace: NS },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: "imp-web" } },
    template: {
      metadata: { labels: { app: "imp-web" } },
      spec: { containers: [{ name: "main", image: "dashboard-test/busybox:1", command: ["sleep", "3600"] }] },
    },
  },
};
const configMapYaml = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: imp-applied\n  namespace: ${NS}\ndata:\n  value: "${value}"\n`;

/** A live log subscription to the test pod's container, as the person. */
async function followPod() {
  const viewer = logSocket(inject("appUrl"), person.cookie);
  const ack = (await viewer.socket.timeout(10_000).emitWithAck("logs:subscribe", {
    endpointId: impersonating,
    target: { kind: "pod", namespace: NS, pod },
    tail: 1,
  })) as { ok: boolean; error?: string };
  return { ack, viewer };
}

const replicas = async () =>
  (await k8s<{ spec: { replicas: number } }>("GET", `/apis/apps/v1/namespaces/${NS}/deployments/imp-web`)).spec
    .replicas;
const scale = (endpointId: string, to: number) =>
  person.request<{ error?: string }>(
    "POST",
    `/api/endpoints/${endpointId}/kube/deployments.apps/imp-web/scale?namespace=${NS}`,
    { replicas: to },
  );
const apply = (endpointId: string, value: string) =>
  person.request<{ error?: string }>("POST", `/api/endpoints/${endpointId}/kube/apply`, {
    yaml: configMapYaml(value),
  });
const appliedValue = () =>
  k8s<{ data: { value: string } }>("GET", `/api/v1/namespaces/${NS}/configmaps/imp-applied`).then(
    (c) => c.data.value,
    () => null,
  );

async function createEndpoint(name: string, impersonate: boolean): Promise<string> {
  const created = await admin.request<{ endpoint: { id: string; impersonate: boolean } }>("POST", "/api/endpoints", {
    name,
    connection: target,
    impersonate,
  });
  expect(created.status).toBe(201);
  expect(created.json.endpoint.impersonate).toBe(impersonate);
  return created.json.endpoint.id;
}

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  await k8s("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  await k8s("POST", `/apis/apps/v1/namespaces/${NS}/deployments`, deployment);
  await k8s("POST", `/api/v1/namespaces/${NS}/secrets`, {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "imp-secret", namespace: NS },
    stringData: { password: "imp-hunter2" },
  });
  impersonating = await createEndpoint(`imp-on-${SUFFIX}`, true);
  plain = await createEndpoint(`imp-off-${SUFFIX}`, false);

  // Every right in Fleetdeck on both endpoints (apply and reveal need endpoint admin), member of
  // two teams; no binding in the cluster.
  const user = await createUser();
  email = user.email;
  const prisma = await testDb();
  for (const name of TEAMS) await prisma.team.create({ data: { name, members: { create: { userId: user.id } } } });
  await grant({ userId: user.id, endpointId: impersonating, role: "ENDPOINT_ADMIN" });
  await grant({ userId: user.id, endpointId: plain, role: "ENDPOINT_ADMIN" });
  expect(await person.signIn(user.email, user.password)).toBeNull();

  // A pod of the Deployment running (kwok), for its logs.
  const deadline = Date.now() + 60_000;
  while (!pod && Date.now() < deadline) {
    const pods = await k8s<{ items: { metadata: { name: string }; status?: { phase?: string } }[] }>(
      "GET",
      `/api/v1/namespaces/${NS}/pods?labelSelector=app%3Dimp-web`,
    );
    pod = pods.items.find((p) => p.status?.phase === "Running")?.metadata.name ?? "";
    if (!pod) await new Promise((r) => setTimeout(r, 500));
  }
  if (!pod) throw new Error("no Running pod of the test Deployment");
}, 120_000);

afterAll(async () => {
  for (const id of [impersonating, plain]) if (id) await admin.request("DELETE", `/api/endpoints/${id}`);
  await k8s("DELETE", `/api/v1/namespaces/${NS}`).catch(() => {});
  const prisma = await testDb();
  await prisma.team.deleteMany({ where: { name: { in: TEAMS } } });
});

describe("with impersonation on, a person without rights in the cluster", () => {
  it("is refused a scale by the cluster's RBAC, in its words, audited, and nothing changes", async () => {
    const refused = await scale(impersonating, 3);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toContain(`User "${email}" cannot`);
    expect(refused.json.error).toMatch(/forbidden/);
    expect(await replicas()).toBe(1);
    const prisma = await testDb();
    const row = await prisma.auditEvent.findFirst({
      where: { endpointId: impersonating, action: "kube.scale" },
      orderBy: { at: "desc" },
    });
    expect(row).toMatchObject({ outcome: "FAILURE", actorEmail: email });
    expect((row!.detail as { error: string }).error).toContain(`User "${email}" cannot`);
  });

  it("is refused an apply, a secret's values, the object's own view and its pod's logs", async () => {
    const applied = await apply(impersonating, "one");
    expect(applied.status).toBe(403);
    expect(applied.json.error).toContain(`User "${email}" cannot`);
    expect(await appliedValue()).toBeNull();

    const reveal = await person.request<{ error: string }>(
      "POST",
      `/api/endpoints/${impersonating}/kube/secrets/imp-secret/reveal?namespace=${NS}`,
    );
    expect(reveal.status).toBe(403);
    expect(reveal.json.error).toContain(`cannot get resource "secrets"`);

    const view = await person.request<{ error: string }>(
      "GET",
      `/api/endpoints/${impersonating}/kube/deployments.apps/imp-web?namespace=${NS}`,
    );
    expect(view.status).toBe(403);
    expect(view.json.error).toContain(`User "${email}" cannot get resource "deployments"`);

    // Read with client-node's generated client and Log, the path with one header line per team.
    const logs = await person.request<{ error: string }>(
      "GET",
      `/api/endpoints/${impersonating}/logs?namespace=${NS}&pod=${pod}`,
    );
    expect(logs.status).toBe(403);
    expect(logs.json.error).toContain(`User "${email}" cannot get resource "pods"`);

    const { ack, viewer } = await followPod();
    viewer.socket.close();
    expect(ack.ok).toBe(false);
    expect(ack.error).toContain(`User "${email}" cannot get resource "pods"`);
  });

  it("still sees lists, which come from the shared cache under the endpoint's credentials", async () => {
    const list = await person.request<{ rows: { name: string }[] }>(
      "GET",
      `/api/endpoints/${impersonating}/kube/deployments.apps?namespace=${NS}`,
    );
    expect(list.status).toBe(200);
    expect(list.json.rows.map((r) => r.name)).toEqual(["imp-web"]);
  });
});

describe("with impersonation off", () => {
  it("the same person acts with the endpoint's own identity", async () => {
    const scaled = await scale(plain, 2);
    expect(scaled.status).toBe(200);
    expect(await replicas()).toBe(2);
  });
});

describe("once the cluster grants one of the person's teams", () => {
  beforeAll(async () => {
    await k8s("POST", `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/roles`, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "imp-editor", namespace: NS },
      rules: [
        {
          apiGroups: ["", "apps"],
          resources: ["deployments", "deployments/scale", "configmaps", "secrets", "events", "pods", "pods/log"],
          verbs: ["get", "list", "watch", "create", "update", "patch"],
        },
      ],
    });
    // Bound to the second team's group only: every team travels as its own Impersonate-Group line.
    await k8s("POST", `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`, {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "imp-editor", namespace: NS },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "imp-editor" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: `fleetdeck:${TEAMS[1]}` }],
    });
  });

  it("lets the same scale, apply, reveal, view and log download through", async () => {
    // RBAC changes reach the API server's authorizer through its informers: wait for the first.
    await expect.poll(async () => (await scale(impersonating, 3)).status, { timeout: 15_000 }).toBe(200);
    expect(await replicas()).toBe(3);

    const applied = await apply(impersonating, "two");
    expect(applied.status).toBe(200);
    expect(await appliedValue()).toBe("two");

    const reveal = await person.request<{ values: Record<string, { value: string }> }>(
      "POST",
      `/api/endpoints/${impersonating}/kube/secrets/imp-secret/reveal?namespace=${NS}`,
    );
    expect(reveal.status).toBe(200);
    expect(reveal.json.values.password?.value).toBe("imp-hunter2");

    const view = await person.request(
      "GET",
      `/api/endpoints/${impersonating}/kube/deployments.apps/imp-web?namespace=${NS}`,
    );
    expect(view.status).toBe(200);

    const logs = await person.request("GET", `/api/endpoints/${impersonating}/logs?namespace=${NS}&pod=${pod}&tail=1`);
    expect(logs.status).toBe(200);

    const { ack, viewer } = await followPod();
    try {
      expect(ack).toMatchObject({ ok: true });
      await expect.poll(() => viewer.texts().length, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      viewer.socket.close();
    }
  });
});

describe("the setting", () => {
  it("Test connection says plainly when the credentials may not impersonate", async () => {
    const test = (token: string) =>
      admin.request<{ result: { ok: boolean; message?: string } }>("POST", "/api/endpoints/test", {
        impersonate: true,
        connection: { ...target, auth: { type: "token", token } },
      });
    const restricted = await test(readTestEnv().kubernetes[0]!.restricted.token);
    expect(restricted.json.result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/may not impersonate users/),
    });
    expect((await test(target.auth.token)).json.result).toMatchObject({ ok: true });
  });

  it("is changed by PATCH, and refused on a Docker engine", async () => {
    const off = await admin.request<{ endpoint: { impersonate: boolean } }>(
      "PATCH",
      `/api/endpoints/${impersonating}`,
      { impersonate: false },
    );
    expect(off.json.endpoint.impersonate).toBe(false);
    const on = await admin.request<{ endpoint: { impersonate: boolean } }>("PATCH", `/api/endpoints/${impersonating}`, {
      impersonate: true,
    });
    expect(on.json.endpoint.impersonate).toBe(true);
    const docker = await admin.request<{ error: string }>("POST", "/api/endpoints", {
      name: `imp-docker-${SUFFIX}`,
      connection: { kind: "docker", transport: "socket", socketPath: "/nonexistent.sock" },
      impersonate: true,
    });
    expect(docker.status).toBe(400);
    expect(docker.json.error).toContain("impersonation is for Kubernetes endpoints only");
  });
});
