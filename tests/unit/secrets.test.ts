import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretError } from "@/lib/secrets/crypto";

const key = randomBytes(32);

describe("credential encryption", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = encryptSecret("top secret token", key, "endpoint:a");
    expect(sealed).not.toContain("top secret");
    expect(decryptSecret(sealed, key, "endpoint:a")).toBe("top secret token");
    // A fresh IV each time.
    expect(encryptSecret("top secret token", key, "endpoint:a")).not.toBe(sealed);
  });

  it("detects a tampered ciphertext", () => {
    const sealed = encryptSecret("value", key, "endpoint:a");
    const [v, id, body] = sealed.split(".");
    const bytes = Buffer.from(body!, "base64");
    bytes[bytes.length - 1]! ^= 1;
    const tampered = `${v}.${id}.${bytes.toString("base64")}`;
    expect(() => decryptSecret(tampered, key, "endpoint:a")).toThrow(SecretError);
    expect(() => decryptSecret(tampered, key, "endpoint:a")).toThrow(/integrity/);
  });

  it("tells a wrong key apart from tampering", () => {
    const sealed = encryptSecret("value", key, "endpoint:a");
    try {
      decryptSecret(sealed, randomBytes(32), "endpoint:a");
      expect.unreachable();
    } catch (error) {
      expect((error as SecretError).reason).toBe("wrong-key");
    }
  });

  it("refuses a ciphertext copied onto another endpoint", () => {
    const sealed = encryptSecret("value", key, "endpoint:a");
    expect(() => decryptSecret(sealed, key, "endpoint:b")).toThrow(/integrity/);
  });

  it("reports garbage as malformed", () => {
    expect(() => decryptSecret("not a secret", key, "x")).toThrow(/malformed/);
  });
});
