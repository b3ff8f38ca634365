// For server-rendered pages: the signed-in subject, or a redirect to /setup or /login.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { authOptions } from "./options";
import { needsSetup } from "./setup";

export async function requirePageSubject(): Promise<Subject> {
  if (await needsSetup()) redirect("/setup");
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  const subject = session?.userId ? await loadSubject(session.userId) : null;
  if (!subject) redirect("/login");
  return subject;
}
