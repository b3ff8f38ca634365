// An endpoint's status as a coloured dot, with the words for screen readers and a tooltip.
import type { EndpointView } from "@/lib/endpoints/view";

const LOOK: Record<EndpointView["status"], { color: string; label: string }> = {
  UP: { color: "bg-ok", label: "up" },
  DOWN: { color: "bg-bad", label: "down" },
  UNKNOWN: { color: "bg-muted", label: "checking" },
};

export function StatusDot({ status }: { status: EndpointView["status"] }) {
  const { color, label } = LOOK[status];
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={`inline-block size-2 shrink-0 rounded-full ${color}`}
      data-status={status}
    />
  );
}
