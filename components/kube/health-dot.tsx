// The colour dot of an object's health, the same in lists and on object pages.
import type { Health } from "@/lib/kube/kinds/kind";

const COLOUR: Record<Health, string> = { ok: "bg-ok", warn: "bg-warn", bad: "bg-bad", idle: "bg-muted" };

export function HealthDot({ health }: { health: Health | null }) {
  if (!health) return null;
  return <span className={`h-2 w-2 shrink-0 rounded-full ${COLOUR[health]}`} title={health} />;
}
