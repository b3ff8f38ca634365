"use client";

// Several terminals on one target, in tabs (arrow keys move between tabs; Delete or the button closes
// the current one). Hidden tabs stay connected; closing a tab ends its session. The first tab opens
// with the default shell.
import { useRef, useState, type KeyboardEvent } from "react";
import { X } from "lucide-react";
import { describeTerminalStart, type TerminalTarget } from "@/lib/streams/terminal/terminal-request";
import { TerminalLauncher, type LaunchChoice } from "./terminal-launcher";
import { TerminalScreen } from "./terminal-screen";

interface Tab extends LaunchChoice {
  id: number;
  title: string;
}

function tabOf(id: number, choice: LaunchChoice): Tab {
  const where = choice.container ? `${choice.container}: ` : "";
  return { ...choice, id, title: `${id} · ${where}${describeTerminalStart(choice.start)}` };
}

export function TerminalTabs(props: {
  endpointId: string;
  target: TerminalTarget;
  containers?: string[];
  defaultContainer?: string;
  canAttach: boolean;
}) {
  const [tabs, setTabs] = useState<Tab[]>(() => [
    tabOf(1, { container: props.defaultContainer, start: { mode: "shell", shell: "auto" } }),
  ]);
  const [active, setActive] = useState(tabs[0]!.id);
  const tabRefs = useRef(new Map<number, HTMLButtonElement>());

  const open = (choice: LaunchChoice) => {
    const tab = tabOf(Math.max(0, ...tabs.map((t) => t.id)) + 1, choice);
    setTabs((t) => [...t, tab]);
    setActive(tab.id);
  };
  const close = (id: number) => {
    const index = tabs.findIndex((t) => t.id === id);
    const left = tabs.filter((t) => t.id !== id);
    setTabs(left);
    if (active === id && left.length) setActive(left[Math.min(index, left.length - 1)]!.id);
  };
  // Arrow keys move between tabs; Delete closes the focused one.
  const onKey = (e: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === active);
    if (e.key === "Delete" && index >= 0) {
      e.preventDefault();
      return close(active);
    }
    const move = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!move || index < 0) return;
    e.preventDefault();
    const to = tabs[(index + move + tabs.length) % tabs.length]!;
    setActive(to.id);
    tabRefs.current.get(to.id)?.focus();
  };

  const target = (tab: Tab): TerminalTarget =>
    props.target.kind === "pod" ? { ...props.target, container: tab.container } : props.target;

  return (
    <div className="space-y-3">
      <TerminalLauncher
        containers={props.containers}
        defaultContainer={props.defaultContainer}
        canAttach={props.canAttach}
        onOpen={open}
      />
      {tabs.length ? (
        <div className="flex flex-wrap items-end gap-2 border-b border-line">
          <div role="tablist" aria-label="Terminals" className="flex flex-wrap gap-1" onKeyDown={onKey}>
            {tabs.map((tab) => (
              <button
                key={tab.id}
                ref={(el) => void (el ? tabRefs.current.set(tab.id, el) : tabRefs.current.delete(tab.id))}
                role="tab"
                id={`terminal-tab-${tab.id}`}
                aria-selected={tab.id === active}
                aria-controls={`terminal-panel-${tab.id}`}
                aria-keyshortcuts="Delete"
                tabIndex={tab.id === active ? 0 : -1}
                className={`rounded-t-md border border-b-0 border-line px-3 py-1.5 text-sm ${tab.id === active ? "bg-panel font-semibold" : "bg-canvas text-muted"}`}
                onClick={() => setActive(tab.id)}
              >
                {tab.title}
              </button>
            ))}
          </div>
          <button
            className="mb-1 ml-auto inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-muted hover:bg-canvas"
            onClick={() => close(active)}
          >
            <X size={14} aria-hidden />
            Close terminal
          </button>
        </div>
      ) : (
        <p className="text-muted">No terminal open.</p>
      )}
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`terminal-panel-${tab.id}`}
          aria-labelledby={`terminal-tab-${tab.id}`}
          hidden={tab.id !== active}
        >
          <TerminalScreen
            label={tab.title}
            request={{ endpointId: props.endpointId, target: target(tab), start: tab.start }}
          />
        </div>
      ))}
    </div>
  );
}
