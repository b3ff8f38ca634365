import { Suspense } from "react";
import { auditFilterChoices } from "@/lib/audit/audit-filter-choices";
import { auditScope } from "@/lib/audit/audit-scope";
import { requirePageSubject } from "@/lib/auth/page-subject";
import { AuditLog } from "@/components/audit/audit-log";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function AuditPage() {
  const subject = await requirePageSubject();
  const scope = await auditScope(subject);
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Audit log</h1>
      {scope ? (
        <Suspense>
          <AuditLog choices={await auditFilterChoices(subject, scope)} />
        </Suspense>
      ) : (
        <EmptyState reason="forbidden" title="You may not read the audit log">
          Administrators see every row; endpoint administrators the rows of their endpoints.
        </EmptyState>
      )}
    </div>
  );
}
