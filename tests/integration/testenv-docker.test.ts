// The test environment's Docker engines are real: containers run, logs follow, exec works, TLS
// accepts the right client certificate and rejects a wrong CA.
import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import Docker from "dockerode";
import { afterAll, describe, expect, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { connectDocker } from "@/lib/docker/connect";
import { describeUpstreamError } from "@/lib/endpoints/upstream-error";

const env = readTestEnv();
const engine1 = env.docker[0]!;
const docker = new Docker({ socketPath: engine1.socketPath });
const created: Docker.Container[] = [];

async function run(cmd: string[]) {
  const container = await docker.createContainer({
    Image: env.testImage,
    Cmd: cmd,
    HostConfig: { NetworkMode: "none" },
  });
  created.push(container);
  await container.start();
  return container;
}

afterAll(async () => {
  await Promise.all(created.map((c) => c.remove({ force: true }).catch(() => {})));
});

describe("private Docker engines", () => {
  it("runs a busybox container and follows its logs, stdout and stderr apart", async () => {
    const container = await run(["emit-lines", "20", "0", "mixed"]);
    const stream = (await container.logs({ follow: true, stdout: true, stderr: true })) as NodeJS.ReadableStream;
    const out = new PassThrough();
    const err = new PassThrough();
    docker.modem.demuxStream(stream, out, err);
    const seen = { out: "", err: "" };
    out.on("data", (d: Buffer) => (seen.out += d.toString()));
    err.on("data", (d: Buffer) => (seen.err += d.toString()));
    await expect
      .poll(
        () =>
          seen.err.includes("to stderr") &&
          seen.out.includes('"msg":"line') &&
          /line \d+ long x{20000}\n/.test(seen.out),
        { timeout: 10_000 },
      )
      .toBe(true);
    (stream as unknown as { destroy(): void }).destroy();
  });

  it("execs `echo hi` and reads hi", async () => {
    const container = await run(["sleep", "60"]);
    const exec = await container.exec({ Cmd: ["echo", "hi"], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out = new PassThrough();
    docker.modem.demuxStream(stream, out, new PassThrough());
    let text = "";
    out.on("data", (d: Buffer) => (text += d.toString()));
    await new Promise((resolve) => stream.on("end", resolve));
    expect(text.trim()).toBe("hi");
  });

  it("has two independent engines", async () => {
    const other = new Docker({ socketPath: env.docker[1]!.socketPath });
    const container = await run(["sleep", "30"]);
    const ids = (await other.listContainers({ all: true })).map((c) => c.Id);
    expect(ids).not.toContain(container.id);
  });

  it("accepts the right client certificate over TLS and rejects a wrong CA clearly", async () => {
    const tls = engine1.tls!;
    const target = { kind: "docker" as const, transport: "tcp" as const, host: tls.host, port: tls.port };
    const files = { cert: readFileSync(tls.cert, "utf8"), key: readFileSync(tls.key, "utf8") };
    const good = connectDocker(
      { ...target, tls: { ca: readFileSync(tls.ca, "utf8"), ...files } },
      { tlsVerify: true, timeoutMs: 5000 },
    );
    expect((await good.version()).Version).toBe(engine1.version);
    const wrong = connectDocker(
      { ...target, tls: { ca: readFileSync(tls.wrongCa, "utf8"), ...files } },
      { tlsVerify: true, timeoutMs: 5000 },
    );
    const error = await wrong.version().then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeUpstreamError(error, "engine1").code).toBe("tls");
    const noClientCert = connectDocker(
      { ...target, tls: { ca: readFileSync(tls.ca, "utf8") } },
      { tlsVerify: true, timeoutMs: 5000 },
    );
    await expect(noClientCert.version()).rejects.toBeTruthy();
  });

  it("pulls from the local registry with a per-layer progress stream", async () => {
    // A fresh layer each run (committed on engine 1, pushed), so engine 2 really downloads it.
    const repo = `${env.registry!.url}/dashboard-test/pull-check`;
    const tag = String(Date.now());
    const source = await run(["sh", "-c", `echo ${tag} > /unique; head -c 2000000 /dev/urandom >> /unique`]);
    await source.wait();
    await source.commit({ repo, tag });
    await follow(
      docker,
      await docker
        .getImage(`${repo}:${tag}`)
        .push({ authconfig: { username: "", password: "", serveraddress: env.registry!.url } }),
    );
    const events: { status?: string; progressDetail?: { current?: number } }[] = [];
    const other = new Docker({ socketPath: env.docker[1]!.socketPath });
    await follow(other, await other.pull(`${repo}:${tag}`), (e) => events.push(e));
    expect(events.some((e) => e.status === "Downloading" && (e.progressDetail?.current ?? 0) > 0)).toBe(true);
    expect(events.some((e) => e.status === "Pull complete")).toBe(true);
    expect((await other.getImage(`${repo}:${tag}`).inspect()).Id).toBeTruthy();
    await other.getImage(`${repo}:${tag}`).remove();
    await docker.getImage(`${repo}:${tag}`).remove();
  });

  it("has a registry that refuses pulls without credentials and serves them with credentials", async () => {
    const registry = env.authRegistry!;
    const image = `${registry.url}/${env.testImage}`;
    const other = new Docker({ socketPath: env.docker[1]!.socketPath });
    const refused = await other.pull(image).then(
      () => null,
      (e: { statusCode?: number; message: string }) => e,
    );
    expect(refused?.message).toMatch(/no basic auth credentials|unauthorized/i);
    const authconfig = {
      username: registry.auth!.username,
      password: registry.auth!.password,
      serveraddress: registry.url,
    };
    await follow(other, await other.pull(image, { authconfig }));
    expect((await other.getImage(image).inspect()).Id).toBeTruthy();
    await other.getImage(image).remove();
  });
});

function follow(engine: Docker, stream: NodeJS.ReadableStream, onEvent: (e: { status?: string }) => void = () => {}) {
  return new Promise<void>((resolve, reject) =>
    engine.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve()), onEvent),
  );
}
