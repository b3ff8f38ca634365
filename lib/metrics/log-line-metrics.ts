// Log lines sent to viewers, and lines a viewer skipped because it fell behind the ring (the
// "skipped N lines" marker it was shown).
import { Counter } from "prom-client";
import { sharedMetric } from "./registry";

const forwarded = () =>
  sharedMetric(
    "fleetdeck_log_lines_forwarded_total",
    (registry) =>
      new Counter({
        name: "fleetdeck_log_lines_forwarded_total",
        help: "Log lines sent to viewers (one per line per viewer)",
        registers: [registry],
      }),
  );

const dropped = () =>
  sharedMetric(
    "fleetdeck_log_lines_dropped_total",
    (registry) =>
      new Counter({
        name: "fleetdeck_log_lines_dropped_total",
        help: "Log lines viewers skipped because they fell behind (shown to them as 'skipped N lines')",
        registers: [registry],
      }),
  );

export function countLogLines(sent: number, skipped: number): void {
  if (sent) forwarded().inc(sent);
  if (skipped) dropped().inc(skipped);
}

export const ensureLogLineMetrics = () => void (forwarded(), dropped());
