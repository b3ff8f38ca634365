import { endAccountSessions, endSessionsQuery, listAccountSessions } from "@/lib/account/sessions";
import { requireBrowserSession } from "@/lib/account/require-browser-session";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ subject, address }) => {
  const currentId = await requireBrowserSession(subject, { action: "session.list", address });
  return { sessions: await listAccountSessions(subject, currentId) };
});

/** `?scope=others`: sign out everywhere else; `?scope=all`: everywhere, this browser included. */
export const DELETE = route({ query: endSessionsQuery }, async ({ subject, query, address }) => {
  const currentId = await requireBrowserSession(subject, { action: "session.end", address });
  return endAccountSessions({ subject, currentId, which: { scope: query.scope }, address });
});
