import type { AuditOutcome } from "@/lib/audit/audit-filter";

const LOOK: Record<AuditOutcome, string> = {
  SUCCESS: "bg-ok/15 text-ok",
  DENIED: "bg-warn/15 text-warn",
  FAILURE: "bg-bad/15 text-bad",
};

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${LOOK[outcome]}`} data-testid="audit-outcome">
      {outcome.toLowerCase()}
    </span>
  );
}
