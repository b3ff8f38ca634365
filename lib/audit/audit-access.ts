// Whose audit rows a person may read: administrators (audit.read) every row; someone who administers
// endpoints (endpoint.audit on them) the rows of those endpoints; anyone else none. Pure and
// client-safe: the API, the live push and the shell's link all ask this.
import { authorize, roleOn, type Subject } from "../rbac/authorize";
import { can } from "../rbac/can";

export type AuditScope = { all: true } | { all: false; endpointIds: string[] };

/** `endpointIds`: the endpoints that exist (or that the caller knows about). Null = no access. */
export function auditScopeOf(subject: Subject, endpointIds: string[]): AuditScope | null {
  if (authorize(subject, "audit.read").allowed) return { all: true };
  const mine = endpointIds.filter((id) => can({ role: roleOn(subject, id), isAdmin: false }, "endpoint.audit"));
  return mine.length ? { all: false, endpointIds: mine } : null;
}
