// Live resource usage, as the server sends it and the browser draws it (client-safe): what a
// subscription names, one series of samples with fixed columns, and the facts beside it that are
// not a time series (limits, requests, node pressure).

export type UsageTarget =
  | { kind: "container"; containerId: string }
  /** A Docker engine's host totals: every running container summed. */
  | { kind: "engine" }
  | { kind: "pod"; namespace: string; pod: string }
  | { kind: "node"; node: string };

/** One moment: `t` in milliseconds since the epoch, `v` in the order of the series' columns. */
export interface UsagePoint {
  t: number;
  v: (number | null)[];
}

/**
 * Columns per target kind. Docker: CPU in percent of one CPU (as `docker stats`), bytes, bytes per
 * second. Kubernetes: CPU in cores, memory in bytes.
 */
export const USAGE_COLUMNS = {
  container: ["cpu", "memory", "memoryLimit", "netRx", "netTx", "blockRead", "blockWrite"],
  engine: ["cpu", "memory"],
  pod: ["cpu", "memory"],
  node: ["cpu", "memory"],
} as const satisfies Record<UsageTarget["kind"], readonly string[]>;

export type UsageColumn<K extends UsageTarget["kind"]> = (typeof USAGE_COLUMNS)[K][number];

/** CPU and memory, null where not set. */
export interface Resources {
  cpu: number | null;
  memory: number | null;
}

export type UsageInfo =
  | {
      kind: "container";
      running: boolean;
      /** Started with a memory limit (else the engine reports the host's memory as the limit). */
      memoryLimited: boolean;
      /** Totals since the container started, in bytes. */
      totals: { netRx: number; netTx: number; blockRead: number; blockWrite: number };
      pids: number | null;
    }
  | { kind: "engine"; cpus: number; memoryBytes: number; containers: number; omitted: number }
  | {
      kind: "pod";
      /** Per container: the latest usage and what its spec requests and limits. */
      containers: { name: string; usage: Resources; requests: Resources; limits: Resources }[];
    }
  | {
      kind: "node";
      capacity: Resources;
      allocatable: Resources;
      /** MemoryPressure, DiskPressure, PIDPressure: "True" is trouble. */
      pressure: { type: string; status: string; message: string | null }[];
    };

export interface UsageSeries {
  columns: readonly string[];
  /** How often a sample arrives. */
  intervalMs: number;
  /** How far back the server keeps samples (and the chart shows). */
  historyMs: number;
  points: UsagePoint[];
  info: UsageInfo | null;
}

export const USAGE_HISTORY_MS = 15 * 60_000;
