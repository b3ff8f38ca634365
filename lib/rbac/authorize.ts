// The one access decision, used by REST handlers and socket subscriptions alike.
import { ACTIONS, ENDPOINT_LEVEL_ACTIONS, ROLE_RANK, type Action, type EndpointRole } from "./actions";
import { can } from "./can";

export interface Grant {
  /** null = every endpoint */
  endpointId: string | null;
  role: EndpointRole;
  /** Kubernetes namespaces the grant is limited to; empty = all. */
  namespaces: string[];
}

export interface Subject {
  userId: string;
  email: string;
  isAdmin: boolean;
  /** The user's own grants and those of their teams (an API token's already capped to its ceiling). */
  grants: Grant[];
  /** The server-side session a browser request came with (absent for API tokens). */
  sessionId?: string;
  /** An API token's ceiling, already applied to `grants` and `isAdmin` by `capSubject`. */
  ceiling?: EndpointRole;
}

export interface Scope {
  endpointId?: string;
  /** For namespaced Kubernetes resources. */
  namespace?: string;
}

export type Decision = { allowed: true } | { allowed: false; reason: "not-visible" | "forbidden" };

function grantsFor(subject: Subject, endpointId: string): Grant[] {
  return subject.grants.filter((g) => g.endpointId === null || g.endpointId === endpointId);
}

function coversNamespace(grant: Grant, namespace: string | undefined): boolean {
  if (grant.namespaces.length === 0) return true;
  return namespace !== undefined && grant.namespaces.includes(namespace);
}

export function authorize(subject: Subject, action: Action, scope: Scope = {}): Decision {
  if (subject.isAdmin) return { allowed: true };
  const needed = ACTIONS[action];
  const grants = scope.endpointId ? grantsFor(subject, scope.endpointId) : [];
  // Someone with no grant on an endpoint must not learn it exists.
  if (scope.endpointId && grants.length === 0) return { allowed: false, reason: "not-visible" };
  if (needed === "admin" || !scope.endpointId) return { allowed: false, reason: "forbidden" };
  const anyNamespace = ENDPOINT_LEVEL_ACTIONS.has(action);
  const ok = grants.some(
    (g) => can({ role: g.role, isAdmin: false }, action) && (anyNamespace || coversNamespace(g, scope.namespace)),
  );
  return ok ? { allowed: true } : { allowed: false, reason: "forbidden" };
}

/** The highest role the subject holds on an endpoint (for showing what the UI may offer). */
export function roleOn(subject: Subject, endpointId: string): EndpointRole | null {
  if (subject.isAdmin) return "ENDPOINT_ADMIN";
  let best: EndpointRole | null = null;
  for (const g of grantsFor(subject, endpointId)) {
    if (!best || ROLE_RANK[g.role] > ROLE_RANK[best]) best = g.role;
  }
  return best;
}

/**
 * The highest role the subject holds for one namespace of an endpoint (grants limited to other
 * namespaces do not count): what the UI may offer on an object there.
 */
export function roleIn(subject: Subject, endpointId: string, namespace: string | undefined): EndpointRole | null {
  if (subject.isAdmin) return "ENDPOINT_ADMIN";
  let best: EndpointRole | null = null;
  for (const g of grantsFor(subject, endpointId)) {
    if (!coversNamespace(g, namespace)) continue;
    if (!best || ROLE_RANK[g.role] > ROLE_RANK[best]) best = g.role;
  }
  return best;
}

/** Which of the given endpoints the subject may see at all. */
export function visibleEndpointIds(subject: Subject, endpointIds: string[]): string[] {
  if (subject.isAdmin) return endpointIds;
  return endpointIds.filter((id) => grantsFor(subject, id).length > 0);
}

/** Namespaces the subject may use on an endpoint: "all", or a list. */
export function allowedNamespaces(subject: Subject, endpointId: string): "all" | string[] {
  if (subject.isAdmin) return "all";
  const grants = grantsFor(subject, endpointId);
  if (grants.some((g) => g.namespaces.length === 0)) return "all";
  return [...new Set(grants.flatMap((g) => g.namespaces))];
}
