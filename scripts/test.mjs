// `npm test`: set up (dependencies, build), bring the real test environment up, run every suite
// (unit, integration, end-to-end in Chromium), and bring the environment down even on failure.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureReady } from "./ensure-ready.mjs";

const root = path.resolve(import.meta.dirname, "..");
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } })
    .status ?? 1;

ensureReady({ build: true });
// pg_dump / pg_restore 18 for the backup tests (cached in ~/.cache/fleetdeck; instant when there).
let failed = run("node", ["scripts/install-pg-client.mjs"]) !== 0;
if (!failed) failed = run("npx", ["tsx", "scripts/testenv/cli.ts", "up"]) !== 0;
try {
  if (!failed) failed = run("npx", ["vitest", "run"]) !== 0;
  if (!failed) failed = run("npx", ["playwright", "test"]) !== 0;
} finally {
  if (!process.env.KEEP_TESTENV) run("npx", ["tsx", "scripts/testenv/cli.ts", "down"]);
}
process.exit(failed ? 1 : 0);
