// Severity of a log line, from the formats people actually log in: JSON (`level`, `severity`,
// `lvl`), logfmt (`level=warn`), and a leading level word ("ERROR ...", "[warn] ...", "W0102 ..."
// as klog writes).
export type Severity = "error" | "warn" | "info" | "debug" | "trace";

export const SEVERITIES: Severity[] = ["error", "warn", "info", "debug", "trace"];

const WORDS: Record<string, Severity> = {
  fatal: "error",
  panic: "error",
  crit: "error",
  critical: "error",
  err: "error",
  error: "error",
  warn: "warn",
  warning: "warn",
  info: "info",
  notice: "info",
  debug: "debug",
  dbg: "debug",
  trace: "trace",
};

const KLOG: Record<string, Severity> = { E: "error", F: "error", W: "warn", I: "info" };

function word(value: unknown): Severity | null {
  return typeof value === "string" ? (WORDS[value.toLowerCase()] ?? null) : null;
}

export function detectSeverity(text: string): Severity | null {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      return word(json.level) ?? word(json.severity) ?? word(json.lvl) ?? word(json.loglevel) ?? null;
    } catch {
      // not JSON after all
    }
  }
  const logfmt = /(?:^|\s)(?:level|lvl|severity)=["']?([a-zA-Z]+)/.exec(trimmed);
  if (logfmt) return word(logfmt[1]);
  const klog = /^([EFWI])\d{4} \d{2}:\d{2}:\d{2}/.exec(trimmed);
  if (klog) return KLOG[klog[1]!]!;
  const leading = /^[[(<]?([A-Za-z]+)[\])>:]?(?:\s|$)/.exec(trimmed);
  return leading ? word(leading[1]) : null;
}

/** A JSON line, pretty-printed; null when the line is not a JSON object. */
export function prettyJson(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}
