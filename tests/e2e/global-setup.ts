// End-to-end set-up: the test environment, a fresh database, and a server that has never been set
// up (no users), exactly as after `npm start` on a fresh clone.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { startAppServer } from "../support/app-server";

export default async function globalSetup() {
  execFileSync("npx", ["tsx", "scripts/testenv/cli.ts", "up"], { stdio: ["ignore", "ignore", "inherit"] });
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-e2e-db-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  const app = await startAppServer({ databaseUrl: pg.url, env: { ENDPOINT_CHECK_INTERVAL_SECONDS: "5" } });
  process.env.E2E_BASE_URL = app.url;
  // For specs that need people the admin screens cannot make yet (a viewer).
  process.env.E2E_DATABASE_URL = pg.url;
  return async () => {
    await app.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
