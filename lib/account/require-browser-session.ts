// The account's own settings are changed from a signed-in browser, not with an API token: a
// read-only token must not be able to mint itself a stronger one or change the password.
import { recordAudit } from "../audit/record";
import { forbidden } from "../errors";
import type { Subject } from "../rbac/authorize";

export async function requireBrowserSession(
  subject: Subject,
  attempted: { action: string; address: string | null },
): Promise<string> {
  if (subject.sessionId) return subject.sessionId;
  await recordAudit({
    actor: subject,
    action: attempted.action,
    outcome: "DENIED",
    address: attempted.address,
    detail: { reason: "api-token" },
  });
  throw forbidden("manage your account from a signed-in browser session, not with an API token");
}
