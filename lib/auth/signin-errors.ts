// Why a sign-in did not happen, in plain words, by the code /login is sent with (`?error=`): our own
// single sign-on refusals, and next-auth's codes for failures of the exchange with the provider.
// Client-safe: the login page shows these.
export const SSO_REFUSALS = {
  "no-email": "Your identity provider did not share an email address, which Fleetdeck needs to know you.",
  "domain-not-allowed": "Your email address's domain is not allowed to sign in here. Ask an administrator.",
  "email-not-verified":
    "Your identity provider has not verified your email address, so it cannot be used to sign in here. Ask an administrator.",
  "linked-to-another": "An account with your email address is already linked to another single sign-on identity.",
  disabled: "Your account is disabled. Ask an administrator.",
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

const NEXT_AUTH_ERRORS: Record<string, string> = {
  OAuthSignin: "Could not start single sign-on: the identity provider did not answer. Try again later.",
  OAuthCallback: "Single sign-on did not complete: the identity provider's answer was refused. Try again.",
  Callback: "Single sign-on did not complete. Try again.",
  AccessDenied: "You are not allowed to sign in here.",
  Configuration: "Sign-in is not configured correctly; see the server log.",
};

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if (code in SSO_REFUSALS) return SSO_REFUSALS[code as SsoRefusal];
  return NEXT_AUTH_ERRORS[code] ?? "Sign-in did not work. Try again.";
}
