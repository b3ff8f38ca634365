// CPU time and resident memory of a process, from /proc (Linux), for server-side figures.
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

export function processStats(pid: number): { cpuSeconds: number; rssMb: number } {
  // Fields after the command name (which may hold spaces) start at "state": utime is 14th overall.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return { cpuSeconds, rssMb: rssKb / 1024 };
}

/** The value below which a fraction `q` of the values lie (nearest rank). */
export const percentile = (v: number[], q: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * q))]!;
export const median = (v: number[]) => percentile(v, 0.5);
export const p95 = (v: number[]) => percentile(v, 0.95);
