"use client";

// The endpoint list, kept current by pushed events (status changes, edits, removals).
import { useEffect, useState } from "react";
import type { EndpointView } from "../endpoints/view";
import { getSocket } from "./socket";

export function useLiveEndpoints(initial: EndpointView[]) {
  const [endpoints, setEndpoints] = useState(initial);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    const socket = getSocket();
    const watch = () => {
      setConnected(true);
      socket.emit("endpoints:watch", () => {});
    };
    const lost = () => setConnected(false);
    const onStatus = (s: Parameters<typeof patch>[0]) => patch(s);
    const patch = (s: Partial<EndpointView> & { id: string }) =>
      setEndpoints((all) => all.map((e) => (e.id === s.id ? { ...e, ...s } : e)));
    const onChanged = ({ endpoint }: { endpoint: EndpointView }) =>
      setEndpoints((all) => {
        const rest = all.filter((e) => e.id !== endpoint.id);
        return [...rest, endpoint].sort((a, b) => a.name.localeCompare(b.name));
      });
    const onRemoved = ({ id }: { id: string }) => setEndpoints((all) => all.filter((e) => e.id !== id));
    socket.on("connect", watch);
    socket.on("disconnect", lost);
    socket.on("endpoint:status", onStatus);
    socket.on("endpoint:changed", onChanged);
    socket.on("endpoint:removed", onRemoved);
    if (socket.connected) watch();
    return () => {
      socket.off("connect", watch);
      socket.off("disconnect", lost);
      socket.off("endpoint:status", onStatus);
      socket.off("endpoint:changed", onChanged);
      socket.off("endpoint:removed", onRemoved);
    };
  }, []);

  return { endpoints, connected };
}
