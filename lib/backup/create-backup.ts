// `npm run backup`: one file holding the database (pg_dump's custom format), the key files of
// DATA_DIR and a manifest — everything a restored copy needs to read every stored credential.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import path from "node:path";
import { parseKey } from "../secrets/key";
import { DATABASE_DUMP, KEY_FILES, keyFingerprint, MANIFEST, type Manifest } from "./manifest";
import { pgProgramConnection, serverMajor, withClient } from "./pg-connection";
import { postgresTools } from "./postgres-tools";
import { runProgram } from "./run-program";
import { writeTar, type TarInput } from "./tar";

export interface BackupOptions {
  databaseUrl: string;
  dataDir: string;
  out: string;
  /** ENCRYPTION_KEY / NEXTAUTH_SECRET when they come from the environment (their files are then not in use). */
  env?: { ENCRYPTION_KEY?: string; NEXTAUTH_SECRET?: string };
}

async function databaseFacts(databaseUrl: string) {
  return withClient(databaseUrl, async (client) => {
    const major = await serverMajor(client);
    const version = (await client.query<{ server_version: string }>("show server_version")).rows[0]!.server_version;
    const exists = async (table: string) =>
      (await client.query("select to_regclass($1) as t", [`public."${table}"`])).rows[0].t !== null;
    const migrations = (await exists("_prisma_migrations"))
      ? (
          await client.query<{ migration_name: string }>(
            `select migration_name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null order by 1`,
          )
        ).rows.map((r) => r.migration_name)
      : [];
    const endpoints = (await exists("Endpoint"))
      ? Number((await client.query(`select count(*) as n from "Endpoint" where secret is not null`)).rows[0].n)
      : 0;
    return { major, version, migrations, endpoints };
  });
}

function fleetdeckVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export async function createBackup(options: BackupOptions): Promise<{ manifest: Manifest; bytes: number }> {
  const env = options.env ?? {};
  const facts = await databaseFacts(options.databaseUrl);
  const tools = await postgresTools(facts.major);
  const work = await mkdtemp(path.join(path.dirname(path.resolve(options.out)), ".fleetdeck-backup-"));
  try {
    const dump = path.join(work, DATABASE_DUMP);
    const { dbname, env: programEnv } = pgProgramConnection(options.databaseUrl);
    await runProgram(tools.pgDump, ["--format=custom", `--file=${dump}`, `--dbname=${dbname}`], { env: programEnv });

    // A key file is only the key in use when the environment does not give one.
    const inUse = (file: (typeof KEY_FILES)[number]) =>
      file === "encryption.key" ? !env.ENCRYPTION_KEY : !env.NEXTAUTH_SECRET;
    const keyFiles = KEY_FILES.filter((f) => inUse(f) && existsSync(path.join(options.dataDir, f)));
    const keyFile = path.join(options.dataDir, "encryption.key");
    const encryptionKey: Manifest["encryptionKey"] = env.ENCRYPTION_KEY
      ? { from: "environment", fingerprint: keyFingerprint(parseKey(env.ENCRYPTION_KEY)) }
      : keyFiles.includes("encryption.key")
        ? { from: "file", fingerprint: keyFingerprint(Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64")) }
        : { from: "none", fingerprint: null };

    const manifest: Manifest = {
      format: "fleetdeck-backup",
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      fleetdeckVersion: fleetdeckVersion(),
      postgres: { serverVersion: facts.version, pgDumpVersion: tools.version },
      migrations: facts.migrations,
      files: [DATABASE_DUMP, ...keyFiles],
      encryptionKey,
      endpointsWithCredentials: facts.endpoints,
    };
    const inputs: TarInput[] = [
      { name: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 2) + "\n") },
      { name: DATABASE_DUMP, file: dump },
      ...keyFiles.map((f) => ({ name: f, file: path.join(options.dataDir, f) })),
    ];
    await writeTar(options.out, inputs);
    return { manifest, bytes: (await stat(options.out)).size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
