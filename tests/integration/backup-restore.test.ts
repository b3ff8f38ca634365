// Backup and restore as an operator runs them: `npm run backup` of the test server's database and
// key, `npm run restore` into a fresh PostgreSQL, and a second server on the restored copy where
// people sign in with their passwords, endpoints connect with their stored credentials (a Docker
// client key, a Kubernetes token) and the audit rows are there. Also the key-file path: a backup
// whose key is DATA_DIR/encryption.key restored into a fresh embedded database.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/db/embedded-postgres";
import { readTestEnv } from "../../scripts/testenv/state";
import { listTar } from "../../lib/backup/tar";
import { ApiClient } from "../support/api-client";
import { startAppServer, type AppServer } from "../support/app-server";
import { ADMIN } from "../support/integration-setup";
import { adminTarget } from "../support/kube-target";
import { createUser, grant } from "../support/seed";

const root = path.resolve(import.meta.dirname, "../..");
const run = Date.now().toString(36);
const work = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-backup-it-"));
chmodSync(work, 0o755); // the embedded database's postgres user works below it
const admin = new ApiClient(inject("appUrl"));
const ids = { tls: "", kube: "" };
let person: Awaited<ReturnType<typeof createUser>>;
let restored: RunningPostgres | null = null;
let copy: AppServer | null = null;

/** Runs `npm run <script>`'s program with exactly these settings (none inherited from this worker). */
async function cli(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !["DATABASE_URL", "DATA_DIR", "ENCRYPTION_KEY", "NEXTAUTH_SECRET"].includes(k),
    ),
  );
  const started = Date.now();
  try {
    const { stdout, stderr } = await promisify(execFile)("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      cwd: root,
      env: { ...clean, ...env } as NodeJS.ProcessEnv,
    });
    return { code: 0, out: stdout + stderr, ms: Date.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr, ms: Date.now() - started };
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const credentialsCount = async (url: string) =>
  Number((await query<{ n: string }>(url, `select count(*) as n from "Endpoint" where secret is not null`))[0]!.n);

beforeAll(async () => {
  // PostgreSQL 18's pg_dump and pg_restore (a no-op when `npm test` or an earlier run installed them).
  await promisify(execFile)("node", ["scripts/install-pg-client.mjs"], { cwd: root });
  expect(await admin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
  const tls = readTestEnv().docker[0]!.tls!;
  const create = async (name: string, connection: unknown) => {
    const created = await admin.request<{ endpoint: { id: string } }>("POST", "/api/endpoints", { name, connection });
    expect(created.status, created.text).toBe(201);
    return created.json.endpoint.id;
  };
  ids.tls = await create(`backup-tls-${run}`, {
    kind: "docker",
    transport: "tcp",
    host: tls.host,
    port: tls.port,
    tls: { ca: readFileSync(tls.ca, "utf8"), cert: readFileSync(tls.cert, "utf8"), key: readFileSync(tls.key, "utf8") },
  });
  ids.kube = await create(`backup-kube-${run}`, adminTarget(0));
  person = await createUser({ password: `backup person ${run} password` });
  await grant({ userId: person.id, endpointId: ids.tls, role: "OPERATOR" });
}, 60_000);

afterAll(async () => {
  await copy?.stop();
  await restored?.stop();
  for (const id of Object.values(ids)) if (id) await admin.request("DELETE", `/api/endpoints/${id}`);
  rmSync(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores a copy that reads every stored credential", { timeout: 240_000 }, async () => {
    const backup = path.join(work, "fleetdeck.tar");
    const source = { DATABASE_URL: inject("databaseUrl"), DATA_DIR: inject("appDataDir") };
    const key = inject("encryptionKey");
    const made = await cli("backup", ["--out", backup], { ...source, ENCRYPTION_KEY: key });
    expect(made.code, made.out).toBe(0);
    expect(made.out).toMatch(/ENCRYPTION_KEY from the environment, not in this file/);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    console.log(`[figure] backup of the test database: ${statSync(backup).size} bytes in ${made.ms} ms`);
    const expected = await credentialsCount(inject("databaseUrl"));

    restored = await startEmbeddedPostgres({ dir: path.join(work, "restored-pg"), persistent: false });
    const target = { DATABASE_URL: restored.url, DATA_DIR: path.join(work, "restored-data") };
    const wrongKey = await cli("restore", [backup], {
      ...target,
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toMatch(/not the key this backup's credentials are encrypted with/);
    const noKey = await cli("restore", [backup], target);
    expect(noKey.code).toBe(1);
    expect(noKey.out).toMatch(/set the same ENCRYPTION_KEY/);
    expect(await query(restored.url, `select 1 from pg_tables where schemaname = 'public'`)).toEqual([]);

    const done = await cli("restore", [backup], { ...target, ENCRYPTION_KEY: key });
    expect(done.code, done.out).toBe(0);
    console.log(`[figure] restore into a fresh PostgreSQL: ${done.ms} ms`);
    const readable = /stored credentials readable: (\d+) of (\d+)/.exec(done.out);
    expect(readable?.slice(1).map(Number)).toEqual([expected, expected]);
    const again = await cli("restore", [backup], { ...target, ENCRYPTION_KEY: key });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/the database is not empty/);

    copy = await startAppServer({ databaseUrl: restored.url, env: { ENCRYPTION_KEY: key } });
    const restoredAdmin = new ApiClient(copy.url);
    expect(await restoredAdmin.signIn(ADMIN.email, ADMIN.password)).toBeNull();
    const kube = await restoredAdmin.request<{ result: { ok: boolean } }>(
      "POST",
      `/api/endpoints/${ids.kube}/test`,
      {},
    );
    expect(kube.json.result, kube.text).toMatchObject({ ok: true });
    const restoredPerson = new ApiClient(copy.url);
    expect(await restoredPerson.signIn(person.email, person.password)).toBeNull();
    const containers = await restoredPerson.request("GET", `/api/endpoints/${ids.tls}/docker/containers`);
    expect(containers.status, containers.text).toBe(200);
    const audited = await query<{ target: string }>(
      restored.url,
      `select target from "AuditEvent" where action = 'endpoint.create' and target = any($1)`,
      [[`backup-tls-${run}`, `backup-kube-${run}`]],
    );
    expect(audited.map((r) => r.target).sort()).toEqual([`backup-kube-${run}`, `backup-tls-${run}`]);
  });

  it("carries a DATA_DIR key file into a fresh embedded database", { timeout: 240_000 }, async () => {
    expect(restored).not.toBeNull();
    const keyDir = path.join(work, "key-file-data");
    mkdirSync(keyDir);
    writeFileSync(path.join(keyDir, "encryption.key"), `${inject("encryptionKey")}\n`, { mode: 0o600 });
    const backup = path.join(work, "key-file.tar");
    const made = await cli("backup", ["--out", backup], { DATABASE_URL: restored!.url, DATA_DIR: keyDir });
    expect(made.code, made.out).toBe(0);
    expect((await listTar(backup)).map((e) => e.name)).toEqual(["manifest.json", "database.dump", "encryption.key"]);

    // No DATABASE_URL: the embedded database in DATA_DIR is started for the restore and stopped.
    const fresh = path.join(work, "fresh-data");
    const done = await cli("restore", [backup], { DATA_DIR: fresh });
    expect(done.code, done.out).toBe(0);
    const readable = /stored credentials readable: (\d+) of (\d+)/.exec(done.out);
    const total = await credentialsCount(restored!.url);
    expect(readable?.slice(1).map(Number)).toEqual([total, total]);
    expect(readFileSync(path.join(fresh, "encryption.key"), "utf8").trim()).toBe(inject("encryptionKey"));
    expect(statSync(path.join(fresh, "encryption.key")).mode & 0o777).toBe(0o600);
  });
});
