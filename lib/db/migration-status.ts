// Are the committed migrations (prisma/migrations) all applied to the database? Read from Prisma's
// `_prisma_migrations` table that lib/db/migrate.ts fills; for /api/ready and the backup manifest.
import { db } from "./client";
import { readMigrations } from "./migrate";

export interface MigrationStatus {
  applied: string[];
  /** Committed here, not (or not successfully) applied to the database. */
  pending: string[];
}

export async function migrationStatus(): Promise<MigrationStatus> {
  const [committed, rows] = await Promise.all([
    readMigrations(),
    db().$queryRaw<{ migration_name: string }[]>`
      select migration_name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null`,
  ]);
  const applied = new Set(rows.map((r) => r.migration_name));
  return {
    applied: [...applied].sort(),
    pending: committed.map((m) => m.name).filter((name) => !applied.has(name)),
  };
}
