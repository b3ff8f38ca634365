// For server-rendered pages: the signed-in subject, or a redirect to /setup or /login (also when the
// cookie's server-side session was ended).
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Subject } from "../rbac/authorize";
import { authOptions } from "./options";
import { subjectOfSession } from "./session-subject";
import { needsSetup } from "./setup";

/** The signed-in subject of this page request, or null (no cookie, an ended session, a disabled user). */
export async function currentPageSubject(): Promise<Subject | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string; sessionId?: string } | null;
  return subjectOfSession(session && { uid: session.userId, sid: session.sessionId });
}

export async function requirePageSubject(): Promise<Subject> {
  if (await needsSetup()) redirect("/setup");
  const subject = await currentPageSubject();
  if (!subject) redirect("/login");
  return subject;
}
