"use client";

// The containers of a Docker endpoint, kept current by pushed events.
import { useCallback, useState } from "react";
import type { ContainerRow } from "../docker/container-view";
import { useDockerWatch } from "./use-docker-watch";

export function useContainerRows(endpointId: string, initial: ContainerRow[]) {
  const [rows, setRows] = useState(initial);
  const onContainer = useCallback((id: string, row: ContainerRow | null) => {
    setRows((all) => {
      const rest = all.filter((r) => r.id !== id);
      return row ? [...rest, row].sort((a, b) => a.name.localeCompare(b.name)) : rest;
    });
  }, []);
  const live = useDockerWatch(endpointId, { onContainer });
  return { rows, live };
}
