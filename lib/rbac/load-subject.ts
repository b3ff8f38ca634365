// Builds the access subject of a user from the database: their grants and their teams' grants.
import { db } from "../db/client";
import type { Subject } from "./authorize";

export async function loadSubject(userId: string): Promise<Subject | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { grants: true, teams: { include: { team: { include: { grants: true } } } } },
  });
  if (!user || user.disabled) return null;
  const grants = [...user.grants, ...user.teams.flatMap((m) => m.team.grants)].map((g) => ({
    endpointId: g.endpointId,
    role: g.role,
    namespaces: g.namespaces,
  }));
  return { userId: user.id, email: user.email, isAdmin: user.isAdmin, grants };
}
