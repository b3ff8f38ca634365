"use client";

// A pod's or a node's live usage from metrics.k8s.io: CPU and memory over the last 15 minutes with
// requests and limits (a pod) or allocatable capacity (a node) drawn beside, a pod's containers in
// a table, and a node's pressure conditions — those from the node itself, so they show even where
// the cluster has no metrics API (which is said plainly instead of empty charts).
import type { KubeObject } from "@/lib/kube/kinds/kind";
import { column, latest, times } from "@/lib/client/usage-columns";
import { formatCores, formatMemory, requestAndLimit } from "@/lib/client/usage-format";
import { useUsage } from "@/lib/client/use-usage";
import type { Resources, UsageInfo } from "@/lib/streams/usage/usage-types";
import { UsageChart, type ChartLine } from "./usage-chart";
import { UsageNotice } from "./usage-notice";

type PodInfo = Extract<UsageInfo, { kind: "pod" }>;
type Condition = { type: string; status: string; message?: string };
const PRESSURE = ["MemoryPressure", "DiskPressure", "PIDPressure"];

/** A pod's requests (those set, summed) and limits (only when every container has one). */
function podLevels(info: PodInfo | null): { requests: Resources; limits: Resources } {
  const total = (pick: (c: PodInfo["containers"][number]) => number | null, all: boolean) => {
    const values = (info?.containers ?? []).map(pick);
    if (!values.length || (all ? values.some((v) => v === null) : values.every((v) => v === null))) return null;
    return values.reduce<number>((a, v) => a + (v ?? 0), 0);
  };
  return {
    requests: { cpu: total((c) => c.requests.cpu, false), memory: total((c) => c.requests.memory, false) },
    limits: { cpu: total((c) => c.limits.cpu, true), memory: total((c) => c.limits.memory, true) },
  };
}

const level = (label: string, value: number | null, count: number, color: ChartLine["color"]): ChartLine[] =>
  value === null ? [] : [{ label, values: Array.from({ length: count }, () => value), color, dash: true }];

function Pressure({ object }: { object: KubeObject }) {
  const conditions = ((object.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter((c) =>
    PRESSURE.includes(c.type),
  );
  if (!conditions.length) return null;
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Pressure" data-testid="node-pressure">
      {conditions.map((c) => (
        <li
          key={c.type}
          title={c.message}
          className={`rounded border px-2 py-0.5 ${c.status === "False" ? "border-line text-ok" : "border-bad text-bad"}`}
        >
          {c.type}: {c.status === "False" ? "no" : c.status === "True" ? "yes" : "unknown"}
        </li>
      ))}
    </ul>
  );
}

export function KubeUsage(props: { endpointId: string; kind: "Pod" | "Node"; object: KubeObject }) {
  const { endpointId, object } = props;
  const isPod = props.kind === "Pod";
  const name = object.metadata.name;
  const state = useUsage(
    endpointId,
    isPod
      ? { kind: "pod", namespace: object.metadata.namespace ?? "default", pod: name }
      : { kind: "node", node: name },
  );
  const pod = state.info?.kind === "pod" ? state.info : null;
  const node = state.info?.kind === "node" ? state.info : null;
  const t = times(state);
  const levels = podLevels(pod);
  const cpuNow = latest(state, "cpu");
  const memoryNow = latest(state, "memory");
  const cpu = isPod
    ? `CPU ${formatCores(cpuNow)}${requestAndLimit(levels.requests, levels.limits, "cpu")}`
    : `CPU ${formatCores(cpuNow)} of ${formatCores(node?.allocatable.cpu)} allocatable`;
  const memory = isPod
    ? `memory ${formatMemory(memoryNow)}${requestAndLimit(levels.requests, levels.limits, "memory")}`
    : `memory ${formatMemory(memoryNow)} of ${formatMemory(node?.allocatable.memory)} allocatable`;
  return (
    <div className="space-y-3">
      {!isPod ? <Pressure object={object} /> : null}
      {state.loading || !state.points.length ? (
        <UsageNotice state={state} />
      ) : (
        <>
          {state.error ? <UsageNotice state={state} /> : null}
          <p className="text-sm" data-testid="usage-summary">
            {cpu}, {memory}
          </p>
          <div className="grid gap-3 md:grid-cols-2">
            <UsageChart
              title="CPU"
              testId="usage-cpu"
              summary={cpu}
              times={t}
              format={formatCores}
              floor={0.01}
              lines={[
                { label: "used", values: column(state, "cpu"), color: "accent" },
                ...level(
                  isPod ? "request" : "allocatable",
                  isPod ? levels.requests.cpu : (node?.allocatable.cpu ?? null),
                  t.length,
                  "warn",
                ),
                ...(isPod ? level("limit", levels.limits.cpu, t.length, "bad") : []),
              ]}
            />
            <UsageChart
              title="Memory"
              testId="usage-memory"
              summary={memory}
              times={t}
              format={formatMemory}
              floor={2 ** 20}
              binary
              lines={[
                { label: "used", values: column(state, "memory"), color: "ok" },
                ...level(
                  isPod ? "request" : "allocatable",
                  isPod ? levels.requests.memory : (node?.allocatable.memory ?? null),
                  t.length,
                  "warn",
                ),
                ...(isPod ? level("limit", levels.limits.memory, t.length, "bad") : []),
              ]}
            />
          </div>
          {pod ? (
            <table className="w-full text-left text-sm" data-testid="usage-containers">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th className="py-1 pr-3">Container</th>
                  <th className="py-1 pr-3">CPU</th>
                  <th className="py-1">Memory</th>
                </tr>
              </thead>
              <tbody>
                {pod.containers.map((c) => (
                  <tr key={c.name} className="border-t border-line">
                    <td className="py-1 pr-3">{c.name}</td>
                    <td className="py-1 pr-3">
                      {formatCores(c.usage.cpu)}
                      {requestAndLimit(c.requests, c.limits, "cpu")}
                    </td>
                    <td className="py-1">
                      {formatMemory(c.usage.memory)}
                      {requestAndLimit(c.requests, c.limits, "memory")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </div>
  );
}
