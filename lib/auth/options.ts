// next-auth: local accounts and single sign-on (OpenID Connect), JWT session in an httpOnly
// SameSite cookie that names a server-side session row.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { config } from "../config";
import { db } from "../db/client";
import { clientAddress } from "./client-address";
import { localAccountsEnabled } from "./local-accounts";
import { OIDC_PROVIDER_ID, oidcNextAuthProvider } from "./oidc-next-auth-provider";
import { oidcSettings } from "./oidc-settings";
import { ssoSignIn } from "./oidc-signin";
import { decoyHash, verifyPassword } from "./password";
import { sessionSecret } from "./secret";
import { endSessions, openSession } from "./session-store";
import { startSignInAttempt } from "./signin-limit";

export const INVALID_CREDENTIALS = "wrong email or password";
export const TOO_MANY_ATTEMPTS = "too many failed sign-ins; wait a few minutes and try again";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(1024) });

async function signIn(raw: unknown, headers: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  const address = clientAddress(headers as Record<string, unknown>);
  const attempt = await startSignInAttempt(email, address);
  if (!attempt.allowed) {
    await recordAudit({
      action: "auth.signin",
      target: email,
      outcome: "DENIED",
      address,
      detail: { reason: "rate-limited" },
    });
    throw new Error(TOO_MANY_ATTEMPTS);
  }
  // An account under attack answers more slowly, whatever the password, instead of locking.
  if (attempt.delayMs) await new Promise((resolve) => setTimeout(resolve, attempt.delayMs));
  const user = await db().user.findUnique({ where: { email } });
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await decoyHash(), password).then(() => false);
  if (!user || !ok || user.disabled) {
    await recordAudit({ action: "auth.signin", target: email, outcome: "FAILURE", address });
    throw new Error(INVALID_CREDENTIALS);
  }
  await attempt.succeeded();
  await recordAudit({
    actor: { userId: user.id, email },
    action: "auth.signin",
    target: email,
    outcome: "SUCCESS",
    address,
  });
  const userAgent = (headers as Record<string, unknown> | undefined)?.["user-agent"];
  const sid = await openSession({
    userId: user.id,
    address,
    userAgent: typeof userAgent === "string" ? userAgent : null,
  });
  return { id: user.id, email: user.email, name: user.name, sid };
}

/** `request`: the sign-in request's headers (client address and user agent for the session and audit). */
export function authOptions(request?: { headers: Record<string, string> }): NextAuthOptions {
  const maxAge = config().SESSION_MAX_AGE_SECONDS;
  const sso = oidcSettings();
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    // Failures of single sign-on come back to /login?error=<code> (lib/auth/signin-errors.ts).
    pages: { signIn: "/login", error: "/login" },
    providers: [
      ...(localAccountsEnabled()
        ? [
            CredentialsProvider({
              name: "Email and password",
              credentials: {
                email: { label: "Email", type: "email" },
                password: { label: "Password", type: "password" },
              },
              authorize: (credentials, req) => signIn(credentials, req?.headers),
            }),
          ]
        : []),
      ...(sso ? [oidcNextAuthProvider(sso)] : []),
    ],
    callbacks: {
      signIn: async ({ user, account, profile }) => {
        if (account?.provider !== OIDC_PROVIDER_ID || !sso) return true;
        const result = await ssoSignIn({
          rawClaims: (profile ?? {}) as Record<string, unknown>,
          headers: request?.headers ?? {},
          settings: sso,
        });
        if (!result.ok) return `/login?error=${result.reason}`;
        // The same object reaches the jwt callback: our user id and session id replace the provider's.
        Object.assign(user, result.user);
        return true;
      },
      jwt: ({ token, user }) => {
        // `sid` names the server-side session row every request checks (lib/auth/session-store.ts).
        if (user) Object.assign(token, { uid: user.id, sid: (user as { sid?: string }).sid });
        return token;
      },
      session: ({ session, token }) => ({ ...session, userId: token.uid, sessionId: token.sid }),
    },
    events: {
      signOut: async ({ token }) => {
        if (typeof token?.uid !== "string" || typeof token.sid !== "string") return;
        await endSessions({ userId: token.uid, sessionId: token.sid });
        const email = typeof token.email === "string" ? token.email : "";
        await recordAudit({ actor: { userId: token.uid, email }, action: "auth.signout", outcome: "SUCCESS" });
      },
    },
  };
}
