import { z } from "zod";
import { recordId } from "@/lib/http/record-id";
import { endAccountSessions } from "@/lib/account/sessions";
import { requireBrowserSession } from "@/lib/account/require-browser-session";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ sessionId: recordId });

export const DELETE = route({ params }, async ({ subject, params, address }) => {
  const currentId = await requireBrowserSession(subject, { action: "session.end", address });
  return endAccountSessions({ subject, currentId, which: { sessionId: params.sessionId }, address });
});
