// API tokens for automation: "fd_" + random; only a SHA-256 hash is stored. A token acts as its
// user, capped to its ceiling (null: the user's full permissions; VIEWER: read-only).
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import type { EndpointRole } from "../rbac/actions";
import type { Subject } from "../rbac/authorize";
import { capSubject } from "../rbac/ceiling";
import { loadSubject } from "../rbac/load-subject";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface NewApiToken {
  userId: string;
  name: string;
  expiresAt?: Date | null;
  ceiling?: EndpointRole | null;
}

/** Makes a token; the value is returned once and never stored. */
export async function createApiToken(input: NewApiToken): Promise<{ id: string; token: string }> {
  const token = `fd_${randomBytes(24).toString("base64url")}`;
  const row = await db().apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt ?? null,
      ceiling: input.ceiling ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

/**
 * The token's user capped to its ceiling, or null when it is unknown, revoked or expired.
 * `touch: false` for periodic re-checks of an open socket, which are not uses of the token.
 */
export async function subjectFromApiToken(token: string, options: { touch?: boolean } = {}): Promise<Subject | null> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, expiresAt: true, ceiling: true },
  });
  if (!row || (row.expiresAt && row.expiresAt < new Date())) return null;
  const [subject] = await Promise.all([
    loadSubject(row.userId),
    options.touch === false
      ? null
      : db().apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date() } }),
  ]);
  return subject && capSubject(subject, row.ceiling);
}
