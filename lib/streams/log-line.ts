// One log line as it travels from an upstream to the browser.
export interface LogLine {
  /** The upstream's own timestamp (RFC 3339 with nanoseconds): ordering and resume point. */
  ts: string;
  stream: "stdout" | "stderr";
  text: string;
}

/** Splits "2024-01-01T00:00:00.123456789Z text" as Docker and Kubernetes write with timestamps on. */
export function splitTimestamp(raw: string): { ts: string; text: string } {
  const space = raw.indexOf(" ");
  if (space > 0 && /^\d{4}-\d{2}-\d{2}T/.test(raw)) return { ts: raw.slice(0, space), text: raw.slice(space + 1) };
  return { ts: new Date().toISOString(), text: raw };
}

/** Orders RFC 3339 timestamps with up to nanosecond precision (string compare is wrong for "…1Z" vs "…12Z"). */
export function compareTs(a: string, b: string): number {
  return toNanos(a) < toNanos(b) ? -1 : toNanos(a) > toNanos(b) ? 1 : 0;
}

export function toNanos(ts: string): bigint {
  const match = /^(.*?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(ts);
  if (!match) return 0n;
  const seconds = BigInt(Math.floor(Date.parse(`${match[1]}${match[3]}`) / 1000));
  const fraction = BigInt((match[2] ?? "").padEnd(9, "0").slice(0, 9) || "0");
  return seconds * 1_000_000_000n + fraction;
}
