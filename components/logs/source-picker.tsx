"use client";

import { useEffect, useState } from "react";
import type { ContainerRow } from "@/lib/docker/container-view";
import type { EndpointView } from "@/lib/endpoints/view";
import type { PodSummary } from "@/lib/kube/pods";
import { api } from "@/lib/client/api";
import type { LogSourceRef } from "@/lib/client/use-log-stream";
import { Button } from "../ui/button";
import { Select } from "../ui/field";

// Endpoint → container or pod, added to the view. Several endpoints can be mixed.
export function SourcePicker({
  endpoints,
  onAdd,
}: {
  endpoints: EndpointView[];
  onAdd: (source: LogSourceRef) => void;
}) {
  const [endpointId, setEndpointId] = useState(endpoints[0]?.id ?? "");
  const [options, setOptions] = useState<{ value: string; label: string; source: LogSourceRef }[]>([]);
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const endpoint = endpoints.find((e) => e.id === endpointId);

  useEffect(() => {
    if (!endpoint) return;
    const load =
      endpoint.kind === "DOCKER"
        ? api<{ containers: ContainerRow[] }>(`/api/endpoints/${endpoint.id}/docker/containers`).then((r) =>
            r.containers.map((c) => ({
              value: c.id,
              label: `${c.name} (${c.state})`,
              source: { endpointId: endpoint.id, target: { kind: "container" as const, containerId: c.id } },
            })),
          )
        : api<{ pods: PodSummary[] }>(`/api/endpoints/${endpoint.id}/kube/pods`).then((r) =>
            r.pods.flatMap((p) =>
              p.containers.map((c) => ({
                value: `${p.namespace}/${p.name}/${c}`,
                label: `${p.namespace}/${p.name}${p.containers.length > 1 ? ` · ${c}` : ""} (${p.phase})`,
                source: {
                  endpointId: endpoint.id,
                  target: { kind: "pod" as const, namespace: p.namespace, pod: p.name, container: c },
                },
              })),
            ),
          );
    load
      .then((list) => {
        setOptions(list);
        setChoice(list[0]?.value ?? "");
        setError(null);
      })
      .catch((e: Error) => {
        setOptions([]);
        setError(e.message);
      });
  }, [endpoint]);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="w-56">
        <Select value={endpointId} onChange={(e) => setEndpointId(e.target.value)} aria-label="Endpoint">
          {endpoints.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.kind === "DOCKER" ? "Docker" : "Kubernetes"})
            </option>
          ))}
        </Select>
      </div>
      <div className="w-96">
        <Select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Container or pod">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
      <Button
        onClick={() =>
          options.find((o) => o.value === choice) && onAdd(options.find((o) => o.value === choice)!.source)
        }
        disabled={!choice}
      >
        Add to view
      </Button>
      {error ? <span className="text-xs text-bad">{error}</span> : null}
    </div>
  );
}
