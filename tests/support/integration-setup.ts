// Vitest global set-up for integration tests: the test environment (real Docker engines), a fresh
// real PostgreSQL with migrations applied, and the app server on top.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { startAppServer } from "./app-server";

export const ADMIN = { email: "admin@example.test", password: "correct horse battery staple" };

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    databaseUrl: string;
    encryptionKey: string;
    /** The app server's DATA_DIR (its key files). */
    appDataDir: string;
    /** The app server's process id (tests read its CPU time). */
    appPid: number;
  }
}

export default async function setup(project: TestProject) {
  // Idempotent: a no-op when `npm test` (or a developer) already brought it up.
  execFileSync("npx", ["tsx", "scripts/testenv/cli.ts", "up"], { stdio: ["ignore", "ignore", "inherit"] });
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-it-db-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  await applyMigrations(pg.url);
  const encryptionKey = Buffer.alloc(32, 7).toString("base64");
  const app = await startAppServer({
    databaseUrl: pg.url,
    env: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ENCRYPTION_KEY: encryptionKey,
      ENDPOINT_CHECK_INTERVAL_SECONDS: "3",
      UPSTREAM_TIMEOUT_MS: "3000",
    },
  });
  project.provide("appUrl", app.url);
  project.provide("databaseUrl", pg.url);
  project.provide("encryptionKey", encryptionKey);
  project.provide("appDataDir", app.dataDir);
  project.provide("appPid", app.pid);
  return async () => {
    await app.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
