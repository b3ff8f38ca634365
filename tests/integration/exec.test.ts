// Terminals through the socket API on real engines and a real cluster: a shell in a Docker
// container and a command in a kwok pod answer, a resize reaches the TTY, a missing shell and a
// stopped container are told in plain words (a missing command in a pod: unit-tested on the
// API server's Status, since kwok may drop it for a program that fails at once), a VIEWER is refused (audited, nothing runs), every
// session's start and end are audited, and a session ends with its socket or its grant.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dockerEndpointWithRoles } from "../support/docker-endpoint";
import { testEngine } from "../support/engine";
import { kubeEndpointWithRoles, clusterAdminApi } from "../support/kube-endpoint";
import { createUser, grant, testDb } from "../support/seed";
import { ApiClient } from "../support/api-client";
import { terminalSocket } from "../support/terminal-socket";

const engine = testEngine(0);
const sockets: Socket[] = [];
const size = { cols: 80, rows: 24 };
let docker: Awaited<ReturnType<typeof dockerEndpointWithRoles>>;
let box = "";

function terminal(client: ApiClient) {
  const t = terminalSocket(inject("appUrl"), client.cookie);
  sockets.push(t.socket);
  return t;
}

/** A `sh` session in the test container (80×24), opened as `client`. */
async function shInBox(client: ApiClient) {
  const t = terminal(client);
  const started = await t.start({
    endpointId: docker.endpointId,
    target: { kind: "container", containerId: box },
    start: { mode: "shell", shell: "sh" },
    size,
  });
  return { t, sessionId: started.data!.sessionId };
}

/** What a command prints inside the container, read with the engine directly. */
async function inContainer(containerId: string, script: string): Promise<string> {
  // A TTY: one raw stream, no multiplexing headers.
  const exec = await engine.docker
    .getContainer(containerId)
    .exec({ Cmd: ["sh", "-c", script], AttachStdout: true, Tty: true });
  const stream = await exec.start({ Tty: true } as never);
  let out = "";
  stream.on("data", (d: Buffer) => (out += d.toString("utf8")));
  await new Promise((resolve) => stream.on("end", resolve));
  return out.trim();
}

async function auditRows(sessionId: string) {
  const rows = await (await testDb()).auditEvent.findMany({ where: { action: { startsWith: "exec." } } });
  return rows.filter((r) => (r.detail as { sessionId?: string } | null)?.sessionId === sessionId);
}

beforeAll(async () => {
  docker = await dockerEndpointWithRoles(`exec-${Date.now()}`);
  box = (await engine.run(["sleep", "3600"])).id;
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await engine.cleanup();
});

describe("Docker terminals", () => {
  it("runs a shell: typed input reaches it and its output comes back; exit ends the session", async () => {
    const t = terminal(docker.operator);
    const started = await t.start({
      endpointId: docker.endpointId,
      target: { kind: "container", containerId: box },
      start: { mode: "shell", shell: "auto" },
      size,
    });
    expect(started).toMatchObject({ ok: true });
    const sessionId = started.data!.sessionId;
    t.type(sessionId, "echo h''i; printf 'caf\\303\\251\\n'\n");
    await expect.poll(() => t.output(sessionId), { timeout: 10_000 }).toMatch(/\r\nhi\r\n/);
    await expect.poll(() => t.output(sessionId), { timeout: 10_000 }).toContain("café");
    t.type(sessionId, "exit 3\n");
    await expect.poll(() => t.ended(sessionId), { timeout: 10_000 }).toEqual({ exitCode: 3, message: null });
    await expect
      .poll(async () => (await auditRows(sessionId)).map((r) => [r.action, r.outcome]).sort(), { timeout: 10_000 })
      .toEqual([
        ["exec.end", "SUCCESS"],
        ["exec.start", "SUCCESS"],
      ]);
    const [start] = (await auditRows(sessionId)).filter((r) => r.action === "exec.start");
    expect(start).toMatchObject({ endpointId: docker.endpointId, target: `container ${box}` });
    expect((start!.detail as { command: string[] }).command[0]).toBe("/bin/sh");
  });

  it("resizes the TTY: stty size answers the new size", async () => {
    const { t, sessionId } = await shInBox(docker.operator);
    t.type(sessionId, "stty size\n");
    await expect.poll(() => t.output(sessionId), { timeout: 10_000 }).toContain("24 80");
    t.resize(sessionId, 132, 43);
    t.type(sessionId, "stty size\n");
    await expect.poll(() => t.output(sessionId), { timeout: 10_000 }).toContain("43 132");
    t.close(sessionId);
    await expect.poll(() => t.ended(sessionId), { timeout: 10_000 }).toMatchObject({ message: "closed" });
  });

  it("says so when the shell does not exist in the image", async () => {
    const t = terminal(docker.operator);
    const started = await t.start({
      endpointId: docker.endpointId,
      target: { kind: "container", containerId: box },
      start: { mode: "shell", shell: "bash" },
      size,
    });
    const sessionId = started.data!.sessionId;
    await expect
      .poll(() => t.ended(sessionId), { timeout: 10_000 })
      .toMatchObject({
        message: expect.stringContaining('"bash" does not exist in this container\'s image'),
      });
  });

  it("refuses a container that is not running, in plain words", async () => {
    const stopped = await engine.docker.createContainer({ Image: engine.env.testImage, Cmd: ["true"] });
    engine.track(stopped.id);
    const t = terminal(docker.operator);
    const started = await t.start({
      endpointId: docker.endpointId,
      target: { kind: "container", containerId: stopped.id },
      start: { mode: "shell", shell: "sh" },
      size,
    });
    expect(started).toEqual({ ok: false, error: "the container is not running (created): start it first" });
  });

  it("refuses a VIEWER: audited DENIED, and nothing runs in the container", async () => {
    const viewer = new ApiClient(inject("appUrl"));
    const user = await createUser();
    await grant({ userId: user.id, endpointId: docker.endpointId, role: "VIEWER" });
    expect(await viewer.signIn(user.email, user.password)).toBeNull();
    const t = terminal(viewer);
    const marker = `/tmp/viewer-was-here-${Date.now()}`;
    const started = await t.start({
      endpointId: docker.endpointId,
      target: { kind: "container", containerId: box },
      start: { mode: "command", command: `touch ${marker}` },
      size,
    });
    expect(started).toMatchObject({ ok: false, error: expect.stringContaining("operator role") });
    const denied = await (
      await testDb()
    ).auditEvent.findMany({
      where: { actorId: user.id, outcome: "DENIED", action: "workload.exec" },
    });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ endpointId: docker.endpointId, target: `container ${box}` });
    expect(await inContainer(box, `test -e ${marker} && echo present || echo absent`)).toBe("absent");
  });

  it("ends the session with the socket: the shell's processes are hung up and the end is audited", async () => {
    const { t, sessionId } = await shInBox(docker.operator);
    t.type(sessionId, "sleep 4242\n");
    await expect.poll(() => inContainer(box, "ps"), { timeout: 10_000 }).toContain("sleep 4242");
    t.socket.close();
    await expect.poll(() => inContainer(box, "ps"), { timeout: 15_000 }).not.toContain("sleep 4242");
    await expect
      .poll(async () => (await auditRows(sessionId)).find((r) => r.action === "exec.end")?.detail, { timeout: 10_000 })
      .toMatchObject({ reason: "the connection closed", command: ["sh"] });
  });

  it("ends a terminal whose user lost workload.exec", async () => {
    const operator = new ApiClient(inject("appUrl"));
    const user = await createUser();
    const access = await grant({ userId: user.id, endpointId: docker.endpointId, role: "OPERATOR" });
    expect(await operator.signIn(user.email, user.password)).toBeNull();
    const { t, sessionId } = await shInBox(operator);
    const prisma = await testDb();
    await prisma.accessGrant.update({ where: { id: access.id }, data: { role: "VIEWER" } });
    await expect
      .poll(() => t.ended(sessionId), { timeout: 15_000 })
      .toMatchObject({
        message: expect.stringContaining("access revoked"),
      });
  });
});

describe("Kubernetes terminals", () => {
  let kube: Awaited<ReturnType<typeof kubeEndpointWithRoles>>;
  let pod = "";

  beforeAll(async () => {
    kube = await kubeEndpointWithRoles(`exec-kube-${Date.now()}`);
    const { core } = clusterAdminApi();
    const deadline = Date.now() + 60_000;
    while (!pod && Date.now() < deadline) {
      const pods = await core.listNamespacedPod({ namespace: "sample", labelSelector: "app=web" });
      pod = pods.items.find((p) => p.status?.phase === "Running")?.metadata?.name ?? "";
      if (!pod) await new Promise((r) => setTimeout(r, 500));
    }
    if (!pod) throw new Error("no Running pod of the sample Deployment");
  });

  // kwok runs the command on this host, in a pty it may close before copying a quick program's
  // last output: the shell is interactive here, as a person's is.
  it("runs a shell in a pod's container: typed input reaches it and its output comes back", async () => {
    const t = terminal(kube.operator);
    const started = await t.start({
      endpointId: kube.endpointId,
      target: { kind: "pod", namespace: "sample", pod },
      start: { mode: "shell", shell: "sh" },
      size,
    });
    expect(started).toMatchObject({ ok: true });
    const sessionId = started.data!.sessionId;
    t.type(sessionId, "echo h''i\n");
    // "hi" as a line of output (after the shell's prompt, if it printed one first); the command's
    // echo is "echo h''i". Line endings depend on the pty's settings on the host kwok runs on.
    await expect.poll(() => t.output(sessionId), { timeout: 10_000 }).toMatch(/(^|\n)([^\n]*[#$] )?hi\r?\n/);
    t.resize(sessionId, 101, 31);
    t.type(sessionId, "stty size\n");
    await expect.poll(() => t.output(sessionId), { timeout: 10_000 }).toContain("31 101");
    t.type(sessionId, "exit\n");
    await expect.poll(() => t.ended(sessionId), { timeout: 10_000 }).toBeDefined();
    await expect
      .poll(async () => (await auditRows(sessionId)).map((r) => r.action).sort(), { timeout: 10_000 })
      .toEqual(["exec.end", "exec.start"]);
  });

  it("refuses a VIEWER of the cluster, audited", async () => {
    const t = terminal(kube.viewer);
    const started = await t.start({
      endpointId: kube.endpointId,
      target: { kind: "pod", namespace: "sample", pod },
      start: { mode: "command", command: "echo hi" },
      size,
    });
    expect(started).toMatchObject({ ok: false, error: expect.stringContaining("operator role") });
    const denied = await (
      await testDb()
    ).auditEvent.count({
      where: { actorId: kube.viewer.userId, outcome: "DENIED", action: "workload.exec" },
    });
    expect(denied).toBe(1);
  });
});
