// The generic Kubernetes routes against a real API server: lists as the descriptors show them,
// filtered by a person's namespaces; an object with its YAML and events; actions that change the
// cluster (scale, rollout restart, cordon), audited with the YAML before and after; a Secret's
// values only for whoever may reveal them; and refusals that change nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { kubeRequest } from "@/lib/kube/raw-request";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { createUser, grant, testDb } from "../support/seed";
import { adminTarget } from "../support/kube-target";

const cluster = readTestEnv().kubernetes[0]!;
const target = adminTarget();
const k8s = <T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
  kubeRequest<T>(target, { method, path, body, timeoutMs: 10_000, tlsVerify: true });

const NS = `kr-${Date.now().toString(36)}`;
const admin = new ApiClient(inject("appUrl"));
const viewer = new ApiClient(inject("appUrl"));
const teamOperator = new ApiClient(inject("appUrl"));
let base = "";

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

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: "kr-cluster",
    connection: target,
  });
  base = `/api/endpoints/${created.json.endpoint.id}/kube`;
  await k8s("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  await k8s("POST", `/apis/apps/v1/namespaces/${NS}/deployments`, deployment("kr-web", NS));
  await k8s("POST", `/apis/apps/v1/namespaces/team-a/deployments`, deployment(`kr-team-${NS}`, "team-a"));
  await k8s("POST", `/api/v1/namespaces/${NS}/secrets`, {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "kr-secret", namespace: NS },
    stringData: { password: "hunter2-kr" },
  });
  await k8s("POST", `/api/v1/namespaces/${NS}/configmaps`, {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "kr-config", namespace: NS },
    data: { a: "1" },
  });
  const signedIn = async (client: ApiClient, role: "VIEWER" | "OPERATOR", namespaces: string[] = []) => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId: created.json.endpoint.id, role, namespaces });
    expect(await client.signIn(user.email, user.password)).toBeNull();
  };
  await signedIn(viewer, "VIEWER");
  await signedIn(teamOperator, "OPERATOR", ["team-a"]);
}, 120_000);

afterAll(async () => {
  await k8s("DELETE", `/api/v1/namespaces/${NS}`).catch(() => {});
  await k8s("DELETE", `/apis/apps/v1/namespaces/team-a/deployments/kr-team-${NS}`).catch(() => {});
});

type Rows = { rows: { name: string; namespace: string | null; cells: unknown[] }[] };

describe("lists", () => {
  it("show each kind with its columns, in the namespaces a person may read", async () => {
    const all = await admin.request<Rows>("GET", `${base}/deployments.apps?namespace=${NS}`);
    expect(all.status).toBe(200);
    expect(all.json.rows.map((r) => r.name)).toEqual(["kr-web"]);
    expect(all.json.rows[0]!.cells).toHaveLength(5);

    const team = await teamOperator.request<Rows>("GET", `${base}/deployments.apps`);
    expect(team.status).toBe(200);
    expect(new Set(team.json.rows.map((r) => r.namespace))).toEqual(new Set(["team-a"]));
    expect((await teamOperator.request("GET", `${base}/deployments.apps?namespace=${NS}`)).status).toBe(403);
    expect((await teamOperator.request("GET", `${base}/nodes`)).status).toBe(403);
    const nodes = await admin.request<Rows>("GET", `${base}/nodes`);
    expect(nodes.json.rows.length).toBeGreaterThanOrEqual(3);
  });

  it("show a custom resource found by discovery with its CRD's printer columns", async () => {
    const widgets = await admin.request<Rows & { kind: { kind: string } }>(
      "GET",
      `${base}/widgets.fleetdeck.test?namespace=sample`,
    );
    expect(widgets.status).toBe(200);
    expect(widgets.json.kind.kind).toBe("Widget");
    const gizmo = widgets.json.rows.find((r) => r.name === "gizmo")!;
    // "Size" (.spec.size, an integer) and the age.
    expect(gizmo.cells[0]).toBe(3);
    expect(gizmo.cells).toHaveLength(2);
    const view = await admin.request<{ yaml: string }>("GET", `${base}/widgets.fleetdeck.test/gizmo?namespace=sample`);
    expect(view.json.yaml).toContain("size: 3");
  });

  it("refuse an unknown resource in plain words", async () => {
    const unknown = await admin.request("GET", `${base}/gizmos.example.com`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatch(/no resource "gizmos.example.com"/);
  });
});

describe("objects and actions", () => {
  it("shows an object with its YAML; a missing one is the API server's 404", async () => {
    const view = await viewer.request<{ yaml: string; object: { metadata: { name: string } } }>(
      "GET",
      `${base}/deployments.apps/kr-web?namespace=${NS}`,
    );
    expect(view.status).toBe(200);
    expect(view.json.yaml).toContain("name: kr-web");
    expect(view.json.yaml).not.toContain("managedFields");
    // Its replica set and pod, found through the owner references.
    await expect
      .poll(
        async () => {
          const again = await viewer.request<{ related: { relation: string; name: string }[] }>(
            "GET",
            `${base}/deployments.apps/kr-web?namespace=${NS}`,
          );
          return again.json.related.map((r) => r.relation).sort();
        },
        { timeout: 30_000 },
      )
      .toEqual(["pod", "replica set"]);
    const missing = await viewer.request("GET", `${base}/deployments.apps/nope?namespace=${NS}`);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatch(/"nope" not found/);
  });

  it("scales and restarts a deployment, audited with the YAML before and after", async () => {
    const scaled = await admin.request("POST", `${base}/deployments.apps/kr-web/scale?namespace=${NS}`, {
      replicas: 2,
    });
    expect(scaled.status).toBe(200);
    const live = await k8s<{ spec: { replicas: number } }>("GET", `/apis/apps/v1/namespaces/${NS}/deployments/kr-web`);
    expect(live.spec.replicas).toBe(2);
    const row = await (
      await testDb()
    ).auditEvent.findFirstOrThrow({
      where: { action: "kube.scale", target: `deployments.apps/${NS}/kr-web` },
    });
    expect(row.detail).toMatchObject({ replicas: 2 });
    expect(String((row.detail as { before: string }).before)).toContain("replicas: 1");
    expect(String((row.detail as { after: string }).after)).toContain("replicas: 2");

    expect((await admin.request("POST", `${base}/deployments.apps/kr-web/restart?namespace=${NS}`, {})).status).toBe(
      200,
    );
    const restarted = await k8s<{ spec: { template: { metadata: { annotations?: Record<string, string> } } } }>(
      "GET",
      `/apis/apps/v1/namespaces/${NS}/deployments/kr-web`,
    );
    expect(restarted.spec.template.metadata.annotations?.["kubectl.kubernetes.io/restartedAt"]).toBeTruthy();
  });

  it("refuses a namespace-limited operator outside its namespace, and nothing changes", async () => {
    const refused = await teamOperator.request("POST", `${base}/deployments.apps/kr-web/scale?namespace=${NS}`, {
      replicas: 5,
    });
    expect(refused.status).toBe(403);
    const live = await k8s<{ spec: { replicas: number } }>("GET", `/apis/apps/v1/namespaces/${NS}/deployments/kr-web`);
    expect(live.spec.replicas).toBe(2);
    // Inside it, it may.
    const own = await teamOperator.request("POST", `${base}/deployments.apps/kr-team-${NS}/scale?namespace=team-a`, {
      replicas: 0,
    });
    expect(own.status).toBe(200);
    // A viewer may not act at all.
    expect((await viewer.request("POST", `${base}/deployments.apps/kr-web/restart?namespace=${NS}`, {})).status).toBe(
      403,
    );
  });

  it("cordons and uncordons a node", async () => {
    const node = `${cluster.name}-node-1`;
    expect((await admin.request("POST", `${base}/nodes/${node}/cordon`, {})).status).toBe(200);
    expect((await k8s<{ spec: { unschedulable?: boolean } }>("GET", `/api/v1/nodes/${node}`)).spec.unschedulable).toBe(
      true,
    );
    expect((await admin.request("POST", `${base}/nodes/${node}/uncordon`, {})).status).toBe(200);
    expect(
      (await k8s<{ spec: { unschedulable?: boolean } }>("GET", `/api/v1/nodes/${node}`)).spec.unschedulable,
    ).toBeFalsy();
  });

  it("deletes an object, keeping its YAML in the audit log", async () => {
    expect((await admin.request("DELETE", `${base}/configmaps/kr-config?namespace=${NS}`)).status).toBe(204);
    await expect(k8s("GET", `/api/v1/namespaces/${NS}/configmaps/kr-config`)).rejects.toMatchObject({
      statusCode: 404,
    });
    const row = await (
      await testDb()
    ).auditEvent.findFirstOrThrow({
      where: { action: "kube.delete", target: `configmaps/${NS}/kr-config`, outcome: "SUCCESS" },
    });
    expect(String((row.detail as { before: string }).before)).toContain("name: kr-config");
  });
});

describe("secrets", () => {
  it("show keys and sizes, never values, except to whoever may reveal them (audited)", async () => {
    const shown = await viewer.request("GET", `${base}/secrets/kr-secret?namespace=${NS}`);
    expect(shown.status, shown.text).toBe(200);
    expect(shown.text).not.toContain("hunter2-kr");
    expect(shown.text).not.toContain(Buffer.from("hunter2-kr").toString("base64"));
    expect(shown.text).toContain("10 bytes, hidden");
    expect((await viewer.request("POST", `${base}/secrets/kr-secret/reveal?namespace=${NS}`, {})).status).toBe(403);
    const revealed = await admin.request<{ values: Record<string, { value: string }> }>(
      "POST",
      `${base}/secrets/kr-secret/reveal?namespace=${NS}`,
      {},
    );
    expect(revealed.json.values.password!.value).toBe("hunter2-kr");
    const audit = await (await testDb()).auditEvent.findMany({ where: { action: "kube.reveal" } });
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audit)).not.toContain("hunter2-kr");
  });
});
