"use client";

// Follows the logs of one or more sources (containers, pods; several endpoints at once) as one
// view. Each source is its own subscription (checked by the server; a source the user may not
// read is left out and reported). Lines are merged by timestamp across sources within a frame,
// kept in a bounded array (the tab's memory stays flat), and rendered once per animation frame.
// After a dropped connection each source resubscribes from its last line: no gap, no repeat.
import { useCallback, useEffect, useRef, useState } from "react";
import type { LogTarget } from "../realtime/events";
import type { LogFrame } from "../streams/client-queue";
import type { LogLine } from "../streams/log-line";
import { detectSeverity, type Severity } from "./log-severity";
import { getSocket } from "./socket";

export const MAX_CLIENT_LINES = 50_000;

export interface LogSourceRef {
  endpointId: string;
  target: LogTarget;
}

export type ViewLine =
  | (LogLine & { seq: number; source: number; severity: Severity | null; marker?: undefined })
  | { seq: number; source: number; marker: string };

const connecting = (n: number): SourceState[] =>
  Array.from({ length: n }, () => ({ label: "…", live: false, message: "connecting" }));

function byTime(a: ViewLine, b: ViewLine): number {
  if (a.marker !== undefined || b.marker !== undefined) return a.seq - b.seq;
  return a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.seq - b.seq;
}

export interface SourceState {
  label: string;
  live: boolean;
  message?: string;
}

/** Where a view starts: the last `tail` lines of each source, or everything after `since`. */
export type LogStart = { tail: number } | { sinceSeconds: number };

export function useLogStream(options: { sources: LogSourceRef[]; start: LogStart; paused: boolean }) {
  const { sources, paused } = options;
  const tail = "tail" in options.start ? options.start.tail : 0;
  const sinceSeconds = "sinceSeconds" in options.start ? options.start.sinceSeconds : 0;
  const sourcesKey = JSON.stringify(sources);
  const store = useRef<ViewLine[]>([]);
  const incoming = useRef<ViewLine[]>([]);
  const held = useRef<ViewLine[]>([]);
  const pausedRef = useRef(paused);
  const scheduled = useRef(false);
  const seq = useRef(0);
  const [lines, setLines] = useState<ViewLine[]>([]);
  const [heldCount, setHeldCount] = useState(0);
  // Per-source status, valid for the current list of sources only.
  const [statesFor, setStatesFor] = useState<{ key: string; list: SourceState[] }>({ key: "", list: [] });
  const states = statesFor.key === sourcesKey ? statesFor.list : connecting(sources.length);

  const publish = useCallback(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    requestAnimationFrame(() => {
      scheduled.current = false;
      // Lines that arrived within this frame, from any source, in timestamp order.
      const batch = incoming.current.sort(byTime);
      incoming.current = [];
      if (pausedRef.current) held.current.push(...batch);
      else store.current.push(...batch);
      const over = store.current.length - MAX_CLIENT_LINES;
      if (over > 0) store.current.splice(0, over);
      setLines(store.current.slice());
      setHeldCount(held.current.length);
    });
  }, []);

  useEffect(() => {
    pausedRef.current = paused;
    if (!paused && held.current.length) {
      store.current.push(...held.current);
      held.current = [];
      publish();
    }
  }, [paused, publish]);

  useEffect(() => {
    const list = JSON.parse(sourcesKey) as LogSourceRef[];
    const socket = getSocket();
    const subscriptionIds: (string | null)[] = list.map(() => null);
    // A "since" start is a resume point in the past: every line after it.
    const startTs = sinceSeconds ? new Date(Date.now() - sinceSeconds * 1000).toISOString() : undefined;
    const lastTs: (string | undefined)[] = list.map(() => startTs);
    store.current = [];
    held.current = [];
    incoming.current = [];
    const update = (change: (list: SourceState[]) => SourceState[]) =>
      setStatesFor((current) => ({
        key: sourcesKey,
        list: change(current.key === sourcesKey ? current.list : connecting(list.length)),
      }));
    const setState = (i: number, patch: Partial<SourceState>) =>
      update((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
    const subscribe = () =>
      list.forEach((source, i) =>
        socket.emit("logs:subscribe", { ...source, tail, since: lastTs[i] }, (result) => {
          if (!result.ok) return setState(i, { live: false, message: result.error });
          subscriptionIds[i] = result.data.subscriptionId;
          setState(i, { label: result.data.label, live: true, message: undefined });
        }),
      );
    const onFrame = (frame: LogFrame & { subscriptionId: string }, ack: () => void) => {
      ack();
      const i = subscriptionIds.indexOf(frame.subscriptionId);
      if (i < 0) return;
      if (frame.skipped)
        incoming.current.push({
          seq: seq.current++,
          source: i,
          marker: `… ${frame.skipped} lines skipped (the view could not keep up) …`,
        });
      // Severity is worked out once per line, as it arrives.
      for (const l of frame.lines)
        incoming.current.push({ ...l, seq: seq.current++, source: i, severity: detectSeverity(l.text) });
      if (frame.lines.length) lastTs[i] = frame.lines.at(-1)!.ts;
      if (frame.status === "reconnecting")
        setState(i, { live: false, message: frame.error ?? "the log stream ended; waiting for it to come back" });
      if (frame.status === "live") setState(i, { live: true, message: undefined });
      if (frame.lines.length || frame.skipped) publish();
    };
    const onDisconnect = () => {
      subscriptionIds.fill(null);
      update((all) =>
        all.map((s) => ({ ...s, live: false, message: "disconnected from Fleetdeck; resuming when back" })),
      );
    };
    socket.on("logs:frame", onFrame);
    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) subscribe();
    return () => {
      for (const id of subscriptionIds) if (id) socket.emit("logs:unsubscribe", { subscriptionId: id });
      socket.off("logs:frame", onFrame);
      socket.off("connect", subscribe);
      socket.off("disconnect", onDisconnect);
    };
  }, [sourcesKey, tail, sinceSeconds, publish]);

  return { lines, states, heldCount };
}
