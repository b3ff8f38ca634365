// Failed sign-ins are counted from the audit log, per account and per address, so the limit holds
// across restarts and across instances.
import { config } from "../config";
import { db } from "../db/client";

export async function signInBlocked(email: string, address: string | null): Promise<boolean> {
  const { SIGNIN_MAX_FAILURES, SIGNIN_WINDOW_SECONDS } = config();
  const since = new Date(Date.now() - SIGNIN_WINDOW_SECONDS * 1000);
  const base = { action: "auth.signin", outcome: "FAILURE" as const, at: { gte: since } };
  const [byAccount, byAddress] = await Promise.all([
    db().auditEvent.count({ where: { ...base, target: email } }),
    address ? db().auditEvent.count({ where: { ...base, address } }) : Promise.resolve(0),
  ]);
  // Per address allows more, since several people may share one (a proxy, an office).
  return byAccount >= SIGNIN_MAX_FAILURES || byAddress >= SIGNIN_MAX_FAILURES * 4;
}
