// Whether a cluster serves metrics.k8s.io (metrics-server or another provider), asked of its API
// server as the endpoint and remembered for a short while. Without it there is no usage to show,
// and the person is told so in plain words instead of being shown empty charts.
import type { Endpoint } from "../../db/client";
import { UpstreamError } from "../../endpoints/upstream-error";
import { conflict } from "../../errors";
import { AS_ENDPOINT } from "../../kube/impersonation";
import { kubeApi } from "../../kube/kube-api";

export const METRICS_API = "/apis/metrics.k8s.io/v1beta1";
export const NOT_INSTALLED =
  "metrics-server not installed: this cluster has no metrics.k8s.io API, so there is no usage to show";
const CHECK_KEEP_MS = 30_000;

const checks = new Map<string, { at: number; answer: Promise<void> }>();

/** Plain words for a refusal of the metrics API: 404 (no such group) and 503 (registered, not serving). */
export function metricsApiProblem(error: unknown): string | null {
  const status = error instanceof UpstreamError ? error.status : undefined;
  if (status === 404) return NOT_INSTALLED;
  if (status === 503)
    return "metrics-server not installed or not ready: the cluster's metrics.k8s.io API is unavailable (503)";
  return null;
}

async function check(endpoint: Endpoint): Promise<void> {
  try {
    await kubeApi(endpoint, AS_ENDPOINT)({ path: METRICS_API });
  } catch (error) {
    const problem = metricsApiProblem(error);
    throw problem ? conflict(problem) : error;
  }
}

/** Resolves when the cluster serves metrics.k8s.io; rejects with the reason in plain words. */
export function requireMetricsApi(endpoint: Endpoint): Promise<void> {
  const key = `${endpoint.id}|${endpoint.secret}`;
  const known = checks.get(key);
  if (known && Date.now() - known.at < CHECK_KEEP_MS) return known.answer;
  for (const [k, v] of checks) if (Date.now() - v.at >= CHECK_KEEP_MS) checks.delete(k);
  const answer = check(endpoint);
  answer.catch(() => {});
  checks.set(key, { at: Date.now(), answer });
  return answer;
}
