"use client";

// How a new terminal starts: which container (pods with several), which shell — the first that
// exists, a named one, a command of one's own — or attached to the main process.
import { useState, type FormEvent } from "react";
import { SHELLS, type Shell, type TerminalStart } from "@/lib/streams/terminal/terminal-request";
import { Button } from "../ui/button";
import { Input, Select } from "../ui/field";

const SHELL_WORDS: Record<Shell, string> = { auto: "First shell that exists", bash: "bash", ash: "ash", sh: "sh" };

export interface LaunchChoice {
  container?: string;
  start: TerminalStart;
}

export function TerminalLauncher(props: {
  /** A pod's containers (a picker shows when there are several); none for a Docker container. */
  containers?: string[];
  defaultContainer?: string;
  /** Attaching is offered for containers started with a TTY. */
  canAttach: boolean;
  onOpen(choice: LaunchChoice): void;
}) {
  const [container, setContainer] = useState(props.defaultContainer ?? props.containers?.[0] ?? "");
  const [how, setHow] = useState<Shell | "command" | "attach">("auto");
  const [command, setCommand] = useState("");

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const start: TerminalStart =
      how === "attach"
        ? { mode: "attach" }
        : how === "command"
          ? { mode: "command", command }
          : { mode: "shell", shell: how };
    props.onOpen({ container: props.containers?.length ? container : undefined, start });
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="New terminal">
      {props.containers && props.containers.length > 1 ? (
        <label className="space-y-1">
          <span className="block text-xs font-medium">Container</span>
          <Select value={container} onChange={(e) => setContainer(e.target.value)}>
            {props.containers.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </label>
      ) : null}
      <label className="space-y-1">
        <span className="block text-xs font-medium">Shell</span>
        <Select value={how} onChange={(e) => setHow(e.target.value as typeof how)} data-testid="terminal-shell">
          {SHELLS.map((s) => (
            <option key={s} value={s}>
              {SHELL_WORDS[s]}
            </option>
          ))}
          <option value="command">A command…</option>
          {props.canAttach ? <option value="attach">Attach to the main process</option> : null}
        </Select>
      </label>
      {how === "command" ? (
        <label className="min-w-64 flex-1 space-y-1">
          <span className="block text-xs font-medium">Command</span>
          <Input
            value={command}
            required
            maxLength={1000}
            placeholder="python3 -i"
            onChange={(e) => setCommand(e.target.value)}
          />
        </label>
      ) : null}
      <Button type="submit" variant="primary">
        Open terminal
      </Button>
    </form>
  );
}
