// What /api/metrics answers: every metric of the process in Prometheus' text format.
import { ensureHttpMetrics } from "./http-metrics";
import { ensureLogLineMetrics } from "./log-line-metrics";
import { ensureProcessGauges } from "./process-gauges";
import { metricsRegistry } from "./registry";
import { ensureUpstreamErrorMetrics } from "./upstream-errors";
import { ensureUpstreamStreamMetrics } from "./upstream-streams";
import { ensureWatchCacheMetrics } from "./watch-cache-objects";

export async function metricsText(): Promise<{ text: string; contentType: string }> {
  // Metrics nothing has touched yet still show (at zero) with their HELP.
  ensureHttpMetrics();
  ensureLogLineMetrics();
  ensureProcessGauges();
  ensureUpstreamErrorMetrics();
  ensureUpstreamStreamMetrics();
  ensureWatchCacheMetrics();
  const registry = metricsRegistry();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
