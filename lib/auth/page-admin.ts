// For administration pages: the signed-in administrator, or a plain refusal page for anyone else.
import { notFound } from "next/navigation";
import type { Subject } from "../rbac/authorize";
import { requirePageSubject } from "./page-subject";

export async function requirePageAdmin(): Promise<Subject> {
  const subject = await requirePageSubject();
  // Same as a page that does not exist: nobody learns what administrators have.
  if (!subject.isAdmin) notFound();
  return subject;
}
