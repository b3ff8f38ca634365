"use client";

// The containers of a Docker endpoint, kept current by pushed events.
import { useCallback, useState } from "react";
import type { ContainerRow } from "../docker/container-view";
import { useDockerWatch } from "./use-docker-watch";

const byName = (a: ContainerRow, b: ContainerRow) => a.name.localeCompare(b.name);

export function useContainerRows(endpointId: string, initial: ContainerRow[]) {
  const [rows, setRows] = useState(() => [...initial].sort(byName));
  const onContainer = useCallback((id: string, row: ContainerRow | null) => {
    setRows((all) => {
      const rest = all.filter((r) => r.id !== id);
      return row ? [...rest, row].sort(byName) : rest;
    });
  }, []);
  const live = useDockerWatch(endpointId, { onContainer });
  return { rows, live };
}
