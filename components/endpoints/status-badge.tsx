import type { EndpointView } from "@/lib/endpoints/view";

export function StatusBadge({ status }: { status: EndpointView["status"] }) {
  const look = {
    UP: "bg-ok/15 text-ok",
    DOWN: "bg-bad/15 text-bad",
    UNKNOWN: "bg-muted/15 text-muted",
  }[status];
  const label = { UP: "up", DOWN: "down", UNKNOWN: "checking" }[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${look}`}>{label}</span>;
}
