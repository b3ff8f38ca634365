// What the audit screen's pickers offer: the endpoints whose rows the reader may see, and teams —
// every team for administrators, their own teams for endpoint administrators.
import { db } from "../db/client";
import type { Subject } from "../rbac/authorize";
import type { AuditScope } from "./audit-access";

export async function auditFilterChoices(subject: Subject, scope: AuditScope) {
  const [endpoints, teams] = await Promise.all([
    db().endpoint.findMany({
      where: scope.all ? {} : { id: { in: scope.endpointIds } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().team.findMany({
      where: scope.all ? {} : { members: { some: { userId: subject.userId } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { endpoints, teams };
}
