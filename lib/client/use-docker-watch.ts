"use client";

// Follows a Docker endpoint's pushed events: container rows are patched in place, other kinds
// call `onOther` so their lists can refetch. Says whether the live stream is up.
import { useEffect, useState } from "react";
import type { ContainerRow } from "../docker/container-view";
import type { DockerEventSummary } from "../realtime/events";
import { getSocket } from "./socket";

export function useDockerWatch(
  endpointId: string,
  handlers: {
    onContainer?: (id: string, row: ContainerRow | null) => void;
    onOther?: (event: DockerEventSummary) => void;
  },
) {
  const [live, setLive] = useState<{ connected: boolean; error?: string }>({ connected: false });
  const { onContainer, onOther } = handlers;

  useEffect(() => {
    const socket = getSocket();
    const watch = () =>
      socket.emit("docker:watch", { endpointId }, (result) =>
        setLive(result.ok ? { connected: result.data.connected } : { connected: false, error: result.error }),
      );
    const container = (e: { endpointId: string; id: string; row: ContainerRow | null }) => {
      if (e.endpointId === endpointId) onContainer?.(e.id, e.row);
    };
    const other = (e: DockerEventSummary) => {
      if (e.endpointId === endpointId) onOther?.(e);
    };
    const stream = (e: { endpointId: string; connected: boolean; error?: string }) => {
      if (e.endpointId === endpointId) setLive({ connected: e.connected, error: e.error });
    };
    const lost = () => setLive({ connected: false, error: "connection to Fleetdeck lost" });
    socket.on("connect", watch);
    socket.on("disconnect", lost);
    socket.on("docker:container", container);
    socket.on("docker:event", other);
    socket.on("docker:stream", stream);
    if (socket.connected) watch();
    return () => {
      socket.emit("docker:unwatch", { endpointId });
      socket.off("connect", watch);
      socket.off("disconnect", lost);
      socket.off("docker:container", container);
      socket.off("docker:event", other);
      socket.off("docker:stream", stream);
    };
  }, [endpointId, onContainer, onOther]);

  return live;
}
