"use client";

// The keys that work on every page: `/` filters the page's list, `g` then a letter jumps to a
// section (the app's, and the current endpoint's while on it), `?` lists them all. Keys typed into
// a field are left alone.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { typingInto, useRegisterShortcuts, useShortcuts, type Shortcut } from "@/lib/client/shortcuts";

const PREFIX_WAIT_MS = 1500;

/** The list filter of the page: the first visible field marked for it. */
function focusFilter(): boolean {
  const fields = [...document.querySelectorAll<HTMLInputElement>("[data-shortcut-filter]")];
  const field = fields.find((f) => f.offsetParent !== null);
  if (!field) return false;
  field.focus();
  field.select();
  return true;
}

export function KeyboardShortcuts() {
  const router = useRouter();
  const shortcuts = useShortcuts();
  const [helpOpen, setHelpOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const appShortcuts: Shortcut[] = useMemo(
    () => [
      { keys: "g h", description: "Fleet home", group: "Go to", run: () => router.push("/") },
      { keys: "g l", description: "Logs", group: "Go to", run: () => router.push("/logs") },
    ],
    [router],
  );
  useRegisterShortcuts(appShortcuts);

  useEffect(() => {
    let prefix: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
      if (event.key === "/" && focusFilter()) {
        event.preventDefault();
        return;
      }
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      const keys = prefix ? `${prefix} ${event.key}` : event.key;
      prefix = null;
      clearTimeout(timer);
      const found = shortcuts.find((s) => s.keys === keys);
      if (found) {
        event.preventDefault();
        found.run();
      } else if (shortcuts.some((s) => s.keys.startsWith(`${event.key} `))) {
        prefix = event.key;
        timer = setTimeout(() => (prefix = null), PREFIX_WAIT_MS);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      clearTimeout(timer);
    };
  }, [shortcuts]);

  useEffect(() => {
    if (helpOpen) dialog.current?.showModal();
    else dialog.current?.close();
  }, [helpOpen]);

  const groups = [
    {
      name: "Anywhere",
      items: [
        { keys: "/", description: "Filter the list on this page" },
        { keys: "?", description: "These shortcuts" },
      ],
    },
    ...[...new Set(shortcuts.map((s) => s.group))].map((name) => ({
      name,
      items: shortcuts.filter((s) => s.group === name),
    })),
  ];

  return (
    <dialog
      ref={dialog}
      onClose={() => setHelpOpen(false)}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(32rem,90vw)] rounded-lg border border-line bg-panel p-5 text-ink backdrop:bg-black/40"
    >
      <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      {groups.map((g) => (
        <section key={g.name} className="mb-3">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{g.name}</h3>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
            {g.items.map((s) => (
              <div key={s.keys} className="contents">
                <dt>
                  {s.keys.split(" ").map((k, i) => (
                    <kbd key={i} className="mr-1 rounded border border-line bg-canvas px-1.5 font-mono text-xs">
                      {k}
                    </kbd>
                  ))}
                </dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog" className="text-right">
        <button className="rounded-md border border-line px-3 py-1 text-sm">Close</button>
      </form>
    </dialog>
  );
}
