// Session rows that can never be used again are deleted daily: ended ones (after a day, so the
// account page can still show a sign-out that just happened), and open ones not seen within the
// session lifetime (their cookie has expired). A missing row is refused like an ended one
// (session-store.ts), so deleting never lets anything in.
import { config } from "../config";
import { db } from "../db/client";
import { runDaily } from "../jobs/daily";

const DAY_MS = 24 * 3600 * 1000;

/** `maxAgeSeconds`: the session lifetime (SESSION_MAX_AGE_SECONDS). */
export async function deleteDeadSessions(maxAgeSeconds: number, now = new Date()): Promise<number> {
  const endedBefore = new Date(now.getTime() - DAY_MS);
  const unseenSince = new Date(now.getTime() - maxAgeSeconds * 1000 - DAY_MS);
  const { count } = await db().session.deleteMany({
    where: { OR: [{ endedAt: { lt: endedBefore } }, { endedAt: null, lastSeenAt: { lt: unseenSince } }] },
  });
  return count;
}

export function startSessionCleanup(log: (message: string) => void): () => void {
  return runDaily(
    "session cleanup",
    async () => `deleted ${await deleteDeadSessions(config().SESSION_MAX_AGE_SECONDS)} ended or expired sessions`,
    log,
  );
}
