// What a person may do on each endpoint, and why: the result of their own grants and their teams'
// (on the endpoint, on one of its tags, or on every endpoint), computed with the same functions
// every request uses — so the page shows exactly what the server enforces.
import { db } from "../db/client";
import type { EndpointRole } from "../rbac/actions";
import { allowedNamespaces, roleOn, type Subject } from "../rbac/authorize";
import { loadSubject } from "../rbac/load-subject";
import { expandTagGrants, grantReaches } from "../rbac/tag-grants";

export interface EffectiveAccess {
  isAdmin: boolean;
  disabled: boolean;
  endpoints: {
    id: string;
    name: string;
    kind: "DOCKER" | "KUBERNETES";
    role: EndpointRole;
    namespaces: "all" | string[];
    /** The grants that lead here, in words: "OPERATOR on web-1 (team ops)". */
    because: string[];
  }[];
}

export async function effectiveAccess(userId: string): Promise<EffectiveAccess | null> {
  const [user, stored, endpoints] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, isAdmin: true, disabled: true } }),
    db().accessGrant.findMany({
      where: { OR: [{ userId }, { team: { members: { some: { userId } } } }] },
      select: { role: true, namespaces: true, endpointId: true, endpointTag: true, team: { select: { name: true } } },
    }),
    db().endpoint.findMany({ select: { id: true, name: true, kind: true, tags: true }, orderBy: { name: "asc" } }),
  ]);
  if (!user) return null;
  // A disabled person has no subject; show what they would have once enabled again.
  const subject: Subject = (await loadSubject(userId)) ?? {
    userId,
    email: user.email,
    isAdmin: user.isAdmin,
    grants: await expandTagGrants(stored),
  };
  const rows: EffectiveAccess["endpoints"] = [];
  for (const endpoint of endpoints) {
    const reaching = stored.filter((g) => grantReaches(g, endpoint));
    const because = reaching.map((g) => {
      const on = g.endpointId ? endpoint.name : g.endpointTag ? `tag ${g.endpointTag}` : "every endpoint";
      const limited = g.namespaces.length ? ` in ${g.namespaces.join(", ")}` : "";
      return `${g.role} on ${on}${limited} (${g.team ? `team ${g.team.name}` : "own grant"})`;
    });
    if (user.isAdmin) because.unshift("administrator: everything everywhere");
    const role = roleOn(subject, endpoint.id);
    if (!role) continue;
    rows.push({
      id: endpoint.id,
      name: endpoint.name,
      kind: endpoint.kind,
      role,
      namespaces: user.isAdmin ? "all" : allowedNamespaces(subject, endpoint.id),
      because,
    });
  }
  return { isAdmin: user.isAdmin, disabled: user.disabled, endpoints: rows };
}
