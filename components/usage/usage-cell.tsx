"use client";

// A running container's usage in its table row: a CPU sparkline and the latest CPU and memory.
// Rendered only for the rows in view, so rows scrolled away hold no stats stream.
import { column, latest } from "@/lib/client/usage-columns";
import { formatMemory, formatPercent } from "@/lib/client/usage-format";
import { useUsage } from "@/lib/client/use-usage";
import { Sparkline } from "./sparkline";

export function UsageCell({ endpointId, containerId }: { endpointId: string; containerId: string }) {
  const state = useUsage(endpointId, { kind: "container", containerId });
  if (state.error) return <span className="text-xs text-muted">–</span>;
  const cpu = formatPercent(latest(state, "cpu"));
  const memory = formatMemory(latest(state, "memory"));
  // The last 2 minutes: enough to see a trend in a row's width.
  const recent = column(state, "cpu").slice(-120);
  return (
    <span className="flex items-center gap-2 text-xs" data-testid="usage-cell">
      <Sparkline values={recent} max={100} label={`CPU over the last minutes, now ${cpu}`} />
      <span className="truncate tabular-nums">{state.points.length ? `${cpu} · ${memory}` : "…"}</span>
    </span>
  );
}
