// The guards every request passes: cross-site requests and sockets refused by Origin, JSON bodies
// only as JSON and only up to the cap (chunked too), refusals audited even for unknown endpoint
// ids, streamed operations that survive a client leaving, and Kubernetes calls that time out.
import net from "node:net";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";
import { createUser, grant, testDb } from "../support/seed";

const appUrl = inject("appUrl");
const admin = new ApiClient(appUrl);
const engine = testEngine(0);
let endpointId = "";

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  endpointId = (
    await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "guards-docker",
      connection: { kind: "docker", transport: "socket", socketPath: engine.env.docker[0]!.socketPath },
    })
  ).json.endpoint.id;
});

afterAll(() => engine.cleanup());

const post = (path: string, body: BodyInit, headers: Record<string, string>) =>
  fetch(appUrl + path, {
    method: "POST",
    headers: { cookie: admin.cookie, ...headers },
    body,
    duplex: "half",
  } as RequestInit);

describe("cross-site requests", () => {
  it("refuses a change sent from another site's page, and nothing changes", async () => {
    const before = (await engine.docker.listVolumes()).Volumes?.length;
    const response = await post(`/api/endpoints/${endpointId}/docker/volumes`, JSON.stringify({ name: "csrf-vol" }), {
      "content-type": "application/json",
      origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/evil\.example.*not accepted/);
    expect((await engine.docker.listVolumes()).Volumes?.length).toBe(before);
    // The same request from the dashboard's own page goes through.
    const own = await post(`/api/endpoints/${endpointId}/docker/volumes`, JSON.stringify({ name: "csrf-vol" }), {
      "content-type": "application/json",
      origin: appUrl,
    });
    expect(own.status).toBe(201);
    await engine.docker.getVolume("csrf-vol").remove();
  });

  it("refuses a socket opened by another site's page", async () => {
    const connect = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = io(appUrl, { transports: ["websocket"], extraHeaders: { cookie: admin.cookie, origin } });
        socket.on("connect", () => (socket.close(), resolve("connected")));
        socket.on("connect_error", (e) => (socket.close(), resolve(`refused: ${e.message}`)));
      });
    expect(await connect("https://evil.example")).toMatch(/^refused/);
    expect(await connect(appUrl)).toBe("connected");
  });
});

describe("request bodies", () => {
  it("wants JSON labelled as JSON: a form post gets 415 and creates nothing", async () => {
    const response = await post(`/api/endpoints/${endpointId}/docker/volumes`, "name=form-vol", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/application\/json/);
    expect((await engine.docker.listVolumes()).Volumes?.some((v) => v.Name === "form-vol")).toBe(false);
  });

  it("stops reading a chunked body at the cap (413), without a length to check first", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 16 * 1024 * 1024) return controller.close();
        sent += 256 * 1024;
        controller.enqueue(new Uint8Array(256 * 1024).fill(0x61));
      },
    });
    const response = await post(`/api/endpoints/${endpointId}/docker/volumes`, body, {
      "content-type": "application/json",
    });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});

describe("audit of refusals", () => {
  it("audits a refusal on an endpoint id that does not exist (403, not a 500)", async () => {
    const user = await createUser();
    await grant({ userId: user.id, endpointId: null, role: "VIEWER" });
    const viewer = new ApiClient(appUrl);
    expect(await viewer.signIn(user.email, user.password)).toBeNull();
    const response = await viewer.request("DELETE", "/api/endpoints/no-such-endpoint/docker/volumes/x");
    expect(response.status).toBe(403);
    const row = await (
      await testDb()
    ).auditEvent.findFirst({ where: { actorId: user.id, outcome: "DENIED" }, orderBy: { at: "desc" } });
    expect(row).toMatchObject({ action: "resource.delete", endpointId: null });
    expect(row?.detail).toMatchObject({ endpointId: "no-such-endpoint" });
  });
});

describe("streamed operations", () => {
  it("survive the client leaving in the middle of a pull, and the pull is audited", async () => {
    const image = engine.env.registryImage!;
    await engine.docker
      .getImage(image)
      .remove({ force: true })
      .catch(() => {});
    const since = new Date();
    const controller = new AbortController();
    const response = await fetch(`${appUrl}/api/endpoints/${endpointId}/docker/images/pull`, {
      method: "POST",
      headers: { cookie: admin.cookie, "content-type": "application/json" },
      body: JSON.stringify({ image }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    controller.abort();
    await expect.poll(async () => (await fetch(`${appUrl}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    await expect
      .poll(
        async () =>
          (await testDb()).auditEvent.findFirst({ where: { action: "image.pull", target: image, at: { gte: since } } }),
        { timeout: 20_000 },
      )
      .toBeTruthy();
    // The server is still serving everyone else.
    expect((await admin.request("GET", `/api/endpoints/${endpointId}/docker/containers`)).status).toBe(200);
  });
});

describe("Kubernetes calls", () => {
  it("give up on an API server that accepts connections and never answers", async () => {
    const silent = net.createServer(() => {}); // holds every connection open, says nothing
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
        name: "silent-cluster",
        connection: {
          kind: "kubernetes",
          server: `http://127.0.0.1:${port}`,
          plainHttp: true,
          auth: { type: "token", token: "t" },
        },
      });
      expect(created.status).toBe(201);
      const pods = await admin.request("GET", `/api/endpoints/${created.json.endpoint.id}/logs/pods`);
      expect(pods.status).toBe(502);
      expect(pods.json.error).toMatch(/no answer from/);
    } finally {
      silent.close();
    }
  });
});
