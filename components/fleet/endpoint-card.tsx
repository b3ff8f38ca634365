// One endpoint on the fleet home: status (and why it is down), version, what runs against what
// exists, capacity, recent warnings, tags. Its figures fill in on their own as they are pushed.
import Link from "next/link";
import { Boxes, Container, Cpu, MemoryStick, Server, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import type { EndpointView } from "@/lib/endpoints/view";
import type { FleetSummary } from "@/lib/fleet/fleet-summary";
import { formatBytes } from "@/lib/client/format";
import { StatusBadge } from "../endpoints/status-badge";

function Figure({
  icon,
  label,
  children,
  testId,
}: {
  icon: ReactNode;
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="flex items-center gap-1.5" title={label}>
      {icon}
      <span className="sr-only">{label}: </span>
      <span data-testid={testId}>{children}</span>
    </div>
  );
}

const iconClass = "size-4 shrink-0 text-muted";

function Warnings({ count }: { count: number }) {
  return (
    <Figure
      icon={<TriangleAlert aria-hidden className={`size-4 shrink-0 ${count ? "text-warn" : "text-muted"}`} />}
      label="Warning events in the last hour"
      testId="fleet-warnings"
    >
      {count} warnings (1 h)
    </Figure>
  );
}

function Figures({ summary }: { summary: FleetSummary }) {
  const { docker, kube } = summary;
  if (docker)
    return (
      <>
        <Figure
          icon={<Container aria-hidden className={iconClass} />}
          label="Containers running of total"
          testId="fleet-containers"
        >
          {docker.containers.running} / {docker.containers.total} running
        </Figure>
        <Figure icon={<Cpu aria-hidden className={iconClass} />} label="CPUs">
          {docker.cpus} CPU
        </Figure>
        <Figure icon={<MemoryStick aria-hidden className={iconClass} />} label="Memory">
          {formatBytes(docker.memoryBytes)}
        </Figure>
        <Warnings count={docker.warningsLastHour} />
      </>
    );
  if (!kube) return null;
  return (
    <>
      {kube.nodes ? (
        <Figure icon={<Server aria-hidden className={iconClass} />} label="Nodes ready of total" testId="fleet-nodes">
          {kube.nodes.ready} / {kube.nodes.total} nodes
        </Figure>
      ) : null}
      <Figure icon={<Boxes aria-hidden className={iconClass} />} label="Pods running of total" testId="fleet-pods">
        {kube.pods.running} / {kube.pods.total} pods
      </Figure>
      {kube.capacity ? (
        <>
          <Figure icon={<Cpu aria-hidden className={iconClass} />} label="Allocatable CPU">
            {Math.round(kube.capacity.cpu * 10) / 10} CPU
          </Figure>
          <Figure icon={<MemoryStick aria-hidden className={iconClass} />} label="Allocatable memory">
            {formatBytes(kube.capacity.memoryBytes)}
          </Figure>
        </>
      ) : null}
      <Warnings count={kube.warningsLastHour} />
    </>
  );
}

export function EndpointCard({ endpoint, summary }: { endpoint: EndpointView; summary: FleetSummary | undefined }) {
  const down = endpoint.status === "DOWN";
  return (
    <article
      className="flex flex-col gap-3 rounded-lg border border-line bg-panel p-4"
      data-testid={`fleet-card-${endpoint.name}`}
      aria-label={endpoint.name}
    >
      <header className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <Link href={`/endpoints/${endpoint.id}`} className="block truncate font-semibold hover:underline">
            {endpoint.name}
          </Link>
          <p className="truncate text-xs text-muted">
            {endpoint.kind === "DOCKER" ? "Docker" : "Kubernetes"} · {endpoint.version ?? "version unknown"}
          </p>
        </div>
        <span data-testid="endpoint-status">
          <StatusBadge status={endpoint.status} />
        </span>
      </header>
      {down && endpoint.lastError ? (
        <p className="text-xs text-bad" data-testid="fleet-down-reason">
          {endpoint.lastError}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-x-3 gap-y-1.5 text-sm" aria-live="polite">
        {!summary ? (
          <p className="col-span-2 text-muted">Reading…</p>
        ) : summary.error ? (
          down && endpoint.lastError ? null : (
            <p className="col-span-2 text-xs text-bad" data-testid="fleet-error">
              {summary.error}
            </p>
          )
        ) : (
          <Figures summary={summary} />
        )}
      </div>
      {endpoint.tags.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Tags">
          {endpoint.tags.map((t) => (
            <li key={t} className="rounded bg-canvas px-1.5 py-0.5 text-xs text-muted">
              {t}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
