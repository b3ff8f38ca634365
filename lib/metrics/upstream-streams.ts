// Upstream streams open now, by kind (docker-events, logs, kube-watch, usage, terminal) and
// endpoint id. Read from the hubs at scrape time — each registers a counter of its own current
// upstreams — rather than counted up and down at every open and close.
import { Gauge } from "prom-client";
import { sharedMetric } from "./registry";

/** [endpoint id, upstreams open] pairs; an endpoint may appear more than once (they are summed). */
export type StreamCounts = Iterable<readonly [string, number]>;

const counters = () => sharedMetric("upstream stream counters", () => new Map<string, () => StreamCounts>());

const gauge = () =>
  sharedMetric(
    "fleetdeck_upstream_streams",
    (registry) =>
      new Gauge({
        name: "fleetdeck_upstream_streams",
        help: "Upstream streams this instance holds open, by kind and endpoint id",
        labelNames: ["kind", "endpoint"],
        registers: [registry],
        collect() {
          this.reset();
          for (const [kind, count] of counters()) {
            const byEndpoint = new Map<string, number>();
            for (const [endpoint, n] of count()) byEndpoint.set(endpoint, (byEndpoint.get(endpoint) ?? 0) + n);
            for (const [endpoint, n] of byEndpoint) if (n > 0) this.set({ kind, endpoint }, n);
          }
        },
      }),
  );

/** The hub of `kind` tells its open upstreams at every scrape (a later registration of a kind replaces it). */
export function countUpstreamStreams(kind: string, count: () => StreamCounts): void {
  gauge();
  counters().set(kind, count);
}

export const ensureUpstreamStreamMetrics = () => void gauge();
