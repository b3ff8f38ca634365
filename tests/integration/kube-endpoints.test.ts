// Kubernetes endpoints against a real kube-apiserver (built from k8s.io/kubernetes): kubeconfig and
// token sign-in, and plain-words causes for rejected credentials and a wrong CA.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { kubeRequest, KubeHttpError } from "@/lib/kube/raw-request";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";

const cluster = readTestEnv().kubernetes[0]!;
const ca = readFileSync(cluster.ca, "utf8");
const admin = new ApiClient(inject("appUrl"));
type Result = { result: { ok: boolean; version?: string; detail?: string; code?: string; message?: string } };

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
});

describe("Kubernetes endpoints", () => {
  it("adds a cluster from a pasted kubeconfig and reports its version and user", async () => {
    const kubeconfig = readFileSync(cluster.adminKubeconfig, "utf8");
    const contexts = await admin.request<{ contexts: { name: string; problems: string[] }[] }>(
      "POST",
      "/api/kubeconfig/contexts",
      { kubeconfig },
    );
    expect(contexts.json.contexts).toEqual([expect.objectContaining({ name: "admin", problems: [] })]);
    const created = await admin.request<{ endpoint: { id: string; authKind: string; url: string } }>(
      "POST",
      "/api/endpoints",
      {
        name: "cluster1",
        connection: { kind: "kubernetes-kubeconfig", kubeconfig, context: "admin" },
      },
    );
    expect(created.status).toBe(201);
    expect(created.json.endpoint).toMatchObject({ authKind: "kubeconfig", url: cluster.server });
    expect(created.text).not.toContain(cluster.adminToken);
    const tested = await admin.request<Result>("POST", `/api/endpoints/${created.json.endpoint.id}/test`, {});
    expect(tested.json.result).toMatchObject({
      ok: true,
      version: `Kubernetes ${cluster.version}`,
      detail: "signed in as admin",
    });
  });

  it("says the credentials were rejected for a wrong token (401)", async () => {
    const result = await admin.request<Result>("POST", "/api/endpoints/test", {
      connection: {
        kind: "kubernetes",
        server: cluster.server,
        ca,
        auth: { type: "token", token: "not-a-valid-token" },
      },
    });
    expect(result.json.result).toMatchObject({ ok: false, code: "unauthorized" });
    expect(result.json.result.message).toMatch(/credentials rejected .*401/);
  });

  it("says TLS verification failed without the cluster's CA", async () => {
    const result = await admin.request<Result>("POST", "/api/endpoints/test", {
      connection: { kind: "kubernetes", server: cluster.server, auth: { type: "token", token: cluster.adminToken } },
    });
    expect(result.json.result).toMatchObject({ ok: false, code: "tls" });
  });

  it("gives the restricted user 403 outside its namespace, with the API server's message", async () => {
    const target = {
      kind: "kubernetes" as const,
      server: cluster.server,
      ca,
      insecureSkipTlsVerify: false,
      auth: { type: "token" as const, token: cluster.restricted.token },
    };
    const options = { timeoutMs: 5000, tlsVerify: true };
    await expect(
      kubeRequest(target, { ...options, path: `/api/v1/namespaces/${cluster.restricted.namespace}/pods` }),
    ).resolves.toMatchObject({ kind: "PodList" });
    const error = await kubeRequest(target, { ...options, path: "/api/v1/namespaces/default/pods" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KubeHttpError);
    expect((error as KubeHttpError).statusCode).toBe(403);
    expect((error as KubeHttpError).message).toMatch(/pods is forbidden: User "restricted"/);
  });
});
