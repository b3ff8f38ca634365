"use client";

// The fleet's figures, one summary per endpoint as the server pushes it (fleet:summary). Watched
// again when the set of endpoints changes, so a new endpoint's card fills in too.
import { useEffect, useState } from "react";
import type { FleetSummary } from "../fleet/fleet-summary";
import { getSocket } from "./socket";

export function useFleetSummaries(endpointIds: string[]): Record<string, FleetSummary> {
  const [summaries, setSummaries] = useState<Record<string, FleetSummary>>({});
  const key = [...endpointIds].sort().join(",");

  useEffect(() => {
    const socket = getSocket();
    const watch = () => socket.emit("fleet:watch", () => {});
    const onSummary = ({ endpointId, summary }: { endpointId: string; summary: FleetSummary | null }) =>
      setSummaries((all) => {
        const next = { ...all };
        if (summary) next[endpointId] = summary;
        else delete next[endpointId];
        return next;
      });
    socket.on("connect", watch);
    socket.on("fleet:summary", onSummary);
    if (socket.connected) watch();
    return () => {
      socket.off("connect", watch);
      socket.off("fleet:summary", onSummary);
      socket.emit("fleet:unwatch");
    };
  }, [key]);

  return summaries;
}
