"use client";

import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { useLogStream, type LogSourceRef, type LogStart, type ViewLine } from "@/lib/client/use-log-stream";
import { useTextColumns } from "@/lib/client/use-text-columns";
import { useVirtualRows } from "@/lib/client/use-virtual-rows";
import { Button } from "../ui/button";
import { SEVERITIES, type Severity } from "@/lib/client/log-severity";
import { LogLineView } from "./log-line-view";
import { SelectedLine } from "./selected-line";
import { ServerSearch } from "./server-search";

const LINE_HEIGHT = 20;
const MAX_WRAPPED_ROWS = 40;

function matcher(filter: string): ((text: string) => boolean) | null {
  if (!filter) return null;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(filter);
  if (regex) {
    try {
      const re = new RegExp(regex[1]!, regex[2]!.replace("g", ""));
      return (text) => re.test(text);
    } catch {
      return () => false;
    }
  }
  const needle = filter.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}

/** For a single container or pod: the download of its last lines, read from the source itself. */
function fullLogHref(sources: LogSourceRef[]): string | null {
  const only = sources.length === 1 ? sources[0]! : null;
  const t = only?.target;
  if (!only || !t || (t.kind !== "container" && t.kind !== "pod")) return null;
  const query =
    t.kind === "container"
      ? { container: t.containerId }
      : {
          namespace: t.namespace,
          pod: t.pod,
          ...(t.container ? { container: t.container } : {}),
          ...(t.previous ? { previous: "true" } : {}),
        };
  return `/api/endpoints/${only.endpointId}/logs?${new URLSearchParams({ ...query, tail: "10000" })}`;
}

// Dozzle-grade log view: only visible lines are rendered; it follows the end until you scroll
// up, then holds still and counts what arrives.
export const SOURCE_COLORS = [
  "text-sky-500",
  "text-emerald-500",
  "text-fuchsia-500",
  "text-amber-500",
  "text-rose-400",
  "text-teal-400",
  "text-indigo-400",
  "text-lime-500",
];

export function LogViewer({ sources, name }: { sources: LogSourceRef[]; name: string }) {
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState("");
  const [streams, setStreams] = useState({ stdout: true, stderr: true });
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [minLevel, setMinLevel] = useState<Severity | "all">("all");
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [startChoice, setStartChoice] = useState("tail:500");
  const start: LogStart = startChoice.startsWith("tail:")
    ? { tail: Number(startChoice.slice(5)) }
    : { sinceSeconds: Number(startChoice.slice(6)) };
  const { lines, states, requests, heldCount, search } = useLogStream({ sources, start, paused });
  const [hidden, setHidden] = useState<Set<number>>(new Set());
  const merged = states.length > 1;
  // In words: requests the server refused or whose watch is down, members not streaming.
  const problems = [
    ...requests.filter((r) => r.error).map((r) => `${r.label === "…" ? "" : `${r.label}: `}${r.error}`),
    ...states.filter((s) => !s.live && !s.ended).map((s) => (merged ? `${s.label}: ` : "") + (s.message ?? "not live")),
  ];
  const waiting = states.length === 0 && problems.length === 0;
  const viewport = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const [seenCount, setSeenCount] = useState(0);

  const visible = useMemo(() => {
    const match = matcher(filter);
    const levels = minLevel === "all" ? null : new Set(SEVERITIES.slice(0, SEVERITIES.indexOf(minLevel) + 1));
    return lines.filter(
      (l: ViewLine) =>
        !hidden.has(l.source) &&
        (l.marker !== undefined ||
          (streams[l.stream] &&
            (!levels || (l.severity !== null && levels.has(l.severity))) &&
            (!match || match(l.text)))),
    );
  }, [lines, filter, streams, hidden, minLevel]);
  const selected =
    selectedSeq === null ? undefined : lines.find((l) => l.seq === selectedSeq && l.marker === undefined);
  const columns = useTextColumns(viewport);
  // Wrapped: each line takes as many rows as its text needs (up to a cap; click for all of it).
  const units = useMemo(() => {
    if (!wrap) return undefined;
    const extra = (timestamps ? 24 : 0) + (merged ? 24 : 0);
    return visible.map((l) =>
      l.marker !== undefined
        ? 1
        : Math.min(MAX_WRAPPED_ROWS, Math.max(1, Math.ceil((l.text.length + extra) / columns))),
    );
  }, [wrap, visible, columns, timestamps, merged]);
  const {
    rows: inView,
    padTop,
    padBottom,
    totalHeight,
  } = useVirtualRows({
    count: visible.length,
    rowHeight: LINE_HEIGHT,
    viewport,
    overscan: 30,
    units,
  });

  // Follow the end: when lines arrive, and when their heights change (wrapped anew).
  useLayoutEffect(() => {
    const element = viewport.current;
    if (element && following) element.scrollTop = element.scrollHeight;
  }, [visible, following, totalHeight]);

  const onScroll = () => {
    const element = viewport.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < LINE_HEIGHT * 2;
    if (atBottom === following) return;
    // Leaving the bottom: remember how much was seen, to count what arrives after.
    if (!atBottom) setSeenCount(visible.length);
    setFollowing(atBottom);
  };

  function download() {
    const label = (l: ViewLine) => (merged ? `${states[l.source]?.label ?? l.source} ` : "");
    const text = lines
      .map((l) => (l.marker !== undefined ? l.marker : `${l.ts} ${label(l)}${l.stream} ${l.text}`))
      .join("\n");
    const url = URL.createObjectURL(new Blob([text + "\n"], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.log`;
    a.click();
    URL.revokeObjectURL(url);
  }

  const newLines = following ? 0 : Math.max(0, visible.length - seenCount);
  return (
    <div className="flex h-[75vh] flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter: text or /regex/"
          aria-label="Filter lines"
          data-shortcut-filter
          className="w-72 rounded-md border border-line bg-panel px-2.5 py-1.5 font-mono text-xs"
        />
        {(["stdout", "stderr"] as const).map((s) => (
          <label key={s} className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={streams[s]}
              onChange={(e) => setStreams((v) => ({ ...v, [s]: e.target.checked }))}
            />{" "}
            {s}
          </label>
        ))}
        <select
          value={startChoice}
          onChange={(e) => setStartChoice(e.target.value)}
          aria-label="Start from"
          className="rounded-md border border-line bg-panel px-2 py-1.5 text-xs"
        >
          {[100, 500, 2000, 5000].map((n) => (
            <option key={n} value={`tail:${n}`}>
              last {n} lines
            </option>
          ))}
          <option value="since:300">last 5 minutes</option>
          <option value="since:3600">last hour</option>
          <option value="since:86400">last day</option>
        </select>
        <select
          value={minLevel}
          onChange={(e) => setMinLevel(e.target.value as Severity | "all")}
          aria-label="Level"
          className="rounded-md border border-line bg-panel px-2 py-1.5 text-xs"
        >
          <option value="all">all levels</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
              {s === "error" ? "" : " and above"}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} /> timestamps
        </label>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> wrap
        </label>
        <Button onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
          {paused ? `Resume${heldCount ? ` (${heldCount} waiting)` : ""}` : "Pause"}
        </Button>
        <Button onClick={download} title="Save the lines loaded in this view">
          Download
        </Button>
        {fullLogHref(sources) ? (
          <a
            href={fullLogHref(sources)!}
            className="rounded-md border border-line px-3 py-1.5 text-xs font-medium hover:bg-canvas"
            title="Fetch the last 10,000 lines from the source itself"
          >
            Last 10,000 lines
          </a>
        ) : null}
        <ServerSearch search={search} />
        <span
          className={`ml-auto text-xs ${problems.length ? "text-warn" : waiting ? "text-muted" : "text-ok"}`}
          role="status"
          data-testid="log-status"
        >
          {problems.length
            ? `● ${problems.join("; ")}`
            : waiting
              ? "● connecting"
              : states.every((s) => s.ended)
                ? "● ended"
                : "● live"}
        </span>
      </div>
      {merged ? (
        <div className="flex flex-wrap gap-2" aria-label="Sources">
          {states.map((s, i) => (
            <button
              key={i}
              onClick={() => setHidden((h) => (h.has(i) ? new Set([...h].filter((x) => x !== i)) : new Set([...h, i])))}
              aria-pressed={!hidden.has(i)}
              className={`rounded-full border border-line px-2 py-0.5 text-xs ${hidden.has(i) ? "opacity-40" : ""}`}
            >
              <span className={SOURCE_COLORS[i % SOURCE_COLORS.length]}>●</span> {s.label}
              {s.ended ? <span className="text-muted"> ({s.message ?? "ended"})</span> : null}
            </button>
          ))}
        </div>
      ) : null}
      {selected && selected.marker === undefined ? (
        <SelectedLine
          line={selected}
          source={merged ? states[selected.source]?.label : undefined}
          onClose={() => setSelectedSeq(null)}
        />
      ) : null}
      <div className="relative min-h-0 flex-1">
        <div
          ref={viewport}
          onScroll={onScroll}
          tabIndex={0}
          role="region"
          aria-label="Log lines"
          className="h-full overflow-auto rounded-lg border border-line bg-panel py-1 font-mono text-xs"
          data-testid="log-lines"
        >
          <div style={{ height: padTop }} />
          {inView.map(({ index, size }) => {
            const line = visible[index]!;
            return (
              <LogLineView
                key={line.seq}
                line={line}
                height={size}
                wrap={wrap}
                timestamps={timestamps}
                filter={filter}
                selected={line.seq === selectedSeq}
                onSelect={setSelectedSeq}
                source={
                  merged
                    ? {
                        label: states[line.source]?.label ?? "",
                        color: SOURCE_COLORS[line.source % SOURCE_COLORS.length]!,
                      }
                    : undefined
                }
              />
            );
          })}
          <div style={{ height: padBottom }} />
          {visible.length === 0 ? (
            <p className="px-3 text-muted">{lines.length ? "No line matches the filter." : "Waiting for lines…"}</p>
          ) : null}
        </div>
        {!following && newLines > 0 ? (
          <button
            onClick={() => setFollowing(true)}
            className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-accent px-3 py-1 text-xs text-white shadow"
          >
            {newLines} new lines — jump to bottom
          </button>
        ) : null}
      </div>
    </div>
  );
}
