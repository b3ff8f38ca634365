// What a terminal session names (client-safe): a Docker container or a pod's container, how to
// start (a shell, a command, or attaching to the main process) and the first size of the screen.

export type TerminalTarget =
  | { kind: "container"; containerId: string }
  /** `container` omitted: the pod's default container (its annotation, else the first). */
  | { kind: "pod"; namespace: string; pod: string; container?: string };

/** "auto": the first of bash, ash and sh that exists in the image. */
export const SHELLS = ["auto", "bash", "ash", "sh"] as const;
export type Shell = (typeof SHELLS)[number];

export type TerminalStart =
  | { mode: "shell"; shell: Shell }
  /** A command line split on blanks (no shell is involved, so nothing is expanded). */
  | { mode: "command"; command: string }
  /** The container's main process (containers started with a TTY). */
  | { mode: "attach" };

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface TerminalRequest {
  endpointId: string;
  target: TerminalTarget;
  start: TerminalStart;
  size: TerminalSize;
}

/** What the audit log and the tab's title call the target. */
export function describeTerminalTarget(target: TerminalTarget): string {
  return target.kind === "container"
    ? `container ${target.containerId}`
    : `pod ${target.namespace}/${target.pod}${target.container ? `/${target.container}` : ""}`;
}

/** What the tab's title calls the way it started. */
export function describeTerminalStart(start: TerminalStart): string {
  if (start.mode === "attach") return "attached";
  return start.mode === "shell" ? (start.shell === "auto" ? "shell" : start.shell) : start.command;
}
