"use client";

// One clock for every ticking age on a page: components re-render together once a second
// instead of each running its own timer.
import { useSyncExternalStore } from "react";

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * The server, and the browser while it hydrates, see 0: the two must render the same text, and
 * their clocks (and this module's load times) differ. Ages then show "—" until the first render
 * after hydration, a moment later.
 */
export const HYDRATION_NOW = 0;

export const useNow = () =>
  useSyncExternalStore(
    subscribe,
    () => now,
    () => HYDRATION_NOW,
  );

/** kubectl's age: 42s, 5m, 3h, 12d. */
export function kubeAge(since: string | null, nowMs: number): string {
  if (!since || nowMs === HYDRATION_NOW) return "—";
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(since)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}
