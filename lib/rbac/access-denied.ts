// A refusal by the access rules inside a socket event (or any work outside a route wrapper): the
// person is told `message`, and the one place that answers (lib/realtime/socket-handler.ts) writes
// it to the audit log as DENIED — as a route's `require` does for REST.
import type { Action } from "./actions";

export interface DeniedAttempt {
  action: Action;
  /** The endpoint, when the person may see it (a refusal never confirms that a hidden one exists). */
  endpointId?: string | null;
  target?: string | null;
}

export class AccessDeniedError extends Error {
  constructor(
    message: string,
    readonly attempt: DeniedAttempt,
  ) {
    super(message);
  }
}

/** "Does not exist" and "not yours" get the same words, as over HTTP; the id asked for is the target. */
export const endpointNotFound = (action: Action, endpointId: string) =>
  new AccessDeniedError("endpoint not found", { action, endpointId: null, target: endpointId });
