// The reader's audit scope against the endpoints that exist now (server side).
import { db } from "../db/client";
import type { Subject } from "../rbac/authorize";
import { auditScopeOf, type AuditScope } from "./audit-access";

export async function auditScope(subject: Subject): Promise<AuditScope | null> {
  if (subject.isAdmin) return auditScopeOf(subject, []);
  const endpoints = await db().endpoint.findMany({ select: { id: true } });
  return auditScopeOf(
    subject,
    endpoints.map((e) => e.id),
  );
}

/**
 * The scope a route may read, or a refusal: 403 through `require`, which also audits it. Someone
 * who administers no endpoint is refused like any other non-administrator asking for audit.read.
 */
export async function requireAuditScope(
  subject: Subject,
  require: (action: "audit.read") => Promise<void>,
): Promise<AuditScope> {
  const scope = await auditScope(subject);
  if (scope) return scope;
  await require("audit.read");
  throw new Error("audit.read was allowed to a subject without an audit scope");
}
