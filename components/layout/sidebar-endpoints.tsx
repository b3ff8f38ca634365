"use client";

// The person's endpoints in the sidebar, grouped by kind and then by tag, each with its status dot.
import Link from "next/link";
import { Container, Ship } from "lucide-react";
import type { EndpointView } from "@/lib/endpoints/view";
import { StatusDot } from "../ui/status-dot";

const KINDS = [
  { kind: "DOCKER", title: "Docker", Icon: Container },
  { kind: "KUBERNETES", title: "Kubernetes", Icon: Ship },
] as const;

/** Tag → endpoints, an endpoint under each of its tags; untagged ones under "". */
function byTag(endpoints: EndpointView[]): [string, EndpointView[]][] {
  const groups = new Map<string, EndpointView[]>();
  for (const e of endpoints)
    for (const tag of e.tags.length ? e.tags : [""]) groups.set(tag, [...(groups.get(tag) ?? []), e]);
  return [...groups].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
}

export function SidebarEndpoints({ endpoints, currentId }: { endpoints: EndpointView[]; currentId: string | null }) {
  if (!endpoints.length) return <p className="px-2 text-xs text-muted">No endpoints yet.</p>;
  return (
    <nav aria-label="Endpoints" className="space-y-3 text-sm">
      {KINDS.map(({ kind, title, Icon }) => {
        const mine = endpoints.filter((e) => e.kind === kind);
        if (!mine.length) return null;
        const groups = byTag(mine);
        return (
          <div key={kind}>
            <div className="flex items-center gap-1.5 px-2 pb-1 text-xs uppercase tracking-wide text-muted">
              <Icon aria-hidden className="size-3.5" />
              {title}
            </div>
            {groups.map(([tag, members]) => (
              <div key={tag}>
                {groups.length > 1 || tag ? (
                  <div className="px-2 pt-1 text-xs text-muted">{tag ? `#${tag}` : "untagged"}</div>
                ) : null}
                {members.map((e) => (
                  <Link
                    key={e.id}
                    href={`/endpoints/${e.id}`}
                    aria-current={e.id === currentId ? "page" : undefined}
                    className={`flex items-center gap-2 rounded px-2 py-1 ${e.id === currentId ? "bg-accent/15 font-medium" : "text-muted hover:text-ink"}`}
                  >
                    <StatusDot status={e.status} />
                    <span className="truncate">{e.name}</span>
                  </Link>
                ))}
              </div>
            ))}
          </div>
        );
      })}
    </nav>
  );
}
