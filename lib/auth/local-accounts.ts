// LOCAL_ACCOUNTS=off: single sign-on is the only way in. No password is checked, set or chosen
// anywhere (sign-in, account page, administration, invitation links, first-run set-up), so a
// password left over from before cannot become a way around the identity provider.
import { config } from "../config";
import { forbidden } from "../errors";

export function localAccountsEnabled(): boolean {
  return config().LOCAL_ACCOUNTS === "on";
}

/** Throws 403 with the reason when local accounts are turned off. */
export function requireLocalAccounts(): void {
  if (localAccountsEnabled()) return;
  throw forbidden(
    `passwords are not used here: local accounts are turned off (LOCAL_ACCOUNTS=off); sign in with ${config().OIDC_NAME}`,
  );
}
