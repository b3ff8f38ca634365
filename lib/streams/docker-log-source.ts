// Logs of one Docker container: the engine's follow stream, demultiplexed into stdout and stderr,
// with the engine's timestamps.
import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { splitTimestamp, toNanos, type LogLine } from "./log-line";
import type { LogSource } from "./log-source";

function lineSplitter(stream: "stdout" | "stderr", emit: (lines: LogLine[]) => void) {
  let rest = "";
  return (chunk: Buffer) => {
    const text = rest + chunk.toString("utf8");
    const parts = text.split("\n");
    rest = parts.pop() ?? "";
    if (parts.length) emit(parts.map((raw) => ({ ...splitTimestamp(raw.replace(/\r$/, "")), stream })));
  };
}

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
}): LogSource {
  return {
    key: `docker:${options.endpointId}:${options.containerId}`,
    label: options.label,
    endpointId: options.endpointId,
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
      const info = await container.inspect();
      let ended = false;
      const batch = batcher((lines) => !ended && onLines(lines));
      const end = (error?: Error) => {
        if (ended) return;
        batch.flush();
        ended = true;
        onEnd(error);
      };
      if (info.Config.Tty) {
        raw.on("data", lineSplitter("stdout", batch.add));
      } else {
        const out = new PassThrough();
        const err = new PassThrough();
        out.on("data", lineSplitter("stdout", batch.add));
        err.on("data", lineSplitter("stderr", batch.add));
        options.docker.modem.demuxStream(raw, out, err);
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
