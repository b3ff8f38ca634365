// A column of a usage series as the chart's values, and its newest known value.
import type { UsageState } from "./usage-store";

export function column(state: UsageState, name: string): (number | null)[] {
  const i = state.columns.indexOf(name);
  return i < 0 ? state.points.map(() => null) : state.points.map((p) => p.v[i] ?? null);
}

export function latest(state: UsageState, name: string): number | null {
  const i = state.columns.indexOf(name);
  if (i < 0) return null;
  for (let k = state.points.length - 1; k >= 0; k--) {
    const value = state.points[k]!.v[i];
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

export const times = (state: UsageState) => state.points.map((p) => p.t);
