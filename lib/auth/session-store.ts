// Server-side sessions: every sign-in opens a row whose id (`sid`) the session cookie carries, so a
// cookie stops working the moment its row is ended (sign-out, "sign out everywhere", a new password)
// instead of living on until its expiry.
import { config } from "../config";
import { db } from "../db/client";
import { componentLogger } from "../log/logger";

/** How often a session's `lastSeenAt` is written at most: it is shown to people, not used for access. */
export const LAST_SEEN_EVERY_MS = 60_000;

const USER_AGENT_MAX = 512;

export async function openSession(input: {
  userId: string;
  address: string | null;
  userAgent: string | null;
}): Promise<string> {
  const row = await db().session.create({
    data: { userId: input.userId, address: input.address, userAgent: input.userAgent?.slice(0, USER_AGENT_MAX) },
    select: { id: true },
  });
  return row.id;
}

/**
 * Whether the session is open and belongs to the user; notes that it was seen (at most once a
 * minute, without making the caller wait for the write).
 */
export async function checkSession(sessionId: string, userId: string): Promise<boolean> {
  const row = await db().session.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, lastSeenAt: true },
  });
  if (!row || row.userId !== userId || row.endedAt) return false;
  if (Date.now() - row.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    // Conditional, so parallel requests of one page write it once.
    void db()
      .session.updateMany({
        where: { id: sessionId, lastSeenAt: row.lastSeenAt },
        data: { lastSeenAt: new Date() },
      })
      .catch((error: Error) => componentLogger("auth").warn(`could not note a session as seen: ${error.message}`));
  }
  return true;
}

/** Of the given sessions, the ones still open (one query for every socket of an instance). */
export async function openSessionIds(sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db().session.findMany({
    where: { id: { in: sessionIds }, endedAt: null },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}

/** Ends sessions of a user: one, all, or all but one. Returns how many were open. */
export async function endSessions(options: { userId: string; sessionId?: string; exceptId?: string }): Promise<number> {
  const { count } = await db().session.updateMany({
    where: {
      userId: options.userId,
      endedAt: null,
      ...(options.sessionId ? { id: options.sessionId } : {}),
      ...(options.exceptId ? { NOT: { id: options.exceptId } } : {}),
    },
    data: { endedAt: new Date() },
  });
  return count;
}

/** A user's open sessions whose cookie may still be good (seen within the session lifetime). */
export function listOpenSessions(userId: string) {
  const since = new Date(Date.now() - config().SESSION_MAX_AGE_SECONDS * 1000);
  return db().session.findMany({
    where: { userId, endedAt: null, lastSeenAt: { gte: since } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, address: true, userAgent: true },
  });
}
