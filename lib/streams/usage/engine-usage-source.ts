// A Docker engine's host totals: the usage of every running container summed every few seconds,
// beside the host's CPUs and memory. Each container's own stats stream is held through the same
// hub, so a container also watched on its page or in the table still has one upstream.
import type Docker from "dockerode";
import type { Endpoint } from "../../db/client";
import { holdEngine } from "../../docker/engine-state/engine-states";
import { dockerStatsSource } from "./docker-stats-source";
import type { UsageHub } from "./usage-hub";
import type { UsageSource } from "./usage-source";
import { USAGE_COLUMNS } from "./usage-types";

/** Containers summed at most: beyond that the total says how many it left out. */
export const MAX_SUMMED_CONTAINERS = 200;
const SUM_EVERY_MS = 2_000;

export function engineUsageSource(options: { endpoint: Endpoint; hub: UsageHub; docker: () => Docker }): UsageSource {
  const { endpoint, hub } = options;
  return {
    key: `docker-engine:${endpoint.id}`,
    columns: USAGE_COLUMNS.engine,
    intervalMs: SUM_EVERY_MS,
    async open(sink) {
      const host = await options.docker().info();
      const engine = holdEngine(endpoint.id);
      if (!engine.containers.current) await engine.containers.relist();
      const followed = new Map<string, { unwatch(): void; latest: { cpu: number; memory: number } | null }>();
      let omitted = 0;

      const follow = () => {
        const running = engine.containers.sorted().filter((r) => r.state === "running");
        omitted = Math.max(0, running.length - MAX_SUMMED_CONTAINERS);
        const wanted = new Set(running.slice(0, MAX_SUMMED_CONTAINERS).map((r) => r.id));
        for (const [id, f] of followed)
          if (!wanted.has(id)) {
            f.unwatch();
            followed.delete(id);
          }
        for (const id of wanted) {
          if (followed.has(id)) continue;
          const entry: { unwatch(): void; latest: { cpu: number; memory: number } | null } = {
            unwatch: () => {},
            latest: null,
          };
          followed.set(id, entry);
          const source = dockerStatsSource({ endpointId: endpoint.id, docker: options.docker, containerId: id });
          entry.unwatch = hub.watch(source, {
            points: (points, info) => {
              const last = points.at(-1);
              if (info?.kind === "container" && !info.running) entry.latest = null;
              if (last) entry.latest = { cpu: last.v[0] ?? 0, memory: last.v[1] ?? 0 };
            },
            status: (error) => {
              if (error) entry.latest = null;
            },
          }).unwatch;
        }
      };

      const total = () => {
        follow();
        let cpu = 0;
        let memory = 0;
        for (const f of followed.values()) {
          cpu += f.latest?.cpu ?? 0;
          memory += f.latest?.memory ?? 0;
        }
        sink.point(
          { t: Date.now(), v: [cpu, memory] },
          { kind: "engine", cpus: host.NCPU, memoryBytes: host.MemTotal, containers: followed.size, omitted },
        );
      };
      follow();
      const timer = setInterval(total, SUM_EVERY_MS);
      timer.unref();
      return () => {
        clearInterval(timer);
        for (const f of followed.values()) f.unwatch();
        followed.clear();
        engine.release();
      };
    },
  };
}
