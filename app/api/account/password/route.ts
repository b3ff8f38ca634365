import { changePassword, changePasswordSchema } from "@/lib/account/change-password";
import { requireBrowserSession } from "@/lib/account/require-browser-session";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ body: changePasswordSchema }, async ({ subject, body, address }) => {
  const sessionId = await requireBrowserSession(subject, { action: "account.password", address });
  return changePassword({ subject, sessionId, address, body });
});
