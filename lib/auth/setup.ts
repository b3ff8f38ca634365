// First run: with no users, the first administrator is created at /setup, or from ADMIN_EMAIL and
// ADMIN_PASSWORD. There is no default password anywhere. With local accounts off there is no such
// step: administrators come from single sign-on (OIDC_ADMIN_GROUPS).
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { config } from "../config";
import { db } from "../db/client";
import { conflict } from "../errors";
import { localAccountsEnabled, requireLocalAccounts } from "./local-accounts";
import { hashPassword } from "./password";
import { newPasswordSchema } from "./password-policy";

export const firstAdminSchema = z.object({
  email: z.email("enter a valid email address").trim().toLowerCase().max(254),
  name: z.string().trim().min(1, "name is required").max(100),
  password: newPasswordSchema,
});

export async function needsSetup(): Promise<boolean> {
  return localAccountsEnabled() && (await db().user.count()) === 0;
}

const ALREADY_DONE = "set-up is already done; sign in instead";

export async function createFirstAdmin(input: z.infer<typeof firstAdminSchema>, address: string | null = null) {
  requireLocalAccounts();
  // Checked before hashing: argon2id is costly, and anyone may call this without signing in.
  if (!(await needsSetup())) throw conflict(ALREADY_DONE);
  const passwordHash = await hashPassword(input.password);
  // Serialised with an advisory lock so two concurrent set-ups cannot both succeed.
  const user = await db().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(72707370)`;
    if ((await tx.user.count()) > 0) throw conflict(ALREADY_DONE);
    return tx.user.create({ data: { email: input.email, name: input.name, passwordHash, isAdmin: true } });
  });
  await recordAudit({
    actor: { userId: user.id, email: user.email },
    action: "setup.admin",
    target: user.email,
    outcome: "SUCCESS",
    address,
  });
  return user;
}

/**
 * ADMIN_EMAIL + ADMIN_PASSWORD create the first administrator on start, for automation. Several
 * instances starting at once on an empty database race for it: one creates it, the others find the
 * set-up done and start normally.
 */
export async function bootstrapAdminFromEnv(): Promise<string | null> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = config();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD || !(await needsSetup())) return null;
  try {
    const user = await createFirstAdmin({
      email: ADMIN_EMAIL.toLowerCase(),
      name: "Administrator",
      password: ADMIN_PASSWORD,
    });
    return user.email;
  } catch (error) {
    if (error instanceof Error && error.message === ALREADY_DONE) return null;
    throw error;
  }
}
