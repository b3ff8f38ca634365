// AES-256-GCM for endpoint credentials. Format: "v1.<key id>.<base64(iv | tag | ciphertext)>".
// The key id (a hash prefix of the key) tells "encrypted under another key" apart from
// "tampered or corrupt"; the associated data binds a ciphertext to its owner (e.g. an endpoint id)
// so a ciphertext copied onto another row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export class SecretError extends Error {
  constructor(
    readonly reason: "wrong-key" | "tampered" | "malformed",
    message: string,
  ) {
    super(message);
    this.name = "SecretError";
  }
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function encryptSecret(plaintext: string, key: Buffer, associatedData: string): string {
  if (key.length !== 32) throw new Error("encryption key must be 32 bytes");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v1.${keyId(key)}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function decryptSecret(sealed: string, key: Buffer, associatedData: string): string {
  const [version, id, payload] = sealed.split(".");
  if (version !== "v1" || !id || !payload) throw new SecretError("malformed", "stored credentials are malformed");
  if (id !== keyId(key)) {
    throw new SecretError("wrong-key", "stored credentials were encrypted with a different key (check ENCRYPTION_KEY)");
  }
  const raw = Buffer.from(payload, "base64");
  if (raw.length < 28) throw new SecretError("malformed", "stored credentials are malformed");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretError("tampered", "stored credentials failed their integrity check (tampered or corrupt)");
  }
}
