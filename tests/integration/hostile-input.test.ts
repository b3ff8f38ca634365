// Every API route, found from the files under app/api (so a new route cannot be missed), is sent
// path tricks in each of its parameters and malformed, mistyped, huge and chunked bodies. Every
// answer must be a 4xx with a message, the engine must be unchanged (no container was pruned,
// started or removed), and /api/health must keep answering throughout.
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/api-client";
import { testEngine } from "../support/engine";
import { ADMIN } from "../support/integration-setup";

interface RouteFile {
  /** e.g. /api/endpoints/[id]/docker/containers/[cid]/[action] */
  template: string;
  methods: string[];
  params: string[];
  /** The handler parses a request body. */
  takesBody: boolean;
}

const root = path.resolve(import.meta.dirname, "../..");

function discoverRoutes(): RouteFile[] {
  const files = readdirSync(path.join(root, "app/api"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join("app/api", f));
  return files.map((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g))
      methods.add(m[1]!);
    for (const m of source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    const template = "/" + path.dirname(file).replace(/^app\//, "");
    const params = [...template.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!);
    return { template, methods: [...methods], params, takesBody: /\bbody\b/.test(source) };
  });
}

// What a tampered id may look like once decoded: each would change the engine path it lands in.
const PATH_TRICKS = [
  "prune?",
  "x?force=true",
  "x#y",
  "a/b",
  "..",
  "../../containers/json",
  "%2F",
  "%2e%2e%2fcontainers",
  "x\u0000y",
  "a b",
  " ",
  "x\\y",
];

const engine = testEngine(0);
const admin = new ApiClient(inject("appUrl"));
const appUrl = new URL(inject("appUrl"));
let dockerId = "";
let kubeId = "";
let stoppedId = "";
const health: { ok: boolean; ms: number }[] = [];
let probing = true;
let probe: Promise<void> = Promise.resolve();

/** A raw request, so the path goes out exactly as written (fetch would resolve ".." itself). */
function raw(
  method: string,
  pathname: string,
  options: { body?: string | (() => AsyncIterable<string>); type?: string | null; length?: number } = {},
): Promise<{ status: number; text: string }> {
  // A fresh connection per request: the server closes one whose oversized body it stopped reading.
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { cookie: admin.cookie };
    if (options.type !== null) headers["content-type"] = options.type ?? "application/json";
    if (typeof options.body === "string") headers["content-length"] = String(Buffer.byteLength(options.body));
    if (options.length !== undefined) headers["content-length"] = String(options.length);
    const req = httpRequest(
      { host: appUrl.hostname, port: appUrl.port, method, path: pathname, headers, agent: false },
      (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    // A reset before any answer shows as status 0 (and fails the test); one after it is harmless.
    req.on("error", (error) => resolve({ status: 0, text: error.message }));
    req.setTimeout(30_000, () => reject(new Error(`${method} ${pathname}: no answer in 30 s`)));
    const body = options.body;
    if (typeof body === "string") req.end(body);
    else if (body)
      void (async () => {
        try {
          for await (const chunk of body()) if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
          req.end();
        } catch {
          /* the server may close the connection once it has had enough */
        }
      })();
    else req.end();
  });
}

/**
 * What the tricks would change if they reached the engine: a prune removes the stopped container
 * and the unused volume this file made; other paths would remove or create images and networks.
 * (Other files' containers come and go as they clean up, so they are not compared.)
 */
async function engineState(): Promise<string> {
  const [container, volumes, networks, images] = await Promise.all([
    engine.docker
      .getContainer(stoppedId)
      .inspect()
      .then((c) => c.State.Status)
      .catch(() => "gone"),
    engine.docker.listVolumes(),
    engine.docker.listNetworks(),
    engine.docker.listImages(),
  ]);
  return JSON.stringify({
    container,
    volume: (volumes.Volumes ?? []).some((v) => v.Name === "hostile-input-volume"),
    networks: networks.map((n) => n.Id).sort(),
    images: images.map((i) => i.Id).sort(),
  });
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\[([^\]]+)\]/g, (_, name: string) => values[name] ?? "x");
}

function validValues(template: string): Record<string, string> {
  const kube = template.includes("/kube/");
  return {
    id: kube ? kubeId : dockerId,
    kind: "volumes",
    resource: "volumes",
    name: "hostile-input-volume",
    cid: stoppedId,
    action: "start",
    iid: "dashboard-test",
    "...nextauth": "session",
  };
}

function expectClientError(response: { status: number; text: string }, what: string) {
  expect(response.status, `${what} answered ${response.status}: ${response.text.slice(0, 300)}`).toBeGreaterThanOrEqual(
    400,
  );
  expect(response.status, `${what} answered ${response.status}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
  expect(response.text, `${what} leaked a stack`).not.toMatch(/\n\s+at [\w.<>]+ \(/);
}

const routes = discoverRoutes();
const endpointRoutes = routes.filter((r) => r.params.length > 0 && !r.template.includes("nextauth"));

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const env = engine.env;
  dockerId = (
    await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "hostile-docker",
      connection: { kind: "docker", transport: "socket", socketPath: env.docker[0]!.socketPath },
    })
  ).json.endpoint.id;
  const cluster = env.kubernetes[0]!;
  kubeId = (
    await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: "hostile-kube",
      connection: {
        kind: "kubernetes",
        server: cluster.server,
        ca: readFileSync(cluster.ca, "utf8"),
        auth: { type: "token", token: cluster.adminToken },
      },
    })
  ).json.endpoint.id;
  // A stopped container: "prune?" in a start request would have removed it.
  const stopped = await engine.run(["true"]);
  await stopped.wait();
  stoppedId = stopped.id;
  await engine.docker.createVolume({ Name: "hostile-input-volume" });
  probe = (async () => {
    while (probing) {
      const started = Date.now();
      const ok = await fetch(`${appUrl.origin}/api/health`, { signal: AbortSignal.timeout(5_000) })
        .then((r) => r.ok)
        .catch(() => false);
      health.push({ ok, ms: Date.now() - started });
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
}, 120_000);

afterAll(async () => {
  probing = false;
  await probe;
  await engine.cleanup();
  await engine.docker
    .getVolume("hostile-input-volume")
    .remove()
    .catch(() => {});
});

describe("hostile input", () => {
  it("finds the routes from the code", () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(endpointRoutes.map((r) => r.template)).toContain("/api/endpoints/[id]/docker/containers/[cid]/[action]");
  });

  it("refuses path tricks in every parameter of every route with a 400, and the engine is unchanged", async () => {
    const before = await engineState();
    const answers: string[] = [];
    for (const route of endpointRoutes) {
      for (const param of route.params) {
        for (const trick of PATH_TRICKS) {
          // Encoded the way an attacker would have to: the server decodes it back into the trick.
          const url = fill(route.template, { ...validValues(route.template), [param]: encodeURIComponent(trick) });
          for (const method of route.methods) {
            const body = method === "GET" || method === "DELETE" ? undefined : "{}";
            const response = await raw(method, url, { body });
            const what = `${method} ${url}`;
            // A bare ".." is resolved by URL parsing before routing: a redirect to the parent path.
            if (trick === ".." && response.status === 308) continue;
            expectClientError(response, what);
            // A refused id never reaches the engine: 400 from our own parser, with a message. (A
            // bare ".." may also land on another dashboard route, which checks its own input.)
            // An image reference may hold "/" (registry/team/app): "a/b" is a real name the engine
            // looks up, and does not find.
            const imageName = param === "iid" && trick === "a/b";
            if (param !== "id" && param !== "kind" && param !== "action" && trick !== ".." && !imageName) {
              expect(response.status, `${what}: ${response.text}`).toBe(400);
              expect(JSON.parse(response.text).error, what).toBeTruthy();
            }
            answers.push(`${response.status} ${what}`);
          }
        }
      }
    }
    expect(answers.length).toBeGreaterThan(100);
    expect(await engineState()).toBe(before);
    expect((await engine.docker.getContainer(stoppedId).inspect()).State.Status).toBe("exited");
  }, 300_000);

  it("answers malformed, mistyped, wrongly labelled, huge and chunked bodies with a 4xx and a message", async () => {
    const before = await engineState();
    const bad: { what: string; body: string | (() => AsyncIterable<string>); type?: string | null; length?: number }[] =
      [
        { what: "malformed JSON", body: '{"name": ' },
        { what: "an array", body: "[1,2,3]" },
        { what: "a string", body: '"hello"' },
        { what: "null", body: "null" },
        { what: "wrong types", body: JSON.stringify({ name: 12, connection: "x", image: [], tags: {}, pattern: {} }) },
        { what: "text/plain", body: '{"name":"x"}', type: "text/plain" },
        { what: "a form", body: "name=x", type: "application/x-www-form-urlencoded" },
        { what: "3 MB", body: JSON.stringify({ name: "x".repeat(3 * 1024 * 1024) }) },
        {
          what: "3 MB chunked",
          body: async function* () {
            yield '{"name":"';
            for (let i = 0; i < 48; i++) yield "y".repeat(64 * 1024);
            yield '"}';
          },
        },
      ];
    // Bodies go to handlers that read one; DELETE and body-less actions (prune) are left alone.
    for (const route of routes.filter((r) => r.takesBody && !r.template.includes("nextauth"))) {
      for (const method of route.methods.filter((m) => m !== "GET" && m !== "DELETE")) {
        const url = fill(route.template, validValues(route.template));
        for (const { what, body, type } of bad) {
          const response = await raw(method, url, { body, type });
          // An oversized body may be cut off by the server before the client reads the 413: the
          // connection closes under the writer (the 413 itself is asserted in request-guards).
          if (what.startsWith("3 MB") && response.status === 0 && /EPIPE|ECONNRESET/.test(response.text)) continue;
          // Routes without a body (DELETE, actions without options) may ignore it and succeed;
          // the point is that nothing answers 5xx or hangs.
          if (response.status > 0 && response.status < 400) continue;
          expectClientError(response, `${method} ${url} with ${what}`);
          expect(JSON.parse(response.text).error, `${method} ${url} with ${what}`).toBeTruthy();
        }
      }
    }
    const setup = await raw("POST", "/api/setup", { body: JSON.stringify({ name: "x".repeat(3 * 1024 * 1024) }) });
    expect([409, 413]).toContain(setup.status);
    // Only the actions above that were allowed to succeed may have changed anything: starting the
    // stopped container is one; nothing was created, pruned or removed.
    const after = JSON.parse(await engineState()) as { volume: boolean; images: string[]; networks: string[] };
    const was = JSON.parse(before) as typeof after;
    expect(after.images).toEqual(was.images);
    expect(after.networks).toEqual(was.networks);
    expect(after.volume).toBe(true);
  }, 300_000);

  it("kept /api/health answering throughout", () => {
    expect(health.length).toBeGreaterThan(3);
    expect(health.filter((h) => !h.ok)).toEqual([]);
    console.log(`health probes: ${health.length}, slowest ${Math.max(...health.map((h) => h.ms))} ms`);
  });
});
