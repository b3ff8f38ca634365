// "May this person do that here?" answered from the ACTIONS table the server enforces, so the UI
// offers exactly what the API allows. Client-safe: used by components as well as authorize().
import { ACTIONS, ROLE_RANK, type Action, type EndpointRole } from "./actions";

/** What a page knows about the signed-in person on one endpoint. */
export interface EndpointAccess {
  /** Their highest role there (global administrators count as ENDPOINT_ADMIN), or none. */
  role: EndpointRole | null;
  isAdmin: boolean;
}

export function can(access: EndpointAccess, action: Action): boolean {
  if (access.isAdmin) return true;
  const needed = ACTIONS[action];
  if (needed === "admin" || access.role === null) return false;
  return ROLE_RANK[access.role] >= ROLE_RANK[needed];
}
