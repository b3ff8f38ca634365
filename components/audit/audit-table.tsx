"use client";

// The audit rows, newest first: time, actor, address, endpoint, action, target, outcome, and a
// button per row that shows its detail underneath.
import { ChevronDown, ChevronRight } from "lucide-react";
import { Fragment, useState } from "react";
import type { AuditRow } from "@/lib/audit/audit-row";
import { AuditDetail } from "./audit-detail";
import { OutcomeBadge } from "./outcome-badge";

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium", hourCycle: "h23" });

function endpointLabel(row: AuditRow) {
  if (row.endpointName) return row.endpointName;
  return row.endpointId ? <span className="text-muted">deleted endpoint</span> : <span className="text-muted">—</span>;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            <th scope="col" className="w-8 px-2 py-2">
              <span className="sr-only">Detail</span>
            </th>
            <th scope="col" className="px-2 py-2">
              Time
            </th>
            <th scope="col" className="px-2 py-2">
              Actor
            </th>
            <th scope="col" className="px-2 py-2">
              Address
            </th>
            <th scope="col" className="px-2 py-2">
              Endpoint
            </th>
            <th scope="col" className="px-2 py-2">
              Action
            </th>
            <th scope="col" className="px-2 py-2">
              Target
            </th>
            <th scope="col" className="px-2 py-2">
              Outcome
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const expanded = open.has(row.id);
            const detailId = `audit-detail-${row.id}`;
            return (
              <Fragment key={row.id}>
                <tr className="border-b border-line align-top last:border-0" data-testid="audit-row">
                  <td className="px-2 py-1.5">
                    <button
                      type="button"
                      onClick={() => toggle(row.id)}
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailId : undefined}
                      aria-label={`Detail of ${row.action} at ${time(row.at)}`}
                      className="rounded p-0.5 text-muted hover:bg-canvas hover:text-ink"
                    >
                      {expanded ? (
                        <ChevronDown aria-hidden className="size-4" />
                      ) : (
                        <ChevronRight aria-hidden className="size-4" />
                      )}
                    </button>
                  </td>
                  <td className="whitespace-nowrap px-2 py-1.5">
                    <time dateTime={row.at}>{time(row.at)}</time>
                  </td>
                  <td className="px-2 py-1.5 break-all">{row.actorEmail ?? <span className="text-muted">—</span>}</td>
                  <td className="px-2 py-1.5 font-mono text-xs">{row.address ?? ""}</td>
                  <td className="px-2 py-1.5">{endpointLabel(row)}</td>
                  <td className="px-2 py-1.5 font-mono text-xs">{row.action}</td>
                  <td className="px-2 py-1.5 break-all">{row.target ?? ""}</td>
                  <td className="px-2 py-1.5">
                    <OutcomeBadge outcome={row.outcome} />
                  </td>
                </tr>
                {expanded ? (
                  <tr id={detailId} className="border-b border-line bg-canvas last:border-0">
                    <td colSpan={8} className="px-3 py-2">
                      <AuditDetail action={row.action} detail={row.detail} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
