"use client";

// Follows one container's logs. Lines are kept in a bounded array (the tab's memory stays flat on
// a busy container); after a dropped connection it resubscribes from its last line's timestamp,
// so nothing is missed or repeated. Renders are batched to one per animation frame; while paused,
// new lines are held back and counted.
import { useCallback, useEffect, useRef, useState } from "react";
import type { LogFrame } from "../streams/client-queue";
import type { LogLine } from "../streams/log-line";
import { getSocket } from "./socket";

export const MAX_CLIENT_LINES = 50_000;

export type ViewLine = (LogLine & { seq: number; marker?: undefined }) | { seq: number; marker: string };

export function useLogStream(options: { endpointId: string; containerId: string; tail: number; paused: boolean }) {
  const { endpointId, containerId, tail, paused } = options;
  const store = useRef<ViewLine[]>([]);
  const held = useRef<ViewLine[]>([]);
  const pausedRef = useRef(paused);
  const scheduled = useRef(false);
  const seq = useRef(0);
  const [lines, setLines] = useState<ViewLine[]>([]);
  const [heldCount, setHeldCount] = useState(0);
  const [status, setStatus] = useState<{ live: boolean; message?: string }>({ live: false, message: "connecting" });

  const publish = useCallback(() => {
    if (scheduled.current) return;
    scheduled.current = true;
    requestAnimationFrame(() => {
      scheduled.current = false;
      setLines(store.current.slice());
      setHeldCount(held.current.length);
    });
  }, []);

  const append = useCallback(
    (items: ViewLine[]) => {
      store.current.push(...items);
      const over = store.current.length - MAX_CLIENT_LINES;
      if (over > 0) store.current.splice(0, over);
      publish();
    },
    [publish],
  );

  useEffect(() => {
    pausedRef.current = paused;
    if (!paused && held.current.length) {
      const items = held.current;
      held.current = [];
      append(items);
    }
  }, [paused, append]);

  useEffect(() => {
    const socket = getSocket();
    let subscriptionId: string | null = null;
    let lastTs: string | undefined;
    store.current = [];
    held.current = [];
    const subscribe = () => {
      socket.emit(
        "logs:subscribe",
        { endpointId, target: { kind: "container", containerId }, tail, since: lastTs },
        (result) => {
          if (!result.ok) return setStatus({ live: false, message: result.error });
          subscriptionId = result.data.subscriptionId;
          setStatus({ live: true });
        },
      );
    };
    const onFrame = (frame: LogFrame & { subscriptionId: string }, ack: () => void) => {
      ack();
      if (frame.subscriptionId !== subscriptionId) return;
      const items: ViewLine[] = [];
      if (frame.skipped)
        items.push({ seq: seq.current++, marker: `… ${frame.skipped} lines skipped (the view could not keep up) …` });
      for (const l of frame.lines) items.push({ ...l, seq: seq.current++ });
      if (frame.lines.length) lastTs = frame.lines.at(-1)!.ts;
      if (frame.status === "reconnecting")
        setStatus({ live: false, message: frame.error ?? "the log stream ended; waiting for the container" });
      if (frame.status === "live") setStatus({ live: true });
      if (!items.length) return;
      if (pausedRef.current) {
        held.current.push(...items);
        publish();
      } else append(items);
    };
    const onDisconnect = () => {
      subscriptionId = null;
      setStatus({ live: false, message: "disconnected from Fleetdeck; resuming when back" });
    };
    socket.on("logs:frame", onFrame);
    socket.on("connect", subscribe);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) subscribe();
    return () => {
      if (subscriptionId) socket.emit("logs:unsubscribe", { subscriptionId });
      socket.off("logs:frame", onFrame);
      socket.off("connect", subscribe);
      socket.off("disconnect", onDisconnect);
    };
  }, [endpointId, containerId, tail, append, publish]);

  return { lines, status, heldCount };
}
