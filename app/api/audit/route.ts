// GET /api/audit — the audit log, newest first, a page at a time: everything for administrators,
// the rows of their endpoints for endpoint administrators.
import { auditPageQuery } from "@/lib/audit/audit-filter";
import { listAuditPage } from "@/lib/audit/audit-query";
import { requireAuditScope } from "@/lib/audit/audit-scope";
import { route } from "@/lib/http/route";

export const GET = route({ query: auditPageQuery }, async ({ subject, require, query }) => {
  const scope = await requireAuditScope(subject, require);
  const { before, limit, ...filter } = query;
  return listAuditPage({ filter, scope, before, limit });
});
