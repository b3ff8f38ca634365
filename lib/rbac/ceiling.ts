// An API token's ceiling: the most it may do, whatever its user may. Applied where the token's
// subject is built, so every reader of grants (authorize, roleOn, roleIn, the sockets' guards) sees
// the capped roles, and a change to the user's own grants still lowers the token at once.
import { ROLE_RANK, type EndpointRole } from "./actions";
import type { Subject } from "./authorize";

const lower = (a: EndpointRole, b: EndpointRole) => (ROLE_RANK[a] <= ROLE_RANK[b] ? a : b);

export function capSubject(subject: Subject, ceiling: EndpointRole | null): Subject {
  if (!ceiling) return subject;
  // A global administrator's token acts as an endpoint role everywhere, never as an administrator.
  const grants = subject.isAdmin
    ? [{ endpointId: null, role: ceiling, namespaces: [] }]
    : subject.grants.map((g) => ({ ...g, role: lower(g.role, ceiling) }));
  return { ...subject, isAdmin: false, grants, ceiling };
}
