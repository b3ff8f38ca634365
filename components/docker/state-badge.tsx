const LOOK: Record<string, string> = {
  running: "bg-ok/15 text-ok",
  paused: "bg-warn/15 text-warn",
  restarting: "bg-warn/15 text-warn",
  exited: "bg-muted/15 text-muted",
  created: "bg-muted/15 text-muted",
  dead: "bg-bad/15 text-bad",
};

export function StateBadge({ state, health }: { state: string; health?: string | null }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span
        className={`rounded-full px-2 py-0.5 text-xs font-semibold ${LOOK[state] ?? LOOK.created}`}
        data-testid="container-state"
      >
        {state}
      </span>
      {health ? <span className={`text-xs ${health === "healthy" ? "text-ok" : "text-bad"}`}>{health}</span> : null}
    </span>
  );
}
