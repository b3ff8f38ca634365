// Endpoint CRUD through the HTTP API, against a real database and real Docker engines.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { testDb } from "../support/seed";

const env = readTestEnv();
const engine1 = env.docker[0]!;
const tls = engine1.tls!;
const clientKey = readFileSync(tls.key, "utf8");
const admin = new ApiClient(inject("appUrl"));
const responses: string[] = [];

async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
  const response = await admin.request<T>(method, path, body);
  responses.push(response.text);
  return response;
}

const tlsConnection = (ca = tls.ca) => ({
  kind: "docker",
  transport: "tcp",
  host: tls.host,
  port: tls.port,
  tls: { ca: readFileSync(ca, "utf8"), cert: readFileSync(tls.cert, "utf8"), key: clientKey },
});

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
});

describe("endpoints API (administrator)", () => {
  let id = "";

  it("creates a Docker socket endpoint and reports it up with the engine version", async () => {
    const created = await call<{ endpoint: { id: string; url: string; hasCredentials: boolean } }>(
      "POST",
      "/api/endpoints",
      {
        name: "engine1",
        connection: { kind: "docker", transport: "socket", socketPath: engine1.socketPath },
      },
    );
    expect(created.status).toBe(201);
    id = created.json.endpoint.id;
    expect(created.json.endpoint.url).toBe(`unix://${engine1.socketPath}`);
    const tested = await call<{ result: { ok: boolean; version: string } }>("POST", `/api/endpoints/${id}/test`, {});
    expect(tested.json.result).toMatchObject({ ok: true });
    expect(tested.json.result.version).toContain(engine1.version);
    const got = await call<{ endpoint: { status: string; version: string } }>("GET", `/api/endpoints/${id}`);
    expect(got.json.endpoint).toMatchObject({ status: "UP" });
  });

  it("lists, renames and deletes", async () => {
    const list = await call<{ endpoints: { id: string; name: string }[] }>("GET", "/api/endpoints");
    expect(list.json.endpoints.map((e) => e.name)).toContain("engine1");
    const renamed = await call("PATCH", `/api/endpoints/${id}`, { name: "engine-one" });
    expect(renamed.status).toBe(200);
    const duplicate = await call("POST", "/api/endpoints", {
      name: "engine-one",
      connection: { kind: "docker", transport: "socket", socketPath: "/x.sock" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error).toMatch(/already exists/);
    expect((await call("DELETE", `/api/endpoints/${id}`)).status).toBe(204);
    expect((await call("GET", `/api/endpoints/${id}`)).status).toBe(404);
    const audit = await (await testDb()).auditEvent.findMany({ where: { action: { startsWith: "endpoint." } } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["endpoint.create", "endpoint.update", "endpoint.delete", "endpoint.test"]),
    );
  });

  it("connects over TLS with the right CA and client certificate", async () => {
    const result = await call<{ result: { ok: boolean; version?: string } }>("POST", "/api/endpoints/test", {
      connection: tlsConnection(),
    });
    expect(result.json.result).toMatchObject({ ok: true });
    const created = await call<{ endpoint: { id: string; authKind: string } }>("POST", "/api/endpoints", {
      name: "engine1-tls",
      connection: tlsConnection(),
    });
    expect(created.status).toBe(201);
    expect(created.json.endpoint.authKind).toBe("tls");
  });

  it("says TLS verification failed when the CA is wrong", async () => {
    const result = await call<{ result: { ok: boolean; code: string; message: string } }>(
      "POST",
      "/api/endpoints/test",
      { connection: tlsConnection(tls.wrongCa) },
    );
    expect(result.json.result).toMatchObject({ ok: false, code: "tls" });
    expect(result.json.result.message).toMatch(/TLS verification failed/);
  });

  it("names the address of an unreachable engine", async () => {
    const result = await call<{ result: { ok: boolean; code: string; message: string } }>(
      "POST",
      "/api/endpoints/test",
      {
        connection: { kind: "docker", transport: "socket", socketPath: "/nonexistent/docker.sock" },
      },
    );
    expect(result.json.result).toMatchObject({ ok: false, code: "unreachable" });
    expect(result.json.result.message).toContain("/nonexistent/docker.sock");
  });

  it("keeps the stored key when a change leaves it out, and never returns it", async () => {
    const list = await call<{ endpoints: { id: string; name: string }[] }>("GET", "/api/endpoints");
    const tlsEndpoint = list.json.endpoints.find((e) => e.name === "engine1-tls")!;
    const changed = await call("PATCH", `/api/endpoints/${tlsEndpoint.id}`, {
      connection: { kind: "docker", transport: "tcp", host: tls.host, port: tls.port },
    });
    expect(changed.status).toBe(200);
    const tested = await call<{ result: { ok: boolean } }>("POST", `/api/endpoints/${tlsEndpoint.id}/test`, {});
    expect(tested.json.result.ok).toBe(true);
  });

  it("stores credentials only encrypted, and no response or audit entry holds them", async () => {
    const keyBody = clientKey.split("\n")[1]!;
    const rows = await (await testDb()).endpoint.findMany();
    for (const row of rows) expect(row.secret ?? "").not.toContain(keyBody);
    for (const text of responses) expect(text).not.toContain(keyBody);
    const audit = await (await testDb()).auditEvent.findMany();
    expect(JSON.stringify(audit)).not.toContain(keyBody);
  });
});

describe("bad input", () => {
  it("answers 4xx with a message, never 500", async () => {
    const cases: [string, string, unknown, number, RegExp][] = [
      ["POST", "/api/endpoints", { name: "" }, 400, /name/],
      [
        "POST",
        "/api/endpoints",
        { name: "x", connection: { kind: "docker", transport: "tcp", host: "h", port: 99999 } },
        400,
        /port/,
      ],
      [
        "POST",
        "/api/endpoints",
        { name: "x", connection: { kind: "docker", transport: "socket", socketPath: "relative" } },
        400,
        /absolute/,
      ],
      [
        "POST",
        "/api/endpoints",
        { name: "k", connection: { kind: "kubernetes-kubeconfig", kubeconfig: "users: [", context: "a" } },
        400,
        /kubeconfig/,
      ],
      [
        "POST",
        "/api/kubeconfig/contexts",
        {
          kubeconfig:
            "contexts:\n- name: a\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user:\n    exec: {command: id}\n",
        },
        200,
        /exec credential plugin/,
      ],
      ["GET", "/api/endpoints/does-not-exist", undefined, 404, /not found/],
      ["PATCH", "/api/endpoints/does-not-exist", { name: "y" }, 404, /not found/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const response = await admin.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(response.text, `${method} ${path}`).toMatch(message);
      expect(response.text).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    }
    const notJson = await admin.raw("POST", "/api/endpoints", "{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toMatch(/JSON/);
  });

  it("requires sign-in for the API but not for health", async () => {
    const anonymous = new ApiClient(inject("appUrl"));
    expect((await anonymous.request("GET", "/api/endpoints")).status).toBe(401);
    const health = await anonymous.request<{ status: string; database: { status: string } }>("GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.json.database.status).toBe("up");
  });
});
