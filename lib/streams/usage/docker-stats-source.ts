// A container's usage from the engine's stats stream (one JSON sample a second): CPU, memory and
// its limit, and network and block I/O as rates between samples, with the totals beside.
import type Docker from "dockerode";
import { dockerStatsValues, isRunningSample, type DockerStatsValues } from "./docker-stats-values";
import type { UsageSource } from "./usage-source";
import { USAGE_COLUMNS, type UsageInfo, type UsagePoint } from "./usage-types";

const rate = (now: number, before: number | undefined, seconds: number) =>
  before === undefined || seconds <= 0 || now < before ? null : (now - before) / seconds;

export function dockerStatsSource(options: {
  endpointId: string;
  /** Asked on every open, so a changed credential is picked up. */
  docker: () => Docker;
  /** The container's full id. */
  containerId: string;
  /** Started with a memory limit (inspect's HostConfig.Memory), when known. */
  memoryLimited?: boolean;
}): UsageSource {
  const memoryLimited = options.memoryLimited ?? false;
  return {
    key: `docker:${options.endpointId}:${options.containerId}`,
    columns: USAGE_COLUMNS.container,
    intervalMs: 1_000,
    async open(sink) {
      const stream = (await options
        .docker()
        .getContainer(options.containerId)
        .stats({ stream: true })) as unknown as NodeJS.ReadableStream & { destroy(): void };
      let buffer = "";
      let previous: { t: number; values: DockerStatsValues } | null = null;
      let running: boolean | null = null;
      const sample = (stats: Docker.ContainerStats) => {
        const isRunning = isRunningSample(stats);
        if (!isRunning) {
          previous = null;
          if (running !== false) sink.point(null, { ...notRunning, memoryLimited });
          running = false;
          return;
        }
        running = true;
        const t = Date.parse(stats.read);
        const values = dockerStatsValues(stats);
        const seconds = previous ? (t - previous.t) / 1000 : 0;
        const p = previous?.values;
        const point: UsagePoint = {
          t,
          v: [
            values.cpuPercent,
            values.memory,
            values.memoryLimit,
            rate(values.netRx, p?.netRx, seconds),
            rate(values.netTx, p?.netTx, seconds),
            rate(values.blockRead, p?.blockRead, seconds),
            rate(values.blockWrite, p?.blockWrite, seconds),
          ],
        };
        previous = { t, values };
        const info: UsageInfo = {
          kind: "container",
          running: true,
          memoryLimited,
          totals: {
            netRx: values.netRx,
            netTx: values.netTx,
            blockRead: values.blockRead,
            blockWrite: values.blockWrite,
          },
          pids: values.pids,
        };
        sink.point(point, info);
      };
      stream.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        let newline: number;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (!line) continue;
          try {
            sample(JSON.parse(line) as Docker.ContainerStats);
          } catch {
            // One unreadable sample is skipped; the next second brings another.
          }
        }
        // A sample is a few KB; anything far longer without a newline is not a stats stream.
        if (buffer.length > 1024 * 1024) buffer = "";
      });
      let stopped = false;
      const ended = (error?: Error) => {
        if (stopped) return;
        stopped = true;
        sink.ended(error?.message ?? "the engine closed the stats stream");
      };
      stream.on("end", () => ended());
      stream.on("close", () => ended());
      stream.on("error", (e: Error) => ended(e));
      return () => {
        stopped = true;
        stream.destroy();
      };
    },
  };
}

const notRunning: Extract<UsageInfo, { kind: "container" }> = {
  kind: "container",
  running: false,
  memoryLimited: false,
  totals: { netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0 },
  pids: null,
};
