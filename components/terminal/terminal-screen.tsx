"use client";

// One terminal's screen and a line saying where it stands (opening, running, ended and why).
import "@xterm/xterm/css/xterm.css";
import { useRef } from "react";
import type { TerminalRequest } from "@/lib/streams/terminal/terminal-request";
import { useTerminal } from "@/lib/client/use-terminal";

export function TerminalScreen({ request, label }: { request: Omit<TerminalRequest, "size">; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const { state } = useTerminal(host, request);
  return (
    <div className="space-y-2">
      <div
        ref={host}
        role="region"
        aria-label={`Terminal: ${label}`}
        data-testid="terminal-screen"
        className="h-[65vh] min-h-48 overflow-hidden rounded-md border border-line bg-panel p-2"
      />
      <p className="text-xs text-muted" role="status" data-testid="terminal-state">
        {state.phase === "starting"
          ? "Opening…"
          : state.phase === "open"
            ? "Connected. Ctrl+Shift+C copies the selection; paste with Ctrl+V (or Ctrl+Shift+V)."
            : `Ended: ${state.message}`}
      </p>
    </div>
  );
}
