// pg_dump and pg_restore for a backup: they must be at least the server's major version (a pg_dump
// refuses a newer server; a pg_restore cannot read a newer pg_dump's archive). Looked for in
// PG_BIN_DIR, then in the copy `npm run pg-client` installs (PostgreSQL 18, the embedded server's
// version), then on PATH.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where scripts/install-pg-client.mjs puts PostgreSQL's client programs. */
export const PG_CLIENT_VERSION = "18.4.0";
export const pgClientDir = () =>
  path.join(
    process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"),
    "fleetdeck",
    "pg-client",
    PG_CLIENT_VERSION,
  );

export interface PostgresTools {
  pgDump: string;
  pgRestore: string;
  /** "18.4" */
  version: string;
}

async function versionOf(program: string): Promise<{ major: number; version: string } | null> {
  try {
    const { stdout } = await run(program, ["--version"]);
    const match = /(\d+)(?:\.(\d+))?/.exec(stdout);
    return match ? { major: Number(match[1]), version: match[0] } : null;
  } catch {
    return null;
  }
}

function candidates(): string[] {
  const dirs = [process.env.PG_BIN_DIR, path.join(pgClientDir(), "bin")].filter((d): d is string => !!d);
  const found = dirs.filter((dir) => existsSync(path.join(dir, "pg_dump")));
  return [...found, ""]; // "": whatever PATH finds
}

/** Tools that can dump (and later restore) a server of major version `serverMajor`. */
export async function postgresTools(serverMajor: number): Promise<PostgresTools> {
  const seen: string[] = [];
  for (const dir of candidates()) {
    const pgDump = dir ? path.join(dir, "pg_dump") : "pg_dump";
    const pgRestore = dir ? path.join(dir, "pg_restore") : "pg_restore";
    const [dump, restore] = await Promise.all([versionOf(pgDump), versionOf(pgRestore)]);
    if (dump && restore && dump.major >= serverMajor && restore.major >= dump.major)
      return { pgDump, pgRestore, version: dump.version };
    if (dump) seen.push(`${pgDump} is ${dump.version}`);
  }
  throw new Error(
    `pg_dump and pg_restore of PostgreSQL ${serverMajor} or newer are needed` +
      (seen.length ? ` (found: ${seen.join("; ")})` : " (none found)") +
      `: run \`npm run pg-client\` to install PostgreSQL ${PG_CLIENT_VERSION}'s into ${pgClientDir()}, ` +
      "or set PG_BIN_DIR to the directory holding them",
  );
}
