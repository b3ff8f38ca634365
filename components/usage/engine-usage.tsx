"use client";

// A Docker engine's host totals on its overview: every running container's CPU and memory summed,
// against the host's CPUs and memory.
import { column, latest, times } from "@/lib/client/usage-columns";
import { formatMemory, formatPercent } from "@/lib/client/usage-format";
import { useUsage } from "@/lib/client/use-usage";
import { UsageChart } from "./usage-chart";
import { UsageNotice } from "./usage-notice";

export function EngineUsage({ endpointId }: { endpointId: string }) {
  const state = useUsage(endpointId, { kind: "engine" });
  const info = state.info?.kind === "engine" ? state.info : null;
  if (state.loading || !state.points.length || !info) return <UsageNotice state={state} />;
  const t = times(state);
  const cpu = `CPU ${formatPercent(latest(state, "cpu"))} of ${info.cpus * 100} %`;
  const memory = `memory ${formatMemory(latest(state, "memory"))} of ${formatMemory(info.memoryBytes)}`;
  return (
    <section aria-label="Host usage" className="space-y-2">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-muted">Host totals</h2>
      <p className="text-sm" data-testid="usage-summary">
        {cpu}, {memory} — {info.containers} running container{info.containers === 1 ? "" : "s"}
        {info.omitted ? ` (${info.omitted} more not counted)` : ""}
      </p>
      {state.error ? <UsageNotice state={state} /> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <UsageChart
          title="CPU"
          testId="usage-cpu"
          summary={cpu}
          times={t}
          lines={[{ label: "all containers, % of one core", values: column(state, "cpu"), color: "accent" }]}
          format={formatPercent}
        />
        <UsageChart
          title="Memory"
          testId="usage-memory"
          summary={memory}
          times={t}
          lines={[{ label: "all containers (without cache)", values: column(state, "memory"), color: "ok" }]}
          format={formatMemory}
          floor={2 ** 20}
          binary
        />
      </div>
    </section>
  );
}
