// Rollout actions against a real API server (kwok nodes): rolling a Deployment or StatefulSet back
// to a listed revision, draining a node through the Eviction API (DaemonSet pods left alone, a pod
// a disruption budget holds reported in the API server's words), and a Job made from a CronJob —
// each audited, and refused (with nothing changed) to an operator limited to another namespace.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { kubeRequest } from "@/lib/kube/raw-request";
import type { DrainLine } from "@/lib/kube/drain-progress";
import type { KubeObject } from "@/lib/kube/kinds/kind";
import type { RevisionRow } from "@/lib/kube/rollout-history";
import { kubeEndpointWithRoles } from "../support/kube-endpoint";
import { adminTarget } from "../support/kube-target";
import { testDb } from "../support/seed";

const target = adminTarget();
const k8s = <T = KubeObject>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  patchType = "merge",
) =>
  kubeRequest<T>(target, {
    method,
    path,
    body,
    contentType: method === "PATCH" ? `application/${patchType}-patch+json` : undefined,
    timeoutMs: 10_000,
    tlsVerify: true,
  });

const RUN = Date.now().toString(36);
const NS = `kro-${RUN}`;
const NODE = `kro-node-${RUN}`;
const IMAGE_1 = "dashboard-test/busybox:1";
const IMAGE_2 = "dashboard-test/busybox:2";
let env: Awaited<ReturnType<typeof kubeEndpointWithRoles>>;
let base = "";

const podTemplate = (app: string, image: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: "main", image, command: ["sleep", "3600"] }] },
});

/** Sets the first container's image and the change-cause, as `kubectl set image --record` did. */
const setImage = (path: string, image: string, cause: string) =>
  k8s(
    "PATCH",
    path,
    {
      metadata: { annotations: { "kubernetes.io/change-cause": cause } },
      spec: { template: { spec: { containers: [{ name: "main", image }] } } },
    },
    "strategic-merge",
  );

const imageOf = (object: KubeObject) =>
  (object.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image;

async function revisions(resource: string, name: string) {
  const answer = await env.viewer.request<{ revisions: RevisionRow[] }>(
    "GET",
    `${base}/${resource}/${name}/revisions?namespace=${NS}`,
  );
  expect(answer.status, answer.text).toBe(200);
  return answer.json.revisions;
}

beforeAll(async () => {
  env = await kubeEndpointWithRoles(`kro-cluster-${RUN}`);
  base = `/api/endpoints/${env.endpointId}/kube`;
  await k8s("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
}, 120_000);

afterAll(async () => {
  await k8s("DELETE", `/api/v1/namespaces/${NS}`).catch(() => {});
  await k8s("DELETE", `/api/v1/nodes/${NODE}`).catch(() => {});
});

describe("rollback", () => {
  const path = `/apis/apps/v1/namespaces/${NS}/deployments/web`;

  it("lists a deployment's revisions and rolls back to an earlier one, audited", async () => {
    await k8s("POST", `/apis/apps/v1/namespaces/${NS}/deployments`, {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: NS, annotations: { "kubernetes.io/change-cause": "first" } },
      spec: { replicas: 1, selector: { matchLabels: { app: "web" } }, template: podTemplate("web", IMAGE_1) },
    });
    await expect.poll(async () => (await revisions("deployments.apps", "web")).length, { timeout: 30_000 }).toBe(1);
    await setImage(path, IMAGE_2, "second");
    // Until the rollout is done: the new revision current and scaled up, the old one scaled down.
    await expect
      .poll(async () => (await revisions("deployments.apps", "web")).map((r) => [r.revision, r.current, r.replicas]), {
        timeout: 60_000,
      })
      .toEqual([
        [2, true, 1],
        [1, false, 0],
      ]);
    const [second, first] = await revisions("deployments.apps", "web");
    expect(second).toMatchObject({ images: [IMAGE_2], changeCause: "second", replicas: 1 });
    expect(first).toMatchObject({ images: [IMAGE_1], changeCause: "first", replicas: 0 });

    const rolled = await env.operator.request("POST", `${base}/deployments.apps/web/rollback?namespace=${NS}`, {
      revision: 1,
    });
    expect(rolled.status, rolled.text).toBe(200);
    const live = await k8s("GET", path);
    expect(imageOf(live)).toBe(IMAGE_1);
    expect(live.metadata.annotations?.["kubernetes.io/change-cause"]).toBe("first");
    const labels = (live.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata
      .labels;
    expect(labels).toEqual({ app: "web" }); // no pod-template-hash
    // The controller takes revision 1's ReplicaSet back as revision 3.
    await expect
      .poll(async () => (await revisions("deployments.apps", "web")).find((r) => r.current)?.images, {
        timeout: 30_000,
      })
      .toEqual([IMAGE_1]);

    const row = await (
      await testDb()
    ).auditEvent.findFirstOrThrow({ where: { action: "kube.rollback", target: `deployments.apps/${NS}/web` } });
    expect(row.outcome).toBe("SUCCESS");
    expect(row.detail).toMatchObject({ revision: 1 });
    expect(String((row.detail as { before: string }).before)).toContain(IMAGE_2);
    expect(String((row.detail as { after: string }).after)).toContain(IMAGE_1);
  });

  it("says so, in plain words, for an unknown revision and a paused deployment", async () => {
    const unknown = await env.operator.request("POST", `${base}/deployments.apps/web/rollback?namespace=${NS}`, {
      revision: 99,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatch(/Deployment web has no revision 99 \(its revisions: 3, 2\)/);
    expect(
      (await env.operator.request("POST", `${base}/deployments.apps/web/rollback?namespace=${NS}`, {})).status,
    ).toBe(400);
    await k8s("PATCH", path, { spec: { paused: true } });
    const paused = await env.operator.request("POST", `${base}/deployments.apps/web/rollback?namespace=${NS}`, {
      revision: 2,
    });
    expect(paused.status).toBe(409);
    expect(paused.json.error).toMatch(/cannot roll back a paused deployment; resume web first/);
    await k8s("PATCH", path, { spec: { paused: null } });
  });

  it("refuses an operator limited to another namespace, and a viewer, and nothing changes", async () => {
    for (const client of [env.teamAOperator, env.viewer]) {
      const refused = await client.request("POST", `${base}/deployments.apps/web/rollback?namespace=${NS}`, {
        revision: 2,
      });
      expect(refused.status).toBe(403);
    }
    expect(imageOf(await k8s("GET", path))).toBe(IMAGE_1);
  });

  it.each([
    ["StatefulSet", "statefulsets", { replicas: 1, serviceName: "db" }],
    ["DaemonSet", "daemonsets", {}],
  ])("rolls a %s back through its ControllerRevisions", async (kind, resource, extra) => {
    const path = `/apis/apps/v1/namespaces/${NS}/${resource}/db`;
    await k8s("POST", `/apis/apps/v1/namespaces/${NS}/${resource}`, {
      apiVersion: "apps/v1",
      kind,
      metadata: { name: "db", namespace: NS },
      spec: { ...extra, selector: { matchLabels: { app: "db" } }, template: podTemplate("db", IMAGE_1) },
    });
    await expect.poll(async () => (await revisions(`${resource}.apps`, "db")).length, { timeout: 30_000 }).toBe(1);
    await setImage(path, IMAGE_2, "second");
    await expect
      .poll(async () => (await revisions(`${resource}.apps`, "db")).map((r) => [r.revision, r.current, r.images]), {
        timeout: 30_000,
      })
      .toEqual([
        [2, true, [IMAGE_2]],
        [1, false, [IMAGE_1]],
      ]);
    const rolled = await env.admin.request("POST", `${base}/${resource}.apps/db/rollback?namespace=${NS}`, {
      revision: 1,
    });
    expect(rolled.status, rolled.text).toBe(200);
    expect(imageOf(await k8s("GET", path))).toBe(IMAGE_1);
    // Revision 1's template is the current one again (renumbered 3 by the controller).
    await expect
      .poll(async () => (await revisions(`${resource}.apps`, "db")).find((r) => r.current)?.images, {
        timeout: 30_000,
      })
      .toEqual([IMAGE_1]);
    await k8s("DELETE", path); // its pods would land on the node the drain tests add
  });
});

describe("create a job from a cronjob", () => {
  it("makes a Job from the job template, marked manual and owned by the CronJob, audited", async () => {
    const cronJob = await k8s("POST", `/apis/batch/v1/namespaces/${NS}/cronjobs`, {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "nightly", namespace: NS },
      spec: {
        schedule: "0 3 * * *",
        suspend: true,
        jobTemplate: {
          metadata: { labels: { team: "ops" }, annotations: { note: "from the template" } },
          spec: { template: { spec: { restartPolicy: "Never", ...podTemplate("nightly", IMAGE_1).spec } } },
        },
      },
    });
    expect(
      (await env.teamAOperator.request("POST", `${base}/cronjobs.batch/nightly/create-job?namespace=${NS}`, {})).status,
    ).toBe(403);

    const made = await env.operator.request<{ created: { resource: string; namespace: string; name: string } }>(
      "POST",
      `${base}/cronjobs.batch/nightly/create-job?namespace=${NS}`,
      {},
    );
    expect(made.status, made.text).toBe(200);
    expect(made.json.created).toMatchObject({ resource: "jobs.batch", namespace: NS });
    expect(made.json.created.name).toMatch(/^nightly-manual-[0-9a-f]{5}$/);
    const job = await k8s("GET", `/apis/batch/v1/namespaces/${NS}/jobs/${made.json.created.name}`);
    expect(job.metadata.annotations).toMatchObject({
      "cronjob.kubernetes.io/instantiate": "manual",
      note: "from the template",
    });
    expect(job.metadata.labels).toMatchObject({ team: "ops" });
    expect(job.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: "CronJob", name: "nightly", uid: cronJob.metadata.uid, controller: true }),
    ]);
    expect(imageOf(job)).toBe(IMAGE_1);
    // Only the one Job: the refused request made nothing.
    const jobs = await k8s<{ items: KubeObject[] }>("GET", `/apis/batch/v1/namespaces/${NS}/jobs`);
    expect(jobs.items).toHaveLength(1);

    const row = await (
      await testDb()
    ).auditEvent.findFirstOrThrow({ where: { action: "kube.create-job", target: `cronjobs.batch/${NS}/nightly` } });
    expect(String((row.detail as { after: string }).after)).toContain(`name: ${made.json.created.name}`);
  });
});

describe("drain", () => {
  const pod = (name: string, app: string) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: NS, labels: { app } },
    spec: { nodeName: NODE, containers: [{ name: "main", image: IMAGE_1 }] },
  });
  const onNode = async () =>
    (
      await k8s<{ items: KubeObject[] }>("GET", `/api/v1/namespaces/${NS}/pods?fieldSelector=spec.nodeName%3D${NODE}`)
    ).items.map((p) => p.metadata.name);

  beforeAll(async () => {
    await k8s("POST", "/api/v1/nodes", {
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name: NODE,
        annotations: { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
        labels: { type: "kwok", "kubernetes.io/hostname": NODE, "kubernetes.io/os": "linux" },
      },
      status: {
        allocatable: { cpu: "32", memory: "256Gi", pods: "110" },
        capacity: { cpu: "32", memory: "256Gi", pods: "110" },
      },
    });
    for (const [name, app] of [
      ["free-1", "free"],
      ["free-2", "free"],
      ["held", "held"],
    ])
      await k8s("POST", `/api/v1/namespaces/${NS}/pods`, pod(name!, app!));
    await k8s("POST", `/apis/policy/v1/namespaces/${NS}/poddisruptionbudgets`, {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "held", namespace: NS },
      spec: { minAvailable: 1, selector: { matchLabels: { app: "held" } } },
    });
    await k8s("POST", `/apis/apps/v1/namespaces/${NS}/daemonsets`, {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "agent", namespace: NS },
      spec: {
        selector: { matchLabels: { app: "agent" } },
        template: {
          ...podTemplate("agent", IMAGE_1),
          spec: { ...podTemplate("agent", IMAGE_1).spec, nodeSelector: { "kubernetes.io/hostname": NODE } },
        },
      },
    });
    // kwok makes the pods ready; the disruption controller then counts the held one as needed.
    const settled = { timeout: 60_000, interval: 500 };
    await vi.waitFor(
      async () => expect((await onNode()).filter((n) => n.startsWith("agent-"))).toHaveLength(1),
      settled,
    );
    await vi.waitFor(async () => {
      const pdb = await k8s<{ status?: { currentHealthy?: number; disruptionsAllowed?: number } }>(
        "GET",
        `/apis/policy/v1/namespaces/${NS}/poddisruptionbudgets/held`,
      );
      expect([pdb.status?.currentHealthy, pdb.status?.disruptionsAllowed]).toEqual([1, 0]);
    }, settled);
  }, 150_000);

  it("is refused to an operator limited to a namespace: a node is the whole cluster's", async () => {
    const refused = await env.teamAOperator.request("POST", `${base}/nodes/${NODE}/drain`, { timeoutSeconds: 2 });
    expect(refused.status).toBe(403);
    const node = await k8s<{ spec: { unschedulable?: boolean } }>("GET", `/api/v1/nodes/${NODE}`);
    expect(node.spec.unschedulable).toBeFalsy();
    expect(await onNode()).toHaveLength(4);
  });

  it("cordons, evicts the node's pods, leaves DaemonSet pods, and reports the pod a budget holds", async () => {
    const answer = await env.operator.raw("POST", `${base}/nodes/${NODE}/drain`, JSON.stringify({ timeoutSeconds: 4 }));
    expect(answer.status).toBe(200);
    const lines = answer.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as DrainLine | { error: string });
    expect(lines[0]).toEqual({ type: "cordoned", node: NODE, wasCordoned: false });
    const listed = lines.find((l) => "type" in l && l.type === "pods") as Extract<DrainLine, { type: "pods" }>;
    expect(
      listed.pods
        .filter((p) => p.namespace === NS)
        .map((p) => p.name)
        .sort(),
    ).toEqual(["free-1", "free-2", "held"]);
    expect(listed.skipped.filter((p) => p.namespace === NS)).toEqual([
      expect.objectContaining({ reason: "run by DaemonSet agent" }),
    ]);
    const last = (name: string) =>
      lines
        .filter((l): l is Extract<DrainLine, { type: "pod" }> => "type" in l && l.type === "pod" && l.name === name)
        .at(-1);
    expect(last("free-1")?.state).toBe("evicted");
    expect(last("free-2")?.state).toBe("evicted");
    expect(last("held")).toMatchObject({ state: "failed" });
    expect(last("held")?.message).toContain("Cannot evict pod as it would violate the pod's disruption budget");
    expect(lines.some((l) => "type" in l && l.type === "pod" && l.name === "held" && l.state === "waiting")).toBe(true);
    expect(lines.at(-1)).toEqual({ error: expect.stringMatching(/1 of \d+ pods were not evicted; .* stays cordoned/) });

    const left = await onNode();
    expect(left).toContain("held");
    expect(left.filter((n) => n.startsWith("agent-"))).toHaveLength(1);
    expect(left.filter((n) => n.startsWith("free-"))).toEqual([]);
    const node = await k8s<{ spec: { unschedulable?: boolean } }>("GET", `/api/v1/nodes/${NODE}`);
    expect(node.spec.unschedulable).toBe(true);

    const row = await (
      await testDb()
    ).auditEvent.findFirstOrThrow({ where: { action: "kube.drain", target: `nodes/${NODE}` } });
    expect(row.outcome).toBe("FAILURE");
    const detail = row.detail as { evicted: string[]; notEvicted: { pod: string; message: string }[] };
    expect(detail.evicted).toEqual(expect.arrayContaining([`${NS}/free-1`, `${NS}/free-2`]));
    expect(detail.notEvicted).toEqual([
      expect.objectContaining({ pod: `${NS}/held`, message: expect.stringContaining("disruption budget") }),
    ]);
  });

  it("stops when the client leaves, and says so in the audit row", async () => {
    const stop = new AbortController();
    const response = await fetch(`${inject("appUrl")}${base}/nodes/${NODE}/drain`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: env.operator.cookie },
      body: JSON.stringify({ timeoutSeconds: 120 }),
      signal: stop.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes('"state":"waiting"')) text += (await reader.read()).value ?? "";
    const started = Date.now();
    stop.abort();
    const db = await testDb();
    await vi.waitFor(
      async () =>
        expect(
          await db.auditEvent.count({ where: { action: "kube.drain", target: `nodes/${NODE}`, outcome: "FAILURE" } }),
        ).toBe(2),
      { timeout: 15_000, interval: 200 },
    );
    expect(Date.now() - started).toBeLessThan(15_000); // not the 120 s timeout
    const row = await db.auditEvent.findFirstOrThrow({
      where: { action: "kube.drain", target: `nodes/${NODE}` },
      orderBy: { at: "desc" },
    });
    expect(row.detail).toMatchObject({ clientLeft: true, error: "stopped: the client left" });
    expect(await onNode()).toContain("held");
  });
});
