"use client";

// One time-series chart of live usage, drawn by uPlot (loaded on first use, so pages without charts
// do not carry it), in the page's theme colours, with a text summary of the latest values beside
// it: the figure for screen readers, and what a person reads at a glance.
import "uplot/dist/uPlot.min.css";
import type uPlot from "uplot";
import { useEffect, useRef } from "react";
import { useDocumentTheme } from "@/lib/client/use-document-theme";

export type LineColor = "accent" | "ok" | "warn" | "bad" | "muted";

export interface ChartLine {
  label: string;
  values: (number | null)[];
  color: LineColor;
  /** Dashed: a limit, a request, a capacity — a level rather than a measurement. */
  dash?: boolean;
}

const SWATCH: Record<LineColor, string> = {
  accent: "bg-accent",
  ok: "bg-ok",
  warn: "bg-warn",
  bad: "bg-bad",
  muted: "bg-muted",
};

const POWERS_OF_TWO = Array.from({ length: 50 }, (_, n) => 2 ** n);

export function UsageChart(props: {
  title: string;
  summary: string;
  /** Milliseconds since the epoch, one per value of every line. */
  times: number[];
  lines: ChartLine[];
  format: (value: number) => string;
  testId: string;
  height?: number;
  /** The least top of the y axis: an idle chart reads 0 to 1 KiB/s, not 0 to 1 B/s. */
  floor?: number;
  /** Bytes: ticks at powers of two (128 MiB, 256 MiB), as memory is sized. */
  binary?: boolean;
}) {
  const { title, summary, times, lines, format, testId, height = 140, floor = 1, binary = false } = props;
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = [times.map((t) => t / 1000), ...lines.map((l) => l.values)] as uPlot.AlignedData;
  const latest = useRef({ data, format });
  latest.current = { data, format };
  const theme = useDocumentTheme();
  // A new plot only when what is drawn changes shape (lines, colours, theme), not on every sample.
  const shape = lines.map((l) => `${l.label}:${l.color}:${l.dash ? 1 : 0}`).join("|");

  useEffect(() => {
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    void import("uplot").then(({ default: UPlot }) => {
      const element = box.current;
      if (cancelled || !element) return;
      const css = getComputedStyle(document.documentElement);
      const color = (name: string) => css.getPropertyValue(`--${name}`).trim();
      const axis = {
        stroke: color("muted"),
        grid: { stroke: color("line"), width: 1 },
        ticks: { stroke: color("line") },
      };
      const instance = new UPlot(
        {
          width: element.clientWidth || 300,
          height,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { y: { range: (_u, _min, max) => [0, Math.max(floor, max * 1.1)] } },
          axes: [
            axis,
            {
              ...axis,
              size: 72,
              incrs: binary ? POWERS_OF_TWO : undefined,
              values: (_u, splits) => splits.map((v) => latest.current.format(v)),
            },
          ],
          series: [
            {},
            ...shape.split("|").map((s) => {
              const [label, tone, dash] = s.split(":");
              return { label, stroke: color(tone!), width: 1.5, dash: dash === "1" ? [5, 4] : undefined };
            }),
          ],
        },
        latest.current.data,
        element,
      );
      plot.current = instance;
      observer = new ResizeObserver(() => instance.setSize({ width: element.clientWidth, height }));
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, theme, height, floor, binary]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <figure className="min-w-0 rounded-lg border border-line bg-panel p-3" data-testid={testId}>
      <figcaption className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="text-sm font-semibold">{title}</span>
        <span className="text-sm" data-testid={`${testId}-summary`}>
          {summary}
        </span>
      </figcaption>
      <div ref={box} role="img" aria-label={`${title}: ${summary}`} style={{ height }} />
      <div className="mt-1 flex flex-wrap gap-3 text-xs text-muted">
        {lines.map((l) => (
          <span key={l.label} className="inline-flex items-center gap-1">
            <span className={`inline-block h-0.5 w-3 ${SWATCH[l.color]} ${l.dash ? "opacity-60" : ""}`} /> {l.label}
          </span>
        ))}
      </div>
    </figure>
  );
}
