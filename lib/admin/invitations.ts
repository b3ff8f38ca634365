// One-time sign-up links: the token is shown once (in the link), only its SHA-256 is stored, and it
// stops working when used or after INVITE_DAYS. Also how a forgotten password is reset by an
// administrator: a fresh link replaces the password.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import { requireLocalAccounts } from "../auth/local-accounts";
import { badRequest } from "../errors";

export const INVITE_DAYS = 7;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new link for the user (any older one stops working); returns the token for the link. */
export async function issueInvitation(userId: string): Promise<{ token: string; expiresAt: Date }> {
  requireLocalAccounts();
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
  await db().user.update({ where: { id: userId }, data: { inviteHash: hash(token), inviteExpiresAt: expiresAt } });
  return { token, expiresAt };
}

/** The user the link belongs to while it is good. */
export async function invitedUser(token: string) {
  requireLocalAccounts();
  const user = await db().user.findUnique({ where: { inviteHash: hash(token) } });
  if (!user || !user.inviteExpiresAt || user.inviteExpiresAt < new Date() || user.disabled)
    throw badRequest("this link has expired or was already used; ask an administrator for a new one");
  return user;
}

/** Sets the password chosen through the link and spends the link. */
export async function acceptInvitation(token: string, passwordHash: string, name?: string) {
  const user = await invitedUser(token);
  return db().user.update({
    where: { id: user.id },
    data: { passwordHash, inviteHash: null, inviteExpiresAt: null, ...(name ? { name } : {}) },
  });
}
