// Endpoints whose own credentials may not list a kind cluster-wide (the API server said 403):
// remembered for a minute, so each list or watch opened meanwhile goes straight to the
// per-namespace fallback instead of asking again and waiting for the same refusal.
import type { Endpoint } from "../../db/client";
import { resourceId, type KubeResourceRef } from "../kinds/kind";

const REMEMBER_MS = 60_000;
const refused = new Map<string, number>();

const key = (endpoint: Endpoint, ref: KubeResourceRef) => `${endpoint.id}|${endpoint.secret}|${resourceId(ref)}`;

export function clusterWideRefused(endpoint: Endpoint, ref: KubeResourceRef): boolean {
  const until = refused.get(key(endpoint, ref));
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  refused.delete(key(endpoint, ref));
  return false;
}

/**
 * True (and remembered) when `error` is the API server refusing a cluster-wide list. Read by its
 * status, not its class: the shared cache may have been started by the other module graph (the
 * server's or Next's copy of this code), whose UpstreamError is another class.
 */
export function noteClusterWideRefusal(endpoint: Endpoint, ref: KubeResourceRef, error: unknown): boolean {
  if ((error as { status?: unknown } | null)?.status !== 403) return false;
  refused.set(key(endpoint, ref), Date.now() + REMEMBER_MS);
  return true;
}
