// A frame of log lines as it crosses the socket: columns instead of one object per line, and
// stderr as a list of positions, which makes the JSON smaller and both ends' (de)serialization
// cheaper at tens of thousands of lines a second.
import type { LogLine } from "./log-line";
import type { LogFrame } from "./viewer-cursor";

export interface WireFrame {
  subscriptionId: string;
  /** Which member of the subscription the lines come from ("" for the subscription itself). */
  member: string;
  ts: string[];
  text: string[];
  /** Positions of the stderr lines. */
  stderr?: number[];
  skipped?: number;
  status?: LogFrame["status"];
  error?: string;
}

export function toWire(frame: LogFrame, subscriptionId: string, member: string): WireFrame {
  const ts: string[] = new Array(frame.lines.length);
  const text: string[] = new Array(frame.lines.length);
  const stderr: number[] = [];
  frame.lines.forEach((line, i) => {
    ts[i] = line.ts;
    text[i] = line.text;
    if (line.stream === "stderr") stderr.push(i);
  });
  const wire: WireFrame = { subscriptionId, member, ts, text };
  if (stderr.length) wire.stderr = stderr;
  if (frame.skipped) wire.skipped = frame.skipped;
  if (frame.status) wire.status = frame.status;
  if (frame.error) wire.error = frame.error;
  return wire;
}

export function linesOf(wire: WireFrame): LogLine[] {
  const stderr = new Set(wire.stderr ?? []);
  return wire.ts.map((ts, i) => ({ ts, text: wire.text[i]!, stream: stderr.has(i) ? "stderr" : "stdout" }));
}
