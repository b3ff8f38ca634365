import Link from "next/link";
import type { ReactNode } from "react";
import type { ContainerDetails } from "@/lib/docker/container-details";
import { formatBytes } from "@/lib/client/format";
import { StateBadge } from "./state-badge";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2 rounded-lg border border-line bg-panel p-4">
      <h2 className="font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Pairs({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted">{k}</dt>
          <dd className="break-all font-mono text-xs">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ContainerDetailsView({
  container: c,
  basePath,
  canExec,
}: {
  container: ContainerDetails;
  basePath: string;
  /** Offer the terminal (the person may exec here and the container runs). */
  canExec: boolean;
}) {
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">{c.name}</h1>
        <StateBadge state={c.state.Status} health={c.health?.status} />
        <Link
          href={`${basePath}/logs`}
          className="ml-auto rounded-md border border-line bg-panel px-3 py-1.5 font-medium"
        >
          Logs
        </Link>
        {canExec ? (
          <Link
            href={`${basePath}/terminal`}
            className="rounded-md border border-line bg-panel px-3 py-1.5 font-medium"
          >
            Terminal
          </Link>
        ) : null}
      </div>
      <Section title="Configuration">
        <Pairs
          rows={[
            ["Image", c.image],
            ["Command", [...c.entrypoint, ...c.command].join(" ")],
            ["Working directory", c.workingDir || "/"],
            ["Created", new Date(c.created).toLocaleString()],
            ["Started", c.state.StartedAt],
            ["Exit code", String(c.state.ExitCode)],
            [
              "Restart policy",
              `${c.restartPolicy.name}${c.restartPolicy.maximumRetryCount ? ` (max ${c.restartPolicy.maximumRetryCount})` : ""}`,
            ],
            [
              "Limits",
              `${c.resources.memory ? formatBytes(c.resources.memory) : "no memory limit"} · ${c.resources.nanoCpus ? `${c.resources.nanoCpus / 1e9} CPU` : "no CPU limit"}`,
            ],
          ]}
        />
      </Section>
      <Section title="Environment">
        {c.env.length === 0 ? <p className="text-muted">None.</p> : null}
        <Pairs
          rows={c.env.map((e) => [
            e.name,
            e.value ?? (
              <span key={e.name} className="text-muted">
                hidden (needs operator role)
              </span>
            ),
          ])}
        />
      </Section>
      <Section title="Mounts">
        {c.mounts.length === 0 ? (
          <p className="text-muted">None.</p>
        ) : (
          <Pairs
            rows={c.mounts.map((m) => [
              m.destination,
              `${m.type}: ${m.name ?? m.source}${m.readOnly ? " (read-only)" : ""}`,
            ])}
          />
        )}
      </Section>
      <Section title="Networks and ports">
        <Pairs
          rows={[
            ...c.networks.map((n): [string, ReactNode] => [n.name, n.ipAddress || "—"]),
            ...Object.entries(c.ports).map(([port, bindings]): [string, ReactNode] => [
              port,
              bindings?.map((b) => `${b.hostIp}:${b.hostPort}`).join(", ") ?? "not published",
            ]),
          ]}
        />
      </Section>
      <Section title="Labels">
        <Pairs rows={Object.entries(c.labels)} />
      </Section>
      {c.health ? (
        <Section title={`Health: ${c.health.status}`}>
          <Pairs
            rows={c.health.log.map((l) => [new Date(l.start).toLocaleTimeString(), `exit ${l.exitCode}: ${l.output}`])}
          />
        </Section>
      ) : null}
    </div>
  );
}
