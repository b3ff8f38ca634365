// `npm run restore -- FILE [--force]`: a backup from `npm run backup` into an empty database
// (DATABASE_URL or the embedded one in DATA_DIR; stop Fleetdeck first) and its key files into
// DATA_DIR. --force drops what the database holds and replaces differing key files (kept beside).
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreBackup } from "../lib/backup/restore-backup";
import { config } from "../lib/config";
import { withCliDatabase } from "../lib/db/cli-database";

const USAGE = "usage: npm run restore -- FILE [--force]";

try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error(USAGE);
  const cfg = config();
  const file = path.resolve(positionals[0]!);
  const result = await withCliDatabase((databaseUrl) =>
    restoreBackup({
      file,
      databaseUrl,
      dataDir: cfg.dataDir,
      force: values.force ?? false,
      envEncryptionKey: cfg.ENCRYPTION_KEY,
    }),
  );
  const { manifest, credentials } = result;
  console.log(`[restore] restored the backup of ${manifest.createdAt} (Fleetdeck ${manifest.fleetdeckVersion})`);
  if (result.migrationsApplied.length)
    console.log(`[restore] applied newer migrations: ${result.migrationsApplied.join(", ")}`);
  for (const aside of result.keptAside) console.log(`[restore] the previous key file is kept as ${aside}`);
  console.log(`[restore] stored credentials readable: ${credentials.readable} of ${credentials.total}`);
  if (credentials.unreadable.length) {
    console.error(`[restore] cannot read the credentials of: ${credentials.unreadable.join(", ")}`);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`[restore] ${(error as Error).message}`);
  process.exitCode = 1;
}
