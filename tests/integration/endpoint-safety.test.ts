// Endpoint settings that guard the credentials and the host: stored credentials are never sent to
// a new address, Kubernetes URLs carry no credentials and are https unless plain HTTP is asked
// for, and containers may bind-mount host paths only where an administrator allowed it — never
// `/` or the dashboard's own data directory.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { createUser, grant, testDb } from "../support/seed";

const admin = new ApiClient(inject("appUrl"));
const engine = testEngine(0);
const cluster = engine.env.kubernetes[0]!;
const kubeConnection = (server: string, extra: Record<string, unknown> = {}) => ({
  kind: "kubernetes",
  server,
  ca: readFileSync(cluster.ca, "utf8"),
  auth: { type: "token", token: cluster.adminToken },
  ...extra,
});

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
});
afterAll(() => engine.cleanup());

describe("Kubernetes server addresses", () => {
  it("refuses credentials in the URL and plain http:// unless asked for", async () => {
    const withUser = await admin.request("POST", "/api/endpoints", {
      name: "k-user",
      connection: kubeConnection(cluster.server.replace("https://", "https://me:secret@")),
    });
    expect(withUser.status).toBe(400);
    expect(withUser.json.error).toMatch(/must not contain a user name or password/);
    const plain = await admin.request("POST", "/api/endpoints", {
      name: "k-plain",
      connection: kubeConnection(cluster.server.replace("https://", "http://")),
    });
    expect(plain.status).toBe(400);
    expect(plain.json.error).toMatch(/plain http/);
    const asked = await admin.request("POST", "/api/endpoints", {
      name: "k-plain-ok",
      connection: kubeConnection(cluster.server.replace("https://", "http://"), { plainHttp: true }),
    });
    expect(asked.status).toBe(201);
  });

  it("does not send stored credentials to a new server: the address change needs them again", async () => {
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "k-move",
      connection: kubeConnection(cluster.server),
    });
    const id = created.json.endpoint.id;
    const before = await (await testDb()).endpoint.findUniqueOrThrow({ where: { id } });
    const moved = await admin.request("PATCH", `/api/endpoints/${id}`, {
      connection: { kind: "kubernetes", server: "https://attacker.example:6443" },
    });
    expect(moved.status).toBe(400);
    expect(moved.json.error).toMatch(/address changed.*enter the credentials again/);
    const after = await (await testDb()).endpoint.findUniqueOrThrow({ where: { id } });
    expect(after.secret).toBe(before.secret);
    expect(after.url).toBe(cluster.server);
    // The same server with the secrets left out keeps them.
    const same = await admin.request("PATCH", `/api/endpoints/${id}`, {
      connection: { kind: "kubernetes", server: cluster.server },
    });
    expect(same.status).toBe(200);
  });
});

describe("host bind mounts", () => {
  let endpointId = "";
  const create = (source: string) =>
    admin.request("POST", `/api/endpoints/${endpointId}/docker/containers`, {
      image: engine.env.testImage,
      command: ["true"],
      networkMode: "none",
      start: false,
      volumes: [{ source, target: "/mnt" }],
    });

  beforeAll(async () => {
    endpointId = (
      await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
        name: "binds-docker",
        connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
      })
    ).json.endpoint.id;
  });

  it("are refused until an administrator allows them on the endpoint", async () => {
    const before = (await engine.docker.listContainers({ all: true })).length;
    const refused = await create("/tmp");
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/host paths cannot be mounted/);
    expect((await engine.docker.listContainers({ all: true })).length).toBe(before);
    const named = await create("binds-named-volume");
    expect(named.status).toBe(201);
    engine.track((named.json as { id: string }).id);
  });

  it("once allowed, still never reach / or the dashboard's data directory (or a folder holding it)", async () => {
    const allowed = await admin.request("PATCH", `/api/endpoints/${endpointId}`, { allowHostBinds: true });
    expect(allowed.json).toMatchObject({ endpoint: { allowHostBinds: true } });
    const dataDir = inject("appDataDir");
    for (const source of [
      "/",
      dataDir,
      path.join(dataDir, "encryption.key"),
      path.dirname(dataDir),
      `${dataDir}/../`,
    ]) {
      const response = await create(source);
      expect(response.status, source).toBe(400);
      expect(response.json.error).toMatch(/holds the dashboard's own data|host's root/);
    }
    const ok = await create("/usr/share");
    expect(ok.status).toBe(201);
    engine.track((ok.json as { id: string }).id);
  });

  it("is an administrator's setting: an operator of the endpoint cannot change it", async () => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId, role: "ENDPOINT_ADMIN" });
    const endpointAdmin = new ApiClient(inject("appUrl"));
    expect(await endpointAdmin.signIn(user.email, user.password)).toBeNull();
    const refused = await endpointAdmin.request("PATCH", `/api/endpoints/${endpointId}`, { allowHostBinds: false });
    expect(refused.status).toBe(403);
    const view = await admin.request<{ endpoint: { allowHostBinds: boolean } }>("GET", `/api/endpoints/${endpointId}`);
    expect(view.json.endpoint.allowHostBinds).toBe(true);
  });
});
