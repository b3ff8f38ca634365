// A sign-in through single sign-on, after next-auth has checked the provider's answer (state,
// PKCE, ID token): admit or refuse the identity, bring the account's mapped teams and administrator
// status in line with its groups, open the server-side session and audit it all — the same
// `auth.signin` rows and `Session` row as a sign-in with a password.
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { recheckAccessNow } from "../realtime/access-recheck";
import { clientAddress } from "./client-address";
import { findOrCreateSsoAccount, type SsoAccount } from "./oidc-account";
import { readClaims, type SsoClaims } from "./oidc-claims";
import type { OidcSettings } from "./oidc-settings";
import { syncMappedTeams } from "./oidc-team-sync";
import { openSession } from "./session-store";
import type { SsoRefusal } from "./signin-errors";

export type SsoSignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sid: string } }
  | { ok: false; reason: SsoRefusal };

type Headers = Record<string, string>;

function refusalBeforeAccount(claims: SsoClaims, settings: OidcSettings): SsoRefusal | null {
  if (!claims.email) return "no-email";
  if (settings.allowedDomains.length === 0) return null;
  // An unverified address proves nothing about the domain.
  if (!claims.emailVerified) return "email-not-verified";
  return settings.allowedDomains.includes(claims.email.split("@")[1] ?? "") ? null : "domain-not-allowed";
}

/** Administrator status follows OIDC_ADMIN_GROUPS when set; the last enabled administrator is kept. */
async function syncAdministrator(user: SsoAccount, groups: string[], settings: OidcSettings): Promise<boolean | null> {
  if (settings.adminGroups.size === 0) return null;
  const wanted = groups.some((g) => settings.adminGroups.has(g));
  if (wanted === user.isAdmin) return null;
  if (!wanted) {
    const others = await db().user.count({ where: { isAdmin: true, disabled: false, id: { not: user.id } } });
    if (others === 0) return null;
  }
  await db().user.update({ where: { id: user.id }, data: { isAdmin: wanted } });
  return wanted;
}

export async function ssoSignIn(options: {
  rawClaims: Record<string, unknown>;
  headers: Headers;
  settings: OidcSettings;
}): Promise<SsoSignInResult> {
  const { settings, headers } = options;
  const address = clientAddress(headers);
  const claims = readClaims(options.rawClaims, settings.groupsClaim);
  const refuse = async (reason: SsoRefusal, actor?: SsoAccount): Promise<SsoSignInResult> => {
    await recordAudit({
      actor: actor ? { userId: actor.id, email: actor.email } : null,
      action: "auth.signin",
      target: claims?.email ?? actor?.email ?? null,
      outcome: "DENIED",
      address,
      detail: { method: "oidc", reason, subject: claims?.subject ?? null },
    });
    return { ok: false, reason };
  };
  if (!claims) return refuse("no-email");
  const early = refusalBeforeAccount(claims, settings);
  if (early) return refuse(early);
  const account = await findOrCreateSsoAccount({ ...claims, email: claims.email! });
  if (!account.ok) return refuse(account.reason);
  const { user } = account;
  if (user.disabled) return refuse("disabled", user);

  const teams = await db().$transaction((tx) =>
    syncMappedTeams(tx, { userId: user.id, groups: claims.groups, settings }),
  );
  const admin = await syncAdministrator(user, claims.groups, settings);
  if (teams.added.length || teams.removed.length || admin !== null) void recheckAccessNow();
  const userAgent = headers["user-agent"];
  const sid = await openSession({ userId: user.id, address, userAgent: userAgent ?? null });
  await recordAudit({
    actor: { userId: user.id, email: user.email },
    action: "auth.signin",
    target: user.email,
    outcome: "SUCCESS",
    address,
    detail: {
      method: "oidc",
      ...(account.created ? { created: true } : {}),
      ...(account.linked ? { linked: true } : {}),
      ...(teams.added.length ? { teamsAdded: teams.added } : {}),
      ...(teams.removed.length ? { teamsRemoved: teams.removed } : {}),
      ...(admin !== null ? { admin } : {}),
    },
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sid } };
}
