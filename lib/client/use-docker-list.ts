"use client";

// A list of one Docker resource kind (images, volumes, networks) that refetches when the engine
// reports a change of that kind (pushed, not polled).
import { useCallback, useState } from "react";
import type { DockerEventSummary } from "../realtime/events";
import { api } from "./api";
import { useDockerWatch } from "./use-docker-watch";

export function useDockerList<T>(endpointId: string, kind: "images" | "volumes" | "networks", initial: T[]) {
  const [rows, setRows] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api<Record<string, T[]>>(`/api/endpoints/${endpointId}/docker/${kind}`)
      .then((r) => {
        setRows(r[kind] ?? []);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [endpointId, kind]);
  const type = kind.slice(0, -1); // "image", "volume", "network"
  const onOther = useCallback((e: DockerEventSummary) => e.type === type && reload(), [type, reload]);
  const live = useDockerWatch(endpointId, { onOther });
  return { rows, error, reload, live };
}
