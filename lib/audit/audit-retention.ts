// Retention: the one thing allowed to delete audit rows. Rows older than AUDIT_RETENTION_DAYS go,
// in batches (a short lock each, not one long delete), once a day from server.ts (lib/jobs/daily.ts).
import { db } from "../db/client";
import { runDaily } from "../jobs/daily";

const DAY_MS = 24 * 3600 * 1000;

/** Deletes rows older than `days` (0 = keep forever); returns how many went. */
export async function deleteExpiredAuditRows(options: {
  days: number;
  now?: Date;
  batchSize?: number;
}): Promise<number> {
  if (options.days <= 0) return 0;
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.days * DAY_MS);
  const batch = options.batchSize ?? 5_000;
  let total = 0;
  for (;;) {
    const deleted = await db().$executeRaw`
      DELETE FROM "AuditEvent" WHERE "id" IN (
        SELECT "id" FROM "AuditEvent"
        WHERE "at" < (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        LIMIT ${batch})`;
    total += deleted;
    if (deleted < batch) return total;
  }
}

/** Runs the retention now and then daily; returns the stop function. */
export function startAuditRetention(options: { days: number; log: (message: string) => void }): () => void {
  if (options.days <= 0) {
    options.log("audit retention: rows are kept forever (AUDIT_RETENTION_DAYS=0)");
    return () => {};
  }
  return runDaily(
    "audit retention",
    async () => `deleted ${await deleteExpiredAuditRows({ days: options.days })} rows older than ${options.days} days`,
    options.log,
  );
}
