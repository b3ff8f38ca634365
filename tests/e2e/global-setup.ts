// End-to-end set-up: the test environment, a fresh database, a real OpenID provider for single
// sign-on, and a server that has never been set up (no users), exactly as after `npm start` on a
// fresh clone.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { startAppServer } from "../support/app-server";
import { startOidcProvider } from "../support/oidc-provider";
import { E2E_SSO } from "./support";

export default async function globalSetup() {
  execFileSync("npx", ["tsx", "scripts/testenv/cli.ts", "up"], { stdio: ["ignore", "ignore", "inherit"] });
  const dir = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-e2e-db-"));
  const pg = await startEmbeddedPostgres({ dir, persistent: false });
  const port = await freePort();
  const oidc = await startOidcProvider({ redirectUris: [`http://127.0.0.1:${port}/api/auth/callback/oidc`] });
  // Given rather than generated, so a spec can start a second instance on the same database.
  const shared = {
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  const app = await startAppServer({
    databaseUrl: pg.url,
    port,
    env: {
      ...shared,
      ENDPOINT_CHECK_INTERVAL_SECONDS: "5",
      ...oidc.env,
      OIDC_NAME: E2E_SSO.name,
      OIDC_GROUP_TEAMS: `${E2E_SSO.group}=${E2E_SSO.team}`,
      OIDC_ALLOWED_DOMAINS: E2E_SSO.domain,
    },
  });
  process.env.E2E_BASE_URL = app.url;
  // For specs that need people the admin screens cannot make yet (a viewer).
  process.env.E2E_DATABASE_URL = pg.url;
  process.env.E2E_SHARED_SECRETS = JSON.stringify(shared);
  return async () => {
    await app.stop();
    await oidc.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
