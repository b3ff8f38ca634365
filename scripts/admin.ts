// `npm run admin -- reset-password EMAIL [--password-stdin]`: the way back in for a locked-out
// administrator. Uses DATABASE_URL, or the embedded database in DATA_DIR as `npm start` does.
import { z } from "zod";
import { recordAudit } from "../lib/audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password";
import { isCommonPassword } from "../lib/auth/password-policy";
import { endSessions } from "../lib/auth/session-store";
import { clearAccountFailures } from "../lib/auth/signin-limit";
import { db, disconnectDb } from "../lib/db/client";
import { withCliDatabase } from "../lib/db/cli-database";
import { applyMigrations } from "../lib/db/migrate";
import { readPassword } from "./admin/read-password";

const USAGE = "usage: npm run admin -- reset-password EMAIL [--password-stdin]";

const argsSchema = z.tuple([
  z.literal("reset-password"),
  z.email({ error: "EMAIL must be an email address" }).trim().toLowerCase(),
]);
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `the password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "the password must be at most 1024 characters")
  .refine((p) => !isCommonPassword(p), "the password is on a list of commonly used passwords; choose another");

async function resetPassword(email: string, password: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email } });
  if (!user) throw new Error(`there is no account ${email}`);
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  await clearAccountFailures(email);
  // Whoever knew the old password may be signed in with it.
  await endSessions({ userId: user.id });
  await recordAudit({ action: "user.password.reset", target: email, outcome: "SUCCESS", detail: { by: "cli" } });
  console.log(`password of ${email} changed${user.disabled ? " (note: this account is disabled)" : ""}`);
}

async function main() {
  const argv = process.argv.slice(2);
  const parsed = argsSchema.safeParse(argv.filter((a) => a !== "--password-stdin"));
  if (!parsed.success) throw new Error(parsed.error.issues.find((i) => i.path[0] === 1)?.message ?? USAGE);
  const [, email] = parsed.data;
  const password = passwordSchema.parse(await readPassword({ fromStdin: argv.includes("--password-stdin") }));
  await withCliDatabase(async (databaseUrl) => {
    process.env.DATABASE_URL = databaseUrl;
    try {
      await applyMigrations(databaseUrl);
      await resetPassword(email, password);
    } finally {
      await disconnectDb();
    }
  });
}

main().catch((error: Error) => {
  const message = error instanceof z.ZodError ? error.issues.map((i) => i.message).join("; ") : error.message;
  console.error(`[admin] ${message}`);
  process.exit(1);
});
