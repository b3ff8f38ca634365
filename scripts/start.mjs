// `npm start`: set everything up, then serve the dashboard. Ctrl-C stops it (and its embedded
// database) cleanly.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureReady } from "./ensure-ready.mjs";

const dev = process.argv.includes("--dev");
try {
  ensureReady({ build: !dev });
} catch (error) {
  console.error(`[setup] ${error.message}`);
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "..");
const child = spawn(process.execPath, ["--import", "tsx", "server.ts", ...(dev ? ["--dev"] : [])], {
  cwd: root,
  stdio: "inherit",
  env: { NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
