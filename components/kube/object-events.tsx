"use client";

// The events about one object, live: the page's first answer shows at once, then the shared
// events watch of its namespace pushes new and repeated events (filtered to this object on the
// server). Newest first; warnings stand out.
import { useMemo } from "react";
import { kubeAge, useNow } from "@/lib/client/use-now";
import { useKubeRows } from "@/lib/client/use-kube-rows";
import { builtInKind } from "@/lib/kube/kinds/catalog";
import type { KubeEventRow } from "@/lib/kube/object-view";

const EVENT_COLUMNS = builtInKind("events")!.columns.map((c) => c.header);
const cell = (cells: unknown[], header: string) => cells[EVENT_COLUMNS.indexOf(header)];

export function ObjectEvents(props: {
  endpointId: string;
  uid: string;
  namespace: string | null;
  initial: KubeEventRow[];
}) {
  const now = useNow();
  const live = useKubeRows({
    endpointId: props.endpointId,
    resource: "events",
    namespace: props.namespace,
    about: props.uid,
  });
  const events: (KubeEventRow & { key: string })[] = useMemo(() => {
    if (live.loading || live.error) return props.initial.map((e, i) => ({ ...e, key: String(i) }));
    return live.rows
      .map((r) => ({
        key: r.uid,
        type: String(cell(r.cells, "Type") ?? "Normal"),
        reason: String(cell(r.cells, "Reason") ?? ""),
        message: String(cell(r.cells, "Message") ?? ""),
        count: Number(cell(r.cells, "Count") ?? 1),
        last: (cell(r.cells, "Last seen") as string | null) ?? r.created,
      }))
      .sort((a, b) => String(b.last).localeCompare(String(a.last)));
  }, [live, props.initial]);

  if (!events.length) return <span className="text-muted">No events.</span>;
  return (
    <ul className="space-y-1" data-testid="object-events">
      {events.map((e) => (
        <li key={e.key} className={e.type === "Warning" ? "text-warn" : ""}>
          <span className="text-muted">{kubeAge(e.last, now)}</span> <strong>{e.reason}</strong> {e.message}
          {e.count > 1 ? <span className="text-muted"> ×{e.count}</span> : null}
        </li>
      ))}
    </ul>
  );
}
