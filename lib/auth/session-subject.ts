// The subject behind a session cookie's claims: the user's access, if the server-side session the
// cookie names is still open. Both are read side by side (one round trip); a cookie from before
// sessions were kept server-side has no `sid` and is refused, so its holder signs in again.
import type { Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { checkSession } from "./session-store";

/** A session cookie's claims: `uid` the user, `sid` the server-side session. */
export type SessionClaims = Record<string, unknown>;

export async function subjectOfSession(claims: SessionClaims | null | undefined): Promise<Subject | null> {
  const { uid, sid } = claims ?? {};
  if (typeof uid !== "string" || typeof sid !== "string") return null;
  const [subject, open] = await Promise.all([loadSubject(uid), checkSession(sid, uid)]);
  return subject && open ? { ...subject, sessionId: sid } : null;
}
