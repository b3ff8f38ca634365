// Runs before server.ts in the container image. Next's configuration comes from the build
// (`.next/required-server-files.json`), as Next's own standalone server.js passes it, so the image
// needs neither next.config.js nor what loading it takes. The image has no embedded PostgreSQL.
import { readFileSync } from "node:fs";

const { config } = JSON.parse(readFileSync(".next/required-server-files.json", "utf8")) as { config: unknown };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

if (!process.env.DATABASE_URL) {
  console.error(
    "[fleetdeck] failed to start: set DATABASE_URL (postgresql://user:password@host:5432/db); " +
      "the container image has no embedded PostgreSQL",
  );
  process.exit(1);
}
