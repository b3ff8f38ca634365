// `npm run restore -- FILE`: a backup into an empty database (or, with --force, one whose contents
// are dropped first) and its key files into DATA_DIR; then migrations newer than the backup are
// applied and every stored credential is decrypted once to prove the copy can read it.
import { Readable } from "node:stream";
import { createReadStream } from "node:fs";
import { applyMigrations } from "../db/migrate";
import { decryptSecret } from "../secrets/crypto";
import { DATABASE_DUMP, KEY_FILES, MANIFEST, manifestSchema, type Manifest } from "./manifest";
import { pgProgramConnection, serverMajor, withClient } from "./pg-connection";
import { postgresTools } from "./postgres-tools";
import { keyProblem, restoredKey, writeKeyFiles, type KeyFile } from "./restore-keys";
import { runProgram } from "./run-program";
import { listTar, readTarEntry } from "./tar";

export interface RestoreOptions {
  file: string;
  databaseUrl: string;
  dataDir: string;
  force?: boolean;
  envEncryptionKey?: string;
}

export interface RestoreResult {
  manifest: Manifest;
  migrationsApplied: string[];
  credentials: { readable: number; total: number; unreadable: string[] };
  keptAside: string[];
}

async function readBackup(file: string) {
  const entries = await listTar(file);
  const entry = (name: string) => entries.find((e) => e.name === name);
  const manifestEntry = entry(MANIFEST);
  if (!manifestEntry) throw new Error(`${file} is not a Fleetdeck backup (no ${MANIFEST})`);
  const manifest = manifestSchema.parse(JSON.parse((await readTarEntry(file, manifestEntry)).toString("utf8")));
  const dump = entry(DATABASE_DUMP);
  if (!dump) throw new Error(`${file} holds no ${DATABASE_DUMP}`);
  const keys: KeyFile[] = [];
  for (const name of KEY_FILES) {
    const found = entry(name);
    if (found) keys.push({ name, content: await readTarEntry(file, found) });
  }
  return { manifest, dump, keys };
}

async function tablesIn(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) =>
    (
      await client.query<{ name: string }>(
        `select schemaname || '.' || tablename as name from pg_tables
         where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
      )
    ).rows.map((r) => r.name),
  );
}

async function checkCredentials(databaseUrl: string, key: Buffer | null): Promise<RestoreResult["credentials"]> {
  const rows = await withClient(
    databaseUrl,
    async (client) =>
      (
        await client.query<{ id: string; name: string; secret: string }>(
          `select id, name, secret from "Endpoint" where secret is not null`,
        )
      ).rows,
  );
  const unreadable: string[] = [];
  for (const row of rows) {
    try {
      if (!key) throw new Error("no key");
      JSON.parse(decryptSecret(row.secret, key, `endpoint:${row.id}`));
    } catch {
      unreadable.push(row.name);
    }
  }
  return { readable: rows.length - unreadable.length, total: rows.length, unreadable };
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { manifest, dump, keys } = await readBackup(options.file);
  const problem = keyProblem({
    manifest,
    files: keys,
    dataDir: options.dataDir,
    envEncryptionKey: options.envEncryptionKey,
    force: options.force ?? false,
  });
  if (problem) throw new Error(problem);

  const existing = await tablesIn(options.databaseUrl);
  if (existing.length && !options.force)
    throw new Error(
      `the database is not empty (${existing.length} tables, e.g. ${existing.slice(0, 3).join(", ")}): ` +
        "restore into an empty database, or --force to drop its contents first",
    );
  const major = await withClient(options.databaseUrl, async (client) => {
    if (existing.length) await client.query("drop schema public cascade; create schema public");
    return serverMajor(client);
  });
  const tools = await postgresTools(major);
  const { dbname, env } = pgProgramConnection(options.databaseUrl);
  const stdin: Readable = createReadStream(options.file, { start: dump.offset, end: dump.offset + dump.size - 1 });
  // One transaction: a restore that fails part-way leaves the database as it was.
  await runProgram(
    tools.pgRestore,
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`],
    { env, stdin },
  );
  const keptAside = await writeKeyFiles(options.dataDir, keys);
  const migrationsApplied = await applyMigrations(options.databaseUrl);
  const credentials = await checkCredentials(
    options.databaseUrl,
    restoredKey(options.dataDir, options.envEncryptionKey),
  );
  return { manifest, migrationsApplied, credentials, keptAside };
}
