// Server-side apply of YAML against a real API server: changes read back upstream, dry runs that
// change nothing, conflicts with another field manager (and force), the API server's validation in
// its own words, namespace limits enforced per document, and YAML syntax errors by line.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { kubeRequest, type KubeRequestOptions } from "@/lib/kube/raw-request";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { createUser, grant, testDb } from "../support/seed";
import { adminTarget } from "../support/kube-target";
import type { ApplyResult } from "@/lib/kube/apply";

const target = adminTarget();
const k8s = <T>(options: Omit<KubeRequestOptions, "timeoutMs" | "tlsVerify">) =>
  kubeRequest<T>(target, { timeoutMs: 10_000, tlsVerify: true, ...options });

const NS = `ka-${Date.now().toString(36)}`;
const admin = new ApiClient(inject("appUrl"));
const teamAdmin = new ApiClient(inject("appUrl"));
let base = "";

type Applied = {
  error?: string;
  dryRun: boolean;
  results: ApplyResult[];
};
const configMap = (name: string, data: Record<string, string>, namespace = NS) =>
  [
    "apiVersion: v1",
    "kind: ConfigMap",
    "metadata:",
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    "data:",
    ...Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`),
  ].join("\n");
const readConfigMap = (name: string, namespace = NS) =>
  k8s<{ data: Record<string, string> }>({ path: `/api/v1/namespaces/${namespace}/configmaps/${name}` });
const apply = (client: ApiClient, body: { yaml: string; dryRun?: boolean; force?: boolean }) =>
  client.request<Applied>("POST", `${base}/apply`, body);

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
    name: "ka-cluster",
    connection: target,
  });
  base = `/api/endpoints/${created.json.endpoint.id}/kube`;
  await k8s({
    method: "POST",
    path: "/api/v1/namespaces",
    body: { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } },
  });
  const user = await createUser();
  await grant({
    userId: user.id,
    endpointId: created.json.endpoint.id,
    role: "ENDPOINT_ADMIN",
    namespaces: ["team-a"],
  });
  expect(await teamAdmin.signIn(user.email, user.password)).toBeNull();
}, 120_000);

afterAll(async () => {
  await k8s({ method: "DELETE", path: `/api/v1/namespaces/${NS}` }).catch(() => {});
  await k8s({ method: "DELETE", path: `/api/v1/namespaces/team-a/configmaps/ka-team-${NS}` }).catch(() => {});
});

describe("apply", () => {
  it("creates and changes objects (several documents), read back from the API server, audited", async () => {
    const first = await apply(admin, {
      yaml: `${configMap("ka-one", { a: "1" })}\n---\n${configMap("ka-two", { b: "2" })}\n`,
    });
    expect(first.status, first.text).toBe(200);
    expect(first.json.results.map((r) => [r.name, r.before, r.changed])).toEqual([
      ["ka-one", null, true],
      ["ka-two", null, true],
    ]);
    const changed = await apply(admin, { yaml: configMap("ka-one", { a: "changed" }) });
    expect(changed.status, changed.text).toBe(200);
    const [result] = changed.json.results;
    expect(result).toMatchObject({ kind: "ConfigMap", name: "ka-one", namespace: NS, changed: true });
    expect(result!.before).toContain('a: "1"');
    expect(result!.after).toContain("a: changed");
    expect(result!.after).not.toContain("managedFields");
    expect((await readConfigMap("ka-one")).data).toEqual({ a: "changed" });

    const same = await apply(admin, { yaml: configMap("ka-one", { a: "changed" }) });
    expect(same.json.results[0]!.changed).toBe(false);

    const rows = await (
      await testDb()
    ).auditEvent.findMany({
      where: { action: "kube.apply", target: `configmaps/${NS}/ka-one` },
      orderBy: { at: "asc" },
    });
    expect(rows.length).toBe(3);
    expect(String((rows[1]!.detail as { after: string }).after)).toContain("a: changed");
  });

  it("dry run returns the result and changes nothing upstream (not audited)", async () => {
    const before = await (await testDb()).auditEvent.count({ where: { action: "kube.apply" } });
    const dry = await apply(admin, { yaml: configMap("ka-one", { a: "dry" }), dryRun: true });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    expect(dry.json.results[0]).toMatchObject({ changed: true });
    expect(dry.json.results[0]!.after).toContain("a: dry");
    expect((await readConfigMap("ka-one")).data).toEqual({ a: "changed" });
    const created = await apply(admin, { yaml: configMap("ka-never", { x: "1" }), dryRun: true });
    expect(created.json.results[0]).toMatchObject({ before: null, changed: true });
    await expect(readConfigMap("ka-never")).rejects.toMatchObject({ statusCode: 404 });
    expect(await (await testDb()).auditEvent.count({ where: { action: "kube.apply" } })).toBe(before);
  });

  it("reports a conflict with another field manager in the API server's words; force takes the field over", async () => {
    await apply(admin, { yaml: configMap("ka-shared", { owner: "fleetdeck" }) });
    await k8s({
      method: "PATCH",
      path: `/api/v1/namespaces/${NS}/configmaps/ka-shared`,
      query: { fieldManager: "other-manager", force: true },
      contentType: "application/apply-patch+yaml",
      body: configMap("ka-shared", { owner: "other" }),
    });
    const refused = await apply(admin, { yaml: configMap("ka-shared", { owner: "mine" }) });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.json.error).toMatch(/conflict/i);
    expect(refused.json.error).toContain("other-manager");
    expect(refused.json.error).toContain(".data.owner");
    expect((await readConfigMap("ka-shared")).data.owner).toBe("other");

    const forced = await apply(admin, { yaml: configMap("ka-shared", { owner: "mine" }), force: true });
    expect(forced.status, forced.text).toBe(200);
    expect((await readConfigMap("ka-shared")).data.owner).toBe("mine");
  });

  it("passes the API server's validation errors on in its words", async () => {
    const yaml = [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: ka-bad",
      `  namespace: ${NS}`,
      "spec:",
      "  replicas: -1",
      "  selector: {matchLabels: {app: ka-bad}}",
      "  template:",
      "    metadata: {labels: {app: ka-bad}}",
      "    spec: {containers: [{name: main, image: dashboard-test/busybox:1}]}",
    ].join("\n");
    const refused = await apply(admin, { yaml });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.error).toContain("spec.replicas");
    expect(refused.json.error).toMatch(/must be greater than or equal to 0/);
  });

  it("checks every document against the cluster's OpenAPI schema before sending any, naming the lines", async () => {
    const yaml = [
      configMap("ka-schema-first", { a: "1" }),
      "---",
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: ka-schema",
      `  namespace: ${NS}`,
      "spec:",
      "  replicas: three",
      "  selector: {matchLabels: {app: ka-schema}}",
      "  template:",
      "    metadata: {labels: {app: ka-schema}}",
      "    spec:",
      "      containers:",
      "      - name: main",
      "        image: dashboard-test/busybox:1",
      "        imagePullPolicy: Sometimes",
      "        env: [{name: PORT, value: 8080}]",
      "        resourcez: {}",
    ].join("\n");
    for (const dryRun of [true, false]) {
      const refused = await apply(admin, { yaml, dryRun });
      expect(refused.status, refused.text).toBe(422);
      const lines = refused.json.error!.split("\n");
      expect(lines[0]).toMatch(/not sent/i);
      expect(lines).toContain(`line 15: Deployment ${NS}/ka-schema: spec.replicas: must be an integer`);
      expect(lines.some((l) => l.startsWith("line 23:") && l.includes("imagePullPolicy: must be one of"))).toBe(true);
      expect(lines).toContain(
        `line 24: Deployment ${NS}/ka-schema: spec.template.spec.containers[0].env[0].value: must be a string`,
      );
      expect(lines).toContain(
        `line 25: Deployment ${NS}/ka-schema: spec.template.spec.containers[0].resourcez: unknown field`,
      );
    }
    // Nothing was sent: not even the valid first document exists upstream, and nothing was audited.
    await expect(readConfigMap("ka-schema-first")).rejects.toMatchObject({ statusCode: 404 });
    const audited = await (await testDb()).auditEvent.count({ where: { target: { contains: "ka-schema" } } });
    expect(audited).toBe(0);
  });

  it("refuses a namespace-limited person outside their namespaces, changing nothing", async () => {
    const mixed = `${configMap(`ka-team-${NS}`, { t: "1" }, "team-a")}\n---\n${configMap("ka-one", { a: "team" })}`;
    const refused = await apply(teamAdmin, { yaml: mixed });
    expect(refused.status).toBe(403);
    expect((await readConfigMap("ka-one")).data).toEqual({ a: "changed" });
    await expect(readConfigMap(`ka-team-${NS}`, "team-a")).rejects.toMatchObject({ statusCode: 404 });
    const clusterScoped = await apply(teamAdmin, {
      yaml: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ka-nope\n",
    });
    expect(clusterScoped.status).toBe(403);

    const own = await apply(teamAdmin, { yaml: configMap(`ka-team-${NS}`, { t: "1" }, "team-a") });
    expect(own.status, own.text).toBe(200);
  });

  it("never answers or audits a Secret's values, and refuses the hidden placeholders as values", async () => {
    const secret = (values: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ka-secret\n  namespace: ${NS}\n${values}`;
    const applied = await apply(admin, { yaml: secret("stringData:\n  password: hunter2-ka\n") });
    expect(applied.status, applied.text).toBe(200);
    expect(applied.text).not.toContain("hunter2-ka");
    expect(applied.text).not.toContain(Buffer.from("hunter2-ka").toString("base64"));
    expect(applied.json.results[0]!.after).toContain("10 bytes, hidden");
    const rows = await (await testDb()).auditEvent.findMany({ where: { target: `secrets/${NS}/ka-secret` } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("hunter2-ka");
    const placeholders = await apply(admin, { yaml: secret('data:\n  password: "(10 bytes, hidden)"\n') });
    expect(placeholders.status).toBe(400);
    expect(placeholders.json.error).toMatch(/hidden placeholders/);
  });

  it("names the line of a YAML syntax error, and refuses documents without a kind it knows", async () => {
    const broken = await apply(admin, { yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n" });
    expect(broken.status).toBe(400);
    expect(broken.json.error).toMatch(/line \d+/);
    const noName = await apply(admin, { yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n" });
    expect(noName.status).toBe(400);
    expect(noName.json.error).toMatch(/metadata\.name/);
    const unknown = await apply(admin, { yaml: "apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: g}\n" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/Gizmo/);
  });
});
