// Which account a single sign-on identity is: the one linked to its subject; else the one with
// its email, linked now — only when the provider says it verified that email, so nobody takes over
// an account by putting someone else's address in their profile at the provider; else a new
// account, with no access until granted (or given by the group mapping).
import { db, Prisma } from "../db/client";
import type { SsoClaims } from "./oidc-claims";
import type { SsoRefusal } from "./signin-errors";

export interface SsoAccount {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
}

export type SsoAccountResult =
  | { ok: true; user: SsoAccount; created: boolean; linked: boolean }
  | { ok: false; reason: SsoRefusal };

const select = { id: true, email: true, name: true, isAdmin: true, disabled: true, oidcSubject: true } as const;

export async function findOrCreateSsoAccount(claims: SsoClaims & { email: string }): Promise<SsoAccountResult> {
  const bySubject = await db().user.findUnique({ where: { oidcSubject: claims.subject }, select });
  if (bySubject) return { ok: true, user: bySubject, created: false, linked: false };
  const byEmail = await db().user.findUnique({ where: { email: claims.email }, select });
  if (byEmail) {
    if (byEmail.oidcSubject) return { ok: false, reason: "linked-to-another" };
    if (!claims.emailVerified) return { ok: false, reason: "email-not-verified" };
    // Conditional, so two first sign-ins at once cannot link two identities.
    const { count } = await db().user.updateMany({
      where: { id: byEmail.id, oidcSubject: null },
      data: { oidcSubject: claims.subject },
    });
    if (count === 0) return { ok: false, reason: "linked-to-another" };
    return { ok: true, user: byEmail, created: false, linked: true };
  }
  try {
    const user = await db().user.create({
      data: { email: claims.email, name: claims.name ?? claims.email.split("@")[0]!, oidcSubject: claims.subject },
      select,
    });
    return { ok: true, user, created: true, linked: false };
  } catch (error) {
    // The same person's parallel first sign-in made it a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return findOrCreateSsoAccount(claims);
    throw error;
  }
}
