// Usage figures in words, for chart axes and the text summaries beside every chart (what a screen
// reader reads, and what tests assert on).
import type { Resources } from "../streams/usage/usage-types";

const IEC = ["B", "KiB", "MiB", "GiB", "TiB"];

/** Memory as `docker stats` and kubectl show it: 40 MiB, 1.5 GiB. */
export function formatMemory(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "–";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const i = Math.min(IEC.length - 1, Math.floor(Math.log2(bytes) / 10));
  const value = bytes / 1024 ** i;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${IEC[i]}`;
}

export const formatRate = (bytesPerSecond: number | null | undefined) =>
  bytesPerSecond === null || bytesPerSecond === undefined ? "–" : `${formatMemory(bytesPerSecond)}/s`;

export function formatPercent(percent: number | null | undefined): string {
  if (percent === null || percent === undefined) return "–";
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)} %`;
}

/** CPU in cores as Kubernetes writes it: 12m below one core, 1.5 above. */
export function formatCores(cores: number | null | undefined): string {
  if (cores === null || cores === undefined) return "–";
  if (cores < 1) return `${Math.round(cores * 1000)}m`;
  return `${Number(cores.toFixed(2))} cores`;
}

/** "of 512 MiB" when there is a limit worth saying (Docker reports the host's memory when unlimited). */
export const ofLimit = (limit: number | null | undefined, format: (n: number) => string) =>
  limit ? ` of ${format(limit)}` : "";

/** "request 100m, limit 200m" (only what is set). */
export function requestAndLimit(requests: Resources, limits: Resources, which: keyof Resources): string {
  const format = which === "cpu" ? formatCores : formatMemory;
  const parts = [
    requests[which] !== null ? `request ${format(requests[which])}` : null,
    limits[which] !== null ? `limit ${format(limits[which])}` : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
