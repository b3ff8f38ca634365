// A person's own signed-in sessions: listed for the account page, and ended one at a time, all but
// this one, or all — at once for pages, API calls and open sockets.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { endSessions, listOpenSessions } from "../auth/session-store";
import { notFound } from "../errors";
import type { Subject } from "../rbac/authorize";
import { recheckAccessNow } from "../realtime/access-recheck";
import { browserLabel } from "./browser-label";

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  address: string | null;
  browser: string;
  current: boolean;
}

/** A user's open sessions as people read them; `currentId` marks the one asking (if it is theirs). */
export async function sessionViews(userId: string, currentId: string | null): Promise<SessionView[]> {
  const rows = await listOpenSessions(userId);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    address: r.address,
    browser: browserLabel(r.userAgent),
    current: r.id === currentId,
  }));
}

export const listAccountSessions = (subject: Subject, currentId: string) => sessionViews(subject.userId, currentId);

export const endSessionsQuery = z.object({
  scope: z.enum(["others", "all"], { error: 'scope must be "others" (all but this one) or "all"' }),
});

/** One session (by id), every other session, or all of them including this one. */
export type SessionsToEnd = { sessionId: string } | { scope: "others" | "all" };

export async function endAccountSessions(input: {
  subject: Subject;
  currentId: string;
  which: SessionsToEnd;
  address: string | null;
}): Promise<{ ended: number }> {
  const { subject, currentId, which, address } = input;
  const ended = await endSessions({
    userId: subject.userId,
    ...("sessionId" in which ? { sessionId: which.sessionId } : {}),
    ...("scope" in which && which.scope === "others" ? { exceptId: currentId } : {}),
  });
  if ("sessionId" in which && ended === 0) throw notFound("no such open session of yours");
  await recordAudit({
    actor: subject,
    action: "session.end",
    target: "sessionId" in which ? which.sessionId : null,
    outcome: "SUCCESS",
    address,
    detail: { scope: "sessionId" in which ? "one" : which.scope, ended },
  });
  // Sockets of the ended sessions close now rather than at the next periodic re-check.
  await recheckAccessNow();
  return { ended };
}
