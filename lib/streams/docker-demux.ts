// Docker's multiplexed log stream (for containers without a TTY): frames of an 8-byte header —
// stream (1 stdout, 2 stderr), three zero bytes, payload size (big-endian) — then the payload.
// Parsed straight from the socket's chunks into lines, a chunk at a time: the engine sends one
// frame per line, so the payloads of consecutive frames of one stream are gathered as bytes and
// decoded in one call, rather than a decode (or a stream) per frame.
import { splitTimestamp, type LogLine } from "./log-line";

type StreamName = LogLine["stream"];

/** Splits text into lines per stream, keeping each stream's unfinished last line for later. */
export function lineCollector() {
  const rest: Record<StreamName, string> = { stdout: "", stderr: "" };
  return {
    add(stream: StreamName, text: string, out: LogLine[]): void {
      const parts = (rest[stream] + text).split("\n");
      rest[stream] = parts.pop() ?? "";
      pushLines(stream, parts, out);
    },
  };
}

function pushLines(stream: StreamName, parts: string[], out: LogLine[]): void {
  for (const raw of parts) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const { ts, text } = splitTimestamp(line);
    out.push({ ts, stream, text });
  }
}

const NEWLINE = 10;
// Below this, a payload is copied byte by byte: cheaper than a native call for a short line.
const SHORT_PAYLOAD = 64;

/** A demultiplexer fed chunk by chunk; `onLines` gets the whole lines each chunk completes. */
export function dockerDemuxer(onLines: (lines: LogLine[]) => void): (chunk: Buffer) => void {
  // Bytes of each stream's unfinished last line: decoded only once the line is whole, so a
  // character cut in two by a frame or chunk boundary is never decoded in halves.
  const rest: Record<StreamName, Buffer | null> = { stdout: null, stderr: null };
  let scratch = Buffer.allocUnsafe(64 * 1024);
  let pending: Buffer | null = null;

  /** Lines of one run of frames of one stream, gathered in scratch[0, length). */
  const finishRun = (stream: StreamName, length: number, out: LogLine[]) => {
    const lastNewline = length ? scratch.lastIndexOf(NEWLINE, length - 1) : -1;
    if (lastNewline >= 0) {
      const parts = scratch.toString("utf8", 0, lastNewline).split("\n");
      pushLines(stream, parts, out);
    }
    // Copied, so scratch can be reused.
    rest[stream] = lastNewline + 1 < length ? Buffer.from(scratch.subarray(lastNewline + 1, length)) : null;
  };

  return (chunk) => {
    const buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    const lines: LogLine[] = [];
    // Payloads never exceed the buffer, so this is the most a run can gather.
    const most = buffer.length + (rest.stdout?.length ?? 0) + (rest.stderr?.length ?? 0);
    if (scratch.length < most) scratch = Buffer.allocUnsafe(most);
    let run: StreamName | null = null;
    let length = 0;
    let offset = 0;
    while (buffer.length - offset >= 8) {
      const size = buffer.readUInt32BE(offset + 4);
      if (buffer.length - offset - 8 < size) break;
      const stream = buffer[offset] === 2 ? "stderr" : "stdout";
      if (stream !== run) {
        if (run) finishRun(run, length, lines);
        run = stream;
        length = 0;
        const before = rest[stream];
        if (before) length += before.copy(scratch, 0);
      }
      const start = offset + 8;
      if (size < SHORT_PAYLOAD) for (let i = 0; i < size; i++) scratch[length++] = buffer[start + i]!;
      else length += buffer.copy(scratch, length, start, start + size);
      offset = start + size;
    }
    if (run) finishRun(run, length, lines);
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
