export function LiveIndicator({ live }: { live: { connected: boolean; error?: string } }) {
  return live.connected ? (
    <span className="text-xs text-ok" title="Updates are pushed as the engine reports them">
      ● live
    </span>
  ) : (
    <span className="text-xs text-warn" role="status">
      ● live updates paused{live.error ? `: ${live.error}` : ""} — reconnecting
    </span>
  );
}
