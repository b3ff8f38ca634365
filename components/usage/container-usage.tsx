"use client";

// A container's live usage on its page: CPU, memory against its limit, network and block I/O over
// the last 15 minutes, each with the latest figures in words.
import { formatMemory, formatPercent, formatRate, ofLimit } from "@/lib/client/usage-format";
import { column, latest, times } from "@/lib/client/usage-columns";
import { useUsage } from "@/lib/client/use-usage";
import { UsageChart } from "./usage-chart";
import { UsageNotice } from "./usage-notice";

export function ContainerUsage({ endpointId, containerId }: { endpointId: string; containerId: string }) {
  const state = useUsage(endpointId, { kind: "container", containerId });
  const info = state.info?.kind === "container" ? state.info : null;
  if (state.loading || !state.points.length || (info && !info.running))
    return <UsageNotice state={state} notRunning={!!info && !info.running} />;
  const t = times(state);
  const limit = info?.memoryLimited ? latest(state, "memoryLimit") : null;
  const cpu = `CPU ${formatPercent(latest(state, "cpu"))}`;
  const memory = `memory ${formatMemory(latest(state, "memory"))}${ofLimit(limit, formatMemory)}`;
  const totals = info?.totals;
  return (
    <section aria-label="Usage" className="space-y-2">
      {state.error ? <UsageNotice state={state} /> : null}
      <p className="text-sm" data-testid="usage-summary">
        {cpu}, {memory}
        {info?.pids !== null && info?.pids !== undefined ? `, ${info.pids} processes` : ""}
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <UsageChart
          title="CPU"
          testId="usage-cpu"
          summary={cpu}
          times={t}
          lines={[{ label: "CPU % of one core", values: column(state, "cpu"), color: "accent" }]}
          format={formatPercent}
        />
        <UsageChart
          title="Memory"
          testId="usage-memory"
          summary={memory}
          times={t}
          lines={[
            { label: "used (without cache)", values: column(state, "memory"), color: "ok" },
            ...(limit
              ? [{ label: "limit", values: column(state, "memoryLimit"), color: "bad" as const, dash: true }]
              : []),
          ]}
          format={formatMemory}
          floor={2 ** 20}
          binary
        />
        <UsageChart
          title="Network"
          testId="usage-network"
          summary={`in ${formatRate(latest(state, "netRx"))}, out ${formatRate(latest(state, "netTx"))}${totals ? ` (total ${formatMemory(totals.netRx)} in, ${formatMemory(totals.netTx)} out)` : ""}`}
          times={t}
          lines={[
            { label: "in", values: column(state, "netRx"), color: "accent" },
            { label: "out", values: column(state, "netTx"), color: "warn" },
          ]}
          format={formatRate}
          floor={1024}
          binary
        />
        <UsageChart
          title="Block I/O"
          testId="usage-block"
          summary={`read ${formatRate(latest(state, "blockRead"))}, write ${formatRate(latest(state, "blockWrite"))}${totals ? ` (total ${formatMemory(totals.blockRead)} read, ${formatMemory(totals.blockWrite)} written)` : ""}`}
          times={t}
          lines={[
            { label: "read", values: column(state, "blockRead"), color: "accent" },
            { label: "write", values: column(state, "blockWrite"), color: "warn" },
          ]}
          format={formatRate}
          floor={1024}
          binary
        />
      </div>
    </section>
  );
}
