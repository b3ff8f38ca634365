"use client";

import { useEffect, useState } from "react";
import type { ContainerRow } from "@/lib/docker/container-view";
import type { EndpointView } from "@/lib/endpoints/view";
import type { PodSummary } from "@/lib/kube/pods";
import type { WorkloadSummary } from "@/lib/kube/workloads";
import { api } from "@/lib/client/api";
import type { LogSourceRef } from "@/lib/client/use-log-stream";
import { Button } from "../ui/button";
import { Select } from "../ui/field";

interface Option {
  value: string;
  label: string;
  group: string;
  source: LogSourceRef;
}

async function optionsFor(endpoint: Pick<EndpointView, "id" | "kind">): Promise<Option[]> {
  const endpointId = endpoint.id;
  if (endpoint.kind === "DOCKER") {
    const { containers } = await api<{ containers: ContainerRow[] }>(`/api/endpoints/${endpointId}/docker/containers`);
    const projects = [...new Set(containers.map((c) => c.project).filter((p): p is string => !!p))].sort();
    return [
      ...projects.map((p) => ({
        value: `project:${p}`,
        label: `${p} (every container of the project)`,
        group: "Compose projects",
        source: { endpointId, target: { kind: "labels" as const, selector: `com.docker.compose.project=${p}` } },
      })),
      ...containers.map((c) => ({
        value: c.id,
        label: `${c.name} (${c.state})`,
        group: "Containers",
        source: { endpointId, target: { kind: "container" as const, containerId: c.id } },
      })),
    ];
  }
  const [{ workloads }, { pods }] = await Promise.all([
    api<{ workloads: WorkloadSummary[] }>(`/api/endpoints/${endpointId}/logs/workloads`),
    api<{ pods: PodSummary[] }>(`/api/endpoints/${endpointId}/logs/pods`),
  ]);
  return [
    ...workloads.map((w) => ({
      value: `workload:${w.namespace}/${w.kind}/${w.name}`,
      label: `${w.namespace}/${w.name} (${w.kind.toLowerCase()}: every pod, as they come and go)`,
      group: "Workloads",
      source: {
        endpointId,
        target: { kind: "workload" as const, namespace: w.namespace, workload: w.kind, name: w.name },
      },
    })),
    ...pods.flatMap((p) => {
      const pod = (container: string, suffix: string, previous = false): Option => ({
        value: `${p.namespace}/${p.name}/${container}${previous ? "/previous" : ""}`,
        label: `${p.namespace}/${p.name} · ${container}${suffix} (${p.phase})`,
        group: "Pods",
        source: {
          endpointId,
          target: { kind: "pod", namespace: p.namespace, pod: p.name, container, ...(previous ? { previous } : {}) },
        },
      });
      return [
        ...p.initContainers.map((c) => pod(c, " (init)")),
        ...p.containers.map((c) => pod(c, "")),
        ...p.restarted.map((c) => pod(c, " (previous instance)", true)),
      ];
    }),
  ];
}

// Endpoint → container, compose project, pod, workload, or a label selector on one endpoint or
// every endpoint of its kind; each pick is added to the merged view.
export function SourcePicker({
  endpoints,
  onAdd,
}: {
  endpoints: EndpointView[];
  onAdd: (sources: LogSourceRef[]) => void;
}) {
  const [endpointId, setEndpointId] = useState(endpoints[0]?.id ?? "");
  const [options, setOptions] = useState<Option[]>([]);
  const [choice, setChoice] = useState("");
  const [selector, setSelector] = useState("");
  const [everywhere, setEverywhere] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const endpoint = endpoints.find((e) => e.id === endpointId);
  const docker = endpoint?.kind === "DOCKER";

  // Keyed by id: the page passes a fresh endpoints list whenever the URL changes.
  const kind = endpoint?.kind;
  useEffect(() => {
    if (!kind) return;
    optionsFor({ id: endpointId, kind })
      .then((list) => {
        setOptions(list);
        // Keep what the user chose if it is still there.
        setChoice((current) => (list.some((o) => o.value === current) ? current : (list[0]?.value ?? "")));
        setError(null);
      })
      .catch((e: Error) => {
        setOptions([]);
        setError(e.message);
      });
  }, [endpointId, kind]);

  const groups = [...new Set(options.map((o) => o.group))];
  const addSelector = () => {
    const targets = (everywhere ? endpoints.filter((e) => e.kind === endpoint?.kind) : endpoint ? [endpoint] : []).map(
      (e): LogSourceRef => ({
        endpointId: e.id,
        target:
          e.kind === "DOCKER"
            ? { kind: "labels", selector: selector.trim() }
            : { kind: "selector", selector: selector.trim() },
      }),
    );
    if (targets.length) onAdd(targets);
  };

  return (
    <div className="space-y-2">
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
        <div className="w-[28rem]">
          <Select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Source">
            {groups.map((g) => (
              <optgroup key={g} label={g}>
                {options
                  .filter((o) => o.group === g)
                  .map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <Button
          onClick={() => {
            const picked = options.find((o) => o.value === choice);
            if (picked) onAdd([picked.source]);
          }}
          disabled={!choice}
        >
          Add to view
        </Button>
        {error ? <span className="text-xs text-bad">{error}</span> : null}
      </div>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (selector.trim()) addSelector();
        }}
      >
        <input
          value={selector}
          onChange={(e) => setSelector(e.target.value)}
          placeholder={docker ? "Docker labels, e.g. app=api" : "Label selector, e.g. app=web,tier in (api)"}
          aria-label="Label selector"
          className="w-72 rounded-md border border-line bg-panel px-2.5 py-1.5 font-mono text-xs"
        />
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} /> on every{" "}
          {docker ? "Docker" : "Kubernetes"} endpoint I can see
        </label>
        <Button type="submit" disabled={!selector.trim()}>
          Add by labels
        </Button>
      </form>
    </div>
  );
}
