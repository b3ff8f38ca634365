// Grants given to an endpoint tag reach every endpoint carrying it: at load time they become one
// grant per such endpoint, so every access decision keeps working on endpoint ids alone (and a tag
// added to or removed from an endpoint counts from the next request on).
import { db } from "../db/client";
import type { Grant } from "./authorize";

export interface StoredGrant extends Grant {
  endpointTag: string | null;
}

/** Whether a stored grant (on one endpoint, on a tag, or on every endpoint) reaches this endpoint. */
export function grantReaches(
  grant: { endpointId: string | null; endpointTag: string | null },
  endpoint: { id: string; tags: string[] },
): boolean {
  if (grant.endpointId) return grant.endpointId === endpoint.id;
  if (grant.endpointTag) return endpoint.tags.includes(grant.endpointTag);
  return true;
}

export async function expandTagGrants(stored: StoredGrant[]): Promise<Grant[]> {
  const tags = [...new Set(stored.flatMap((g) => (g.endpointTag ? [g.endpointTag] : [])))];
  const strip = ({ endpointId, role, namespaces }: Grant): Grant => ({ endpointId, role, namespaces });
  if (!tags.length) return stored.map(strip);
  const tagged = await db().endpoint.findMany({ where: { tags: { hasSome: tags } }, select: { id: true, tags: true } });
  return stored.flatMap((g) => {
    if (!g.endpointTag) return [strip(g)];
    return tagged
      .filter((e) => grantReaches(g, e))
      .map((e) => ({ endpointId: e.id, role: g.role, namespaces: g.namespaces }));
  });
}
