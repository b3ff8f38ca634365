// What a usage section says instead of empty charts: still loading, not running, or the reason
// the upstream gave (metrics-server not installed, access ended).
import type { UsageState } from "@/lib/client/usage-store";

export function UsageNotice({ state, notRunning }: { state: UsageState; notRunning?: boolean }) {
  const text = state.error ?? (notRunning ? "not running: no usage to show" : "reading usage…");
  return (
    <p className="rounded-lg border border-line bg-panel p-3 text-sm text-muted" data-testid="usage-notice">
      {text}
    </p>
  );
}
