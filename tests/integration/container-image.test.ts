// The production image (Dockerfile), built from this checkout on a private engine and run as an
// operator would: against an external PostgreSQL, with the required settings, on the host network
// (so it reaches the test database and cluster on 127.0.0.1), with a Docker engine's socket mounted.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type Docker from "dockerode";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../../lib/db/embedded-postgres";
import { readMigrations } from "../../lib/db/migrate";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { kubeWatchSocket } from "../support/kube-watch-socket";
import { startPrivateEngine, type PrivateEngine } from "../support/private-engine";
import { buildProductImage, imageFiles, type BuiltImage } from "../support/product-image";

const root = path.resolve(import.meta.dirname, "../..");
const run = `${process.pid}-${randomBytes(3).toString("hex")}`;
const ADMIN = { email: "image-admin@example.test", password: "a long image test password" };
type Result = { result: { ok: boolean; version?: string; message?: string } };

describe("the container image", () => {
  let engine: PrivateEngine;
  let image: BuiltImage;
  let database: RunningPostgres;
  let databaseDir: string;
  let container: Docker.Container;
  let url: string;

  beforeAll(async () => {
    engine = await startPrivateEngine(`image-test-${run}`);
    image = await buildProductImage(engine, `fleetdeck-test/app:${run}`);
    const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
    const base = (await engine.docker.getImage(image.baseTag).inspect()).Size;
    console.log(
      `[image] built in ${image.seconds} s; ${megabytes(image.size)} (base ${megabytes(base)}, ` +
        `app ${megabytes(image.size - base)})\n` +
        image.slowSteps.map((s) => `  ${String(s.seconds).padStart(4)} s  ${s.step}`).join("\n"),
    );

    databaseDir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-image-db-"));
    database = await startEmbeddedPostgres({ dir: databaseDir, persistent: false });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const dockerSocket = readTestEnv().docker[1]!.socketPath;
    container = await engine.docker.createContainer({
      Image: image.tag,
      name: `fleetdeck-image-test-${run}`,
      Env: [
        `DATABASE_URL=${database.url}`,
        // Only on loopback, like every server of the tests.
        "HOST=127.0.0.1",
        `PORT=${port}`,
        `NEXTAUTH_URL=${url}`,
        `NEXTAUTH_SECRET=${randomBytes(32).toString("base64")}`,
        `ENCRYPTION_KEY=${randomBytes(32).toString("base64")}`,
        `ADMIN_EMAIL=${ADMIN.email}`,
        `ADMIN_PASSWORD=${ADMIN.password}`,
      ],
      // The image's own health check, asked every second instead of every 30 s.
      Healthcheck: { Interval: 1e9 },
      HostConfig: {
        NetworkMode: "host",
        Binds: [`${dockerSocket}:/var/run/docker.sock`],
        // The socket's group, as an operator gives it to the unprivileged user of the image.
        GroupAdd: [String(statSync(dockerSocket).gid)],
      },
    });
    await container.start();
    for (;;) {
      const { State } = await container.inspect();
      if (State.Health?.Status === "healthy") break;
      if (!State.Running) {
        const logs = await container.logs({ stdout: true, stderr: true });
        throw new Error(`the container stopped (exit ${State.ExitCode}):\n${logs.toString()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 20 * 60_000);

  afterAll(async () => {
    await engine?.remove();
    await database?.stop();
    if (databaseDir) rmSync(databaseDir, { recursive: true, force: true });
  }, 120_000);

  it("runs as an unprivileged user and is healthy by its own HEALTHCHECK", async () => {
    const { Config, State } = await container.inspect();
    expect(Config.User).toBe("1000:1000");
    expect((await engine.cli(["exec", container.id, "id", "-u"])).trim()).toBe("1000");
    expect(Config.Healthcheck?.Test).toEqual(["CMD", "node", "healthcheck.mjs"]);
    expect(State.Health?.Status).toBe("healthy");
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { status: "up" } });
  });

  it("applied every migration to the empty database at start and created the administrator", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const applied = await client.query<{ migration_name: string }>(
        `select migration_name from "_prisma_migrations" where finished_at is not null order by 1`,
      );
      expect(applied.rows.map((r) => r.migration_name)).toEqual((await readMigrations()).map((m) => m.name));
      const users = await client.query<{ email: string }>(`select email from "User"`);
      expect(users.rows).toEqual([{ email: ADMIN.email }]);
    } finally {
      await client.end();
    }
  });

  it("signs in, serves pages with their static files, and adds and lists endpoints", async () => {
    const client = new ApiClient(url);
    expect(await client.signIn(ADMIN.email, ADMIN.password)).toBeNull();
    const page = await client.raw("GET", "/");
    expect(page.status).toBe(200);
    const script = page.text.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect((await fetch(`${url}${script}`)).status).toBe(200);

    const cluster = readTestEnv().kubernetes[0]!;
    const kube = await client.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `image-cluster-${run}`,
      connection: {
        kind: "kubernetes",
        server: cluster.server,
        ca: readFileSync(cluster.ca, "utf8"),
        auth: { type: "token", token: cluster.adminToken },
      },
    });
    expect(kube.status).toBe(201);
    const docker = await client.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", {
      name: `image-engine-${run}`,
      connection: { kind: "docker", transport: "socket", socketPath: "/var/run/docker.sock" },
    });
    expect(docker.status).toBe(201);
    const listed = await client.request<{ endpoints: { name: string }[] }>("GET", "/api/endpoints");
    expect(listed.json.endpoints.map((e) => e.name).sort()).toEqual([`image-cluster-${run}`, `image-engine-${run}`]);

    const kubeTest = await client.request<Result>("POST", `/api/endpoints/${kube.json.endpoint.id}/test`, {});
    expect(kubeTest.json.result).toMatchObject({ ok: true, version: `Kubernetes ${cluster.version}` });
    const dockerTest = await client.request<Result>("POST", `/api/endpoints/${docker.json.endpoint.id}/test`, {});
    expect(dockerTest.json.result).toMatchObject({ ok: true });

    // socket.io on the same port (what Next's own standalone server would not serve).
    const watcher = kubeWatchSocket(url, client.cookie);
    try {
      const reply = await watcher.watch({ endpointId: kube.json.endpoint.id, resource: "namespaces" });
      expect(reply.ok).toBe(true);
      if (reply.ok) expect(watcher.names(reply.data.watchId)).toContain("/team-a");
    } finally {
      watcher.socket.close();
    }
  });

  it("holds no devDependencies, source maps or sources", async () => {
    const files = await imageFiles(engine, image.tag);
    const app = files.filter((f) => f.startsWith("app/")).map((f) => f.slice("app/".length));
    expect(app).toContain("server.mjs");
    expect(app).toContain("node_modules/next/package.json");
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    const devPackages = Object.keys(manifest.devDependencies).filter((name) =>
      app.includes(`node_modules/${name}/package.json`),
    );
    expect(devPackages).toEqual([]);
    expect(app.filter((f) => f.endsWith(".map"))).toEqual([]);
    // Our code is there only as the bundles Next and esbuild made of it.
    expect(app.filter((f) => !f.startsWith("node_modules/") && /\.tsx?$/.test(f))).toEqual([]);
    expect(app.filter((f) => /^(app|lib|components|scripts|tests)\//.test(f))).toEqual([]);
  });

  it("resets a password with the admin command inside the container", async () => {
    const password = "a new password set from the command line";
    const script = `printf '%s' '${password}' | node admin.mjs reset-password ${ADMIN.email} --password-stdin`;
    expect(await engine.cli(["exec", container.id, "sh", "-c", script])).toContain(
      `password of ${ADMIN.email} changed`,
    );
    expect(await new ApiClient(url).signIn(ADMIN.email, password)).toBeNull();
  });

  it("stops cleanly on SIGTERM", async () => {
    await container.stop({ t: 30 });
    expect((await container.inspect()).State.ExitCode).toBe(0);
  });
});
