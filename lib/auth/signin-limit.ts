// Sign-in throttling. Attempts that did not succeed are counted in the database (SignInCounter, one
// atomic upsert per key and fixed window), so the limit holds under parallel requests, across
// restarts and across instances. A client address has a hard limit; an account is only slowed down,
// so nobody can lock the administrator out by failing on purpose.
import { config } from "../config";
import { db } from "../db/client";

/** The longest an account's recent failures make a sign-in wait. */
export const MAX_ACCOUNT_DELAY_MS = 4000;

/** Per address, more attempts than per account are allowed: people may share one (a proxy, an office). */
export const ADDRESS_FACTOR = 4;

export interface SignInAttempt {
  /** false: the address is over its limit; answer without checking the password. */
  allowed: boolean;
  /** How long to wait before checking the password. */
  delayMs: number;
  /** The password was right: this attempt is not counted against the address or the account. */
  succeeded(): Promise<void>;
}

/** No delay for the first `freeFailures`, then 0.25 s doubling up to MAX_ACCOUNT_DELAY_MS. */
export function accountDelayMs(previousFailures: number, freeFailures: number): number {
  if (previousFailures < freeFailures) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_MS, 250 * 2 ** Math.min(previousFailures - freeFailures, 10));
}

async function increment(key: string, windowStart: Date): Promise<number> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    insert into "SignInCounter" ("key", "windowStart", "count") values (${key}, ${windowStart}, 1)
    on conflict ("key", "windowStart") do update set "count" = "SignInCounter"."count" + 1
    returning "count"`;
  return Number(rows[0]!.count);
}

async function decrement(key: string, windowStart: Date): Promise<void> {
  await db().$executeRaw`
    update "SignInCounter" set "count" = "count" - 1 where "key" = ${key} and "windowStart" = ${windowStart}`;
}

const addressKey = (address: string | null) => `address:${address ?? "unknown"}`;
const accountKey = (email: string) => `account:${email}`;

/**
 * Counts the attempt before the password is checked (so parallel guesses cannot all slip under the
 * limit); `succeeded()` takes it back off.
 */
export async function startSignInAttempt(email: string, address: string | null): Promise<SignInAttempt> {
  const { SIGNIN_MAX_FAILURES, SIGNIN_WINDOW_SECONDS } = config();
  const windowMs = SIGNIN_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
  const byAddress = await increment(addressKey(address), windowStart);
  if (byAddress === 1) {
    // A new window for this address: forget windows that can no longer matter.
    await db().signInCounter.deleteMany({ where: { windowStart: { lt: new Date(windowStart.getTime() - windowMs) } } });
  }
  if (byAddress > SIGNIN_MAX_FAILURES * ADDRESS_FACTOR) {
    return { allowed: false, delayMs: 0, succeeded: async () => {} };
  }
  const byAccount = await increment(accountKey(email), windowStart);
  return {
    allowed: true,
    delayMs: accountDelayMs(byAccount - 1, SIGNIN_MAX_FAILURES),
    succeeded: async () => {
      await decrement(addressKey(address), windowStart);
      await decrement(accountKey(email), windowStart);
    },
  };
}

/** For `npm run admin -- reset-password`: the account starts afresh. */
export async function clearAccountFailures(email: string): Promise<void> {
  await db().signInCounter.deleteMany({ where: { key: accountKey(email) } });
}
