// Someone else's sessions, for administrators: listed on the person's page, and ended all at once
// (a lost laptop, someone leaving) — at once for pages, API calls and open sockets. API tokens are
// not sessions: they are revoked by disabling or deleting the person.
import { sessionViews, type SessionView } from "../account/sessions";
import { endSessions } from "../auth/session-store";
import { getUser } from "./users";

export async function listUserSessions(userId: string): Promise<SessionView[]> {
  await getUser(userId); // 404 for someone who does not exist
  return sessionViews(userId, null);
}

export async function endUserSessions(userId: string): Promise<{ ended: number }> {
  await getUser(userId);
  return { ended: await endSessions({ userId }) };
}
