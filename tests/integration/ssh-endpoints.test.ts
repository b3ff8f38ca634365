// Docker over SSH against a real OpenSSH server: the host key is recorded on first connection,
// shown to the administrator, verified afterwards, and a changed key is refused.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { readTestEnv } from "../../scripts/testenv/state";
import { ApiClient } from "../support/api-client";
import { ADMIN } from "../support/integration-setup";
import { testDb } from "../support/seed";

const env = readTestEnv();
const ssh = env.ssh!;
const admin = new ApiClient(inject("appUrl"));
type Result = { result: { ok: boolean; version?: string; code?: string; message?: string } };
type View = { endpoint: { id: string; sshHostKey: string | null; authKind: string; url: string } };

const connection = (privateKey = readFileSync(ssh.privateKey, "utf8")) => ({
  kind: "docker",
  transport: "ssh",
  host: ssh.host,
  port: ssh.port,
  username: ssh.username,
  privateKey,
});

beforeAll(async () => {
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
});

describe("Docker over SSH", () => {
  it("records the host key on first connection, then verifies it; a changed key is refused", async () => {
    const created = await admin.request<View>("POST", "/api/endpoints", {
      name: "engine1-ssh",
      connection: connection(),
    });
    expect(created.status).toBe(201);
    const id = created.json.endpoint.id;
    expect(created.json.endpoint).toMatchObject({
      authKind: "ssh",
      url: `ssh://${ssh.username}@${ssh.host}:${ssh.port}`,
    });
    expect(created.text).not.toContain("PRIVATE KEY");

    const first = await admin.request<Result>("POST", `/api/endpoints/${id}/test`, {});
    expect(first.json.result).toMatchObject({ ok: true });
    expect(first.json.result.version).toContain(env.docker[0]!.version);
    const recorded = await admin.request<View>("GET", `/api/endpoints/${id}`);
    expect(recorded.json.endpoint.sshHostKey).toBe(ssh.hostKeyFingerprint);

    // Same key again: still accepted.
    expect((await admin.request<Result>("POST", `/api/endpoints/${id}/test`, {})).json.result.ok).toBe(true);

    // The server now presents a different key than the one recorded.
    await (
      await testDb()
    ).endpoint.update({ where: { id }, data: { sshHostKey: "SHA256:someOtherHostKeyEntirelyXXXXXXXXXXXXXXXXXXXX" } });
    const changed = await admin.request<Result>("POST", `/api/endpoints/${id}/test`, {});
    expect(changed.json.result).toMatchObject({ ok: false, code: "host-key" });
    expect(changed.json.result.message).toMatch(/host key .* changed/);
    expect(changed.json.result.message).toContain(ssh.hostKeyFingerprint);
    const after = await admin.request<{ endpoint: { status: string; sshHostKey: string } }>(
      "GET",
      `/api/endpoints/${id}`,
    );
    expect(after.json.endpoint.status).toBe("DOWN");
    expect(after.json.endpoint.sshHostKey).toMatch(/someOtherHostKey/); // not silently replaced

    // The administrator forgets the key; the next connection records the real one again.
    expect((await admin.request("PATCH", `/api/endpoints/${id}`, { forgetSshHostKey: true })).status).toBe(200);
    expect((await admin.request<Result>("POST", `/api/endpoints/${id}/test`, {})).json.result.ok).toBe(true);
    expect((await admin.request<View>("GET", `/api/endpoints/${id}`)).json.endpoint.sshHostKey).toBe(
      ssh.hostKeyFingerprint,
    );
  });

  it("records the host key on the first operational connection too, and then holds to it", async () => {
    const created = await admin.request<View>("POST", "/api/endpoints", {
      name: "engine1-ssh-ops",
      connection: connection(),
    });
    const id = created.json.endpoint.id;
    const prisma = await testDb();
    // As if no check had run yet: the first use of the engine must record the key itself.
    await prisma.endpoint.update({ where: { id }, data: { sshHostKey: null } });
    expect((await admin.request("GET", `/api/endpoints/${id}/docker/containers`)).status).toBe(200);
    expect((await prisma.endpoint.findUniqueOrThrow({ where: { id } })).sshHostKey).toBe(ssh.hostKeyFingerprint);
    // With another key recorded, operations are refused, not just health checks.
    await prisma.endpoint.update({
      where: { id },
      data: { sshHostKey: "SHA256:someOtherHostKeyEntirelyXXXXXXXXXXXXXXXXXXXX" },
    });
    const refused = await admin.request("GET", `/api/endpoints/${id}/docker/containers`);
    expect(refused.status).toBe(502);
    expect(refused.json.error).toMatch(/host key .* is not the one recorded/);
  });

  it("says the SSH credentials were rejected for a key the server does not know", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-key-"));
    try {
      execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, "key")]);
      const result = await admin.request<Result>("POST", "/api/endpoints/test", {
        connection: connection(readFileSync(path.join(dir, "key"), "utf8")),
      });
      expect(result.json.result).toMatchObject({ ok: false, code: "unauthorized" });
      expect(result.json.result.message).toMatch(/SSH credentials were rejected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
