"use client";

// The rows of one Kubernetes list (one namespace, or every namespace the user may read).
import { useCallback, useEffect, useState } from "react";
import type { KubeRow } from "../kube/kinds/row";
import { api } from "./api";

export function useKubeRows(options: { endpointId: string; resource: string; namespace: string | null }) {
  const { endpointId, resource, namespace } = options;
  const [state, setState] = useState<{ key: string; rows: KubeRow[]; error: string | null; loading: boolean }>({
    key: "",
    rows: [],
    error: null,
    loading: true,
  });
  const key = `${endpointId}|${resource}|${namespace ?? ""}`;
  const load = useCallback(() => {
    const query = namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";
    api<{ rows: KubeRow[] }>(`/api/endpoints/${endpointId}/kube/${resource}${query}`)
      .then((r) => setState({ key, rows: r.rows, error: null, loading: false }))
      .catch((e: Error) => setState({ key, rows: [], error: e.message, loading: false }));
  }, [endpointId, resource, namespace, key]);
  useEffect(load, [load]);
  const current = state.key === key ? state : { key, rows: [], error: null, loading: true };
  return { ...current, reload: load };
}
