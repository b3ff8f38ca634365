// A cluster's front page in numbers: version, nodes ready or not, CPU and memory capacity against
// what pods request, workload health, and the latest warnings — within what the person may read.
// Served from the watch cache, so it is cheap to compute again whenever one of its kinds changes.
import type { Endpoint } from "../db/client";
import { allowedNamespaces, type Subject } from "../rbac/authorize";
import { AS_ENDPOINT } from "./impersonation";
import { kubeApi, type KubeApi } from "./kube-api";
import { builtInKind } from "./kinds/catalog";
import { condition } from "./kinds/helpers";
import type { KubeObject } from "./kinds/kind";
import { visibleObjects } from "./list-for-subject";

/** Kubernetes quantities ("500m", "2", "1Gi", "512Mi") as plain numbers (cores, bytes). */
export function quantity(text: unknown): number {
  if (typeof text !== "string" && typeof text !== "number") return 0;
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(String(text));
  if (!match) return 0;
  const value = Number(match[1]);
  const factors: Record<string, number> = {
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
    "": 1,
  };
  return value * (factors[match[2]!] ?? 1);
}

export interface ClusterOverview {
  version: string | null;
  nodes: { ready: number; notReady: number } | null;
  capacity: { cpu: number; memoryBytes: number; cpuRequested: number; memoryRequested: number } | null;
  namespaces: number;
  pods: { running: number; pending: number; failed: number; succeeded: number };
  deployments: { healthy: number; degraded: number };
  warnings: { namespace: string; object: string; reason: string; message: string; last: string | null }[];
  /** Warning events seen in the last hour (all of them, not only the latest listed above). */
  warningsLastHour: number;
}

const podRequests = (pod: KubeObject, resource: "cpu" | "memory") =>
  ((pod.spec as { containers?: { resources?: { requests?: Record<string, string> } }[] })?.containers ?? []).reduce(
    (sum, c) => sum + quantity(c.resources?.requests?.[resource]),
    0,
  );

const VERSION_TTL_MS = 5 * 60_000;
const versions = new Map<string, { at: number; version: Promise<string | null> }>();

/** The API server's version, asked once every few minutes per endpoint. */
function serverVersion(endpoint: Endpoint, api: KubeApi): Promise<string | null> {
  const hit = versions.get(endpoint.id);
  if (hit && Date.now() - hit.at < VERSION_TTL_MS) return hit.version;
  const version = api<{ gitVersion: string }>({ path: "/version" })
    .then((v) => v.gitVersion)
    .catch(() => null);
  versions.set(endpoint.id, { at: Date.now(), version });
  return version;
}

/** The kinds an overview is made of (a live overview follows changes to these). */
export const OVERVIEW_RESOURCES = ["pods", "deployments.apps", "events", "nodes", "namespaces"] as const;

/** Computed from the shared watch cache (the same copy the lists read), within the subject's grants. */
export async function clusterOverview(subject: Subject, endpoint: Endpoint): Promise<ClusterOverview> {
  const api = kubeApi(endpoint, AS_ENDPOINT);
  const allowed = allowedNamespaces(subject, endpoint.id);
  const kind = (id: string) => builtInKind(id)!;
  const visible = (id: (typeof OVERVIEW_RESOURCES)[number]) => visibleObjects(subject, endpoint, api, kind(id));
  const [version, pods, deployments, events, nodes, namespaces] = await Promise.all([
    serverVersion(endpoint, api),
    visible("pods"),
    visible("deployments.apps"),
    visible("events"),
    allowed === "all" ? visible("nodes") : Promise.resolve(null),
    allowed === "all" ? visible("namespaces").then((l) => l.length) : Promise.resolve(allowed.length),
  ]);
  const phase = (p: KubeObject) => (p.status as { phase?: string } | undefined)?.phase;
  const hourAgo = Date.now() - 3600_000;
  const eventTime = (e: KubeObject) =>
    Date.parse(
      (e.lastTimestamp as string | undefined) ??
        (e.eventTime as string | undefined) ??
        e.metadata.creationTimestamp ??
        "",
    );
  const active = pods.filter((p) => phase(p) === "Running" || phase(p) === "Pending");
  return {
    version,
    nodes: nodes && {
      ready: nodes.filter((n) => condition(n, "Ready") === "True").length,
      notReady: nodes.filter((n) => condition(n, "Ready") !== "True").length,
    },
    capacity: nodes && {
      cpu: nodes.reduce(
        (s, n) => s + quantity((n.status as { allocatable?: Record<string, string> })?.allocatable?.cpu),
        0,
      ),
      memoryBytes: nodes.reduce(
        (s, n) => s + quantity((n.status as { allocatable?: Record<string, string> })?.allocatable?.memory),
        0,
      ),
      cpuRequested: active.reduce((s, p) => s + podRequests(p, "cpu"), 0),
      memoryRequested: active.reduce((s, p) => s + podRequests(p, "memory"), 0),
    },
    namespaces,
    pods: {
      running: pods.filter((p) => phase(p) === "Running").length,
      pending: pods.filter((p) => phase(p) === "Pending").length,
      failed: pods.filter((p) => phase(p) === "Failed").length,
      succeeded: pods.filter((p) => phase(p) === "Succeeded").length,
    },
    deployments: {
      healthy: deployments.filter((d) => kind("deployments.apps").health?.(d) !== "warn").length,
      degraded: deployments.filter((d) => kind("deployments.apps").health?.(d) === "warn").length,
    },
    warnings: events
      .filter((e) => e.type === "Warning")
      .map((e) => ({
        namespace: e.metadata.namespace ?? "",
        object: `${(e.involvedObject as { kind?: string })?.kind}/${(e.involvedObject as { name?: string })?.name}`,
        reason: String(e.reason ?? ""),
        message: String(e.message ?? ""),
        last: (e.lastTimestamp as string | undefined) ?? e.metadata.creationTimestamp ?? null,
      }))
      .sort((a, b) => String(b.last).localeCompare(String(a.last)))
      .slice(0, 20),
    warningsLastHour: events.filter((e) => e.type === "Warning" && eventTime(e) >= hourAgo).length,
  };
}
