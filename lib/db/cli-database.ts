// The database a command-line tool (admin, backup, restore) works on: DATABASE_URL, or the embedded
// database in DATA_DIR as `npm start` runs it — the running one when Fleetdeck is up, else started
// for the tool and stopped after.
import path from "node:path";
import { config } from "../config";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

export async function withCliDatabase<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  let postgres: RunningPostgres | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    postgres = await startEmbeddedPostgres({ dir: path.join(config().dataDir, "postgres"), reuseRunning: true });
    databaseUrl = postgres.url;
  }
  try {
    return await work(databaseUrl);
  } finally {
    await postgres?.stop();
  }
}
