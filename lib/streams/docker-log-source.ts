// Logs of one Docker container: the engine's follow stream, demultiplexed into stdout and stderr,
// with the engine's timestamps.
import { StringDecoder } from "node:string_decoder";
import type Docker from "dockerode";
import { dockerDemuxer, lineCollector } from "./docker-demux";
import { toNanos, type LogLine } from "./log-line";
import type { LogSource } from "./log-source";

/** A TTY's output is not multiplexed: one stream, lines as they complete. */
function ttyLines(onLines: (lines: LogLine[]) => void): (chunk: Buffer) => void {
  const collector = lineCollector();
  // A chunk may end inside a character.
  const decoder = new StringDecoder("utf8");
  return (chunk) => {
    const lines: LogLine[] = [];
    collector.add("stdout", decoder.write(chunk), lines);
    if (lines.length) onLines(lines);
  };
}

export function dockerLogSource(options: {
  endpointId: string;
  docker: Docker;
  containerId: string;
  label: string;
  /** The engine's own ID (docker info), when known: the same container through two endpoints is one. */
  engineId?: string;
  /** Whether the container has a TTY (its log is then not multiplexed), when already inspected. */
  tty?: boolean;
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
      // A container's TTY is fixed when it is created: asked (beside the logs, not after) only
      // when the caller did not already know.
      const tty =
        options.tty === undefined ? container.inspect().then((info) => info.Config.Tty) : Promise.resolve(options.tty);
      // Its failure is handled once the logs call is answered (it must not count as unhandled before).
      tty.catch(() => {});
      const raw = (await container.logs({
        follow: true,
        stdout: true,
        stderr: true,
        timestamps: true,
        tail: since ? undefined : tail,
        since: sinceArg,
      })) as unknown as NodeJS.ReadableStream & { destroy(): void };
      // The follow stream is open: it must not outlive a failed inspect.
      const hasTty = await tty.catch((error: unknown) => {
        raw.destroy();
        throw error;
      });
      let ended = false;
      const end = (error?: Error) => {
        if (ended) return;
        ended = true;
        onEnd(error);
      };
      const deliver = (lines: LogLine[]) => !ended && onLines(lines);
      const feed = hasTty ? ttyLines(deliver) : dockerDemuxer(deliver);
      // Read in paused mode: the engine flushes every line as its own HTTP chunk, and read() hands
      // over everything buffered at once (one batch for the hub), where "data" would be one event
      // and one parse per line.
      raw.on("readable", () => {
        for (let chunk = raw.read() as Buffer | null; chunk; chunk = raw.read() as Buffer | null) feed(chunk);
      });
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
