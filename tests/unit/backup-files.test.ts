// A backup's container and its key files: the archive round-trips (and GNU tar reads it), a file
// that is not a backup is refused, and key files are never silently replaced by different ones.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyFingerprint, type Manifest } from "@/lib/backup/manifest";
import { keyProblem, restoredKey, writeKeyFiles } from "@/lib/backup/restore-keys";
import { extractTarEntry, listTar, readTarEntry, writeTar } from "@/lib/backup/tar";

const dir = () => mkdtempSync(path.join(os.tmpdir(), "fleetdeck-backup-unit-"));

describe("the backup archive", () => {
  it("holds files byte for byte, readable by tar too", async () => {
    const work = dir();
    const big = randomBytes(70_000);
    writeFileSync(path.join(work, "big.bin"), big);
    const out = path.join(work, "b.tar");
    await writeTar(out, [
      { name: "manifest.json", data: Buffer.from('{"a":1}') },
      { name: "database.dump", file: path.join(work, "big.bin") },
      { name: "empty.key", data: Buffer.alloc(0) },
    ]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const entries = await listTar(out);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["manifest.json", 7],
      ["database.dump", 70_000],
      ["empty.key", 0],
    ]);
    expect((await readTarEntry(out, entries[0]!)).toString()).toBe('{"a":1}');
    await extractTarEntry(out, entries[1]!, path.join(work, "copy.bin"));
    expect(readFileSync(path.join(work, "copy.bin")).equals(big)).toBe(true);
    const unpacked = path.join(work, "unpacked");
    execFileSync("mkdir", [unpacked]);
    execFileSync("tar", ["-xf", out, "-C", unpacked]);
    expect(readdirSync(unpacked).sort()).toEqual(["database.dump", "empty.key", "manifest.json"]);
    expect(readFileSync(path.join(unpacked, "database.dump")).equals(big)).toBe(true);
  });

  it("refuses an archive with paths in it", async () => {
    const work = dir();
    execFileSync("tar", ["-cf", path.join(work, "evil.tar"), "-C", "/", "etc/hostname"]);
    await expect(listTar(path.join(work, "evil.tar"))).rejects.toThrow(/not a Fleetdeck backup/);
  });
});

describe("key files on restore", () => {
  const key = randomBytes(32);
  const keyText = Buffer.from(key.toString("base64") + "\n");
  const manifest = (from: Manifest["encryptionKey"]["from"]): Manifest => ({
    format: "fleetdeck-backup",
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    fleetdeckVersion: "0.1.0",
    postgres: { serverVersion: "18.4", pgDumpVersion: "18.4" },
    migrations: [],
    files: ["database.dump", "encryption.key"],
    encryptionKey: { from, fingerprint: keyFingerprint(key) },
    endpointsWithCredentials: 1,
  });
  const files = [{ name: "encryption.key", content: keyText }];

  it("writes the key into an empty data directory (0600), where the restored copy finds it", async () => {
    const dataDir = path.join(dir(), "data");
    expect(keyProblem({ manifest: manifest("file"), files, dataDir, force: false })).toBeNull();
    await writeKeyFiles(dataDir, files);
    expect(statSync(path.join(dataDir, "encryption.key")).mode & 0o777).toBe(0o600);
    expect(restoredKey(dataDir)?.equals(key)).toBe(true);
  });

  it("refuses a different existing key unless forced, and then keeps the old one aside", async () => {
    const dataDir = dir();
    writeFileSync(path.join(dataDir, "encryption.key"), randomBytes(32).toString("base64") + "\n");
    expect(keyProblem({ manifest: manifest("file"), files, dataDir, force: false })).toMatch(/differs/);
    expect(keyProblem({ manifest: manifest("file"), files, dataDir, force: true })).toBeNull();
    const kept = await writeKeyFiles(dataDir, files);
    expect(kept).toHaveLength(1);
    expect(readdirSync(dataDir).filter((f) => f.startsWith("encryption.key.before-restore-"))).toHaveLength(1);
    expect(restoredKey(dataDir)?.equals(key)).toBe(true);
  });

  it("wants ENCRYPTION_KEY to be the backup's key", () => {
    const dataDir = dir();
    const other = randomBytes(32).toString("hex");
    expect(keyProblem({ manifest: manifest("file"), files, dataDir, envEncryptionKey: other, force: true })).toMatch(
      /not the key/,
    );
    expect(
      keyProblem({
        manifest: manifest("environment"),
        files: [],
        dataDir,
        envEncryptionKey: key.toString("hex"),
        force: false,
      }),
    ).toBeNull();
    expect(keyProblem({ manifest: manifest("environment"), files: [], dataDir, force: false })).toMatch(
      /set the same ENCRYPTION_KEY/,
    );
  });
});
