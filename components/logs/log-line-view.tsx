import { memo } from "react";
import type { ViewLine } from "@/lib/client/use-log-stream";

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

export const LogLineView = memo(function LogLineView({
  line,
  height,
  timestamps,
  filter,
  source,
}: {
  line: ViewLine;
  height: number;
  timestamps: boolean;
  filter: string;
  /** In a merged view: which source the line comes from. */
  source?: { label: string; color: string };
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
      className={`overflow-hidden whitespace-pre px-3 hover:bg-canvas ${line.stream === "stderr" ? "text-bad" : ""}`}
      data-testid="log-line"
      title={line.text.length > 300 ? "long line: hover to scroll" : undefined}
    >
      {timestamps ? <span className="mr-2 text-muted">{line.ts.replace("T", " ").slice(0, 23)}</span> : null}
      {source ? <span className={`mr-2 ${source.color}`}>{source.label}</span> : null}
      {highlight(line.text, filter)}
    </div>
  );
});
