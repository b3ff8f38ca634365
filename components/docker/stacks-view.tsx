"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { ContainerRow } from "@/lib/docker/container-view";
import { CONTAINER_ACTION_PERMISSIONS as NEEDS } from "@/lib/docker/container-action-permissions";
import { can, type EndpointAccess } from "@/lib/rbac/can";
import { encodeSource } from "@/lib/client/log-sources-param";
import { runContainerActions } from "@/lib/client/run-container-actions";
import { toastContainerResults } from "@/lib/client/toast-container-results";
import { useContainerRows } from "@/lib/client/use-container-rows";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DeployStackForm } from "./deploy-stack-form";
import { LiveIndicator } from "./live-indicator";
import { StateBadge } from "./state-badge";

// Compose projects (com.docker.compose.project), with start / stop / remove of the whole group.
export function StacksView({
  endpointId,
  initial,
  access,
}: {
  endpointId: string;
  initial: ContainerRow[];
  access: EndpointAccess;
}) {
  const { rows, live } = useContainerRows(endpointId, initial);
  const [busy, setBusy] = useState<string | null>(null);
  const stacks = useMemo(() => {
    const groups = new Map<string, ContainerRow[]>();
    for (const r of rows) if (r.project) groups.set(r.project, [...(groups.get(r.project) ?? []), r]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  }, [rows]);

  // Removal is confirmed before this runs (the Remove button's dialog).
  async function run(project: string, action: "start" | "stop" | "remove", members: ContainerRow[]) {
    setBusy(project);
    const targets = members.filter(
      (m) => action === "remove" || (action === "start" ? m.state !== "running" : m.state === "running"),
    );
    const failures = await runContainerActions(endpointId, action, targets);
    setBusy(null);
    toastContainerResults(action, targets, failures);
  }

  const mayStartStop = can(access, NEEDS.start) && can(access, NEEDS.stop);
  const mayRemove = can(access, NEEDS.remove);
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2">
        <h1 className="text-xl font-semibold">Stacks</h1>
        <LiveIndicator live={live} />
      </div>
      {can(access, "resource.write") ? <DeployStackForm endpointId={endpointId} /> : null}
      {stacks.length === 0 ? <p className="text-muted">No containers carry a compose project label.</p> : null}
      {stacks.map(([project, members]) => {
        const running = members.filter((m) => m.state === "running").length;
        return (
          <section
            key={project}
            id={`stack-${project}`}
            className="rounded-lg border border-line bg-panel"
            data-testid={`stack-${project}`}
          >
            <header className="flex items-center gap-3 border-b border-line px-4 py-2">
              <h2 className="font-semibold">{project}</h2>
              <span className="text-muted">
                {running}/{members.length} running
              </span>
              <Link
                href={`/logs?${new URLSearchParams({
                  s: encodeSource({
                    endpointId,
                    target: { kind: "labels", selector: `com.docker.compose.project=${project}` },
                  }),
                })}`}
                className="ml-auto rounded border border-line px-2 py-1 text-xs hover:bg-canvas"
              >
                Logs of every container
              </Link>
              {mayStartStop ? (
                <div className="flex gap-1">
                  <Button disabled={busy === project} onClick={() => void run(project, "start", members)}>
                    Start
                  </Button>
                  <Button disabled={busy === project} onClick={() => void run(project, "stop", members)}>
                    Stop
                  </Button>
                  {mayRemove ? (
                    <ConfirmDialog
                      title={`Remove stack ${project}?`}
                      description={`All ${members.length} of its containers are removed; running ones are stopped first.`}
                      confirmLabel="Remove"
                      destructive
                      onConfirm={() => void run(project, "remove", members)}
                    >
                      <Button variant="danger" disabled={busy === project}>
                        Remove
                      </Button>
                    </ConfirmDialog>
                  ) : null}
                </div>
              ) : null}
            </header>
            <ul className="divide-y divide-line">
              {members.map((m) => (
                <li key={m.id} className="flex items-center gap-3 px-4 py-1.5">
                  <span className="w-48 truncate">{m.service ?? m.name}</span>
                  <StateBadge state={m.state} health={m.health} />
                  <span className="truncate font-mono text-xs text-muted">{m.image}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
