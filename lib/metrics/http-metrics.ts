// HTTP request durations by method, route pattern (never a raw path: ids would make a series per
// object) and status.
import { Histogram } from "prom-client";
import { sharedMetric } from "./registry";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const httpDuration = () =>
  sharedMetric(
    "http_request_duration_seconds",
    (registry) =>
      new Histogram({
        name: "http_request_duration_seconds",
        help: "HTTP requests by method, route pattern and status, until the response was finished or cut off",
        labelNames: ["method", "route", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers: [registry],
      }),
  );

export function observeHttpRequest(request: { method: string; route: string; status: number; seconds: number }) {
  const method = METHODS.has(request.method) ? request.method : "OTHER";
  httpDuration().observe({ method, route: request.route, status: String(request.status) }, request.seconds);
}

/** Makes the histogram exist before the first request (a scrape shows its HELP and TYPE). */
export const ensureHttpMetrics = () => void httpDuration();
