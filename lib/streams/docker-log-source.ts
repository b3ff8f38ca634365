// Logs of one Docker container: the engine's follow stream, demultiplexed into stdout and stderr,
// with the engine's timestamps.
import type Docker from "dockerode";
import { dockerDemuxer, lineCollector } from "./docker-demux";
import { toNanos, type LogLine } from "./log-line";
import type { LogSource } from "./log-source";

/**
 * The engine sends one frame per line: gather the lines of one event-loop turn into one batch,
 * so the hub and every viewer's queue handle a few large batches instead of many single lines.
 */
function batcher(emit: (lines: LogLine[]) => void) {
  let batch: LogLine[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!batch.length) return;
    const lines = batch;
    batch = [];
    emit(lines);
  };
  return {
    add(lines: LogLine[]) {
      for (const line of lines) batch.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

export function dockerLogSource(options: {
  endpointId: string;
  docker: Docker;
  containerId: string;
  label: string;
  /** The engine's own ID (docker info), when known: the same container through two endpoints is one. */
  engineId?: string;
}): LogSource {
  return {
    key: `docker:${options.endpointId}:${options.containerId}`,
    label: options.label,
    endpointId: options.endpointId,
    identity: options.engineId ? `docker-engine:${options.engineId}:${options.containerId}` : undefined,
    async open({ since, tail }, onLines, onEnd) {
      const container = options.docker.getContainer(options.containerId);
      const sinceArg = since
        ? (() => {
            // The engine takes fractional seconds; ask from the same second and let the hub drop repeats.
            const nanos = toNanos(since);
            return Number(nanos / 1_000_000_000n);
          })()
        : undefined;
      const raw = (await container.logs({
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        tail: since ? undefined : tail,
        since: sinceArg,
      })) as unknown as NodeJS.ReadableStream & { destroy(): void };
      // The follow stream is open: it must not outlive a failed inspect.
      const info = await container.inspect().catch((error: unknown) => {
        raw.destroy();
        throw error;
      });
      let ended = false;
      const batch = batcher((lines) => !ended && onLines(lines));
      const end = (error?: Error) => {
        if (ended) return;
        batch.flush();
        ended = true;
        onEnd(error);
      };
      if (info.Config.Tty) {
        const collector = lineCollector();
        raw.on("data", (chunk: Buffer) => {
          const lines: LogLine[] = [];
          collector.add("stdout", chunk.toString("utf8"), lines);
          if (lines.length) batch.add(lines);
        });
      } else {
        raw.on("data", dockerDemuxer(batch.add));
      }
      raw.on("end", () => end());
      raw.on("close", () => end());
      raw.on("error", (e: Error) => end(e));
      return () => {
        ended = true;
        raw.destroy();
      };
    },
  };
}
