"use client";

// Keyboard shortcuts as data: what is registered while a component is mounted (the app's own
// everywhere, an endpoint's sections on its pages) is what the keys do and what `?` lists.
import { useEffect, useSyncExternalStore } from "react";

export interface Shortcut {
  /** "g c" (g, then c) or a single key ("/", "?"). */
  keys: string;
  description: string;
  group: string;
  run(): void;
}

const registered = new Map<symbol, Shortcut[]>();
const listeners = new Set<() => void>();
let snapshot: Shortcut[] = [];

function changed() {
  // Later registrations win for the same keys (an endpoint's "g o" over none).
  const byKeys = new Map<string, Shortcut>();
  for (const list of registered.values()) for (const s of list) byKeys.set(s.keys, s);
  snapshot = [...byKeys.values()];
  listeners.forEach((l) => l());
}

export function useRegisterShortcuts(shortcuts: Shortcut[]): void {
  useEffect(() => {
    const id = Symbol("shortcuts");
    registered.set(id, shortcuts);
    changed();
    return () => {
      registered.delete(id);
      changed();
    };
  }, [shortcuts]);
}

export function useShortcuts(): Shortcut[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
    () => snapshot,
  );
}

/** Keys typed into a field are text, not shortcuts. */
export function typingInto(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return (
    element.isContentEditable ||
    element.tagName === "INPUT" ||
    element.tagName === "TEXTAREA" ||
    element.tagName === "SELECT" ||
    Boolean(element.closest?.("[contenteditable=true], .cm-editor"))
  );
}
