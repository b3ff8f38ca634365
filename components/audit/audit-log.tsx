"use client";

// The audit log screen: filters from the URL, export links with the same filters, the rows (live:
// new ones appear on top) and "Load more" for older ones.
import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import type { AuditFilterParams } from "@/lib/audit/audit-filter";
import { auditQueryString, readAuditFilterParams } from "@/lib/client/audit-filter-params";
import { useAuditLog } from "@/lib/client/use-audit-log";
import { Alert } from "../ui/alert";
import { Button, buttonClass } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { AuditFilterBar, type AuditChoices } from "./audit-filter-bar";
import { AuditTable } from "./audit-table";

export function AuditLog({ choices }: { choices: AuditChoices }) {
  const filter = readAuditFilterParams(new URLSearchParams(useSearchParams()));
  const key = auditQueryString(filter);
  return (
    <div className="space-y-3">
      <AuditFilterBar filter={filter} choices={choices} />
      <div className="flex flex-wrap items-center gap-2">
        {(["csv", "jsonl"] as const).map((format) => (
          <a
            key={format}
            href={`/api/audit/export?${auditQueryString(filter, { format })}`}
            download
            className={buttonClass("secondary", "text-sm")}
          >
            <Download aria-hidden className="size-4" />
            {format === "csv" ? "Export CSV" : "Export JSON lines"}
          </a>
        ))}
      </div>
      {/* A new filter is a new list: mounted afresh. */}
      <AuditRows key={key} filter={filter} />
    </div>
  );
}

function AuditRows({ filter }: { filter: AuditFilterParams }) {
  const log = useAuditLog(filter);
  const filtered = Object.keys(filter).length > 0;
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-end">
        {log.live.connected ? (
          <span className="text-xs text-ok" title="New rows appear at the top as they are recorded">
            ● live
          </span>
        ) : (
          <span className="text-xs text-warn" role="status">
            ● live updates paused{log.live.error ? `: ${log.live.error}` : ""}
          </span>
        )}
      </div>
      {log.error ? <Alert>{log.error}</Alert> : null}
      {log.rows.length ? (
        <AuditTable rows={log.rows} />
      ) : log.loading || log.error ? null : (
        <EmptyState
          reason={filtered ? "filtered" : "none"}
          title={filtered ? "No audit rows match these filters" : "Nothing recorded yet"}
        />
      )}
      {log.next ? (
        <Button onClick={log.loadMore} disabled={log.loading}>
          {log.loading ? "Loading…" : "Load more"}
        </Button>
      ) : null}
      {log.loading && !log.rows.length ? (
        <p className="text-muted" role="status">
          Loading…
        </p>
      ) : null}
    </div>
  );
}
