// Kubernetes impersonation (optional, per endpoint): a request made for one person carries
// Impersonate-User (their email) and Impersonate-Group (`fleetdeck:<team>` for each of their
// teams), so the cluster's own RBAC decides and its audit log names the person. The endpoint's
// credentials must be allowed to `impersonate` users and groups.
//
// Only requests made for one person are impersonated: writes, secret reveals, logs and direct
// reads (an object's view and YAML, rollout history). The shared list+watch caches, discovery and
// the cluster overview serve every viewer at once and stay under the endpoint's own credentials,
// filtered by Fleetdeck's grants.
import { db } from "../db/client";
import type { Endpoint } from "../db/client";
import { endpointSettings } from "../endpoints/settings";
import type { Subject } from "../rbac/authorize";

/** Who the cluster is told is asking. */
export interface KubeIdentity {
  user: string;
  groups: string[];
}

/**
 * Whom a request is made for: one person (impersonated where the endpoint says so), or no one in
 * particular (shared caches, discovery, health: the endpoint's own identity). Every caller says
 * which, so a request made for a person cannot forget the person.
 */
export type KubeCaller = { actingAs: Subject } | typeof AS_ENDPOINT;
export const AS_ENDPOINT = "endpoint" as const;

/** The group a team's members are given in the cluster. */
export const TEAM_GROUP_PREFIX = "fleetdeck:";

// A header value must be visible ASCII (and spaces): a team name that is not is left out (fewer
// rights in the cluster, never more).
const HEADER_SAFE = /^[\x20-\x7e]+$/;

export const impersonates = (endpoint: Endpoint): boolean =>
  endpoint.kind === "KUBERNETES" && endpointSettings(endpoint).impersonate === true;

export async function kubeIdentityOf(subject: Subject): Promise<KubeIdentity> {
  const memberships = await db().teamMember.findMany({
    where: { userId: subject.userId },
    select: { team: { select: { name: true } } },
  });
  const groups = memberships
    .map((m) => `${TEAM_GROUP_PREFIX}${m.team.name}`)
    .filter((g) => HEADER_SAFE.test(g))
    .sort();
  return { user: subject.email, groups };
}

/**
 * The identity to impersonate for this caller on this endpoint, read once on first use (later
 * uses of the same client share it); undefined when the request goes as the endpoint itself.
 */
export function identityFor(endpoint: Endpoint, caller: KubeCaller): (() => Promise<KubeIdentity>) | undefined {
  if (caller === AS_ENDPOINT || !impersonates(endpoint)) return undefined;
  let identity: Promise<KubeIdentity> | undefined;
  return () => (identity ??= kubeIdentityOf(caller.actingAs));
}

/** Headers for one request; a group per header line, as the API server reads them. */
export function impersonationHeaders(identity: KubeIdentity): Record<string, string | string[]> {
  return identity.groups.length
    ? { "Impersonate-User": identity.user, "Impersonate-Group": identity.groups }
    : { "Impersonate-User": identity.user };
}

/**
 * What identifies a stream read as a person (log upstreams are shared between viewers only when
 * they read as the same identity); empty when the endpoint's own identity reads.
 */
export function callerKey(endpoint: Endpoint, caller: KubeCaller): string {
  return caller === AS_ENDPOINT || !impersonates(endpoint) ? "" : `@${caller.actingAs.userId}`;
}
