"use client";

// Follows the logs of one or more sources (containers, pods; several endpoints at once) as one
// view. Each source is its own subscription (checked by the server; a source the user may not
// read is left out and reported). Lines are merged by timestamp across sources within a frame,
// kept in a bounded array (the tab's memory stays flat), and rendered once per animation frame.
// After a dropped connection each source resubscribes from its last line: no gap, no repeat.
import { useCallback, useEffect, useRef, useState } from "react";
import type { LogMember, LogSearchRequest, LogSearchResult } from "../realtime/events";
import type { LogTarget } from "../streams/log-target";
import { linesOf, type WireFrame } from "../streams/wire-frame";
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

function byTime(a: ViewLine, b: ViewLine): number {
  if (a.marker !== undefined || b.marker !== undefined) return a.seq - b.seq;
  return a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.seq - b.seq;
}

/** What the user asked for (one pick: a container, a workload, labels…) and how that went. */
export interface RequestState {
  label: string;
  /** The server refused it, or its watch is down. */
  error?: string;
}

/** One member of the view (a container, a pod's container): its lines share its colour. */
export interface SourceState {
  label: string;
  live: boolean;
  /** Gone upstream (pod deleted) or finished (a previous instance): not a problem. */
  ended?: boolean;
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
  // Members and requests, valid for the current list of sources only.
  const [view, setView] = useState<{ key: string; states: SourceState[]; requests: RequestState[] }>({
    key: "",
    states: [],
    requests: [],
  });
  const states = view.key === sourcesKey ? view.states : [];
  const requests =
    view.key === sourcesKey ? view.requests : sources.map((): RequestState => ({ label: "…", error: undefined }));
  const subscriptions = useRef<(string | null)[]>([]);

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
    subscriptions.current = subscriptionIds;
    // A "since" start is a resume point in the past: every line after it.
    const since = sinceSeconds ? new Date(Date.now() - sinceSeconds * 1000).toISOString() : undefined;
    // Per request: member key → index into the members list, and the last timestamp received.
    const memberIndex = list.map(() => new Map<string, number>());
    const lastTs = list.map(() => new Map<string, string>());
    let members: SourceState[] = [];
    let requestStates: RequestState[] = list.map(() => ({ label: "…" }));
    store.current = [];
    held.current = [];
    incoming.current = [];
    const render = () => setView({ key: sourcesKey, states: members, requests: requestStates });
    const setRequest = (i: number, patch: Partial<RequestState>) => {
      requestStates = requestStates.map((r, j) => (j === i ? { ...r, ...patch } : r));
      render();
    };
    const setMember = (index: number, patch: Partial<SourceState>) => {
      members = members.map((m, j) => (j === index ? { ...m, ...patch } : m));
      render();
    };
    const subscribe = () =>
      list.forEach((source, i) =>
        socket.emit("logs:subscribe", { ...source, tail, since, resume: Object.fromEntries(lastTs[i]!) }, (result) => {
          if (!result.ok) return setRequest(i, { error: result.error });
          subscriptionIds[i] = result.data.subscriptionId;
          setRequest(i, { label: result.data.label, error: undefined });
        }),
      );
    const onMembers = (event: { subscriptionId: string; joined: LogMember[]; left: string[] }) => {
      const i = subscriptionIds.indexOf(event.subscriptionId);
      if (i < 0) return;
      for (const m of event.joined) {
        const known = memberIndex[i]!.get(m.key);
        if (known !== undefined) setMember(known, { live: true, ended: false, message: undefined });
        else {
          memberIndex[i]!.set(m.key, members.length);
          members = [...members, { label: m.label, live: true }];
        }
      }
      for (const key of event.left) {
        const known = memberIndex[i]!.get(key);
        if (known !== undefined)
          members = members.map((m, j) => (j === known ? { ...m, live: false, ended: true, message: "gone" } : m));
      }
      render();
    };
    const onFrame = (frame: WireFrame, ack: () => void) => {
      ack();
      const i = subscriptionIds.indexOf(frame.subscriptionId);
      if (i < 0) return;
      // Frames without a member speak for the whole request (its pod or event watch).
      if (frame.status === "closed") {
        // The server ended it (access revoked, endpoint deleted): it will not come back by itself.
        subscriptionIds[i] = null;
        return setRequest(i, { error: frame.error ?? "closed by the server" });
      }
      if (!frame.member) return setRequest(i, { error: frame.status === "reconnecting" ? frame.error : undefined });
      const index = memberIndex[i]!.get(frame.member);
      if (index === undefined) return;
      if (frame.skipped)
        incoming.current.push({
          seq: seq.current++,
          source: index,
          marker: `… ${frame.skipped} lines skipped (the view could not keep up) …`,
        });
      const received = linesOf(frame);
      // Severity is worked out once per line, as it arrives.
      for (const l of received)
        incoming.current.push({ ...l, seq: seq.current++, source: index, severity: detectSeverity(l.text) });
      if (received.length) lastTs[i]!.set(frame.member, received.at(-1)!.ts);
      if (frame.status === "reconnecting")
        setMember(index, { live: false, message: frame.error ?? "the log stream ended; waiting for it to come back" });
      if (frame.status === "live") setMember(index, { live: true, message: undefined });
      if (frame.status === "ended") setMember(index, { live: false, ended: true, message: frame.error ?? "ended" });
      if (received.length || frame.skipped) publish();
    };
    const onDisconnect = () => {
      subscriptionIds.fill(null);
      members = members.map((m) =>
        m.ended ? m : { ...m, live: false, message: "disconnected from Fleetdeck; resuming when back" },
      );
      render();
    };
    socket.on("logs:frame", onFrame);
    socket.on("logs:members", onMembers);
    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) subscribe();
    return () => {
      for (const id of subscriptionIds) if (id) socket.emit("logs:unsubscribe", { subscriptionId: id });
      socket.off("logs:frame", onFrame);
      socket.off("logs:members", onMembers);
      socket.off("connect", subscribe);
      socket.off("disconnect", onDisconnect);
    };
  }, [sourcesKey, tail, sinceSeconds, publish]);

  /** Server-side grep across the recent lines of every member of this view. */
  const search = useCallback(
    (request: Omit<LogSearchRequest, "subscriptionIds">) =>
      new Promise<LogSearchResult>((resolve, reject) => {
        const ids = subscriptions.current.filter((id): id is string => id !== null);
        if (!ids.length) return reject(new Error("the view is not connected"));
        getSocket().emit("logs:search", { ...request, subscriptionIds: ids }, (result) =>
          result.ok ? resolve(result.data) : reject(new Error(result.error)),
        );
      }),
    [],
  );

  return { lines, states, requests, heldCount, search };
}
