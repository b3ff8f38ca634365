"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { EndpointView } from "@/lib/endpoints/view";
import { useLiveEndpoints } from "@/lib/client/use-live-endpoints";
import { StatusBadge } from "./status-badge";

function ago(iso: string | null): string {
  if (!iso) return "never";
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return new Date(iso).toLocaleString();
}

export function EndpointTable({ initial }: { initial: EndpointView[] }) {
  const { endpoints, connected } = useLiveEndpoints(initial);
  const router = useRouter();
  if (endpoints.length === 0) return <p className="text-muted">No endpoints yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-panel">
      {!connected ? <p className="px-3 py-1.5 text-xs text-warn">Live updates paused: reconnecting…</p> : null}
      <table className="w-full text-left">
        <thead className="border-b border-line text-xs uppercase text-muted">
          <tr>
            {["Name", "Kind", "Address", "Version", "Status", "Last checked"].map((h) => (
              <th key={h} className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr
              key={e.id}
              data-testid={`endpoint-row-${e.name}`}
              className="cursor-pointer border-b border-line last:border-0 hover:bg-canvas"
              onClick={() => router.push(`/endpoints/${e.id}`)}
            >
              <td className="px-3 py-2 font-medium">
                <Link href={`/endpoints/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
                  {e.name}
                </Link>
              </td>
              <td className="px-3 py-2">{e.kind === "DOCKER" ? "Docker" : "Kubernetes"}</td>
              <td className="px-3 py-2 font-mono text-xs">{e.url}</td>
              <td className="px-3 py-2" data-testid="endpoint-version">
                {e.version ?? "—"}
              </td>
              <td className="px-3 py-2" data-testid="endpoint-status">
                <StatusBadge status={e.status} />
                {e.status === "DOWN" && e.lastError ? (
                  <span className="ml-2 text-xs text-bad">{e.lastError}</span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-muted">{ago(e.lastCheckedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
