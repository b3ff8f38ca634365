// API tokens for automation: "fd_" + random; only a SHA-256 hash is stored.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import { loadSubject } from "../rbac/load-subject";
import type { Subject } from "../rbac/authorize";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createApiToken(userId: string, name: string, expiresAt?: Date): Promise<string> {
  const token = `fd_${randomBytes(24).toString("base64url")}`;
  await db().apiToken.create({ data: { userId, name, tokenHash: hashToken(token), expiresAt } });
  return token;
}

/**
 * The token's user, or null when it is unknown, revoked or expired. `touch: false` for periodic
 * re-checks of an open socket, which are not uses of the token.
 */
export async function subjectFromApiToken(token: string, options: { touch?: boolean } = {}): Promise<Subject | null> {
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || (row.expiresAt && row.expiresAt < new Date())) return null;
  if (options.touch !== false) await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return loadSubject(row.userId);
}
