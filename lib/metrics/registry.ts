// The process's one Prometheus registry, with Node's default metrics. On globalThis: route code
// (bundled apart by Next) and server.ts record into the same metrics, and /api/metrics reads them.
import { collectDefaultMetrics, Registry } from "prom-client";

interface Metrics {
  registry: Registry;
  made: Map<string, unknown>;
}

const key = Symbol.for("fleetdeck.metrics");

function metrics(): Metrics {
  const holder = globalThis as { [key]?: Metrics };
  if (!holder[key]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    holder[key] = { registry, made: new Map() };
  }
  return holder[key];
}

export function metricsRegistry(): Registry {
  return metrics().registry;
}

/** The metric called `name`, made on first use in `registry` (once per process, whichever module asks). */
export function sharedMetric<T>(name: string, make: (registry: Registry) => T): T {
  const { registry, made } = metrics();
  if (!made.has(name)) made.set(name, make(registry));
  return made.get(name) as T;
}
