"use client";

// The rows of one Kubernetes list (one namespace, or every namespace the user may read), live:
// the server's watch cache answers with the current rows and then pushes changes in batches.
// Re-subscribes after a lost connection, and when the server ends the watch because access changed.
import { useEffect, useState } from "react";
import type { KubeRow } from "../kube/kinds/row";
import { getSocket } from "./socket";

interface State {
  key: string;
  rows: KubeRow[];
  error: string | null;
  loading: boolean;
  /** The upstream watch is down (being re-established): rows may be stale. */
  stale: string | null;
}

export function useKubeRows(options: {
  endpointId: string;
  resource: string;
  namespace: string | null;
  /** Only the object with this name. */
  name?: string;
  /** Only the events about the object with this uid. */
  about?: string;
}) {
  const { endpointId, resource, namespace, name, about } = options;
  const key = `${endpointId}|${resource}|${namespace ?? ""}|${name ?? ""}|${about ?? ""}`;
  const [state, setState] = useState<State>({ key: "", rows: [], error: null, loading: true, stale: null });

  useEffect(() => {
    const socket = getSocket();
    const byUid = new Map<string, KubeRow>();
    let watchId: string | null = null;
    let closed = false;
    const publish = (patch: Partial<State> = {}) =>
      setState((s) => ({
        ...(s.key === key ? s : { key, error: null, loading: true, stale: null, rows: [] }),
        rows: [...byUid.values()],
        ...patch,
      }));
    const watch = () =>
      socket.emit(
        "kube:watch",
        {
          endpointId,
          resource,
          ...(namespace ? { namespaces: [namespace] } : {}),
          ...(name ? { name } : {}),
          ...(about ? { about } : {}),
        },
        (result) => {
          if (closed) {
            if (result.ok) socket.emit("kube:unwatch", { watchId: result.data.watchId });
            return;
          }
          if (!result.ok) return publish({ error: result.error, loading: false });
          watchId = result.data.watchId;
          byUid.clear();
          for (const row of result.data.rows) byUid.set(row.uid, row);
          publish({ error: null, loading: false, stale: null });
        },
      );
    const onRows = (event: { watchId: string; upserts: KubeRow[]; deletes: string[] }, ack?: () => void) => {
      ack?.(); // the server sends more only as batches are acknowledged
      if (event.watchId !== watchId) return;
      for (const uid of event.deletes) byUid.delete(uid);
      for (const row of event.upserts) byUid.set(row.uid, row);
      publish();
    };
    const onStatus = (event: { watchId: string; error: string | null; closed: boolean }) => {
      if (event.watchId !== watchId) return;
      if (!event.closed) return publish({ stale: event.error });
      watchId = null;
      // Access changed: ask again (the answer says what is allowed now).
      watch();
    };
    socket.on("kube:rows", onRows);
    socket.on("kube:watch-status", onStatus);
    socket.on("connect", watch);
    if (socket.connected) watch();
    return () => {
      closed = true;
      if (watchId) socket.emit("kube:unwatch", { watchId });
      socket.off("kube:rows", onRows);
      socket.off("kube:watch-status", onStatus);
      socket.off("connect", watch);
    };
  }, [endpointId, resource, namespace, name, about, key]);

  return state.key === key ? state : { key, rows: [], error: null, loading: true, stale: null };
}
