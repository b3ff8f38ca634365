// manifest.json, the first member of a backup: what it holds and where it came from.
import { createHash } from "node:crypto";
import { z } from "zod";

export const MANIFEST = "manifest.json";
export const DATABASE_DUMP = "database.dump";
/** Key files of DATA_DIR a backup carries when they exist (the key may come from the environment instead). */
export const KEY_FILES = ["encryption.key", "session.secret"] as const;

export const manifestSchema = z.object({
  format: z.literal("fleetdeck-backup"),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  fleetdeckVersion: z.string(),
  postgres: z.object({ serverVersion: z.string(), pgDumpVersion: z.string() }),
  /** Migrations applied to the database when it was dumped. */
  migrations: z.array(z.string()),
  files: z.array(z.string()),
  /**
   * Where the credential key was: a key file in the backup, or ENCRYPTION_KEY (not in the backup:
   * keep it with the backup yourself). `fingerprint` tells a matching key from another.
   */
  encryptionKey: z.object({ from: z.enum(["file", "environment", "none"]), fingerprint: z.string().nullable() }),
  endpointsWithCredentials: z.number().int(),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** A one-way tag of a key (the same id lib/secrets writes into every ciphertext, plus more bits). */
export function keyFingerprint(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}
