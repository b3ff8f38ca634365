// Key files in the data directory: created once with mode 0600, read back as they were, and a
// damaged one refused with what to do (never taken as a new, empty key).
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOrCreateSecretFile } from "@/lib/config/secret-file";

describe("secret files", () => {
  it("are created once, private, and read back unchanged", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fd-secret-"));
    const first = readOrCreateSecretFile(dir, "encryption.key");
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, "encryption.key")).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecretFile(dir, "encryption.key").equals(first)).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["truncated", Buffer.alloc(20, 1).toString("base64")],
  ])("refuses an %s key file with what to do", (_, content) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fd-secret-"));
    writeFileSync(path.join(dir, "encryption.key"), content);
    expect(() => readOrCreateSecretFile(dir, "encryption.key")).toThrow(
      /empty or damaged.*restore it from your backup/,
    );
  });
});
