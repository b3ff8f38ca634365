// Set-up shared by `npm start` and `npm test`: install dependencies when missing or stale,
// generate the Prisma client, and build the app when its sources changed since the last build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const log = (message) => console.log(`[setup] ${message}`);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
}

function ensureDependencies() {
  const installed = path.join(root, "node_modules/.package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log("installing dependencies (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

function ensureClient() {
  if (existsSync(path.join(root, "lib/db/generated/client.ts"))) return;
  log("generating the database client");
  run("node", ["scripts/db/generate-client.mjs"]);
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function sourceHash() {
  const hash = createHash("sha256");
  const visit = (file) => {
    const full = path.join(root, file);
    if (!existsSync(full) || file.startsWith("lib/db/generated")) return;
    if (statSync(full).isDirectory()) {
      for (const entry of readdirSync(full).sort()) visit(path.join(file, entry));
    } else {
      hash.update(file).update(readFileSync(full));
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

function ensureBuild() {
  const stampFile = path.join(root, ".build-stamp");
  const stamp = sourceHash();
  const built =
    existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  if (built) return;
  log("building the app (next build)");
  run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  writeFileSync(stampFile, stamp);
}

export function ensureReady({ build = true } = {}) {
  ensureDependencies();
  ensureClient();
  if (build) ensureBuild();
}
