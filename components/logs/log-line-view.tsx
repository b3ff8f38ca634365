import { memo } from "react";
import { parseAnsi } from "@/lib/client/ansi";
import type { Severity } from "@/lib/client/log-severity";
import type { ViewLine } from "@/lib/client/use-log-stream";

const SEVERITY_MARK: Record<Severity, string> = {
  error: "border-l-bad",
  warn: "border-l-warn",
  info: "border-l-accent",
  debug: "border-l-muted",
  trace: "border-l-muted",
};

function highlight(text: string, filter: string) {
  if (!filter || filter.startsWith("/")) return text;
  const index = text.toLowerCase().indexOf(filter.toLowerCase());
  if (index < 0) return text;
  return (
    <>
      {text.slice(0, index)}
      <mark className="rounded bg-warn/40 text-ink">{text.slice(index, index + filter.length)}</mark>
      {text.slice(index + filter.length)}
    </>
  );
}

function Text({ text, filter }: { text: string; filter: string }) {
  const segments = parseAnsi(text);
  if (segments.length === 1 && !segments[0]!.color && !segments[0]!.bold)
    return <>{highlight(segments[0]!.text, filter)}</>;
  return (
    <>
      {segments.map((s, i) => (
        <span key={i} style={{ color: s.color, fontWeight: s.bold ? 600 : undefined }}>
          {s.text}
        </span>
      ))}
    </>
  );
}

export const LogLineView = memo(function LogLineView({
  line,
  height,
  wrap = false,
  timestamps,
  filter,
  source,
  selected,
  onSelect,
}: {
  line: ViewLine;
  height: number;
  /** Long lines continue on the next rows (the height says how many) instead of running off. */
  wrap?: boolean;
  timestamps: boolean;
  filter: string;
  /** In a merged view: which source the line comes from. */
  source?: { label: string; color: string };
  selected: boolean;
  onSelect(seq: number): void;
}) {
  if (line.marker !== undefined) {
    return (
      <div style={{ height }} className="px-3 text-center text-warn" data-testid="log-marker">
        {line.marker}
      </div>
    );
  }
  return (
    <div
      style={{ height }}
      onClick={() => onSelect(line.seq)}
      className={`cursor-pointer overflow-hidden ${wrap ? "whitespace-pre-wrap break-all" : "whitespace-pre"} border-l-2 px-3 hover:bg-canvas ${line.severity ? SEVERITY_MARK[line.severity] : "border-l-transparent"} ${line.stream === "stderr" ? "text-bad" : ""} ${selected ? "bg-accent/10" : ""}`}
      data-testid="log-line"
      data-severity={line.severity ?? undefined}
    >
      {timestamps ? <span className="mr-2 text-muted">{line.ts.replace("T", " ").slice(0, 23)}</span> : null}
      {source ? <span className={`mr-2 ${source.color}`}>{source.label}</span> : null}
      <Text text={line.text} filter={filter} />
    </div>
  );
});
