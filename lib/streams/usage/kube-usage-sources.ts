// A pod's or a node's usage from metrics.k8s.io: the API server is polled while someone watches
// (that poll is the upstream, shared by every viewer on this instance and read as the endpoint),
// beside the object itself for what is not a time series: requests and limits, capacity and
// pressure conditions. A sample is kept only when metrics-server has scraped anew.
import type { V1Node, V1Pod } from "@kubernetes/client-node";
import type { Endpoint } from "../../db/client";
import { AS_ENDPOINT } from "../../kube/impersonation";
import { kubeApi, type KubeApi } from "../../kube/kube-api";
import { parseQuantity } from "../../kube/quantity";
import { METRICS_API, metricsApiProblem } from "./kube-metrics-api";
import type { UsageSink, UsageSource } from "./usage-source";
import { USAGE_COLUMNS, type Resources, type UsageInfo } from "./usage-types";

/** metrics-server scrapes every 15 s by default; asking more often than that finds nothing new. */
export const METRICS_POLL_MS = 10_000;

type Quantities = Record<string, string> | undefined;
interface PodMetrics {
  timestamp: string;
  containers: { name: string; usage: Quantities }[];
}
interface NodeMetrics {
  timestamp: string;
  usage: Quantities;
}

export const PRESSURE_CONDITIONS = ["MemoryPressure", "DiskPressure", "PIDPressure"];

const resources = (q: Quantities): Resources => ({ cpu: parseQuantity(q?.cpu), memory: parseQuantity(q?.memory) });
const sum = (values: (number | null)[]) =>
  values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** A pod's usage as a point (pod totals) and info (per container, with requests and limits). */
export function podUsage(metrics: PodMetrics, pod: V1Pod | null): { t: number; v: (number | null)[]; info: UsageInfo } {
  const usage = new Map(metrics.containers.map((c) => [c.name, resources(c.usage)]));
  const specs = pod?.spec?.containers ?? metrics.containers.map((c) => ({ name: c.name, resources: undefined }));
  const containers = specs.map((c) => ({
    name: c.name,
    usage: usage.get(c.name) ?? { cpu: null, memory: null },
    requests: resources(c.resources?.requests as Quantities),
    limits: resources(c.resources?.limits as Quantities),
  }));
  const totals = [...usage.values()];
  return {
    t: Date.parse(metrics.timestamp),
    v: [sum(totals.map((u) => u.cpu)), sum(totals.map((u) => u.memory))],
    info: { kind: "pod", containers },
  };
}

export function nodeUsage(
  metrics: NodeMetrics,
  node: V1Node | null,
): { t: number; v: (number | null)[]; info: UsageInfo } {
  const usage = resources(metrics.usage);
  return {
    t: Date.parse(metrics.timestamp),
    v: [usage.cpu, usage.memory],
    info: {
      kind: "node",
      capacity: resources(node?.status?.capacity),
      allocatable: resources(node?.status?.allocatable),
      pressure: (node?.status?.conditions ?? [])
        .filter((c) => PRESSURE_CONDITIONS.includes(c.type))
        .map((c) => ({ type: c.type, status: c.status, message: c.message ?? null })),
    },
  };
}

/** Polls `read` every METRICS_POLL_MS until stopped; pushes a sample when its time is new. */
function poller(
  read: (api: KubeApi) => Promise<{ t: number; v: (number | null)[]; info: UsageInfo }>,
  endpoint: Endpoint,
  what: string,
) {
  return async (sink: UsageSink) => {
    const api = kubeApi(endpoint, AS_ENDPOINT);
    let last = 0;
    let stopped = false;
    const poll = async () => {
      try {
        const { t, v, info } = await read(api);
        if (stopped) return;
        if (t > last) {
          last = t;
          sink.point({ t, v }, info);
        } else sink.point(null, info);
      } catch (error) {
        if (stopped) return;
        // A 404 here names the object: the group itself was there when the watch began.
        sink.status(
          (error as { status?: number }).status === 404
            ? `no metrics for ${what} yet (metrics-server reports it after its first scrape), or it is gone`
            : (metricsApiProblem(error) ?? (error as Error).message),
        );
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), METRICS_POLL_MS);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  };
}

export function kubePodUsageSource(options: { endpoint: Endpoint; namespace: string; pod: string }): UsageSource {
  const { endpoint, namespace, pod } = options;
  const path = `namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
  return {
    key: `kube:${endpoint.id}:pod:${namespace}/${pod}`,
    columns: USAGE_COLUMNS.pod,
    intervalMs: METRICS_POLL_MS,
    open: poller(
      async (api) => {
        const [metrics, object] = await Promise.all([
          api<PodMetrics>({ path: `${METRICS_API}/${path}` }),
          api<V1Pod>({ path: `/api/v1/${path}` }).catch(() => null),
        ]);
        return podUsage(metrics, object);
      },
      endpoint,
      `pod ${namespace}/${pod}`,
    ),
  };
}

export function kubeNodeUsageSource(options: { endpoint: Endpoint; node: string }): UsageSource {
  const { endpoint, node } = options;
  const name = encodeURIComponent(node);
  return {
    key: `kube:${endpoint.id}:node:${node}`,
    columns: USAGE_COLUMNS.node,
    intervalMs: METRICS_POLL_MS,
    open: poller(
      async (api) => {
        const [metrics, object] = await Promise.all([
          api<NodeMetrics>({ path: `${METRICS_API}/nodes/${name}` }),
          api<V1Node>({ path: `/api/v1/nodes/${name}` }).catch(() => null),
        ]);
        return nodeUsage(metrics, object);
      },
      endpoint,
      `node ${node}`,
    ),
  };
}
