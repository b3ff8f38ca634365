// As root, the embedded database runs as the `postgres` user; a data directory below a private
// (0700) directory, like a checkout under /root or in `mktemp -d`, must still just work.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

it.skipIf(process.getuid?.() !== 0)(
  "as root, starts, keeps data across restarts and stops with its data directory inside a 0700 directory",
  async () => {
    const privateDir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-private-"));
    const dir = path.join(privateDir, "data", "postgres");
    try {
      const first = await startEmbeddedPostgres({ dir });
      await query(first.url, "create table kept (v text); insert into kept values ('still here')");
      expect(await query(first.url, "select current_user as who")).toEqual([{ who: "postgres" }]);
      await first.stop();
      await expect(query(first.url, "select 1")).rejects.toThrow(/ECONNREFUSED/);

      const second = await startEmbeddedPostgres({ dir, persistent: false });
      expect(await query(second.url, "select v from kept")).toEqual([{ v: "still here" }]);
      await second.stop();
      // The private directory was left as it was: nothing was opened up to other users.
      expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(privateDir, { recursive: true, force: true });
    }
  },
);
