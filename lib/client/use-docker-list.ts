"use client";

// A list of one listed Docker kind that refetches when the engine reports a change of that kind
// (the descriptor's `staleOn` event type; pushed, not polled).
import { useCallback, useState } from "react";
import type { DockerKind } from "../docker/kinds/kind";
import type { DockerEventSummary } from "../realtime/events";
import { api } from "./api";
import { useDockerWatch } from "./use-docker-watch";

export function useDockerList<T>(endpointId: string, kind: DockerKind<T>, initial: T[]) {
  const [rows, setRows] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const { resource, staleOn } = kind;
  const reload = useCallback(() => {
    api<Record<string, T[]>>(`/api/endpoints/${endpointId}/docker/${resource}`)
      .then((r) => {
        setRows(r[resource] ?? []);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [endpointId, resource]);
  const onOther = useCallback((e: DockerEventSummary) => e.type === staleOn && reload(), [staleOn, reload]);
  const live = useDockerWatch(endpointId, { onOther });
  return { rows, error, reload, live };
}
