"use client";

// A moment in a list: "5 min ago" (or the day it comes) with the full local time on hover. The
// server (and hydration) render the UTC minute: the browser's time zone is only known there.
import { useSyncExternalStore } from "react";
import { useNow } from "@/lib/client/use-now";

const noSubscription = () => () => {};

function ago(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

export function When({ iso, empty = "never" }: { iso: string | null; empty?: string }) {
  const now = useNow();
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!iso) return <>{empty}</>;
  const at = new Date(iso);
  const text = !inBrowser
    ? `${iso.slice(0, 16).replace("T", " ")} UTC`
    : at.getTime() > now + 60_000
      ? `on ${at.toLocaleDateString()}`
      : ago(now - at.getTime());
  return (
    <time dateTime={iso} title={inBrowser ? at.toLocaleString() : undefined}>
      {text}
    </time>
  );
}
