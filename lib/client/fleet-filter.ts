// The fleet home's filters, kept in the URL (?kind=docker&status=down&tag=prod) so a filtered view
// can be shared and reopened.
import type { EndpointView } from "../endpoints/view";

export interface FleetFilter {
  kind: "docker" | "kubernetes" | null;
  status: "up" | "down" | "checking" | null;
  tag: string | null;
}

const STATUS = { up: "UP", down: "DOWN", checking: "UNKNOWN" } as const;

export function readFleetFilter(params: URLSearchParams): FleetFilter {
  const kind = params.get("kind");
  const status = params.get("status");
  return {
    kind: kind === "docker" || kind === "kubernetes" ? kind : null,
    status: status === "up" || status === "down" || status === "checking" ? status : null,
    tag: params.get("tag") || null,
  };
}

export function matchesFleetFilter(endpoint: EndpointView, filter: FleetFilter): boolean {
  if (filter.kind && endpoint.kind !== filter.kind.toUpperCase()) return false;
  if (filter.status && endpoint.status !== STATUS[filter.status]) return false;
  return !filter.tag || endpoint.tags.includes(filter.tag);
}
