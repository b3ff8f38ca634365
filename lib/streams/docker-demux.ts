// Docker's multiplexed log stream (for containers without a TTY): frames of an 8-byte header —
// stream (1 stdout, 2 stderr), three zero bytes, payload size (big-endian) — then the payload.
// Parsed straight from the socket's chunks into lines, a chunk at a time (the engine sends one
// frame per line, so going through a stream per frame costs more than the lines themselves).
import { StringDecoder } from "node:string_decoder";
import { splitTimestamp, type LogLine } from "./log-line";

type StreamName = LogLine["stream"];

/** Splits text into lines per stream, keeping each stream's unfinished last line for later. */
export function lineCollector() {
  const rest: Record<StreamName, string> = { stdout: "", stderr: "" };
  return {
    add(stream: StreamName, text: string, out: LogLine[]): void {
      const parts = (rest[stream] + text).split("\n");
      rest[stream] = parts.pop() ?? "";
      for (const raw of parts) {
        const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        const { ts, text: body } = splitTimestamp(line);
        out.push({ ts, stream, text: body });
      }
    },
  };
}

/** A demultiplexer fed chunk by chunk; `onLines` gets the whole lines each chunk completes. */
export function dockerDemuxer(onLines: (lines: LogLine[]) => void): (chunk: Buffer) => void {
  const collector = lineCollector();
  // A long line comes in several frames, which may cut a character in two.
  const decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };
  let pending: Buffer | null = null;
  return (chunk) => {
    const buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    const lines: LogLine[] = [];
    let offset = 0;
    while (buffer.length - offset >= 8) {
      const size = buffer.readUInt32BE(offset + 4);
      if (buffer.length - offset - 8 < size) break;
      const stream = buffer[offset] === 2 ? "stderr" : "stdout";
      collector.add(stream, decoders[stream].write(buffer.subarray(offset + 8, offset + 8 + size)), lines);
      offset += 8 + size;
    }
    // Copied, so a small unfinished frame does not keep a large chunk alive.
    pending = offset < buffer.length ? Buffer.from(buffer.subarray(offset)) : null;
    if (lines.length) onLines(lines);
  };
}

/** A whole multiplexed body (a non-follow read) → its lines. */
export function demuxDockerLog(body: Buffer): LogLine[] {
  const lines: LogLine[] = [];
  dockerDemuxer((batch) => lines.push(...batch))(body);
  return lines;
}
