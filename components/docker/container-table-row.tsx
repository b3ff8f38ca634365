"use client";

import Link from "next/link";
import { memo } from "react";
import type { ContainerAction } from "@/lib/docker/container-action-permissions";
import type { ContainerRow } from "@/lib/docker/container-view";
import { formatAgo } from "@/lib/client/format";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { UsageCell } from "../usage/usage-cell";
import { StateBadge } from "./state-badge";

// Memoized: scrolling and live updates re-render only the rows that changed.
export const ContainerTableRow = memo(function ContainerTableRow(props: {
  row: ContainerRow;
  endpointId: string;
  height: number;
  actions: ContainerAction[];
  selected: boolean;
  busy: boolean;
  onToggle(id: string): void;
  onAction(action: ContainerAction, row: ContainerRow): void;
}) {
  const { row: r, endpointId } = props;
  return (
    <tr
      style={{ height: props.height }}
      className="border-b border-line hover:bg-canvas"
      data-testid={`container-row-${r.name}`}
    >
      <td className="px-3">
        <input
          type="checkbox"
          aria-label={`Select ${r.name}`}
          checked={props.selected}
          onChange={() => props.onToggle(r.id)}
        />
      </td>
      <td className="truncate px-3 font-medium">
        <Link href={`/endpoints/${endpointId}/containers/${r.id}`}>{r.name}</Link>
      </td>
      <td className="truncate px-3 font-mono text-xs" title={r.image}>
        {r.image}
      </td>
      <td className="px-3">
        <StateBadge state={r.state} health={r.health} />
      </td>
      <td className="px-3 text-muted" suppressHydrationWarning>
        {/* The server's clock and the browser's differ by the page's trip: only this text may. */}
        {formatAgo(r.created)}
      </td>
      <td className="truncate px-3 font-mono text-xs">{r.ports.join(", ")}</td>
      <td className="truncate px-3">{r.project ?? ""}</td>
      <td className="px-3">
        {r.state === "running" ? <UsageCell endpointId={endpointId} containerId={r.id} /> : null}
      </td>
      <td className="px-3">
        <div className="flex gap-1">
          <Link
            href={`/endpoints/${endpointId}/containers/${r.id}/logs`}
            className="rounded border border-line px-1.5 py-0.5 text-xs hover:bg-canvas"
          >
            logs
          </Link>
          {props.actions.map((a) => {
            const button = (
              <button
                key={a}
                disabled={props.busy}
                onClick={a === "remove" ? undefined : () => props.onAction(a, r)}
                className={`rounded border border-line px-1.5 py-0.5 text-xs hover:bg-canvas disabled:opacity-50 ${a === "remove" || a === "kill" ? "text-bad" : ""}`}
              >
                {a}
              </button>
            );
            return a === "remove" ? (
              <ConfirmDialog
                key={a}
                title={`Remove container ${r.name}?`}
                description={r.state === "running" ? "It is stopped first." : undefined}
                confirmLabel="Remove"
                destructive
                onConfirm={() => props.onAction(a, r)}
              >
                {button}
              </ConfirmDialog>
            ) : (
              button
            );
          })}
        </div>
      </td>
    </tr>
  );
});
