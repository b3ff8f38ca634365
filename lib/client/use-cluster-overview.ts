"use client";

// A cluster's overview, live: the page's server-rendered figures first, then whatever the server
// pushes as the cluster changes (kube:overview). Asks again after a lost connection.
import { useEffect, useState } from "react";
import type { ClusterOverview } from "../kube/cluster-overview";
import { getSocket } from "./socket";

export function useClusterOverview(endpointId: string, initial: ClusterOverview) {
  const [overview, setOverview] = useState(initial);
  const [ended, setEnded] = useState<string | null>(null);

  useEffect(() => {
    const socket = getSocket();
    let closed = false;
    const follow = () =>
      socket.emit("kube:overview", { endpointId }, (result) => {
        if (closed) return;
        if (result.ok) setOverview(result.data.overview);
      });
    const onOverview = (event: { endpointId: string; overview: ClusterOverview | null; closed: boolean }) => {
      if (event.endpointId !== endpointId) return;
      if (event.overview) setOverview(event.overview);
      if (event.closed) setEnded("your access to this cluster changed");
    };
    socket.on("kube:overview", onOverview);
    socket.on("connect", follow);
    if (socket.connected) follow();
    return () => {
      closed = true;
      socket.emit("kube:overview-stop", { endpointId });
      socket.off("kube:overview", onOverview);
      socket.off("connect", follow);
    };
  }, [endpointId]);

  return { overview, ended };
}
