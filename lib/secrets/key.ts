// The credential encryption key: ENCRYPTION_KEY (32 bytes, base64 or hex) or a key file created
// with mode 0600 in the data directory on first start. Never stored in the database.
import { config } from "../config";
import { readOrCreateSecretFile } from "../config/secret-file";

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64");
  return key;
}

let cached: Buffer | undefined;

export function encryptionKey(): Buffer {
  if (!cached) {
    const { ENCRYPTION_KEY, dataDir } = config();
    cached = ENCRYPTION_KEY ? parseKey(ENCRYPTION_KEY) : readOrCreateSecretFile(dataDir, "encryption.key");
  }
  return cached;
}
