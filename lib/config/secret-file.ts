// Secrets generated on first start into the data directory (mode 0600), never into the database.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function readOrCreateSecretFile(dataDir: string, name: string, bytes = 32): Buffer {
  const file = path.join(dataDir, name);
  if (existsSync(file)) {
    const value = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
    // A damaged key must stop the server, not become a new (empty) key that nothing decrypts with.
    if (value.length !== bytes)
      throw new Error(
        `${file} is empty or damaged (${value.length} of ${bytes} bytes): restore it from your backup, ` +
          "or move it away to start over (stored credentials must then be entered again)",
      );
    return value;
  }
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes);
  // wx: never overwrite a key another instance just wrote
  try {
    writeFileSync(file, value.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readOrCreateSecretFile(dataDir, name, bytes);
    throw error;
  }
  chmodSync(file, 0o600);
  return value;
}
