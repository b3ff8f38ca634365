// `npm run backup -- [--out FILE]`: the database (pg_dump's custom format), DATA_DIR's key files and
// a manifest in one file (default fleetdeck-backup-<time>.tar, mode 0600). Uses DATABASE_URL or the
// embedded database, also while Fleetdeck is running. See lib/backup/create-backup.ts.
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "../lib/backup/create-backup";
import { config } from "../lib/config";
import { withCliDatabase } from "../lib/db/cli-database";

const { values } = parseArgs({ options: { out: { type: "string" } }, allowPositionals: false });
const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
const out = path.resolve(values.out ?? `fleetdeck-backup-${stamp}.tar`);

try {
  const cfg = config();
  const started = Date.now();
  const { manifest, bytes } = await withCliDatabase((databaseUrl) =>
    createBackup({
      databaseUrl,
      dataDir: cfg.dataDir,
      out,
      env: { ENCRYPTION_KEY: cfg.ENCRYPTION_KEY, NEXTAUTH_SECRET: cfg.NEXTAUTH_SECRET },
    }),
  );
  console.log(
    `[backup] wrote ${out} (${(bytes / 1024).toFixed(0)} KB in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `[backup] holds: ${manifest.files.join(", ")}; ${manifest.endpointsWithCredentials} endpoints with credentials`,
  );
  if (manifest.encryptionKey.from === "environment")
    console.log(
      "[backup] the credential key is ENCRYPTION_KEY from the environment, not in this file: keep it with the backup",
    );
  if (manifest.encryptionKey.from === "none" && manifest.endpointsWithCredentials > 0)
    console.log("[backup] warning: no credential key found in DATA_DIR; restored credentials will not be readable");
  console.log("[backup] the file holds the key to every stored credential: keep it as safe as the server");
} catch (error) {
  console.error(`[backup] ${(error as Error).message}`);
  process.exitCode = 1;
}
