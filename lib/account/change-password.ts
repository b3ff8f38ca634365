// A person changes their own password: the current one is checked (throttled like a sign-in, so a
// left-open browser is no password oracle) and every other session of theirs ends.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { TOO_MANY_ATTEMPTS } from "../auth/options";
import { requireLocalAccounts } from "../auth/local-accounts";
import { hashPassword, verifyPassword } from "../auth/password";
import { newPasswordSchema } from "../auth/password-policy";
import { endSessions } from "../auth/session-store";
import { startSignInAttempt } from "../auth/signin-limit";
import { db } from "../db/client";
import { badRequest, HttpError } from "../errors";
import type { Subject } from "../rbac/authorize";
import { recheckAccessNow } from "../realtime/access-recheck";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "enter your current password").max(1024),
  newPassword: newPasswordSchema,
});

export async function changePassword(input: {
  subject: Subject;
  sessionId: string;
  address: string | null;
  body: z.infer<typeof changePasswordSchema>;
}): Promise<{ endedSessions: number }> {
  requireLocalAccounts();
  const { subject, sessionId, address, body } = input;
  const audit = (outcome: "SUCCESS" | "FAILURE" | "DENIED", detail?: Record<string, unknown>) =>
    recordAudit({ actor: subject, action: "account.password", target: subject.email, outcome, address, detail });
  const user = await db().user.findUniqueOrThrow({ where: { id: subject.userId }, select: { passwordHash: true } });
  if (!user.passwordHash) throw badRequest("this account signs in through single sign-on and has no password here");
  const attempt = await startSignInAttempt(subject.email, address);
  if (!attempt.allowed) {
    await audit("DENIED", { reason: "rate-limited" });
    throw new HttpError(429, TOO_MANY_ATTEMPTS);
  }
  if (attempt.delayMs) await new Promise((resolve) => setTimeout(resolve, attempt.delayMs));
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) {
    await audit("FAILURE", { reason: "wrong current password" });
    throw badRequest("currentPassword: that is not your current password");
  }
  await attempt.succeeded();
  if (body.newPassword === body.currentPassword)
    throw badRequest("newPassword: the new password is the same as the current one");
  await db().user.update({
    where: { id: subject.userId },
    data: { passwordHash: await hashPassword(body.newPassword) },
  });
  const endedSessions = await endSessions({ userId: subject.userId, exceptId: sessionId });
  await audit("SUCCESS", { endedSessions });
  await recheckAccessNow();
  return { endedSessions };
}
