// One sample of the engine's stats stream turned into the figures `docker stats` shows: CPU % of
// one CPU (so 200 % is two busy cores), memory without the page cache, the limit, and network and
// block I/O as totals since the container started. Upstream JSON has nulls its types omit.
import type Docker from "dockerode";

export interface DockerStatsValues {
  /** null on the first sample, which has nothing to compare with. */
  cpuPercent: number | null;
  memory: number;
  memoryLimit: number | null;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number | null;
}

/** The engine sends zero times for a container that is not running. */
export const isRunningSample = (stats: Docker.ContainerStats) => !!stats.read && !stats.read.startsWith("0001-");

function cpuPercent(stats: Docker.ContainerStats): number | null {
  const now = stats.cpu_stats;
  const before = stats.precpu_stats;
  const cpuDelta = (now?.cpu_usage?.total_usage ?? 0) - (before?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (now?.system_cpu_usage ?? 0) - (before?.system_cpu_usage ?? 0);
  if (!before?.system_cpu_usage || systemDelta <= 0 || cpuDelta < 0) return null;
  const cpus = now.online_cpus || now.cpu_usage?.percpu_usage?.length || 1;
  return (cpuDelta / systemDelta) * cpus * 100;
}

/** What `docker stats` counts as used: cgroup v1 minus total_inactive_file (or the cache), v2 minus inactive_file. */
function memoryWithoutCache(memory: Docker.ContainerStats["memory_stats"] | undefined): number {
  const usage = memory?.usage ?? 0;
  const stats = (memory?.stats ?? {}) as Record<string, number | undefined>;
  const cache = stats.total_inactive_file ?? stats.inactive_file ?? stats.cache;
  return cache !== undefined && cache < usage ? usage - cache : usage;
}

function blockBytes(stats: Docker.ContainerStats, op: "read" | "write"): number {
  let sum = 0;
  for (const entry of stats.blkio_stats?.io_service_bytes_recursive ?? [])
    if (entry.op?.toLowerCase() === op) sum += entry.value ?? 0;
  return sum;
}

export function dockerStatsValues(stats: Docker.ContainerStats): DockerStatsValues {
  let netRx = 0;
  let netTx = 0;
  for (const network of Object.values(stats.networks ?? {})) {
    netRx += network.rx_bytes ?? 0;
    netTx += network.tx_bytes ?? 0;
  }
  return {
    cpuPercent: cpuPercent(stats),
    memory: memoryWithoutCache(stats.memory_stats),
    memoryLimit: stats.memory_stats?.limit || null,
    netRx,
    netTx,
    blockRead: blockBytes(stats, "read"),
    blockWrite: blockBytes(stats, "write"),
    pids: stats.pids_stats?.current ?? null,
  };
}
