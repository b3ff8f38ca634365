// The key files of a backup going into DATA_DIR, and the credential key checked before anything is
// changed: a restored copy whose key cannot read its credentials is worse than no restore.
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseKey } from "../secrets/key";
import { keyFingerprint, type Manifest } from "./manifest";

export interface KeyFile {
  name: string;
  content: Buffer;
}

/** Why the restore must not go on (null: it may), checked before the database is touched. */
export function keyProblem(options: {
  manifest: Manifest;
  files: KeyFile[];
  dataDir: string;
  envEncryptionKey?: string;
  force: boolean;
}): string | null {
  const { manifest, envEncryptionKey } = options;
  const wanted = manifest.encryptionKey.fingerprint;
  if (envEncryptionKey && wanted && keyFingerprint(parseKey(envEncryptionKey)) !== wanted)
    return "ENCRYPTION_KEY is not the key this backup's credentials are encrypted with: restore with the same key, or unset ENCRYPTION_KEY to use the key file in the backup";
  if (manifest.encryptionKey.from === "environment" && !envEncryptionKey && !options.force)
    return "this backup's credentials are encrypted with an ENCRYPTION_KEY from the environment (not in the backup): set the same ENCRYPTION_KEY to restore, or --force to restore without it (stored credentials then cannot be read)";
  for (const file of options.files) {
    const existing = path.join(options.dataDir, file.name);
    if (!existsSync(existing) || options.force) continue;
    if (readFileSync(existing, "utf8").trim() !== file.content.toString("utf8").trim())
      return `${existing} exists and differs from the backup's: move it away, or --force to replace it (the old one is kept beside it)`;
  }
  return null;
}

/** Writes the backup's key files (mode 0600); a different existing one is kept as `<name>.before-restore-<time>`. */
export async function writeKeyFiles(dataDir: string, files: KeyFile[]): Promise<string[]> {
  await mkdir(dataDir, { recursive: true });
  const kept: string[] = [];
  for (const file of files) {
    const target = path.join(dataDir, file.name);
    if (existsSync(target)) {
      if (readFileSync(target, "utf8").trim() === file.content.toString("utf8").trim()) continue;
      const aside = `${target}.before-restore-${new Date().toISOString().replace(/[-:.]/g, "")}`;
      await rename(target, aside);
      kept.push(aside);
    }
    await writeFile(target, file.content, { mode: 0o600 });
    await chmod(target, 0o600);
  }
  return kept;
}

/** The credential key the restored copy will use: ENCRYPTION_KEY, else DATA_DIR/encryption.key. */
export function restoredKey(dataDir: string, envEncryptionKey?: string): Buffer | null {
  if (envEncryptionKey) return parseKey(envEncryptionKey);
  const file = path.join(dataDir, "encryption.key");
  return existsSync(file) ? Buffer.from(readFileSync(file, "utf8").trim(), "base64") : null;
}
