import type { EngineSummary } from "@/lib/docker/engine-summary";
import { formatBytes } from "@/lib/client/format";

function Stat({ label, value, detail }: { label: string; value: string | number; detail?: string }) {
  return (
    <div className="rounded-lg border border-line bg-panel p-4">
      <div className="text-xs uppercase text-muted">{label}</div>
      <div className="text-2xl font-semibold">{value}</div>
      {detail ? <div className="text-xs text-muted">{detail}</div> : null}
    </div>
  );
}

// Disk usage as one stacked bar: easier to take in at a glance than four numbers.
function DiskBar({ disk }: { disk: EngineSummary["disk"] }) {
  const parts = [
    ["Images", disk.imagesBytes, "bg-accent"],
    ["Containers", disk.containersBytes, "bg-ok"],
    ["Volumes", disk.volumesBytes, "bg-warn"],
    ["Build cache", disk.buildCacheBytes, "bg-muted"],
  ] as const;
  const total = parts.reduce((sum, [, bytes]) => sum + bytes, 0) || 1;
  return (
    <div className="space-y-2 rounded-lg border border-line bg-panel p-4">
      <div className="text-xs uppercase text-muted">Disk usage · {formatBytes(total)}</div>
      <div className="flex h-3 overflow-hidden rounded-full bg-canvas" role="img" aria-label="Disk usage by kind">
        {parts.map(([label, bytes, color]) =>
          bytes > 0 ? (
            <div
              key={label}
              className={color}
              style={{ width: `${(bytes / total) * 100}%` }}
              title={`${label}: ${formatBytes(bytes)}`}
            />
          ) : null,
        )}
      </div>
      <div className="flex flex-wrap gap-4 text-xs">
        {parts.map(([label, bytes, color]) => (
          <span key={label} className="inline-flex items-center gap-1">
            <span className={`inline-block h-2 w-2 rounded-full ${color}`} /> {label} {formatBytes(bytes)}
          </span>
        ))}
      </div>
    </div>
  );
}

export function EngineOverview({ summary }: { summary: EngineSummary }) {
  const c = summary.containers;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Engine" value={summary.version} detail={`API ${summary.apiVersion} · ${summary.os}`} />
        <Stat
          label="Host"
          value={`${summary.cpus} CPU`}
          detail={`${formatBytes(summary.memoryBytes)} memory · ${summary.architecture}`}
        />
        <Stat
          label="Containers"
          value={c.total}
          detail={`${c.running} running · ${c.paused} paused · ${c.stopped} stopped`}
        />
        <Stat
          label="Images · volumes · networks"
          value={`${summary.images} · ${summary.volumes} · ${summary.networks}`}
        />
      </div>
      <DiskBar disk={summary.disk} />
      {summary.warnings.map((w) => (
        <p key={w} className="text-xs text-warn">
          {w}
        </p>
      ))}
    </div>
  );
}
