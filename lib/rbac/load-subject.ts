// Builds the access subject of a user from the database: their grants and their teams' grants.
// Two queries side by side (the user; every grant of theirs or of a team of theirs) instead of a
// nested include, which the client runs level by level: this is on every socket's handshake and
// every log subscription's path.
import { db } from "../db/client";
import type { Subject } from "./authorize";
import { expandTagGrants } from "./tag-grants";

export async function loadSubject(userId: string): Promise<Subject | null> {
  const [user, grants] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, isAdmin: true, disabled: true } }),
    db().accessGrant.findMany({
      where: { OR: [{ userId }, { team: { members: { some: { userId } } } }] },
      select: { endpointId: true, endpointTag: true, role: true, namespaces: true },
    }),
  ]);
  if (!user || user.disabled) return null;
  return { userId: user.id, email: user.email, isAdmin: user.isAdmin, grants: await expandTagGrants(grants) };
}
