// One endpoint's line on the fleet home: what is running there against what exists, capacity where
// known, recent warnings — or why it could not be read. Client-safe (plain data, pushed as is).

export interface DockerFigures {
  containers: { running: number; total: number };
  images: number;
  cpus: number;
  memoryBytes: number;
  /** Containers that died failing, ran out of memory or turned unhealthy in the last hour. */
  warningsLastHour: number;
}

export interface KubeFigures {
  /** Null when the viewer's grant is limited to namespaces (nodes are cluster-wide). */
  nodes: { ready: number; total: number } | null;
  pods: { running: number; total: number };
  /** Allocatable CPU (cores) and memory (bytes) of the nodes; null as for nodes. */
  capacity: { cpu: number; memoryBytes: number } | null;
  namespaces: number;
  warningsLastHour: number;
}

export interface FleetSummary {
  endpointId: string;
  /** When these figures were computed (ISO time). */
  at: string;
  /** Why the endpoint could not be read (figures then null). */
  error: string | null;
  docker: DockerFigures | null;
  kube: KubeFigures | null;
}

/** How long one endpoint's figures may take before the card says so (the answer is still taken). */
export const FLEET_SUMMARY_TIMEOUT_MS = 5_000;
/** At most one push per endpoint and viewer per this many milliseconds. */
export const FLEET_PUSH_INTERVAL_MS = 1_000;
/** After a failure, the figures are tried again this much later. */
export const FLEET_RETRY_MS = 15_000;
