// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that turns the schema of the last migration (kept in schema.snapshot.prisma) into the
// current prisma/schema.prisma. Needs no engine download; starts a throwaway embedded Postgres
// unless DATABASE_URL is set (the engine needs a server to talk to even for a file-to-file diff).
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { diffSchemas } from "../../lib/db/schema-engine";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const schemaPath = "prisma/schema.prisma";
const snapshotPath = "prisma/migrations/schema.snapshot.prisma";
const text = await readFile(schemaPath, "utf8");
const from = existsSync(snapshotPath)
  ? { path: snapshotPath, text: await readFile(snapshotPath, "utf8") }
  : ("empty" as const);

const tmp = await mkdtemp(path.join(os.tmpdir(), "fleetdeck-migration-"));
const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dir: tmp, persistent: false });
try {
  const sql = await diffSchemas({
    databaseUrl: process.env.DATABASE_URL ?? pg!.url,
    from,
    to: { path: schemaPath, text },
  });
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("schema unchanged: no migration written");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = `prisma/migrations/${stamp}_${name}`;
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/migration.sql`, sql);
    await writeFile(snapshotPath, text);
    console.log(`wrote ${dir}/migration.sql`);
  }
} finally {
  await pg?.stop();
  await rm(tmp, { recursive: true, force: true });
}
