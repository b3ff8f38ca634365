// A frame of log lines as it crosses the socket: the lines packed into one binary attachment
// (socket.io sends it as its own binary WebSocket message, without base64 or JSON), so a frame's
// bytes live outside V8's heap on the server and are decoded in one call in the browser.
import type { LogLine } from "./log-line";
import type { LogFrame } from "./viewer-cursor";

export interface WireFrame {
  subscriptionId: string;
  /** Which member of the subscription the lines come from ("" for the subscription itself). */
  member: string;
  /** The lines, as packLines wrote them (a Buffer from the server, an ArrayBuffer in the browser). */
  lines?: Uint8Array | ArrayBuffer;
  skipped?: number;
  status?: LogFrame["status"];
  error?: string;
}

/*
 * Layout, little-endian: u32 version, u32 line count n; n × (u32 timestamp length, u32 text
 * length), both in UTF-16 code units; n × u8 stream (1 = stderr); then every timestamp and text,
 * one after the other, as UTF-8. Lengths in code units let the reader decode all the strings in
 * one call and cut them apart; UTF-8 keeps each unit's count (a lone surrogate becomes U+FFFD).
 */
const VERSION = 1;
const HEADER_BYTES = 8;
const PER_LINE_BYTES = 9;

/** What packFrame needs of a run of lines, wherever they are held (the ring's arena, strings). */
export interface PackSource {
  count: number;
  /** UTF-16 lengths of line i's timestamp and text. */
  tsChars(i: number): number;
  textChars(i: number): number;
  stderr(i: number): boolean;
  /** Byte length of every timestamp and text as UTF-8. */
  stringBytes: number;
  /** Writes the UTF-8 of every timestamp and text, in order, at `at`. */
  writeStrings(target: Buffer, at: number): void;
}

/** One exactly-sized Buffer: on the wire as a binary attachment, off V8's heap on the server. */
export function packFrame(source: PackSource): Buffer {
  const { count } = source;
  const stringsAt = HEADER_BYTES + count * PER_LINE_BYTES;
  const out = Buffer.allocUnsafe(stringsAt + source.stringBytes);
  out.writeUInt32LE(VERSION, 0);
  out.writeUInt32LE(count, 4);
  const streamsAt = HEADER_BYTES + count * 8;
  for (let i = 0; i < count; i++) {
    out.writeUInt32LE(source.tsChars(i), HEADER_BYTES + 8 * i);
    out.writeUInt32LE(source.textChars(i), HEADER_BYTES + 8 * i + 4);
    out[streamsAt + i] = source.stderr(i) ? 1 : 0;
  }
  source.writeStrings(out, stringsAt);
  return out;
}

/** Packs lines held as strings (tests, and anything not served from a ring). */
export function packLines(lines: readonly LogLine[]): Buffer {
  // One string and one UTF-8 write cost less than a write per line.
  const strings = lines.map((l) => l.ts + l.text).join("");
  return packFrame({
    count: lines.length,
    tsChars: (i) => lines[i]!.ts.length,
    textChars: (i) => lines[i]!.text.length,
    stderr: (i) => lines[i]!.stream === "stderr",
    stringBytes: Buffer.byteLength(strings, "utf8"),
    writeStrings: (target, at) => void target.write(strings, at, "utf8"),
  });
}

// ignoreBOM: a line that starts with U+FEFF keeps it (the default would drop it and shift every cut).
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** The lines packLines packed, in order. */
export function unpackLines(packed: Uint8Array | ArrayBuffer): LogLine[] {
  const bytes = packed instanceof Uint8Array ? packed : new Uint8Array(packed);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || view.getUint32(0, true) !== VERSION) throw new Error("unknown log frame");
  const count = view.getUint32(4, true);
  const stringsAt = HEADER_BYTES + count * PER_LINE_BYTES;
  if (stringsAt > bytes.byteLength) throw new Error("truncated log frame");
  const strings = decoder.decode(bytes.subarray(stringsAt));
  const streamsAt = HEADER_BYTES + count * 8;
  const lines: LogLine[] = new Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const tsEnd = at + view.getUint32(HEADER_BYTES + 8 * i, true);
    const textEnd = tsEnd + view.getUint32(HEADER_BYTES + 8 * i + 4, true);
    if (textEnd > strings.length) throw new Error("truncated log frame");
    lines[i] = {
      ts: strings.slice(at, tsEnd),
      stream: bytes[streamsAt + i] === 1 ? "stderr" : "stdout",
      text: strings.slice(tsEnd, textEnd),
    };
    at = textEnd;
  }
  return lines;
}

export function toWire(frame: LogFrame, subscriptionId: string, member: string): WireFrame {
  const wire: WireFrame = { subscriptionId, member };
  if (frame.lines) wire.lines = frame.lines.packed;
  if (frame.skipped) wire.skipped = frame.skipped;
  if (frame.status) wire.status = frame.status;
  if (frame.error) wire.error = frame.error;
  return wire;
}

export function linesOf(wire: WireFrame): LogLine[] {
  return wire.lines ? unpackLines(wire.lines) : [];
}

/** A frame as a receiver sees it once decoded. */
export type ReceivedFrame = Omit<WireFrame, "lines"> & { lines: LogLine[] };

export function receiveFrame(wire: WireFrame): ReceivedFrame {
  return { ...wire, lines: linesOf(wire) };
}
