// Failures talking to an endpoint (a REST call's upstream error, a failed health check), by
// endpoint id and kind of failure (unreachable, tls, unauthorized, timeout…).
import { Counter } from "prom-client";
import { sharedMetric } from "./registry";

const counter = () =>
  sharedMetric(
    "fleetdeck_upstream_errors_total",
    (registry) =>
      new Counter({
        name: "fleetdeck_upstream_errors_total",
        help: "Failures talking to an endpoint's engine or API server, by endpoint id and kind",
        labelNames: ["endpoint", "kind"],
        registers: [registry],
      }),
  );

export function countUpstreamError(endpointId: string, kind: string): void {
  counter().inc({ endpoint: endpointId, kind });
}

export const ensureUpstreamErrorMetrics = () => void counter();
