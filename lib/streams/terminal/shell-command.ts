// The argv a terminal runs upstream. "auto" asks the image's /bin/sh for the first shell that
// exists, so a person need not know what an image holds; a named shell runs as itself, so a
// missing one is reported as missing rather than replaced.
import type { TerminalStart } from "./terminal-request";

const AUTO_SCRIPT =
  'TERM="${TERM:-xterm-256color}"; export TERM; ' +
  'for s in bash ash sh; do command -v "$s" >/dev/null 2>&1 && exec "$s"; done; ' +
  'echo "no shell (bash, ash, sh) in this image" >&2; exit 127';

/** null for attach (no new process). */
export function terminalCommand(start: TerminalStart): string[] | null {
  if (start.mode === "attach") return null;
  if (start.mode === "command") return start.command.trim().split(/\s+/);
  return start.shell === "auto" ? ["/bin/sh", "-c", AUTO_SCRIPT] : [start.shell];
}
