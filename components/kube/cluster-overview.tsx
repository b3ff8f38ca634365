"use client";

// A cluster's front page: version, nodes, capacity against requests (bars), pods and deployments
// by health, and the latest warnings — live, as the cluster changes.
import { formatBytes } from "@/lib/client/format";
import { kubeAge, useNow } from "@/lib/client/use-now";
import { useClusterOverview } from "@/lib/client/use-cluster-overview";
import type { ClusterOverview } from "@/lib/kube/cluster-overview";

function Meter({
  label,
  used,
  total,
  format,
}: {
  label: string;
  used: number;
  total: number;
  format(n: number): string;
}) {
  const share = total ? Math.min(1, used / total) : 0;
  const colour = share > 0.9 ? "bg-bad" : share > 0.7 ? "bg-warn" : "bg-ok";
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="text-muted">
          {format(used)} requested of {format(total)} ({Math.round(share * 100)}%)
        </span>
      </div>
      <div
        className="mt-1 h-2 overflow-hidden rounded bg-canvas"
        role="meter"
        aria-label={label}
        aria-valuenow={Math.round(share * 100)}
      >
        <div className={`h-full ${colour}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

// Whole class names, so Tailwind finds them.
const TONE = { ok: "text-ok", warn: "text-warn", bad: "text-bad" } as const;

function Tile({ label, value, tone }: { label: string; value: string | number; tone?: "ok" | "warn" | "bad" }) {
  return (
    <div className="rounded-lg border border-line bg-panel p-4">
      <div className="text-xs uppercase tracking-wide text-muted">{label}</div>
      <div className={`text-2xl font-semibold ${tone ? TONE[tone] : ""}`}>{value}</div>
    </div>
  );
}

export function ClusterOverviewView(props: { endpointId: string; overview: ClusterOverview }) {
  const { overview: o, ended } = useClusterOverview(props.endpointId, props.overview);
  const now = useNow();
  return (
    <div className="space-y-4" data-testid="cluster-overview">
      {ended ? <p className="text-sm text-warn">{ended}: reload the page.</p> : null}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Tile label="Version" value={o.version ?? "—"} />
        {o.nodes ? (
          <Tile
            label="Nodes ready"
            value={`${o.nodes.ready} / ${o.nodes.ready + o.nodes.notReady}`}
            tone={o.nodes.notReady ? "warn" : "ok"}
          />
        ) : null}
        <Tile label="Namespaces" value={o.namespaces} />
        <Tile
          label="Pods running"
          value={`${o.pods.running}${o.pods.pending ? ` · ${o.pods.pending} pending` : ""}${o.pods.failed ? ` · ${o.pods.failed} failed` : ""}`}
          tone={o.pods.failed ? "bad" : o.pods.pending ? "warn" : "ok"}
        />
        <Tile
          label="Deployments"
          value={`${o.deployments.healthy} healthy${o.deployments.degraded ? ` · ${o.deployments.degraded} degraded` : ""}`}
          tone={o.deployments.degraded ? "warn" : "ok"}
        />
      </div>
      {o.capacity ? (
        <div className="space-y-3 rounded-lg border border-line bg-panel p-4">
          <Meter
            label="CPU"
            used={o.capacity.cpuRequested}
            total={o.capacity.cpu}
            format={(n) => `${n.toFixed(1)} cores`}
          />
          <Meter label="Memory" used={o.capacity.memoryRequested} total={o.capacity.memoryBytes} format={formatBytes} />
        </div>
      ) : null}
      <section className="rounded-lg border border-line bg-panel p-4">
        <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-muted">Warnings</h2>
        {o.warnings.length ? (
          <ul className="space-y-1" data-testid="cluster-warnings">
            {o.warnings.map((w, i) => (
              <li key={i} className="text-warn">
                <span className="text-muted">{kubeAge(w.last, now)}</span>{" "}
                <span className="text-muted">{w.namespace}</span> {w.object}: <strong>{w.reason}</strong> {w.message}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-muted">No warnings.</span>
        )}
      </section>
    </div>
  );
}
